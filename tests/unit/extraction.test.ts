import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, type Era } from '../../src/api/schemas';
import { createLocalityIndex, type LocalityDataset } from '../../src/domain/localities';
import { fold } from '../../src/domain/text';
import { guessArticleDate } from '../../src/extraction/article-date';
import { extractDirectives, type LocalityIndexLike, type LocalityLike } from '../../src/extraction/extract';
import { findLocalityMentions } from '../../src/extraction/localities-in-text';
import { segment } from '../../src/extraction/segment';

const FIXTURES = join(__dirname, '..', 'fixtures', 'extraction');
const SEED = readFileSync(join(FIXTURES, '01-seed-cho-lach-2022.txt'), 'utf8');
const SEED_DATE = '2022-03-22';

/** A small stand-in for the locality index: a few real units of two provinces, two eras. */
function fakeIndex(): LocalityIndexLike {
  const units: Array<LocalityLike & { era: Era }> = [
    { era: 'pre2025', code: '83', name: 'Tỉnh Bến Tre', level: 'province', parentCode: null },
    { era: 'pre2025', code: '832', name: 'Huyện Chợ Lách', level: 'district', parentCode: '83' },
    { era: 'pre2025', code: '831', name: 'Huyện Châu Thành', level: 'district', parentCode: '83' },
    { era: 'pre2025', code: '28870', name: 'Thị trấn Chợ Lách', level: 'commune', parentCode: '832' },
    { era: 'pre2025', code: '28888', name: 'Xã Phú Sơn', level: 'commune', parentCode: '832' },
    { era: 'pre2025', code: '28804', name: 'Xã Tân Thạch', level: 'commune', parentCode: '831' },
    { era: 'pre2025', code: '84', name: 'Tỉnh Trà Vinh', level: 'province', parentCode: null },
    { era: 'pre2025', code: '847', name: 'Huyện Châu Thành', level: 'district', parentCode: '84' },
    { era: 'pre2025', code: '01', name: 'Thành phố Hà Nội', level: 'province', parentCode: null },
    { era: 'pre2025', code: '018', name: 'Huyện Sóc Sơn', level: 'district', parentCode: '01' },
    { era: 'pre2025', code: '00562', name: 'Xã Phú Sơn', level: 'commune', parentCode: '018' },
    { era: 'post2025', code: '86', name: 'Tỉnh Vĩnh Long', level: 'province', parentCode: null },
    { era: 'post2025', code: '28870', name: 'Xã Chợ Lách', level: 'commune', parentCode: '86' },
  ];
  return {
    search(query, era, limit = 20) {
      const q = fold(query);
      return units.filter((u) => u.era === era && fold(u.name).includes(q)).slice(0, limit);
    },
    get(code, era) {
      return units.find((u) => u.era === era && u.code === code);
    },
  };
}

const seedDirectives = () => extractDirectives(SEED, { articleDate: SEED_DATE, localities: fakeIndex() });

/** The 13 tasks of issue 2, as clause texts. */
const SEED_CLAUSES = [
  'tiếp thu đầy đủ những ý kiến góp ý của đoàn công tác để bổ sung, hoàn thiện báo cáo sơ kết quý I-2022 của Huyện ủy, làm cơ sở tiếp tục triển khai nhiệm vụ quý II và thời gian tới',
  'cụ thể hóa chủ đề năm của Tỉnh ủy vào công tác lãnh đạo, chỉ đạo',
  'Tập trung làm tốt công tác xây dựng đảng bộ và các tổ chức cơ sở đảng trong sạch, vững mạnh',
  'phân tích rà soát kỹ các chỉ tiêu phát triển kinh tế - xã hội, tiềm năng, lợi thế để có giải pháp phát triển kinh tế - xã hội địa phương',
  'phát triển kinh tế hợp tác',
  'Tập trung thực hiện phong trào thi đua “Đồng khởi mới” theo phương châm xây dựng điển hình, học tập điển hình và vượt qua điển hình',
  'Thực hiện nghiêm và thực chất các quy định về trách nhiệm của bí thư cấp ủy trong tiếp công dân, giải quyết khiếu nại, tố cáo',
  'tiếp tục phối hợp với tỉnh thực hiện tốt các nội dung nâng cấp đồng bộ các tuyến quốc lộ',
  'xây dựng cầu Đình Khao',
  'vận động nhân dân hưởng ứng các chủ trương chung của tỉnh',
  'bám sát, cùng các ngành thực hiện có kết quả các đề án trọng tâm là xây dựng Trung tâm cây giống hoa kiểng',
  'Đề án Làng văn hóa du lịch Chợ Lách',
  'Quan tâm làm tốt công tác tôn giáo trên địa bàn, tạo sự đoàn kết, thống nhất thành sức mạnh tổng hợp, thực hiện thắng lợi các mục tiêu NQ đề ra',
];

