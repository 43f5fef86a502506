import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/api/schemas';
import { type Directive, extractDirectives } from '../../src/extraction/extract';

const SEED = readFileSync(join(__dirname, '..', 'fixtures', 'extraction', '01-seed-cho-lach-2022.txt'), 'utf8');

/** CPU time of this process in ms (wall time when unavailable): less sensitive than wall time to a busy machine. */
function cpuMs(): number {
  if (typeof process !== 'undefined' && typeof process.cpuUsage === 'function') {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  }
  return performance.now();
}

function isIsoDay(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
}

/** Every invariant of the output, against the NFC form of the input. */
function checkInvariants(input: string, directives: Directive[]): void {
  const text = input.normalize('NFC');
  for (const d of directives) {
    for (const span of [d.quote, d.clause]) {
      expect(Number.isInteger(span.start) && Number.isInteger(span.end)).toBe(true);
      expect(span.start).toBeGreaterThanOrEqual(0);
      expect(span.end).toBeLessThanOrEqual(text.length);
      expect(span.end).toBeGreaterThan(span.start);
      expect(text.slice(span.start, span.end)).toBe(span.text);
    }
    expect(d.clause.start).toBeGreaterThanOrEqual(d.quote.start);
    expect(d.clause.end).toBeLessThanOrEqual(d.quote.end);
    expect(d.title.length).toBeGreaterThan(0);
    expect(CATEGORIES).toContain(d.category);
    expect(d.confidence).toBeGreaterThanOrEqual(0);
    expect(d.confidence).toBeLessThanOrEqual(1);
    if (d.deadline) expect(isIsoDay(d.deadline.date)).toBe(true);
  }
}

/** Words and marks of the genre, so that random text reaches deep into the extractor. */
const GENRE = fc.constantFrom(
  'Bí thư Tỉnh ủy',
  'Lê Đức Thọ',
  'đề nghị',
  'Đề nghị',
  'yêu cầu',
  'chỉ đạo',
  'giao',
  'Giao',
  'kiến nghị',
  'xin chủ trương',
  'đồng ý chủ trương',
  'cần',
  'phải',
  'huyện',
  'Huyện',
  'Huyện ủy Chợ Lách',
  'xã',
  'các xã',
  'Phú Sơn',
  'UBND tỉnh',
  'Sở Y tế',
  'BTV',
  '(BTV)',
  'Ban Thường vụ',
  'tiếp tục',
  'Tập trung',
  'tập trung',
  'xây dựng',
  'cầu Đình Khao',
  'Trung tâm',
  'Đề án',
  'và',
  'đã',
  'Qua đó',
  'Đồng thời',
  'quý II',
  'quý I-2022',
  'trước ngày 30/6',
  '31/2',
  'trong năm 2022',
  'nhiệm kỳ 2020-2025',
  'Tết Nguyên đán',
  '11-QĐi/TW',
  'TP.',
  ',',
  ', ',
  '.',
  '. ',
  ';',
  ':',
  '“',
  '”',
  '"',
  '-',
  '- ',
  '1. ',
  'a) ',
  '\n',
  '\n\n',
  '\r\n',
  ' ',
  '…',
  'Tin, ảnh: Thanh Đồng',
  'Đại biểu tham gia đóng góp ý kiến.',
  '\u0301',
  '😀',
  '\ud800',
);

const genreText = fc.array(GENRE, { maxLength: 80 }).map((parts) => parts.join(' '));
const tightGenreText = fc.array(GENRE, { maxLength: 80 }).map((parts) => parts.join(''));
/** Any UTF-16 string, lone surrogates included. */
const anyUtf16 = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  maxLength: 200,
});
const seedSlices = fc
  .tuple(fc.nat(SEED.length), fc.nat(SEED.length))
  .map(([a, b]) => SEED.slice(Math.min(a, b), Math.max(a, b)));
