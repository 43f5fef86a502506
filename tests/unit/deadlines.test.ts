import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDeadline, parseDeadline } from '../../src/domain/deadlines';

const ARTICLE = '2022-03-22';

/** A real calendar day in YYYY-MM-DD. */
function isIsoDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  return new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
}

describe('parseDeadline', () => {
  it.each([
    ['quý II', '2022-06-30'],
    ['Quý II', '2022-06-30'],
    ['quý I-2022', '2022-03-31'],
    ['quý 2/2023', '2023-06-30'],
    ['quý IV năm 2022', '2022-12-31'],
    ['quý III/2024', '2024-09-30'],
    ['6 tháng đầu năm', '2022-06-30'],
    ['6 tháng cuối năm', '2022-12-31'],
    ['sáu tháng đầu năm 2023', '2023-06-30'],
    ['trong năm 2022', '2022-12-31'],
    ['trước ngày 30/6', '2022-06-30'],
    ['trước 30-6-2022', '2022-06-30'],
    ['chậm nhất ngày 15/7/2022', '2022-07-15'],
    ['ngày 30 tháng 6 năm 2022', '2022-06-30'],
    ['cuối năm', '2022-12-31'],
    ['cuối năm 2023', '2023-12-31'],
    ['cuối quý III', '2022-09-30'],
    ['tháng 5/2022', '2022-05-31'],
    ['tháng 2/2024', '2024-02-29'],
    ['trong tháng 5', '2022-05-31'],
    ['năm 2023', '2023-12-31'],
    ['trong năm nay', '2022-12-31'],
    ['quý I năm sau', '2023-03-31'],
    ['trước tháng 6', '2022-05-31'],
    ['trước quý III', '2022-06-30'],
    ['trước năm 2025', '2024-12-31'],
    ['giữa năm', '2022-06-30'],
    ['trong 30 ngày', '2022-04-21'],
    ['trong 2 tuần', '2022-04-05'],
    ['trong 3 tháng', '2022-06-22'],
    ['trước Tết Nguyên đán', '2023-01-21'],
  ])('%s → %s (article of 22/03/2022)', (text, date) => {
    expect(parseDeadline(text, ARTICLE)).toEqual({ text: text.trim(), date });
  });

  it('tolerates a leading "hoàn thành" and trailing punctuation', () => {
    expect(parseDeadline(' hoàn thành trong quý II. ', ARTICLE)).toEqual({
      text: 'hoàn thành trong quý II',
      date: '2022-06-30',
    });
  });

  it('reads NFD input like NFC', () => {
    expect(parseDeadline('quý II'.normalize('NFD'), ARTICLE)?.date).toBe('2022-06-30');
    expect(parseDeadline('trước Tết Nguyên đán'.normalize('NFD'), ARTICLE)?.date).toBe('2023-01-21');
  });

  it.each([
    'thời gian tới',
    'trong thời gian tới',
    'khẩn trương',
    'sớm',
    'nhiệm kỳ 2020-2025',
    'giai đoạn 2021-2025',
    'năm 2021-2025',
    'đầu năm 2023',
    '31/2',
    'ngày 31/2/2022',
    'trước ngày 29/2',
    'tháng 13',
    'quý V',
    'quý',
    '',
    'hôm nay',
    'trước Tết Nguyên đán 2060',
  ])('%j is no deadline', (text) => {
    expect(parseDeadline(text, ARTICLE)).toBeNull();
  });

  it('accepts a leap day in a leap year only', () => {
    expect(parseDeadline('trước ngày 29/2', '2024-01-10')?.date).toBe('2024-02-29');
    expect(parseDeadline('ngày 29/2/2023', ARTICLE)).toBeNull();
  });

  it('reads a period already over as next year only when it ended more than six months before', () => {
    // quý I in November: next year's first quarter.
    expect(parseDeadline('quý I', '2022-11-10')?.date).toBe('2023-03-31');
    expect(parseDeadline('tháng 2', '2022-12-01')?.date).toBe('2023-02-28');
    // quý II in August: still this year's (a reported deadline, now overdue).
    expect(parseDeadline('quý II', '2022-08-10')?.date).toBe('2022-06-30');
    expect(parseDeadline('trước ngày 30/6', '2022-07-05')?.date).toBe('2022-06-30');
    // Explicit years are kept as written.
    expect(parseDeadline('quý I-2022', '2022-11-10')?.date).toBe('2022-03-31');
  });

  it('reads this and next week, month and quarter against the article', () => {
    // 15/08/2025 is a Friday: the week ends on Sunday 17/08.
    expect(parseDeadline('trong tuần này', '2025-08-15')?.date).toBe('2025-08-17');
    expect(parseDeadline('trong tuần tới', '2025-08-17')?.date).toBe('2025-08-24');
    expect(parseDeadline('trong tháng này', '2025-08-15')?.date).toBe('2025-08-31');
    expect(parseDeadline('trong tháng tới', '2025-12-15')?.date).toBe('2026-01-31');
    expect(parseDeadline('cuối quý này', '2025-11-01')?.date).toBe('2025-12-31');
    // Without an introducer, inside a sentence, it is not taken for a deadline.
    expect(findDeadline('tháng này huyện đạt 90%', '2025-08-15')).toBeNull();
  });

  it('resolves Tết to the eve of the next lunar new year after the article', () => {
    expect(parseDeadline('trước Tết', '2025-10-08')?.date).toBe('2026-02-16');
    expect(parseDeadline('trước Tết Nguyên đán 2024', ARTICLE)?.date).toBe('2024-02-09');
    // Tết alone (without "trước") is not a deadline.
    expect(parseDeadline('Tết Nguyên đán', ARTICLE)).toBeNull();
  });

  it('needs the article date for expressions without a year', () => {
    expect(parseDeadline('quý II', '')).toBeNull();
    expect(parseDeadline('quý II', 'not a date')).toBeNull();
    expect(parseDeadline('quý II/2023', '')?.date).toBe('2023-06-30');
  });
});

