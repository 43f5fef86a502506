/**
 * `npx tsx scripts/bench-import.ts`: the rate of a bulk import on the server, SQLite (a file, synchronous = FULL as
 * the server runs it) and PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL, a role that may CREATE DATABASE). The
 * whole application (auth, Idempotency-Key, audit, the change feed) answers in process, without the network:
 * N articles of two tasks each, sent as `POST /articles/batch` of 50 and, for comparison, one `POST /articles` each.
 * The browser's share (reading the files and finding the tasks) is measured by the demo e2e test, not here.
 * Options: --articles N (default 1,000) · --engines sqlite,postgres.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createApp } from '../server/app';
import { pbkdf2Hasher } from '../server/auth/passwords';
import { cookieForRole } from '../server/auth/sessions';
import { loadLocalities } from '../server/localities';
import { openSqlStore } from '../server/store/sql';
import type { ArticleCreate } from '../src/api/article-import-schemas';

const { values } = parseArgs({
  options: { articles: { type: 'string', default: '1000' }, engines: { type: 'string', default: 'sqlite,postgres' } },
});
const N = Number(values.articles);
const PG_ADMIN = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const BATCH = 50;

function article(run: string, i: number): ArticleCreate {
  const first = `Giao Sở Xây dựng hoàn thành hồ sơ dự án số ${i} trước ngày 30/6/2026.`;
  const second = `Giao UBND xã Phú Sơn rà soát quỹ đất cho công trình ${i} trong quý III.`;
  const body = `Thông báo kết luận số ${i} (${run})\n\n${first} ${second}`;
  const at = (s: string) => ({ start: body.indexOf(s), end: body.indexOf(s) + s.length, text: s });
  const task = (quote: string, assignee: string) => ({
    title: quote.slice(5, 80),
    quote: at(quote),
    issuer: 'Chủ tịch UBND tỉnh',
    assignee,
    localityCodes: ['86'],
    category: 'infrastructure' as const,
    flagship: false,
    deadline: null,
  });
  return {
    title: `Thông báo kết luận số ${i} (${run})`,
    date: '2025-03-10',
    publisher: 'Văn phòng UBND tỉnh',
    url: `https://example.vn/ket-luan/${run}/${i}`,
    body,
    directives: [task(first, 'Sở Xây dựng'), task(second, 'UBND xã Phú Sơn')],
  };
}

async function measure(engine: 'sqlite' | 'postgres') {
  const localities = loadLocalities();
  let url: string;
  let cleanup = async () => {};
  if (engine === 'sqlite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dt-bench-import-'));
    url = `file:${path.join(dir, 'bench.sqlite')}`;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const name = `dt_bench_import_${process.pid}`;
    const admin = new pg.Client({ connectionString: PG_ADMIN });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(PG_ADMIN as string);
    u.pathname = `/${name}`;
    url = u.toString();
    cleanup = async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  const store = await openSqlStore({ url, localities });
  try {
    const app = createApp({
      store,
      localities,
      today: () => '2026-11-26',
      version: 'bench',
      auth: { passwords: pbkdf2Hasher(1000) },
    });
    const cookie = await cookieForRole(store, 'editor', null);
    const post = (p: string, body: unknown) =>
      app.fetch(
        new Request(`http://bench.local/api/v1${p}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Cookie: cookie, 'Idempotency-Key': crypto.randomUUID() },
          body: JSON.stringify(body),
        }),
      );
    const rate = async (label: string, send: (run: string) => Promise<number>) => {
      const t0 = performance.now();
      const created = await send(label);
      const s = (performance.now() - t0) / 1000;
      if (created !== N) throw new Error(`${label}: ${created} of ${N} created`);
      return N / s;
    };
    const batched = await rate('batch', async (run) => {
      let created = 0;
      for (let i = 0; i < N; i += BATCH) {
        const res = await post('/articles/batch', {
          articles: Array.from({ length: Math.min(BATCH, N - i) }, (_, k) => article(run, i + k)),
        });
        const body = (await res.json()) as { results: { status: string }[] };
        created += body.results.filter((r) => r.status === 'created').length;
      }
      return created;
    });
    const single = await rate('single', async (run) => {
      let created = 0;
      for (let i = 0; i < N; i += 1) if ((await post('/articles', article(run, i))).status === 201) created += 1;
      return created;
    });
    console.log(
      `${engine}: ${N} articles (2 tasks each) — batches of ${BATCH}: ${batched.toFixed(0)} articles/s; one POST each: ${single.toFixed(0)} articles/s`,
    );
  } finally {
    await store.close();
    await cleanup();
  }
}

console.log(`${os.cpus().length} CPU (${os.cpus()[0]?.model ?? '?'}), load average ${os.loadavg()[0]?.toFixed(1)}`);
for (const engine of (values.engines ?? '').split(',')) {
  if (engine === 'sqlite' || (engine === 'postgres' && PG_ADMIN)) await measure(engine);
}
