import { describe, expect, it } from 'vitest';
import { seedArticle } from '../../mocks/data/seed-article';
import { localities, TEST_TODAY } from '../../mocks/node';
import {
  articleKey,
  createPersistentStore,
  LEGACY_KEY,
  loadEdits,
  META_KEY,
  memoryAdapter,
  parseLegacyEdits,
  SET_ASIDE_KEY,
  STORE_SCHEMA_VERSION,
} from '../../mocks/persistence';
import { createDbStore } from '../../mocks/store';
import { buildImport } from '../../server/routes/articles';
import {
  type ArticleCreate,
  articleCreateSchema,
  articleFingerprint,
  normalizeArticleUrl,
} from '../../src/api/article-import-schemas';
import { fieldErrorsOf } from '../../src/api/task-update-schemas';
import {
  type Draft,
  draftsFrom,
  mergeWithNext,
  splitDraft,
  splitPoints,
  suggestedSplit,
  toDirective,
} from '../../src/features/article-import/utils/drafts';
import { runExtraction } from '../../src/features/article-import/utils/extraction-job';
import { placeErrors } from '../../src/features/article-import/utils/field-errors';
import { stretches } from '../../src/features/article-import/utils/highlight';

const body = seedArticle.body;
const span = (text: string) => {
  const start = body.indexOf(text);
  if (start < 0) throw new Error(`not in the body: ${text}`);
  return { start, end: start + text.length, text };
};
const BRIDGE = span('xây dựng cầu Đình Khao');
const SENTENCE = span(
  'Huyện tiếp tục phối hợp với tỉnh thực hiện tốt các nội dung nâng cấp đồng bộ các tuyến quốc lộ, xây dựng cầu Đình Khao và vận động nhân dân hưởng ứng các chủ trương chung của tỉnh.',
);

const valid = (): ArticleCreate => ({
  title: 'Bài thử',
  date: '2022-03-22',
  publisher: 'Báo Đồng Khởi',
  url: 'https://baodongkhoi.vn/bai-thu.html',
  body,
  directives: [
    {
      quote: SENTENCE,
      clause: BRIDGE,
      title: 'Xây dựng cầu Đình Khao',
      issuer: 'Bí thư Tỉnh ủy',
      assignee: 'Ban Thường vụ Huyện ủy Chợ Lách',
      localityCodes: ['832'],
      category: 'infrastructure',
      flagship: true,
      deadline: { date: '2022-06-30', text: 'quý II' },
    },
  ],
});

const reasons = (input: unknown, ctx = {}) => {
  const r = articleCreateSchema(ctx).safeParse(input);
  return r.success ? [] : fieldErrorsOf(r.error).map((e) => `${e.name}:${e.reason}`);
};

describe('the POST /articles contract', () => {
  it('accepts a well-formed article', () => {
    expect(reasons(valid(), { today: TEST_TODAY, localityExists: () => true })).toEqual([]);
  });

  it('names each bad field with a machine-readable reason', () => {
    const bad = valid();
    bad.title = ' ';
    bad.publisher = 'x'.repeat(201);
    bad.url = 'ftp://example.com/a';
    bad.directives[0]!.assignee = '';
    bad.directives[0]!.deadline = { date: '2022-02-30', text: 'quý II' };
    expect(reasons(bad)).toEqual([
      'title:required',
      'publisher:too_long',
      'url:invalid',
      'directives.0.assignee:required',
      'directives.0.deadline.date:invalid_date',
    ]);
    expect(reasons({ ...valid(), body: '   ' })).toContain('body:required');
  });

  it('checks spans against the body, clauses inside quotes, deadlines, today and the units of the era', () => {
    const d = valid().directives[0]!;
    const check = (patch: Partial<typeof d>, ctx = {}) =>
      reasons({ ...valid(), directives: [{ ...d, ...patch }] }, ctx);
    expect(check({ clause: { ...BRIDGE, text: 'xây dựng cầu khác' } })).toEqual([
      'directives.0.clause.text:span_mismatch',
    ]);
    expect(check({ quote: { start: 0, end: body.length + 1, text: '' } })).toEqual(['directives.0.quote:out_of_range']);
    expect(check({ quote: span('Tập trung làm tốt') })).toEqual(['directives.0.clause:outside_quote']);
    expect(check({ deadline: { date: '2021-12-31', text: '31/12/2021' } })).toEqual([
      'directives.0.deadline.date:before_article',
    ]);
    expect(reasons({ ...valid(), date: '2026-11-27' }, { today: TEST_TODAY })).toContain('date:in_the_future');
    // 832 (huyện Chợ Lách) is a unit before the 2025 reform, not after.
    const exists = (code: string, era: 'pre2025' | 'post2025') => localities.get(code, era) !== undefined;
    expect(check({}, { localityExists: exists })).toEqual([]);
    expect(
      reasons({ ...valid(), date: '2025-08-01', directives: [{ ...d, deadline: null }] }, { localityExists: exists }),
    ).toEqual(['directives.0.localityCodes.0:unknown_locality']);
  });

  it('identifies an article by its normalised URL', () => {
    const a = normalizeArticleUrl('https://www.BaoDongKhoi.vn/tin-tuc/bai-1/?utm_source=zalo&id=2&a=1#binh-luan');
    expect(a).toBe('baodongkhoi.vn/tin-tuc/bai-1?a=1&id=2');
    expect(normalizeArticleUrl('http://baodongkhoi.vn/tin-tuc/bai-1?id=2&a=1&fbclid=x')).toBe(a);
    expect(normalizeArticleUrl('http://baodongkhoi.vn/tin-tuc/bai-2')).not.toBe(a);
    expect(normalizeArticleUrl('not a url')).toBeNull();
    expect(normalizeArticleUrl('mailto:a@b.vn')).toBeNull();
  });

  it('identifies an article by its date and its words, whatever the accents, case, punctuation or spacing', () => {
    const f = articleFingerprint(body, '2022-03-22');
    expect(f).toMatch(/^2022-03-22:[0-9a-f]+$/);
    expect(articleFingerprint(body.normalize('NFD').toUpperCase().replace(/\n\n/g, '\n  \n'), '2022-03-22')).toBe(f);
    expect(articleFingerprint(body, '2022-03-23')).not.toBe(f);
    expect(articleFingerprint(`${body} Thêm một câu.`, '2022-03-22')).not.toBe(f);
  });

  it('creates tasks not started, at progress 0 and version 1, assigned on the article date, quoting the clause', () => {
    const { article, tasks } = buildImport(valid(), 'a-test');
    expect(article).toMatchObject({ id: 'a-test', illustrative: false, taskIds: ['t-test-01'] });
    expect(tasks[0]).toMatchObject({
      id: 't-test-01',
      articleId: 'a-test',
      quote: BRIDGE,
      status: 'not_started',
      progress: 0,
      version: 1,
      completedAt: null,
      createdAt: '2022-03-22T08:00:00+07:00',
    });
  });
});

