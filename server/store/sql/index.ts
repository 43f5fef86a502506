/**
 * The SQL adapter: the store interface (server/store/types.ts) on SQLite (better-sqlite3) or PostgreSQL (pg),
 * through Kysely, with one set of queries and migrations for both. The database does the work: filtering,
 * sorting, paging and every aggregate run in SQL (query.ts); the cross-era locality filter and the breakdowns
 * read tables derived from the footprints when a task is written (units.ts); the Vietnamese sort order is a
 * stored binary key (collation.ts). Every write bumps meta.data_version in its own transaction, and the
 * expensive reads are cached per (request, date of evaluation, data version). See docs/storage.md.
 */
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  Migrator,
  PostgresDialect,
  type RawBuilder,
  type SqlBool,
  SqliteDialect,
  sql,
} from 'kysely';
import pg from 'pg';
import type { ArticleMatch } from '../../../src/api/article-import-schemas';
import type { CompareItem } from '../../../src/api/compare-schemas';
import {
  type Article,
  type ArticleSummary,
  CATEGORIES,
  type Category,
  type LocalityBucket,
  type StoredTask,
  TASK_STATUSES,
  type Task,
  type TaskFilters,
  type TaskSort,
  type TaskStatus,
  TIMELINESS,
  type Timeliness,
  type TimelinessCounts,
} from '../../../src/api/schemas';
import type { RecentUpdate } from '../../../src/api/task-update-schemas';
import { type Accumulator, figures, SPANNING_CODE } from '../../../src/domain/compare';
import { monthRange } from '../../../src/domain/dates';
import type { LocalityIndex } from '../../../src/domain/localities';
import { emptyTimelinessCounts, MAX_MONTHS, MOST_OVERDUE_LIMIT } from '../../../src/domain/stats';
import { resolveFilterLocalities } from '../../../src/domain/task-query';
import type { TaskUpdateEntry } from '../../../src/domain/task-updates';
import { compareVi } from '../../../src/domain/text';
import type { AddArticleOutcome, CommitResult, NewArticle, Store } from '../types';
import { sqlAccounts } from './accounts';
import {
  DATED_KIND_SQL,
  STAT_PARENTS,
  StatDeltas,
  type StatFacts,
  scopedTimelinessRows,
  statFactsOf,
  statFactsOfRow,
  statKindTimeliness,
} from './aggregates';
import { insertAudit } from './audit';
import type { Database, TaskRow } from './database';
import { createTaskIndex, type Engine, migrationProvider, TASK_INDEXES } from './migrations';
import {
  countAll,
  countIf,
  countsByTimeliness,
  type EvalDates,
  evalDates,
  filterSql,
  filterSqlOrNull,
  matchesSql,
  overdueSql,
  timelinessSql,
} from './query';
import { sqliteReadThreads } from './read-workers';
import {
  articleFromRow,
  articleValues,
  COLUMN,
  pushTaskRow,
  TASK_COLUMNS,
  type TaskValues,
  taskFromRow,
  taskValues,
  updateValues,
} from './rows';
import { rootUid, SPANNING_UID, type TaskUnitRows, unitTables, unitUid } from './units';

export { viSortKey } from './collation';
export type { Engine } from './migrations';

export interface ImportData {
  articles: Article[];
  tasks: StoredTask[];
  updates: TaskUpdateEntry[];
  /**
   * More tasks, as rows made already by pushTaskRow (TASK_COLUMNS order, one after another), with their articles'
   * titles in the search text: rows built on another thread (db:generate), so this one only writes them. Inserted
   * after `tasks`.
   */
  taskRows?: unknown[];
}

/** Chunks of one bulk load, in order. */
export type ImportStream = AsyncIterable<ImportData> | Iterable<ImportData>;

/** The PostgreSQL advisory lock held by a transaction adding articles (any constant unique to that use). */
const ARTICLE_WRITE_LOCK = 0x4454_4152; // 'DTAR'

/** A bulk load into a tasks table smaller than this drops its secondary indexes and builds them at the end. */
const REBUILD_BELOW = 100_000;
/**
 * A bulk load into a database holding fewer tasks than this (a new one, perhaps with the sample data) also writes
 * the unit rows of all its tasks at the end, in primary-key order, and on SQLite does not fsync until then: if it
 * is interrupted, the database is deleted and generated again.
 */
const FRESH_BELOW = 1_000;
const sizeOf = (d: ImportData) =>
  d.articles.length + d.tasks.length + d.updates.length + (d.taskRows?.length ?? 0) / TASK_COLUMNS.length;

