/**
 * The presentation mode (/present) in Chromium, on the production build and its mock API: every kind of slide at
 * projector and wall-screen sizes (screenshots kept under artifacts/presentation/ and checked for overlap, clipped
 * text and type size), keyboard-only operation, the API failing mid-show, and an axe scan.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { advanceUntilVisible, expect, screenshotTo, slideSettled, test } from './helpers';

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
] as const;

const KINDS = ['kpi', 'donut', 'ranking', 'overdue', 'flagship', 'localities'] as const;

type StatsMode = 'ok' | 'fail' | 'hold';
const SWITCH_KEY = 'e2e.stats';

/**
 * Installed before the app starts: the page's fetch, wrapped so a test can make `/api/v1/stats` fail (as a dropped
 * connection: the mock API runs in a service worker, out of page.route's reach) or hold it (never answer). The
 * mode lives in sessionStorage, so it holds across navigations of the tab.
 */
function installFetchSwitch(page: Page, initial: StatsMode = 'ok') {
  return page.addInitScript(
    ({ key, initial }) => {
      if (!sessionStorage.getItem(key)) sessionStorage.setItem(key, initial);
      const original = window.fetch.bind(window);
      window.fetch = (input, init) => {
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        const mode = sessionStorage.getItem(key);
        if (url.includes('/api/v1/stats')) {
          if (mode === 'fail') return Promise.reject(new TypeError('Failed to fetch'));
          if (mode === 'hold') return new Promise<Response>(() => undefined);
        }
        return original(input, init);
      };
    },
    { key: SWITCH_KEY, initial },
  );
}

async function setStats(page: Page, mode: StatsMode) {
  await page.evaluate(({ key, mode }) => sessionStorage.setItem(key, mode), { key: SWITCH_KEY, mode });
}

async function slideKind(page: Page): Promise<string | null> {
  return page.locator('[data-slide-kind]').getAttribute('data-slide-kind');
}

/** Opens the show and waits for the first slide drawn with data (or the title slide when asked). */
async function openShow(page: Page, query: string, kind?: string) {
  await page.goto(`/present${query ? `?${query}` : ''}`);
  const selector = kind ? `[data-slide-kind="${kind}"]` : '[data-slide-kind]:not([data-slide-kind="title"])';
  await expect(page.locator(selector)).toBeVisible({ timeout: 30_000 });
  // Slides fade in (400 ms) unless reduced motion is asked for; measure and shoot the settled slide.
  await slideSettled(page);
}

/**
 * Walks the whole show with the keyboard from its first slide and calls `visit` on the first slide of each kind
 * (one page load for every kind: quick reloads can trip the mock API's service-worker update, which is not under
 * test here).
 */
async function visitEachKind(page: Page, visit: (kind: string) => Promise<void>): Promise<string[]> {
  const counter = page.locator('.p-counter');
  await page.keyboard.press('Home');
  await expect(counter).toHaveText(/^1\/\d+$/);
  // The flagship list may arrive after the first figures: wait until the running order stops growing.
  const totalNow = async () => Number(((await counter.textContent()) ?? '').split('/')[1]);
  let total = await totalNow();
  for (let settled = false; !settled; ) {
    await page.waitForTimeout(800);
    const again = await totalNow();
    settled = again === total;
    total = again;
  }
  const seen: string[] = [];
  for (let i = 1; i <= total; i++) {
    await expect(counter).toHaveText(`${i}/${total}`);
    const kind = (await slideKind(page)) ?? '';
    if (!seen.includes(kind)) {
      seen.push(kind);
      await slideSettled(page);
      await visit(kind);
    }
    if (i < total) await page.keyboard.press('ArrowRight');
  }
  return seen;
}

interface LayoutReport {
  overlaps: string[];
  outside: string[];
  clipped: string[];
  bodyOverflow: boolean;
  slideBottom: number;
  barTop: number;
  minFontPx: number;
  unitPx: number;
}

