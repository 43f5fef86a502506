/**
 * The server process: configuration from the environment, the database (SQLite by default, PostgreSQL by URL),
 * migrated and loaded with the sample data on first start, the API at /api/v1 and the built app from STATIC_DIR,
 * on one origin. SIGTERM and SIGINT finish the requests in flight, then close the database.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import { getCookie } from 'hono/cookie';
import type { Stats } from '../src/api/schemas';
import { CHART_WIDTH_COOKIE, chartWidthFromCookie } from '../src/components/charts/chart-width';
import { todayInVietnam } from '../src/domain/dates';
import { createApp } from './app';
import { SESSION_COOKIE } from './auth/middleware';
import type { AuthOptions } from './auth/options';
import { scryptHasher } from './auth/passwords-node';
import { ensureFirstAdmin, FirstAdminError } from './auth/users';
import { ConfigError, engineOf, parseConfig, type ServerConfig } from './config';
import { type ChangeFeed, createChangeFeed } from './events/feed';
import { startPgBridge } from './events/pg-bridge';
import { securityHeaders } from './http/csp';
import {
  FIRST_SCREEN_BOOT,
  FIRST_SCREEN_BOOT_PATH,
  FIRST_STATS_QUERY,
  type FirstScreenRequest,
  firstScreenHtml,
  wantsFirstScreen,
} from './http/first-screen';
import { loadLocalities } from './localities';
import { sampleData } from './sample';
import { openSqlStore, type SqlStore } from './store/sql';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** One scrypt hasher for the process: the first admin and the routes hash alike. */
const passwords = scryptHasher();

/** The auth layer's options from the environment (server/auth/options.ts). */
export const authOptionsOf = (config: ServerConfig): Partial<AuthOptions> => ({
  publicRead: config.PUBLIC_READ === '1',
  trustProxy: config.TRUST_PROXY === '1',
  sessionTtlMs: config.SESSION_TTL_HOURS * 60 * 60 * 1000,
  passwords,
});
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** Opens the configured database, migrates it, and loads the sample data when it is empty and asked to. */
export async function openConfiguredStore(config: ServerConfig, log: (msg: string) => void): Promise<SqlStore> {
  const localities = loadLocalities();
  if (config.DATABASE_URL.startsWith('file:')) {
    const path = config.DATABASE_URL.slice('file:'.length);
    if (path && !path.startsWith(':memory:')) mkdirSync(dirname(resolve(path)), { recursive: true });
  }
  const store = await openSqlStore({ url: config.DATABASE_URL, localities, log });
  if (config.SAMPLE_DATA === '1' && (await store.isEmpty())) {
    const data = sampleData(localities, 'sample', config.TODAY);
    await store.importData(data);
    log(`loaded the sample data: ${data.articles.length} articles, ${data.tasks.length} tasks`);
  }
  try {
    await ensureFirstAdmin(store, passwords, { username: config.ADMIN_USER, password: config.ADMIN_PASSWORD }, log);
  } catch (error) {
    await store.close();
    throw error instanceof FirstAdminError ? new ConfigError(`Invalid configuration: ${error.message}`) : error;
  }
  return store;
}

