import { availableParallelism } from 'node:os';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * Three projects, so each file gets only the environment it needs (timings in docs/testing.md):
 * - unit: pure functions in Node, no DOM, no mock API (a file that needs the API calls serveMockApi() itself);
 * - integration: the whole app in jsdom against the mock API (tests/setup.ts);
 * - server: the HTTP application over each store, in Node.
 */
export default defineConfig({
  plugins: [react()],
  test: {
    globals: true,
    testTimeout: 20_000,
    // Vitest's default leaves one core to its main process, which is idle once the files are transformed: on a
    // 2-core machine that ran every file one after the other.
    maxWorkers: availableParallelism(),
    projects: [
      {
        extends: true,
        test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.{ts,tsx}'] },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          environment: 'jsdom',
          // A whole route rendered in jsdom with several user steps: room for a busy 2-core machine.
          testTimeout: 45_000,
          setupFiles: ['tests/setup.ts'],
          include: ['tests/integration/**/*.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        test: { name: 'server', environment: 'node', include: ['tests/server/**/*.test.ts'] },
      },
    ],
  },
});