describe('extractDirectives on the seed article', () => {
  it('yields the 13 tasks of the seed, in order, with exact clause spans', () => {
    const ds = seedDirectives();
    expect(ds.map((d) => d.clause.text)).toEqual(SEED_CLAUSES);
    for (const d of ds) {
      expect(SEED.slice(d.clause.start, d.clause.end)).toBe(d.clause.text);
      expect(SEED.slice(d.quote.start, d.quote.end)).toBe(d.quote.text);
      expect(d.clause.start).toBeGreaterThanOrEqual(d.quote.start);
      expect(d.clause.end).toBeLessThanOrEqual(d.quote.end);
    }
  });

  it('quotes whole sentences', () => {
    const ds = seedDirectives();
    expect(ds[0]!.quote.text).toMatch(
      /^Thay mặt đoàn công tác, Bí thư Tỉnh ủy Lê Đức Thọ đề nghị BTV Huyện ủy Chợ Lách .* và thời gian tới\.$/u,
    );
    // The three tasks of one sentence share its quote.
    expect(new Set(ds.slice(7, 10).map((d) => d.quote.start)).size).toBe(1);
    expect(ds[8]!.quote.text).toBe(
      'Huyện tiếp tục phối hợp với tỉnh thực hiện tốt các nội dung nâng cấp đồng bộ các tuyến quốc lộ, xây dựng cầu Đình Khao và vận động nhân dân hưởng ứng các chủ trương chung của tỉnh.',
    );
  });

  it('flags the three named projects and nothing else', () => {
    const flagged = seedDirectives()
      .filter((d) => d.flagship)
      .map((d) => d.title);
    expect(flagged).toEqual([
      'Xây dựng cầu Đình Khao',
      'Xây dựng Trung tâm cây giống hoa kiểng',
      'Đề án Làng văn hóa du lịch Chợ Lách',
    ]);
  });

  it('takes nothing from captions, the byline or the report paragraphs', () => {
    const ds = seedDirectives();
    const skipped = [
      'Đại biểu tham gia đóng góp ý kiến.',
      'Ủy viên Trung ương Đảng - Bí thư Tỉnh ủy Lê Đức Thọ phát biểu tại buổi làm việc với huyện Chợ Lách.',
      'Tin, ảnh: Thanh Đồng',
      'Qua báo cáo của Ban Thường vụ Huyện ủy Chợ Lách cho thấy',
      'Việc thực hiện tiếp công dân',
    ];
    for (const text of skipped) {
      let at = SEED.indexOf(text);
      expect(at).toBeGreaterThanOrEqual(0);
      while (at >= 0) {
        const end = at + text.length;
        expect(ds.some((d) => d.quote.start < end && d.quote.end > at)).toBe(false);
        at = SEED.indexOf(text, at + 1);
      }
    }
    const kinds = segment(SEED).map((b) => b.kind);
    expect(kinds.filter((k) => k === 'caption')).toHaveLength(4);
    expect(kinds).toContain('byline');
    expect(kinds[0]).toBe('headline');
  });

  it('resolves quý II to 30/06/2022 on the report task only', () => {
    const ds = seedDirectives();
    expect(ds[0]!.deadline).toEqual({ text: 'quý II', date: '2022-06-30' });
    expect(ds.slice(1).every((d) => d.deadline === null)).toBe(true);
  });

  it('carries the speaker and the assignee across the paragraphs that follow', () => {
    for (const d of seedDirectives()) {
      expect(d.issuer).toBe('Bí thư Tỉnh ủy Lê Đức Thọ');
      expect(d.assignee).toBe('Ban Thường vụ Huyện ủy Chợ Lách');
      expect(d.localities).toEqual([{ code: '832', name: 'Huyện Chợ Lách' }]);
    }
  });

  it('writes short capitalised titles without the cue words', () => {
    const titles = seedDirectives().map((d) => d.title);
    expect(titles).toEqual([
      'Bổ sung, hoàn thiện báo cáo sơ kết quý I-2022 của Huyện ủy',
      'Cụ thể hóa chủ đề năm của Tỉnh ủy vào công tác lãnh đạo, chỉ đạo',
      'Xây dựng đảng bộ và các tổ chức cơ sở đảng trong sạch, vững mạnh',
      'Phân tích rà soát kỹ các chỉ tiêu phát triển kinh tế - xã hội, tiềm năng, lợi thế',
      'Phát triển kinh tế hợp tác',
      'Thực hiện phong trào thi đua “Đồng khởi mới”',
      'Thực hiện nghiêm và thực chất các quy định về trách nhiệm của bí thư cấp ủy…',
      'Nâng cấp đồng bộ các tuyến quốc lộ',
      'Xây dựng cầu Đình Khao',
      'Vận động nhân dân hưởng ứng các chủ trương chung của tỉnh',
      'Xây dựng Trung tâm cây giống hoa kiểng',
      'Đề án Làng văn hóa du lịch Chợ Lách',
      'Làm tốt công tác tôn giáo trên địa bàn',
    ]);
    for (const t of titles) expect(t.split(/\s+/u).length).toBeLessThanOrEqual(19);
  });

  it('classifies each task into a contract category', () => {
    expect(seedDirectives().map((d) => d.category)).toEqual([
      'party_building',
      'party_building',
      'party_building',
      'economy',
      'economy',
      'party_building',
      'citizen_affairs',
      'infrastructure',
      'infrastructure',
      'citizen_affairs',
      'agriculture',
      'culture_tourism',
      'social_affairs',
    ]);
    for (const d of seedDirectives()) expect(CATEGORIES).toContain(d.category);
  });

  it('is more confident about the explicit request than about its continuation', () => {
    const ds = seedDirectives();
    for (const d of ds) {
      expect(d.confidence).toBeGreaterThan(0);
      expect(d.confidence).toBeLessThanOrEqual(1);
    }
    expect(ds[0]!.confidence).toBeGreaterThan(ds[2]!.confidence);
  });

  it('gives the same spans for NFD input (spans index the NFC text)', () => {
    const nfd = extractDirectives(SEED.normalize('NFD'), { articleDate: SEED_DATE });
    const nfc = extractDirectives(SEED, { articleDate: SEED_DATE });
    expect(nfd.map((d) => [d.clause.start, d.clause.end, d.clause.text])).toEqual(
      nfc.map((d) => [d.clause.start, d.clause.end, d.clause.text]),
    );
  });

  it('resolves the seed with the project locality index too', () => {
    const data = JSON.parse(
      readFileSync(join(__dirname, '..', '..', 'src', 'data', 'localities.json'), 'utf8'),
    ) as LocalityDataset;
    const ds = extractDirectives(SEED, { articleDate: SEED_DATE, localities: createLocalityIndex(data) });
    expect(ds).toHaveLength(13);
    expect(new Set(ds.flatMap((d) => d.localities.map((l) => l.code)))).toEqual(new Set(['832']));
  });
});

