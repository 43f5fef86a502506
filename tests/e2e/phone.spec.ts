import { expect, openOverview, test } from './helpers';

test.describe('on a phone (390×844)', () => {
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
