#!/usr/bin/env node
/**
 * `npm run bench`: the overview's performance budget, measured in headless Chromium on the production build.
 *
 *   (a) initial JavaScript, gzip: the JS files the page has loaded when the charts are first drawn (Resource Timing
 *       entries that start before the `dt:charts-drawn` mark, plus the service worker script the page is controlled
 *       by), each gzipped here with zlib's default level. Reported as app code alone, and with the mock API.
 *       Mock-API files are identified from the build graph: the chunks reachable from the dynamic import of
 *       `mocks/browser.ts` (imports and dynamic imports) that the app's own graph, without that edge, does not
 *       reach; plus `mockServiceWorker.js`. A build for a real API (VITE_API_URL) contains none of them.
 *   (b) time from navigation start to `performance.getEntriesByName('dt:charts-drawn')[0].startTime`, median of
 *       N fresh browser contexts (fresh profile: the mock's service worker registers on this first visit, as for a
 *       first-time user); the warm second visit (reload in the same context) is reported beside it.
 *   (c) the same for a blank page built by the same toolchain in the same run (scripts/bench-blank/): its first
 *       contentful paint. Budget: charts drawn within 2x that.
 *   Extra rows: the same with the mock's 10,000- and 100,000-task datasets (chosen through the mock's persisted
 *   setting, localStorage 'directive-tracker.mock.dataset', set before the page loads); no budget for them yet.
 *
 * Prints a Markdown table and the machine, and rewrites README.md between `<!-- bench:start -->` and
 * `<!-- bench:end -->` when both markers exist.
 *
 * Options: --runs N (default 5) · --no-large (skip 10k/100k) · --no-readme (print only)
 *          · CHROMIUM_PATH (default /usr/bin/chromium)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const BLANK_ROOT = path.join(ROOT, 'scripts', 'bench-blank');
const BLANK_DIST = path.join(ROOT, 'dist-blank');
const README = path.join(ROOT, 'README.md');
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';
const MARK = 'dt:charts-drawn';
const MOCK_ENTRY = /[/\\]mocks[/\\]browser\.ts$/;
const SERVICE_WORKER = 'mockServiceWorker.js';
const DATASET_KEY = 'directive-tracker.mock.dataset';
const JS_BUDGET = 200_000;
const PAINT_FACTOR = 2;
/** Same flags as playwright.config.ts. */
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
const flag = (name) => argv.includes(name);
const runsArg = argv.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(argv[runsArg + 1]) : 5;
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('--runs needs a positive integer');

const log = (...parts) => console.error('[bench]', ...parts);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const ms = (value) => `${Math.round(value).toLocaleString('en-US')} ms`;
const gzipSize = (file) => gzipSync(readFileSync(file)).length;

/** Build outputs as a flat list of chunks/assets (Vite returns one output, or one per environment). */
function outputsOf(result) {
  const list = Array.isArray(result) ? result : [result];
  return list.flatMap((r) => r.output ?? []);
}

