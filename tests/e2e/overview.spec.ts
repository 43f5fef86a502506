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

/** The parts of the API's answers these tests read (the app parses them fully with its zod schemas). */
interface StatsBody {
  asOf: string;
  total: number;
  byLocality: { era: string; items: Array<{ code: string; name: string; total: number }> };
  monthly: Array<{ month: string; assigned: number; completed: number }>;
  mostOverdue: Array<{ id: string; title: string; articleId: string }>;
}
interface PageBody<T> {
  items: T[];
  total: number;
}
interface ArticleBody {
  id: string;
  title: string;
  date: string;
  illustrative: boolean;
  taskIds: string[];
}
interface TaskBody {
  id: string;
  title: string;
  localityCodes: string[];
}

const SEED_TITLE = 'Ban Thường vụ Tỉnh ủy làm việc với Ban Thường vụ Huyện ủy Chợ Lách';

/** The locality chart's text alternative (a visually hidden table inside the chart's region). */
function localityTable(page: Page, title = 'Theo tỉnh, thành phố') {
  return page.getByRole('region', { name: title }).getByRole('table');
}

async function rowHeaders(page: Page, title?: string): Promise<string[]> {
  return (await localityTable(page, title).getByRole('rowheader').allTextContents()).map((s) => s.trim());
}

/** The value cells of the row whose header is `name`, as shown. */
async function rowCells(table: ReturnType<typeof localityTable>, name: string | RegExp): Promise<string[]> {
  const row = table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name }) });
  await expect(row).toHaveCount(1);
  return row.getByRole('cell').allTextContents();
}