describe('extractDirectives: what is not a directive', () => {
  const date = '2023-04-18';
  const none = (text: string) => expect(extractDirectives(text, { articleDate: date })).toEqual([]);

  it('returns [] for empty and non-directive text', () => {
    none('');
    none('   \n\n  ');
    none('Xin chào.');
    none(readFileSync(join(FIXTURES, '04-thanh-phu-bao-cao-2022.txt'), 'utf8'));
    none(readFileSync(join(FIXTURES, '10-phu-son-trao-qua-2022.txt'), 'utf8'));
  });

  it.each([
    [
      'an upward request',
      'Tại buổi làm việc, huyện kiến nghị tỉnh quan tâm bố trí vốn để nâng cấp tuyến đường huyện ĐH.20.',
    ],
    [
      'a request for a policy decision',
      'Ban Thường vụ Thành ủy Bến Tre xin chủ trương đầu tư dự án cải tạo, chỉnh trang hồ Trúc Giang.',
    ],
    ['an approval', 'Thường trực Tỉnh ủy đồng ý chủ trương đầu tư dự án cải tạo, chỉnh trang hồ Trúc Giang.'],
    ['praise', 'Bí thư Tỉnh ủy ghi nhận, biểu dương những kết quả mà huyện đạt được trong quý I-2023.'],
    ['a reported achievement', 'Huyện ủy đã chỉ đạo các cấp ủy đảng quán triệt sâu rộng chủ đề năm 2022.'],
    ['a reported achievement with a passive', 'Kế hoạch số 25-KH/TU được Huyện ủy triển khai thực hiện theo quy định.'],
    ['a district asking the province', 'Huyện đề nghị tỉnh sớm đầu tư nâng cấp tuyến đường ĐT.885.'],
    ['voters asking', 'Cử tri đề nghị ngành điện lắp đặt thêm trạm biến áp phục vụ sản xuất.'],
    ['a problem that needs fixing', 'Tuy nhiên, vẫn còn một số hạn chế cần khắc phục.'],
    ['a noun use of the cue', 'Theo đề nghị của Sở Nội vụ, UBND tỉnh đã ban hành quyết định.'],
    ['a caption with a cue', 'Phó Chủ tịch UBND tỉnh phát biểu chỉ đạo tại hội nghị.'],
    ['a byline', 'Tin, ảnh: Hữu Hiệp'],
  ])('ignores %s', (_, text) => {
    none(text);
  });

  it('stops the speaker context at a report', () => {
    const text = [
      'Bí thư Tỉnh ủy đề nghị huyện tập trung phát triển kinh tế hợp tác.',
      '',
      'Năm qua, huyện đã xây dựng 12 cây cầu nông thôn.',
      '',
      'Tập trung thực hiện các giải pháp giảm nghèo.',
    ].join('\n');
    const ds = extractDirectives(text, { articleDate: date });
    expect(ds.map((d) => d.clause.text)).toEqual(['tập trung phát triển kinh tế hợp tác']);
  });
});

