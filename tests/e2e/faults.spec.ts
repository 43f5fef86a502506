/**
 * Every fault scenario of the mock API (mocks/scenarios.ts) on the overview, the task list, a task page and the
 * presentation, in Chromium on the production build (CSP included): a clear message in Vietnamese where data could
 * not be had, never a blank page, no uncaught exception or console error (but the browser's own log line for a
 * deliberate 500), the last good data kept when a refresh fails, markup in the data shown as text and never run,
 * 10,000-character titles kept inside their cells. Screenshots of each scenario × screen: artifacts/faults/.
 *
 * The scenario lives in the page (the mock API runs there, its choice remembered in localStorage), so each test's
 * fresh browser context starts on 'none' (checked below). A test presets it before the app starts, or switches it
 * with the same PUT /api/v1/_mock a person's settings page sends.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { LONG_TITLE_LENGTH, type Scenario, SLOW_MS, UNKNOWN_LOCALITY } from '../../mocks/scenarios';
import {
  advanceUntilVisible,
  test as base,
  expect,
  expectNoHorizontalScroll,
  screenshotTo,
  slideSettled,
} from './helpers';

const SCENARIO_KEY = 'directive-tracker.mock.scenario';
const CLIENT_TIMEOUT_MS = 15_000;

type ScreenName = 'overview' | 'tasks' | 'task' | 'present';
const SCREENS: Record<ScreenName, string> = {
  overview: '/',
  tasks: '/tasks',
  task: '/tasks/t-000-09',
  present: '/present?duration=5',
};

/** What the interface says when the data could not be had (src/i18n/vi.ts `errors.*`, vi/present.ts). */
const MESSAGE = {
  'server-error': /Máy chủ đang gặp sự cố \(mã 500\)/,
  'malformed-json': /Máy chủ trả về dữ liệu không hợp lệ/,
  'schema-break': /Máy chủ trả về dữ liệu không hợp lệ/,
  timeout: /Máy chủ phản hồi quá lâu/,
} as const;
/** The show never puts an error on the wall: its title slide says it is retrying. */
const PRESENT_RETRYING = 'Chưa kết nối được máy chủ số liệu — đang thử lại…';
/** Any error text of the interface (to prove a state is not an error). */
const ANY_ERROR = /Máy chủ|không hợp lệ|Đã xảy ra lỗi|Phần này gặp lỗi|Không kết nối được|Chưa kết nối được/;

/**
 * Fails when the page shows any error text (the scenario banner and the demo dataset menu aside: they name the
 * scenario, e.g. "Máy chủ chậm (5 giây)").
 */
async function expectNoErrorText(page: Page) {
  const shown = await page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const parts: string[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.parentElement?.closest('.scenario-banner, select, script, style')) parts.push(n.textContent ?? '');
    }
    return parts.join(' ');
  });
  expect(shown).not.toMatch(ANY_ERROR);
}

/** The browser's own log line for a response with this status (it is no error of the app). */
const failedLoad = (status: number, where: string) =>
  new RegExp(
    `^console\\.error: Failed to load resource: the server responded with a status of ${status} \\([^)]*\\)` +
      ` \\(http://[^ ]+${where.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^ ]*\\)$`,
  );

/**
 * helpers' `test`, plus `allowFailedLoads(500)`: a test of a deliberate 500 lets the browser's "Failed to load
 * resource … status of 500" lines through, and nothing else (the watcher in helpers.ts still fails on any other).
 */
const test = base.extend<{ allowFailedLoads: (status: number, where?: string) => void }>({
  allowFailedLoads: async ({ pageErrors }, use) => {
    const allowed: RegExp[] = [];
    await use((status, where = '/api/v1/') => allowed.push(failedLoad(status, where)));
    const rest = pageErrors.filter((e) => !allowed.some((re) => re.test(e)));
    pageErrors.splice(0, pageErrors.length, ...rest);
  },
});

test.describe.configure({ mode: 'parallel' });
test.use({ viewport: { width: 1366, height: 768 } });

