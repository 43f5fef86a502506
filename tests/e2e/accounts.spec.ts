/**
 * Accounts in the demo, in Chromium: a viewer is offered no update and told why; an updater records progress on a
 * task of Vĩnh Long and is told why not elsewhere, and the history names them; an admin finds it in the audit trail.
 */
import { expect, type Page, test } from '@playwright/test';

async function signInAs(page: Page, role: RegExp) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByRole('heading', { name: 'Đăng nhập', exact: true })).toBeVisible();
  await page.getByRole('button', { name: role }).click();
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
}

test('a viewer, an updater and an admin each see what their role may do', async ({ page }) => {
  await signInAs(page, /Người xem/);
  await page.getByRole('link', { name: 'Nhiệm vụ' }).first().click();
  await page.goto('/tasks/t-000-02');
  await expect(page.getByText('Vai trò Người xem chỉ xem, không cập nhật được nhiệm vụ.')).toBeVisible();
  await expect(page.getByRole('form', { name: 'Ghi nhận cập nhật tiến độ' })).toHaveCount(0);

  await signInAs(page, /Cán bộ cập nhật/);
  await page.goto('/tasks/t-000-02');
  const form = page.getByRole('form', { name: 'Ghi nhận cập nhật tiến độ' });
  await expect(form).toBeVisible();
  await expect(form.getByLabel(/^Người cập nhật/)).toHaveCount(0);
  await form.getByLabel(/^Ghi chú/).fill('Cập nhật từ cán bộ Vĩnh Long.');
  await form.getByRole('button', { name: 'Lưu cập nhật' }).click();
  await expect(page.getByText('Cán bộ Sở Xây dựng Vĩnh Long (demo)').first()).toBeVisible();

  await signInAs(page, /Quản trị viên/);
  await page.getByRole('link', { name: 'Quản trị' }).click();
  await expect(page.getByRole('heading', { name: 'Tài khoản', exact: true })).toBeVisible();
  await page.getByRole('tab', { name: 'Nhật ký' }).click();
  await expect(page.getByRole('cell', { name: 'Đăng nhập' }).first()).toBeVisible();
});