describe('extractDirectives: genre patterns', () => {
  const date = '2023-03-02';

  it('reads a "yêu cầu …:" heading and its bullet list, one task per bullet and subject', () => {
    const text = [
      'UBND tỉnh yêu cầu các sở, ngành, UBND các huyện thực hiện các nội dung sau:',
      '- Sở Nông nghiệp và Phát triển nông thôn theo dõi chặt chẽ diễn biến độ mặn, thông tin kịp thời cho người dân.',
      '- UBND huyện Châu Thành rà soát các khu vực có nguy cơ thiếu nước sinh hoạt trước ngày 15/3/2023.',
    ].join('\n');
    const ds = extractDirectives(text, { articleDate: date, localities: fakeIndex() });
    expect(ds.map((d) => d.assignee)).toEqual(['Sở Nông nghiệp và Phát triển nông thôn', 'UBND huyện Châu Thành']);
    expect(ds.map((d) => d.issuer)).toEqual(['UBND tỉnh', 'UBND tỉnh']);
    expect(ds[1]!.deadline).toEqual({ text: 'trước ngày 15/3/2023', date: '2023-03-15' });
    // Two districts are called Châu Thành and the text names no province: no guess.
    expect(ds[1]!.localities).toEqual([]);
    // The quote starts after the bullet.
    expect(ds[0]!.quote.text.startsWith('Sở Nông nghiệp')).toBe(true);
  });

  it('reads a numbered conclusion after "chỉ đạo:" and keeps the named subject for the next items', () => {
    const text = [
      'Chủ tịch UBND tỉnh chỉ đạo:',
      '1. UBND huyện Chợ Lách tập trung hoàn thành các tiêu chí nông thôn mới trong năm 2023.',
      '2. Khẩn trương hoàn chỉnh hồ sơ dự án cầu Rạch Miễu 2, trình UBND tỉnh trong quý II-2023.',
    ].join('\n');
    const ds = extractDirectives(text, { articleDate: '2023-02-14', localities: fakeIndex() });
    expect(ds.map((d) => d.deadline?.date)).toEqual(['2023-12-31', '2023-06-30']);
    expect(ds.map((d) => d.assignee)).toEqual(['UBND huyện Chợ Lách', 'UBND huyện Chợ Lách']);
    expect(ds[1]!.flagship).toBe(true);
    expect(ds[1]!.localities).toEqual([{ code: '832', name: 'Huyện Chợ Lách' }]);
  });

  it('splits enumerations of tasks but not of objects, verbs sharing an object, or mottos', () => {
    const clauses = (s: string) =>
      extractDirectives(`Bí thư Tỉnh ủy đề nghị huyện ${s}`, { articleDate: date }).map((d) => d.clause.text);
    expect(clauses('rà soát quy hoạch sử dụng đất; hoàn thiện hồ sơ dự án; báo cáo Tỉnh ủy.')).toEqual([
      'rà soát quy hoạch sử dụng đất',
      'hoàn thiện hồ sơ dự án',
      'báo cáo Tỉnh ủy',
    ]);
    expect(clauses('bổ sung, hoàn thiện báo cáo sơ kết của Huyện ủy.')).toHaveLength(1);
    expect(clauses('làm tốt công tác tuyên truyền, vận động nhân dân chấp hành pháp luật.')).toHaveLength(1);
    expect(
      clauses('thực hiện phong trào thi đua theo phương châm xây dựng điển hình, học tập điển hình.'),
    ).toHaveLength(1);
    expect(clauses('vận động các hộ dân bàn giao mặt bằng, hoàn thành trước ngày 30/6/2023.')).toEqual([
      'vận động các hộ dân bàn giao mặt bằng, hoàn thành trước ngày 30/6/2023',
    ]);
    expect(
      clauses('nâng cấp các tuyến đường huyện, xây dựng cầu Cái Mít và vận động nhân dân hiến đất làm đường.'),
    ).toEqual(['nâng cấp các tuyến đường huyện', 'xây dựng cầu Cái Mít', 'vận động nhân dân hiến đất làm đường']);
  });

  it('resolves localities named in the clause, preferring the province the article names', () => {
    const text = [
      'Chủ tịch UBND tỉnh Bến Tre yêu cầu UBND huyện Chợ Lách hỗ trợ xã Phú Sơn xây dựng nông thôn mới.',
    ].join('\n');
    const ds = extractDirectives(text, { articleDate: '2022-05-01', localities: fakeIndex() });
    // Xã Phú Sơn exists in Hà Nội too; the one in Chợ Lách (Bến Tre) wins.
    expect(ds[0]!.localities).toEqual([{ code: '28888', name: 'Xã Phú Sơn' }]);
  });

  it('uses post-2025 units for an article dated after the reform', () => {
    const text = 'Chủ tịch UBND tỉnh Vĩnh Long yêu cầu xã Chợ Lách đẩy mạnh chuyển đổi số trong quý IV năm 2025.';
    const ds = extractDirectives(text, { articleDate: '2025-10-08', localities: fakeIndex() });
    expect(ds[0]!.localities).toEqual([{ code: '28870', name: 'Xã Chợ Lách' }]);
    expect(ds[0]!.deadline?.date).toBe('2025-12-31');
    expect(ds[0]!.category).toBe('administration');
  });

  it('finds typed unit names, lists after "các", and party committees', () => {
    const text = 'Huyện ủy Chợ Lách, các xã Tân Thạch, Quới Thành và thành phố Bến Tre';
    expect(findLocalityMentions(text).map((m) => [m.type, m.name])).toEqual([
      ['huyen', 'Chợ Lách'],
      ['xa', 'Tân Thạch'],
      ['xa', 'Quới Thành'],
      ['thanh pho', 'Bến Tre'],
    ]);
  });
});

