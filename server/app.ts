/**
 * The HTTP application: every endpoint of the contract in src/api, over a store (server/store/types.ts). The same
 * code answers in Node (server/node.ts, on SQLite or PostgreSQL) and in the browser demo (MSW hands `/api/v1/*`
 * to `app.fetch`, over the memory store).
 */
import { Hono } from 'hono';
import { type Health, HealthQuery } from '../src/api/health-schemas';
import openapi from '../src/api/openapi.json';
import { UnknownLocalityError } from '../src/domain/task-query';
import { authMiddleware } from './auth/middleware';
import { resolveAuthOptions } from './auth/options';
import type { AppDeps } from './context';
import { createChangeFeed } from './events/feed';
import { publishWrites } from './events/publish';
import { idempotency } from './http/idempotency';
import { PROBLEMS, problem, queryObject, validationProblem } from './http/problem';
import { articleRoutes } from './routes/articles';
import { auditRoutes } from './routes/audit';
import { displayLinkRoutes } from './routes/display-links';
import { eventRoutes } from './routes/events';
import { localityRoutes } from './routes/localities';
import { sessionRoutes } from './routes/session';
import { statsRoutes } from './routes/stats';
import { taskRoutes } from './routes/tasks';
import { userRoutes } from './routes/users';
import { StoreUnavailableError } from './store/types';

export type { AppDeps } from './context';

/** Reads whose answer depends only on the data and the date: they carry an ETag and answer 304 when unchanged. */
const CONDITIONAL = /^\/api\/v1\/(tasks|stats|stats\/compare|facets|articles|updates|article-lookup)$/;

/** FNV-1a, 32 bits, as base 36: a short, stable tag for a URL (no crypto needed, also in the browser). */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

export function createApp(deps: AppDeps) {
  const { store, today } = deps;
  const feed = deps.feed ?? createChangeFeed();
  const app = new Hono().basePath('/api/v1');
  const auth = resolveAuthOptions(deps.auth);
  // Who asks and whether they may (server/auth/permissions.ts): before any other middleware or route reads a body.
  app.use('*', authMiddleware({ ...deps, auth }));

  // Every successful write is published to the event streams (GET /events) once the route has committed it.
  app.use('*', publishWrites(feed, store));

  // Conditional reads: the tag is the data version, the date of evaluation and the request; it is read before
  // the answer is computed, so a write meanwhile can only make the next tag differ (never a stale 304).
  app.use('*', async (c, next) => {
    const url = new URL(c.req.url);
    if (c.req.method !== 'GET' || !CONDITIONAL.test(url.pathname)) return next();
    const tag = `W/"${await store.dataVersion()}-${today()}-${shortHash(url.pathname + url.search)}"`;
    const ifNoneMatch = c.req.header('If-None-Match');
    if (ifNoneMatch?.split(',').some((t) => t.trim() === tag)) {
      return new Response(null, { status: 304, headers: { ETag: tag, 'Cache-Control': 'no-cache' } });
    }
    await next();
    if (c.res.status === 200) {
      c.res.headers.set('ETag', tag);
      c.res.headers.set('Cache-Control', 'no-cache');
    }
  });

  // A retried write (same Idempotency-Key) gets its first answer again and is never applied twice.
  app.use('*', idempotency(store));

  app.route('/', eventRoutes(deps, feed));
  app.route('/tasks', taskRoutes(deps));
  app.route('/session', sessionRoutes(deps, auth));
  app.route('/users', userRoutes(deps, auth));
  app.route('/display-links', displayLinkRoutes(deps, auth));
  app.route('/audit', auditRoutes(deps));
  app.route('/', statsRoutes(deps));
  app.route('/', articleRoutes(deps));
  app.route('/localities', localityRoutes(deps));

  app.get('/openapi.json', (c) => c.json(openapi));
  app.get('/health', async (c) => {
    const url = new URL(c.req.url);
    const parsed = HealthQuery.safeParse(queryObject(url));
    if (!parsed.success) return validationProblem(parsed.error, url.pathname);
    try {
      const dataVersion = await store.dataVersion();
      if (parsed.data.check === 'database') await store.counts();
      const body: Health = { status: 'ok', database: store.kind, version: deps.version, dataVersion };
      return c.json(body, 200, { 'Cache-Control': 'no-store' });
    } catch (error) {
      console.error('health check:', error);
      return problem({
        type: `${PROBLEMS}/unavailable`,
        title: 'Database unavailable',
        status: 503,
        detail: 'The server cannot reach its database.',
        instance: url.pathname,
      });
    }
  });

  app.notFound((c) =>
    problem({
      type: `${PROBLEMS}/not-found`,
      title: 'Not found',
      status: 404,
      detail: `No endpoint ${c.req.method} ${new URL(c.req.url).pathname}.`,
      instance: new URL(c.req.url).pathname,
    }),
  );

  app.onError((error, c) => {
    const instance = new URL(c.req.url).pathname;
    if (error instanceof UnknownLocalityError) {
      return problem({
        type: `${PROBLEMS}/invalid-request`,
        title: 'Invalid query parameter',
        status: 400,
        detail: `locality: ${error.message}`,
        instance,
        errors: [{ name: 'locality', reason: error.message }],
      });
    }
    if (error instanceof StoreUnavailableError) {
      return problem({
        type: `${PROBLEMS}/not-stored`,
        title: 'Not stored',
        status: 503,
        detail: `Nothing was saved: ${error.message} Keep your input and try again.`,
        instance,
      });
    }
    console.error(`${c.req.method} ${instance}:`, error);
    return problem({
      type: `${PROBLEMS}/internal`,
      title: 'Internal error',
      status: 500,
      detail: 'The server could not answer this request. It has been logged; please try again.',
      instance,
    });
  });

  return app;
}

export type App = ReturnType<typeof createApp>;