test.describe('overview on the mock API (production build)', () => {
  test("shows the seed article's tasks, with figures equal to the API's", async ({ page }) => {
    await openOverview(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tổng quan tiến độ nhiệm vụ');

    const stats = await apiGet<StatsBody>(page, '/api/v1/stats');
    expect(stats.status).toBe(200);
    const articles = await apiGet<PageBody<ArticleBody>>(page, '/api/v1/articles?pageSize=200');
    const seed = articles.body.items.find((a) => a.title === SEED_TITLE && !a.illustrative);
    expect(seed, 'the seed article is served by the mock API').toBeDefined();
    const seedId = seed?.id ?? '';
    const seedTasks = await apiGet<PageBody<TaskBody>>(page, `/api/v1/tasks?articleId=${seedId}&pageSize=200`);
    expect(seedTasks.body.total, 'tasks assigned by the seed article').toBeGreaterThanOrEqual(13);
    expect(seedTasks.body.items.map((t) => t.title)).toContain('Xây dựng cầu Đình Khao');

    // KPI: the total shown is the API's total, which counts the seed's tasks.
    const totalTile = page.locator('[data-kpi="total"]');
    await expect(totalTile).toContainText('Tổng số nhiệm vụ');
    const shownTotal = parseShownNumber((await totalTile.locator('.kpi-value').textContent()) ?? '');
    expect(shownTotal).toBe(stats.body.total);
    expect(shownTotal).toBeGreaterThanOrEqual(seedTasks.body.total);

    // The date of evaluation in the intro is the API's.
    const [y, m, d] = stats.body.asOf.split('-');
    await expect(page.locator('.page-intro')).toContainText(`${d}/${m}/${y}`);

    // Vĩnh Long (86, which absorbed Bến Tre) counts the seed's Chợ Lách tasks: as many as the API's cross-era filter.
    const vinhLong = await apiGet<StatsBody>(page, '/api/v1/stats?locality=86');
    const chLach = await apiGet<StatsBody>(page, '/api/v1/stats?locality=832&era=pre2025');
    expect(chLach.body.total, 'tasks of huyện Chợ Lách (832)').toBeGreaterThanOrEqual(seedTasks.body.total);
    const vinhLongCells = await rowCells(localityTable(page), 'Vĩnh Long');
    expect(parseShownNumber(vinhLongCells[0] ?? '')).toBe(vinhLong.body.total);
    expect(vinhLong.body.total).toBeGreaterThanOrEqual(chLach.body.total);

    // The monthly chart's table: March 2022 (the seed article's month) shows at least the seed's tasks as assigned.
    const march = stats.body.monthly.find((row) => row.month === '2022-03');
    expect(march?.assigned ?? 0).toBeGreaterThanOrEqual(seedTasks.body.total);
    // (Titled by quarter when the series is long; its table always lists months.)
    const monthly = page.getByRole('region', { name: /^Giao và hoàn thành theo (tháng|quý)$/ }).getByRole('table');
    const marchCells = await rowCells(monthly, /03.*2022/);
    expect(parseShownNumber(marchCells[0] ?? '')).toBe(march?.assigned);

    // The most-overdue table lists exactly the API's most overdue tasks, in order (or says there are none).
    const overdue = page.getByRole('region', { name: 'Nhiệm vụ quá hạn lâu nhất' });
    if (stats.body.mostOverdue.length === 0) {
      await expect(overdue).toContainText('Không có nhiệm vụ nào đang quá hạn.');
    } else {
      const shown = (await overdue.getByRole('rowheader').allTextContents()).map((s) => s.replace(/^★\s*/, '').trim());
      expect(shown).toEqual(stats.body.mostOverdue.map((t) => t.title));
    }
  });

  test("the locality chart's text alternative follows the era switch (Vĩnh Long now, Bến Tre before 1/7/2025)", async ({
    page,
  }) => {
    await openOverview(page);
    await expect(localityTable(page).getByRole('rowheader', { name: 'Vĩnh Long' })).toBeVisible();
    expect(await rowHeaders(page), 'Bến Tre no longer exists after 1/7/2025').not.toContain('Bến Tre');

    // The filter bar is folded into one line; its controls open with "Bộ lọc".
    await page
      .getByRole('region', { name: 'Bộ lọc' })
      .getByRole('button', { name: /^Bộ lọc/ })
      .click();
    const before = page.getByRole('radio', { name: /Trước 1\/7\/2025/ });
    await before.check();
    await expect(before).toBeChecked();
    await expect(page).toHaveURL(/[?&]era=pre2025/);
    await expect(localityTable(page).getByRole('rowheader', { name: 'Bến Tre' })).toBeVisible();

    const pre = await apiGet<StatsBody>(page, '/api/v1/stats?era=pre2025');
    const benTre = pre.body.byLocality.items.find((item) => item.code === '83');
    expect(benTre, 'the API counts tasks in Bến Tre (83) in the pre-2025 view').toBeDefined();
    const cells = await rowCells(localityTable(page), 'Bến Tre');
    expect(parseShownNumber(cells[0] ?? '')).toBe(benTre?.total);

    // And back.
    await page.getByRole('radio', { name: /Hiện nay/ }).check();
    await expect(localityTable(page).getByRole('rowheader', { name: 'Vĩnh Long' })).toBeVisible();
    await expect(localityTable(page).getByRole('rowheader', { name: 'Bến Tre' })).toHaveCount(0);
  });

  test('switching to English changes <html lang> and the interface, and the choice persists', { tag: '@ui' }, async ({
    page,
  }) => {
    await openOverview(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    const en = page.getByRole('button', { name: /^EN\b/ });
    await expect(en).toHaveAttribute('aria-pressed', 'false');
    await en.click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(en).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Progress overview');
    await expect(page.locator('[data-kpi="total"]')).toContainText('Total tasks');

    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Progress overview');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  for (const viewport of VIEWPORTS) {
    const size = `${viewport.width}x${viewport.height}`;
    test.describe(`at ${size}`, { tag: '@ui' }, () => {
      test.use({ viewport });
      test(`reads without horizontal scrolling in both languages (screenshots) at ${size}`, async ({
        page,
      }, testInfo) => {
        await openOverview(page);
        await expectNoHorizontalScroll(page, `vi ${size}`);
        await saveScreenshot(page, testInfo, `overview-vi-${size}`);

        await page.getByRole('button', { name: /^EN\b/ }).click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('Progress overview');
        await expectNoHorizontalScroll(page, `en ${size}`);
        await saveScreenshot(page, testInfo, `overview-en-${size}`);
      });
    });
  }

  test(
    'axe-core finds no serious or critical WCAG 2.1 AA violation, in either language',
    { tag: '@ui' },
    async ({ page }, testInfo) => {
      await openOverview(page);
      const scan = async (language: string) => {
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
        const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        const report = bad.map((v) => {
          const nodes = v.nodes.map((n) => {
            const related = [...n.all, ...n.any, ...n.none]
              .flatMap((check) => check.relatedNodes ?? [])
              .map((r) => `\n        related: ${r.target.join(' ')} ${r.html.slice(0, 160)}`);
            return `    ${n.target.join(' ')}\n      ${n.html.slice(0, 160)}\n      ${n.failureSummary?.replace(/\n/g, '\n      ')}${related.join('')}`;
          });
          return `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes.join('\n')}`;
        });
        await testInfo.attach(`axe-${language}.json`, {
          body: JSON.stringify(results.violations, null, 2),
          contentType: 'application/json',
        });
        expect(bad.length, `axe (${language}):\n${report.join('\n')}`).toBe(0);
      };
      await scan('vi');
      await page.getByRole('button', { name: /^EN\b/ }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await scan('en');
    },
  );

  test('the mock API serves its OpenAPI 3.1 document with the /tasks path', async ({ page }) => {
    await openOverview(page);
    const doc = await apiGet<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(
      page,
      '/api/v1/openapi.json',
    );
    expect(doc.status).toBe(200);
    expect(doc.contentType).toContain('json');
    expect(doc.body.openapi).toMatch(/^3\.1\.\d+$/);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/tasks', '/tasks/{id}', '/stats']));
    expect(doc.body.paths['/tasks']?.get, 'GET /tasks is described').toBeDefined();
  });
});