describe('reviewing drafts', () => {
  const drafts = () => draftsFrom(runExtraction(body, '2022-03-22'));

  it('starts from the extractor, in text order, every draft pending', () => {
    const list = drafts();
    expect(list.length).toBeGreaterThanOrEqual(13);
    expect(list.every((d) => d.status === 'pending')).toBe(true);
    for (let i = 1; i < list.length; i++) expect(list[i]!.clause.start).toBeGreaterThan(list[i - 1]!.clause.start);
  });

  it('merges a draft with the next: one span over both, the earliest deadline, the localities of both', () => {
    const list = drafts();
    const i = list.findIndex((d) => d.clause.text.includes('nâng cấp đồng bộ'));
    const [a, b] = [list[i]!, list[i + 1]!];
    const merged = mergeWithNext(list, a.key, body);
    expect(merged).toHaveLength(list.length - 1);
    const m = merged[i]!;
    expect(m.clause.start).toBe(a.clause.start);
    expect(m.clause.end).toBe(b.clause.end);
    expect(m.clause.text).toBe(body.slice(a.clause.start, b.clause.end));
    expect(m.flagship).toBe(true);
    expect(m.edited).toBe(true);
    expect(m.title.startsWith(a.title)).toBe(true);
    // The last draft has nothing to merge with.
    expect(mergeWithNext(list, list.at(-1)!.key, body)).toHaveLength(list.length);
  });

  it('splits a draft at a word boundary, trimming commas and a dangling "và", each part its own title', () => {
    const sentence: Draft = {
      ...drafts()[0]!,
      quote: SENTENCE,
      clause: span('nâng cấp đồng bộ các tuyến quốc lộ, xây dựng cầu Đình Khao'),
      deadline: null,
    };
    expect(splitPoints(sentence)).toHaveLength(12);
    const at = suggestedSplit(sentence);
    expect(body.slice(at).startsWith('xây dựng cầu')).toBe(true);
    const [first, second] = splitDraft([sentence], sentence.key, at, body, '2022-03-22');
    expect(first!.clause.text).toBe('nâng cấp đồng bộ các tuyến quốc lộ');
    expect(second!.clause).toEqual(BRIDGE);
    expect(second!.title).toBe('Xây dựng cầu Đình Khao');
    expect(first!.quote).toEqual(SENTENCE);
    const withAnd: Draft = { ...sentence, clause: span('xây dựng cầu Đình Khao và vận động nhân dân') };
    const beforeAnd = suggestedSplit(withAnd);
    expect(body.slice(beforeAnd).startsWith('và vận động')).toBe(true);
    const [bridge, people] = splitDraft([withAnd], withAnd.key, beforeAnd, body, '2022-03-22');
    expect(bridge!.clause).toEqual(BRIDGE);
    expect(people!.clause.text).toBe('vận động nhân dân');
    expect(people!.title).toBe('Vận động nhân dân');
    // Not inside the clause: unchanged.
    expect(splitDraft([sentence], sentence.key, sentence.clause.end, body, '2022-03-22')).toEqual([sentence]);
  });

  it('keeps a deadline with the part that states it', () => {
    const text = 'hoàn thành báo cáo trước ngày 30/6 và tổ chức hội nghị sơ kết';
    const doc = `Huyện cần ${text}.`;
    const start = doc.indexOf(text);
    const draft: Draft = {
      ...drafts()[0]!,
      quote: { start: 0, end: doc.length, text: doc },
      clause: { start, end: start + text.length, text },
      deadline: { date: '2022-06-30', text: 'trước ngày 30/6' },
    };
    const at = start + text.indexOf('tổ chức');
    const [a, b] = splitDraft([draft], draft.key, at, doc, '2022-03-22');
    expect(a!.deadline).toEqual({ date: '2022-06-30', text: 'trước ngày 30/6' });
    expect(b!.deadline).toBeNull();
  });

  it('sends an accepted draft as the contract wants it, and maps errors back to the draft', () => {
    const list = drafts();
    const d = toDirective(list[0]!);
    expect(d.clause).toEqual(list[0]!.clause);
    expect(d.localityCodes).toEqual(['832']);
    const placed = placeErrors(
      [
        { name: 'directives.1.assignee', reason: 'required' },
        { name: 'directives.1.deadline.date', reason: 'before_article' },
        { name: 'title', reason: 'required' },
        { name: 'directives.9.title', reason: 'too_long' },
      ],
      [list[0]!.key, list[3]!.key],
    );
    expect(placed.meta.title?.reason).toBe('required');
    expect(Object.keys(placed.drafts)).toEqual([list[3]!.key]);
    expect(placed.drafts[list[3]!.key]).toMatchObject({
      assignee: { reason: 'required' },
      deadline: { reason: 'before_article' },
    });
    expect(placed.other.map((e) => e.name)).toEqual(['directives.9.title']);
    expect(placed.count).toBe(4);
  });

  it('highlights the innermost clause where clauses overlap, and the selected sentence', () => {
    const s = stretches(
      20,
      [
        { key: 'a', start: 2, end: 12 },
        { key: 'b', start: 5, end: 8 },
      ],
      { start: 0, end: 15 },
    );
    expect(s.map((x) => [x.start, x.end, x.key, x.selectedQuote])).toEqual([
      [0, 2, null, true],
      [2, 5, 'a', true],
      [5, 8, 'b', true],
      [8, 12, 'a', true],
      [12, 15, null, true],
      [15, 20, null, false],
    ]);
  });
});

