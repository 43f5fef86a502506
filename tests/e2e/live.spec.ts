/**
 * Live screens, end to end in Chromium, on the real server (Node, SQLite, the server build in dist/) and on the
 * in-browser demo:
 * - a write in one browser redraws another browser's overview and /present within 2 s, without a reload, with a
 *   highlight and a spoken "Vừa cập nhật: …";
 * - killing the server shows the stale marker; restarting it, the screens recover by themselves;
 * - where the event stream cannot be used, the screens poll, and an unchanged answer is a 304;
 * - two tabs of the demo see each other's changes live.
 * The server runs on port 3203 (its own SQLite file); the demo is served there too once the server is stopped.
 * Screenshots of /present with its freshness line and its stale marker: artifacts/screenshots/issue-15/.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { advanceUntil, SERVER_BUNDLE, screenshotTo } from './helpers';

const PORT = 3203;
const BASE = `http://127.0.0.1:${PORT}`;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DB = path.join(tmpdir(), `dt-live-e2e-${process.pid}.sqlite`);
const PASSWORD = 'live-e2e-password-1';
const SHOTS = path.join(ROOT, 'artifacts', 'screenshots', 'issue-15');
const TODAY = '2026-11-26';

test.describe.configure({ mode: 'serial' });
// These tests run their own server on one port: once, in the demo project (whose demo build they also use);
// playwright.config.ts leaves this file out of the server project.

async function waitUntilUp(url: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

function startServer(): ChildProcess {
  const child = spawn(process.execPath, [SERVER_BUNDLE], {
    cwd: ROOT,
    detached: true,
    stdio: 'ignore',
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${DB}`,
      STATIC_DIR: 'dist',
      PUBLIC_READ: '1',
      ADMIN_PASSWORD: PASSWORD,
      TODAY,
      SHUTDOWN_GRACE_SECONDS: '1',
    },
  });
  return child;
}

async function stop(child: ChildProcess | null) {
  if (!child?.pid || child.exitCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
}

/** Signs the context in as the first admin (writes need a session; reads are public here). */
async function signIn(context: BrowserContext) {
  const response = await context.request.post(`${BASE}/api/v1/session`, {
    data: { username: 'admin', password: PASSWORD },
  });
  // A server without accounts answers 404: writes are then open.
  expect([200, 201, 204, 404]).toContain(response.status());
}

interface TaskRef {
  id: string;
  version: number;
  title: string;
}

/** An overdue task: marking it done moves it between timeliness classes, so every screen's figures change. */
async function overdueTask(page: Page, base = BASE): Promise<TaskRef> {
  return page.evaluate(async (b) => {
    const r = await fetch(`${b}/api/v1/tasks?timeliness=overdue&pageSize=1`);
    const body = (await r.json()) as { items: TaskRef[] };
    return body.items[0] as TaskRef;
  }, base);
}

