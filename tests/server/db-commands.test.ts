// @vitest-environment node
/**
 * The database commands as a user runs them (scripts/db.ts through tsx), on SQLite and, when TEST_DATABASE_URL is
 * set, on PostgreSQL: db:generate makes its rows on a worker thread, and what it stores must be exactly what a bulk
 * load of the same generated tasks stores (rows, unit rows, summary counts); db:export → db:import carries it
 * to another database.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTasks } from '../../mocks/data/generate';
import { loadLocalities } from '../../server/localities';
import { codePools } from '../../server/store/memory-db';
import { openSqlStore, type SqlStore } from '../../server/store/sql';
import { statCountsNowAndMaintained } from '../../server/store/sql/aggregates';
import { freshPostgresDatabase, TEST_TODAY } from './harness';

const localities = loadLocalities();
const pools = codePools(localities);

function db(url: string, ...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/db.ts', ...args], {
    env: { ...process.env, DATABASE_URL: url, SAMPLE_DATA: '0', TODAY: TEST_TODAY, NODE_OPTIONS: '' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: run.status, stderr: run.stderr };
}

/** Every stored row of the task tables, in key order (seq included: the same tasks in the same order). */
async function dump(store: SqlStore) {
  const out: Record<'tasks' | 'task_units' | 'task_buckets', unknown[]> = {
    tasks: [],
    task_units: [],
    task_buckets: [],
  };
  for (const [table, order] of [
    ['tasks', 'seq'],
    ['task_units', 'unit, task_seq'],
    ['task_buckets', 'parent, bucket, task_seq'],
  ] as const) {
    out[table] = (await sql`select * from ${sql.table(table)} order by ${sql.raw(order)}`.execute(store.db)).rows;
  }
  return out;
}

interface Engine {
  name: string;
  create(): Promise<{ url: string; drop(): Promise<void> }>;
}
const sqliteFile = (): Engine['create'] => async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dt-db-'));
  return {
    url: `file:${join(dir, 'test.sqlite')}`,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
};
const engines: Engine[] = [{ name: 'sqlite', create: sqliteFile() }];
if (process.env.TEST_DATABASE_URL) engines.push({ name: 'postgres', create: freshPostgresDatabase });

describe.each(engines)('db commands on $name', ({ name, create }) => {
  const dbs: Array<{ url: string; drop(): Promise<void> }> = [];
  let generated: { url: string };
  beforeAll(async () => {
    generated = await create();
    dbs.push(generated as { url: string; drop(): Promise<void> });
  }, 60_000);
  afterAll(async () => {
    for (const d of dbs) await d.drop();
  });

  it('db:generate stores what a bulk load of the same tasks stores, in batches, into a new and a filled database', async () => {
    // 1,200 in batches of 500: two full batches and a short one, into a new database.
    const first = db(generated.url, 'generate', '--tasks', '1200', '--batch-size', '500');
    expect(first.stderr).toContain('Added 1,200 tasks');
    expect(first.status).toBe(0);
    // 500 more in batches of 250 (the last batch the thread makes is empty), into a database holding tasks.
    const second = db(generated.url, 'generate', '--tasks', '500', '--batch-size', '250');
    expect(second.stderr).toContain('it now holds 1,700');
    expect(second.status).toBe(0);

    const reference = await create();
    dbs.push(reference);
    const want = await openSqlStore({ url: reference.url, localities });
    const got = await openSqlStore({ url: generated.url, localities });
    try {
      const opts = { today: TEST_TODAY, ...pools };
      await want.importData({ articles: [], tasks: generateTasks({ count: 1200, ...opts }), updates: [] });
      await want.importData({
        articles: [],
        tasks: generateTasks({ count: 500, offset: 1200, ...opts }),
        updates: [],
      });
      const [g, w] = [await dump(got), await dump(want)];
      expect(g.tasks).toHaveLength(1700);
      expect((g.tasks.at(-1) as { id: string }).id).toBe('g-001700');
      expect(g).toEqual(w);
      const counts = await statCountsNowAndMaintained(got.db);
      for (const table of Object.values(counts)) expect(table.maintained).toEqual(table.computed);
      expect(await got.integrityCheck()).toBe('ok');
    } finally {
      await want.close();
      await got.close();
    }
  }, 240_000);

  // The commands' own code is the same on both engines (the store under them is tested on both): on SQLite.
  it.runIf(name === 'sqlite')(
    'db:export and db:import carry every task to another database',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'dt-export-'));
      const target = await create();
      dbs.push(target);
      try {
        const file = join(dir, 'backup.json');
        const out = db(generated.url, 'export', file);
        expect(out.status, out.stderr).toBe(0);
        const back = db(target.url, 'import', file);
        expect(back.status, back.stderr).toBe(0);
        expect(back.stderr).toContain('1700 tasks');
        const [a, b] = [
          await openSqlStore({ url: generated.url, localities }),
          await openSqlStore({ url: target.url, localities }),
        ];
        try {
          expect(await dump(b)).toEqual(await dump(a));
        } finally {
          await a.close();
          await b.close();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    240_000,
  );

  it.runIf(name === 'sqlite')(
    'db:generate stopped by Ctrl+C keeps the tasks written so far, complete, and ends the load properly',
    async () => {
      const target = await create();
      dbs.push(target);
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'scripts/db.ts', 'generate', '--tasks', '60000', '--batch-size', '500'],
        {
          env: { ...process.env, DATABASE_URL: target.url, SAMPLE_DATA: '0', TODAY: TEST_TODAY, NODE_OPTIONS: '' },
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      let stderr = '';
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      // Interrupted once the first tenth is written (the progress line of a non-terminal says so).
      await new Promise<void>((resolve) => {
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          if (/ 10 % /.test(stderr)) resolve();
        });
        void exited.then(() => resolve());
      });
      child.kill('SIGINT');
      expect(await exited, stderr).toBe(0);
      expect(stderr).toContain('Stopping after this batch');
      const added = Number(/Added ([\d,]+) tasks .*stopped early/.exec(stderr)?.[1]?.replaceAll(',', ''));
      expect(added).toBeGreaterThanOrEqual(6_000);
      expect(added).toBeLessThan(60_000);
      const store = await openSqlStore({ url: target.url, localities });
      try {
        expect((await store.counts()).tasks).toBe(added);
        // Every task has its unit rows, the summary counts are the tasks', nothing of the load is left behind.
        const orphans = await sql<{ n: number }>`select count(*) as n from tasks t
        where not exists (select 1 from task_buckets b where b.task_seq = t.seq)`.execute(store.db);
        expect(Number(orphans.rows[0]?.n)).toBe(0);
        const counts = await statCountsNowAndMaintained(store.db);
        for (const table of Object.values(counts)) expect(table.maintained).toEqual(table.computed);
        const staged = await sql<{ n: number }>`select count(*) as n from sqlite_master
        where name like 'bulk_load%' or name = 'tasks_title'`.execute(store.db);
        expect(Number(staged.rows[0]?.n)).toBe(1);
        expect(await store.integrityCheck()).toBe('ok');
      } finally {
        await store.close();
      }
    },
    240_000,
  );

  it.runIf(name === 'sqlite')('refuses a bad count with the usage and exit status 2', () => {
    const run = db(generated.url, 'generate', '--tasks', '0');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--tasks must be a whole number');
  });
});
