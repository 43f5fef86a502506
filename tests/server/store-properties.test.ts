// @vitest-environment node
/**
 * The memory and SQL stores give the same answers: random tasks (statuses, deadlines, completion dates, real unit
 * codes of both eras, issuers and assignees with diacritics, case and NFD variants, flagship) go into both, and
 * random filters, sorts and pages must get identical lists, stats, comparisons, facets, articles and updates.
 * SQLite always; PostgreSQL too when TEST_DATABASE_URL is set.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { breakdownOf, SPANNING_LABEL } from '../../server/context';
import { loadLocalities } from '../../server/localities';
import { createMemoryStore } from '../../server/store/memory';
import type { MockDb } from '../../server/store/memory-db';
import { openSqlStore, type SqlStore, viSortKey } from '../../server/store/sql';
import { STAT_TABLES, statCountsNowAndMaintained } from '../../server/store/sql/aggregates';
import type { Store } from '../../server/store/types';
import {
  type Article,
  CATEGORIES,
  type StoredTask,
  TASK_SORTS,
  TASK_STATUSES,
  type TaskFilters,
  TIMELINESS,
} from '../../src/api/schemas';
import { addDays } from '../../src/domain/dates';
import { indexTask } from '../../src/domain/task-query';
import type { TaskUpdateEntry } from '../../src/domain/task-updates';
import { compareVi } from '../../src/domain/text';
import { freshPostgresDatabase } from './harness';

type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;

const TODAY = '2026-11-26';
const localities = loadLocalities();

// Real units around the seed article (Bến Tre, Trà Vinh, Vĩnh Long before the reform; Vĩnh Long after) and Hà Nội.
const pre = (code: string) => localities.children(code, 'pre2025').map((u) => u.code);
const post = (code: string) => localities.children(code, 'post2025').map((u) => u.code);
const PRE_CODES = [
  '83',
  '84',
  '86',
  '01',
  ...pre('83').slice(0, 4),
  ...pre('832').slice(0, 4),
  ...pre('855').slice(0, 2),
];
const POST_CODES = ['86', '01', ...post('86').slice(0, 8), ...post('01').slice(0, 3)];
const CODES = [...new Set([...PRE_CODES, ...POST_CODES])];

const nfd = (s: string) => s.normalize('NFD');
const ISSUERS = [
  'UBND tỉnh',
  'ubnd tinh',
  nfd('UBND Tỉnh'),
  'Ban Thường vụ Tỉnh ủy',
  ' Chủ tịch UBND tỉnh ',
  'Đảng ủy xã',
  '',
];
const ASSIGNEES = [
  'Sở Nông nghiệp',
  'Sở nông nghiệp',
  nfd('Sở Giao thông vận tải'),
  'Công an tỉnh',
  'Phòng 2',
  'Phòng 10',
  'UBND xã Ân Hội',
  'UBND xã An Hội',
];
const WORDS = [
  'Cầu',
  'Đình',
  'Khao',
  'cầu',
  'xây dựng',
  'Nâng cấp',
  'đường',
  'Phường 2',
  'Phường 10',
  '50%',
  'a_b',
  'Ăn',
  'Ân',
  'ơ',
  'ư',
];
const QUERIES = [
  'cau dinh khao',
  'cầu',
  'DINH',
  'xay dung',
  '50%',
  '_',
  'a_b',
  '%',
  'phuong 1',
  nfd('Đình Khao'),
  'zzz',
  '  ',
];
const ARTICLES: Article[] = [
  {
    id: 'a1',
    title: 'Cầu Đình Khao',
    publisher: 'Báo Đồng Khởi',
    date: '2025-03-01',
    url: 'https://example.vn/a1',
    illustrative: false,
    body: 'Nội dung một.',
    taskIds: [],
  },
  {
    id: 'a2',
    title: 'cau dinh khao',
    publisher: 'Báo Vĩnh Long',
    date: '2025-03-01',
    url: null,
    illustrative: true,
    body: 'Nội dung hai.',
    taskIds: [],
  },
  {
    id: 'a3',
    title: 'Xây dựng đường',
    publisher: 'Báo Trà Vinh',
    date: '2026-01-10',
    url: 'http://www.example.vn/a3/',
    illustrative: false,
    body: 'Nội dung ba.',
    taskIds: [],
  },
];

const day = (from: string, max: number) => fc.integer({ min: 0, max }).map((n) => addDays(from, n));

const taskArb = fc.record({
  title: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
  nfdTitle: fc.boolean(),
  description: fc.constantFrom('', 'Hoàn thành cầu Đình Khao', 'nâng cấp 50% tuyến đường'),
  articleId: fc.constantFrom(null, 'a1', 'a2', 'a3'),
  quote: fc.option(fc.constantFrom('khởi công cầu', 'đường ĐT 2'), { nil: null }),
  issuer: fc.constantFrom(...ISSUERS),
  assignee: fc.constantFrom(...ASSIGNEES),
  localityCodes: fc.uniqueArray(fc.constantFrom(...CODES), { maxLength: 3 }),
  category: fc.constantFrom(...CATEGORIES.slice(0, 4)),
  flagship: fc.boolean(),
  created: day('2024-09-01', 800),
  deadlineDays: fc.option(fc.integer({ min: -20, max: 500 }), { nil: null }),
  status: fc.constantFrom(...TASK_STATUSES),
  completedDays: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
  progress: fc.integer({ min: 0, max: 100 }),
  updatedDays: fc.integer({ min: 0, max: 400 }),
  utc: fc.boolean(),
  updates: fc.array(fc.tuple(day('2025-01-01', 700), fc.constantFrom('08:00:00+07:00', '09:30:00.000Z')), {
    maxLength: 2,
  }),
});

function buildData(raw: ValueOf<typeof taskArb>[], ids: number[]) {
  const tasks: StoredTask[] = raw.map((r, i) => {
    const deadline = r.deadlineDays === null ? null : addDays(r.created, r.deadlineDays);
    return {
      id: `t-${ids[i]}`,
      title: r.nfdTitle ? nfd(r.title) : r.title,
      description: r.description,
      articleId: r.articleId,
      quote: r.quote ? { start: 0, end: r.quote.length, text: r.quote } : null,
      issuer: r.issuer,
      assignee: r.assignee,
      localityCodes: r.localityCodes,
      category: r.category,
      flagship: r.flagship,
      deadline: deadline ? { date: deadline, text: `trước ${deadline}` } : null,
      status: r.status,
      progress: r.progress,
      completedAt: r.status === 'done' && r.completedDays !== null ? addDays(r.created, r.completedDays) : null,
      createdAt: `${r.created}T08:00:00+07:00`,
      updatedAt: r.utc
        ? `${addDays(r.created, r.updatedDays)}T01:00:00.000Z`
        : `${addDays(r.created, r.updatedDays)}T08:00:00+07:00`,
      version: 1 + r.updates.length,
    };
  });
  const updates: TaskUpdateEntry[] = raw.flatMap((r, i) =>
    r.updates.map(([date, time], k) => ({
      id: `t-${ids[i]}-v${k + 2}`,
      taskId: `t-${ids[i]}`,
      version: k + 2,
      date,
      recordedAt: `${date}T${time}`,
      author: 'Người cập nhật',
      note: '',
      status: r.status,
      progress: r.progress,
      deadlineReason: null,
      changes: [],
      evidence: k === 0 ? [] : [{ url: 'https://example.vn/bao-cao', title: 'Báo cáo' }],
    })),
  );
  const articles = ARTICLES.map((a) => ({ ...a, taskIds: tasks.filter((t) => t.articleId === a.id).map((t) => t.id) }));
  return { articles, tasks, updates };
}

function memoryStoreOf(data: ReturnType<typeof buildData>): Store {
  const articles = new Map(data.articles.map((a) => [a.id, a]));
  const tasks = new Map(data.tasks.map((t) => [t.id, t]));
  const updates = new Map<string, TaskUpdateEntry[]>();
  for (const u of data.updates) updates.set(u.taskId, [...(updates.get(u.taskId) ?? []), u]);
  const db: MockDb = {
    dataset: 'sample',
    localities,
    articles,
    tasks,
    rows: data.tasks.map((t) => indexTask(t, t.articleId ? (articles.get(t.articleId)?.title ?? '') : '')),
    updates,
    today: () => TODAY,
  };
  return createMemoryStore(() => db);
}

const FILTER_ARBS = {
  q: fc.constantFrom(...QUERIES),
  status: fc.subarray([...TASK_STATUSES], { minLength: 1 }),
  timeliness: fc.subarray([...TIMELINESS], { minLength: 1 }),
  locality: fc.uniqueArray(fc.constantFrom(...CODES), { minLength: 1, maxLength: 2 }),
  era: fc.constantFrom('pre2025' as const, 'post2025' as const),
  category: fc.subarray(CATEGORIES.slice(0, 4), { minLength: 1 }),
  issuer: fc.subarray(ISSUERS.filter(Boolean), { minLength: 1, maxLength: 2 }),
  assignee: fc.subarray(ASSIGNEES, { minLength: 1, maxLength: 2 }),
  articleId: fc.subarray(['a1', 'a2', 'a3', 'zz'], { minLength: 1 }),
  flagship: fc.boolean(),
  deadlineFrom: day('2025-01-01', 700),
  deadlineTo: day('2025-06-01', 700),
};
type FilterKey = keyof typeof FILTER_ARBS;
const filtersArb: fc.Arbitrary<TaskFilters> = fc
  .tuple(
    fc.subarray(Object.keys(FILTER_ARBS) as FilterKey[], { maxLength: 3 }),
    fc.record(FILTER_ARBS),
    // A locality alone, often: the breakdown then lists its children.
    fc.option(fc.constantFrom(...CODES), { nil: undefined }),
  )
  .map(([keys, values, only]) => {
    const f: Record<string, unknown> = Object.fromEntries(keys.map((k) => [k, values[k]]));
    if (only && !f.locality) f.locality = [only];
    return f as TaskFilters;
  });

const queryArb = fc.record({
  filters: filtersArb,
  sorts: fc.shuffledSubarray([...TASK_SORTS], { minLength: 5, maxLength: 5 }),
  page: fc.integer({ min: 1, max: 3 }),
  pageSize: fc.integer({ min: 1, max: 15 }),
  facetLimit: fc.integer({ min: 1, max: 6 }),
});

const dataArb = fc
  .integer({ min: 0, max: 45 })
  .chain((n) =>
    fc.tuple(
      fc.array(taskArb, { minLength: n, maxLength: n }),
      fc.uniqueArray(fc.integer({ min: 0, max: 999 }), { minLength: n, maxLength: n }),
    ),
  )
  .map(([raw, ids]) => buildData(raw, ids));

const ctx = { today: TODAY };

async function sameAnswers(mem: Store, sqlStore: Store, q: ValueOf<typeof queryArb>) {
  const { filters, sorts, page, pageSize, facetLimit } = q;
  const breakdown = breakdownOf(filters, localities);
  const both = async <T>(f: (s: Store) => Promise<T>) => {
    const [a, b] = [await f(mem), await f(sqlStore)];
    expect(b).toEqual(a);
  };
  // Several sorts per data set, so each sort meets many of them; one also on a page that holds every task.
  for (const each of sorts) await both((s) => s.listTasks({ ...filters, sort: each, page, pageSize }, ctx));
  await both((s) => s.listTasks({ ...filters, sort: sorts[0] ?? 'deadline', page: 1, pageSize: 50 }, ctx));
  await both((s) => s.stats(filters, breakdown, ctx, SPANNING_LABEL));
  await both((s) => s.compare(filters, breakdown, ctx, SPANNING_LABEL));
  await both((s) => s.facets(filters, ctx, facetLimit));
  await both((s) => s.listArticles({ ...filters, page, pageSize }, ctx));
  await both((s) => s.recentUpdates({ ...filters, page, pageSize }, ctx));
}

interface Target {
  name: string;
  open(): Promise<SqlStore>;
  /** Empties the store for the next run (or opens a fresh one). */
  fresh(store: SqlStore): Promise<SqlStore>;
  done(store: SqlStore): Promise<void>;
  runs: number;
}