/** The whole site: security headers, the API, the built app with a fallback to index.html for client routes. */
export function createSite(store: SqlStore, config: ServerConfig, feed: ChangeFeed = createChangeFeed()) {
  const localities = loadLocalities();
  const api = createApp({
    store,
    localities,
    today: config.TODAY ? () => config.TODAY as string : () => todayInVietnam(),
    version: VERSION,
    auth: authOptionsOf(config),
    feed,
  });
  const site = new Hono();
  const headers = securityHeaders();
  site.use('*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  });
  site.use('/api/*', compress());
  site.route('/', api);

  const staticDir = resolve(ROOT, config.STATIC_DIR);
  const indexHtml = join(staticDir, 'index.html');
  // Hashed assets never change: cache them for a year. Everything else is revalidated.
  site.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200) c.res.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
  });
  // Pages with the first screen drawn, by the build, the /stats answer's ETag and the charts' width: the figures are
  // drawn once per change of the data (or of the day), not on every visit.
  const drawnPages = new Map<string, string>();
  /**
   * index.html with the overview's first screen drawn from the first `/stats` answer, asked of the API as the app
   * would ask it, with this reader's cookie (a reader who may not read gets nothing drawn). Null when there is no
   * answer to draw: the page then has the placeholders and the app asks for the figures itself.
   */
  const drawnPage = async (c: Context, request: FirstScreenRequest, html: () => string): Promise<string | null> => {
    try {
      const answer = await api.request(`/api/v1${FIRST_STATS_QUERY}`, {
        headers: { cookie: c.req.header('cookie') ?? '' },
      });
      if (answer.status !== 200) return null;
      const statsJson = await answer.text();
      const width = chartWidthFromCookie(getCookie(c, CHART_WIDTH_COOKIE));
      const tag = answer.headers.get('ETag');
      const key = tag ? `${statSync(indexHtml).mtimeMs} ${tag} ${width}` : null;
      const cached = key ? drawnPages.get(key) : undefined;
      if (cached) return cached;
      // Loaded on first use: the command-line tools that open the store through this module need no React.
      const { renderFirstScreen } = await import('./http/first-screen-render');
      const parts = renderFirstScreen(JSON.parse(statsJson) as Stats, width);
      const page = firstScreenHtml(html(), request, { parts, statsJson });
      if (key) {
        if (drawnPages.size >= 16) drawnPages.delete(drawnPages.keys().next().value as string);
        drawnPages.set(key, page);
      }
      return page;
    } catch (error) {
      // A page without figures drawn still works: say why in the log, send the placeholders.
      console.error('first screen not drawn:', error);
      return null;
    }
  };
  // The app's page for a client route: on / with the first screen and its data (server/http/first-screen.ts).
  const page = async (c: Context) => {
    if (!existsSync(indexHtml)) {
      return c.text(`The app is not built: run \`npm run build\` (looked for ${indexHtml}).`, 503);
    }
    const url = new URL(c.req.url);
    const request = {
      path: url.pathname,
      hasSearch: url.search.length > 1,
      mayRead: config.PUBLIC_READ === '1' || Boolean(getCookie(c, SESSION_COOKIE)),
    };
    const html = () => readFileSync(indexHtml, 'utf8');
    const drawn = wantsFirstScreen(request) ? await drawnPage(c, request, html) : null;
    return c.html(drawn ?? firstScreenHtml(html(), request), 200, { 'Cache-Control': 'no-cache' });
  };
  site.get('/', compress(), page);
  site.get(FIRST_SCREEN_BOOT_PATH, (c) =>
    c.body(FIRST_SCREEN_BOOT, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' }),
  );
  // Built files, once there is a build (created at the first request that finds it: a server started before the
  // build, or without one, answers the page handler's "not built" instead of serveStatic's warning at start).
  let statics: MiddlewareHandler | null = null;
  site.use('*', (c, next) => {
    if (!statics) {
      if (!existsSync(staticDir)) return next();
      statics = serveStatic({ root: staticDir, precompressed: true });
    }
    return statics(c, next);
  });
  site.get('*', compress(), page);
  return site;
}

export interface RunningServer {
  url: string;
  server: Server;
  store: SqlStore;
  /** Stops accepting, finishes requests in flight (up to the grace period), closes the database. */
  close(): Promise<void>;
}

export async function startServer(
  env: Record<string, string | undefined> = process.env,
  log: (msg: string) => void = (m) => console.log(m),
): Promise<RunningServer> {
  const config = parseConfig(env);
  const store = await openConfiguredStore(config, log);
  // Live screens: one change feed per process; on PostgreSQL every process hears the others' (LISTEN/NOTIFY).
  const feed = createChangeFeed();
  const bridge =
    engineOf(config.DATABASE_URL) === 'postgres' ? startPgBridge({ url: config.DATABASE_URL, feed, log }) : null;
  const site = createSite(store, config, feed);
  const server = await new Promise<Server>((ready) => {
    const s = serve({ fetch: site.fetch, port: config.PORT, hostname: config.HOST }, () => ready(s as Server));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${port}`;
  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      // Event streams end at once (they never finish by themselves); their screens reconnect on their own.
      feed.close();
      const finished = new Promise<void>((done) => server.close(() => done()));
      server.closeIdleConnections();
      const grace = new Promise<void>((done) => setTimeout(done, config.SHUTDOWN_GRACE_SECONDS * 1000).unref());
      await Promise.race([finished, grace]);
      server.closeAllConnections();
      await bridge?.close();
      await store.close();
    })();
    return closing;
  };
  return { url, server, store, close };
}

async function main() {
  let running: RunningServer;
  try {
    running = await startServer();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const health = (await running.store.counts()) as { tasks: number; articles: number };
  console.log(
    `Directive Tracker on ${running.url} (${running.store.kind}; ${health.tasks} tasks, ${health.articles} articles)`,
  );
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      console.log(`${signal}: finishing requests in flight, then closing the database`);
      running.close().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
    });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  void main();
}
