/**
 * `npm run bench:server`: the server at scale, on SQLite and on PostgreSQL, with the budgets of issue #10. For each
 * engine: a fresh database filled by `db:generate` (timed), the server started on it (the bundle `npm start` runs,
 * dist-server/node.mjs, built first by scripts/build-server.mjs: tsx alone would add ~170 MB resident and a compile
 * at start; the sample data plus the generated tasks), then over loopback:
 *   - GET /stats unfiltered, by a province and with a search: the first answer after the start (cold: the server's
 *     caches empty; the database's pages may sit in the OS cache, as on any warm machine) and the median of 15
 *     repeats (warm);
 *   - the first page of GET /tasks sorted by deadline (median of 15, cold first answer too);
 *   - PATCH /tasks/{id}: p95 of 200 writes, each on another task;
 *   - reads per second with autocannon (20 connections, 10 s) on GET /tasks/{id} and on a warm GET /stats;
 *   - the p99 of a cheap request (GET /tasks/{id}) sent every 10 ms while an uncached /stats runs (the probe
 *     started first, so it measures waiting behind the aggregate);
 *   - the server's peak resident memory (VmHWM).
 * PostgreSQL needs BENCH_DATABASE_URL or TEST_DATABASE_URL (a role that may CREATE DATABASE); without it, only SQLite.
 * Options: --tasks N (default 1,000,000) · --engines sqlite,postgres · --no-readme. Writes its table into README.md
 * between `<!-- bench-server:start -->` and `<!-- bench-server:end -->`.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const README = path.join(ROOT, 'README.md');
const START = '<!-- bench-server:start -->';
const END = '<!-- bench-server:end -->';
const { values } = parseArgs({
  options: {
    tasks: { type: 'string', default: '1000000' },
    engines: { type: 'string', default: 'sqlite,postgres' },
    'no-readme': { type: 'boolean', default: false },
  },
});
const TASKS = Number(values.tasks);
const PG_ADMIN = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const engines = (values.engines ?? '').split(',').filter((e) => e === 'sqlite' || (e === 'postgres' && PG_ADMIN));
const WORK = path.join(os.tmpdir(), 'directive-tracker-bench-server');
/**
 * Node flags of the measured server: a bounded V8 heap, as a deployment sets one (a container's limit). Without it V8
 * grows its heap lazily under a load generator (650–800 MB peak at 20,000 tasks) though the live heap stays small.
 */
const SERVER_FLAGS = ['--max-old-space-size=192'];
/** The first admin of the benchmark's database: reads need a session. */
const ADMIN_PASSWORD = 'Bench-Kh0ng-Doan-Duoc-2026';
/** The session cookie of the signed-in admin, sent with every request. */
let cookie = '';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] as number;
};
const fmt = (ms: number) => `${ms < 10 ? ms.toFixed(1) : Math.round(ms).toLocaleString('en')} ms`;