const targets: Target[] = [
  {
    name: 'sqlite',
    open: () => openSqlStore({ url: 'file::memory:', localities }),
    async fresh(store) {
      await store.close();
      return openSqlStore({ url: 'file::memory:', localities });
    },
    done: (store) => store.close(),
    runs: 40,
  },
];
let dropPg: (() => Promise<void>) | null = null;
if (process.env.TEST_DATABASE_URL) {
  let url = '';
  targets.push({
    name: 'postgres',
    async open() {
      const db = await freshPostgresDatabase();
      url = db.url;
      dropPg = db.drop;
      return openSqlStore({ url, localities });
    },
    async fresh(store) {
      const tables = ['task_units', 'task_buckets', 'task_updates', 'tasks', 'articles', ...STAT_TABLES];
      await sql`truncate table ${sql.join(tables.map((t) => sql.table(t)))} restart identity`.execute(store.db);
      return store;
    },
    done: (store) => store.close(),
    runs: 10,
  });
}

describe('the Vietnamese sort key', () => {
  it('orders strings as compareVi does, and ties exactly where it ties', () => {
    const chars = [...'aăâbcdđeêioôơuưyAĐƠ 0129-_,.()', 'à', 'ầ', 'ữ', '\u0301', '\u0001', '\t', 'ß'];
    const text = fc
      .array(fc.constantFrom(...chars), { maxLength: 8 })
      .chain((cs) => fc.boolean().map((n) => (n ? nfd(cs.join('')) : cs.join(''))));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const [ka, kb] = [viSortKey(a), viSortKey(b)];
        expect(ka < kb ? -1 : ka > kb ? 1 : 0).toBe(Math.sign(compareVi(a, b)));
      }),
      { numRuns: 3000 },
    );
  });
});