export interface ImportOptions {
  /** Tasks per transaction (default 5,000). */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * One page of an export: the articles come first (in insertion order, with no tasks), then the tasks in insertion
 * order, each page with the history entries of its own tasks.
 */
export interface ExportChunk {
  articles: Article[];
  tasks: StoredTask[];
  updates: TaskUpdateEntry[];
}

export interface SqlStore extends Store {
  readonly kind: 'sqlite' | 'postgres';
  /** No article and no task stored yet (a fresh database to seed). */
  isEmpty(): Promise<boolean>;
  /**
   * Bulk load in batched multi-row inserts, one transaction per batch. Ids must not be stored already. Takes one
   * data set or a stream of them (db:generate, db:import): a stream is one load, so the indexes of an empty tasks
   * table are dropped once, every chunk inserted, and the indexes and planner statistics built once at the end.
   * The history entries of a chunk must belong to tasks of the same or an earlier chunk (or stored ones).
   */
  importData(data: ImportData | ImportStream, opts?: ImportOptions): Promise<void>;
  /** Streams the whole database in pages (for db:export); importData of the chunks rebuilds it. */
  exportData(opts?: { pageSize?: number }): AsyncGenerator<ExportChunk>;
  /** SQLite: PRAGMA integrity_check ('ok' when sound); PostgreSQL: 'ok'. */
  integrityCheck(): Promise<string>;
  /** The Kysely instance (tests, scripts). */
  readonly db: Kysely<Database>;
}

export interface OpenSqlStoreOptions {
  /** `file:./path.sqlite`, `file::memory:`, or `postgres://…` / `postgresql://…`. */
  url: string;
  localities: LocalityIndex;
  log?: (msg: string) => void;
  /**
   * SQLite file: threads that run the long reads (aggregates, totals) on their own read-only connections, so the
   * event loop never waits for them (read-workers.ts). Default 2; 0 runs them on the main connection.
   */
  readThreads?: number;
}

/** How long an answer stays under its Idempotency-Key. */
const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const BUCKET_COLUMNS = [
  'parent',
  'bucket',
  'task_seq',
  'status',
  'deadline_date',
  'completed_at',
  'flagship',
  'progress',
] as const;
/** Tables of a bulk load into a new database (importData): dropped when it ends. */
const STAGED_TASKS = 'bulk_load_tasks';
const STAGED_UNITS = 'bulk_load_combo_units';
const STAGED_BUCKETS = 'bulk_load_combo_buckets';
const STAGED_COLUMNS = ['seq', 'combo', 'status', 'deadline_date', 'completed_at', 'flagship', 'progress'] as const;
/** A search matching at most this many tasks is evaluated once per aggregate (scopeOf). */
const SCOPE_MAX = 200_000;
const OPEN_STATUSES = sql`('not_started', 'in_progress', 'paused')`;
const URGENCY = sql<number>`case tl when 'overdue' then 0 when 'due_soon' then 1 when 'on_track' then 2
  when 'no_deadline' then 3 when 'done_late' then 4 when 'done_on_time' then 5 else 6 end`;

type TaskRowWithTl = TaskRow & { tl: Timeliness };

/** Opens the database, runs the migrations and returns the store. */
export async function openSqlStore(options: OpenSqlStoreOptions): Promise<SqlStore> {
  const { url, localities } = options;
  const log = options.log ?? (() => {});
  let engine: Engine;
  let db: Kysely<Database>;
  let sqlite: BetterSqlite3.Database | null = null;
  let file: string | null = null;
  if (/^postgres(ql)?:\/\//.test(url)) {
    engine = 'postgres';
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    // An idle connection the server ends (restart, terminated backend) is dropped by the pool; unhandled, the error
    // would end the process.
    pool.on('error', (error) => log(`PostgreSQL: an idle connection ended: ${error.message}`));
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  } else if (url.startsWith('file:')) {
    engine = 'sqlite';
    const path = url.replace(/^file:(\/\/)?/, '');
    file = path === ':memory:' || path === '' ? null : path;
    sqlite = new BetterSqlite3(file ?? ':memory:');
    // WAL: readers never block the writer. synchronous=FULL: a commit is on disk (WAL fsynced) before it is
    // acknowledged, so an acknowledged write survives a power cut, not only a crash of the process.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma(`cache_size = -${MAIN_CACHE_KIB}`);
    sqlite.pragma('temp_store = MEMORY');
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  } else {
    throw new Error(`Unsupported database URL "${url}": use file:./path.sqlite, file::memory: or postgres://…`);
  }

  const migrator = new Migrator({ db, provider: migrationProvider(engine) });
  const { error, results } = await migrator.migrateToLatest();
  for (const r of results ?? []) log(`migration ${r.migrationName}: ${r.status}`);
  if (error) {
    await db.destroy();
    throw error instanceof Error ? error : new Error(String(error));
  }
  const threads = file ? (options.readThreads ?? 2) : 0;
  const reads = file && threads > 0 ? sqliteReadThreads<Database>(file, threads, THREAD_CACHE_KIB) : null;
  return createSqlStore(db, engine, localities, sqlite, reads, log);
}

/** SQLite page caches: the main connection (writes, pages of tasks) and each read thread (aggregates). */
const MAIN_CACHE_KIB = 32 * 1024;
const THREAD_CACHE_KIB = 16 * 1024;

/** A few hundred recent answers per data version: a write anywhere (any process) makes them all stale. */
class VersionedCache {
  private version = -1;
  private readonly entries = new Map<string, unknown>();
  /** Answers being computed, by version and key: concurrent requests for one answer share one computation. */
  private readonly running = new Map<string, Promise<unknown>>();
  constructor(private readonly max = 300) {}
  async get<T>(version: number, key: string, compute: () => Promise<T>): Promise<T> {
    const flight = `${version}\u0000${key}`;
    const running = this.running.get(flight);
    if (running) return running as Promise<T>;
    const promise = this.lookup(version, key, compute).finally(() => this.running.delete(flight));
    this.running.set(flight, promise);
    return promise;
  }
  private async lookup<T>(version: number, key: string, compute: () => Promise<T>): Promise<T> {
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    if (this.entries.has(key)) {
      const value = this.entries.get(key) as T;
      this.entries.delete(key);
      this.entries.set(key, value);
      return value;
    }
    const value = await compute();
    if (this.version === version) {
      this.entries.set(key, value);
      if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
    }
    return value;
  }
}

function createSqlStore(
  db: Kysely<Database>,
  engine: Engine,
  localities: LocalityIndex,
  sqlite: BetterSqlite3.Database | null,
  readThreads: { db: Kysely<Database>; close: () => Promise<void> } | null,
  log: (msg: string) => void,
): SqlStore {
  /** Where the long reads run: the SQLite read threads, or the main connection (PostgreSQL: the pool). */
  const reads = readThreads?.db ?? db;
  const units = unitTables(localities);
  const cache = new VersionedCache();
  const maxParams = engine === 'sqlite' ? 32_000 : 65_000;

  // Read at least twice per cached read (the ETag, the cache key): compiled once.
  const dataVersionQuery = db.selectFrom('meta').select('data_version').where('id', '=', 1).compile();
  const dataVersion = async (q: Kysely<Database> = db) => {
    const { rows } = await q.executeQuery(dataVersionQuery);
    return Number(rows[0]?.data_version ?? 0);
  };
  /** Runs `compute` once per (key, data version); the version is read first, so a write meanwhile only makes the next read miss. */
  const cached = async <T>(key: unknown[], compute: () => Promise<T>) =>
    cache.get(await dataVersion(), JSON.stringify(key), compute);

  const taskWithTl = (r: TaskRowWithTl): Task => ({ ...taskFromRow(r), timeliness: r.tl });

  // ---------- writes ----------

  /**
   * A transaction whose first statement takes the write lock (the data version bump), committed when `fn` says so.
   * The count changes `fn` adds to `deltas` (the summary tables of aggregates.ts) are written before the commit.
   */
  async function write<T>(
    fn: (trx: Kysely<Database>, deltas: StatDeltas) => Promise<{ commit: boolean; value: T }>,
  ): Promise<T> {
    const trx = await db.startTransaction().execute();
    try {
      await trx
        .updateTable('meta')
        .set((eb) => ({ data_version: eb('data_version', '+', 1) }))
        .where('id', '=', 1)
        .execute();
      const deltas = new StatDeltas(units);
      const { commit, value } = await fn(trx, deltas);
      if (commit) await flushDeltas(deltas, trx);
      if (commit) await trx.commit().execute();
      else await trx.rollback().execute();
      return value;
    } catch (e) {
      await trx.rollback().execute();
      throw e;
    }
  }

  const articleTitle = async (q: Kysely<Database>, articleId: string | null) => {
    if (!articleId) return '';
    const row = await q.selectFrom('articles').select('title').where('id', '=', articleId).executeTakeFirst();
    return row?.title ?? '';
  };

  /** The fields of a task that task_buckets copies (timeliness and the compare figures read them). */
  const factsOf = (t: StoredTask) => ({
    status: t.status,
    deadline_date: t.deadline ? t.deadline.date : null,
    completed_at: t.completedAt,
    flagship: t.flagship ? 1 : 0,
    progress: t.progress,
  });

  async function insertUnitRows(q: Kysely<Database>, seq: number, task: StoredTask) {
    const rows = units.rowsOf(task);
    if (rows.units.length) {
      await q
        .insertInto('task_units')
        .values(rows.units.map((unit) => ({ unit, task_seq: seq })))
        .execute();
    }
    if (rows.buckets.length) {
      const facts = factsOf(task);
      await q
        .insertInto('task_buckets')
        .values(rows.buckets.map(([parent, bucket]) => ({ parent, bucket, task_seq: seq, ...facts })))
        .execute();
    }
  }

  /** Brings the unit rows of a stored task in line with its next state (localities, or only the copied fields). */
  async function replaceUnitRows(
    q: Kysely<Database>,
    seq: number,
    before: { locality_codes: string; created_at: string },
    after: StoredTask,
  ) {
    const old = units.rowsOf({ localityCodes: JSON.parse(before.locality_codes), createdAt: before.created_at });
    const sameCodes = before.locality_codes === JSON.stringify(after.localityCodes);
    // Each row by its whole primary key (parent, bucket, task_seq): `parent IN (…) AND task_seq = ?` would read the
    // whole range of each parent (under an era's root, every task of that era) to find the task's row.
    if (sameCodes && localities.taskEra(before.created_at) === localities.taskEra(after.createdAt)) {
      const facts = factsOf(after);
      for (const [parent, bucket] of old.buckets) {
        await q
          .updateTable('task_buckets')
          .set(facts)
          .where('parent', '=', parent)
          .where('bucket', '=', bucket)
          .where('task_seq', '=', seq)
          .execute();
      }
      return;
    }
    if (old.units.length) {
      await q.deleteFrom('task_units').where('task_seq', '=', seq).where('unit', 'in', old.units).execute();
    }
    for (const [parent, bucket] of old.buckets) {
      await q
        .deleteFrom('task_buckets')
        .where('parent', '=', parent)
        .where('bucket', '=', bucket)
        .where('task_seq', '=', seq)
        .execute();
    }
    await insertUnitRows(q, seq, after);
  }

  /** Inserts a task, or replaces the stored task with this id (its insertion order kept). */
  async function upsertTask(q: Kysely<Database>, deltas: StatDeltas, task: StoredTask, title: string) {
    const values = taskValues(task, title, localities);
    const stored = await q
      .selectFrom('tasks')
      .select(['seq', 'locality_codes', 'created_at', 'status', 'category', 'deadline_date', 'completed_at'])
      .where('id', '=', task.id)
      .executeTakeFirst();
    if (stored) {
      await q.updateTable('tasks').set(values).where('seq', '=', stored.seq).execute();
      await replaceUnitRows(q, Number(stored.seq), stored, task);
      deltas.change(statFactsOfRow(stored), statFactsOf(task));
      return;
    }
    const inserted = await q.insertInto('tasks').values(values).returning('seq').executeTakeFirstOrThrow();
    await insertUnitRows(q, Number(inserted.seq), task);
    deltas.add(statFactsOf(task), 1);
  }

  /** Multi-row inserts of `columns` × rows, as many rows per statement as the engine's parameter limit allows. */
  const statements = new Map<string, string>();
  const prepared = new Map<string, BetterSqlite3.Statement>();
  async function insertMany(q: Kysely<Database>, table: string, columns: readonly string[], rows: unknown[][]) {
    await insertFlat(q, table, columns, rows.flat());
  }
  /** insertMany of rows given one after another in one array (`columns.length` values each): no array per row. */
  async function insertFlat(q: Kysely<Database>, table: string, columns: readonly string[], values: unknown[]) {
    const width = columns.length;
    const count = values.length / width;
    const perStatement = Math.max(1, Math.min(1000, Math.floor(maxParams / width)));
    for (let i = 0; i < count; i += perStatement) {
      const rows = Math.min(perStatement, count - i);
      const chunk = i === 0 && rows === count ? values : values.slice(i * width, (i + rows) * width);
      const key = `${table}:${rows}`;
      let text = statements.get(key);
      if (!text) {
        let n = 0;
        const tuple = () => `(${columns.map(() => (engine === 'postgres' ? `$${++n}` : '?')).join(', ')})`;
        const tuples = Array.from({ length: rows }, tuple).join(', ');
        text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${tuples}`;
        statements.set(key, text);
      }
      await runStatement(q, text, chunk);
    }
  }
  /** Runs a statement of the caller's transaction `q`, on SQLite prepared once per text. */
  async function runStatement(q: Kysely<Database>, text: string, parameters: unknown[]) {
    if (sqlite) {
      // Inside the caller's transaction, on the same connection: better-sqlite3 runs a prepared statement
      // synchronously, and reusing it saves parsing a statement of thousands of parameters per batch.
      let statement = prepared.get(text);
      if (!statement) {
        statement = sqlite.prepare(text);
        prepared.set(text, statement);
      }
      statement.run(parameters);
    } else await q.executeQuery(CompiledQuery.raw(text, parameters));
  }
  /** StatDeltas.flush into the transaction `q`. */
  const flushDeltas = (deltas: StatDeltas, q: Kysely<Database>) =>
    deltas.flush(q, engine, (text, parameters) => runStatement(q, text, parameters));

  // ---------- reads ----------

  const where = (filters: TaskFilters, d: EvalDates) => filterSql(filters, d, localities);

  /** The sorts no index gives: computed from today's date (selectTasks). */
  const SORTED_IN_FULL = new Set(['timeliness', 'overdueDays']);
  /** The largest first page of such a sort kept in the cache (a board's; a table's pages are not kept). */
  const CACHED_PAGE_MAX = 20;

  function orderBy(sort: TaskSort, d: EvalDates): RawBuilder<unknown> {
    const desc = sort.startsWith('-');
    const dir = desc ? sql`desc` : sql`asc`;
    switch (desc ? sort.slice(1) : sort) {
      case 'title':
        return sql`t.title_key ${dir}, t.id`;
      case 'assignee':
        return sql`t.assignee_key ${dir}, t.id`;
      case 'locality':
        return sql`t.locality_key ${dir}, t.id`;
      case 'category':
        return sql`t.category ${dir}, t.id`;
      case 'updatedAt':
        return sql`t.updated_at ${dir}, t.id`;
      case 'createdAt':
        return sql`t.created_at ${dir}, t.id`;
      case 'progress':
        return sql`t.progress ${dir}, t.id`;
      case 'timeliness':
        return sql`${URGENCY} ${dir}, t.id`;
      case 'overdueDays': {
        // overdueDays is 0 unless open past the deadline, then larger for an earlier deadline.
        const late = sql`case when ${overdueSql(d)} then t.deadline_date end`;
        return desc
          ? sql`case when ${overdueSql(d)} then 0 else 1 end, ${late} asc, t.id`
          : sql`case when ${overdueSql(d)} then 1 else 0 end, ${late} desc, t.id`;
      }
      default:
        return sql`t.id`;
    }
  }

  /**
   * A page of tasks. On the main connection by default: an index gives the order, so the page is a few rows read
   * in a millisecond, and it must not wait behind the read threads' long aggregates. An order no index gives
   * (`SORTED_IN_FULL`) sorts every matching task (the key projects' board at 1,000,000 tasks: 0.4–0.8 s): on the
   * read threads, or it would hold every request of the process for that long.
   */
  async function selectTasks(
    d: EvalDates,
    cond: RawBuilder<SqlBool>,
    order: RawBuilder<unknown>,
    limit: number,
    offset: number,
    on: Kysely<Database> = db,
  ): Promise<Task[]> {
    const tl = timelinessSql(d);
    const { rows } = await sql<TaskRowWithTl>`select * from (select t.*, ${tl} as tl from tasks t where ${cond}) t
      order by ${order} limit ${limit} offset ${offset}`.execute(on);
    return rows.map(taskWithTl);
  }

  /**
   * The rows of a breakdown (task_buckets under `parentUid`, aliased `t`: it carries the fields timeliness reads),
   * restricted to the filtered tasks when there are filters.
   */
  const bucketScope = (cond: RawBuilder<SqlBool> | null, parentUid: number) =>
    cond
      ? sql`task_buckets t where t.parent = ${parentUid} and t.task_seq in (select t.seq from tasks t where ${cond})`
      : sql`task_buckets t where t.parent = ${parentUid}`;

  /** Tasks per bucket and timeliness of a breakdown, with the first task (insertion order) of each bucket. */
  async function breakdownRows(cond: RawBuilder<SqlBool> | null, parentUid: number, d: EvalDates) {
    const { rows } = await sql<Record<Timeliness, number> & { bucket: number; first: number }>`
      select t.bucket as bucket, ${countsByTimeliness(d)}, cast(min(t.task_seq) as integer) as first
      from ${bucketScope(cond, parentUid)} group by t.bucket`.execute(reads);
    return rows;
  }

  /**
   * The filters of an aggregate of several statements as one predicate (null: none). A search (`q`, a substring
   * scan of every task) is evaluated once: the matching tasks' seqs are read first and the statements then take
   * `seq IN (those)`, by primary key; when too many match for that to pay, each statement scans as before.
   */
  async function scopeOf(filters: TaskFilters, d: EvalDates): Promise<RawBuilder<SqlBool> | null> {
    const cond = filterSqlOrNull(filters, d, localities);
    if (!cond || !filters.q?.trim()) return cond;
    const { rows } = await sql<{ seq: number }>`select t.seq as seq from tasks t where ${cond}
      limit ${SCOPE_MAX + 1}`.execute(reads);
    if (rows.length > SCOPE_MAX) return cond;
    const seqs = rows.map((r) => Number(r.seq));
    return engine === 'postgres'
      ? sql<SqlBool>`t.seq = any(cast(${seqs} as integer[]))`
      : sql<SqlBool>`t.seq in (select value from json_each(${JSON.stringify(seqs)}))`;
  }

  async function listArticleIdsMatching(filters: TaskFilters, d: EvalDates, page: number, pageSize: number) {
    const { q, ...taskFilters } = filters;
    const anyTaskFilter = Object.values(taskFilters).some((v) => v !== undefined);
    let cond: RawBuilder<SqlBool> = sql`1 = 1`;
    if (anyTaskFilter || q) {
      const byTask = sql`a.id in (select t.article_id from tasks t where t.article_id is not null and ${where(filters, d)})`;
      cond =
        !anyTaskFilter && q !== undefined ? sql`(${byTask} or ${matchesSql(sql.ref('a.search'), q)})` : sql`${byTask}`;
    }
    const total = await cached(['articleCount', filters, d.today], async () => {
      const { rows } = await sql<{ n: number }>`select ${countAll} as n from articles a where ${cond}`.execute(reads);
      return Number(rows[0]?.n ?? 0);
    });
    const { rows } = await sql<Article & { task_ids: string }>`
      select a.id, a.title, a.publisher, a.date, a.url, a.illustrative, a.task_ids from articles a where ${cond}
      order by a.date desc, a.title_key, a.seq limit ${pageSize} offset ${(page - 1) * pageSize}`.execute(db);
    return { total, rows };
  }

  /**
   * The counts by status × category × timeliness, the tasks assigned and completed by month, and the most overdue
   * tasks of the filtered tasks, as the separate statements of `stats` compute them, from one read of those tasks
   * (a materialized CTE): a province's ~30,000–48,000 tasks are read by `seq` from the tasks table, about 100 ms at
   * 1,000,000 tasks on the development machine, and the four statements each did it.
   */
  async function scopedFacts(cond: RawBuilder<SqlBool>, d: EvalDates) {
    const zeros = sql.join(TIMELINESS.map((x) => sql`0 as ${sql.ref(x)}`));
    const { rows } = await sql<
      { k: string; a: string | null; b: string | null; n: number } & Record<Timeliness, number>
    >`
      with s as materialized (select t.seq, t.id, t.status, t.category, t.deadline_date, t.completed_at, t.created_at
        from tasks t where ${cond})
      select 'g' as k, t.status as a, t.category as b, 0 as n, ${countsByTimeliness(d)}
        from s t group by t.status, t.category
      union all select 'c', substr(t.created_at, 1, 7), null, ${countAll}, ${zeros} from s t
        group by substr(t.created_at, 1, 7)
      union all select 'd', substr(t.completed_at, 1, 7), null, ${countAll}, ${zeros} from s t
        where t.status = 'done' and t.completed_at is not null group by substr(t.completed_at, 1, 7)
      union all select * from (select 'l' as k, cast(t.seq as text) as a, null as b, 0 as n, ${zeros} from s t
        where t.status in ${OPEN_STATUSES} and t.deadline_date < ${d.today}
        order by t.deadline_date, t.id limit ${MOST_OVERDUE_LIMIT}) l`.execute(reads);
    const of = (k: string) => rows.filter((r) => r.k === k);
    const seqs = of('l').map((r) => Number(r.a));
    const late = seqs.length
      ? await sql<TaskRowWithTl>`select t.*, ${timelinessSql(d)} as tl from tasks t
          where t.seq in (${sql.join(seqs)}) order by t.deadline_date, t.id`.execute(reads)
      : { rows: [] as TaskRowWithTl[] };
    return {
      groups: {
        rows: of('g').map(({ a, b, k: _k, n: _n, ...counts }) => ({
          status: a as TaskStatus,
          category: b as Category,
          ...counts,
        })),
      },
      assigned: { rows: of('c').map((r) => ({ m: r.a as string, n: Number(r.n) })) },
      completed: { rows: of('d').map((r) => ({ m: r.a as string, n: Number(r.n) })) },
      late,
    };
  }

  /**
   * The most overdue of the tasks under a unit with children, from its rows in task_buckets (every task under it
   * has one, with the status and deadline), not from its tasks' rows: the deadline of the last of the first few
   * (distinct tasks: a task may be in several buckets), then the tasks up to it in the order of the full query.
   */
  function mostOverdueUnder(parentUid: number, d: EvalDates) {
    const overdue = sql`b.parent = ${parentUid} and b.status in ${OPEN_STATUSES} and b.deadline_date < ${d.today}`;
    return sql<TaskRowWithTl>`select t.*, ${timelinessSql(d)} as tl from tasks t where t.seq in (
        select b.task_seq from task_buckets b where ${overdue} and b.deadline_date <= (
          select max(x.deadline_date) from (select distinct b.task_seq, b.deadline_date from task_buckets b
            where ${overdue} order by b.deadline_date limit ${MOST_OVERDUE_LIMIT}) x))
      order by t.deadline_date, t.id limit ${MOST_OVERDUE_LIMIT}`.execute(reads);
  }

  const store: SqlStore = {
    kind: engine,
    db,
    accounts: sqlAccounts(db),

    async listTasks(query, { today }) {
      const { sort, page, pageSize, ...filters } = query;
      const d = evalDates(today);
      const cond = where(filters, d);
      const counts = await cached(['taskCount', filters, today], async () => {
        const { rows } = await sql<{ total: number; dated: number }>`select ${countAll} as total,
          cast(count(t.deadline_date) as integer) as dated from tasks t where ${cond}`.execute(reads);
        return { total: Number(rows[0]?.total ?? 0), dated: Number(rows[0]?.dated ?? 0) };
      });
      const offset = (page - 1) * pageSize;
      let items: Task[];
      if (sort === 'deadline' || sort === '-deadline') {
        // Tasks without a deadline come last both ways: the dated part, then the undated part, each off an index.
        const dir = sort === 'deadline' ? sql`asc` : sql`desc`;
        items = [];
        if (offset < counts.dated) {
          items = await selectTasks(
            d,
            sql`${cond} and t.deadline_date is not null`,
            sql`t.deadline_date ${dir}, t.id`,
            pageSize,
            offset,
          );
        }
        if (items.length < pageSize && offset + pageSize > counts.dated) {
          const rest = await selectTasks(
            d,
            sql`${cond} and t.deadline_date is null`,
            sql`t.id`,
            pageSize - items.length,
            Math.max(0, offset - counts.dated),
          );
          items.push(...rest);
        }
      } else {
        const sortedInFull = SORTED_IN_FULL.has(sort.replace(/^-/, ''));
        const read = () => selectTasks(d, cond, orderBy(sort, d), pageSize, offset, sortedInFull ? reads : db);
        // The first short page of such an order (the overview's key projects' board, opened with every page load) is
        // kept until the data changes, like the counts: at 1,000,000 tasks it is a sort of 40,000 flagship tasks.
        items =
          sortedInFull && page === 1 && pageSize <= CACHED_PAGE_MAX
            ? await cached(['taskPage', filters, sort, pageSize, today], read)
            : await read();
      }
      return { items, total: counts.total, page, pageSize };
    },

    async getTask(id) {
      const row = await db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? taskFromRow(row) : null;
    },

    async listTaskUpdates(taskId) {
      const rows = await db
        .selectFrom('task_updates')
        .select('entry')
        .where('task_id', '=', taskId)
        .orderBy('seq')
        .execute();
      return rows.map((r) => JSON.parse(r.entry) as TaskUpdateEntry);
    },

    async recentUpdates(query, { today }) {
      const { page, pageSize, ...filters } = query;
      const d = evalDates(today);
      const cond = where(filters, d);
      const total = await cached(['updateCount', filters, today], async () => {
        const { rows } = await sql<{ n: number }>`select ${countAll} as n
          from task_updates u join tasks t on t.id = u.task_id where ${cond}`.execute(reads);
        return Number(rows[0]?.n ?? 0);
      });
      const { rows } = await sql<{ entry: string; title: string; flagship: number }>`
        select u.entry as entry, t.title as title, t.flagship as flagship
        from task_updates u join tasks t on t.id = u.task_id where ${cond}
        order by u.recorded_at desc, u.id desc limit ${pageSize} offset ${(page - 1) * pageSize}`.execute(db);
      const items: RecentUpdate[] = rows.map((r) => ({
        ...(JSON.parse(r.entry) as TaskUpdateEntry),
        taskTitle: r.title,
        flagship: Number(r.flagship) === 1,
      }));
      return { items, total, page, pageSize };
    },

    async stats(filters, { parent, era }, { today }, spanningLabel) {
      const key = ['stats', filters, parent?.code ?? null, parent?.era ?? null, era, today, spanningLabel];
      return cached(key, async () => {
        const d = evalDates(today);
        const scope = await scopeOf(filters, d);
        const cond = scope ?? sql<SqlBool>`1 = 1`;
        const tl = timelinessSql(d);

        const parentUid = parent ? unitUid(parent) : rootUid(era);
        // Unfiltered, under an era's root (the overview as it opens): the counts maintained on write, a few tens
        // of thousands of summary rows instead of a million tasks (aggregates.ts).
        const summary = scope === null && (STAT_PARENTS as readonly number[]).includes(parentUid);
        const stl = statKindTimeliness(d);
        const sumsByTimeliness = sql.join(
          TIMELINESS.map(
            (x) => sql`cast(coalesce(sum(case when s.tl = ${x} then s.n end), 0) as integer) as ${sql.ref(x)}`,
          ),
        );
        const onlyLocality =
          filters.locality?.length === 1 &&
          Object.entries(filters).every(([k, v]) => v === undefined || k === 'locality' || k === 'era');
        // Filtered by one province alone (the overview's drill-down): its counts and months maintained on write
        // (stat_scoped), a few thousand rows instead of its tens of thousands of tasks.
        const province = onlyLocality
          ? resolveFilterLocalities(filters.locality ?? [], filters.era, localities)[0]
          : null;
        const scoped = province?.level === 'province' ? province : null;
        const scopedUid = scoped ? unitUid(scoped) : 0;
        // Filtered by locality otherwise: the filtered tasks are read once for the counts, the months and the most
        // overdue (scopedFacts), not once per statement: each read of a province's tasks is most of the time.
        const once = !summary && !scoped && scope !== null && filters.locality?.length ? scopedFacts(cond, d) : null;
        // Filtered by the breakdown's parent alone: its rows in task_buckets are exactly the filtered tasks' (a
        // task has rows under each unit that contains one of its units), so the breakdown needs no other read.
        const localityAlone = parent !== null && onlyLocality;
        // Independent statements, run at once: on the read threads (SQLite) or the pool (PostgreSQL) in parallel.
        /** Tasks assigned (created) or finished (completed) by month (YYYY-MM). */
        const byMonth = (kind: 'created' | 'completed') => {
          const column = sql.ref(kind === 'created' ? 't.created_at' : 't.completed_at');
          return scoped
            ? sql<{ m: string; n: number }>`select s.period as m, s.n as n from stat_scoped s
              where s.parent = ${scopedUid} and s.grain = ${kind === 'created' ? 'c' : 'f'} and s.n <> 0`.execute(reads)
            : once
              ? once.then((f) => (kind === 'created' ? f.assigned : f.completed))
              : summary
                ? sql<{ m: string; n: number }>`select s.month as m, s.n as n from stat_months s
                  where s.kind = ${kind} and s.n <> 0`.execute(reads)
                : sql<{ m: string; n: number }>`select substr(${column}, 1, 7) as m, ${countAll} as n
                  from tasks t where ${cond}
                  ${kind === 'completed' ? sql`and t.status = 'done' and t.completed_at is not null` : sql``}
                  group by m`.execute(reads);
        };
        const [groups, assigned, completed, { rows: late }, breakdown] = await Promise.all([
          scoped
            ? sql<Record<Timeliness, number> & { status: TaskStatus; category: Category }>`
            select s.status as status, s.category as category, ${sumsByTimeliness}
            from (${scopedTimelinessRows(scopedUid, d, (from, to) =>
              scoped.hasChildren
                ? // Every task under a unit with children has a row under it in task_buckets, with its status and
                  // deadline: a read of the province's rows there, not of its tasks.
                  sql`select b.task_seq from task_buckets b where b.parent = ${scopedUid}
                    and b.deadline_date >= ${from} and b.deadline_date <= ${to} and ${DATED_KIND_SQL}`
                : sql`select b.seq from tasks b where b.seq in (select u.task_seq from task_units u
                    where u.unit = ${scopedUid}) and b.deadline_date >= ${from} and b.deadline_date <= ${to}
                    and ${DATED_KIND_SQL}`,
            )}) s group by s.status, s.category`.execute(reads)
            : once
              ? once.then((f) => f.groups)
              : summary
                ? sql<Record<Timeliness, number> & { status: TaskStatus; category: Category }>`
            select s.status as status, s.category as category, ${sumsByTimeliness}
            from (select s.status, s.category, s.n, ${stl} as tl from stat_tasks s where s.n <> 0) s
            group by s.status, s.category`.execute(reads)
                : sql<Record<Timeliness, number> & { status: TaskStatus; category: Category }>`
            select t.status as status, t.category as category, ${countsByTimeliness(d)}
            from tasks t where ${cond} group by t.status, t.category`.execute(reads),
          byMonth('created'),
          byMonth('completed'),
          scoped?.hasChildren
            ? mostOverdueUnder(scopedUid, d)
            : once
              ? once.then((f) => f.late)
              : sql<TaskRowWithTl>`select t.*, ${tl} as tl from tasks t
            where ${cond} and t.status in ${OPEN_STATUSES} and t.deadline_date < ${today}
            order by t.deadline_date, t.id limit ${MOST_OVERDUE_LIMIT}`.execute(reads),
          summary
            ? sql<Record<Timeliness, number> & { bucket: number; first: number }>`
            select s.bucket as bucket, ${sumsByTimeliness},
              (select cast(min(b.task_seq) as integer) from task_buckets b
               where b.parent = ${parentUid} and b.bucket = s.bucket) as first
            from (select s.bucket, s.n, ${stl} as tl from stat_buckets s where s.parent = ${parentUid} and s.n <> 0) s
            group by s.bucket`
                .execute(reads)
                .then((r) => r.rows)
            : breakdownRows(localityAlone ? null : scope, parentUid, d),
        ]);
        let total = 0;
        const byTimeliness = emptyTimelinessCounts();
        const byStatus = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
        const byCat = new Map<Category, { total: number; byTimeliness: TimelinessCounts }>();
        for (const g of groups.rows) {
          let c = byCat.get(g.category);
          if (!c) {
            c = { total: 0, byTimeliness: emptyTimelinessCounts() };
            byCat.set(g.category, c);
          }
          for (const tl of TIMELINESS) {
            const n = Number(g[tl]);
            if (n === 0) continue;
            total += n;
            byTimeliness[tl] += n;
            byStatus[g.status] += n;
            c.total += n;
            c.byTimeliness[tl] += n;
          }
        }
        for (const [category, c] of byCat) if (c.total === 0) byCat.delete(category);
        const byCategory = CATEGORIES.filter((c) => byCat.has(c))
          .map((category) => ({
            category,
            ...(byCat.get(category) as { total: number; byTimeliness: TimelinessCounts }),
          }))
          .sort((a, b) => b.total - a.total);

        const a = new Map(assigned.rows.map((r) => [r.m, Number(r.n)]));
        const c = new Map(completed.rows.map((r) => [r.m, Number(r.n)]));
        const months = [...a.keys(), ...c.keys()].sort();
        const monthly =
          months.length === 0
            ? []
            : monthRange(months[0] as string, months.at(-1) as string)
                .slice(-MAX_MONTHS)
                .map((month) => ({ month, assigned: a.get(month) ?? 0, completed: c.get(month) ?? 0 }));

        const children = parent ? localities.children(parent.code, parent.era) : localities.children(null, era);
        const names = new Map(children.map((u) => [unitUid(u), u]));
        const buckets = new Map<number, LocalityBucket & { first: number }>();
        for (const r of breakdown) {
          const bucket = Number(r.bucket);
          const unit = names.get(bucket);
          const b = {
            code: bucket === SPANNING_UID ? SPANNING_CODE : (unit?.code ?? String(bucket)),
            name: bucket === SPANNING_UID ? spanningLabel : (unit?.shortName ?? String(bucket)),
            total: 0,
            byTimeliness: emptyTimelinessCounts(),
            first: Number(r.first),
          };
          for (const tl of TIMELINESS) {
            b.byTimeliness[tl] = Number(r[tl]);
            b.total += b.byTimeliness[tl];
          }
          if (b.total > 0) buckets.set(bucket, b);
        }
        const byLocality = [...buckets.values()]
          .sort((x, y) => {
            if (x.code === SPANNING_CODE) return 1;
            if (y.code === SPANNING_CODE) return -1;
            return y.total - x.total || x.name.localeCompare(y.name, 'vi') || x.first - y.first;
          })
          .map(({ first: _first, ...bucket }) => bucket);

        return {
          total,
          byTimeliness,
          byStatus,
          byLocality,
          byCategory,
          monthly,
          mostOverdue: late.map(taskWithTl),
        };
      });
    },

    async compare(filters, { parent, era }, { today }, spanningLabel) {
      const key = ['compare', filters, parent?.code ?? null, parent?.era ?? null, era, today, spanningLabel];
      return cached(key, async (): Promise<CompareItem[]> => {
        const d = evalDates(today);
        const notCancelled = sql<SqlBool>`t.status <> 'cancelled'`;
        const flagship = sql<SqlBool>`t.flagship = 1 and ${notCancelled}`;
        const { rows } = await sql<Record<keyof Accumulator | 'bucket', number>>`
          select t.bucket as bucket, ${countAll} as "total",
            ${countIf(sql`t.status = 'done'`)} as "done",
            ${countIf(sql`t.status = 'cancelled'`)} as "cancelled",
            ${countIf(sql`((t.status = 'done' and t.deadline_date is not null) or ${overdueSql(d)})`)} as "due",
            ${countIf(sql`(t.status = 'done' and t.deadline_date is not null and coalesce(t.completed_at, ${today}) <= t.deadline_date)`)} as "doneOnTime",
            ${countIf(overdueSql(d))} as "overdue",
            ${countIf(flagship)} as "flagshipTotal",
            cast(coalesce(sum(case when ${flagship} then t.progress else 0 end), 0) as integer) as "flagshipProgress"
          from ${bucketScope(await scopeOf(filters, d), parent ? unitUid(parent) : rootUid(era))}
          group by t.bucket`.execute(reads);
        const accs = new Map<number, Accumulator>();
        for (const r of rows) {
          accs.set(Number(r.bucket), {
            total: Number(r.total),
            done: Number(r.done),
            cancelled: Number(r.cancelled),
            due: Number(r.due),
            doneOnTime: Number(r.doneOnTime),
            overdue: Number(r.overdue),
            flagshipTotal: Number(r.flagshipTotal),
            flagshipProgress: Number(r.flagshipProgress),
          });
        }
        const empty: Accumulator = {
          total: 0,
          done: 0,
          cancelled: 0,
          due: 0,
          doneOnTime: 0,
          overdue: 0,
          flagshipTotal: 0,
          flagshipProgress: 0,
        };
        const children = parent ? localities.children(parent.code, parent.era) : localities.children(null, era);
        const out = children.map((u) => figures(u.code, u.shortName, u.hasChildren, accs.get(unitUid(u)) ?? empty));
        const spanning = accs.get(SPANNING_UID);
        if (spanning && spanning.total > 0) out.push(figures(SPANNING_CODE, spanningLabel, false, spanning));
        return out;
      });
    },

    async facets(filters, { today }, limit) {
      return cached(['facets', filters, today, limit], async () => {
        const d = evalDates(today);
        const facet = async (field: 'issuer' | 'assignee') => {
          const { [field]: _own, ...others } = filters;
          const column = sql.ref(`t.${field}`);
          const { rows } = await sql<{ v: string; n: number; first: number }>`
            select ${column} as v, ${countAll} as n, cast(min(t.seq) as integer) as first
            from tasks t where ${where(others, d)} group by ${column}`.execute(reads);
          // Values are counted trimmed (countValues); ties in count and in Vietnamese order keep first-seen order.
          const merged = new Map<string, { value: string; count: number; first: number }>();
          for (const r of rows) {
            const value = r.v.trim();
            if (!value) continue;
            const m = merged.get(value);
            if (m) {
              m.count += Number(r.n);
              m.first = Math.min(m.first, Number(r.first));
            } else merged.set(value, { value, count: Number(r.n), first: Number(r.first) });
          }
          return [...merged.values()]
            .sort((a, b) => b.count - a.count || compareVi(a.value, b.value) || a.first - b.first)
            .slice(0, limit)
            .map(({ value, count }) => ({ value, count }));
        };
        const [issuer, assignee] = await Promise.all([facet('issuer'), facet('assignee')]);
        return { issuer, assignee };
      });
    },

    async listArticles(query, { today }) {
      const { page, pageSize, ...filters } = query;
      const { total, rows } = await listArticleIdsMatching(filters, evalDates(today), page, pageSize);
      const items: ArticleSummary[] = rows.map((r) => ({
        id: r.id,
        title: r.title,
        publisher: r.publisher,
        date: r.date,
        url: r.url,
        illustrative: Number(r.illustrative) === 1,
        taskIds: JSON.parse(r.task_ids) as string[],
      }));
      return { items, total, page, pageSize };
    },

    async getArticle(id) {
      const row = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? articleFromRow(row) : null;
    },

    async findArticle(normalizedUrl, fingerprint): Promise<ArticleMatch | null> {
      const find = async (column: 'url_normalized' | 'fingerprint', value: string) =>
        db
          .selectFrom('articles')
          .select(['id', 'title', 'date'])
          .where(column, '=', value)
          .orderBy('seq')
          .limit(1)
          .executeTakeFirst();
      const byUrl = normalizedUrl ? await find('url_normalized', normalizedUrl) : undefined;
      if (byUrl) return { articleId: byUrl.id, title: byUrl.title, date: byUrl.date, matchedBy: 'url' };
      const byContent = fingerprint ? await find('fingerprint', fingerprint) : undefined;
      if (byContent)
        return { articleId: byContent.id, title: byContent.title, date: byContent.date, matchedBy: 'content' };
      return null;
    },

    async hasArticle(id) {
      return (await db.selectFrom('articles').select('seq').where('id', '=', id).executeTakeFirst()) !== undefined;
    },

    async addArticle(article, tasks) {
      await write(async (trx, deltas) => {
        const values = articleValues(article);
        await trx
          .insertInto('articles')
          .values(values)
          .onConflict((oc) => oc.column('id').doUpdateSet(values))
          .execute();
        for (const task of tasks) await upsertTask(trx, deltas, task, article.title);
        return { commit: true, value: undefined };
      });
    },

    async addArticles(items, audit) {
      if (items.length === 0) return [];
      return write(async (trx, deltas) => {
        // Writers of articles one at a time, until commit: the check below then sees every article committed
        // before it, and no other writer adds one between the check and the insert. (SQLite: the one write
        // connection is held by this transaction already.)
        if (engine === 'postgres') await sql`select pg_advisory_xact_lock(${ARTICLE_WRITE_LOCK})`.execute(trx);
        const urls = [...new Set(items.flatMap((i) => (i.normalizedUrl ? [i.normalizedUrl] : [])))];
        const prints = [...new Set(items.map((i) => i.fingerprint))];
        const stored = await trx
          .selectFrom('articles')
          .select(['id', 'title', 'date', 'url_normalized', 'fingerprint'])
          .where((eb) =>
            eb.or([...(urls.length ? [eb('url_normalized', 'in', urls)] : []), eb('fingerprint', 'in', prints)]),
          )
          .orderBy('seq')
          .execute();
        type Known = { id: string; title: string; date: string };
        const byUrl = new Map<string, Known>();
        const byContent = new Map<string, Known>();
        for (const row of stored) {
          if (row.url_normalized && !byUrl.has(row.url_normalized)) byUrl.set(row.url_normalized, row);
          if (!byContent.has(row.fingerprint)) byContent.set(row.fingerprint, row);
        }
        const outcomes: AddArticleOutcome[] = [];
        const accepted: NewArticle[] = [];
        for (const item of items) {
          const url = item.normalizedUrl ? byUrl.get(item.normalizedUrl) : undefined;
          const same = url ? undefined : byContent.get(item.fingerprint);
          const match = url ?? same;
          if (match) {
            outcomes.push({
              created: false,
              existing: {
                articleId: match.id,
                title: match.title,
                date: match.date,
                matchedBy: url ? 'url' : 'content',
              },
            });
            continue;
          }
          const known = { id: item.article.id, title: item.article.title, date: item.article.date };
          if (item.normalizedUrl) byUrl.set(item.normalizedUrl, known);
          if (!byContent.has(item.fingerprint)) byContent.set(item.fingerprint, known);
          accepted.push(item);
          outcomes.push({ created: true });
        }
        if (accepted.length === 0) return { commit: false, value: outcomes };
        await trx
          .insertInto('articles')
          .values(accepted.map((i) => articleValues(i.article)))
          .execute();
        for (const { article, tasks } of accepted) {
          for (const task of tasks) {
            const values = taskValues(task, article.title, localities);
            const inserted = await trx.insertInto('tasks').values(values).returning('seq').executeTakeFirstOrThrow();
            await insertUnitRows(trx, Number(inserted.seq), task);
            deltas.add(statFactsOf(task), 1);
          }
        }
        if (audit) await insertAudit(trx, accepted.map(audit));
        return { commit: true, value: outcomes };
      });
    },

    async commitChange(next, entry, expectedVersion, audit = []): Promise<CommitResult> {
      return write(async (trx, deltas) => {
        const stored = await trx.selectFrom('tasks').selectAll().where('id', '=', next.id).executeTakeFirst();
        if (!stored) return { commit: false, value: 'missing' as const };
        if (Number(stored.version) !== expectedVersion) return { commit: false, value: 'stale' as const };
        const values = taskValues(next, await articleTitle(trx, next.articleId), localities);
        // Only the columns that change: the indexes of the others are left alone (and PostgreSQL can update in place).
        const changed: Partial<TaskValues> = { version: values.version };
        for (const column of TASK_COLUMNS) {
          if (values[column] !== stored[column]) Object.assign(changed, { [column]: values[column] });
        }
        const updated = await trx
          .updateTable('tasks')
          .set(changed)
          .where('id', '=', next.id)
          .where('version', '=', expectedVersion)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) return { commit: false, value: 'stale' as const };
        await replaceUnitRows(trx, Number(stored.seq), stored, next);
        deltas.change(statFactsOfRow(stored), statFactsOf(next));
        await trx.insertInto('task_updates').values(updateValues(entry)).execute();
        await insertAudit(trx, audit);
        return { commit: true, value: 'ok' as const };
      });
    },

    dataVersion: () => dataVersion(),

    async counts() {
      const count = async (table: 'tasks' | 'articles') => {
        const { rows } = await sql<{ n: number }>`select ${countAll} as n from ${sql.table(table)}`.execute(db);
        return Number(rows[0]?.n ?? 0);
      };
      return { tasks: await count('tasks'), articles: await count('articles') };
    },

    async close() {
      // The read threads first: the main connection, closed last, checkpoints the WAL and removes it.
      await readThreads?.close();
      await db.destroy();
    },

    async isEmpty() {
      const c = await store.counts();
      return c.tasks === 0 && c.articles === 0;
    },

    async importData(input, opts = {}) {
      const batchSize = Math.max(1, opts.batchSize ?? 5000);
      const single = !(Symbol.asyncIterator in input) && !(Symbol.iterator in input);
      const chunks: AsyncIterable<ImportData> | Iterable<ImportData> = single ? [input as ImportData] : input;
      const total = single ? sizeOf(input as ImportData) : 0;
      let done = 0;
      const progress = (n: number) => {
        done += n;
        opts.onProgress?.(done, single ? total : done);
      };
      const batches = <T>(xs: readonly T[]) => {
        const out: T[][] = [];
        for (let i = 0; i < xs.length; i += batchSize) out.push(xs.slice(i, i + batchSize));
        return out;
      };
      const bulk = async (fn: (trx: Kysely<Database>) => Promise<void>) =>
        write(async (trx) => {
          await fn(trx);
          return { commit: true, value: undefined };
        });

      const tasksBefore = (await store.counts()).tasks;
      // Into a table that is empty or small next to the load, the secondary indexes are built once at the end of
      // the whole load (a sort) rather than maintained row by row: a stream of chunks counts as large.
      const smallTable = tasksBefore < REBUILD_BELOW;
      const one = input as ImportData;
      const large = !single || one.tasks.length + (one.taskRows?.length ?? 0) / TASK_COLUMNS.length > batchSize;
      // Into a new database, the unit rows of the whole load are written at the end, by one INSERT … SELECT in
      // primary-key order: written batch by batch, each batch's rows landed on every (parent, bucket) range of
      // task_buckets and task_units, so every batch rewrote most of their pages (at 1M tasks, 200 times 300 MB).
      // Tasks share their localities, so the load stages one row per task (its seq, its locality combination and
      // the facts task_buckets copies) and the rows of each combination once; the database joins and sorts them.
      const fresh = tasksBefore < FRESH_BELOW && large;
      // A bulk load may lose its last batches on a power cut (it is re-run), so it need not fsync every commit; a
      // load into a new database fsyncs nothing until its end (a power cut means generating it again). Its unit
      // rows point at the tasks inserted with them, so foreign keys are not checked row by row.
      if (sqlite) {
        sqlite.pragma(fresh ? 'synchronous = OFF' : 'synchronous = NORMAL');
        sqlite.pragma('foreign_keys = OFF');
      }
      /** Locality combinations of the load (`era|locality_codes`) and their number (staged, in a fresh load). */
      const combos = new Map<string, number>();
      /** The unit rows of each combination, by its number (index). */
      const comboRows: TaskUnitRows[] = [];
      /** The counts the load adds to the summary tables: written with each batch, or at the end of a fresh load. */
      const deltas = new StatDeltas(units);
      if (fresh) await createStaging();
      const articleColumns = Object.keys(articleValues(EMPTY_ARTICLE));
      const taskColumns = ['seq', ...TASK_COLUMNS];
      const updateColumns = ['id', 'task_id', 'version', 'recorded_at', 'date', 'author', 'entry'];
      /** Article titles (the search text of their tasks): those of the load, and those looked up once. */
      const titles = new Map<string, string>();
      const maxSeq = await db
        .selectFrom('tasks')
        .select((eb) => eb.fn.max('seq').as('m'))
        .executeTakeFirst();
      let seq = Number(maxSeq?.m ?? 0);
      let tasksAdded = 0;
      /** Where a large load's time went (logged at its end: db:generate, db:import). */
      const phases: [string, number][] = [];
      let phaseStart = performance.now();
      const phase = (name: string) => {
        const now = performance.now();
        phases.push([name, now - phaseStart]);
        phaseStart = now;
      };
      try {
        try {
          for await (const data of chunks) {
            for (const batch of batches(data.articles)) {
              await bulk((trx) =>
                insertMany(
                  trx,
                  'articles',
                  articleColumns,
                  batch.map((a) => Object.values(articleValues(a))),
                ),
              );
              progress(batch.length);
            }
            for (const a of data.articles) titles.set(a.id, a.title);
            const missing = [
              ...new Set(data.tasks.flatMap((t) => (t.articleId && !titles.has(t.articleId) ? [t.articleId] : []))),
            ];
            for (let i = 0; i < missing.length; i += 500) {
              const ids = missing.slice(i, i + 500);
              const rows = await db.selectFrom('articles').select(['id', 'title']).where('id', 'in', ids).execute();
              for (const id of ids) titles.set(id, '');
              for (const r of rows) titles.set(r.id, r.title);
            }

            const width = TASK_COLUMNS.length;
            const taskCount = data.tasks.length + (data.taskRows?.length ?? 0) / width;
            if (smallTable && tasksAdded === 0 && large && taskCount > 0) {
              for (const [name] of TASK_INDEXES) await db.schema.dropIndex(name).ifExists().execute();
            }
            // Each batch as rows in TASK_COLUMNS order: the tasks' rows made here, then the rows made elsewhere.
            const rowBatches = function* () {
              for (const batch of batches(data.tasks)) {
                const values: unknown[] = [];
                for (const task of batch) {
                  pushTaskRow(values, task, task.articleId ? (titles.get(task.articleId) ?? '') : '', localities);
                }
                yield values;
              }
              const prepared = data.taskRows ?? [];
              if (prepared.length % width !== 0) throw new Error('Prepared task rows of the wrong width.');
              for (let i = 0; i < prepared.length; i += batchSize * width) {
                yield i === 0 && prepared.length <= batchSize * width
                  ? prepared
                  : prepared.slice(i, i + batchSize * width);
              }
            };
            for (const values of rowBatches()) {
              const taskRows: unknown[] = [];
              const unitRows: unknown[][] = [];
              const bucketRows: unknown[][] = [];
              const stagedRows: unknown[] = [];
              const comboUnitRows: unknown[][] = [];
              const comboBucketRows: unknown[][] = [];
              const count = values.length / width;
              for (let at = 0; at < values.length; at += width) {
                seq += 1;
                taskRows.push(seq);
                for (let c = 0; c < width; c += 1) taskRows.push(values[at + c]);
                const status = values[at + COLUMN.status] as string;
                const deadline = values[at + COLUMN.deadline_date] as string | null;
                const completed = values[at + COLUMN.completed_at] as string | null;
                const flagship = values[at + COLUMN.flagship] as number;
                const progressValue = values[at + COLUMN.progress] as number;
                const created = values[at + COLUMN.created_at] as string;
                const codes = values[at + COLUMN.locality_codes] as string;
                const facts: StatFacts = {
                  status,
                  category: values[at + COLUMN.category] as string,
                  deadline_date: deadline,
                  completed_at: completed,
                  created_at: created,
                  localityCodes: [],
                };
                // Tasks share their localities: the unit rows of each (era, codes) are worked out once per load.
                const key = `${localities.taskEra(created)}|${codes}`;
                let combo = combos.get(key);
                if (combo === undefined) {
                  // Outside a fresh load the numbers only name rows remembered here: forgotten past a bound.
                  if (!fresh && combos.size >= 200_000) {
                    combos.clear();
                    comboRows.length = 0;
                  }
                  combo = combos.size + 1;
                  combos.set(key, combo);
                  const rows = units.rowsOf({ localityCodes: JSON.parse(codes) as string[], createdAt: created });
                  comboRows[combo] = rows;
                  if (fresh) {
                    for (const u of rows.units) comboUnitRows.push([combo, u]);
                    for (const [p, b] of rows.buckets) comboBucketRows.push([combo, p, b]);
                  }
                }
                const rows = comboRows[combo] as TaskUnitRows;
                deltas.add(facts, 1, rows);
                if (fresh) {
                  stagedRows.push(seq, combo, status, deadline, completed, flagship, progressValue);
                  continue;
                }
                for (const u of rows.units) unitRows.push([u, seq]);
                for (const [p, b] of rows.buckets) {
                  bucketRows.push([p, b, seq, status, deadline, completed, flagship, progressValue]);
                }
              }
              unitRows.sort((x, y) => (x[0] as number) - (y[0] as number));
              bucketRows.sort((x, y) => (x[0] as number) - (y[0] as number) || (x[1] as number) - (y[1] as number));
              await bulk(async (trx) => {
                await insertFlat(trx, 'tasks', taskColumns, taskRows);
                await insertMany(trx, 'task_units', ['unit', 'task_seq'], unitRows);
                await insertMany(trx, 'task_buckets', BUCKET_COLUMNS, bucketRows);
                await insertFlat(trx, STAGED_TASKS, STAGED_COLUMNS, stagedRows);
                await insertMany(trx, STAGED_UNITS, ['combo', 'unit'], comboUnitRows);
                await insertMany(trx, STAGED_BUCKETS, ['combo', 'parent', 'bucket'], comboBucketRows);
                if (!fresh) await flushDeltas(deltas, trx);
              });
              tasksAdded += count;
              progress(count);
            }

            for (const batch of batches(data.updates)) {
              await bulk((trx) =>
                insertMany(
                  trx,
                  'task_updates',
                  updateColumns,
                  batch.map((e) => Object.values(updateValues(e))),
                ),
              );
              progress(batch.length);
            }
          }
          phase('rows');
          if (fresh) {
            await writeStagedUnitRows();
            phase('unit rows');
          }
        } finally {
          if (fresh) await dropStaging();
          // Also heals a load that was interrupted with its indexes dropped.
          for (const index of TASK_INDEXES) await createTaskIndex(db, index);
          phase('indexes');
        }
        if (engine === 'postgres' && tasksAdded) {
          await sql`select setval(pg_get_serial_sequence('tasks', 'seq'), (select max(seq) from tasks))`.execute(db);
        }
        // Planner statistics for the new data, once per load. On SQLite the unit tables are sampled (analysis_limit:
        // a full scan of their 10M rows costs seconds, and their plans do not depend on it), the tasks table read
        // whole (≈1.6 s CPU at 1M tasks): sampled, the first thousand entries of an index led by a column of a few
        // values (status, category) made it look as selective as an id, and the most overdue tasks of /stats were
        // then read through tasks_agg and sorted (1.1 s) instead of off the partial index tasks_open_deadline.
        if (sqlite) {
          sqlite.pragma('analysis_limit = 1000');
          await sql`analyze`.execute(db);
          await analyzeTasksFully(sqlite);
        } else await sql`analyze`.execute(db);
        phase('statistics');
        if (large) {
          log(`bulk load: ${phases.map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`).join(', ')}`);
        }
      } finally {
        if (sqlite) {
          sqlite.pragma('synchronous = FULL');
          sqlite.pragma('foreign_keys = ON');
          // Everything loaded reaches the database file and the disk before the load returns.
          if (fresh) sqlite.pragma('wal_checkpoint(TRUNCATE)');
        }
      }

      async function createStaging() {
        await dropStaging();
        await sql`create table ${sql.table(STAGED_TASKS)} (seq integer not null, combo integer not null,
          status text not null, deadline_date text, completed_at text, flagship integer not null,
          progress integer not null)`.execute(db);
        await sql`create table ${sql.table(STAGED_UNITS)} (combo integer not null, unit integer not null,
          primary key (combo, unit))`.execute(db);
        await sql`create table ${sql.table(STAGED_BUCKETS)} (combo integer not null, parent integer not null,
          bucket integer not null, primary key (combo, parent, bucket))`.execute(db);
      }
      async function dropStaging() {
        for (const table of [STAGED_TASKS, STAGED_UNITS, STAGED_BUCKETS]) {
          await sql`drop table if exists ${sql.table(table)}`.execute(db);
        }
      }
      /** The unit rows of every staged task, sorted by primary key: appended to the B-trees page after page. */
      async function writeStagedUnitRows() {
        // On SQLite, one sort of all the joined rows (10.5M at 1M tasks) spilled out of the page cache and cost ≈28 s
        // of CPU at 1M. Indexed staging tables (a second or two to build) let the join run in unit order, combination
        // by combination with each one's tasks in seq order: only the rows of one unit (or bucket) are sorted by seq
        // at a time ("temp b-tree for last term of order by"), ≈16 s. CROSS JOIN and INDEXED BY fix that plan.
        const onSqlite = engine === 'sqlite';
        if (onSqlite) {
          await sql`create index bulk_load_tasks_combo on ${sql.table(STAGED_TASKS)} (combo, seq, status,
            deadline_date, completed_at, flagship, progress)`.execute(db);
          await sql`create index bulk_load_units_unit on ${sql.table(STAGED_UNITS)} (unit, combo)`.execute(db);
          await sql`create index bulk_load_buckets_bucket on ${sql.table(STAGED_BUCKETS)} (parent, bucket, combo)`.execute(
            db,
          );
        }
        const [unitsJoin, bucketsJoin] = onSqlite
          ? [
              sql`${sql.table(STAGED_UNITS)} u indexed by bulk_load_units_unit cross join ${sql.table(STAGED_TASKS)} t
                indexed by bulk_load_tasks_combo on t.combo = u.combo`,
              sql`${sql.table(STAGED_BUCKETS)} b indexed by bulk_load_buckets_bucket cross join ${sql.table(STAGED_TASKS)} t
                indexed by bulk_load_tasks_combo on t.combo = b.combo`,
            ]
          : [
              sql`${sql.table(STAGED_TASKS)} t join ${sql.table(STAGED_UNITS)} u on u.combo = t.combo`,
              sql`${sql.table(STAGED_TASKS)} t join ${sql.table(STAGED_BUCKETS)} b on b.combo = t.combo`,
            ];
        await bulk(async (trx) => {
          await flushDeltas(deltas, trx);
          await sql`insert into task_units (unit, task_seq)
            select u.unit, t.seq from ${unitsJoin} order by u.unit, t.seq`.execute(trx);
        });
        await bulk(async (trx) => {
          await sql`insert into task_buckets (${sql.join(BUCKET_COLUMNS.map((c) => sql.ref(c)))})
            select b.parent, b.bucket, t.seq, t.status, t.deadline_date, t.completed_at, t.flagship, t.progress
            from ${bucketsJoin} order by b.parent, b.bucket, t.seq`.execute(trx);
        });
      }
    },

    async *exportData(opts = {}) {
      const pageSize = opts.pageSize ?? 1000;
      for (let after = 0; ; ) {
        const rows = await db
          .selectFrom('articles')
          .selectAll()
          .where('seq', '>', after)
          .orderBy('seq')
          .limit(pageSize)
          .execute();
        if (rows.length === 0) break;
        after = Number(rows.at(-1)?.seq);
        yield { articles: rows.map(articleFromRow), tasks: [], updates: [] };
      }
      for (let after = 0; ; ) {
        const rows = await db
          .selectFrom('tasks')
          .selectAll()
          .where('seq', '>', after)
          .orderBy('seq')
          .limit(pageSize)
          .execute();
        if (rows.length === 0) break;
        after = Number(rows.at(-1)?.seq);
        const updates = await db
          .selectFrom('task_updates')
          .select('entry')
          .where(
            'task_id',
            'in',
            rows.map((r) => r.id),
          )
          .orderBy('seq')
          .execute();
        yield {
          articles: [],
          tasks: rows.map(taskFromRow),
          updates: updates.map((u) => JSON.parse(u.entry) as TaskUpdateEntry),
        };
      }
    },

    async getIdempotent(key) {
      const row = await db.selectFrom('idempotency_keys').selectAll().where('key', '=', key).executeTakeFirst();
      if (!row) return null;
      return {
        key: row.key,
        fingerprint: row.fingerprint,
        status: Number(row.status),
        body: row.body,
        headers: JSON.parse(row.headers) as Record<string, string>,
        createdAt: row.created_at,
      };
    },

    async putIdempotent(resp) {
      // Answers are kept a day (retries come within minutes), as in the memory store.
      const oldest = new Date(Date.now() - IDEMPOTENCY_TTL_MS).toISOString();
      await db.deleteFrom('idempotency_keys').where('created_at', '<', oldest).execute();
      await db
        .insertInto('idempotency_keys')
        .values({
          key: resp.key,
          fingerprint: resp.fingerprint,
          status: resp.status,
          body: resp.body,
          headers: JSON.stringify(resp.headers),
          created_at: resp.createdAt,
        })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
    },

    async integrityCheck() {
      if (engine === 'postgres') return 'ok';
      const { rows } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
      return rows.map((r) => r.integrity_check).join('\n');
    },
  };
  return store;
}

/** A full ANALYZE of the tasks table and its indexes (the connection's analysis_limit left as it was). */
export function analyzeTasksFully(sqlite: BetterSqlite3.Database) {
  const limit = sqlite.pragma('analysis_limit', { simple: true });
  sqlite.pragma('analysis_limit = 0');
  try {
    sqlite.exec('analyze tasks');
  } finally {
    sqlite.pragma(`analysis_limit = ${Number(limit)}`);
  }
}

const EMPTY_ARTICLE: Article = {
  id: '',
  title: '',
  publisher: '',
  date: '2000-01-01',
  url: null,
  illustrative: false,
  body: '',
  taskIds: [],
};