function tsx(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** The server bundle, built from the current checkout (as `npm start` serves it). */
const SERVER_BUNDLE = 'dist-server/node.mjs';
function buildServer() {
  const built = spawnSync(process.execPath, ['scripts/build-server.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`scripts/build-server.mjs failed:\n${built.stderr}`);
}

async function startServer(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [...SERVER_FLAGS, SERVER_BUNDLE], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: databaseUrl, ADMIN_PASSWORD },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 120_000);
    const read = (b: Buffer) => {
      out += b.toString();
      const m = /Directive Tracker on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${out}`)));
  });
  return { url, child };
}

async function timed(url: string, init?: RequestInit): Promise<{ ms: number; status: number; body: unknown }> {
  const t = performance.now();
  const response = await fetch(url, {
    ...init,
    headers: { ...(init?.headers as Record<string, string>), Cookie: cookie },
  });
  const text = await response.text();
  const ms = performance.now() - t;
  return { ms, status: response.status, body: text ? JSON.parse(text) : null };
}

function peakRss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
}

interface Row {
  figure: string;
  value: string;
  budget: string;
  ok: boolean | null;
}

async function benchEngine(engine: 'sqlite' | 'postgres'): Promise<Row[]> {
  const rows: Row[] = [];
  const add = (figure: string, value: string, budget: string, ok: boolean | null) =>
    rows.push({ figure: `${engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'}: ${figure}`, value, budget, ok });
  let databaseUrl: string;
  let drop = async () => {};
  if (engine === 'sqlite') {
    mkdirSync(WORK, { recursive: true });
    const file = path.join(WORK, 'bench.sqlite');
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    databaseUrl = `file:${file}`;
  } else {
    const name = `dt_bench_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: PG_ADMIN });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(PG_ADMIN as string);
    u.pathname = `/${name}`;
    databaseUrl = u.toString();
    // Cleanup only: a backend of the server's own (autovacuum, just after the load) may still be connected, and
    // a role without pg_signal_backend cannot end it (FORCE fails); retry, and never lose the figures over it.
    drop = async () => {
      for (let attempt = 1; ; attempt += 1) {
        const c = new pg.Client({ connectionString: PG_ADMIN });
        try {
          await c.connect();
          await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          return;
        } catch (error) {
          if (attempt >= 10) {
            console.error(`bench:server — could not drop the database ${name}: ${(error as Error).message}`);
            return;
          }
          await new Promise((r) => setTimeout(r, 2000));
        } finally {
          await c.end().catch(() => {});
        }
      }
    };
  }
  try {
    const t = performance.now();
    const gen = tsx(['scripts/db.ts', 'generate', '--tasks', String(TASKS)], {
      DATABASE_URL: databaseUrl,
      ADMIN_PASSWORD,
    });
    const genMs = performance.now() - t;
    if (gen.status !== 0) throw new Error(`db:generate failed:\n${gen.stderr}`);
    add(
      `db:generate of ${TASKS.toLocaleString('en')} tasks`,
      `${(genMs / 1000).toFixed(1)} s`,
      engine === 'sqlite' ? '≤ 60 s' : '—',
      engine === 'sqlite' ? genMs <= 60_000 : null,
    );

    const { url, child } = await startServer(databaseUrl);
    const api = `${url}/api/v1`;
    try {
      const signIn = await fetch(`${api}/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: url },
        body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
      });
      if (signIn.status !== 200) throw new Error(`sign-in: ${signIn.status} ${await signIn.text()}`);
      cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const queries = [
        ['unfiltered', '/stats'],
        ['by a province (Nghệ An, 40)', '/stats?locality=40'],
        ['with a search ("cau")', '/stats?q=cau'],
      ] as const;
      for (const [label, q] of queries) {
        const cold = await timed(`${api}${q}`);
        if (cold.status !== 200) throw new Error(`${q}: ${cold.status} ${JSON.stringify(cold.body)}`);
        const warm: number[] = [];
        for (let i = 0; i < 15; i += 1) warm.push((await timed(`${api}${q}`)).ms);
        add(`GET /stats ${label}, cold (first answer)`, fmt(cold.ms), '≤ 1.5 s', cold.ms <= 1500);
        add(`GET /stats ${label}, warm (median of 15)`, fmt(median(warm)), '≤ 150 ms', median(warm) <= 150);
      }
      const listQ = '/tasks?sort=deadline&pageSize=50';
      const listCold = await timed(`${api}${listQ}`);
      const list: number[] = [];
      for (let i = 0; i < 15; i += 1) list.push((await timed(`${api}${listQ}`)).ms);
      add('GET /tasks first page sorted by deadline (median of 15)', fmt(median(list)), '≤ 50 ms', median(list) <= 50);
      add('GET /tasks first page sorted by deadline, cold', fmt(listCold.ms), '—', null);

      // PATCH p95 over 200 tasks, each read first (not timed) for its version.
      const ids = (
        (await timed(`${api}/tasks?sort=-updatedAt&pageSize=200`)).body as { items: { id: string }[] }
      ).items.map((i) => i.id);
      const asOf = ((await timed(`${api}/stats`)).body as { asOf: string }).asOf;
      const patches: number[] = [];
      for (const id of ids) {
        const task = (await timed(`${api}/tasks/${encodeURIComponent(id)}`)).body as { version: number };
        const r = await timed(`${api}/tasks/${encodeURIComponent(id)}`, {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json', 'If-Match': `"${task.version}"`, Origin: url },
          body: JSON.stringify({ note: 'Đo hiệu năng', date: asOf, author: 'bench' }),
        });
        if (r.status !== 200) throw new Error(`PATCH ${id}: ${r.status} ${JSON.stringify(r.body)}`);
        patches.push(r.ms);
      }
      add(`PATCH /tasks/{id}, p95 of ${patches.length}`, fmt(pct(patches, 95)), '≤ 20 ms', pct(patches, 95) <= 20);

      // A cheap request's p99 while an uncached aggregate runs (the writes above changed the data version): the
      // probe loop runs first, the aggregate is fired once it is going, and the probe goes on until it is answered.
      const cheap: number[] = [];
      const one = ids[0] as string;
      let probing = true;
      const probe = (async () => {
        while (probing) {
          const started = performance.now();
          cheap.push((await timed(`${api}/tasks/${encodeURIComponent(one)}`)).ms);
          const wait = 10 - (performance.now() - started);
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        }
      })();
      await new Promise((r) => setTimeout(r, 200));
      const heavy = await timed(`${api}/stats?q=nha&status=in_progress&status=paused`);
      const during = cheap.length;
      await new Promise((r) => setTimeout(r, 50));
      probing = false;
      await probe;
      add(
        `GET /tasks/{id} p99 (max) while an uncached /stats with a search runs (${fmt(heavy.ms)}; ${during} probes every 10 ms)`,
        `${fmt(pct(cheap, 99))} (${fmt(Math.max(...cheap))})`,
        '—',
        null,
      );

      for (const [label, path_] of [
        ['GET /tasks/{id}', `/tasks/${encodeURIComponent(one)}`],
        ['GET /stats (warm)', '/stats'],
      ] as const) {
        // Warm: the first answer since the writes above is computed before the load starts.
        const first = await timed(`${api}${path_}`);
        if (first.status !== 200) throw new Error(`${path_}: ${first.status}`);
        const result = await autocannon({
          url: `${api}${path_}`,
          connections: 20,
          duration: 10,
          headers: { cookie },
        });
        const rps = result.requests.average;
        add(
          `reads/s, ${label}, autocannon 20 connections × 10 s`,
          Math.round(rps).toLocaleString('en'),
          '≥ 1,000',
          rps >= 1000,
        );
      }
      const rss = child.pid ? peakRss(child.pid) : 0;
      add('server peak memory (VmHWM)', `${Math.round(rss / 1e6)} MB`, '≤ 300 MB', rss <= 300e6);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  } finally {
    if (engine === 'sqlite') rmSync(WORK, { recursive: true, force: true });
    await drop();
  }
  return rows;
}