describe('imported articles survive a reload of the mock API', () => {
  it('stores the article and its tasks, versioned, and re-applies them (and later edits) on start', async () => {
    const adapter = memoryAdapter();
    const start = async () => {
      const loaded = await loadEdits(adapter);
      return createPersistentStore(createDbStore({ localities, today: TEST_TODAY }), adapter, loaded);
    };
    const first = await start();
    const db = first.store.get();
    const { article, tasks } = buildImport({ ...valid(), title: 'Bài nhập thử' }, 'a-imp1');
    await first.persistence.hooks.storeArticle?.(db, article, tasks);

    expect(adapter.data.get(META_KEY)).toMatchObject({ schemaVersion: STORE_SCHEMA_VERSION });
    expect([...adapter.data.keys()].filter((k) => k.startsWith('article:'))).toEqual([articleKey('a-imp1')]);

    const again = (await start()).store.get();
    expect(again.articles.get('a-imp1')?.title).toBe('Bài nhập thử');
    expect(again.tasks.get('t-imp1-01')).toMatchObject({ status: 'not_started', version: 1 });
    expect(again.rows.some((r) => r.task.id === 't-imp1-01')).toBe(true);
  });

  it('reads a store of version 1 (no imported articles) without setting it aside', () => {
    const parsed = parseLegacyEdits({ schemaVersion: 1, savedAt: '2026-01-01T00:00:00Z', tasks: {} });
    expect(parsed).toMatchObject({ ok: true, edits: { setAside: [] } });
  });

  it('sets aside only the imported article that does not add up, and keeps the others', async () => {
    const bad = buildImport(valid(), 'a-x');
    const good = buildImport({ ...valid(), title: 'Bài tốt' }, 'a-ok');
    const adapter = memoryAdapter({
      [LEGACY_KEY]: {
        schemaVersion: 2,
        savedAt: '2026-01-01T00:00:00Z',
        tasks: {},
        articles: {
          'a-x': { article: { ...bad.article, taskIds: [] }, tasks: bad.tasks },
          'a-ok': good,
        },
      },
    });
    const loaded = await loadEdits(adapter);
    expect(loaded.notice).toBe('set_aside');
    expect([...(loaded.articles?.keys() ?? [])]).toEqual(['a-ok']);
    expect(adapter.data.get(SET_ASIDE_KEY)).toMatchObject([{ kind: 'article', ref: 'a-x', reason: 'inconsistent' }]);
    // Rewritten in the current layout: one record per article.
    expect(adapter.data.has(LEGACY_KEY)).toBe(false);
    expect(adapter.data.has(articleKey('a-ok'))).toBe(true);
  });
});