/** Sentences shaped like directives (speaker, cue, addressee, a list of tasks), with random noise in between. */
const directiveLike = fc
  .tuple(
    fc.constantFrom(
      'Thay mặt đoàn, Bí thư Tỉnh ủy Lê Đức Thọ',
      'Chủ tịch UBND tỉnh',
      'Huyện',
      'Cử tri',
      'Đồng chí',
      '',
    ),
    fc.constantFrom('đề nghị', 'yêu cầu', 'giao', 'kiến nghị', 'chỉ đạo:', 'đã chỉ đạo', 'cần'),
    fc.constantFrom('BTV Huyện ủy Chợ Lách', 'các sở, ngành', 'UBND huyện', 'tỉnh', 'xã Phú Sơn', ''),
    fc.array(
      fc.tuple(
        fc.constantFrom('tiếp tục', 'tập trung', 'khẩn trương', '', 'cần'),
        fc.constantFrom('xây dựng', 'nâng cấp', 'rà soát', 'bổ sung', 'hoàn thành', 'vận động', 'phát triển'),
        fc.constantFrom(
          'cầu Đình Khao',
          'các tuyến quốc lộ',
          'Đề án Làng văn hóa',
          'nhân dân hưởng ứng',
          'kinh tế hợp tác',
        ),
        fc.constantFrom('', ' trước ngày 30/6', ' trong quý II', ' trong năm 2022', ' quý I-2022'),
        fc.constantFrom(', ', ' và ', '; ', ', tạo ', '. Đồng thời, ', '.\n- ', '\n\n'),
      ),
      { minLength: 1, maxLength: 6 },
    ),
    GENRE,
  )
  .map(
    ([speaker, cue, addressee, tasks, noise]) =>
      `${speaker} ${cue} ${addressee} ${tasks.map((t) => t.join(' ')).join('')} ${noise}.`,
  );
const dates = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom('2022-03-22', '2025-10-08', '1999-12-31'),
  fc.string({ maxLength: 12 }),
);

describe('extractDirectives (properties)', () => {
  it('never throws, and every span lies inside the input and quotes it exactly', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          directiveLike,
          directiveLike,
          genreText,
          tightGenreText,
          anyUtf16,
          fc.string({ unit: 'binary' }),
          seedSlices,
        ),
        dates,
        (input, date) => {
          const ds = extractDirectives(input, { articleDate: date });
          checkInvariants(input, ds);
        },
      ),
      { numRuns: 600 },
    );
  });

  it('keeps spans exact on the seed in NFD with random noise around it', () => {
    fc.assert(
      fc.property(genreText, genreText, (before, after) => {
        const input = `${before}\n${SEED.normalize('NFD')}\n${after}`;
        const ds = extractDirectives(input, { articleDate: '2022-03-22' });
        checkInvariants(input, ds);
        expect(ds.filter((d) => d.quote.text.includes('cầu Đình Khao')).length).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 60 },
    );
  });

  it('does not throw on non-string or odd options', () => {
    expect(extractDirectives(undefined as unknown as string)).toEqual([]);
    expect(extractDirectives(42 as unknown as string, { articleDate: 'x' })).toEqual([]);
    expect(() => extractDirectives(SEED, { articleDate: '2022-13-45' })).not.toThrow();
  });

  it('processes 1 MB in linear time (time of 1 MB vs 250 kB stays well under 8×)', () => {
    // Realistic text (the seed, repeated) and a hostile mix of cues, dates, bullets and punctuation. CPU time, runs
    // interleaved and the fastest of each size kept, so that a busy machine does not skew the ratio (linear: about
    // 4×; quadratic: about 16×).
    const hostile = fc.sample(genreText, { numRuns: 400, seed: 42 }).join('\n');
    for (const base of [`${SEED}\n`, hostile]) {
      const build = (size: number) => {
        let s = '';
        while (s.length < size) s += base;
        return s.slice(0, size);
      };
      const small = build(250_000);
      const large = build(1_000_000);
      const run = (s: string) => {
        const t0 = cpuMs();
        const ds = extractDirectives(s, { articleDate: '2022-03-22' });
        const ms = cpuMs() - t0;
        expect(Array.isArray(ds)).toBe(true);
        return ms;
      };
      run(small); // warm-up
      // Up to three rounds: a machine busy with other test files can make one round look superlinear.
      let ratio = Number.POSITIVE_INFINITY;
      for (let round = 0; round < 3 && ratio >= 8; round++) {
        let bestSmall = Number.POSITIVE_INFINITY;
        let bestLarge = Number.POSITIVE_INFINITY;
        for (let i = 0; i < 2; i++) {
          bestSmall = Math.min(bestSmall, run(small));
          bestLarge = Math.min(bestLarge, run(large));
        }
        ratio = Math.min(ratio, bestLarge / Math.max(bestSmall, 1));
      }
      expect(ratio).toBeLessThan(8);
    }
  }, 180_000);

  it('finds as many tasks in the seed repeated 64 times as 64 × the seed', () => {
    const once = extractDirectives(SEED, { articleDate: '2022-03-22' }).length;
    const many = extractDirectives(Array.from({ length: 64 }, () => SEED).join('\n'), { articleDate: '2022-03-22' });
    expect(many).toHaveLength(once * 64);
  });
});
