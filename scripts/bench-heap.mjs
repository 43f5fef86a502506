/**
 * Memory over many filter changes (issue 7), for scripts/bench.mjs: the JavaScript heap of the overview after 50
 * filter changes compared with after 5. A leak (listeners, subscriptions, detached chart nodes, results kept per
 * change) shows as growth; the budget is 10%.
 *
 * One run, in a fresh browser context: open the overview, wait for its data, then choose provinces in the filter bar
 * one after the other, cycling through the same 5 (so after change 5 and after change 50 the same filter is shown
 * and the app's query cache holds the same entries: what grows in between is memory kept per change, not cache).
 * Each change waits for the app's `dt:filters-applied` mark. Before each reading the page is left 500 ms to settle
 * (background refetches), then garbage is collected twice through the DevTools protocol
 * (`HeapProfiler.collectGarbage`) and `Runtime.getHeapUsage` gives the used heap of the page.
 * Note that the mock API runs in the page (MSW answers in the page's main thread), so its database and work are part
 * of this heap too.
 */
import { median, newPage, provinces, timeFilterChange, waitForFirstData } from './bench-analyst.mjs';

export const HEAP_BUDGET = 0.1;
const log = (...parts) => console.error('[bench-heap]', ...parts);
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

async function usedHeap(page, cdp) {
  await page.waitForTimeout(500);
  await cdp.send('HeapProfiler.collectGarbage');
  await page.waitForTimeout(100);
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

/** One run: the used heap after the page's first data, after `early` and after `late` filter changes. */
async function heapRun(browser, url, { dataset, early, late, cycle }) {
  const { context, page, errors } = await newPage(browser, dataset);
  try {
    await page.goto(`${url}/`, { waitUntil: 'commit' });
    await waitForFirstData(page);
    const { select, labels } = await provinces(page, cycle);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    const start = await usedHeap(page, cdp);
    let atEarly = 0;
    const times = [];
    for (let i = 1; i <= late; i += 1) {
      const label = labels[(i - 1) % cycle];
      const t = await timeFilterChange(page, () => select.selectOption({ label }), 120_000);
      times.push(t.total);
      if (i === early) atEarly = await usedHeap(page, cdp);
    }
    const atLate = await usedHeap(page, cdp);
    await cdp.detach();
    return { start, atEarly, atLate, changeMs: median(times), errors };
  } finally {
    await context.close();
  }
}

/**
 * `runs` runs; returns the medians (bytes, and growth as a fraction of the heap after `early` changes) and every
 * run's readings.
 */
export async function measureHeap(browser, url, { runs, dataset, early = 5, late = 50, cycle = 5 }) {
  const results = [];
  const errors = [];
  for (let i = 0; i < runs; i += 1) {
    const r = await heapRun(browser, url, { dataset, early, late, cycle });
    const growth = (r.atLate - r.atEarly) / r.atEarly;
    results.push({ ...r, growth });
    errors.push(...r.errors);
    log(
      `run ${i + 1}/${runs}: ${mb(r.start)} after load, ${mb(r.atEarly)} after ${early} changes, ` +
        `${mb(r.atLate)} after ${late} (${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)}%); ` +
        `a change took ${Math.round(r.changeMs)} ms (median)`,
    );
  }
  return {
    start: median(results.map((r) => r.start)),
    atEarly: median(results.map((r) => r.atEarly)),
    atLate: median(results.map((r) => r.atLate)),
    growth: median(results.map((r) => r.growth)),
    runs: results,
    errors,
    early,
    late,
    cycle,
  };
}

export { mb };