describe('guessArticleDate', () => {
  it('reads the date line of the seed', () => {
    expect(guessArticleDate(SEED)).toBe('2022-03-22');
  });
  it('ignores impossible dates and text without a date', () => {
    expect(guessArticleDate('31/02/2022 - 10:00\nNgày 1-3-2022')).toBe('2022-03-01');
    expect(guessArticleDate('Không có ngày')).toBeNull();
  });
});

describe('the labelled set', () => {
  it('keeps every labelled clause findable in its passage', () => {
    const set = JSON.parse(readFileSync(join(FIXTURES, 'labels.json'), 'utf8')) as {
      passages: Array<{ file: string; directives: Array<{ clause: string; category: string }> }>;
    };
    expect(set.passages.length).toBeGreaterThanOrEqual(11);
    for (const p of set.passages) {
      const text = readFileSync(join(FIXTURES, p.file), 'utf8').normalize('NFC');
      for (const d of p.directives) {
        expect(text.split(d.clause).length - 1, `${p.file}: ${d.clause}`).toBe(1);
        expect(CATEGORIES).toContain(d.category);
      }
    }
  });
});

describe('extractDirectives: patterns of real news', () => {
  const date = '2023-11-01';
  const clauses = (text: string) => extractDirectives(text, { articleDate: date }).map((d) => d.clause.text);

  it('splits a ;-enumeration at its semicolons only, keeping sub-items and a trailing deadline inside', () => {
    expect(
      clauses(
        'Chủ tịch UBND tỉnh đề nghị các sở, ngành tiếp tục rà soát lại công việc, bám sát các nội dung chưa triển khai; chủ động đề ra các giải pháp cụ thể, kịp thời báo cáo UBND tỉnh; trong đó, ưu tiên các dự án trọng điểm.',
      ),
    ).toEqual([
      'tiếp tục rà soát lại công việc, bám sát các nội dung chưa triển khai',
      'chủ động đề ra các giải pháp cụ thể, kịp thời báo cáo UBND tỉnh; trong đó, ưu tiên các dự án trọng điểm',
    ]);
    expect(
      clauses(
        'UBND tỉnh giao Sở Tài chính chủ trì, phối hợp các đơn vị liên quan nghiên cứu, đề xuất UBND tỉnh xem xét theo quy định; hoàn thành trước ngày 10/12/2023.',
      ),
    ).toEqual(['nghiên cứu, đề xuất UBND tỉnh xem xét theo quy định; hoàn thành trước ngày 10/12/2023']);
  });

  it('reads a delegation, a document or a meeting as the speaker', () => {
    const ds = extractDirectives(
      'Đoàn công tác đề nghị Huyện ủy Châu Thành tiếp tục lãnh đạo thực hiện tốt nhiệm vụ phát triển kinh tế; tập trung chỉ đạo giải ngân vốn đầu tư công; quan tâm công tác cán bộ.',
      { articleDate: date },
    );
    expect(ds.map((d) => d.clause.text)).toEqual([
      'tiếp tục lãnh đạo thực hiện tốt nhiệm vụ phát triển kinh tế',
      'tập trung chỉ đạo giải ngân vốn đầu tư công',
      'quan tâm công tác cán bộ',
    ]);
    expect(ds.every((d) => d.issuer === 'Đoàn công tác' && d.assignee === 'Huyện ủy Châu Thành')).toBe(true);
    const letter = extractDirectives(
      'Văn bản nêu rõ: Sở Y tế chủ trì, phối hợp với UBND các huyện tăng cường giám sát dịch bệnh.',
      { articleDate: date },
    );
    expect(letter.map((d) => [d.clause.text, d.issuer, d.assignee])).toEqual([
      ['tăng cường giám sát dịch bệnh', 'Văn bản', 'Sở Y tế'],
    ]);
    expect(clauses('Thông báo kết luận yêu cầu Sở Xây dựng kiểm tra chất lượng công trình trường học.')).toEqual([
      'kiểm tra chất lượng công trình trường học',
    ]);
  });

  it('finds assignments without a cue word', () => {
    expect(clauses('Sở Tài chính được giao tham mưu phân bổ kinh phí cho các địa phương.')).toEqual([
      'tham mưu phân bổ kinh phí cho các địa phương',
    ]);
    expect(clauses('Các chủ đầu tư khẩn trương hoàn thiện hồ sơ thanh toán khối lượng hoàn thành.')).toEqual([
      'hoàn thiện hồ sơ thanh toán khối lượng hoàn thành',
    ]);
    // The lead role and the partners belong to the assignee: the task is the work itself.
    expect(
      clauses(
        'Chủ tịch UBND tỉnh giao Sở Nông nghiệp và PTNT chủ trì, phối hợp với các sở, ngành liên quan và UBND các huyện hướng dẫn nông dân xuống giống đúng lịch thời vụ.',
      ),
    ).toEqual(['hướng dẫn nông dân xuống giống đúng lịch thời vụ']);
    // A reported assignment is not one, nor is the work an assignee was given before.
    expect(clauses('Sở Tài chính đã được giao tham mưu phân bổ kinh phí.')).toEqual([]);
  });

  it('leaves out prohibitions and generic exhortations', () => {
    expect(
      clauses(
        'Bí thư Tỉnh ủy đề nghị các lực lượng tiếp tục phát huy truyền thống, hoàn thành xuất sắc nhiệm vụ được giao; tăng cường tuần tra biên giới; tuyệt đối không để bị động, bất ngờ.',
      ),
    ).toEqual(['tăng cường tuần tra biên giới']);
  });

  it('sets captions with a photo credit and short related links aside', () => {
    const text = [
      'Chủ tịch UBND tỉnh kiểm tra tiến độ dự án.',
      'Chủ tịch UBND tỉnh yêu cầu chủ đầu tư đẩy nhanh tiến độ thi công cầu qua sông trong quý IV.',
      'Đoàn công tác thăm, tặng quà cho gia đình chính sách. Ảnh: Đức Hải',
      'Dự báo bão số 10 đổ bộ đêm nay',
      'Đồng thời tỉnh tập trung hỗ trợ người dân sửa chữa nhà ở bị hư hỏng.',
    ].join('\n');
    const kinds = segment(text).map((b) => b.kind);
    expect(kinds.slice(2, 4)).toEqual(['caption', 'caption']);
    expect(clauses(text)).toEqual([
      'đẩy nhanh tiến độ thi công cầu qua sông trong quý IV',
      'tập trung hỗ trợ người dân sửa chữa nhà ở bị hư hỏng',
    ]);
  });

  it('takes the deadline of a following "Thời gian thực hiện" sentence, typos included', () => {
    const ds = extractDirectives(
      'UBND tỉnh giao Sở Tài nguyên và Môi trường kiểm tra, xác minh nội dung phản ánh; báo cáo UBND tỉnh kết quả thực hiện. Thời gian thực hiện hoàn thành trướcngày 20/11/2023.',
      { articleDate: date },
    );
    expect(ds.map((d) => d.deadline)).toEqual([
      { text: 'trướcngày 20/11/2023', date: '2023-11-20' },
      { text: 'trướcngày 20/11/2023', date: '2023-11-20' },
    ]);
  });
});

