/**
 * The SQL schema as Kysely sees it: one interface per table. Booleans are 0/1 integers and structured values JSON
 * text on both engines, so one set of queries serves SQLite and PostgreSQL. Text that is compared or sorted is
 * compared byte by byte (SQLite BINARY, PostgreSQL COLLATE "C"): ISO dates, ids and the precomputed Vietnamese
 * sort keys (collation.ts) order correctly that way.
 */
import type { Generated, Insertable, Selectable } from 'kysely';

export interface ArticlesTable {
  /** Insertion order: ties of the article list break on it, as the memory store's map order. */
  seq: Generated<number>;
  id: string;
  title: string;
  publisher: string;
  date: string;
  url: string | null;
  /** normalizeArticleUrl(url), for the duplicate lookup. */
  url_normalized: string | null;
  /** articleFingerprint(body, date), for the duplicate lookup. */
  fingerprint: string;
  illustrative: number;
  body: string;
  /** JSON array of the article's task ids, in the article's order. */
  task_ids: string;
  /** fold(`${title} ${publisher}`): `q` finds an article by title or publisher. */
  search: string;
  /** viSortKey(title). */
  title_key: string;
}

export interface TasksTable {
  /** Insertion order (the memory store's row order): facet ties break on it. Joins use it. */
  seq: Generated<number>;
  id: string;
  title: string;
  description: string;
  article_id: string | null;
  quote_start: number | null;
  quote_end: number | null;
  quote_text: string | null;
  issuer: string;
  assignee: string;
  /** fold(issuer), fold(assignee): the issuer/assignee filters compare folded. */
  issuer_folded: string;
  assignee_folded: string;
  /** JSON array of unit codes, read in the era of created_at. */
  locality_codes: string;
  category: string;
  flagship: number;
  deadline_date: string | null;
  deadline_text: string | null;
  status: string;
  progress: number;
  completed_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
  /** The folded search text exactly as indexTask builds it (title, description, quote, assignee, issuer, article title). */
  search: string;
  /** viSortKey of the title, the assignee and the short name of the first locality ('' when none). */
  title_key: string;
  assignee_key: string;
  locality_key: string;
}

/** One row per unit (of either era) containing one of the task's units: the locality filter. See units.ts. */
export interface TaskUnitsTable {
  unit: number;
  task_seq: number;
}

/**
 * The bucket a task falls in when a breakdown lists the children of `parent` (see units.ts), with a copy of the
 * task's fields that timeliness and the compare figures read, so an unfiltered breakdown never visits tasks.
 */
export interface TaskBucketsTable {
  parent: number;
  bucket: number;
  task_seq: number;
  status: string;
  deadline_date: string | null;
  completed_at: string | null;
  flagship: number;
  progress: number;
}

export interface TaskUpdatesTable {
  seq: Generated<number>;
  id: string;
  task_id: string;
  version: number;
  recorded_at: string;
  date: string;
  author: string;
  /** The whole TaskUpdateEntry as JSON, so fields added later persist. */
  entry: string;
}

export interface MetaTable {
  id: number;
  /** Bumped in the same transaction as every write: ETags and caches of every process key on it. */
  data_version: number;
}

export interface IdempotencyKeysTable {
  key: string;
  fingerprint: string;
  status: number;
  body: string;
  /** JSON object of response headers. */
  headers: string;
  created_at: string;
}

/** Counts maintained on write for an unfiltered /stats (aggregates.ts): status × category × timeliness basis. */
export interface StatTasksTable {
  status: string;
  category: string;
  /** A fixed timeliness, or 'open' / 'done' read with deadline_date at the date of evaluation. */
  kind: string;
  /** '' unless kind is 'open' or 'done'. */
  deadline_date: string;
  n: number;
}

/** The breakdown under each era's root (aggregates.ts): task_buckets counted by bucket and timeliness basis. */
export interface StatBucketsTable {
  parent: number;
  bucket: number;
  kind: string;
  deadline_date: string;
  n: number;
}

/** Tasks assigned ('created') and finished ('completed') per month (YYYY-MM). */
export interface StatMonthsTable {
  kind: string;
  month: string;
  n: number;
}

/** The counts of each province's tasks (aggregates.ts, SCOPED_GRAINS). */
export interface StatScopedTable {
  /** A province's unit uid (either era). */
  parent: number;
  grain: string;
  /** A month (YYYY-MM), a day (YYYY-MM-DD) or ''. */
  period: string;
  status: string;
  category: string;
  kind: string;
  n: number;
}

export interface Database {
  articles: ArticlesTable;
  tasks: TasksTable;
  task_units: TaskUnitsTable;
  task_buckets: TaskBucketsTable;
  task_updates: TaskUpdatesTable;
  meta: MetaTable;
  idempotency_keys: IdempotencyKeysTable;
  stat_tasks: StatTasksTable;
  stat_buckets: StatBucketsTable;
  stat_months: StatMonthsTable;
  stat_scoped: StatScopedTable;
}

export type TaskRow = Selectable<TasksTable>;
export type NewTaskRow = Insertable<TasksTable>;
export type ArticleRow = Selectable<ArticlesTable>;
export type NewArticleRow = Insertable<ArticlesTable>;