/** Files of the mock API, from the build graph (see the header comment). */
function mockFilesOf(output) {
  const chunks = new Map(output.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));
  const mockEntry = [...chunks.values()].find((c) => c.facadeModuleId && MOCK_ENTRY.test(c.facadeModuleId));
  const reach = (starts, skip) => {
    const seen = new Set();
    const queue = [...starts];
    while (queue.length) {
      const name = queue.pop();
      if (seen.has(name) || name === skip) continue;
      seen.add(name);
      const chunk = chunks.get(name);
      if (chunk) queue.push(...chunk.imports, ...chunk.dynamicImports);
    }
    return seen;
  };
  const entries = [...chunks.values()].filter((c) => c.isEntry).map((c) => c.fileName);
  const app = reach(entries, mockEntry?.fileName);
  const mock = mockEntry ? [...reach([mockEntry.fileName])].filter((f) => !app.has(f)) : [];
  /** "browser-x.js: 30 project modules (mocks/, src/), 69 from msw, @mswjs/interceptors, …" */
  const describe = (file) => {
    const ids = (chunks.get(file)?.moduleIds ?? []).filter((id) => !id.startsWith('\0'));
    const packages = new Set();
    const dirs = new Set();
    let own = 0;
    for (const id of ids) {
      const pkg = /node_modules[/\\]((?:@[^/\\]+[/\\])?[^/\\]+)/.exec(id)?.[1];
      if (pkg) packages.add(pkg.replace('\\', '/'));
      else {
        own += 1;
        dirs.add(`${path.relative(ROOT, id).split(/[/\\]/)[0]}/`);
      }
    }
    const names = [...packages];
    const deps = names.length
      ? `${ids.length - own} from ${names.slice(0, 6).join(', ')}${names.length > 6 ? ', …' : ''}`
      : '';
    const mine = own ? `${own} project module${own > 1 ? 's' : ''} (${[...dirs].join(', ')})` : '';
    return `${file}: ${[mine, deps].filter(Boolean).join('; ')}`;
  };
  return { files: new Set(mock.map((f) => `/${f}`)), describe: mock.map(describe), found: Boolean(mockEntry) };
}

async function serve(root, outDir, configFile, port) {
  const server = await preview({
    root,
    configFile,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error(`no URL for the preview of ${outDir}`);
  return { url, close: () => server.close() };
}

function newContext(browser, dataset) {
  return browser
    .newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      serviceWorkers: 'allow',
    })
    .then(async (context) => {
      if (dataset && dataset !== 'sample') {
        await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [DATASET_KEY, dataset]);
      }
      return context;
    });
}

function watchErrors(page, errors) {
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
}

/** Waits for the charts-drawn mark; returns its time and the JS files requested before it. */
async function chartsDrawn(page, timeout) {
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, MARK, { timeout, polling: 50 });
  return page.evaluate((mark) => {
    const at = performance.getEntriesByName(mark)[0].startTime;
    const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
    const js = performance
      .getEntriesByType('resource')
      .filter((e) => e.startTime <= at && /\.m?js$/.test(new URL(e.name).pathname))
      .map((e) => new URL(e.name).pathname);
    const worker = navigator.serviceWorker?.controller?.scriptURL;
    if (worker) js.push(new URL(worker).pathname);
    return { at, paint, js: [...new Set(js)].sort() };
  }, MARK);
}

async function measureOverview(browser, url, dataset, runs, timeout) {
  const cold = [];
  const warm = [];
  const paints = [];
  const jsSets = [];
  const errors = [];
  for (let i = 0; i < runs; i += 1) {
    const context = await newContext(browser, dataset);
    const page = await context.newPage();
    watchErrors(page, errors);
    await page.goto(url, { waitUntil: 'commit' });
    const first = await chartsDrawn(page, timeout);
    cold.push(first.at);
    if (first.paint != null) paints.push(first.paint);
    jsSets.push(first.js);
    await page.reload({ waitUntil: 'commit' });
    const second = await chartsDrawn(page, timeout);
    warm.push(second.at);
    const served = await page.evaluate(async () => (await (await fetch('/api/v1/_mock')).json()).dataset);
    if (served !== dataset) throw new Error(`the mock served dataset "${served}", not "${dataset}"`);
    await context.close();
    log(`${dataset}: charts drawn ${ms(first.at)} (first visit), ${ms(second.at)} (warm second visit)`);
  }
  return { cold, warm, paints, jsSets, errors };
}

async function measureBlank(browser, url, runs) {
  const paints = [];
  for (let i = 0; i < runs; i += 1) {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, {
      timeout: 30_000,
      polling: 50,
    });
    paints.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0].startTime));
    await context.close();
  }
  log(`blank page: first contentful paint ${paints.map(ms).join(', ')}`);
  return paints;
}

