// @vitest-environment node
/**
 * Issue #10, item 4: the server process on a SQLite file, killed and stopped for real.
 * - SIGKILL in the middle of a burst of writes: on restart every acknowledged write is present and
 *   `PRAGMA integrity_check` is ok (WAL with synchronous=FULL: an acknowledged commit is in the fsynced WAL).
 * - SIGTERM finishes a request in flight (its body still arriving when the signal comes), then closes the
 *   database (the last connection's close checkpoints the WAL and removes it) and exits 0.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLocalities } from '../../server/localities';
import { openSqlStore } from '../../server/store/sql';

const ROOT = resolve(__dirname, '../..');
const PASSWORD = 'Mat-Khau-Thu-Nghiem-Sap-Do-2026';

interface Running {
  child: ChildProcess;
  url: string;
  cookie: string;
  exited: Promise<number | null>;
}

async function start(file: string): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/node.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${file}`,
      ADMIN_PASSWORD: PASSWORD,
      SAMPLE_DATA: '1',
      SHUTDOWN_GRACE_SECONDS: '10',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  let out = '';
  const url = await new Promise<string>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`the server did not start:\n${out}`)), 30_000);
    const read = (b: Buffer) => {
      out += b.toString();
      const m = /Directive Tracker on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        ready(m[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    void exited.then((code) => fail(new Error(`the server exited (${code}):\n${out}`)));
  });
  const signIn = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: url },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
  expect(signIn.status).toBe(200);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { child, url, cookie, exited };
}

const api = (s: Running, path: string, init: RequestInit = {}) =>
  fetch(`${s.url}/api/v1${path}`, {
    ...init,
    headers: { ...(init.headers as Record<string, string>), Cookie: s.cookie, Origin: s.url },
  });

interface TaskState {
  id: string;
  version: number;
  status: string;
  progress: number;
}
async function taskVersions(s: Running, n: number): Promise<TaskState[]> {
  const page = (await (await api(s, `/tasks?sort=createdAt&pageSize=${n}`)).json()) as { items: TaskState[] };
  return page.items.map(({ id, version, status, progress }) => ({ id, version, status, progress }));
}
/** The server's date of evaluation: an update may not be dated later. */
const asOf = async (s: Running) => ((await (await api(s, '/stats')).json()) as { asOf: string }).asOf;

describe('the server process on SQLite, killed and stopped', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dt-crash-'));
    file = join(dir, 'crash.sqlite');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every acknowledged write after SIGKILL in the middle of a burst, and the file is sound', async () => {
    const first = await start(file);
    const tasks = await taskVersions(first, 60);
    const date = await asOf(first);
    expect(tasks.length).toBeGreaterThanOrEqual(30);
    const acknowledged: Array<{ id: string; note: string }> = [];
    let killed = false;
    // Writes on different tasks, 6 at a time; the process is killed once 12 have been acknowledged.
    const queue = tasks.map((t, i) => ({ ...t, note: `Ghi nhận ${i} trước khi sập` }));
    const worker = async () => {
      for (let next = queue.shift(); next && !killed; next = queue.shift()) {
        const { id, version, status, progress, note } = next;
        const patch = queue.length % 2 === 0;
        try {
          const response = await api(first, patch ? `/tasks/${id}` : `/tasks/${id}/updates`, {
            method: patch ? 'PATCH' : 'POST',
            headers: { 'Content-Type': 'application/json', 'If-Match': `"${version}"` },
            // PATCH: a note alone; POST: a progress report that restates the task's status and progress.
            body: JSON.stringify(patch ? { note, date } : { status, progress, note, date }),
          });
          const text = await response.text();
          if (response.ok && !killed) {
            acknowledged.push({ id, note });
            if (acknowledged.length === 12) {
              killed = true;
              first.child.kill('SIGKILL');
            }
          } else if (!killed) throw new Error(`${id}: ${response.status} ${text}`);
        } catch (error) {
          if (!killed) throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    expect(await first.exited).toBeNull(); // killed by the signal
    expect(acknowledged.length).toBe(12);

    const second = await start(file);
    try {
      for (const { id, note } of acknowledged) {
        const history = (await (await api(second, `/tasks/${id}/updates`)).json()) as { items?: unknown[] } | unknown[];
        const entries = (Array.isArray(history) ? history : (history.items ?? [])) as Array<{ note?: string }>;
        expect(entries.map((e) => e.note)).toContain(note);
      }
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
    const store = await openSqlStore({ url: `file:${file}`, localities: loadLocalities() });
    try {
      expect(await store.integrityCheck()).toBe('ok');
      for (const { id, note } of acknowledged) {
        expect((await store.listTaskUpdates(id)).map((e) => (e as { note?: string }).note)).toContain(note);
      }
    } finally {
      await store.close();
    }
  }, 60_000);

  it('finishes a request in flight on SIGTERM, then closes the database and exits 0', async () => {
    const running = await start(file);
    const [task] = await taskVersions(running, 1);
    if (!task) throw new Error('no task');
    const body = JSON.stringify({ note: 'Gửi lúc máy chủ đang dừng', date: await asOf(running) });
    const { port, hostname } = new URL(running.url);
    // The request is sent in two parts: the signal arrives while its body is still on the way.
    const answer = new Promise<{ status: number; text: string }>((done, fail) => {
      const req = request(
        {
          host: hostname,
          port,
          method: 'PATCH',
          path: `/api/v1/tasks/${task.id}`,
          headers: {
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(body),
            'If-Match': `"${task.version}"`,
            Cookie: running.cookie,
            Origin: running.url,
          },
        },
        (res) => {
          let text = '';
          res.on('data', (b: Buffer) => {
            text += b.toString();
          });
          res.on('end', () => done({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', fail);
      const half = Math.floor(body.length / 2);
      req.write(body.slice(0, half));
      setTimeout(() => {
        running.child.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(half)), 300);
      }, 300);
    });
    const { status, text } = await answer;
    expect(status, text).toBe(200);
    expect(await running.exited).toBe(0);
    // Closed: the last connection's close checkpointed the WAL into the file and removed it.
    expect(existsSync(`${file}-wal`)).toBe(false);
    const store = await openSqlStore({ url: `file:${file}`, localities: loadLocalities() });
    try {
      expect((await store.listTaskUpdates(task.id)).map((e) => (e as { note?: string }).note)).toContain(
        'Gửi lúc máy chủ đang dừng',
      );
      expect(await store.integrityCheck()).toBe('ok');
    } finally {
      await store.close();
    }
  }, 60_000);
});
