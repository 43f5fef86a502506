/**
 * The memory adapter: the store interface over the in-memory database of server/store/memory-db.ts, with the
 * pure logic of src/domain doing the filtering, sorting and aggregation. Serves the browser demo (with its
 * IndexedDB persistence as hooks) and fast tests.
 */
import type { ArticleMatch } from '../../src/api/article-import-schemas';
import { articleFingerprint, normalizeArticleUrl } from '../../src/api/article-import-schemas';
import type { Article, ArticleSummary, StoredTask, Task, TaskFilters } from '../../src/api/schemas';
import type { RecentUpdate } from '../../src/api/task-update-schemas';
import { compareLocalities } from '../../src/domain/compare';
import { countValues } from '../../src/domain/facets';
import {
  countByCategory,
  countByLocality,
  countByStatus,
  countByTimeliness,
  monthlySeries,
  mostOverdue,
} from '../../src/domain/stats';
import { type EvaluatedTask, filterTasks, paginate, sortTasks } from '../../src/domain/task-query';
import type { TaskUpdateEntry } from '../../src/domain/task-updates';
import { compareVi, fold, matchesQuery } from '../../src/domain/text';
import type { AccountStore } from './accounts';
import { createMemoryAccounts } from './memory-accounts';
import { addArticle, type MockDb, replaceTask } from './memory-db';
import {
  type AddArticleOutcome,
  type CommitResult,
  type IdempotentResponse,
  type NewArticle,
  type Store,
  StoreUnavailableError,
} from './types';

/** What the browser's persistence needs to hear (mocks/persistence.ts); absent in tests and on the server. */
export interface MemoryStoreHooks {
  /** Before a write or a duplicate lookup: bring in what another tab stored since. */
  beforeWrite?(db: MockDb): Promise<void>;
  /**
   * Stores a task's change durably before it shows in memory, as a compare-and-set on the stored version (another
   * tab may have stored a newer one: 'stale', and that one is brought into `db`). Throws StoreUnavailableError
   * when it cannot be stored: nothing is applied then.
   */
  storeTaskChange?(
    db: MockDb,
    next: StoredTask,
    entry: TaskUpdateEntry,
    expectedVersion: number,
  ): Promise<'ok' | 'stale'>;
  /** Stores an article and its tasks durably before they show in memory (throws StoreUnavailableError). */
  storeArticle?(db: MockDb, article: Article, tasks: readonly StoredTask[]): Promise<void>;
  /**
   * Stores several articles with their tasks in one durable write, only if no other tab wrote since this one last
   * synchronised: 'stale' otherwise (nothing stored; the store brings the other tab's writes in and checks the
   * duplicates again). Throws StoreUnavailableError when it cannot be stored.
   */
  storeArticles?(
    db: MockDb,
    items: readonly { article: Article; tasks: readonly StoredTask[] }[],
  ): Promise<'ok' | 'stale'>;
  /** An answer another tab (or an earlier page load) kept under this Idempotency-Key. */
  loadIdempotent?(key: string): Promise<IdempotentResponse | null>;
  /** Keeps an answer under its Idempotency-Key where every tab and a reload find it. */
  storeIdempotent?(record: IdempotentResponse): Promise<void>;
}

/** How long an answer stays under its Idempotency-Key (retries come within minutes). */
const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

const withTimeliness = (row: EvaluatedTask): Task => ({ ...row.task, timeliness: row.timeliness });

/** Fingerprints of the stored articles, computed once per article object. */
const fingerprints = new WeakMap<Article, string>();
function fingerprintOf(article: Article): string {
  let f = fingerprints.get(article);
  if (f === undefined) {
    f = articleFingerprint(article.body, article.date);
    fingerprints.set(article, f);
  }
  return f;
}

/** Normalised URLs of the stored articles, computed once per article object. */
const normalizedUrls = new WeakMap<Article, string | null>();
function normalizedUrlOf(article: Article): string | null {
  let u = normalizedUrls.get(article);
  if (u === undefined) {
    u = article.url ? normalizeArticleUrl(article.url) : null;
    normalizedUrls.set(article, u);
  }
  return u;
}

const matchOf = (a: Article, matchedBy: ArticleMatch['matchedBy']): ArticleMatch => ({
  articleId: a.id,
  title: a.title,
  date: a.date,
  matchedBy,
});

