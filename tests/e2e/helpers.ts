import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';

/** Set by the overview once its charts are first drawn with data (src/features/dashboard/components/overview-page.tsx). */
export const CHARTS_DRAWN_MARK = 'dt:charts-drawn';

export const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 390, height: 844 },
] as const;

/**
 * Playwright's `test`, plus an automatic check that the page threw no uncaught error and logged no console error
 * during the test (a failing test lists them).
 */
export const test = base.extend<{ pageErrors: string[] }>({
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
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, CHARTS_DRAWN_MARK, {
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

/** Saves a full-page screenshot to artifacts/screenshots/<name>.png and attaches it to the test's report. */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const root = testInfo.config.configFile ? path.dirname(testInfo.config.configFile) : process.cwd();
  const dir = path.join(root, 'artifacts', 'screenshots');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}