describe.each(targets)('memory and $name give the same answers', (target) => {
  let store: SqlStore;
  beforeAll(async () => {
    store = await target.open();
  });
  afterAll(async () => {
    await target.done(store);
    if (target.name === 'postgres') await dropPg?.();
  });

  it('for random tasks and random filters, sorts and pages', async () => {
    await fc.assert(
      fc.asyncProperty(dataArb, fc.array(queryArb, { minLength: 3, maxLength: 3 }), async (data, queries) => {
        store = await target.fresh(store);
        await store.importData(data);
        const mem = memoryStoreOf(data);
        for (const q of queries) await sameAnswers(mem, store, q);
      }),
      { numRuns: target.runs },
    );
  });
});

/** One write to a stored task (by its index in the data): the fields the counts of /stats are derived from. */
const changeArb = fc.record({
  at: fc.nat(),
  status: fc.constantFrom(...TASK_STATUSES),
  deadlineDays: fc.option(fc.integer({ min: -400, max: 400 }), { nil: null }),
  completedDays: fc.option(fc.integer({ min: -400, max: 400 }), { nil: null }),
  localityCodes: fc.uniqueArray(fc.constantFrom(...CODES), { maxLength: 3 }),
  category: fc.constantFrom(...CATEGORIES.slice(0, 4)),
  created: fc.option(day('2024-09-01', 800), { nil: null }),
  /** Through addArticle (a stored import re-applied: the task replaced whole) rather than commitChange. */
  upsert: fc.boolean(),
});