/** Before the app starts: the scenario the mock API boots with, and a record of any CSP violation. */
async function prepare(page: Page, scenario: Scenario) {
  await page.addInitScript(
    ({ key, scenario }) => {
      localStorage.setItem(key, scenario);
      const w = window as unknown as { __csp: string[]; __t0: number };
      w.__csp = [];
      // When the document started, on the page's clock (installed by a test or not, it runs from the real time).
      w.__t0 = Date.now();
      // (zod 4 probes once whether `new Function` is allowed, and falls back when CSP says no: a "script-src eval"
      // report that is no markup; markup would show as an inline script or handler, blockedURI "inline".)
      document.addEventListener('securitypolicyviolation', (e) =>
        w.__csp.push(`${e.effectiveDirective} ${e.sample} ${e.blockedURI}`),
      );
    },
    { key: SCENARIO_KEY, scenario },
  );
}

/** Switches the page's mock API to `scenario`, as the settings page does (PUT /api/v1/_mock), from inside the page. */
async function setScenario(page: Page, scenario: Scenario) {
  const now = await page.evaluate(async (s) => {
    const response = await fetch('/api/v1/_mock', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ scenario: s }),
    });
    return ((await response.json()) as { scenario?: string }).scenario;
  }, scenario);
  expect(now, `the mock API switched to ${scenario}`).toBe(scenario);
}

async function currentScenario(page: Page): Promise<string | undefined> {
  return page.evaluate(async () => {
    const response = await fetch('/api/v1/_mock', { headers: { Accept: 'application/json' } });
    return ((await response.json()) as { scenario?: string }).scenario;
  });
}

/** Always back to 'none' (each context is fresh anyway; this also stops a failing scenario's retries). */
test.afterEach(async ({ page }) => {
  if (page.isClosed() || !page.url().startsWith('http')) return;
  await setScenario(page, 'none').catch(() => undefined);
});

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  const root = testInfo.config.configFile ? path.dirname(testInfo.config.configFile) : process.cwd();
  const dir = path.join(root, 'artifacts', 'faults');
  await mkdir(dir, { recursive: true });
  const file = await screenshotTo(page, path.join(dir, name));
  await testInfo.attach(name, { path: file, contentType: 'image/jpeg' });
}

const slide = (page: Page) => page.locator('[data-slide-kind]');
const figureSlide = (page: Page) => page.locator('[data-slide-kind]:not([data-slide-kind="title"])');

