/**
 * Publishes every successful write to the change feed, after the route has committed it (never from inside a
 * store: a store knows nothing of who listens). The route's own answer says what changed: the task of a PATCH or a
 * progress update, the article and its new tasks of a POST /articles. Any other successful write under the API
 * (a bulk import, a reset) is published as "everything".
 */
import type { MiddlewareHandler } from 'hono';
import type { Store } from '../store/types';
import type { ChangeFeed, ChangeScope } from './feed';

const TASK_WRITE = /\/tasks\/([^/]+)(\/updates)?$/;
const ARTICLE_WRITE = /\/articles$/;
const ARTICLE_BATCH = /\/articles\/batch$/;
/** Writes that change no task data: nothing to tell the screens. */
const NOT_DATA = /\/(auth|session|sessions|login|logout|users|accounts|me|_mock)(\/|$)/;

async function bodyOf(res: Response): Promise<Record<string, unknown> | null> {
  try {
    const body: unknown = await res.clone().json();
    return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** What a successful write changed, from its path and its answer. */
export async function scopeOfWrite(method: string, path: string, res: Response): Promise<ChangeScope | null> {
  if (NOT_DATA.test(path)) return null;
  const taskWrite = TASK_WRITE.exec(path);
  if (taskWrite && (method === 'PATCH' || (method === 'POST' && taskWrite[2]))) {
    const body = await bodyOf(res);
    const task = (body?.task ?? null) as Record<string, unknown> | null;
    const id = str(task?.id) ?? decodeURIComponent(taskWrite[1] ?? '');
    const articleId = str(task?.articleId);
    const title = str(task?.title);
    return { tasks: [id], articles: articleId ? [articleId] : [], titles: title ? [title] : [] };
  }
  if (ARTICLE_BATCH.test(path) && method === 'POST') {
    const body = await bodyOf(res);
    if (!Array.isArray(body?.results)) return { all: true };
    const scope = { articles: [] as string[], tasks: [] as string[], titles: [] as string[] };
    for (const r of body.results as { status?: unknown; article?: Record<string, unknown> }[]) {
      const id = r?.status === 'created' ? str(r.article?.id) : undefined;
      if (!id) continue;
      scope.articles.push(id);
      const taskIds = r.article?.taskIds;
      if (Array.isArray(taskIds)) scope.tasks.push(...taskIds.filter((t): t is string => typeof t === 'string'));
      const title = str(r.article?.title);
      if (title && scope.titles.length < 3) scope.titles.push(title);
    }
    // Every article a duplicate or invalid: nothing changed.
    return scope.articles.length ? scope : null;
  }
  if (ARTICLE_WRITE.test(path) && method === 'POST') {
    const body = await bodyOf(res);
    const id = str(body?.id);
    const taskIds = Array.isArray(body?.taskIds) ? body.taskIds.filter((t): t is string => typeof t === 'string') : [];
    const title = str(body?.title);
    if (!id) return { all: true };
    return { articles: [id], tasks: taskIds, titles: title ? [title] : [] };
  }
  return { all: true };
}

/** The middleware: after a 2xx answer to a write, read the data version and publish what changed. */
export function publishWrites(feed: ChangeFeed, store: Pick<Store, 'dataVersion'>): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return;
    if (c.res.status < 200 || c.res.status >= 300) return;
    // A replayed answer (Idempotency-Key) changed nothing this time.
    if (c.res.headers.get('Idempotent-Replayed') === 'true') return;
    try {
      const scope = await scopeOfWrite(method, new URL(c.req.url).pathname, c.res);
      if (scope) feed.publish(await store.dataVersion(), scope);
    } catch (error) {
      // The write itself succeeded; screens will catch up on their next refresh or reconnect.
      console.error('publishing a change failed:', error);
    }
  };
}
