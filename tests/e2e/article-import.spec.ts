import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The seed article, exactly as published (the copy in tests/fixtures/extraction). */
const SEED = readFileSync(path.join(ROOT, 'tests/fixtures/extraction/01-seed-cho-lach-2022.txt'), 'utf8');
const SEED_TITLE = 'Ban Thường vụ Tỉnh ủy làm việc với Ban Thường vụ Huyện ủy Chợ Lách';
/**
 * The seed article is already in the sample data (a-000), so pasting it as is is a duplicate. The same text under
 * another outlet's headline is a new article, with the same 13 directives.
 */
const TITLE = 'Đoàn công tác số 1 của Tỉnh ủy làm việc tại Chợ Lách';
const REPUBLISHED = SEED.replace(/^[^\n]+/, TITLE);

interface PageBody {
  total: number;
  items: Array<{ id: string; status: string; progress: number; articleId: string | null }>;
}

async function kpiTotal(page: Page): Promise<number> {
  await openOverview(page);
  return parseShownNumber((await page.locator('[data-kpi="total"] .kpi-value').textContent()) ?? '');
}

async function pasteAndExtract(page: Page, text: string) {
  await page.goto('/articles/new');
  const body = page.getByRole('textbox', { name: /^Nội dung/ });
  await expect(body).toBeVisible({ timeout: 30_000 });
  await body.fill(text);
  await page.getByLabel(/^Nguồn/).fill('Báo Đồng Khởi');
  await page.getByRole('button', { name: 'Tìm nhiệm vụ trong bài' }).click();
  await expect(page.getByRole('list', { name: 'Danh sách nhiệm vụ dự kiến' })).toBeVisible({ timeout: 30_000 });
}

const drafts = (page: Page) => page.getByRole('list', { name: 'Danh sách nhiệm vụ dự kiến' }).getByRole('listitem');

