import { defineConfig } from '@playwright/test';
import type { AppMode } from './tests/e2e/helpers';

/**
 * End-to-end tests in Debian's Chromium, in two projects:
 * - `server`: the server build (`vite build`) served by the real server on SQLite — one fresh server and database
 *   per test (tests/e2e/helpers.ts) — every test but those about the mock (tagged @demo).
 * - `demo`: the static demo build (`vite build --mode demo`, the in-browser mock API) served by `vite preview`;
 *   the tests about the mock (fault scenarios, browser storage, tabs sharing one database; tagged @demo) and every
 *   test of what a person does with the data (figures, filters, updates, imports, exports), so the demo is known to
 *   work end to end. Tests of the screens themselves (layout at each viewport, accessibility scans, the
 *   presentation; tagged @ui) exercise the same components on either build and run once, on the server build.
 * Each test gets a fresh browser context (no service worker, no storage). Screenshots go to
 * artifacts/screenshots/<project>/.
 */
const PORT = Number(process.env.E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${PORT}`;
const SERVER_BUILD_PORT = PORT + 1;

/** The launch flags every browser of this project's tests and benchmark uses (scripts/bench.mjs repeats them). */
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

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  // Apart per run when several run at once in one checkout (E2E_OUTPUT); test-results/ otherwise.
  outputDir: process.env.E2E_OUTPUT ?? 'test-results',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  // One retry on CI: a 2-core machine under load can lose a race; a test that needs it is reported as flaky.
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL,
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    serviceWorkers: 'allow',
    // A trace is recorded for a retry only: recording every test (retain-on-failure) cost ~8 % of the run's CPU. On
    // CI a failure is retried once, with its trace; a local run (no retries) keeps the trace of each failure.
    trace: process.env.CI ? 'on-first-retry' : 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'demo', use: { appMode: 'preview' satisfies AppMode }, grepInvert: /@server|@ui/ },
    {
      name: 'server',
      use: { appMode: 'server' satisfies AppMode },
      // Fault scenarios are the mock's; the live-screen tests start a server of their own, once, from the demo run.
      testIgnore: ['**/faults.spec.ts', '**/live.spec.ts'],
      grepInvert: /@demo/,
    },
  ],
  webServer: [
    {
      // Always a fresh build: the tests check exactly what a user of the demo build gets.
      command: `npx vite build --mode demo --logLevel warn && npx vite preview --mode demo --port ${PORT} --strictPort`,
      url: baseURL,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // The server build (dist/) and the server's bundle (dist-server/), which the server project's per-test servers
      // and the live-screen tests run; this instance only says both are ready (and that the server starts at all).
      command:
        `npx vite build --logLevel warn && node scripts/build-server.mjs && ` +
        `PORT=${SERVER_BUILD_PORT} DATABASE_URL=file::memory: node dist-server/node.mjs`,
      url: `http://127.0.0.1:${SERVER_BUILD_PORT}/api/v1/health`,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
