/**
 * One HTTP application over each store: memory, SQLite (in memory) and, when TEST_DATABASE_URL names a
 * PostgreSQL server, PostgreSQL (a fresh database per harness, dropped on close). CI sets REQUIRE_POSTGRES=1, so a
 * missing server fails the run instead of silently testing less.
 */
import pg from 'pg';
import { createApp } from '../../server/app';
import type { AuthOptions } from '../../server/auth/options';
import { pbkdf2Hasher } from '../../server/auth/passwords';
import { cookieForRole } from '../../server/auth/sessions';
import { loadLocalities } from '../../server/localities';
import { sampleData } from '../../server/sample';
import { createMemoryStore } from '../../server/store/memory';
import { addArticle, createDb, replaceTask } from '../../server/store/memory-db';
import type { Store, StoreKind } from '../../server/store/types';
import type { StoredTask } from '../../src/api/schemas';
import { makeTask } from '../task-factory';

export { makeTask };

import type { Role } from '../../src/api/session-schemas';

/** The date of evaluation in these tests, so timeliness is stable. */
export const TEST_TODAY = '2026-11-26';

const PG_URL = process.env.TEST_DATABASE_URL;
if (!PG_URL && process.env.REQUIRE_POSTGRES === '1') {
  throw new Error('REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is not set: the PostgreSQL suites cannot run.');
}
export const STORE_KINDS: StoreKind[] = ['memory', 'sqlite', ...(PG_URL ? (['postgres'] as const) : [])];

export interface Harness {
  kind: StoreKind;
  store: Store;
  /** The app's fetch, with paths relative to /api/v1; signed in as an admin unless the request sends a Cookie. */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** A `Cookie` header value for a session of a (new) user with this role. */
  cookieFor(role: Role, unitCode?: string | null): Promise<string>;
  addTasks(tasks: StoredTask[]): Promise<void>;
  close(): Promise<void>;
}

let databases = 0;
/** A fresh PostgreSQL database on the test server; returns its URL and how to drop it. */
export async function freshPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!PG_URL) throw new Error('TEST_DATABASE_URL is not set');
  databases += 1;
  const name = `dt_t_${process.pid}_${Date.now().toString(36)}_${databases}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      // Cleanup only: a server process (autovacuum) may still hold the database for a moment; never fail a test on it.
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const c = new pg.Client({ connectionString: PG_URL });
        try {
          await c.connect();
          await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          return;
        } catch {
          await new Promise((r) => setTimeout(r, 300));
        } finally {
          await c.end().catch(() => undefined);
        }
      }
    },
  };
}

export async function openHarness(
  kind: StoreKind,
  /** `as`: who the requests are from by default (an admin; null: nobody). `auth`: options of the auth layer. */
  options: { sample?: boolean; as?: Role | null; auth?: Partial<AuthOptions> } = {},
): Promise<Harness> {
  const localities = loadLocalities();
  const sample = options.sample ?? true;
  let store: Store;
  let addTasks: (tasks: StoredTask[]) => Promise<void>;
  let cleanup = async () => {};
  if (kind === 'memory') {
    const db = createDb({ localities, today: TEST_TODAY });
    if (!sample) {
      db.articles.clear();
      db.tasks.clear();
      db.rows.length = 0;
      db.updates.clear();
    }
    store = createMemoryStore(() => db);
    addTasks = async (tasks) => {
      for (const t of tasks) replaceTask(db, t);
    };
    void addArticle;
  } else {
    let url = 'file::memory:';
    if (kind === 'postgres') {
      const fresh = await freshPostgresDatabase();
      url = fresh.url;
      cleanup = fresh.drop;
    }
    const { openSqlStore } = await import('../../server/store/sql');
    const sql = await openSqlStore({ url, localities });
    if (sample) await sql.importData(sampleData(localities, 'sample', TEST_TODAY));
    store = sql;
    addTasks = (tasks) => sql.importData({ articles: [], tasks, updates: [] });
  }
  // A cheap hash: the tests sign in often; the cost of real hashing is server/auth's own test.
  const auth = { passwords: pbkdf2Hasher(1000), ...options.auth };
  const app = createApp({ store, localities, today: () => TEST_TODAY, version: 'test', auth });
  const cookieFor = (role: Role, unitCode: string | null = null) => cookieForRole(store, role, unitCode);
  const defaultCookie = options.as === null ? null : await cookieFor(options.as ?? 'admin');
  return {
    kind,
    store,
    cookieFor,
    request: async (path, init) => {
      const headers = new Headers(init?.headers);
      if (defaultCookie && !headers.has('Cookie')) headers.set('Cookie', defaultCookie);
      return app.fetch(new Request(`http://test.local/api/v1${path}`, { ...init, headers }));
    },
    addTasks,
    async close() {
      await store.close();
      await cleanup();
    },
  };
}
