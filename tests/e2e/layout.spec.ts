import type { Page } from '@playwright/test';
import { expect, openOverview, test } from './helpers';

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