function machine(browserVersion) {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown CPU';
  let distro = `${os.type()} ${os.release()}`;
  try {
    distro = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? distro;
  } catch {
    // keep the kernel name
  }
  let vite = '?';
  try {
    vite = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/vite/package.json'), 'utf8')).version;
  } catch {
    // unknown
  }
  return (
    `${model}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${distro}; ` +
    `Node ${process.version}, Chromium ${browserVersion} (headless), Vite ${vite}`
  );
}

/** The section as Biome formats Markdown (aligned table columns), so `npm run lint` stays clean after a run. */
function formatMarkdown(markdown) {
  try {
    return execFileSync(path.join(ROOT, 'node_modules', '.bin', 'biome'), ['format', '--stdin-file-path=README.md'], {
      cwd: ROOT,
      input: markdown,
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'ignore'],
    }).trimEnd();
  } catch {
    return markdown;
  }
}

async function main() {
  // The benchmark measures the default build: the one that runs on the embedded mock API.
  delete process.env.VITE_API_URL;
  log('building the app (vite build) and the blank page…');
  const appOutput = outputsOf(await build({ root: ROOT, logLevel: 'warn' }));
  await build({
    root: BLANK_ROOT,
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: { outDir: BLANK_DIST, emptyOutDir: true, target: 'es2022' },
  });
  const mock = mockFilesOf(appOutput);
  if (!mock.found) log('warning: no chunk for mocks/browser.ts in the build (was VITE_API_URL set?)');

  const app = await serve(ROOT, DIST, undefined, 4183);
  const blank = await serve(BLANK_ROOT, BLANK_DIST, false, 4193);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  });
  const rows = [];
  const notes = [];
  try {
    // Blank page and overview alternate, run by run, so that both see the same load on the machine.
    const blankPaints = [];
    const sample = { cold: [], warm: [], paints: [], jsSets: [], errors: [] };
    for (let i = 0; i < RUNS; i += 1) {
      blankPaints.push(...(await measureBlank(browser, blank.url, 1)));
      const run = await measureOverview(browser, app.url, 'sample', 1, 60_000);
      for (const key of Object.keys(sample)) sample[key].push(...run[key]);
    }

    // (a) Initial JS. Every run must have loaded the same files (otherwise say so).
    const files = sample.jsSets[0];
    if (sample.jsSets.some((s) => s.join() !== files.join())) notes.push('The set of JS files differed between runs.');
    let appBytes = 0;
    let mockBytes = 0;
    const listed = [];
    for (const file of files) {
      const onDisk = path.join(DIST, file);
      if (!existsSync(onDisk)) {
        notes.push(`${file} was loaded but is not in dist/.`);
        continue;
      }
      const size = gzipSize(onDisk);
      const isMock = mock.files.has(file) || file === `/${SERVICE_WORKER}`;
      if (isMock) mockBytes += size;
      else appBytes += size;
      listed.push(`${file.slice(1)} ${kB(size)}${isMock ? ' (mock)' : ''}`);
    }
    const verdictJs = (bytes) =>
      bytes <= JS_BUDGET
        ? `✅ within (${kB(JS_BUDGET - bytes)} to spare)`
        : `❌ over by ${kB(bytes - JS_BUDGET)} (+${Math.round(((bytes - JS_BUDGET) / JS_BUDGET) * 100)}%)`;
    rows.push(['Initial JS, app code (gzip)', kB(appBytes), `≤ ${kB(JS_BUDGET)}`, verdictJs(appBytes)]);
    rows.push([
      'Initial JS incl. the mock API (gzip)',
      kB(appBytes + mockBytes),
      `≤ ${kB(JS_BUDGET)}`,
      verdictJs(appBytes + mockBytes),
    ]);

    // (b), (c) Timing.
    const blankMedian = median(blankPaints);
    const drawn = median(sample.cold);
    const limit = PAINT_FACTOR * blankMedian;
    rows.push(['Blank page (same toolchain): first contentful paint', ms(blankMedian), '—', 'reference']);
    rows.push([
      'Overview, sample data: charts drawn (first visit, fresh profile)',
      ms(drawn),
      `≤ ${PAINT_FACTOR}× blank = ${ms(limit)}`,
      drawn <= limit
        ? `✅ ${(drawn / blankMedian).toFixed(1)}× blank`
        : `❌ ${(drawn / blankMedian).toFixed(1)}× blank (over by ${ms(drawn - limit)})`,
    ]);
    if (sample.paints.length)
      rows.push(['Overview, sample data: first contentful paint', ms(median(sample.paints)), '—', 'info']);
    rows.push(['Overview, sample data: charts drawn (warm second visit)', ms(median(sample.warm)), '—', 'info']);
    const errors = [...sample.errors];

    if (!flag('--no-large')) {
      for (const [dataset, label, timeout] of [
        ['synthetic-10k', '10,000 synthetic tasks', 120_000],
        ['synthetic-100k', '100,000 synthetic tasks', 300_000],
      ]) {
        try {
          const large = await measureOverview(browser, app.url, dataset, RUNS, timeout);
          rows.push([
            `Overview, sample + ${label}: charts drawn (first visit)`,
            ms(median(large.cold)),
            '— (no budget yet)',
            'info',
          ]);
          rows.push([
            `Overview, sample + ${label}: charts drawn (warm second visit)`,
            ms(median(large.warm)),
            '—',
            'info',
          ]);
          errors.push(...large.errors);
        } catch (error) {
          rows.push([`Overview, sample + ${label}: charts drawn`, 'failed', '—', String(error.message).split('\n')[0]]);
        }
      }
    }
    if (errors.length) notes.push(`Page errors during the runs: ${[...new Set(errors)].slice(0, 5).join(' | ')}`);

    const version = browser.version();
    const table = [
      `| Figure | Median of ${RUNS} | Budget | Verdict |`,
      '| --- | ---: | --- | --- |',
      ...rows.map((r) => `| ${r.join(' | ')} |`),
    ].join('\n');
    const section = [
      `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${machine(version)}.`,
      '',
      table,
      '',
      `- JS loaded before the charts are drawn (gzip, zlib level 6; kB = 1000 bytes; the same in every run): ${listed.join(', ')}.`,
      `- Mock-API files are the chunks reachable only through \`main.tsx\`'s dynamic import of \`mocks/browser.ts\` ` +
        `(read from the build graph)${mock.describe.length ? `: ${mock.describe.join('; ')}` : ''}; plus \`${SERVICE_WORKER}\`. ` +
        'A build with `VITE_API_URL` ships none of them.',
      "- Times run from navigation start (the page's `performance.timeOrigin`) to the `dt:charts-drawn` mark. Each " +
        "first visit is in a fresh browser context, so the mock's service worker registers then, as for a first-time " +
        'user; the warm visit is a reload in the same context. The 10,000 / 100,000 rows add synthetic tasks to the ' +
        'sample (the mock builds them in the page when it starts). The blank page is `scripts/bench-blank/`, built by ' +
        'Vite in the same run; its time is its first contentful paint.',
      ...notes.map((n) => `- Note: ${n}`),
    ].join('\n');
    console.log(section);

    if (flag('--no-readme')) return;
    const readme = existsSync(README) ? readFileSync(README, 'utf8') : null;
    const start = readme?.indexOf(START) ?? -1;
    const end = readme?.indexOf(END) ?? -1;
    if (readme == null || start < 0 || end < start) {
      log(`README.md ${readme == null ? 'does not exist' : `lacks the ${START} … ${END} markers`}: not updated.`);
      return;
    }
    writeFileSync(
      README,
      `${readme.slice(0, start + START.length)}\n\n${formatMarkdown(section)}\n${readme.slice(end)}`,
    );
    log('README.md: benchmark section rewritten.');
  } finally {
    await browser.close();
    await app.close();
    await blank.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
