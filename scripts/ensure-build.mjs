/**
 * `npm start` runs this first: builds the app (the server build, into dist/) when it is missing or older than its
 * sources, so a fresh clone needs no separate build step and a rebuilt checkout is never served stale.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const STAMP = 'dist/index.html';
const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json', 'server/http/csp.ts'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

const built = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0;
const sources = Math.max(...SOURCES.map(newest));
if (built >= sources) process.exit(0);

console.log(built ? 'The app changed since it was built: building it again…' : 'Building the app (first start)…');
const run = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
process.exit(run.status ?? 1);