/**
 * Reads the slide as a person would see it: every visible text block inside the viewport, none overlapping another,
 * none cut off by an overflow, the slide above the control bar, and the smallest type relative to the screen.
 */
function layoutReport(page: Page): Promise<LayoutReport> {
  return page.evaluate(() => {
    const slide = document.querySelector<HTMLElement>('.p-slide');
    const bar = document.querySelector<HTMLElement>('.p-bar');
    if (!slide || !bar) throw new Error('no slide or bar');
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const label = (el: Element) =>
      `${el.tagName.toLowerCase()}.${String((el as HTMLElement).className)} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    // Leaf text blocks: elements with their own non-empty text.
    const blocks = Array.from(slide.querySelectorAll<HTMLElement>('*')).filter((el) => {
      if (el.closest('[aria-hidden="true"]') || el.closest('svg')) return false;
      const own = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
      const style = getComputedStyle(el);
      return own && style.visibility !== 'hidden' && style.display !== 'none';
    });
    // The ink of each block: its text's box, less the part of the font's content area that exceeds the line
    // height (tight line heights let content areas of adjacent lines touch while the glyphs do not).
    const rects = blocks.map((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const box = range.getBoundingClientRect();
      const style = getComputedStyle(el);
      const font = Number.parseFloat(style.fontSize);
      const lineHeight = style.lineHeight === 'normal' ? 1.2 * font : Number.parseFloat(style.lineHeight);
      const line = range.getClientRects()[0]?.height ?? box.height;
      const inset = Math.max(0, (line - lineHeight) / 2);
      const rect = { left: box.left, right: box.right, top: box.top + inset, bottom: box.bottom - inset };
      return { el, rect, font };
    });
    const overlaps: string[] = [];
    for (let i = 0; i < rects.length; i++) {
      for (let j = i + 1; j < rects.length; j++) {
        const a = rects[i]!;
        const b = rects[j]!;
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
        const x = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
        const y = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
        if (x > 2 && y > 2) overlaps.push(`${label(a.el)} × ${label(b.el)}`);
      }
    }
    const outside = rects
      .filter(({ rect }) => rect.left < -1 || rect.top < -1 || rect.right > vw + 1 || rect.bottom > vh + 1)
      .map(({ el }) => label(el));
    const clipped = blocks
      .filter((el) => {
        const style = getComputedStyle(el);
        const hides = /hidden|clip/.test(style.overflowX + style.overflowY) || style.textOverflow === 'ellipsis';
        return hides && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
      })
      .map(label);
    const body = slide.querySelector<HTMLElement>('.p-slide-body');
    return {
      overlaps,
      outside,
      clipped,
      bodyOverflow: body ? body.scrollHeight > body.clientHeight + 1 : false,
      slideBottom: slide.getBoundingClientRect().bottom,
      barTop: bar.getBoundingClientRect().top,
      minFontPx: Math.min(...rects.map((r) => r.font)),
      unitPx: Math.min(vh, vw * 0.5625) / 100,
    };
  });
}

async function expectReadable(page: Page, what: string) {
  const r = await layoutReport(page);
  expect(r.overlaps, `${what}: overlapping text`).toEqual([]);
  expect(r.outside, `${what}: text outside the screen`).toEqual([]);
  expect(r.clipped, `${what}: clipped text`).toEqual([]);
  expect(r.bodyOverflow, `${what}: the slide's content overflows its box`).toBe(false);
  expect(r.slideBottom, `${what}: the slide runs under the control bar`).toBeLessThanOrEqual(r.barTop + 1);
  // The smallest type on a slide is 2% of the screen's height (a 16:9 frame): 21.6 px at 1080p, 43 px at 2160p.
  expect(r.minFontPx, `${what}: smallest type ${r.minFontPx}px`).toBeGreaterThanOrEqual(1.95 * r.unitPx);
}

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  const dir = path.resolve(testInfo.project.testDir, '..', '..', 'artifacts', 'presentation');
  await mkdir(dir, { recursive: true });
  const file = await screenshotTo(page, path.join(dir, name), false);
  await testInfo.attach(name, { path: file, contentType: 'image/jpeg' });
}

async function axe(page: Page, testInfo: TestInfo, name: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  await testInfo.attach(`axe-${name}.json`, {
    body: JSON.stringify(results.violations, null, 2),
    contentType: 'application/json',
  });
  const report = bad.map(
    (v) =>
      `[${v.impact}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} ${n.failureSummary}`).join('\n')}`,
  );
  expect(bad.length, `axe (${name}):\n${report.join('\n')}`).toBe(0);
}

test.describe('presentation mode (production build)', { tag: '@ui' }, () => {
  for (const size of SIZES) {
    const tag = `${size.width}x${size.height}`;
    test.describe(`at ${tag}`, () => {
      test.use({ viewport: size });

      test(`every kind of slide reads from the back of the room, without overlap or clipping (${tag})`, async ({
        page,
      }, testInfo) => {
        test.setTimeout(120_000);
        // Before the first figures (the API holds its answer): the title slide.
        await installFetchSwitch(page, 'hold');
        await openShow(page, 'paused=true', 'title');
        await expect(page.getByRole('status').filter({ hasText: 'Đang tải số liệu…' })).toBeVisible();
        await expectReadable(page, `title ${tag}`);
        await shoot(page, testInfo, `title-${tag}`);

        // Then the default show, every kind of slide in turn.
        await setStats(page, 'ok');
        await openShow(page, 'paused=true', 'kpi');
        const seen = await visitEachKind(page, async (kind) => {
          await expectReadable(page, `${kind} ${tag}`);
          await shoot(page, testInfo, `${kind}-${tag}`);
        });
        expect(seen).toEqual([...KINDS]);

        // The light theme, and the panel beside a slide.
        await openShow(page, 'slides=donut,kpi&theme=light&paused=true', 'donut');
        await expectReadable(page, `light donut ${tag}`);
        await shoot(page, testInfo, `donut-light-${tag}`);
        await page.getByRole('button', { name: 'Tùy chỉnh trình chiếu' }).click();
        await expect(page.getByRole('dialog', { name: 'Tùy chỉnh trình chiếu' })).toBeVisible();
        await page.waitForTimeout(300);
        await expectReadable(page, `donut with panel ${tag}`);
        await shoot(page, testInfo, `panel-${tag}`);
      });
    });
  }

  test('the flagship spotlights include the seed’s bridge, seedling centre and tourism village', async ({ page }) => {
    await openShow(page, 'slides=flagship&paused=true', 'flagship');
    const total = Number((await page.locator('.p-counter').textContent())?.split('/')[1]);
    const titles: string[] = [];
    for (let i = 0; i < total; i++) {
      titles.push((await page.getByRole('heading', { level: 1 }).textContent()) ?? '');
      await page.keyboard.press('ArrowRight');
    }
    expect(titles).toEqual(
      expect.arrayContaining([
        'Xây dựng cầu Đình Khao',
        'Xây dựng Trung tâm cây giống hoa kiểng',
        'Thực hiện Đề án Làng văn hóa du lịch Chợ Lách',
      ]),
    );
  });

  test('is operated with the keyboard alone', async ({ page }) => {
    await openShow(page, 'slides=kpi,donut,ranking,overdue', 'kpi');
    const kind = () => slideKind(page);

    await page.keyboard.press('ArrowRight');
    await expect.poll(kind).toBe('donut');
    await page.keyboard.press('PageDown');
    await expect.poll(kind).toBe('ranking');
    await page.keyboard.press('PageUp');
    await expect.poll(kind).toBe('donut');
    await page.keyboard.press('End');
    await expect.poll(kind).toBe('overdue');
    await page.keyboard.press('Home');
    await expect.poll(kind).toBe('kpi');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(kind).toBe('overdue'); // loops

    // Space pauses and resumes, and the URL keeps it (a bookmark reproduces a paused show).
    await page.keyboard.press('Space');
    await expect(page).toHaveURL(/[?&]paused=true/);
    await expect(page.getByText('Đang tạm dừng')).toBeVisible();
    await page.keyboard.press('Space');
    await expect(page).not.toHaveURL(/paused=/);

    // Tab reaches the controls; Enter opens the panel, whose heading takes the focus.
    const settings = page.getByRole('button', { name: 'Tùy chỉnh trình chiếu' });
    for (let i = 0; i < 12 && !(await settings.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(settings).toBeFocused();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('dialog', { name: 'Tùy chỉnh trình chiếu' });
    await expect(panel.getByRole('heading', { name: 'Tùy chỉnh trình chiếu' })).toBeFocused();
    // Into the list: Close, then the first checkbox ("Chỉ số chính"); Space unticks it.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(panel.getByRole('checkbox', { name: 'Chỉ số chính' })).toBeFocused();
    await page.keyboard.press('Space');
    await expect(page).toHaveURL(/[?&]slides=donut%2Cranking%2Coverdue|[?&]slides=donut,ranking,overdue/);
    // Escape closes the panel and gives the focus back.
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await expect(settings).toBeFocused();

    // F asks for full screen (a key press is a user gesture): granted, or a visible way out if refused.
    await page.locator('main').focus();
    await page.keyboard.press('f');
    await expect
      .poll(async () =>
        (await page.evaluate(() => Boolean(document.fullscreenElement)))
          ? 'fullscreen'
          : (await page.getByRole('alert').count()) > 0
            ? 'explained'
            : 'nothing',
      )
      .not.toBe('nothing');
  });

  test('says how to get full screen when the browser refuses it', async ({ page }) => {
    await page.addInitScript(() => {
      Element.prototype.requestFullscreen = () => Promise.reject(new TypeError('Permissions check failed'));
    });
    await openShow(page, 'slides=kpi&paused=true', 'kpi');
    await page.getByRole('button', { name: 'Toàn màn hình' }).click();
    await expect(page.getByRole('alert')).toContainText('F11');
    await page.getByRole('button', { name: 'Đóng thông báo' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('keeps the last figures on screen with a stale marker when the API fails mid-show, and recovers', async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await installFetchSwitch(page);
    // The 10 s refresh and the retries' backoff are the page's timers: its clock is moved on instead of waited for.
    await page.clock.install();
    await openShow(page, 'slides=kpi,donut&refresh=10', 'kpi');
    const total = await page.locator('[data-kpi="total"] .p-kpi-value').textContent();
    const freshness = page.locator('.p-freshness');
    await expect(freshness).toHaveText(/^Số liệu lúc \d{2}:\d{2}$/);
    const time = ((await freshness.textContent()) ?? '').slice(-5);
    const t0 = await page.evaluate(() => Date.now());

    await setStats(page, 'fail');
    const staleText = `Mất kết nối — đang hiển thị số liệu lúc ${time}`;
    await advanceUntilVisible(page, freshness.filter({ hasText: staleText }), t0, 45_000);
    await expect(freshness).toHaveText(staleText);
    // The show goes on with the last good figures: no blank, no error wall.
    await expect(page.locator('[data-slide-kind]')).toBeVisible();
    await page.keyboard.press('Home');
    await expect(page.locator('[data-kpi="total"] .p-kpi-value')).toHaveText(total ?? '');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expectReadable(page, 'stale kpi');
    await shoot(page, testInfo, 'stale-1920x1080');

    // It keeps retrying: when the API is back, the marker goes.
    await setStats(page, 'ok');
    await advanceUntilVisible(page, page.locator('.p-freshness:not(.p-stale)'), t0, 90_000);
    await expect(freshness).toHaveText(/^Số liệu lúc \d{2}:\d{2}$/);
  });

  test('advances on its own, hides the idle cursor, and honours reduced motion', async ({ page }) => {
    // The show's 5 s per slide and the cursor's 3 s idle delay are the page's timers: its clock is moved on.
    await page.clock.install();
    await openShow(page, 'slides=kpi,donut&duration=5', 'kpi');
    // Installed, the clock still runs in real time: paused as soon as the first slide shows, so a slow machine
    // cannot move the show on before the test does. pauseAt cannot go back, and the page's time moves on while
    // the call travels: aimed a little ahead, further if it was too little.
    for (let ahead = 100; ; ahead *= 2) {
      const at = await page.evaluate((ms) => Date.now() + ms, ahead);
      const paused = await page.clock.pauseAt(at).then(
        () => true,
        (error: unknown) => {
          if (ahead >= 800) throw error;
          return false;
        },
      );
      if (paused) break;
    }
    await page.clock.runFor(3_000);
    expect(await slideKind(page)).toBe('kpi');
    await page.clock.runFor(2_500);
    await expect.poll(() => slideKind(page)).toBe('donut');
    const present = page.locator('.present');
    await page.mouse.move(200, 200);
    await expect(present).not.toHaveClass(/is-idle/);
    await page.clock.runFor(2_000);
    await expect(present).not.toHaveClass(/is-idle/);
    await page.clock.runFor(1_500);
    await expect(present).toHaveClass(/is-idle/);
    expect(await present.evaluate((el) => getComputedStyle(el).cursor)).toBe('none');
    await page.mouse.move(300, 300);
    await expect(present).not.toHaveClass(/is-idle/);

    const animation = () => page.locator('.p-slide-wrap').evaluate((el) => getComputedStyle(el).animationName);
    expect(await animation()).toBe('p-fade-in');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await animation()).toBe('none');
  });

  test('a malformed bookmark still opens a show', async ({ page }) => {
    await openShow(page, 'slides=%7Bbad&duration=-3&theme=neon&refresh=abc&paused=maybe&locality=x', 'kpi');
    await expect(page.locator('.present')).toHaveAttribute('data-theme', 'dark');
    await expect(page.locator('.p-counter')).toHaveText(/^1\/\d+$/);
  });

  test('is opened from the app’s navigation with the current filters, and left again', async ({ page }) => {
    await page.goto('/?era=pre2025');
    await page.getByRole('link', { name: 'Trình chiếu' }).click();
    await expect(page).toHaveURL(/\/present\?.*era=pre2025/);
    await expect(page.locator('[data-slide-kind="kpi"]')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('banner')).toHaveCount(0);
    await page.getByRole('button', { name: 'Thoát trình chiếu' }).click();
    await expect(page).toHaveURL(/\/\?.*era=pre2025|\/\?era=pre2025/);
    await expect(page.getByRole('navigation', { name: 'Điều hướng chính' })).toBeVisible();
  });

  test('axe-core finds no serious or critical violation on the show (slides, panel, light theme, English)', async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    await openShow(page, 'paused=true', 'kpi');
    const seen = await visitEachKind(page, (kind) => axe(page, testInfo, kind));
    expect(seen).toEqual([...KINDS]);
    await openShow(page, 'slides=overdue&theme=light&paused=true', 'overdue');
    await axe(page, testInfo, 'light');
    await page.getByRole('button', { name: 'Tùy chỉnh trình chiếu' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await axe(page, testInfo, 'panel');
    await page.getByRole('radio', { name: 'English' }).check();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await axe(page, testInfo, 'english');
  });

  test('text reaches 7:1 contrast on every kind of slide, in both themes (axe, WCAG AAA rule)', async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    for (const theme of ['dark', 'light']) {
      await openShow(page, `theme=${theme}&paused=true`, 'kpi');
      await visitEachKind(page, async (kind) => {
        const results = await new AxeBuilder({ page }).withRules(['color-contrast-enhanced']).analyze();
        await testInfo.attach(`contrast-${theme}-${kind}.json`, {
          body: JSON.stringify(results.violations, null, 2),
          contentType: 'application/json',
        });
        const nodes = results.violations.flatMap((v) =>
          v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
        );
        expect(nodes, `${theme} ${kind}`).toEqual([]);
      });
    }
  });
});
