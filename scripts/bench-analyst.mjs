#!/usr/bin/env node
/**
 * The analyst workspace's benchmark (issue 3), with the mock's 100,000-task dataset, in headless Chromium on the
 * production build:
 *
 *   (a) filter change → charts updated: on the overview, choosing a province in the filter bar; from the app's
 *       `dt:filter-change` mark (set in the change handler) to its `dt:filters-applied` mark (set once the frame
 *       showing the new figures has been painted). A different province each time, so every run asks the API.
 *   (b) filter change → table updated: the same on the task list (first page of the new result painted).
 *   (c) the task table's frame rate while scrolling: the table's scroll position advanced every animation frame
 *       for a few seconds (pages load on the way), frames counted with requestAnimationFrame.
 *
 * Median of N runs each (default 5), after one warm-up. Budget for (a) and (b): 200 ms.
 * Standalone: `node scripts/bench-analyst.mjs` builds nothing; it expects `dist/` (run `npx vite build` first),
 * serves it with `vite preview --port 4273 --strictPort`, and prints Markdown table rows
 * (| Figure | Median | Budget | Verdict |) on stdout, progress on stderr. scripts/bench.mjs calls it.
 *
 * Options: --runs N · --dataset sample|synthetic-10k|synthetic-100k (default synthetic-100k) · --port P · --dist DIR
 *          · CHROMIUM_PATH (default /usr/bin/chromium)
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATASET_KEY = 'directive-tracker.mock.dataset';
const CHANGE_MARK = 'dt:filter-change';
const APPLIED_MARK = 'dt:filters-applied';
const BUDGET_MS = 200;
const SCROLL_SECONDS = 5;
/** Same flags as playwright.config.ts and scripts/bench.mjs. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
};
const RUNS = Number(option('--runs', '5'));
const DATASET = option('--dataset', 'synthetic-100k');
const PORT = Number(option('--port', '4273'));
/** The build to serve (default dist/); another directory lets a run avoid a dist/ being rebuilt meanwhile. */
const DIST = path.resolve(ROOT, option('--dist', 'dist'));
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('--runs needs a positive integer');

const log = (...parts) => console.error('[bench-analyst]', ...parts);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (value) => `${Math.round(value).toLocaleString('en-US')} ms`;
const datasetLabel = {
  sample: 'sample data',
  'synthetic-10k': '10,000 extra tasks',
  'synthetic-100k': '100,000 extra tasks',
}[DATASET];

