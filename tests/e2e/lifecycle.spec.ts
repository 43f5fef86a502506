import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import {
  apiGet,
  expect,
  expectNoHorizontalScroll,
  openOverview,
  parseShownNumber,
  saveScreenshot,
  test,
  VIEWPORTS,
} from './helpers';

/** The Đình Khao bridge, assigned by the seed article: open at 95 %, without a deadline, in the sample data. */
const BRIDGE = 't-000-09';
const NOTE = 'Đã hoàn thiện đường dẫn hai đầu cầu theo yêu cầu của Sở Xây dựng; cầu đưa vào sử dụng.';

interface StatsBody {
  byTimeliness: Record<string, number>;
  byStatus: Record<string, number>;
}

/**
 * Where mocks/persistence.ts keeps the edits: one database, one object store, one record per task (`task:<id>`);
 * `edits` is the single record of the older layouts.
 */
const IDB = { db: 'directive-tracker-mock', store: 'edits', key: 'edits' };

/** A task's progress as the API has it now (not from the HTTP cache). */
function progressOf(page: Page, id: string): Promise<number> {
  return page.evaluate(async (taskId) => {
    const r = await fetch(`/api/v1/tasks/${taskId}`, { headers: { Accept: 'application/json' }, cache: 'no-store' });
    return ((await r.json()) as { progress: number }).progress;
  }, id);
}

/** The overview's status line: how many tasks it counts as done. */
async function doneShown(page: Page): Promise<number> {
  const button = page.getByRole('button', { name: /^Lọc theo trạng thái Hoàn thành: / });
  await expect(button).toHaveAccessibleName(/\d+ nhiệm vụ$/);
  const name = (await button.getAttribute('aria-label')) ?? (await button.textContent()) ?? '';
  return parseShownNumber(name);
}

async function openTask(page: Page, id = BRIDGE) {
  await page.goto(`/tasks/${id}`);
  await expect(page.getByRole('form', { name: 'Ghi nhận cập nhật tiến độ' })).toBeVisible({ timeout: 30_000 });
}

async function recordUpdate(page: Page, values: { status: string; progress: string; note: string; author: string }) {
  const form = page.getByRole('form', { name: 'Ghi nhận cập nhật tiến độ' });
  await form.getByLabel('Trạng thái').selectOption(values.status);
  await form.getByLabel('Tiến độ (%)').fill(values.progress);
  await form.getByLabel(/^Ghi chú/).fill(values.note);
  // The form asks who writes only where there are no accounts (the signed-in user is the author otherwise).
  const author = form.getByLabel(/^Người cập nhật/);
  if (await author.count()) await author.fill(values.author);
  await form.getByRole('button', { name: 'Lưu cập nhật' }).click();
}