async function main() {
  if (!existsSync(path.join(ROOT, 'dist', 'index.html'))) {
    spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  }
  buildServer();
  const started = Date.now();
  const rows: Row[] = [];
  for (const engine of engines as Array<'sqlite' | 'postgres'>) {
    console.error(`bench:server — ${engine}, ${TASKS.toLocaleString('en')} tasks…`);
    const done = await benchEngine(engine);
    // Each engine's figures as soon as they are measured: a failure later must not lose them.
    for (const r of done) console.error(`  ${r.figure}: ${r.value} (${r.budget})`);
    rows.push(...done);
  }
  const cpu = os.cpus()[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
  const lines = [
    START,
    '',
    `Measured by \`npm run bench:server\` on ${new Date().toISOString().slice(0, 10)} in ${((Date.now() - started) / 60000).toFixed(1)} min: ${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM; Node ${process.version} (server: \`node ${SERVER_FLAGS.join(' ')} ${SERVER_BUNDLE}\`); ${TASKS.toLocaleString('en')} generated tasks plus the sample data; load average ${os.loadavg()[0]?.toFixed(1)} at the end (other processes share the machine).`,
    '',
    '| Figure | Value | Budget | Verdict |',
    '| --- | ---: | --- | --- |',
    ...rows.map(
      (r) => `| ${r.figure} | ${r.value} | ${r.budget} | ${r.ok === null ? 'info' : r.ok ? '✅ within' : '❌ over'} |`,
    ),
    '',
    END,
  ];
  const section = lines.join('\n');
  console.log(section);
  if (!values['no-readme']) {
    const readme = readFileSync(README, 'utf8');
    const a = readme.indexOf(START);
    const b = readme.indexOf(END);
    if (a >= 0 && b > a) writeFileSync(README, readme.slice(0, a) + section + readme.slice(b + END.length));
    else console.error(`README.md has no ${START}…${END} section; printed only.`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
