/**
 * Accounts in Chromium: a viewer is offered no update and told why; an updater records progress on a task of Vĩnh
 * Long, and the history names them, and is told why not on a task elsewhere; an admin finds it in the audit trail.
 *
 * In the demo each role signs in with its "sign in as" button. On the real server (one per test, signed in as its
 * first admin) the admin first creates the viewer and the updater on the admin page, then each signs in with a
 * user name and password, as a deployment's users do.
 */
import type { Page } from '@playwright/test';
import { type AppMode, E2E_ADMIN, expect, test } from './helpers';

interface Account {
  /** The demo's "sign in as" button. */
  demoButton: RegExp;
  username: string;
  password: string;
  displayName: string;
  role: 'Quản trị viên' | 'Cán bộ cập nhật' | 'Người xem';
  unitCode?: string;
}

/** On the server, the viewer and updater are created by the admin; their names match the demo's accounts. */
const VIEWER: Account = {
  demoButton: /Người xem/,
  username: 'xem-e2e',
  password: 'E2E-chi-xem-thoi-2026',
  displayName: 'Người xem (demo)',
  role: 'Người xem',
};
const UPDATER: Account = {
  demoButton: /Cán bộ cập nhật/,
  username: 'vinhlong-e2e',
  password: 'E2E-vinh-long-cap-nhat-2026',
  displayName: 'Cán bộ Sở Xây dựng Vĩnh Long (demo)',
  role: 'Cán bộ cập nhật',
  unitCode: '86',
};
const ADMIN: Account = {
  demoButton: /Quản trị viên/,
  ...E2E_ADMIN,
  displayName: 'Quản trị viên',
  role: 'Quản trị viên',
};

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByRole('heading', { name: 'Đăng nhập', exact: true })).toBeVisible();
}

async function signInAs(page: Page, mode: AppMode, account: Account) {
  await page.goto('/');
  await signOut(page);
  if (mode === 'server') {
    await page.getByLabel('Tên đăng nhập').fill(account.username);
    await page.getByLabel('Mật khẩu').fill(account.password);
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  } else {
    await page.getByRole('button', { name: account.demoButton }).click();
  }
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
  await expect(page.locator('.account-role')).toContainText(account.role);
}

/** The admin (signed in) adds an account on the admin page. */
async function createAccount(page: Page, account: Account) {
  const form = page.getByRole('form', { name: 'Thêm tài khoản' });
  await form.getByLabel('Tên đăng nhập').fill(account.username);
  await form.getByLabel('Họ tên').fill(account.displayName);
  await form.getByLabel('Mật khẩu').fill(account.password);
  await form.getByLabel('Vai trò').selectOption({ label: account.role });
  if (account.unitCode) await form.getByLabel(/^Mã đơn vị/).fill(account.unitCode);
  await form.getByRole('button', { name: 'Thêm tài khoản' }).click();
  await expect(form.getByRole('status')).toHaveText(`Đã thêm tài khoản ${account.username}.`);
}

test('a viewer, an updater and an admin each see what their role may do', async ({ page, appMode }) => {
  // Three sign-ins (and, on the server, two accounts created), each hashing a password on purpose slowly.
  test.slow();
  if (appMode === 'server') {
    await page.goto('/');
    await page.getByRole('link', { name: 'Quản trị' }).click();
    await expect(page.getByRole('heading', { name: 'Tài khoản', exact: true })).toBeVisible();
    await createAccount(page, VIEWER);
    await createAccount(page, UPDATER);
  }

  await signInAs(page, appMode, VIEWER);
  await page.goto('/tasks/t-000-02');
  await expect(page.getByText('Vai trò Người xem chỉ xem, không cập nhật được nhiệm vụ.')).toBeVisible();
  await expect(page.getByRole('form', { name: 'Ghi nhận cập nhật tiến độ' })).toHaveCount(0);

  await signInAs(page, appMode, UPDATER);
  await page.goto('/tasks/t-000-02');
  const form = page.getByRole('form', { name: 'Ghi nhận cập nhật tiến độ' });
  await expect(form).toBeVisible();
  await expect(form.getByLabel(/^Người cập nhật/)).toHaveCount(0);
  await form.getByLabel(/^Ghi chú/).fill('Cập nhật từ cán bộ Vĩnh Long.');
  await form.getByRole('button', { name: 'Lưu cập nhật' }).click();
  // The saved entry (not the optimistic one) names the updater; the header names them too, so look in the history.
  const saved = page.locator('.history-item:not(.pending)').filter({ hasText: 'Cập nhật từ cán bộ Vĩnh Long.' });
  await expect(saved).toContainText(UPDATER.displayName);
  // Elsewhere (huyện Vân Đồn, Quảng Ninh) the updater is told why there is no form.
  await page.goto('/tasks/t-005-03');
  await expect(page.getByText(/^Bạn chỉ cập nhật được nhiệm vụ thuộc .*Vĩnh Long\.$/)).toBeVisible();
  await expect(page.getByRole('form', { name: 'Ghi nhận cập nhật tiến độ' })).toHaveCount(0);

  await signInAs(page, appMode, ADMIN);
  await page.getByRole('link', { name: 'Quản trị' }).click();
  await expect(page.getByRole('heading', { name: 'Tài khoản', exact: true })).toBeVisible();
  await page.getByRole('tab', { name: 'Nhật ký' }).click();
  await expect(page.getByRole('cell', { name: 'Đăng nhập' }).first()).toBeVisible();
  if (appMode === 'server') {
    // The demo keeps its audit trail in memory, so it starts again on each page load; the server keeps it all.
    await expect(page.getByRole('row').filter({ hasText: 'Cập nhật tiến độ' }).first()).toContainText(UPDATER.username);
  }
});