test.describe('adding an article', () => {
  test('paste the seed article, accept the drafts, save, and find the new tasks everywhere', async ({
    page,
  }, testInfo) => {
    const before = await kpiTotal(page);

    await pasteAndExtract(page, REPUBLISHED);
    await expect(page.getByLabel(/^Tiêu đề/)).toHaveValue(TITLE);
    await expect(page.getByLabel(/^Ngày đăng/)).toHaveValue('22/03/2022');
    const found = await drafts(page).count();
    expect(found).toBeGreaterThanOrEqual(13);
    await expect(page.locator('mark.import-mark')).toHaveCount(found);
    await saveScreenshot(page, testInfo, 'article-import-review');

    await page.getByRole('button', { name: 'Chấp nhận tất cả nhiệm vụ chờ rà soát' }).click();
    await page.getByRole('button', { name: `Lưu bài viết và ${found} nhiệm vụ` }).click();
    await expect(page.getByRole('heading', { name: `Đã lưu bài viết “${TITLE}” và ${found} nhiệm vụ.` })).toBeVisible();
    const articleHref = await page.getByRole('link', { name: 'Mở bài viết' }).getAttribute('href');
    const articleId = decodeURIComponent(articleHref?.replace('/articles/', '') ?? '');
    expect(articleId).not.toBe('');

    // The API serves the new tasks: not started, at 0 %, linked to the article.
    const listed = await apiGet<PageBody>(
      page,
      `/api/v1/tasks?articleId=${encodeURIComponent(articleId)}&pageSize=200`,
    );
    expect(listed.body.total).toBe(found);
    expect(listed.body.items.every((t) => t.status === 'not_started' && t.progress === 0)).toBe(true);

    // The overview counts them.
    expect(await kpiTotal(page)).toBe(before + found);

    // The task list finds them by the article's title.
    await page.goto(`/tasks?q=${encodeURIComponent(TITLE)}`);
    await expect(page.locator('.list-count strong')).toHaveText(`${found} nhiệm vụ`, { timeout: 30_000 });
    await expect(page.getByRole('link', { name: 'Xây dựng cầu Đình Khao' }).first()).toBeVisible();

    // The article reader highlights them.
    await page.goto(`/articles/${articleId}`);
    await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible({ timeout: 30_000 });

    // And they survive a reload (the mock API keeps them in IndexedDB).
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible({ timeout: 30_000 });
    expect(await kpiTotal(page)).toBe(before + found);
  });

  test('the same article twice is refused, with a link to the one already there', async ({ page, pageErrors }) => {
    await pasteAndExtract(page, SEED);
    await expect(page.getByText('Bài viết này có vẻ đã được thêm:')).toBeVisible();
    await page.getByRole('button', { name: 'Chấp nhận tất cả nhiệm vụ chờ rà soát' }).click();
    await page.getByRole('button', { name: /^Lưu bài viết và/ }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Bài viết này đã được thêm trước đó');
    await alert.getByRole('link', { name: `Mở bài viết đã có: ${SEED_TITLE}` }).click();
    await expect(page).toHaveURL(/\/articles\/a-000$/);
    // The browser logs the expected 409 as a failed resource load; nothing else may be logged.
    const expected = pageErrors.filter((e) => /status of 409/.test(e));
    expect(expected.length).toBeLessThanOrEqual(1);
    pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((e) => !/status of 409/.test(e)));
  });

  test('the extractor runs off the main thread: a 1 MB text leaves the page responsive', async ({ page }) => {
    await page.goto('/articles/new');
    const body = page.getByRole('textbox', { name: /^Nội dung/ });
    await expect(body).toBeVisible({ timeout: 30_000 });
    // Close to the limit of 1,000,000 characters, never over it (a longer text is refused at the paste).
    let big = '';
    while (big.length + REPUBLISHED.length + 2 <= 1_000_000) big += `${REPUBLISHED}\n\n`;
    expect(big.length).toBeGreaterThan(990_000);
    // As a paste does it: one input event with the whole text (Playwright's fill is slow on a megabyte).
    await body.evaluate((el, text) => {
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
      setter?.call(el, text);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, big);
    await page.getByLabel(/^Nguồn/).fill('Báo Đồng Khởi');
    // From the click until the drafts arrive, the page keeps drawing frames: the longest gap between two frames
    // stays short. The sampling starts before the click (started after it, a quick extraction on a loaded machine
    // could be over before the first sample). It stops when the drafts arrive: drawing thousands of highlights is
    // the page's own work.
    await page.evaluate(() => {
      const w = window as unknown as { sampled: Promise<{ worst: number; frames: number }> };
      w.sampled = new Promise((resolve) => {
        let last = performance.now();
        let worst = 0;
        let frames = 0;
        const tick = () => {
          if (document.querySelector('.draft-list')) {
            resolve({ worst, frames });
            return;
          }
          const now = performance.now();
          worst = Math.max(worst, now - last);
          last = now;
          frames++;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
    });
    await page.getByRole('button', { name: 'Tìm nhiệm vụ trong bài' }).click();
    await expect(page.getByText(/Đang phân tích bài dài/)).toBeVisible();
    const { worst, frames } = await page.evaluate(
      () => (window as unknown as { sampled: Promise<{ worst: number; frames: number }> }).sampled,
    );
    // The page kept drawing while the worker ran (on a busy 2-core CI a single frame may still be late, so the
    // longest gap is reported, not asserted), and the work really ran in a Web Worker.
    expect(frames).toBeGreaterThan(10);
    test
      .info()
      .annotations.push({ type: 'longest frame gap while extracting (ms)', description: String(Math.round(worst)) });
    const workers = await page.evaluate(
      () => performance.getEntriesByType('resource').filter((e) => /extract\.worker/.test(e.name)).length,
    );
    expect(workers).toBeGreaterThan(0);
    await expect(page.getByRole('list', { name: 'Danh sách nhiệm vụ dự kiến' })).toBeVisible({ timeout: 60_000 });
  });

  test('bulk import: several files, a progress bar, a result per article and an error report', async ({ page }) => {
    await page.goto('/articles/import');
    const chooser = page.getByLabel('Chọn tệp', { exact: true });
    await expect(chooser).toBeVisible({ timeout: 30_000 });
    const json = JSON.stringify([
      { title: 'Bài thiếu ngày', publisher: 'Báo X', body: 'Không có ngày tháng.' },
      {
        title: 'Kết luận về Quốc lộ 57',
        date: '2023-04-05',
        publisher: 'Cổng TTĐT Bến Tre',
        url: 'https://www.bentre.gov.vn/ket-luan-ql57',
        body: 'Chủ tịch UBND tỉnh yêu cầu Sở Giao thông vận tải khẩn trương hoàn thành nâng cấp Quốc lộ 57 trước ngày 30/6/2023.',
      },
    ]);
    await chooser.setInputFiles([
      { name: 'cho-lach.txt', mimeType: 'text/plain', buffer: Buffer.from(REPUBLISHED) },
      { name: 'bai-viet.json', mimeType: 'application/json', buffer: Buffer.from(json) },
      { name: 'hong.csv', mimeType: 'text/csv', buffer: Buffer.from('title,date\nA,2022-01-01\n') },
    ]);
    await page.getByLabel('Nguồn mặc định').fill('Báo Đồng Khởi');
    await page.getByRole('button', { name: 'Nhập 2 bài viết' }).click();
    await expect(page.getByText('Kết quả: 2 bài đã nhập (14 nhiệm vụ), 0 bài trùng, 2 bài lỗi.')).toBeVisible({
      timeout: 60_000,
    });
    await expect(page.getByRole('progressbar', { name: 'Tiến độ nhập' })).toHaveAttribute('value', '4');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải báo cáo lỗi (CSV)' }).click();
    const file = await download;
    const text = readFileSync((await file.path()) as string, 'utf8');
    expect(text).toContain('không xác định được ngày đăng');
    expect(text).toContain('CSV thiếu cột body');
  });

  for (const language of ['vi', 'en'] as const) {
    test(`the screens fit every viewport (${language})`, { tag: '@ui' }, async ({ page }, testInfo) => {
      if (language === 'en') {
        await page.addInitScript(() => localStorage.setItem('directive-tracker.language', 'en'));
      }
      for (const viewport of VIEWPORTS) {
        await page.setViewportSize(viewport);
        const size = `${viewport.width}x${viewport.height}`;
        await page.goto('/articles/import');
        await expect(page.locator('.bulk-formats')).toBeVisible({ timeout: 30_000 });
        await expectNoHorizontalScroll(page, `bulk ${language} ${size}`);
        await saveScreenshot(page, testInfo, `article-import-bulk-${language}-${size}`);
        await page.goto('/articles/new');
        if (viewport !== VIEWPORTS[0]) {
          // The previous viewport's input was kept as a draft and comes back in review: start afresh.
          await expect(page.locator('.draft-notice')).toBeVisible({ timeout: 30_000 });
          await expectNoHorizontalScroll(page, `restored draft ${language} ${size}`);
          await page.locator('.draft-notice .button').click();
        }
        const body = page.locator('textarea.import-textarea');
        await expect(body).toBeVisible({ timeout: 30_000 });
        await body.fill(REPUBLISHED);
        await page.locator('.import-meta input[id$="-publisher"]').fill('Báo Đồng Khởi');
        await page.locator('.import-input .button').first().click();
        await expect(page.locator('.draft-card').first()).toBeVisible({ timeout: 30_000 });
        await page.locator('.draft-card').nth(1).locator('.draft-actions .button').nth(2).click();
        await expectNoHorizontalScroll(page, `review ${language} ${size}`);
        await saveScreenshot(page, testInfo, `article-import-review-${language}-${size}`);
      }
    });
  }

  test(
    'axe-core finds no serious or critical violation on the import screens',
    { tag: '@ui' },
    async ({ page }, testInfo) => {
      const check = async (name: string) => {
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
        await testInfo.attach(`axe-${name}.json`, {
          body: JSON.stringify(results.violations, null, 2),
          contentType: 'application/json',
        });
        const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(
          bad.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
          name,
        ).toEqual([]);
      };
      await pasteAndExtract(page, REPUBLISHED);
      await drafts(page).nth(0).getByRole('button', { name: 'Chấp nhận' }).click();
      await drafts(page).nth(1).getByRole('button', { name: 'Loại' }).click();
      await drafts(page).nth(2).getByRole('button', { name: 'Sửa' }).click();
      await check('review');
      await page.goto('/articles/import');
      await expect(page.locator('.bulk-formats')).toBeVisible({ timeout: 30_000 });
      await check('bulk');
    },
  );
});
