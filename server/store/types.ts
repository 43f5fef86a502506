/**
 * The storage interface: what the routes need, nothing HTTP- or SQL-shaped. Two adapters implement it: memory
 * (over src/domain; the browser demo and fast tests) and SQL (Kysely on SQLite or PostgreSQL). The routes never
 * know which one they run on. Rules about tasks live in src/domain or in the routes, never in an adapter; an
 * adapter filters, sorts, pages, aggregates and stores atomically.
 */
import type { ArticleMatch } from '../../src/api/article-import-schemas';
import type { CompareItem } from '../../src/api/compare-schemas';
import type { Facets } from '../../src/api/facets-schemas';
import type {
  Article,
  ArticlePage,
  Era,
  Locality,
  Stats,
  StoredTask,
  TaskFilters,
  TaskListQuery,
  TaskPage,
} from '../../src/api/schemas';
import type { RecentUpdatePage, RecentUpdatesQuery } from '../../src/api/task-update-schemas';
import type { TaskUpdateEntry } from '../../src/domain/task-updates';
import type { AccountStore, NewAuditEntry } from './accounts';

export type StoreKind = 'memory' | 'sqlite' | 'postgres';

/** How a read is evaluated: the date timeliness is computed at (YYYY-MM-DD, Vietnam). */
export interface ReadContext {
  today: string;
}

/** The units a breakdown by locality lists: the children of `parent`, or the provinces of `era` when null. */
export interface Breakdown {
  parent: Locality | null;
  era: Era;
}

export type StatsBody = Omit<Stats, 'asOf' | 'byLocality'> & { byLocality: Stats['byLocality']['items'] };

export type CommitResult = 'ok' | 'stale' | 'missing';

/** An article to add with its tasks, and what identifies it as a duplicate. */
export interface NewArticle {
  article: Article;
  tasks: readonly StoredTask[];
  /** normalizeArticleUrl(article.url), or null. */
  normalizedUrl: string | null;
  /** articleFingerprint(article.body, article.date). */
  fingerprint: string;
}

/** Added, or the stored (or earlier in the same list) article it duplicates. */
export type AddArticleOutcome = { created: true } | { created: false; existing: ArticleMatch };

/**
 * Thrown by a store when a write could not be stored durably (storage full, gone, or refused): nothing was
 * applied, and the app answers 503 so the client keeps what the person typed.
 */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}

/** A write remembered under its Idempotency-Key: a retry of the same write gets the first answer again. */
export interface IdempotentResponse {
  key: string;
  /** Hash of method, path and body: the same key with another request is refused. */
  fingerprint: string;
  status: number;
  body: string;
  headers: Record<string, string>;
  createdAt: string;
}

export interface Store {
  readonly kind: StoreKind;

  /**
   * Filters (`TaskFilters`: every parameter, the cross-era locality filter included, `q` folded), sorts and
   * pages. Throws UnknownLocalityError (src/domain/task-query) for a locality code that exists in no era.
   */
  listTasks(query: TaskListQuery, ctx: ReadContext): Promise<TaskPage>;
  getTask(id: string): Promise<StoredTask | null>;
  /** The history of a task, oldest first (empty when it has none or does not exist). */
  listTaskUpdates(taskId: string): Promise<TaskUpdateEntry[]>;
  /** The latest updates of the tasks matching the filters, newest recorded first. */
  recentUpdates(query: RecentUpdatesQuery, ctx: ReadContext): Promise<RecentUpdatePage>;
  /** Every aggregate of `GET /stats` for the tasks matching the filters. */
  stats(filters: TaskFilters, breakdown: Breakdown, ctx: ReadContext, spanningLabel: string): Promise<StatsBody>;
  /** The rows of `GET /stats/compare`: every unit of the breakdown (also those without tasks), then "*". */
  compare(filters: TaskFilters, breakdown: Breakdown, ctx: ReadContext, spanningLabel: string): Promise<CompareItem[]>;
  /** Issuers and assignees with counts; each facet ignores its own filter. */
  facets(filters: TaskFilters, ctx: ReadContext, limit: number): Promise<Facets>;

  /** Articles with a task matching the filters (or, with `q` alone, by title/publisher), newest first. */
  listArticles(query: TaskFilters & { page: number; pageSize: number }, ctx: ReadContext): Promise<ArticlePage>;
  getArticle(id: string): Promise<Article | null>;
  /** The stored article with this normalised URL or, failing that, this fingerprint. */
  findArticle(normalizedUrl: string | null, fingerprint: string | null): Promise<ArticleMatch | null>;
  hasArticle(id: string): Promise<boolean>;
  /** Adds an article and its new tasks in one transaction (no duplicate check: loads and tests). */
  addArticle(article: Article, tasks: readonly StoredTask[]): Promise<void>;
  /**
   * Adds each article with its tasks unless an article with its normalised URL or, failing that, its fingerprint
   * is stored or comes earlier in the list (that one is answered, as findArticle would): one transaction for the
   * whole list, the duplicate check and the inserts atomic against every other writer of articles. `audit` gives
   * the audit entry of each article added: the entries are written in the same transaction as the articles.
   */
  addArticles(items: readonly NewArticle[], audit?: (added: NewArticle) => NewAuditEntry): Promise<AddArticleOutcome[]>;

  /**
   * Stores a task's next state and the history entry that led to it, in one transaction, only if the stored
   * version is still `expectedVersion` (`UPDATE … WHERE id = ? AND version = ?`): 'stale' otherwise. The `audit`
   * entries are appended in that same transaction, so they are stored exactly when the change is.
   */
  commitChange(
    next: StoredTask,
    entry: TaskUpdateEntry,
    expectedVersion: number,
    audit?: readonly NewAuditEntry[],
  ): Promise<CommitResult>;

  /** The answer stored under this Idempotency-Key (server/http/idempotency.ts), or null. */
  getIdempotent(key: string): Promise<IdempotentResponse | null>;
  /**
   * Keeps the answer to a write under its Idempotency-Key. The first answer stored for a key wins: storing one for
   * a key already present leaves the stored one as it is (`INSERT … ON CONFLICT DO NOTHING`).
   */
  putIdempotent(response: IdempotentResponse): Promise<void>;

  /** Counter of every change to the data, kept where all server processes see it (ETags, caches). */
  dataVersion(): Promise<number>;

  /** Counts, for health and the demo settings. */
  counts(): Promise<{ tasks: number; articles: number }>;

  /** Users, sessions, display links, sign-in counters and the audit trail (server/store/accounts.ts). */
  readonly accounts: AccountStore;

  close(): Promise<void>;
}