describe('the real-news corpus in tests/fixtures/extraction-real', () => {
  const REAL = join(__dirname, '..', 'fixtures', 'extraction-real');
  interface RealPassage {
    id: string;
    text: string;
    is_negative: boolean;
    published: string | null;
    directives: Array<{ sentence: string; clause: string; deadline: string | null }>;
  }
  const load = (file: string) => JSON.parse(readFileSync(join(REAL, file), 'utf8')) as RealPassage[];
  const all = load('passages.json');

  it('is well formed: exact NFC substrings, unique ids, negatives without directives', () => {
    expect(all.length).toBeGreaterThanOrEqual(45);
    expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
    for (const p of all) {
      expect(p.text.normalize('NFC')).toBe(p.text);
      expect(p.is_negative).toBe(p.directives.length === 0);
      for (const d of p.directives) {
        expect(p.text).toContain(d.sentence);
        expect(d.sentence).toContain(d.clause);
        if (d.deadline !== null) expect(p.text).toContain(d.deadline);
      }
    }
  });

  it('raises no false alarm on the negatives of the dev halves', () => {
    // Dev only: the test halves are read by `npm run eval:extract` to report, never to tune.
    const dev = all.filter((p) => Number(p.id.slice(2)) % 2 === 1 && p.is_negative);
    for (const p of dev) {
      expect(extractDirectives(p.text, { articleDate: p.published ?? undefined }), p.id).toEqual([]);
    }
  });
});