describe('findDeadline', () => {
  it('finds quý II in the seed sentence, not the reported quarter', () => {
    const s =
      'tiếp thu đầy đủ những ý kiến góp ý của đoàn công tác để bổ sung, hoàn thiện báo cáo sơ kết quý I-2022 của Huyện ủy, làm cơ sở tiếp tục triển khai nhiệm vụ quý II và thời gian tới';
    const d = findDeadline(s, ARTICLE);
    expect(d).toEqual({
      text: 'quý II',
      date: '2022-06-30',
      start: s.lastIndexOf('quý II'),
      end: s.lastIndexOf('quý II') + 6,
    });
  });

  it('returns the span of the expression as written', () => {
    const s = 'Sở Xây dựng rà soát, báo cáo UBND tỉnh trước ngày 30/6/2022.';
    const d = findDeadline(s, ARTICLE)!;
    expect(d.date).toBe('2022-06-30');
    expect(s.slice(d.start, d.end)).toBe(d.text);
    expect(d.text).toBe('trước ngày 30/6/2022');
  });

  it('prefers a marked deadline to a bare period', () => {
    const s = 'triển khai nhiệm vụ quý III, hoàn thành trước ngày 15/8/2022';
    expect(findDeadline(s, ARTICLE)?.text).toBe('trước ngày 15/8/2022');
  });

  it.each([
    ['about the resolution of a year', 'thực hiện Nghị quyết (NQ) Tỉnh ủy năm 2022 và Quy định số 11-QĐi/TW'],
    ['a plan year', 'bố trí vốn trong kế hoạch đầu tư công năm 2024'],
    ['a document date', 'theo Kế hoạch số 25-KH/TU ngày 10/3/2022 của Ban Thường vụ'],
    ['a starting point', 'áp dụng kể từ tháng 5/2022'],
    ['a period name', 'thực hiện Nghị quyết nhiệm kỳ 2020-2025, giai đoạn 2021-2025'],
    ['a fraction', 'giảm 1/2 số hộ nghèo'],
    ['a past date', 'trước ngày 1/3/2022 đã hoàn thành'],
    ['vague words', 'khẩn trương triển khai trong thời gian tới, sớm báo cáo'],
    ['an hour count', 'phun hóa chất trong vòng 48 giờ'],
  ])('skips %s', (_, s) => {
    expect(findDeadline(s, ARTICLE)).toBeNull();
  });

  it('counts the targets of a year as due at its end', () => {
    expect(findDeadline('hoàn thành các chỉ tiêu còn lại của năm 2022', '2022-07-15')?.date).toBe('2022-12-31');
    expect(findDeadline('đạt và vượt các chỉ tiêu Nghị quyết năm 2023', '2023-04-18')?.date).toBe('2023-12-31');
  });

  it('never throws and always yields a real day whose text is the span (property)', () => {
    const vocabulary = fc.constantFrom(
      'quý',
      'Quý',
      'I',
      'II',
      'IV',
      '2',
      '-',
      '/',
      '.',
      ' ',
      'tháng',
      'năm',
      'ngày',
      'trước',
      'trong',
      'cuối',
      'đầu',
      'giữa',
      'chậm nhất',
      'đến hết',
      '6 tháng đầu năm',
      'Tết',
      'Nguyên đán',
      '30',
      '31',
      '29',
      '12',
      '13',
      '2022',
      '2099',
      '1899',
      'nay',
      'sau',
      'tuần',
      'làm việc',
      'nhiệm kỳ',
      'sơ kết',
      'Kế hoạch',
    );
    const sentence = fc.oneof(
      fc.array(vocabulary, { maxLength: 30 }).map((parts) => parts.join(' ')),
      fc.array(vocabulary, { maxLength: 30 }).map((parts) => parts.join('')),
      fc.string({ unit: 'binary', maxLength: 60 }),
    );
    const articleDate = fc.oneof(
      fc
        .date({ min: new Date('1990-01-01'), max: new Date('2150-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(sentence, articleDate, (s, a) => {
        const found = findDeadline(s, a);
        if (found) {
          expect(isIsoDay(found.date)).toBe(true);
          expect(s.slice(found.start, found.end)).toBe(found.text);
        }
        const parsed = parseDeadline(s, a);
        if (parsed) expect(isIsoDay(parsed.date)).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  it('scans long text in linear time (no catastrophic backtracking)', () => {
    // Nothing here is a deadline, so every candidate is examined to the end of the text.
    const chunk = 'sơ kết quý I-2022, Kế hoạch ngày 10/3/2022, giảm 1/2 số hộ, năm 2022-2025, quý V, tháng 13, 31/2 ';
    // CPU time (less sensitive than wall time to a busy machine), fastest of three.
    const cpuMs = () => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    };
    const time = (s: string) => {
      let best = Number.POSITIVE_INFINITY;
      for (let i = 0; i < 3; i++) {
        const t0 = cpuMs();
        expect(findDeadline(s, ARTICLE)).toBeNull();
        best = Math.min(best, cpuMs() - t0);
      }
      return best;
    };
    const small = time(chunk.repeat(2_500));
    const large = time(chunk.repeat(10_000));
    expect(large / Math.max(small, 1)).toBeLessThan(8);
  });
});

describe('deadline expressions of real news', () => {
  const at = '2018-11-09';
  it("reads the rest of the year, durations in words and the sources' typos", () => {
    expect(findDeadline('triển khai các phương án phòng, chống lụt, bão trong những tháng cuối năm', at)).toMatchObject(
      {
        text: 'trong những tháng cuối năm',
        date: '2018-12-31',
      },
    );
    expect(findDeadline('tạm hoãn các hội họp chưa cần thiết trong hai ngày tới', at)).toMatchObject({
      text: 'trong hai ngày',
      date: '2018-11-11',
    });
    expect(findDeadline('Thời gian thực hiện hoàn thành trướcngày 20/11/2018', at)).toMatchObject({
      text: 'trướcngày 20/11/2018',
      date: '2018-11-20',
    });
    expect(findDeadline('những tháng đầu năm', at)).toBeNull();
  });

  it("takes no deadline from a plan's horizon, a forecast, a meeting's name or the targets being followed", () => {
    expect(findDeadline('thực hiện tốt Quy hoạch tỉnh đến năm 2030 đã được phê duyệt', at)).toBeNull();
    expect(findDeadline('để chủ động trước dự báo tình hình khô, hạn trong năm 2019', at)).toBeNull();
    expect(
      findDeadline('Tại Nghị quyết phiên họp Chính phủ thường kỳ tháng 12/2018, Chính phủ yêu cầu', at),
    ).toBeNull();
    expect(findDeadline('bám sát các chỉ tiêu kinh tế - xã hội 6 tháng cuối năm để lãnh đạo', at)).toBeNull();
  });
});
