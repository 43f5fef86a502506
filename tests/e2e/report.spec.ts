import type { Page } from '@playwright/test';
import { expect, expectNoHorizontalScroll, openOverview, saveScreenshot, test } from './helpers';

/** Pages of a PDF: its page objects (`/Type /Page`, not the `/Type /Pages` tree nodes). */
function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;
}

/** What the printed page shows of the app's controls: none may be visible. */
async function visibleControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // The tiles and the status line are buttons on screen and figures on paper.
    const selector = [
      'button:not(.kpi-button):not(.status-button)',
      'select',
      'input',
      'textarea',
      '[role="combobox"]',
      'nav',
      '.app-header',
      '.filter-bar',
      '.chart-png',
      '.see-all',
    ].join(',');
    return Array.from(document.querySelectorAll<HTMLElement>(selector))
      .filter((el) => el.checkVisibility() && el.getBoundingClientRect().width > 0)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').trim().slice(0, 40)}"`);
  });
}

/** The width each chart is drawn at, and the width of the box it is drawn in. */
async function chartWidths(page: Page): Promise<Array<{ drawn: number; box: number }>> {
  return page.locator('.overview .chart-drawing').evaluateAll((drawings) =>
    drawings.map((d) => ({
      drawn: Number(d.querySelector('svg.chart-svg')?.getAttribute('width') ?? 0),
      box: d.clientWidth,
    })),
  );
}

test.describe('the overview printed as a report (A4)', { tag: '@ui' }, () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('two or three A4 pages: the head, the tiles, the charts at the page width, the key projects and the overdue list, no control', async ({
    page,
  }, testInfo) => {
    await openOverview(page);
    await expect(page.locator('.flagship-item').first()).toBeVisible();
    const screen = await chartWidths(page);
    expect(screen).toHaveLength(4);

    // "In báo cáo" opens the browser's print dialog, as Ctrl+P does.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await page.getByRole('button', { name: 'In báo cáo' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    const pdf = await page.pdf({ format: 'A4' });
    const pages = pdfPageCount(pdf);
    await testInfo.attach('overview.pdf', { body: pdf, contentType: 'application/pdf' });
    expect(pages, 'pages of the printed overview').toBeGreaterThanOrEqual(2);
    expect(pages, 'pages of the printed overview').toBeLessThanOrEqual(3);

    // The page as printed: print media at the width between an A4 page's margins (190 mm).
    await page.setViewportSize({ width: 718, height: 1047 });
    await page.emulateMedia({ media: 'print' });
    expect(await visibleControls(page), 'controls visible in print').toEqual([]);
    await expect(page.locator('.print-head')).toBeVisible();
    await expect(page.locator('.print-head')).toContainText('Báo cáo tiến độ thực hiện nhiệm vụ chỉ đạo');
    await expect(page.locator('.print-head')).toContainText('Tất cả nhiệm vụ');
    await expect(page.locator('[data-kpi="total"]')).toBeVisible();
    await expect(page.locator('.flagship-board')).toBeVisible();
    await expect(page.locator('.overdue-card')).toBeVisible();
    // Every chart is drawn for its half of the page, within its box: not at the screen's width, cut or shrunk.
    const printed = await chartWidths(page);
    for (const [i, { drawn, box }] of printed.entries()) {
      expect(drawn, `chart ${i + 1} drawn for paper`).toBeLessThan((screen[i]?.drawn ?? 0) - 100);
      expect(drawn, `chart ${i + 1} fits its box`).toBeLessThanOrEqual(box + 1);
      expect(drawn, `chart ${i + 1} fills its box`).toBeGreaterThan(box - 40);
    }
    await saveScreenshot(page, testInfo, 'overview-print-media');

    // Back on screen, the charts fill their boxes again.
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1366, height: 768 });
    await expect
      .poll(async () => (await chartWidths(page)).map(({ drawn, box }) => Math.abs(drawn - box) <= 2))
      .toEqual([true, true, true, true]);
  });

  test('a search prints its scope and the tasks it found, still on two or three pages', async ({ page }, testInfo) => {
    await openOverview(page, '/?q=cau');
    await expect(page.locator('.matching-tasks')).toBeVisible();
    const pdf = await page.pdf({ format: 'A4' });
    await testInfo.attach('overview-search.pdf', { body: pdf, contentType: 'application/pdf' });
    const pages = pdfPageCount(pdf);
    expect(pages, 'pages of the printed search').toBeGreaterThanOrEqual(2);
    expect(pages, 'pages of the printed search').toBeLessThanOrEqual(3);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.print-head')).toContainText('cau');
    await expect(page.locator('.matching-tasks')).toBeVisible();
    expect(await visibleControls(page), 'controls visible in print').toEqual([]);
  });
});

/** The width the page's one chart is drawn at, and the width of its box. */
async function chartWidth(page: Page, drawing: string): Promise<{ drawn: number; box: number }> {
  return page.locator(drawing).evaluate((d) => ({
    drawn: Number(d.querySelector('svg.recharts-surface')?.getAttribute('width') ?? 0),
    box: d.clientWidth,
  }));
}

test.describe('the comparison and a task’s progress printed (A4)', { tag: '@ui' }, () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  const pages = [
    { name: 'compare', url: '/compare?locality=83&era=pre2025', drawing: '.compare-page .chart-drawing' },
    { name: 'task-progress', url: '/tasks/t-000-02', drawing: '.progress-chart-card .chart-drawing' },
  ];
  for (const { name, url, drawing } of pages) {
    test(`${name}: the chart is drawn for the page’s width on paper, within its box`, async ({ page }, testInfo) => {
      await page.goto(url);
      await expect(page.locator(`${drawing} svg.recharts-surface`)).toBeVisible({ timeout: 30_000 });
      const screen = await chartWidth(page, drawing);
      expect(Math.abs(screen.drawn - screen.box), 'fills its box on screen').toBeLessThanOrEqual(2);

      // A printing browser lays the page out for paper without the chart measuring its box again: the chart takes
      // its paper width as soon as the page prints, whatever the window's width.
      await page.emulateMedia({ media: 'print' });
      const atWindow = await chartWidth(page, drawing);
      // The page as printed: print media at the width between an A4 page's margins (190 mm).
      await page.setViewportSize({ width: 718, height: 1047 });
      const printed = await chartWidth(page, drawing);
      expect(atWindow.drawn, 'drawn for paper, not for the window').toBe(printed.drawn);
      expect(printed.drawn, 'fits its box').toBeLessThanOrEqual(printed.box + 1);
      expect(printed.drawn, 'fills its box').toBeGreaterThan(printed.box - 40);
      await saveScreenshot(page, testInfo, `${name}-print-media`);
      // The page fits the paper's width (the comparison's table too), and the units are named in it.
      await expectNoHorizontalScroll(page, `${name} printed`);
      if (name === 'compare') await expect(page.locator('.compare-table tbody th').first()).toHaveText(/\S/);

      // Back on screen, the chart fills its box again.
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1366, height: 768 });
      await expect
        .poll(async () => {
          const { drawn, box } = await chartWidth(page, drawing);
          return Math.abs(drawn - box) <= 2;
        })
        .toBe(true);
    });
  }
});