export function createMemoryStore(
  current: () => MockDb,
  hooks: MemoryStoreHooks = {},
  /** Users, sessions and the audit trail: apart from the data, so a reset of the demo's data signs no one out. */
  accounts: AccountStore = createMemoryAccounts(),
): Store {
  /** Bumped on every change; a rebuilt database (dataset switch, reset) starts a new generation. */
  let version = 0;
  let seen: MockDb | null = null;
  const idempotent = new Map<string, IdempotentResponse>();
  const db = () => {
    const d = current();
    if (d !== seen) {
      seen = d;
      version += 1;
    }
    return d;
  };
  /** Article writes one after another: a duplicate check and the write it guards are never interleaved. */
  let articleWrites: Promise<unknown> = Promise.resolve();
  const serially = <T>(job: () => Promise<T>): Promise<T> => {
    const result = articleWrites.then(job);
    articleWrites = result.catch(() => undefined);
    return result;
  };
  const filtered = (filters: TaskFilters, today: string) => {
    const d = db();
    return filterTasks(d.rows, filters, { today, localities: d.localities });
  };

  return {
    kind: 'memory',
    accounts,

    async listTasks(query, { today }) {
      const d = db();
      const { sort, page, pageSize, ...filters } = query;
      const ctx = { today, localities: d.localities };
      const rows = sortTasks(filterTasks(d.rows, filters, ctx), sort, ctx);
      return { items: paginate(rows, page, pageSize).map(withTimeliness), total: rows.length, page, pageSize };
    },

    async getTask(id) {
      return db().tasks.get(id) ?? null;
    },

    async listTaskUpdates(taskId) {
      return [...(db().updates.get(taskId) ?? [])];
    },

    async recentUpdates(query, { today }) {
      const { page, pageSize, ...filters } = query;
      const d = db();
      const all: RecentUpdate[] = [];
      for (const row of filtered(filters, today)) {
        for (const u of d.updates.get(row.task.id) ?? []) {
          all.push({ ...u, taskTitle: row.task.title, flagship: row.task.flagship });
        }
      }
      all.sort((a, b) => (a.recordedAt < b.recordedAt ? 1 : a.recordedAt > b.recordedAt ? -1 : a.id < b.id ? 1 : -1));
      return { items: paginate(all, page, pageSize), total: all.length, page, pageSize };
    },

    async stats(filters, { parent, era }, { today }, spanningLabel) {
      const d = db();
      const rows = filtered(filters, today);
      return {
        total: rows.length,
        byTimeliness: countByTimeliness(rows),
        byStatus: countByStatus(rows),
        byLocality: countByLocality(rows, parent, era, d.localities, spanningLabel),
        byCategory: countByCategory(rows),
        monthly: monthlySeries(rows),
        mostOverdue: mostOverdue(rows).map(withTimeliness),
      };
    },

    async compare(filters, { parent, era }, { today }, spanningLabel) {
      return compareLocalities(filtered(filters, today), parent, era, db().localities, spanningLabel);
    },

    async facets(filters, { today }, limit) {
      const { issuer: _issuer, ...withoutIssuer } = filters;
      const { assignee: _assignee, ...withoutAssignee } = filters;
      const tasks = (f: TaskFilters) => filtered(f, today).map((r) => r.task);
      return {
        issuer: countValues(tasks(withoutIssuer), 'issuer', limit),
        assignee: countValues(tasks(withoutAssignee), 'assignee', limit),
      };
    },

    async listArticles(query, { today }) {
      const { page, pageSize, ...filters } = query;
      const { q, ...taskFilters } = filters;
      const d = db();
      const anyTaskFilter = Object.values(taskFilters).some((v) => v !== undefined);
      let withMatchingTask: Set<string> | null = null;
      if (anyTaskFilter || q) {
        withMatchingTask = new Set(
          filtered(filters, today).flatMap((r) => (r.task.articleId ? [r.task.articleId] : [])),
        );
      }
      const all = [...d.articles.values()]
        .filter(
          (a) =>
            withMatchingTask === null ||
            withMatchingTask.has(a.id) ||
            (!anyTaskFilter && q !== undefined && matchesQuery(fold(`${a.title} ${a.publisher}`), q)),
        )
        .sort((a, b) => b.date.localeCompare(a.date) || compareVi(a.title, b.title));
      const items: ArticleSummary[] = paginate(all, page, pageSize).map(({ body: _body, ...summary }) => summary);
      return { items, total: all.length, page, pageSize };
    },

    async getArticle(id) {
      return db().articles.get(id) ?? null;
    },

    async findArticle(wanted, fingerprint): Promise<ArticleMatch | null> {
      const d = db();
      await hooks.beforeWrite?.(d);
      let byContent: Article | null = null;
      for (const article of d.articles.values()) {
        if (wanted && normalizedUrlOf(article) === wanted) {
          return { articleId: article.id, title: article.title, date: article.date, matchedBy: 'url' };
        }
        if (!byContent && fingerprint && fingerprintOf(article) === fingerprint) byContent = article;
      }
      return byContent
        ? { articleId: byContent.id, title: byContent.title, date: byContent.date, matchedBy: 'content' }
        : null;
    },

    async hasArticle(id) {
      return db().articles.has(id);
    },

    addArticle(article, tasks) {
      return serially(async () => {
        const d = db();
        await hooks.beforeWrite?.(d);
        await hooks.storeArticle?.(d, article, tasks);
        addArticle(d, article, tasks);
        version += 1;
      });
    },

    addArticles(items, audit) {
      return serially(async () => {
        const d = db();
        await hooks.beforeWrite?.(d);
        for (let attempt = 0; ; attempt += 1) {
          // The first stored article with each URL and each fingerprint, as findArticle finds them.
          const byUrl = new Map<string, Article>();
          const byContent = new Map<string, Article>();
          for (const a of d.articles.values()) {
            const url = normalizedUrlOf(a);
            if (url && !byUrl.has(url)) byUrl.set(url, a);
            const f = fingerprintOf(a);
            if (!byContent.has(f)) byContent.set(f, a);
          }
          const outcomes: AddArticleOutcome[] = [];
          const accepted: NewArticle[] = [];
          for (const item of items) {
            const url = item.normalizedUrl ? byUrl.get(item.normalizedUrl) : undefined;
            const same = url ? null : byContent.get(item.fingerprint);
            if (url || same) {
              outcomes.push({
                created: false,
                existing: url ? matchOf(url, 'url') : matchOf(same as Article, 'content'),
              });
              continue;
            }
            if (item.normalizedUrl) byUrl.set(item.normalizedUrl, item.article);
            if (!byContent.has(item.fingerprint)) byContent.set(item.fingerprint, item.article);
            accepted.push(item);
            outcomes.push({ created: true });
          }
          if (accepted.length === 0) return outcomes;
          if (hooks.storeArticles) {
            const stored = await hooks.storeArticles(d, accepted);
            if (stored === 'stale') {
              // Another tab wrote meanwhile: bring its articles in and check again.
              if (attempt >= 5) throw new StoreUnavailableError('other tabs kept writing at the same moment.');
              await hooks.beforeWrite?.(d);
              continue;
            }
          } else if (hooks.storeArticle) {
            for (const { article, tasks } of accepted) await hooks.storeArticle(d, article, tasks);
          }
          for (const { article, tasks } of accepted) addArticle(d, article, tasks);
          version += 1;
          if (audit) await accounts.appendAudit(accepted.map(audit));
          return outcomes;
        }
      });
    },

    async commitChange(next: StoredTask, entry, expectedVersion, audit = []): Promise<CommitResult> {
      const d = db();
      await hooks.beforeWrite?.(d);
      const stored = d.tasks.get(next.id);
      if (!stored) return 'missing';
      if (stored.version !== expectedVersion) return 'stale';
      if (hooks.storeTaskChange) {
        const outcome = await hooks.storeTaskChange(d, next, entry, expectedVersion);
        if (outcome !== 'ok' || d.tasks.get(next.id)?.version !== expectedVersion) return 'stale';
      }
      replaceTask(d, next);
      d.updates.set(next.id, [...(d.updates.get(next.id) ?? []), entry]);
      version += 1;
      if (audit.length) await accounts.appendAudit(audit);
      return 'ok';
    },

    async getIdempotent(key) {
      const known = idempotent.get(key) ?? (await hooks.loadIdempotent?.(key)) ?? null;
      if (known && !idempotent.has(key)) idempotent.set(key, known);
      return known;
    },

    async putIdempotent(record) {
      if (idempotent.has(record.key)) return;
      const oldest = Date.now() - IDEMPOTENCY_TTL_MS;
      for (const [key, r] of idempotent) if (Date.parse(r.createdAt) < oldest) idempotent.delete(key);
      idempotent.set(record.key, record);
      await hooks.storeIdempotent?.(record);
    },

    async dataVersion() {
      db();
      return version;
    },

    async counts() {
      const d = db();
      return { tasks: d.tasks.size, articles: d.articles.size };
    },

    async close() {},
  };
}
