/**
 * The analyst workspace end to end, as a user would: the production build on the mock API, in Chromium.
 * Filter by locality (either era), search with folded Vietnamese, share a link, export and read the files back.
 */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Download, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import {
  apiGet,
  expect,
  expectNoHorizontalScroll,
  openOverview,
  saveScreenshot,
  signInAsAdmin,
  test,
  VIEWPORTS,
} from './helpers';

interface PageBody {
  items: Array<{ id: string; title: string }>;
  total: number;
}
interface StatsBody {
  total: number;
}

const BRIDGE = 'Xây dựng cầu Đình Khao';
/** The row header of the bridge task: a key task, so its title follows the key-task mark. */
const TITLE_OF_BRIDGE = /^(★\s*)?(Nhiệm vụ trọng điểm:\s*)?Xây dựng cầu Đình Khao$/;

/** The task list's rows as shown (only the ones in the DOM: the list is virtualised). */
function rows(page: Page) {
  return page.locator('table.tasks-table tbody tr[data-index]');
}

async function shownIds(page: Page): Promise<string[]> {
  const hrefs = await rows(page)
    .locator('a.task-link')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((h) => decodeURIComponent(h.replace('/tasks/', ''))).sort();
}

async function shownCount(page: Page): Promise<number> {
  const text = (await page.locator('.list-count strong').textContent()) ?? '';
  return Number(text.replace(/\D/g, ''));
}

/** Every id of the API's answer for this query (all pages). */
async function apiIds(page: Page, query: string): Promise<string[]> {
  const first = await apiGet<PageBody>(page, `/api/v1/tasks?${query}&pageSize=200`);
  return first.body.items.map((t) => t.id).sort();
}