/** `vite preview` of dist/ on PORT, in its own process group (so it can be stopped with everything it started). */
async function startPreview() {
  if (!existsSync(path.join(DIST, 'index.html'))) {
    throw new Error(`${DIST} has no build: build first (npx vite build).`);
  }
  const args = ['vite', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1', '--outDir', DIST];
  const child = spawn('npx', args, {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const url = `http://127.0.0.1:${PORT}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vite preview exited: ${stderr.trim()}`);
    try {
      const res = await fetch(url);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`vite preview did not answer on ${url}: ${stderr.trim()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: () => {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    },
  };
}

async function newPage(browser) {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 900 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    serviceWorkers: 'allow',
  });
  if (DATASET !== 'sample') {
    await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [DATASET_KEY, DATASET]);
  }
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  return { context, page, errors };
}

/** Resolves with the time from the next CHANGE_MARK to the first APPLIED_MARK after it, once `act` has run. */
async function timeFilterChange(page, act, timeout) {
  await page.evaluate(() => performance.clearMarks());
  await act();
  const handle = await page.waitForFunction(
    ([change, applied]) => {
      const c = performance.getEntriesByName(change).at(-1);
      if (!c) return null;
      const a = performance.getEntriesByName(applied).find((e) => e.startTime >= c.startTime);
      if (!a) return null;
      // The API requests made for this change (through the mock's service worker), for the breakdown.
      const api = performance
        .getEntriesByType('resource')
        .filter((e) => e.startTime >= c.startTime && e.startTime <= a.startTime && e.name.includes('/api/v1/'))
        .map((e) => ({
          path: new URL(e.name).pathname,
          start: e.startTime - c.startTime,
          end: e.responseEnd - c.startTime,
        }));
      return { total: a.startTime - c.startTime, api };
    },
    [CHANGE_MARK, APPLIED_MARK],
    { timeout, polling: 20 },
  );
  return handle.jsonValue();
}

/** Provinces offered by the filter bar's first select (today's units), the first `n` after the first two. */
async function provinces(page, n) {
  const select = page.getByLabel('Tỉnh, thành phố', { exact: true });
  await select.locator('option').nth(5).waitFor({ state: 'attached', timeout: 60_000 });
  const labels = await select.locator('option').allTextContents();
  return { select, labels: labels.slice(2, 2 + n) };
}

async function measureFilterChange(browser, url, screen, runs) {
  const { context, page, errors } = await newPage(browser);
  try {
    await page.goto(`${url}${screen}`, { waitUntil: 'commit' });
    // The first visit builds the dataset in the mock's service worker: wait for the first data.
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, APPLIED_MARK, {
      timeout: 600_000,
      polling: 200,
    });
    const { select, labels } = await provinces(page, runs + 1);
    const times = [];
    const apiTimes = [];
    for (const [i, label] of labels.entries()) {
      const t = await timeFilterChange(page, () => select.selectOption({ label }), 120_000);
      const apiEnd = Math.max(0, ...t.api.map((r) => r.end));
      const detail = t.api.map((r) => `${r.path} ${ms(r.start)}→${ms(r.end)}`).join(', ');
      if (i === 0) log(`${screen}: warm-up (${label}) ${ms(t.total)} [${detail}]`);
      else {
        times.push(t.total);
        apiTimes.push(apiEnd);
        log(`${screen}: run ${i}/${runs} (${label}) ${ms(t.total)} [${detail}]`);
      }
    }
    return { times, apiTimes, errors };
  } finally {
    await context.close();
  }
}

async function measureScroll(browser, url, seconds) {
  const { context, page, errors } = await newPage(browser);
  try {
    await page.goto(`${url}/tasks`, { waitUntil: 'commit' });
    await page.waitForSelector('table.tasks-table tbody tr[data-index]', { timeout: 600_000 });
    await page.waitForTimeout(500);
    const result = await page.evaluate(async (duration) => {
      const scroller = document.querySelector('.tasks-scroll');
      if (!scroller) throw new Error('no .tasks-scroll');
      const frames = [];
      const start = performance.now();
      let last = start;
      await new Promise((resolve) => {
        const step = (now) => {
          frames.push(now - last);
          last = now;
          // About 100 rows a second: a brisk, steady wheel scroll.
          scroller.scrollTop += 92;
          if (now - start < duration) requestAnimationFrame(step);
          else resolve();
        };
        requestAnimationFrame(step);
      });
      const elapsed = performance.now() - start;
      const rowsLoaded = Number(document.querySelector('table.tasks-table')?.getAttribute('aria-rowcount') ?? 0);
      const deepest = Math.max(
        ...[...document.querySelectorAll('table.tasks-table tr[data-index]')].map((r) => Number(r.dataset.index)),
      );
      return { frames: frames.slice(1), elapsed, rowsLoaded, deepest };
    }, seconds * 1000);
    const fps = (result.frames.length / result.elapsed) * 1000;
    // Reference: the same scroll loop over a plain tall page in the same browser (what this machine can do at all).
    const baseline = await page.evaluate(async (duration) => {
      const el = document.createElement('div');
      el.style.cssText = 'position:fixed;inset:0;overflow:auto;background:#fff;z-index:9999';
      el.innerHTML = `<div style="height:2000000px">${'<p>Lorem ipsum dolor sit amet</p>'.repeat(3000)}</div>`;
      document.body.append(el);
      let frames = 0;
      const start = performance.now();
      await new Promise((resolve) => {
        const step = (now) => {
          frames += 1;
          el.scrollTop += 92;
          if (now - start < duration) requestAnimationFrame(step);
          else resolve();
        };
        requestAnimationFrame(step);
      });
      const rate = (frames / (performance.now() - start)) * 1000;
      el.remove();
      return rate;
    }, 2000);
    const sorted = [...result.frames].sort((a, b) => a - b);
    const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? 0;
    const long = result.frames.filter((f) => f > 50).length;
    log(
      `scroll: ${fps.toFixed(1)} fps over ${(result.elapsed / 1000).toFixed(1)} s, p95 frame ${p95.toFixed(1)} ms, ` +
        `${long} frames over 50 ms, reached row ${result.deepest}`,
    );
    log(`scroll baseline (plain page, same browser): ${baseline.toFixed(1)} fps`);
    return { fps, p95, long, deepest: result.deepest, baseline, errors };
  } finally {
    await context.close();
  }
}

async function main() {
  const preview = await startPreview();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  });
  const rows = [];
  const errors = [];
  const verdict = (value) =>
    value <= BUDGET_MS ? `✅ within (${ms(BUDGET_MS - value)} to spare)` : `❌ over by ${ms(value - BUDGET_MS)}`;
  try {
    for (const [screen, label] of [
      ['/', 'Overview: filter change → charts updated'],
      ['/tasks', 'Task list: filter change → table updated'],
    ]) {
      try {
        const r = await measureFilterChange(browser, preview.url, screen, RUNS);
        const m = median(r.times);
        rows.push([
          `${label} (${datasetLabel}; a province chosen)`,
          ms(m),
          `≤ ${ms(BUDGET_MS)}`,
          `${verdict(m)}; of which the mock API's answer: ${ms(median(r.apiTimes))}`,
        ]);
        errors.push(...r.errors);
      } catch (error) {
        rows.push([`${label} (${datasetLabel})`, 'failed', `≤ ${ms(BUDGET_MS)}`, String(error.message).split('\n')[0]]);
      }
    }
    try {
      const s = await measureScroll(browser, preview.url, SCROLL_SECONDS);
      rows.push([
        `Task table: frame rate while scrolling (${datasetLabel}; ${SCROLL_SECONDS} s at ~100 rows/s, pages loading on the way)`,
        `${s.fps.toFixed(0)} fps`,
        '—',
        `p95 frame ${s.p95.toFixed(0)} ms; ${s.long} frames > 50 ms; reached row ${s.deepest.toLocaleString('en-US')}; ` +
          `a plain page scrolls at ${s.baseline.toFixed(0)} fps in the same browser`,
      ]);
      errors.push(...s.errors);
    } catch (error) {
      rows.push([
        `Task table: frame rate while scrolling (${datasetLabel})`,
        'failed',
        '—',
        String(error.message).split('\n')[0],
      ]);
    }
  } finally {
    await browser.close();
    preview.stop();
  }
  if (errors.length) log(`page errors: ${[...new Set(errors)].slice(0, 5).join(' | ')}`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
