/**
 * Bundles the server (server/node.ts, everything it imports from src/ and the npm packages it uses) into one ES
 * module, dist-server/node.mjs. Only native addons stay imports from node_modules: better-sqlite3 and pg's optional
 * pg-native.
 *
 * Why: run through tsx, every start compiles ~300 TypeScript modules (about 1.4 s and 170 MB on this machine);
 * the bundle starts in about 0.5 s. With the packages inside it too, Node no longer resolves and compiles some 250
 * package modules one by one at start (≈0.15 CPU-s less a start; the end-to-end tests start a server per test).
 * `npm start`, the benchmarks and the end-to-end tests run the bundle; tests of the server's modules still import
 * the TypeScript directly.
 *
 * The SQLite read threads' worker (server/store/sql/read-worker.mjs, plain JavaScript, resolved beside the module
 * that starts it) is copied next to the bundle.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { build } from 'esbuild';

export const SERVER_BUNDLE = 'dist-server/node.mjs';

await mkdir('dist-server', { recursive: true });
await build({
  entryPoints: ['server/node.ts'],
  outfile: SERVER_BUNDLE,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3', 'pg-native'],
  // CommonJS packages inside an ES module still call require() for Node's built-ins.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  // The overview's first screen is drawn by the app's own components (server/http/first-screen-render.tsx): what
  // they read of Vite's build-time constants is the server build's.
  define: { 'import.meta.env': JSON.stringify({ VITE_API_URL: '/api/v1', BASE_URL: '/', MODE: 'production' }) },
  loader: { '.css': 'empty' },
  jsx: 'automatic',
  sourcemap: 'linked',
  logLevel: 'warning',
});
await copyFile('server/store/sql/read-worker.mjs', 'dist-server/read-worker.mjs');
