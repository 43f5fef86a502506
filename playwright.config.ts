import { defineConfig } from '@playwright/test';
import type { AppMode } from './tests/e2e/helpers';

/**
 * End-to-end tests in Debian's Chromium, in two projects:
 * - `demo`: the static demo build (`vite build --mode demo`, the in-browser mock API) served by `vite preview`;
 *   every test, including those about the mock (fault scenarios, browser storage), tagged @demo.
 * - `server`: the server build (`vite build`) served by the real server on SQLite — one fresh server and database
 *   per test (tests/e2e/helpers.ts) — every test not about the mock.
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
  outputDir: 'test-results',
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
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'demo', use: { appMode: 'preview' satisfies AppMode }, grepInvert: /@server/ },
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
      // The server build (dist/), which the server project's per-test servers serve; this instance only says
      // the build is ready (and that the server starts at all).
      command: `npx vite build --logLevel warn && PORT=${SERVER_BUILD_PORT} DATABASE_URL=file::memory: npx tsx server/node.ts`,
      url: `http://127.0.0.1:${SERVER_BUILD_PORT}/api/v1/health`,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
