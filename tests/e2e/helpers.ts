import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { type BrowserContext, test as base, expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import { APP_READY_MARK } from '../../src/features/dashboard/utils/marks';

/**
 * How a project reaches the app: `preview` uses the config's baseURL (the demo build on the in-browser mock);
 * `server` starts the real server (server/node.ts on a fresh in-memory SQLite database, sample data loaded) for
 * each test, so tests that write never see each other's data, exactly as fresh browser profiles on the demo.
 */
export type AppMode = 'preview' | 'server';

interface StartedServer {
  url: string;
  child: ChildProcess;
}

/** The first admin of every per-test server (reads and writes need a session there). */
export const E2E_ADMIN = { username: 'admin', password: 'E2E-quan-tri-vien-2026' } as const;

/**
 * The server, bundled (scripts/build-server.mjs) by the config's web server step before any test runs: it starts
 * in about half a second where tsx compiling server/node.ts takes three times as long, once per test.
 */
export const SERVER_BUNDLE = 'dist-server/node.mjs';

/** Starts the server build on a free port and resolves once it listens. */
export async function startAppServer(env: Record<string, string> = {}): Promise<StartedServer> {
  const child = spawn(process.execPath, ['--enable-source-maps', SERVER_BUNDLE], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: 'file::memory:',
      ADMIN_USER: E2E_ADMIN.username,
      ADMIN_PASSWORD: E2E_ADMIN.password,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start in 30 s:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Directive Tracker on (http:\/\/\S+)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before listening:\n${output}`));
    });
  });
  return { url, child };
}

/** Signs a browser context in as the first admin (a fresh context on the server starts signed out). */
export async function signInAsAdmin(context: BrowserContext, baseURL: string): Promise<void> {
  const response = await context.request.post(`${baseURL}/api/v1/session`, {
    data: E2E_ADMIN,
    headers: { Origin: baseURL },
  });
  expect(response.status(), await response.text()).toBe(200);
}

export async function stopAppServer(server: StartedServer): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((done) => server.child.once('exit', done));
  server.child.kill('SIGTERM');
  await exited;
}

export const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 390, height: 844 },
] as const;

/**
 * Playwright's `test`, plus an automatic check that the page threw no uncaught error and logged no console error
 * during the test (a failing test lists them).
 */
export const test = base.extend<{ pageErrors: string[]; appMode: AppMode; signedIn: undefined }>({
  appMode: ['preview', { option: true }],
  baseURL: async ({ baseURL, appMode }, use) => {
    if (appMode !== 'server') {
      await use(baseURL);
      return;
    }
    const server = await startAppServer();
    await use(server.url);
    await stopAppServer(server);
  },
  // On the server, each test starts signed in as the admin (as the demo opens signed in as its admin); the tests of
  // accounts sign out or in as they need.
  signedIn: [
    async ({ appMode, context, baseURL }, use) => {
      if (appMode === 'server') await signInAsAdmin(context, baseURL ?? '');
      await use(undefined);
    },
    { auto: true },
  ],
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`uncaught: ${error.stack ?? error.message}`));
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const at = message.location();
        errors.push(`console.error: ${message.text()}${at.url ? ` (${at.url}:${at.lineNumber})` : ''}`);
      });
      await use(errors);
      expect(errors, 'uncaught page errors or console errors').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

/** Opens a page of the app on a fresh context and waits until the overview has drawn its charts with data. */
export async function openOverview(page: Page, url = '/'): Promise<void> {
  await page.goto(url);
  // The app's own first frame of the charts: on the server build the page already shows figures drawn by the server
  // (inert) before that, and React replaces them when it takes over.
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, APP_READY_MARK, {
    timeout: 30_000,
  });
  await expect(page.locator('[data-kpi="total"] .kpi-value')).toHaveText(/\d/);
}

export interface ApiResult<T> {
  status: number;
  contentType: string | null;
  body: T;
}

/** A GET made by the page itself, so it goes through the app's service worker (the mock API) like the app's own. */
export async function apiGet<T = unknown>(page: Page, url: string): Promise<ApiResult<T>> {
  return page.evaluate(async (u) => {
    const response = await fetch(u, { headers: { accept: 'application/json' } });
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      body: await response.json(),
    };
  }, url);
}

/**
 * Moves the page's clock (installed by the test) on, a second at a time, until `done()` holds; returns how much page
 * time passed since `since` (the page's Date.now() at the start). The app's waits (the client's timeout, the
 * retries' backoff, the live client's polls) are timers of the page, so a test sees them run out without sitting
 * through them.
 */
export async function advanceUntil(
  page: Page,
  done: () => Promise<boolean>,
  since: number,
  maxMs = 45_000,
  what = 'the condition',
): Promise<number> {
  const elapsed = () => page.evaluate((t0) => Date.now() - t0, since);
  for (let step = 0; step * 1000 <= maxMs; step++) {
    if (await done()) return elapsed();
    await page.clock.fastForward(1000);
    // Let the app render, and its requests answer, what the timers it ran set in motion (real time, ≤ 250 ms).
    for (let waited = 0; waited < 250 && !(await done()); waited += 50) await page.waitForTimeout(50);
  }
  await expect.poll(done, { timeout: 1_000, message: `${what} after ${maxMs} ms of page time` }).toBe(true);
  return elapsed();
}

/** advanceUntil `target` is visible. */
export function advanceUntilVisible(page: Page, target: Locator, since: number, maxMs = 45_000): Promise<number> {
  return advanceUntil(page, () => target.isVisible(), since, maxMs, `${target} visible`);
}

/**
 * Resolves once the show's slide has finished its entrance (the 400 ms fade-in, none under reduced motion): every
 * animation of the slide that ends (not the endless "loading" pulse) has ended.
 */
export async function slideSettled(page: Page): Promise<void> {
  await page.locator('.p-slide-wrap').evaluate(async (el) => {
    const ending = el
      .getAnimations({ subtree: true })
      .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime)));
    // (No page timer or frame callback here: a test may have installed Playwright's clock, which holds them.)
    await Promise.all(ending.map((a) => a.finished.catch(() => undefined)));
  });
}

/** Digits of a number as the page formats it ("1.234" in Vietnamese, "1,234" in English). */
export function parseShownNumber(text: string): number {
  const digits = text.replace(/\D/g, '');
  if (!digits) throw new Error(`No number in "${text}"`);
  return Number(digits);
}

/** Fails when the document scrolls sideways at the current viewport; names the widest elements to help fixing it. */
export async function expectNoHorizontalScroll(page: Page, label: string): Promise<void> {
  const result = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const viewport = window.innerWidth;
    const culprits: string[] = [];
    if (root.scrollWidth > viewport) {
      for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
        const rect = el.getBoundingClientRect();
        if (rect.right > viewport + 0.5 && rect.width > 0 && culprits.length < 8) {
          const cls =
            typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
          culprits.push(`${el.tagName.toLowerCase()}${cls} right=${Math.round(rect.right)}`);
        }
      }
    }
    return { scrollWidth: root.scrollWidth, viewport, culprits };
  });
  expect(
    result.scrollWidth,
    `${label}: horizontal scrolling (scrollWidth ${result.scrollWidth} > innerWidth ${result.viewport}); ` +
      `overflowing: ${result.culprits.join(', ')}`,
  ).toBeLessThanOrEqual(result.viewport);
}

/**
 * Writes a screenshot to `file` (its extension is added: `.jpg`) and returns the path. JPEG at quality 85: text and
 * charts read as in a PNG, and Chromium encodes it with about half the CPU of a full-page PNG, a cost paid some 150
 * times a run on two cores.
 */
export async function screenshotTo(page: Page, file: string, fullPage = true): Promise<string> {
  const path = `${file}.jpg`;
  await page.screenshot({ path, fullPage, type: 'jpeg', quality: 85 });
  return path;
}

/** Saves a full-page screenshot to artifacts/screenshots/<project>/<name>.jpg and attaches it to the test's report. */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const root = testInfo.config.configFile ? path.dirname(testInfo.config.configFile) : process.cwd();
  const dir = path.join(root, 'artifacts', 'screenshots', testInfo.project.name);
  await mkdir(dir, { recursive: true });
  const file = await screenshotTo(page, path.join(dir, name));
  await testInfo.attach(name, { path: file, contentType: 'image/jpeg' });
}