/** Unfolds the filter bar (folded into one line by default; it stays as left for the session). */
async function showFilters(page: Page) {
  const toggle = page.getByRole('region', { name: 'Bộ lọc' }).getByRole('button', { name: /^Bộ lọc/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}

async function pickBenTreChoLach(page: Page) {
  await showFilters(page);
  await page.getByRole('radio', { name: /Trước 1\/7\/2025/ }).check();
  await page.getByLabel('Tỉnh, thành phố', { exact: true }).selectOption({ label: 'Bến Tre' });
  await expect(page).toHaveURL(/locality=83(&|$)/);
  await page.getByLabel('Quận, huyện', { exact: true }).selectOption({ label: 'Chợ Lách' });
  await expect(page).toHaveURL(/locality=832/);
  await expect(page.getByText('Đang chọn: Bến Tre › Chợ Lách')).toBeVisible();
}

/** The CSV as a table: its first line is the header row (nothing above it), then one task per row. */
async function readCsvDownload(download: Download) {
  const bytes = await readFile((await download.path()) as string);
  const text = bytes.toString('utf8');
  const table = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' }).data;
  return { bytes, header: table[0] ?? [], body: table.slice(1) };
}

test.describe('analyst workspace (production build)', () => {
  test('Bến Tre › Chợ Lách: only its tasks in the charts and in the table', async ({ page }) => {
    // The table is virtualised (only the rows in view are in the page) and fills the window: make room for all.
    await page.setViewportSize({ width: 1366, height: 1800 });
    await openOverview(page);
    await pickBenTreChoLach(page);
    const stats = await apiGet<StatsBody>(page, '/api/v1/stats?locality=832&era=pre2025');
    expect(stats.body.total).toBeGreaterThanOrEqual(13);
    await expect(page.locator('[data-kpi="total"] .kpi-value')).toHaveText(String(stats.body.total));
    await expect(page.getByRole('region', { name: 'Theo đơn vị thuộc Huyện Chợ Lách' })).toBeVisible();
    // The donut's text alternative adds up to the same total.
    await expect(page.getByRole('region', { name: 'Tình trạng thực hiện' }).locator('.donut-centre-value')).toHaveText(
      String(stats.body.total),
    );

    await page.getByRole('link', { name: 'Nhiệm vụ', exact: true }).click();
    await expect(page).toHaveURL(/\/tasks\?.*locality=832/);
    await expect(page.getByRole('heading', { level: 1, name: 'Danh sách nhiệm vụ' })).toBeVisible();
    await expect.poll(() => shownCount(page)).toBe(stats.body.total);
    const expected = await apiIds(page, 'locality=832&era=pre2025');
    await expect.poll(() => shownIds(page)).toEqual(expected);
    await expect(rows(page).filter({ hasText: BRIDGE }).locator('td.col-locality')).toHaveText('Bến Tre › Chợ Lách');
  });

  test('typing “cau dinh khao” finds the Đình Khao bridge task', async ({ page }) => {
    await page.goto('/tasks');
    await expect(rows(page).first()).toBeVisible();
    await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('cau dinh khao');
    await expect(page).toHaveURL(/q=cau\+dinh\+khao/);
    await expect(rows(page).first().getByRole('rowheader')).toHaveText(TITLE_OF_BRIDGE);
    await expect.poll(() => shownCount(page)).toBeGreaterThanOrEqual(1);
    // And on the overview, the same search narrows the charts.
    await page.getByRole('link', { name: 'Tổng quan' }).click();
    await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('cau dinh khao');
    const stats = await apiGet<StatsBody>(page, '/api/v1/stats?q=cau%20dinh%20khao');
    await expect(page.locator('[data-kpi="total"] .kpi-value')).toHaveText(String(stats.body.total));
  });

  test('today’s Vĩnh Long still shows the 2022 Chợ Lách tasks', async ({ page }) => {
    await page.goto('/tasks');
    await showFilters(page);
    await page.getByLabel('Tỉnh, thành phố', { exact: true }).selectOption({ label: 'Vĩnh Long' });
    await expect(page).toHaveURL(/locality=86/);
    await expect(page.getByRole('button', { name: 'Bỏ lọc Địa bàn: Vĩnh Long' })).toBeVisible();
    await expect(page.getByText(/Nhiệm vụ giao trước ngày 1\/7\/2025/)).toBeVisible();
    const vinhLong = await apiGet<PageBody>(page, '/api/v1/tasks?locality=86&pageSize=200');
    const choLach = await apiIds(page, 'locality=832&era=pre2025');
    expect(vinhLong.body.items.map((t) => t.id)).toEqual(expect.arrayContaining(choLach));
    await expect.poll(() => shownCount(page)).toBe(vinhLong.body.total);
    // Narrow to the bridge: the 2022 task, filed under huyện Chợ Lách, is there.
    await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('cau dinh khao');
    const row = rows(page).filter({ hasText: BRIDGE });
    await expect(row).toHaveCount(1);
    await expect(row.locator('td.col-locality')).toHaveText('Bến Tre › Chợ Lách');
  });

  test('a copied link opens the same view in a fresh browser context', { tag: '@ui' }, async ({
    page,
    browser,
    appMode,
    baseURL,
  }) => {
    await openOverview(page);
    await pickBenTreChoLach(page);
    await page.getByRole('link', { name: 'Nhiệm vụ', exact: true }).click();
    // The task list's own filter bar (the overview's stays until the route's code has loaded: a menu opened there
    // would close under the click).
    await expect(page.getByRole('heading', { level: 1, name: 'Danh sách nhiệm vụ' })).toBeVisible();
    const bar = page.getByRole('region', { name: 'Bộ lọc' });
    await bar.getByRole('button', { name: /^Tình trạng/ }).click();
    await bar.getByRole('checkbox', { name: 'Hoàn thành đúng hạn' }).check();
    await page.keyboard.press('Escape');
    await page
      .getByRole('table')
      .getByRole('button', { name: /^Nhiệm vụ/ })
      .click();
    await expect(page).toHaveURL(/sort=title/);
    await expect(page.getByRole('columnheader', { name: /Nhiệm vụ/ })).toHaveAttribute('aria-sort', 'ascending');
    const link = page.url();
    await expect.poll(() => shownCount(page)).toBeGreaterThan(0);
    const count = await shownCount(page);
    const titles = await rows(page).getByRole('rowheader').allTextContents();
    const chips = await page.getByRole('list', { name: 'Bộ lọc đang áp dụng' }).getByRole('button').allTextContents();

    const fresh = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    try {
      // On the server a fresh browser is signed out: the same person signs in there first.
      if (appMode === 'server') await signInAsAdmin(fresh, baseURL ?? '');
      const other = await fresh.newPage();
      await other.goto(link);
      await expect(other.getByRole('heading', { level: 1, name: 'Danh sách nhiệm vụ' })).toBeVisible();
      await expect.poll(() => shownCount(other)).toBe(count);
      await expect(other.getByRole('list', { name: 'Bộ lọc đang áp dụng' }).getByRole('button')).toHaveText(chips);
      await expect(other.getByRole('columnheader', { name: /Nhiệm vụ/ })).toHaveAttribute('aria-sort', 'ascending');
      await expect(rows(other).getByRole('rowheader')).toHaveText(titles);
      await showFilters(other);
      await expect(other.getByRole('radio', { name: /Trước 1\/7\/2025/ })).toBeChecked();
      expect(other.url()).toBe(link);
    } finally {
      await fresh.close();
    }
  });

  test('a link with malformed values shows the view without them, and says what was dropped', { tag: '@ui' }, async ({
    page,
  }) => {
    await page.goto('/tasks?status=done&status=bogus&locality=99999&deadlineFrom=2022-02-30');
    const notice = page.getByRole('alert').filter({ hasText: 'Liên kết có giá trị không hợp lệ' });
    await expect(notice).toContainText('Trạng thái = “bogus”');
    await expect(notice).toContainText('Thời hạn từ = “2022-02-30”');
    await expect(notice).toContainText('Địa bàn = “99999”');
    await expect(page).toHaveURL(/\/tasks\?status=done$/);
    await expect(page.getByRole('button', { name: 'Bỏ lọc Trạng thái: Hoàn thành' })).toBeVisible();
    await notice.getByRole('button', { name: 'Đóng thông báo' }).click();
    await expect(notice).toHaveCount(0);
  });

  test('the CSV and XLSX downloads read back with correct diacritics and the right rows', async ({ page }) => {
    await page.goto('/tasks?locality=832&era=pre2025');
    // The mock API answers once the app has started its service worker: wait for the list first.
    await expect(rows(page).first()).toBeVisible();
    const ids = await apiIds(page, 'locality=832&era=pre2025');
    await expect.poll(() => shownCount(page)).toBe(ids.length);

    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải CSV' }).click(),
    ]);
    expect(csvDownload.suggestedFilename()).toMatch(/^nhiem-vu-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readCsvDownload(csvDownload);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.header.slice(0, 3)).toEqual(['Mã', 'Nhiệm vụ', 'Địa bàn']);
    expect(csv.body.map((r) => r[0]).sort()).toEqual(ids);
    const bridge = csv.body.find((r) => r[1] === BRIDGE);
    expect(bridge?.[2]).toBe('Bến Tre › Chợ Lách');
    await expect(page.getByText(/Đã tạo tệp nhiem-vu-.*\.csv/)).toBeVisible();

    const [xlsxDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải Excel (XLSX)' }).click(),
    ]);
    expect(xlsxDownload.suggestedFilename()).toMatch(/^nhiem-vu-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await xlsxDownload.path()) as string);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Nhiệm vụ', 'Bộ lọc']);
    const sheet = wb.worksheets[0] as ExcelJS.Worksheet;
    const xlsxIds: string[] = [];
    const titles: string[] = [];
    sheet.eachRow((row, i) => {
      if (i === 1) return;
      xlsxIds.push(String(row.getCell(1).value));
      titles.push(String(row.getCell(2).value));
    });
    expect(xlsxIds.sort()).toEqual(ids);
    expect(titles).toContain(BRIDGE);
    const described: string[] = [];
    wb.worksheets[1]?.eachRow((row) => {
      described.push((row.values as unknown[]).slice(1).join(' = '));
    });
    expect(described).toContain('Bộ lọc: Địa bàn = Bến Tre › Chợ Lách');
  });

  test('a chart saves as a PNG for a slide deck', { tag: '@ui' }, async ({ page }) => {
    await openOverview(page);
    const donut = page.getByRole('region', { name: 'Tình trạng thực hiện' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      donut.getByRole('button', { name: /dạng ảnh PNG/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^tinh-trang-thuc-hien-\d{4}-\d{2}-\d{2}\.png$/);
    const bytes = await readFile((await download.path()) as string);
    expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(bytes.length).toBeGreaterThan(5_000);
  });

  test('rows are keyboard navigable and Enter opens the task page', { tag: '@ui' }, async ({ page }) => {
    await page.goto('/tasks?q=cau+dinh+khao');
    await expect(rows(page).first().getByRole('rowheader')).toHaveText(TITLE_OF_BRIDGE);
    await rows(page).first().focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/tasks\/[^?]+$/);
    await expect(page.getByRole('heading', { level: 1, name: BRIDGE })).toBeVisible();
  });

  test('drill-down: a KPI tile and a locality bar apply their filter', { tag: '@ui' }, async ({ page }) => {
    await openOverview(page);
    await page.locator('[data-kpi="overdue"]').getByRole('button').click();
    await expect(page).toHaveURL(/timeliness=overdue/);
    await expect(page.getByRole('button', { name: 'Bỏ lọc Tình trạng: Đang thực hiện quá hạn' })).toBeVisible();
    await page.locator('[data-kpi="total"]').getByRole('button').click();
    await expect(page).not.toHaveURL(/timeliness=/);
    const localityCard = page.getByRole('region', { name: 'Theo tỉnh, thành phố' });
    await localityCard.locator('.chart-bar').first().click();
    await expect(page).toHaveURL(/locality=\d+/);
    await expect(page.getByRole('region', { name: /^Theo đơn vị thuộc/ })).toBeVisible();
  });

  test('the comparison ranks Bến Tre’s districts, sortable, drillable', { tag: '@ui' }, async ({ page }) => {
    await page.goto('/compare?locality=83&era=pre2025');
    await expect(page.getByRole('heading', { level: 1, name: 'So sánh địa phương' })).toBeVisible();
    const table = page.getByRole('table', { name: 'Bảng so sánh' });
    await expect(table.getByRole('rowheader').first()).toContainText('Chợ Lách');
    await table.getByRole('button', { name: /Tỷ lệ đúng hạn/ }).click();
    await expect(page).toHaveURL(/sort=-onTimeRate/);
    await expect(page.getByRole('region', { name: 'Xếp hạng theo Tỷ lệ đúng hạn' })).toBeVisible();
    await table.getByRole('button', { name: /^Chợ Lách/ }).click();
    await expect(page).toHaveURL(/locality=832/);
    await expect(page.getByText('Các đơn vị thuộc Huyện Chợ Lách, đặt cạnh nhau theo bộ lọc đang chọn.')).toBeVisible();
  });

  test(
    'axe-core finds no serious or critical violation on /tasks and /compare',
    { tag: '@ui' },
    async ({ page }, testInfo) => {
      for (const url of ['/tasks?locality=832&era=pre2025', '/compare?locality=83&era=pre2025']) {
        await page.goto(url);
        await expect(page.locator('.list-toolbar')).toBeVisible();
        await page.waitForTimeout(500);
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
        const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        await testInfo.attach(`axe-${url.split('?')[0]?.slice(1)}.json`, {
          body: JSON.stringify(results.violations, null, 2),
          contentType: 'application/json',
        });
        expect(
          bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
          `axe on ${url}`,
        ).toEqual([]);
      }
    },
  );

  for (const viewport of VIEWPORTS) {
    const size = `${viewport.width}x${viewport.height}`;
    test.describe(`at ${size}`, { tag: '@ui' }, () => {
      test.use({ viewport });
      test(`the analyst screens read without horizontal scrolling, in both languages, at ${size}`, async ({
        page,
      }, testInfo) => {
        for (const [name, url] of [
          ['overview-filtered', '/?locality=832&era=pre2025'],
          ['tasks', '/tasks?locality=832&era=pre2025'],
          ['compare', '/compare?locality=83&era=pre2025'],
        ] as const) {
          await page.goto(url);
          await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
          await page.waitForTimeout(800);
          await expectNoHorizontalScroll(page, `${name} vi ${size}`);
          await saveScreenshot(page, testInfo, `analyst-${name}-vi-${size}`);
          await page.getByRole('button', { name: /^EN\b/ }).click();
          await expect(page.locator('html')).toHaveAttribute('lang', 'en');
          await page.waitForTimeout(300);
          await expectNoHorizontalScroll(page, `${name} en ${size}`);
          await saveScreenshot(page, testInfo, `analyst-${name}-en-${size}`);
          await page.getByRole('button', { name: /^VI\b/ }).click();
        }
      });
    });
  }
});