/** Records from `page` (a browser) that the task is done. */
async function markDone(page: Page, task: TaskRef, base = BASE): Promise<number> {
  return page.evaluate(
    async ({ b, t, today }) => {
      const r = await fetch(`${b}/api/v1/tasks/${encodeURIComponent(t.id)}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', 'If-Match': `"${t.version}"` },
        body: JSON.stringify({ status: 'done', progress: 100, date: today, author: 'Văn phòng', note: 'Đã xong' }),
      });
      return r.status;
    },
    { b: base, t: task, today: TODAY },
  );
}

/** Resolves with the ms from now until the text of `selector` differs from what it is now. */
async function changeOf(page: Page, selector: string, timeout = 5000) {
  const before = (await page.locator(selector).first().textContent()) ?? '';
  return {
    before,
    waited: page
      .waitForFunction(
        ({ s, b }) => (document.querySelector(s) as HTMLElement | null)?.textContent !== b,
        { s: selector, b: before },
        { timeout, polling: 20 },
      )
      .then(() => Date.now()),
  };
}

async function shoot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  for (const [w, h] of [
    [1366, 768],
    [1920, 1080],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(300);
    await screenshotTo(page, path.join(SHOTS, `${name}-${w}`), false);
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

const PRESENT = '/present?slides=kpi&paused=1';
/** The flags of every browser of this project's tests (playwright.config.ts). */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

test.describe('live screens on the server', () => {
  let server: ChildProcess | null = null;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    rmSync(DB, { force: true });
    if (!existsSync(path.join(ROOT, 'dist', 'index.html'))) {
      execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'ignore' });
    }
    server = startServer();
    await waitUntilUp(`${BASE}/api/v1/health`);
  });
  test.afterAll(async () => {
    await stop(server);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${DB}${suffix}`, { force: true });
  });

  test('a write in one browser redraws the overview and /present of another within 2 s, without a reload', async ({
    browser,
  }) => {
    // Three browsers, each with its page in front (Chromium throttles the timers of a page behind another one in
    // the same window, as a real browser does for a background tab): the writer's, the official's overview, and
    // the wall screen's /present.
    const wallBrowser = await browser.browserType().launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    const writer = await browser.newContext();
    const reader = await browser.browserType().launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    await signIn(writer);
    const editor = await writer.newPage();
    await editor.goto(`${BASE}/api/v1/health`); // a page of the server origin that draws nothing
    const wall = await wallBrowser.newContext();
    const overview = await (await reader.newContext()).newPage();
    const present = await wall.newPage();
    await overview.goto(`${BASE}/`);
    await present.goto(`${BASE}${PRESENT}`);
    await expect(overview.locator('[data-kpi]').first()).toBeVisible();
    await expect(present.locator('.p-kpi').first()).toBeVisible();
    await expect(present.locator('.p-age')).toHaveText(/cập nhật (vừa xong|\d+ giây trước)/);
    // Both pages are connected (their live region exists once the stream said hello) and keep a marker that a
    // reload would wipe.
    for (const p of [overview, present]) {
      await expect(p.getByTestId('live-announcer')).toBeAttached();
      await p.evaluate(() => {
        (window as unknown as { notReloaded: boolean }).notReloaded = true;
      });
    }
    // Every element that glows (`data-live-changed`, for 3 s) is recorded as it happens: on a loaded machine the
    // checks below may come after the glow has gone.
    await overview.evaluate(() => {
      const w = window as unknown as { glowed: number };
      w.glowed = 0;
      new MutationObserver((records) => {
        for (const r of records) if ((r.target as Element).hasAttribute('data-live-changed')) w.glowed += 1;
      }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-live-changed'] });
    });
    // Three writes; a 2-core machine shared with other work can have a slow moment, so the median must be within
    // 2 s and none may take more than 5 s.
    const times: { overview: number; present: number }[] = [];
    let task: TaskRef | null = null;
    // The first write after opening is not counted: a screen on a wall has been open for a while (its code warm).
    for (let i = 0; i < 4; i += 1) {
      task = await overdueTask(editor);
      const onOverview = await changeOf(overview, '.kpi-section', 8000);
      const onPresent = await changeOf(present, '.p-kpis', 8000);
      const wrote = Date.now();
      expect(await markDone(editor, task)).toBe(200);
      const [o, p] = await Promise.all([onOverview.waited, onPresent.waited]);
      if (i > 0) times.push({ overview: o - wrote, present: p - wrote });
      await overview.waitForTimeout(500);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    const message = JSON.stringify(times);
    expect(median(times.map((t) => t.overview)), message).toBeLessThan(2000);
    expect(median(times.map((t) => t.present)), message).toBeLessThan(2000);
    expect(Math.max(...times.flatMap((t) => [t.overview, t.present])), message).toBeLessThan(5000);
    for (const page of [overview, present]) {
      expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    }
    // What changed glows for a moment, and is said in words.
    expect(await overview.evaluate(() => (window as unknown as { glowed: number }).glowed)).toBeGreaterThan(0);
    await expect(overview.getByTestId('live-announcer')).toHaveText(`Vừa cập nhật: ${task?.title}`);
    await expect(overview.locator('[data-live-changed]')).toHaveCount(0, { timeout: 5000 });
    await shoot(present, 'present-live');
    await writer.close();
    await reader.close();
    await wallBrowser.close();
  });

  test('killing the server shows the stale marker; restarted, the screens recover by themselves', async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const reader = await browser.newContext();
    const present = await reader.newPage();
    await present.goto(`${BASE}${PRESENT}`);
    await expect(present.locator('.p-kpi').first()).toBeVisible();
    await expect(present.getByTestId('live-announcer')).toBeAttached();
    const freshness = present.locator('.p-freshness');
    await expect(freshness).toHaveText(/^Số liệu lúc \d{2}:\d{2}$/);
    const time = ((await freshness.textContent()) ?? '').slice(-5);
    const figures = await present.locator('.p-kpis').textContent();

    await stop(server);
    await expect(freshness).toHaveText(`Mất kết nối — đang hiển thị số liệu lúc ${time}`, { timeout: 15_000 });
    await expect(present.locator('.p-stale')).toBeVisible();
    await expect(present.locator('.p-age')).toContainText('đang kết nối lại');
    // The last good slide stays.
    expect(await present.locator('.p-kpis').textContent()).toBe(figures);
    await shoot(present, 'present-stale');

    server = startServer();
    await waitUntilUp(`${BASE}/api/v1/health`);
    await expect(present.locator('.p-stale')).toHaveCount(0, { timeout: 45_000 });
    await expect(freshness).toHaveText(/^Số liệu lúc \d{2}:\d{2}$/);
    await expect(present.locator('.p-age')).not.toContainText('đang kết nối lại');

    // Live again: a write reaches it without a reload.
    const writer = await browser.newContext();
    await signIn(writer);
    const editor = await writer.newPage();
    await editor.goto(`${BASE}/api/v1/health`); // a page of the server origin that draws nothing
    const task = await overdueTask(editor);
    const change = await changeOf(present, '.p-kpis');
    const wrote = Date.now();
    expect(await markDone(editor, task)).toBe(200);
    expect((await change.waited) - wrote).toBeLessThan(2000);
    await writer.close();
    await reader.close();
  });

  test('where the event stream cannot be used, the screens poll, and an unchanged figure costs a 304', async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const reader = await browser.newContext();
    // A proxy that buffers event streams: the stream opens and nothing ever arrives. (Not with page.route, which
    // turns the browser's HTTP cache off, and with it the If-None-Match this test is about.)
    await reader.addInitScript(() => {
      (window as unknown as { EventSource: unknown }).EventSource = class {
        readyState = 0;
        onerror = null;
        constructor(readonly url: string) {}
        addEventListener() {}
        close() {
          this.readyState = 2;
        }
      };
    });
    const overview = await reader.newPage();
    // The 10 s wait for a hello and the 15 s between polls are the page's timers: its clock is moved on here
    // instead of sitting through them (the HTTP cache, the 304 and the redraw are real).
    // (Playwright's clock replaces `performance` too, with one that records no resource timing: the real one is kept.)
    await overview.addInitScript(() => {
      (window as unknown as { realPerformance: Performance }).realPerformance = window.performance;
    });
    await overview.clock.install();
    await overview.goto(`${BASE}/`);
    await expect(overview.locator('[data-kpi]').first()).toBeVisible();
    const t0 = await overview.evaluate(() => Date.now());
    const revalidated = () =>
      overview.evaluate(() =>
        (window as unknown as { realPerformance: Performance }).realPerformance
          .getEntriesByType('resource')
          .some(
            (e) =>
              (e as PerformanceResourceTiming).name.includes('/api/v1/stats?') &&
              (e as PerformanceResourceTiming).transferSize > 0 &&
              (e as PerformanceResourceTiming).transferSize < (e as PerformanceResourceTiming).encodedBodySize,
          ),
      );
    // No hello within 10 s: the page polls; the first poll (15 s later) revalidates /stats: the server answers 304
    // and the browser serves its cached copy (transfer: headers only) — not before the hello's 10 s and a poll.
    expect(await advanceUntil(overview, revalidated, t0, 40_000, 'a /stats revalidated (304)')).toBeGreaterThanOrEqual(
      10_000,
    );
    const writer = await browser.newContext();
    await signIn(writer);
    const editor = await writer.newPage();
    await editor.goto(`${BASE}/api/v1/health`); // a page of the server origin that draws nothing
    const task = await overdueTask(editor);
    const before = await overview.locator('.kpi-section').textContent();
    expect(await markDone(editor, task)).toBe(200);
    // The next poll (at most 15 s of page time later) brings the change.
    const wrote = await overview.evaluate(() => Date.now());
    const waited = await advanceUntil(
      overview,
      async () => (await overview.locator('.kpi-section').textContent()) !== before,
      wrote,
      20_000,
      'the figures changed',
    );
    expect(waited).toBeLessThanOrEqual(16_000);
    await writer.close();
    await reader.close();
  });
});

test.describe('live tabs of the in-browser demo', () => {
  test('two tabs share one database: a change in one redraws the other live', async ({ browser, baseURL }) => {
    test.setTimeout(90_000);
    // The demo build, served by the project's web server; one context = one browser profile, so its tabs share
    // IndexedDB and a BroadcastChannel.
    const context = await browser.newContext({ baseURL });
    const first = await context.newPage();
    await first.goto('/');
    await expect(first.locator('[data-kpi]').first()).toBeVisible({ timeout: 30_000 });
    await expect(first.getByTestId('live-announcer')).toBeAttached({ timeout: 15_000 });
    const second = await context.newPage();
    await second.goto('/tasks');
    await expect(second.getByRole('table').first()).toBeVisible({ timeout: 30_000 });
    const task = await overdueTask(second, '');
    const change = await changeOf(first, '.kpi-section', 10_000);
    const wrote = Date.now();
    expect(await markDone(second, task, '')).toBe(200);
    expect((await change.waited) - wrote).toBeLessThan(3000);
    await context.close();
  });
});