/** Writes a raw value where the mock API keeps its edits (as an older app version or a damaged disk would). */
async function writeStore(page: Page, value: unknown, key = IDB.key) {
  await page.evaluate(
    ({ idb, value }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(idb.db);
        open.onupgradeneeded = () => open.result.createObjectStore(idb.store);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(idb.store, 'readwrite');
          tx.objectStore(idb.store).put(value, idb.key);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { idb: { ...IDB, key }, value },
  );
}

test.describe('task lifecycle on the mock API (production build)', () => {
  test('a progress update on the Đình Khao bridge survives a reload and the overview’s figures reflect it', async ({
    page,
  }, testInfo) => {
    await openOverview(page);
    const before = await apiGet<StatsBody>(page, '/api/v1/stats');
    const shownBefore = await doneShown(page);
    expect(shownBefore).toBe(before.body.byStatus.done);

    await openTask(page);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Xây dựng cầu Đình Khao');
    // The assigning words, highlighted in the article and scrolled into view.
    await expect(page.locator('mark.quote-mark')).toHaveText('xây dựng cầu Đình Khao');
    await expect(page.locator('mark.quote-mark')).toBeInViewport();

    // Finished: the approach roads at both ends are done too (the sample has it open at 95 %).
    await recordUpdate(page, {
      status: 'done',
      progress: '100',
      note: NOTE,
      author: 'Sở Xây dựng tỉnh Vĩnh Long',
    });
    await expect(page.getByRole('status').filter({ hasText: 'Đã lưu cập nhật' })).toBeVisible();
    await saveScreenshot(page, testInfo, 'lifecycle-task-after-update');

    await page.reload();
    const history = page.getByRole('region', { name: 'Lịch sử cập nhật' });
    await expect(history.getByText(NOTE)).toBeVisible({ timeout: 30_000 });
    await expect(history.locator('.history-item').first()).toContainText('Trạng thái: Đang thực hiện → Hoàn thành');
    const facts = page.getByRole('region', { name: 'Thông tin nhiệm vụ' });
    await expect(facts.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');

    await openOverview(page);
    const after = await apiGet<StatsBody>(page, '/api/v1/stats');
    expect(after.body.byStatus.done).toBe((before.body.byStatus.done ?? 0) + 1);
    expect(await doneShown(page)).toBe(shownBefore + 1);
  });

  test('a corrupted record is set aside: the person is told, that task is back to the sample, nothing crashes', {
    tag: '@demo',
  }, async ({ page }) => {
    await openTask(page);
    const sample = await progressOf(page, BRIDGE);
    await recordUpdate(page, { status: 'in_progress', progress: '61', note: NOTE, author: 'A' });
    await expect(page.getByRole('status').filter({ hasText: 'Đã lưu cập nhật' })).toBeVisible();
    await writeStore(page, '{"task":{"id":"t-000-09","version":', `task:${BRIDGE}`);

    await page.reload();
    const notice = page.getByRole('alert').filter({ hasText: 'Một số bản ghi lưu trong trình duyệt không đọc được' });
    await expect(notice).toBeVisible({ timeout: 30_000 });
    await expect(notice).toContainText('Có thể tải về hoặc khôi phục chúng trong Cài đặt');
    const facts = page.getByRole('region', { name: 'Thông tin nhiệm vụ' });
    await expect(facts.getByRole('progressbar')).toHaveAttribute('aria-valuenow', String(sample));
    await notice.getByRole('button', { name: 'Đã hiểu' }).click();
    await expect(notice).toBeHidden();

    // The damaged copy was set aside, so the next start is clean and says nothing.
    await page.reload();
    await expect(page.getByRole('form', { name: 'Ghi nhận cập nhật tiến độ' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText('Một số bản ghi lưu trong trình duyệt không đọc được')).toHaveCount(0);
  });

  test('a store written by an older version is detected too, in English', { tag: '@demo' }, async ({ page }) => {
    await openOverview(page);
    await writeStore(page, { schemaVersion: 0, edits: [] });
    await page.getByRole('button', { name: /^EN\b/ }).click();
    await page.reload();
    await expect(
      page.getByRole('alert').filter({ hasText: 'The data saved in this browser is from an older version of the app' }),
    ).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('[data-kpi="total"] .kpi-value')).toHaveText(/\d/);
  });

  test('a stale save from another tab shows what changed and re-applies on the new version', async ({ context }) => {
    const a = await context.newPage();
    const b = await context.newPage();
    await openTask(a, 't-000-05');
    await openTask(b, 't-000-05');
    // B starts typing first: a form being filled stays on the version it started from (an untouched one would
    // follow A's change live).
    const formB = b.getByRole('form', { name: 'Ghi nhận cập nhật tiến độ' });
    await formB.getByLabel(/^Ghi chú/).fill('Tab B');
    await recordUpdate(a, { status: 'in_progress', progress: '75', note: 'Tab A', author: 'Người A' });
    await expect(a.getByRole('status').filter({ hasText: 'Đã lưu cập nhật' })).toBeVisible();

    await recordUpdate(b, { status: 'in_progress', progress: '80', note: 'Tab B', author: 'Người B' });
    const panel = b.getByRole('alert', { name: 'Nhiệm vụ vừa được cập nhật ở nơi khác' });
    await expect(panel).toContainText('Tab A');
    await expect(panel).toContainText(/Tiến độ \d+% → 75%/);
    await expect(b.getByRole('form', { name: 'Ghi nhận cập nhật tiến độ' }).getByLabel(/^Ghi chú/)).toHaveValue(
      'Tab B',
    );
    await panel.getByRole('button', { name: 'Áp dụng lại cập nhật của tôi' }).click();
    await expect(b.getByRole('status').filter({ hasText: 'Đã lưu cập nhật' })).toBeVisible();

    await a.reload();
    const history = a.getByRole('region', { name: 'Lịch sử cập nhật' });
    const entries = history.locator('.history-item');
    await expect(entries.nth(0)).toContainText('Tab B', { timeout: 30_000 });
    await expect(entries.nth(0)).toContainText('Tiến độ: 75% → 80%');
    await expect(entries.nth(1)).toContainText('Tab A');
  });

  test('“reset sample data” in the settings forgets every edit', { tag: '@demo' }, async ({ page }) => {
    await openTask(page);
    const sample = await progressOf(page, BRIDGE);
    await recordUpdate(page, { status: 'in_progress', progress: '61', note: NOTE, author: 'A' });
    await expect(page.getByRole('status').filter({ hasText: 'Đã lưu cập nhật' })).toBeVisible();
    await page.getByRole('link', { name: 'Cài đặt' }).click();
    const stored = page.getByRole('region', { name: 'Dữ liệu của API giả lập' });
    await expect(stored).toContainText('IndexedDB');
    await expect(stored).toContainText('1 nhiệm vụ');
    await page.getByRole('button', { name: 'Khôi phục dữ liệu mẫu' }).click();
    await page.getByRole('button', { name: 'Xóa và khôi phục' }).click();
    await expect(page.getByText('Đã khôi phục dữ liệu mẫu.')).toBeVisible();
    await page.reload();
    await openTask(page);
    await expect(page.getByRole('region', { name: 'Thông tin nhiệm vụ' }).getByRole('progressbar')).toHaveAttribute(
      'aria-valuenow',
      String(sample),
    );
  });

  test('the article reader links every directive to its task', async ({ page }) => {
    await page.goto('/articles');
    await page
      .getByRole('link', { name: 'Ban Thường vụ Tỉnh ủy làm việc với Ban Thường vụ Huyện ủy Chợ Lách' })
      .click();
    const text = page.getByRole('region', { name: 'Nội dung bài viết' });
    await expect(text.locator('mark a')).toHaveCount(13, { timeout: 30_000 });
    await text.locator('mark a', { hasText: 'xây dựng cầu Đình Khao' }).click();
    await expect(page).toHaveURL(new RegExp(`/tasks/${BRIDGE}$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Xây dựng cầu Đình Khao');
  });

  const SCREENS = [
    { name: 'task', url: `/tasks/${BRIDGE}`, ready: '.history-list' },
    { name: 'articles', url: '/articles', ready: '.article-list' },
    { name: 'article', url: '/articles/a-000', ready: '.directive-list' },
    { name: 'deadlines', url: '/deadlines', ready: '.deadline-section h2' },
    // The demo's settings list what its browser storage holds; the server's say there is nothing to set.
    { name: 'settings', url: '/settings', ready: '.settings-facts, .settings-page > p.card' },
  ] as const;

  for (const viewport of VIEWPORTS) {
    const size = `${viewport.width}x${viewport.height}`;
    test.describe(`at ${size}`, { tag: '@ui' }, () => {
      test.use({ viewport });
      test(`the lifecycle screens read without horizontal scrolling in both languages at ${size}`, async ({
        page,
      }, testInfo) => {
        for (const language of ['vi', 'en'] as const) {
          await page.addInitScript((lng) => localStorage.setItem('directive-tracker.language', lng), language);
          for (const screen of SCREENS) {
            await page.goto(screen.url);
            await expect(page.locator(screen.ready).first()).toBeVisible({ timeout: 30_000 });
            await expectNoHorizontalScroll(page, `${screen.name} ${language} ${size}`);
            await saveScreenshot(page, testInfo, `lifecycle-${screen.name}-${language}-${size}`);
          }
        }
      });
    });
  }

  test(
    'axe-core finds no serious or critical violation on the lifecycle screens',
    { tag: '@ui' },
    async ({ page }, testInfo) => {
      for (const screen of SCREENS) {
        await page.goto(screen.url);
        await expect(page.locator(screen.ready).first()).toBeVisible({ timeout: 30_000 });
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
        const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        await testInfo.attach(`axe-${screen.name}.json`, {
          body: JSON.stringify(results.violations, null, 2),
          contentType: 'application/json',
        });
        expect(
          bad.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
          screen.name,
        ).toEqual([]);
      }
    },
  );
});

test.describe('in an English browser', { tag: '@ui' }, () => {
  test.use({ locale: 'en-US', viewport: { width: 1366, height: 768 } });

  test('the update form shows and takes its date day first, and refuses 31/06/2026 keeping the rest', async ({
    page,
  }, testInfo) => {
    await page.goto('/tasks/t-000-05');
    await page.getByRole('button', { name: /^EN\b/ }).click();
    const form = page.getByRole('form', { name: 'Record a progress update' });
    const date = form.getByLabel('Date of the update', { exact: true });
    // Not the browser's date field, which an English browser shows as mm/dd/yyyy.
    await expect(date).toHaveAttribute('type', 'text');
    await expect(date).toHaveAttribute('placeholder', 'dd/mm/yyyy');
    await expect(date).toHaveValue(/^\d{2}\/\d{2}\/\d{4}$/);

    await form.getByLabel('Progress (%)').fill('60');
    await form.getByLabel(/^Note/).fill('Foundations poured.');
    await date.fill('31/06/2026');
    await form.getByRole('button', { name: 'Save the update' }).click();
    await expect(date).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByText('There is no 31/06/2026 on the calendar: check the day and the month.')).toBeVisible();
    await expect(date).toBeFocused();
    await expect(date).toHaveValue('31/06/2026');
    await expect(form.getByLabel('Progress (%)')).toHaveValue('60');
    await expect(form.getByLabel(/^Note/)).toHaveValue('Foundations poured.');
    await saveScreenshot(page, testInfo, 'update-form-en-invalid-date');

    await date.fill('30/6/2026');
    await form.getByRole('button', { name: 'Save the update' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Update saved' })).toBeVisible();
    const history = page.getByRole('region', { name: 'Update history' });
    await expect(history.locator('.history-item').first()).toContainText('30/06/2026');
  });
});
