import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, expectNoHorizontalScroll, openOverview, saveScreenshot, test } from './helpers';

/** The bottom of the tiles and of the first row of charts, and the window's height. */
async function foldOf(page: Page) {
  return page.evaluate(() => ({
    tiles: Math.round(document.querySelector('.kpi-grid')?.getBoundingClientRect().bottom ?? Number.POSITIVE_INFINITY),
    charts: Array.from(document.querySelectorAll('.chart-grid > .chart-card'))
      .slice(0, 2)
      .map((card) => Math.round(card.getBoundingClientRect().bottom)),
    height: window.innerHeight,
  }));
}

test.describe('a desk screen (1366×768)', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('with 100,000 tasks, the tiles and the whole first row of charts are above the fold', { tag: '@demo' }, async ({
    page,
  }) => {
    await openOverview(page);
    await page.getByLabel('Dữ liệu demo').selectOption('synthetic-100k');
    await expect(page.locator('[data-kpi="total"] .kpi-value')).toHaveText(/^\d{3}\.\d{3}$/, { timeout: 60_000 });
    await expect(page.locator('.chart-grid > .chart-card[data-state="ready"]')).toHaveCount(4);
    const fold = await foldOf(page);
    expect(fold.charts).toHaveLength(2);
    for (const bottom of [fold.tiles, ...fold.charts])
      expect(bottom, JSON.stringify(fold)).toBeLessThanOrEqual(fold.height);
  });
});

test.describe('on a phone (390×844)', { tag: '@ui' }, () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the header is one line over the navigation; the account folds behind a button', async ({ page }) => {
    await openOverview(page);
    const header = await page.locator('.app-header').boundingBox();
    expect(header?.height, 'header height').toBeLessThanOrEqual(100);
    await expect(page.locator('.account-panel')).toBeHidden();

    const toggle = page.getByRole('button', { name: /^Tài khoản: / });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
    await expect(page.locator('.account-role')).toBeVisible();

    await page.keyboard.press('Escape');
    await expect(page.locator('.account-panel')).toBeHidden();
    await expect(toggle).toBeFocused();
    // Nothing of the header is hidden for good: the navigation's first entries are on screen.
    await expect(page.getByRole('navigation').getByRole('link').first()).toBeInViewport();
  });
});

test.describe('the admin’s audit trail', { tag: '@ui' }, () => {
  /** The top of each audit filter's label, by its text. */
  const labelTops = (page: Page) =>
    page
      .locator('.audit-filters label')
      .evaluateAll((labels) =>
        Object.fromEntries(labels.map((l) => [l.textContent?.trim() ?? '', Math.round(l.getBoundingClientRect().top)])),
      );

  test('scrolls inside its card on a phone, and a wrong date keeps the filters’ labels in line', async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/admin?tab=audit');
    await expect(page.getByRole('cell', { name: 'Đăng nhập' }).first()).toBeVisible();
    await page.getByLabel('Từ ngày').fill('31/06/2026');
    await page.getByLabel('Từ ngày').blur();
    await expect(page.getByText(/^Ngày chưa đúng/)).toBeVisible();
    await expectNoHorizontalScroll(page, '/admin?tab=audit at 390 px');
    // The table is the one to scroll sideways, and takes the focus to be scrolled by keyboard.
    const trail = page.getByRole('region', { name: 'Bảng nhật ký thay đổi' });
    await expect(trail).toHaveAttribute('tabindex', '0');
    const box = await trail.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    // Side by side on a phone: the task's field and the first day, whose message is under its field.
    let tops = await labelTops(page);
    expect(tops['Mã nhiệm vụ'], JSON.stringify(tops)).toBe(tops['Từ ngày']);
    await saveScreenshot(page, testInfo, 'admin-audit-390');
    const scan = await new AxeBuilder({ page })
      .include('.admin-page')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
      .analyze();
    const serious = scan.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    await page.setViewportSize({ width: 1366, height: 768 });
    await expectNoHorizontalScroll(page, '/admin?tab=audit at 1366 px');
    tops = await labelTops(page);
    expect(new Set(Object.values(tops)).size, JSON.stringify(tops)).toBe(1);
    await saveScreenshot(page, testInfo, 'admin-audit-1366');
  });
});