/** Never a blank page: the app's shell and the page's h1 (the show: a slide with its h1). */
async function expectStanding(page: Page, screen: ScreenName) {
  if (screen === 'present') {
    await expect(slide(page)).toBeVisible();
    await expect(slide(page).getByRole('heading', { level: 1 })).toBeVisible();
    return;
  }
  await expect(page.getByRole('navigation', { name: 'Điều hướng chính' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
}

/** What shows the screen's data from the API (figures, rows, the task, a figure slide). */
function dataShown(page: Page, screen: ScreenName): Locator {
  switch (screen) {
    case 'overview':
      return page.locator('[data-kpi="total"] .kpi-value').filter({ hasText: /\d/ });
    case 'tasks':
      return page.locator('.task-row').first();
    case 'task':
      return page.getByRole('heading', { level: 1, name: /Đình Khao/ });
    case 'present':
      return figureSlide(page);
  }
}

/** The screen shows data from the API. */
async function expectData(page: Page, screen: ScreenName, timeout = 30_000) {
  await expect(dataShown(page, screen)).toBeVisible({ timeout });
}

/** The screen's loading state (before any data). */
function loadingState(page: Page, screen: ScreenName): Locator {
  switch (screen) {
    case 'overview':
      return page.locator('.chart-card [role="status"]', { hasText: 'Đang tải số liệu…' }).first();
    case 'tasks':
      return page.getByRole('status').filter({ hasText: 'Đang tải danh sách…' });
    case 'task':
      return page.getByRole('status').filter({ hasText: 'Đang tải nhiệm vụ…' });
    case 'present':
      return slide(page).getByRole('status').filter({ hasText: 'Đang tải số liệu…' });
  }
}

/** The message where the data could not be had. */
function failureMessage(page: Page, screen: ScreenName, message: RegExp): Locator {
  return screen === 'present'
    ? page.locator('[data-slide-kind="title"]').getByRole('status').filter({ hasText: PRESENT_RETRYING })
    : page.getByRole('alert').filter({ hasText: message }).first();
}

/** Steps the (paused) show to the first slide of `kind`; returns false when the show has none. */
async function showSlide(page: Page, kind: string): Promise<boolean> {
  if (!(await page.locator('.p-paused').isVisible())) {
    await page.locator('main').focus();
    await page.keyboard.press('Space');
    await expect(page.locator('.p-paused')).toBeVisible();
  }
  const total = Number(((await page.locator('.p-counter').textContent()) ?? '0/0').split('/')[1]);
  for (let i = 0; i <= total; i++) {
    if ((await slide(page).getAttribute('data-slide-kind')) === kind) {
      await slideSettled(page); // the slide's fade-in (its fit-to-box steps run before it is painted)
      return true;
    }
    await page.keyboard.press('ArrowRight');
  }
  return false;
}

// ─── Transport faults: a message in Vietnamese, the page stands ─────────────────────────────────────────────────

const ALL: ScreenName[] = ['overview', 'tasks', 'task', 'present'];

/** When the document started, on the page's clock (recorded by prepare(), before any of the app's requests). */
const documentStart = (page: Page) => page.evaluate(() => (window as unknown as { __t0: number }).__t0);

for (const scenario of ['server-error', 'malformed-json', 'schema-break'] as const) {
  for (const screen of ALL) {
    test(`${scenario} on ${screen}: a clear message in Vietnamese, the page stands`, async ({
      page,
      allowFailedLoads,
    }, testInfo) => {
      if (scenario === 'server-error') allowFailedLoads(500);
      await prepare(page, scenario);
      await page.clock.install();
      await page.goto(SCREENS[screen]);
      await expectStanding(page, screen);
      // Reads are retried with backoff (1 + 2 + 4 s) before a 5xx is reported; a broken body is reported at once.
      await advanceUntilVisible(
        page,
        failureMessage(page, screen, MESSAGE[scenario]),
        await documentStart(page),
        20_000,
      );
      await expectStanding(page, screen);
      expect(await currentScenario(page)).toBe(scenario);
      if (screen !== 'present') {
        await expect(page.getByRole('status').filter({ hasText: /Đang mô phỏng sự cố/ })).toBeVisible();
      }
      await shoot(page, testInfo, `${scenario}-${screen}`);
    });
  }
}

// The client gives up after 15 s; a timeout is not retried (src/app/query-client.ts), so the message follows at once.
for (const screen of ['overview', 'tasks', 'task', 'present'] as const) {
  test(`timeout on ${screen}: loading, then the message after the client's 15 s`, async ({ page }, testInfo) => {
    await prepare(page, 'timeout');
    await page.clock.install();
    await page.goto(SCREENS[screen]);
    await expect(loadingState(page, screen)).toBeVisible();
    await expectStanding(page, screen);
    const message = failureMessage(page, screen, MESSAGE.timeout);
    const waited = await advanceUntilVisible(page, message, await documentStart(page), 45_000);
    expect(waited).toBeGreaterThanOrEqual(CLIENT_TIMEOUT_MS);
    expect(waited, 'the message comes soon after the client gives up (no minute of retries)').toBeLessThan(40_000);
    await expectStanding(page, screen);
    await shoot(page, testInfo, `timeout-${screen}`);
  });
}

for (const screen of ALL) {
  test(`slow on ${screen}: a loading state, then the data after ~5 s`, async ({ page }, testInfo) => {
    await prepare(page, 'slow');
    await page.clock.install();
    await page.goto(SCREENS[screen]);
    await expect(loadingState(page, screen)).toBeVisible();
    await expectStanding(page, screen);
    const waited = await advanceUntilVisible(page, dataShown(page, screen), await documentStart(page), 20_000);
    expect(waited).toBeGreaterThanOrEqual(SLOW_MS);
    await expectNoErrorText(page);
    await shoot(page, testInfo, `slow-${screen}`);
  });
}

// ─── Data faults ────────────────────────────────────────────────────────────────────────────────────────────────

for (const screen of ALL) {
  test(`empty on ${screen}: empty states, not errors`, async ({ page, allowFailedLoads }, testInfo) => {
    // The task asked for does not exist in an empty database: the API answers 404, which the browser logs.
    if (screen === 'task') allowFailedLoads(404, SCREENS.task.replace('/tasks', '/api/v1/tasks'));
    await prepare(page, 'empty');
    await page.goto(SCREENS[screen]);
    await expectStanding(page, screen);
    switch (screen) {
      case 'overview':
        await expect(page.locator('[data-kpi="total"] .kpi-value')).toHaveText('0');
        await expect(page.getByText('Không có nhiệm vụ nào để thống kê.').first()).toBeVisible();
        await expect(page.getByText('Không có nhiệm vụ nào đang quá hạn.')).toBeVisible();
        break;
      case 'tasks':
        await expect(page.getByText('Chưa có nhiệm vụ nào.')).toBeVisible();
        await expect(page.locator('.list-count')).toHaveText('0 nhiệm vụ');
        break;
      case 'task':
        // No task at all: this one is not found (a plain statement, no server trouble, no retry button).
        await expect(page.getByRole('heading', { level: 1, name: /Không tìm thấy nhiệm vụ “t-000-09”/ })).toBeVisible();
        await expect(page.getByRole('button', { name: 'Thử lại' })).toHaveCount(0);
        break;
      case 'present':
        await expect(figureSlide(page)).toBeVisible({ timeout: 30_000 });
        await expect(page.locator('.p-freshness')).toHaveText(/^Số liệu lúc/);
        break;
    }
    await expectNoErrorText(page);
    await shoot(page, testInfo, `empty-${screen}`);
  });
}

/** The title element sits inside its cell (wrapped or clipped there), and neither sticks out of the viewport. */
async function expectInside(title: Locator, cell: Locator, label: string, maxHeight?: number) {
  await expect(title).toBeVisible();
  // A virtualised row may be re-rendered between two reads: read both boxes again until the layout has settled.
  let t: Awaited<ReturnType<Locator['boundingBox']>> = null;
  let c: Awaited<ReturnType<Locator['boundingBox']>> = null;
  for (let attempt = 0; attempt < 20 && (!t || !c); attempt += 1) {
    if (attempt > 0) await title.page().waitForTimeout(150);
    [t, c] = await Promise.all([title.boundingBox(), cell.boundingBox()]);
  }
  if (!t || !c) throw new Error(`${label}: no box`);
  const viewport = await title.page().evaluate(() => window.innerWidth);
  expect(t.x, `${label}: left edge`).toBeGreaterThanOrEqual(c.x - 1);
  expect(t.x + t.width, `${label}: right edge inside its cell`).toBeLessThanOrEqual(c.x + c.width + 1);
  expect(c.x + c.width, `${label}: the cell inside the viewport`).toBeLessThanOrEqual(viewport + 1);
  expect(await title.evaluate((el) => el.scrollWidth <= el.clientWidth + 1), `${label}: no sideways overflow`).toBe(
    true,
  );
  if (maxHeight !== undefined)
    expect(c.height, `${label}: clipped, not 10,000 characters tall`).toBeLessThan(maxHeight);
}

for (const screen of ALL) {
  test(`long-titles on ${screen}: no sideways scrolling, titles inside their cells`, async ({ page }, testInfo) => {
    await prepare(page, 'long-titles');
    await page.goto(SCREENS[screen]);
    await expectStanding(page, screen);
    await expectData(page, screen);
    switch (screen) {
      case 'overview': {
        const cell = page.locator('.overdue-table tbody tr').first().locator('th.task-title-cell');
        expect(((await cell.textContent()) ?? '').length).toBeGreaterThanOrEqual(LONG_TITLE_LENGTH - 2);
        await expectInside(cell, page.locator('.overdue-card'), 'overdue list cell');
        // A few lines, not the whole 10,000 characters (which made the overview some 15,000 px tall).
        await expectInside(cell.getByRole('link'), cell, 'overdue list title', 150);
        break;
      }
      case 'tasks': {
        const link = page.locator('.task-row').first().locator('.task-link');
        expect(((await link.textContent()) ?? '').length).toBeGreaterThanOrEqual(LONG_TITLE_LENGTH - 2);
        await expectInside(link, page.locator('.task-row').first().locator('th').first(), 'task list title', 120);
        break;
      }
      case 'task': {
        const h1 = page.getByRole('heading', { level: 1 });
        expect(((await h1.textContent()) ?? '').length).toBeGreaterThanOrEqual(LONG_TITLE_LENGTH - 2);
        await expectInside(h1, page.locator('main'), 'task page heading');
        break;
      }
      case 'present': {
        for (const kind of ['overdue', 'flagship']) {
          expect(await showSlide(page, kind), `a ${kind} slide`).toBe(true);
          await expectNoHorizontalScroll(page, `long-titles present ${kind}`);
          const box = slide(page);
          const title =
            kind === 'flagship' ? box.getByRole('heading', { level: 1 }) : box.locator('.p-task-title').first();
          await expectInside(title, box, `${kind} slide title`);
          // Cut at a word with "…" (src/features/presentation/utils/shape.ts wallTitle), not 10,000 characters.
          await expect(title).toHaveText(/…$/);
          // Nothing drawn over the control bar, and the title leaves the rest of the slide in view: the flagship's
          // progress, every row of the overdue table.
          const bar = await page.locator('.p-bar').boundingBox();
          const rest = kind === 'flagship' ? box.locator('.p-flagship-progress') : box.locator('.p-table tbody tr');
          expect(await rest.count()).toBeGreaterThan(0);
          for (const el of [box, ...(await rest.all())]) {
            const b = await el.boundingBox();
            expect(b && bar && b.y + b.height <= bar.y + 1, `${kind} slide: in view above the control bar`).toBe(true);
          }
          await shoot(page, testInfo, `long-titles-present-${kind}`);
        }
        break;
      }
    }
    await expectNoHorizontalScroll(page, `long-titles ${screen}`);
    await shoot(page, testInfo, `long-titles-${screen}`);
  });
}

/** Markup from the data never became elements or ran (the page's own scripts are its module files). */
async function expectMarkupInert(page: Page, label: string) {
  const dom = await page.evaluate(() => ({
    xss: (window as unknown as { __xss?: unknown }).__xss,
    csp: ((window as unknown as { __csp?: string[] }).__csp ?? []).filter((v) => !/ eval$/.test(v)),
    imgX: document.querySelectorAll('img[src="x"]').length,
    handlers: document.querySelectorAll('[onerror], [onmouseover]').length,
    bold: Array.from(document.querySelectorAll('b')).filter((b) => b.textContent === 'đậm').length,
    scripts: Array.from(document.querySelectorAll('script')).map((s) => ({ src: s.src, text: s.textContent ?? '' })),
  }));
  expect(dom.xss, `${label}: window.__xss`).toBeUndefined();
  expect(dom.csp, `${label}: CSP violations (something tried to run)`).toEqual([]);
  expect(dom.imgX, `${label}: img[src="x"]`).toBe(0);
  expect(dom.handlers, `${label}: inline handlers`).toBe(0);
  expect(dom.bold, `${label}: <b> from the data`).toBe(0);
  for (const s of dom.scripts) {
    expect(s.text, `${label}: an inline script`).toBe('');
    expect(new URL(s.src).pathname, `${label}: a script`).toMatch(/^\/assets\/[\w.-]+\.js$/);
  }
}

for (const screen of ALL) {
  test(`markup on ${screen}: shown as text, never run`, async ({ page }, testInfo) => {
    await prepare(page, 'markup');
    await page.goto(SCREENS[screen]);
    await expectStanding(page, screen);
    await expectData(page, screen);
    if (screen === 'present') {
      for (const kind of ['overdue', 'flagship']) {
        expect(await showSlide(page, kind), `a ${kind} slide`).toBe(true);
        await expect(slide(page).getByText('<script>').first()).toBeVisible();
        await expectMarkupInert(page, `present ${kind}`);
        await shoot(page, testInfo, `markup-present-${kind}`);
      }
    } else {
      // Where the data is shown (not the scenario banner, which names the scenario "Mã HTML/<script> trong dữ liệu").
      const where = { overview: '.overdue-table', tasks: '.tasks-table', task: '#task-title' }[screen];
      await expect(page.locator(where).getByText('<script>').first()).toBeVisible();
      if (screen === 'task') {
        // The article's text (quote) and the assignee carry markup too.
        await expect(page.getByText('<i onmouseover="window.__xss=1">x</i>').first()).toBeVisible();
      }
    }
    await expectMarkupInert(page, screen);
    await shoot(page, testInfo, `markup-${screen}`);
  });
}

for (const screen of ALL) {
  test(`unknown-locality on ${screen}: the unknown code is named, the rest works`, async ({ page }, testInfo) => {
    await prepare(page, 'unknown-locality');
    await page.goto(SCREENS[screen]);
    await expectStanding(page, screen);
    await expectData(page, screen);
    if (screen === 'task') {
      await expect(page.locator('.locality-unknown')).toContainText(UNKNOWN_LOCALITY);
      // The rest of the page works: its facts, the known localities, the update form.
      await expect(page.getByText('Thông tin nhiệm vụ').first()).toBeVisible();
      await expect(page.getByText(/Vĩnh Long › Xã Chợ Lách/).first()).toBeVisible();
      await expect(page.getByRole('button', { name: 'Lưu cập nhật' })).toBeVisible();
    }
    if (screen === 'overview') await expect(page.locator('[data-kpi="total"] .kpi-value')).toHaveText('56');
    await expectNoErrorText(page);
    await shoot(page, testInfo, `unknown-locality-${screen}`);
  });
}

// ─── The last good data stays when a refresh fails ─────────────────────────────────────────────────────────────

/**
 * Makes the screen refresh the same data, as after 30 s (the queries' staleTime) and a reconnection: the page's
 * clock jumps ahead and the browser says it went offline and back online (TanStack Query refetches then).
 */
async function refreshInPlace(page: Page) {
  await page.clock.fastForward('00:31');
  await page.evaluate(() => {
    window.dispatchEvent(new Event('offline'));
    window.dispatchEvent(new Event('online'));
  });
}

/** What the screen shows of its data, to compare before and after a failed refresh. */
async function shownData(page: Page, screen: Exclude<ScreenName, 'present'>): Promise<string> {
  const el =
    screen === 'overview'
      ? page.locator('[data-kpi]')
      : screen === 'tasks'
        ? page.locator('.task-row .task-link')
        : page.getByRole('heading', { level: 1 });
  return (await el.allTextContents()).join(' | ');
}

const staleBanner = (page: Page, message: RegExp) =>
  page.locator('.banner-warning[role="status"]').filter({ hasText: message });

for (const screen of ['overview', 'tasks', 'task'] as const) {
  test(`${screen} keeps its last good data when a refresh fails (500, malformed JSON, broken schema)`, async ({
    page,
    allowFailedLoads,
  }, testInfo) => {
    allowFailedLoads(500);
    await page.clock.install();
    await page.goto(SCREENS[screen]);
    await expectData(page, screen);
    const before = await shownData(page, screen);
    expect(before).not.toBe('');
    for (const scenario of ['server-error', 'malformed-json', 'schema-break'] as const) {
      await setScenario(page, scenario);
      await refreshInPlace(page);
      const banner = staleBanner(page, MESSAGE[scenario]);
      await expect(banner).toBeVisible({ timeout: 20_000 });
      await expect(banner).toContainText(/Đang hiển thị (số liệu|thông tin) lúc \d{2}:\d{2}/);
      expect(await shownData(page, screen)).toBe(before);
      await expectStanding(page, screen);
      if (scenario === 'server-error') await shoot(page, testInfo, `stale-${screen}`);
      // Back to normal: the next refresh succeeds and the notice goes.
      await setScenario(page, 'none');
      await refreshInPlace(page);
      await expect(page.locator('.banner-warning[role="status"]').filter({ hasText: /Đang hiển thị/ })).toHaveCount(0);
      expect(await shownData(page, screen)).toBe(before);
    }
  });
}

test('the presentation keeps its last good figures when its refresh fails', async ({
  page,
  allowFailedLoads,
}, testInfo) => {
  allowFailedLoads(500);
  await page.clock.install();
  await page.goto('/present?duration=5&refresh=10');
  expect(await showSlide(page, 'kpi')).toBe(true);
  const figures = async () => ((await slide(page).textContent()) ?? '').replace(/\s+/g, ' ');
  const before = await figures();
  expect(before).toMatch(/\d/);
  await expect(page.locator('.p-freshness')).toHaveText(/^Số liệu lúc \d{2}:\d{2}/);
  const stale = page.locator('.p-freshness.p-stale');
  const fresh = page.locator('.p-freshness:not(.p-stale)');
  const t0 = await page.evaluate(() => Date.now());
  for (const scenario of ['server-error', 'malformed-json'] as const) {
    await setScenario(page, scenario);
    // The show refreshes every 10 s by itself (on the page's clock, moved on here); the first failure marks the
    // figures as the last good ones.
    await advanceUntilVisible(page, stale, t0, 30_000);
    await expect(stale).toHaveText(/Mất kết nối — đang hiển thị số liệu lúc/);
    await expect(page.locator('[data-slide-kind="kpi"]')).toBeVisible();
    expect(await figures()).toBe(before);
    if (scenario === 'server-error') await shoot(page, testInfo, 'stale-present');
    await setScenario(page, 'none');
    await advanceUntilVisible(page, fresh, t0, 60_000);
    await expect(stale).toHaveCount(0);
  }
});

// ─── The scenario is the page's: a new context starts clean ────────────────────────────────────────────────────

test('a fresh browser context starts with no scenario; the page remembers its own', async ({ page, browser }) => {
  await page.goto(SCREENS.overview);
  await expectData(page, 'overview');
  expect(await currentScenario(page)).toBe('none');
  await setScenario(page, 'empty');
  // The same context remembers it across a reload (that is what makes the next check meaningful)…
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: /Đang mô phỏng sự cố/ })).toBeVisible();
  await expect(page.locator('[data-kpi="total"] .kpi-value')).toHaveText('0');
  // …and another context knows nothing of it.
  const other = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'vi-VN' });
  try {
    const fresh = await other.newPage();
    await fresh.goto(SCREENS.overview);
    await expect(fresh.locator('[data-kpi="total"] .kpi-value')).toHaveText('56', { timeout: 30_000 });
    expect(await currentScenario(fresh)).toBe('none');
    expect(await fresh.evaluate((k) => localStorage.getItem(k), SCENARIO_KEY)).toBeNull();
    await expect(fresh.getByText(/Đang mô phỏng sự cố/)).toHaveCount(0);
  } finally {
    await other.close();
  }
  await setScenario(page, 'none');
  expect(await page.evaluate((k) => localStorage.getItem(k), SCENARIO_KEY)).toBe('none');
});
