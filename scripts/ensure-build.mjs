/**
 * `npm start` runs this first: builds what is missing or older than its sources, so a fresh clone needs no separate
 * build step and a rebuilt checkout is never served stale:
 * - the app (the server build, into dist/), from src/, public/ and the Vite config;
 * - the server bundle (dist-server/node.mjs, scripts/build-server.mjs), from server/ and the src/ it imports.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

/** Runs `command` when `stamp` is missing or older than any of `sources`; exits on failure. */
function ensure({ what, stamp, sources, command }) {
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  if (built >= Math.max(...sources.map(newest))) return;
  console.log(built ? `${what} changed since it was built: building it again…` : `Building ${what} (first start)…`);
  const run = spawnSync(command[0], command.slice(1), { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}

ensure({
  what: 'the app',
  stamp: 'dist/index.html',
  sources: ['src', 'public', 'index.html', 'vite.config.ts', 'package.json', 'server/http/csp.ts'],
  command: ['npx', 'vite', 'build', '--logLevel', 'warn'],
});
ensure({
  what: 'the server',
  stamp: 'dist-server/node.mjs',
  sources: ['server', 'src', 'package.json', 'scripts/build-server.mjs'],
  command: [process.execPath, 'scripts/build-server.mjs'],
});
