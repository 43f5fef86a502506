// @vitest-environment node
/**
 * The SQL store's guarantees, on SQLite (a file, so two connections can share it as two processes would) and, when
 * TEST_DATABASE_URL is set, on PostgreSQL (a fresh database, dropped at the end): version-guarded writes under
 * concurrency, every acknowledged write in the history, the data version bumped by each write and seen by every
 * connection, idempotent migrations, and an import → export round trip.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { breakdownOf, SPANNING_LABEL } from '../../server/context';
import { loadLocalities } from '../../server/localities';
import { sampleData } from '../../server/sample';
import type { NewAuditEntry } from '../../server/store/accounts';
import { createMemoryStore } from '../../server/store/memory';
import { createDb, replaceTask } from '../../server/store/memory-db';
import { type ExportChunk, openSqlStore, type SqlStore } from '../../server/store/sql';
import { statCountsNowAndMaintained } from '../../server/store/sql/aggregates';
import { articleFingerprint, normalizeArticleUrl } from '../../src/api/article-import-schemas';
import type { StoredTask } from '../../src/api/schemas';
import type { TaskUpdateEntry } from '../../src/domain/task-updates';
import { freshPostgresDatabase, makeTask, TEST_TODAY } from './harness';

const localities = loadLocalities();
const ctx = { today: TEST_TODAY };

interface Engine {
  name: string;
  /** A fresh, empty database; `drop` removes it. */
  create(): Promise<{ url: string; drop(): Promise<void> }>;
}
const engines: Engine[] = [
  {
    name: 'sqlite',
    async create() {
      const dir = mkdtempSync(join(tmpdir(), 'dt-sql-'));
      return {
        url: `file:${join(dir, 'test.sqlite')}`,
        drop: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
];
if (process.env.TEST_DATABASE_URL) engines.push({ name: 'postgres', create: freshPostgresDatabase });

/** The change a writer makes: the next version of the task and its history entry. */
function change(task: StoredTask, writer: string, progress: number): { next: StoredTask; entry: TaskUpdateEntry } {
  const version = task.version + 1;
  const next: StoredTask = { ...task, progress, version, updatedAt: '2026-11-26T08:00:00.000Z' };
  const entry: TaskUpdateEntry = {
    id: `${task.id}-v${version}-${writer}`,
    taskId: task.id,
    version,
    date: TEST_TODAY,
    recordedAt: `2026-11-26T08:00:${String(version % 60).padStart(2, '0')}.000Z`,
    author: writer,
    note: `writer ${writer}`,
    status: next.status,
    progress,
    deadlineReason: null,
    changes: [{ field: 'progress', from: task.progress, to: progress }],
    evidence: [],
  };
  return { next, entry };
}

async function drain(gen: AsyncGenerator<ExportChunk>) {
  const all: ExportChunk = { articles: [], tasks: [], updates: [] };
  for await (const chunk of gen) {
    all.articles.push(...chunk.articles);
    all.tasks.push(...chunk.tasks);
    all.updates.push(...chunk.updates);
  }
  return all;
}

describe.each(engines)('the SQL store on $name', (engine) => {
  let db: { url: string; drop(): Promise<void> };
  let store: SqlStore;
  const messages: string[] = [];
  const data = sampleData(localities, 'sample', TEST_TODAY);

  beforeAll(async () => {
    db = await engine.create();
    store = await openSqlStore({ url: db.url, localities, log: (m) => messages.push(m) });
    await store.importData(data);
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it('fills the maintained counts of /stats from the tasks already stored when it migrates (0005, 0007)', async () => {
    const older = await engine.create();
    let s = await openSqlStore({ url: older.url, localities });
    try {
      await s.importData(data);
      // As a database of the release before: no summary tables, the migrations from 0005 on not applied yet.
      for (const table of ['stat_tasks', 'stat_buckets', 'stat_months', 'stat_scoped']) {
        await sql`drop table ${sql.table(table)}`.execute(s.db);
      }
      await sql`delete from kysely_migration where name >= '0005'`.execute(s.db);
      await s.close();
      s = await openSqlStore({ url: older.url, localities });
      const memory = createMemoryStore(() => createDb({ localities, today: TEST_TODAY }));
      for (const [table, { maintained, computed }] of Object.entries(await statCountsNowAndMaintained(s.db))) {
        expect(maintained, table).toEqual(computed);
        expect(computed.length, table).toBeGreaterThan(0);
      }
      for (const filters of [
        { era: 'pre2025' },
        { era: 'post2025' },
        // A province alone: stat_scoped's counts.
        { era: 'post2025', locality: ['86'] },
        { era: 'pre2025', locality: ['83'] },
      ] as const) {
        const f = { ...filters, locality: filters.locality && [...filters.locality] };
        const breakdown = breakdownOf(f, localities);
        expect(await s.stats(f, breakdown, ctx, SPANNING_LABEL)).toEqual(
          await memory.stats(f, breakdown, ctx, SPANNING_LABEL),
        );
      }
    } finally {
      await s.close();
      await older.drop();
    }
  });

  it("counts a province's tasks due around today and soon as the memory store does (stat_scoped)", async () => {
    // Deadlines at the edges of the quarters of today and soon, of each status: the quarter rows give those
    // quarters' timeliness wrong, so they must be read from the tasks.
    const deadlines = [
      '2026-06-30',
      '2026-07-01',
      '2026-09-30',
      '2026-10-01',
      '2026-10-31',
      '2026-11-01',
      '2026-11-04',
      '2026-11-05',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-12-10',
      '2026-12-11',
      '2026-12-31',
      '2027-01-01',
      '2027-03-31',
      '2027-04-01',
      null,
    ];
    const statuses = ['not_started', 'in_progress', 'paused', 'done', 'cancelled'] as const;
    const tasks: StoredTask[] = [];
    for (const [i, date] of deadlines.entries()) {
      for (const [j, status] of statuses.entries()) {
        for (const completed of status === 'done' ? [null, '2026-11-20T09:00:00+07:00'] : [null]) {
          tasks.push(
            makeTask({
              id: `t-edge-${tasks.length}`,
              // Vĩnh Long and one of its communes (today's units), Bến Tre (before the reform) for a task of 2025.
              localityCodes: j % 3 === 2 ? ['86', '83'] : j % 3 === 1 ? ['28777'] : ['86'],
              category: i % 2 ? 'economy' : 'infrastructure',
              deadline: date ? { date, text: date } : null,
              status,
              completedAt: completed,
              createdAt: j % 2 ? '2025-03-01T08:00:00+07:00' : '2025-09-01T08:00:00+07:00',
            }),
          );
        }
      }
    }
    const fresh = await engine.create();
    const s = await openSqlStore({ url: fresh.url, localities });
    try {
      await s.importData({ articles: [], tasks, updates: [] });
      const mem = createDb({ localities, today: TEST_TODAY });
      mem.articles.clear();
      mem.tasks.clear();
      mem.rows.length = 0;
      mem.updates.clear();
      for (const t of tasks) replaceTask(mem, t);
      const memory = createMemoryStore(() => mem);
      // Today and soon in two months, in one month, in two quarters, and at the ends of a month and a quarter.
      for (const today of [
        '2026-11-26',
        '2026-11-05',
        '2026-11-01',
        '2026-12-31',
        '2026-10-31',
        '2026-09-25',
        '2026-10-01',
      ]) {
        for (const filters of [
          { era: 'post2025' as const, locality: ['86'] },
          { era: 'pre2025' as const, locality: ['83'] },
          { locality: ['86'] },
        ]) {
          const breakdown = breakdownOf(filters, localities);
          const got = await s.stats(filters, breakdown, { today }, SPANNING_LABEL);
          expect(got, `${today} ${JSON.stringify(filters)}`).toEqual(
            await memory.stats(filters, breakdown, { today }, SPANNING_LABEL),
          );
          expect(got.total).toBeGreaterThan(0);
        }
      }
    } finally {
      await s.close();
      await fresh.drop();
    }
  });

  it('runs its migrations once: a second open finds them applied and the data in place', async () => {
    expect(messages.some((m) => m.includes('0001_initial'))).toBe(true);
    const again: string[] = [];
    const second = await openSqlStore({ url: db.url, localities, log: (m) => again.push(m) });
    try {
      expect(again).toEqual([]);
      expect(await second.counts()).toEqual({ tasks: data.tasks.length, articles: data.articles.length });
      expect(await second.isEmpty()).toBe(false);
      expect(await second.integrityCheck()).toBe('ok');
    } finally {
      await second.close();
    }
  });

  if (engine.name === 'sqlite') {
    it('keeps SQLite in WAL mode with synchronous=FULL and foreign keys on', async () => {
      const pragma = async (name: string) =>
        Object.values((await sql.raw(`pragma ${name}`).execute(store.db)).rows[0] as object)[0];
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('synchronous')).toBe(2);
      expect(await pragma('foreign_keys')).toBe(1);
    });
  }

  if (engine.name === 'sqlite') {
    it('answers the long reads in its read threads exactly as on the main connection, and sees every write', async () => {
      const main = await openSqlStore({ url: db.url, localities, readThreads: 0 });
      try {
        const queries = [
          {},
          { locality: ['83'] },
          { q: 'cầu' },
          { status: ['done' as const], category: ['economy' as const] },
        ];
        const all = async (s: SqlStore) =>
          Promise.all(
            queries.flatMap((filters) => {
              const breakdown = breakdownOf(filters, localities);
              return [
                s.stats(filters, breakdown, ctx, SPANNING_LABEL),
                s.compare(filters, breakdown, ctx, SPANNING_LABEL),
                s.facets(filters, ctx, 10),
                s.listTasks({ ...filters, sort: '-deadline', page: 1, pageSize: 20 }, ctx),
                s.recentUpdates({ ...filters, page: 1, pageSize: 20 }, ctx),
                s.listArticles({ ...filters, page: 1, pageSize: 20 }, ctx),
              ];
            }),
          );
        expect(await all(store)).toEqual(await all(main));
        // The key projects' board: a first page in an order no index gives, read on the threads and kept.
        const board = { sort: 'timeliness' as const, page: 1, pageSize: 10 };
        const boardBefore = await store.listTasks(board, ctx);
        expect(boardBefore).toEqual(await main.listTasks(board, ctx));
        // A write on the main connection is seen by the threads' next read (a new data version, a new snapshot).
        const task = (boardBefore.items[0] ?? (await store.getTask(data.tasks[1]?.id ?? ''))) as StoredTask;
        const before = await store.stats({}, breakdownOf({}, localities), ctx, SPANNING_LABEL);
        const { next, entry } = change({ ...task, status: 'cancelled' }, 'thread', 0);
        expect(await store.commitChange(next, entry, task.version)).toBe('ok');
        const after = await store.stats({}, breakdownOf({}, localities), ctx, SPANNING_LABEL);
        expect(after.byStatus.cancelled).toBe(before.byStatus.cancelled + (task.status === 'cancelled' ? 0 : 1));
        expect(await all(store)).toEqual(await all(main));
        // The kept board is not served after the write: the cancelled task no longer heads it as it was.
        const boardAfter = await store.listTasks(board, ctx);
        expect(boardAfter).not.toEqual(boardBefore);
        const fresh = await openSqlStore({ url: db.url, localities, readThreads: 0 });
        try {
          expect(boardAfter).toEqual(await fresh.listTasks(board, ctx));
        } finally {
          await fresh.close();
        }
      } finally {
        await main.close();
      }
    });
  }

  it('lets exactly one of 100 concurrent writers of the same version through, and records it', async () => {
    const task = (await store.getTask(data.tasks[0]?.id ?? '')) as StoredTask;
    const before = await store.dataVersion();
    const history = await store.listTaskUpdates(task.id);
    const attempts = Array.from({ length: 100 }, (_, i) => change(task, `w${i}`, i));
    const results = await Promise.all(attempts.map((a) => store.commitChange(a.next, a.entry, task.version)));
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    expect(results.filter((r) => r === 'stale')).toHaveLength(99);
    const winner = attempts[results.indexOf('ok')] as (typeof attempts)[number];
    expect(await store.getTask(task.id)).toEqual(winner.next);
    expect(await store.listTaskUpdates(task.id)).toEqual([...history, winner.entry]);
    // Only the write that happened changed the data version (refused writes roll their bump back).
    expect(await store.dataVersion()).toBe(before + 1);
  });

  it('keeps every acknowledged write when writers retry on stale versions (one per version, none lost)', async () => {
    const id = data.tasks[1]?.id ?? '';
    const start = (await store.getTask(id)) as StoredTask;
    const history = await store.listTaskUpdates(id);
    const writers = 20;
    const acknowledged: TaskUpdateEntry[] = [];
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (;;) {
          const current = (await store.getTask(id)) as StoredTask;
          const { next, entry } = change(current, `r${w}`, w);
          const result = await store.commitChange(next, entry, current.version);
          if (result === 'ok') {
            acknowledged.push(entry);
            return;
          }
          expect(result).toBe('stale');
        }
      }),
    );
    const after = await store.listTaskUpdates(id);
    expect(after.slice(0, history.length)).toEqual(history);
    const added = after.slice(history.length);
    expect(added).toHaveLength(writers);
    expect(added.map((e) => e.version)).toEqual(Array.from({ length: writers }, (_, i) => start.version + 1 + i));
    expect(new Set(added.map((e) => e.id))).toEqual(new Set(acknowledged.map((e) => e.id)));
    expect((await store.getTask(id))?.version).toBe(start.version + writers);
  });

  it("answers 'missing' for an unknown task and 'stale' for an old version, changing nothing", async () => {
    const task = (await store.getTask(data.tasks[2]?.id ?? '')) as StoredTask;
    const before = await store.dataVersion();
    const { next, entry } = change({ ...task, id: 'no-such-task' }, 'x', 5);
    expect(await store.commitChange(next, entry, 1)).toBe('missing');
    const old = change(task, 'y', 7);
    expect(await store.commitChange(old.next, old.entry, task.version - 1)).toBe('stale');
    expect(await store.getTask(task.id)).toEqual(task);
    expect(await store.dataVersion()).toBe(before);
  });

  it('stores a change and its audit entries in one transaction: both or neither', async () => {
    const task = (await store.getTask(data.tasks[3]?.id ?? '')) as StoredTask;
    const entryOf = (targetId: string, action: string | null = 'task.patch'): NewAuditEntry =>
      ({
        at: '2026-11-26T08:00:00.000Z',
        actorId: null,
        actorName: null,
        action,
        targetType: 'task',
        targetId,
        before: null,
        after: { progress: 9 },
        ip: null,
        userAgent: null,
      }) as NewAuditEntry;
    const auditOf = async (id: string) =>
      (await store.accounts.listAudit({ task: id, page: 1, pageSize: 50 })).items.map((e) => e.target?.id);
    // A stale change writes no entry.
    const old = change(task, 'a', 9);
    expect(await store.commitChange(old.next, old.entry, task.version - 1, [entryOf(task.id)])).toBe('stale');
    expect(await auditOf(task.id)).toEqual([]);
    // An entry that cannot be stored (no action: NOT NULL) takes the change down with it.
    await expect(store.commitChange(old.next, old.entry, task.version, [entryOf(task.id, null)])).rejects.toThrow();
    expect(await store.getTask(task.id)).toEqual(task);
    expect(await store.listTaskUpdates(task.id)).not.toContainEqual(old.entry);
    // Committed: the change and its entry.
    expect(await store.commitChange(old.next, old.entry, task.version, [entryOf(task.id)])).toBe('ok');
    expect(await auditOf(task.id)).toEqual([task.id]);

    const article = (n: number) => ({
      article: {
        id: `a-audit-${n}`,
        title: `Audit ${n}`,
        publisher: 'P',
        date: '2026-11-20',
        url: null,
        illustrative: false,
        body: `body ${n}`,
        taskIds: [],
      },
      tasks: [],
      normalizedUrl: null,
      fingerprint: articleFingerprint(`body ${n}`, '2026-11-20'),
    });
    const articleEntry = (action: string | null) => (i: { article: { id: string } }) =>
      ({ ...entryOf(i.article.id, action), targetType: 'article' }) as NewAuditEntry;
    await expect(store.addArticles([article(1)], articleEntry(null))).rejects.toThrow();
    expect(await store.hasArticle('a-audit-1')).toBe(false);
    expect(await store.addArticles([article(1), article(1)], articleEntry('article.create'))).toMatchObject([
      { created: true },
      { created: false },
    ]);
    const entries = (await store.accounts.listAudit({ action: 'article.create', page: 1, pageSize: 50 })).items;
    expect(entries.filter((e) => e.target?.id === 'a-audit-1')).toHaveLength(1);
  });

  it('shares writes and the data version between two connections (as two server processes would)', async () => {
    const other = await openSqlStore({ url: db.url, localities });
    try {
      const filters = { locality: ['86'] };
      const breakdown = breakdownOf(filters, localities);
      const statsBefore = await other.stats(filters, breakdown, ctx, SPANNING_LABEL);
      const version = await other.dataVersion();
      const task = makeTask({ id: 't-shared-1', localityCodes: ['86'], status: 'in_progress' });
      await store.importData({ articles: [], tasks: [task], updates: [] });
      expect(await other.dataVersion()).toBeGreaterThan(version);
      // The other connection's cached stats were keyed by the old version: it sees the new task.
      const statsAfter = await other.stats(filters, breakdown, ctx, SPANNING_LABEL);
      expect(statsAfter.total).toBe(statsBefore.total + 1);

      // Concurrent writers on both connections: still one winner per version. (PostgreSQL only: two better-sqlite3
      // connections in one thread would wait for each other in SQLite's busy handler, which blocks the thread; a
      // server process opens one connection, and separate processes wait for each other's lock as they should.)
      if (engine.name === 'postgres') {
        const current = (await other.getTask(task.id)) as StoredTask;
        const tries = Array.from({ length: 20 }, (_, i) => ({
          via: i % 2 ? store : other,
          ...change(current, `c${i}`, i),
        }));
        const results = await Promise.all(tries.map((t) => t.via.commitChange(t.next, t.entry, current.version)));
        expect(results.filter((r) => r === 'ok')).toHaveLength(1);
        expect(await store.listTaskUpdates(task.id)).toHaveLength(1);
      }
      // A write through one connection after a write through the other: versions stay in step.
      const now = (await store.getTask(task.id)) as StoredTask;
      const a = change(now, 'via-other', 42);
      expect(await other.commitChange(a.next, a.entry, now.version)).toBe('ok');
      const b = change(now, 'via-store', 43);
      expect(await store.commitChange(b.next, b.entry, now.version)).toBe('stale');
      expect((await store.getTask(task.id))?.progress).toBe(42);
    } finally {
      await other.close();
    }
  });

  it('adds an article and its tasks in one transaction, found by URL and by content, filtered by locality', async () => {
    const before = await store.dataVersion();
    const article = {
      id: 'a-new',
      title: 'Bài mới về cầu',
      publisher: 'Báo Vĩnh Long',
      date: '2026-11-20',
      url: 'https://www.example.vn/bai-moi/?utm_source=x',
      illustrative: false,
      body: 'Tỉnh chỉ đạo hoàn thành cầu trong quý I.',
      taskIds: ['t-new-01'],
    };
    const task = makeTask({ id: 't-new-01', articleId: 'a-new', localityCodes: ['86'], title: 'Hoàn thành cầu' });
    await store.addArticle(article, [task]);
    expect(await store.dataVersion()).toBe(before + 1);
    expect(await store.getArticle('a-new')).toEqual(article);
    expect(await store.hasArticle('a-new')).toBe(true);
    expect(await store.findArticle(normalizeArticleUrl(article.url), null)).toMatchObject({
      articleId: 'a-new',
      matchedBy: 'url',
    });
    expect(await store.findArticle(null, articleFingerprint(article.body, article.date))).toMatchObject({
      articleId: 'a-new',
      matchedBy: 'content',
    });
    const page = await store.listTasks(
      { locality: ['86'], q: 'bai moi ve cau', sort: 'deadline', page: 1, pageSize: 20 },
      ctx,
    );
    expect(page.items.map((t) => t.id)).toEqual(['t-new-01']);
  });

  it('keeps the first answer under an Idempotency-Key', async () => {
    const first = {
      key: 'k1',
      fingerprint: 'f1',
      status: 201,
      body: '{"a":1}',
      headers: { etag: '"2"' },
      createdAt: new Date().toISOString(),
    };
    await store.putIdempotent(first);
    await store.putIdempotent({ ...first, status: 500, body: 'other' });
    expect(await store.getIdempotent('k1')).toEqual(first);
    expect(await store.getIdempotent('k2')).toBeNull();
  });

  it('exports what it stores, and an import of the export gives the same store', async () => {
    const exported = await drain(store.exportData({ pageSize: 7 }));
    expect(exported.tasks.length).toBe((await store.counts()).tasks);
    expect(exported.articles.length).toBe((await store.counts()).articles);
    for (const t of exported.tasks.slice(0, 5))
      expect(await store.listTaskUpdates(t.id)).toEqual(exported.updates.filter((u) => u.taskId === t.id));

    const copyDb = await engine.create();
    const copy = await openSqlStore({ url: copyDb.url, localities });
    try {
      expect(await copy.isEmpty()).toBe(true);
      await copy.importData(exported, { batchSize: 25 });
      expect(await drain(copy.exportData())).toEqual(exported);
      const filters = {};
      const breakdown = breakdownOf(filters, localities);
      expect(await copy.stats(filters, breakdown, ctx, SPANNING_LABEL)).toEqual(
        await store.stats(filters, breakdown, ctx, SPANNING_LABEL),
      );
      const query = { sort: 'title' as const, page: 1, pageSize: 50 };
      expect(await copy.listTasks(query, ctx)).toEqual(await store.listTasks(query, ctx));
      expect(await copy.integrityCheck()).toBe('ok');
    } finally {
      await copy.close();
      await copyDb.drop();
    }
  });
  it('loads a stream of chunks as one bulk load, to the same store as one import per chunk', async () => {
    const exported = await drain(store.exportData({ pageSize: 7 }));
    const chunks: ExportChunk[] = [{ articles: exported.articles, tasks: [], updates: [] }];
    for (let i = 0; i < exported.tasks.length; i += 40) {
      const tasks = exported.tasks.slice(i, i + 40);
      const ids = new Set(tasks.map((t) => t.id));
      chunks.push({ articles: [], tasks, updates: exported.updates.filter((u) => ids.has(u.taskId)) });
    }
    const oneByOne = await engine.create();
    const streamed = await engine.create();
    const a = await openSqlStore({ url: oneByOne.url, localities });
    const b = await openSqlStore({ url: streamed.url, localities });
    try {
      for (const chunk of chunks) await a.importData(chunk, { batchSize: 15 });
      async function* stream() {
        for (const chunk of chunks) yield chunk;
      }
      await b.importData(stream(), { batchSize: 15 });
      expect(await drain(b.exportData())).toEqual(await drain(a.exportData()));
      expect(await drain(b.exportData())).toEqual(exported);
      // The counts of an unfiltered /stats, maintained batch by batch (a) or written at the end of the load (b).
      for (const s of [a, b]) {
        for (const [table, { maintained, computed }] of Object.entries(await statCountsNowAndMaintained(s.db))) {
          expect(maintained, table).toEqual(computed);
          expect(computed.length, table).toBeGreaterThan(0);
        }
      }
      for (const filters of [{}, { locality: ['83'] }, { q: 'cầu' }, { status: ['done' as const] }]) {
        const breakdown = breakdownOf(filters, localities);
        const expected = await store.stats(filters, breakdown, ctx, SPANNING_LABEL);
        expect(await a.stats(filters, breakdown, ctx, SPANNING_LABEL)).toEqual(expected);
        expect(await b.stats(filters, breakdown, ctx, SPANNING_LABEL)).toEqual(expected);
        expect(await b.compare(filters, breakdown, ctx, SPANNING_LABEL)).toEqual(
          await store.compare(filters, breakdown, ctx, SPANNING_LABEL),
        );
      }
      for (const sort of ['title', '-deadline', 'locality'] as const) {
        const query = { sort, page: 1, pageSize: 30 };
        expect(await b.listTasks(query, ctx)).toEqual(await store.listTasks(query, ctx));
      }
      // The indexes dropped for the load are all back, and the planner has statistics.
      const indexes = async (s: SqlStore) =>
        (engine.name === 'sqlite'
          ? await sql<{ name: string }>`select name from sqlite_master
              where type = 'index' and tbl_name = 'tasks' order by name`.execute(s.db)
          : await sql<{ name: string }>`select indexname as name from pg_indexes
              where tablename = 'tasks' order by indexname`.execute(s.db)
        ).rows.map((r) => r.name);
      expect(await indexes(b)).toContain('tasks_agg');
      expect(await indexes(b)).toEqual(await indexes(a));
      expect(await b.integrityCheck()).toBe('ok');
    } finally {
      await a.close();
      await b.close();
      await oneByOne.drop();
      await streamed.drop();
    }
  });
});