describe.each(targets)('the counts maintained on write on $name', (target) => {
  let store: SqlStore;
  beforeAll(async () => {
    store = await target.open();
  });
  afterAll(async () => {
    await target.done(store);
    if (target.name === 'postgres') await dropPg?.();
  });

  it('stay equal to the counts of the tasks through imports, changes and re-imports, and /stats with them', async () => {
    await fc.assert(
      fc.asyncProperty(
        dataArb.filter((d) => d.tasks.length > 0),
        fc.array(changeArb, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('pre2025' as const, 'post2025' as const),
        async (data, changes, era) => {
          store = await target.fresh(store);
          await store.importData(data);
          const mem = memoryStoreOf(data);
          for (const c of changes) {
            const stored = data.tasks[c.at % data.tasks.length] as StoredTask;
            const current = (await store.getTask(stored.id)) as StoredTask;
            const created = c.created ?? current.createdAt.slice(0, 10);
            const deadline = c.deadlineDays === null ? null : addDays(created, c.deadlineDays);
            const next: StoredTask = {
              ...current,
              status: c.status,
              category: c.category,
              localityCodes: c.localityCodes,
              createdAt: c.created ? `${c.created}T08:00:00+07:00` : current.createdAt,
              deadline: deadline ? { date: deadline, text: `trước ${deadline}` } : null,
              completedAt: c.status === 'done' && c.completedDays !== null ? addDays(created, c.completedDays) : null,
              version: current.version + 1,
            };
            if (c.upsert) {
              const article = ARTICLES[0] as Article;
              for (const s of [mem, store]) await s.addArticle({ ...article, taskIds: [next.id] }, [next]);
            } else {
              const entry: TaskUpdateEntry = {
                id: `${next.id}-v${next.version}`,
                taskId: next.id,
                version: next.version,
                date: TODAY,
                recordedAt: `${TODAY}T08:00:00+07:00`,
                author: 'Người cập nhật',
                note: '',
                status: next.status,
                progress: next.progress,
                deadlineReason: null,
                changes: [],
                evidence: [],
              };
              for (const s of [mem, store]) expect(await s.commitChange(next, entry, current.version)).toBe('ok');
            }
          }
          for (const [table, { maintained, computed }] of Object.entries(await statCountsNowAndMaintained(store.db))) {
            expect(maintained, table).toEqual(computed);
          }
          const breakdown = breakdownOf({ era }, localities);
          const [a, b] = [
            await mem.stats({ era }, breakdown, ctx, SPANNING_LABEL),
            await store.stats({ era }, breakdown, ctx, SPANNING_LABEL),
          ];
          expect(b).toEqual(a);
        },
      ),
      { numRuns: target.runs },
    );
    // Each run imports, writes and recounts: room for a loaded 2-core machine.
  }, 60_000);
});
