#!/usr/bin/env node
/**
 * What the server build's initial JS is made of (issue 16): builds with source maps into a temporary folder, takes
 * the chunks dist/index.html loads or modulepreloads outside the first screen's chart preloads (as scripts/bench.mjs
 * counts them), attributes each chunk's bytes to their sources through its source map, gzips each source's pieces
 * on their own and scales them to the chunk's real `gzip -9` size (so the parts add up to the total; the split
 * within a chunk is an estimate), and prints the sum per package (or per app file with --files).
 *
 *   node scripts/initial-js-breakdown.mjs [--mode demo] [--files]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const { SourceMapConsumer } = require('source-map-js');
const argv = process.argv.slice(2);
const mode = argv.includes('--mode') ? argv[argv.indexOf('--mode') + 1] : 'production';
const perFile = argv.includes('--files');

const out = mkdtempSync(path.join(os.tmpdir(), 'initial-js-'));
try {
  const build = spawnSync(
    'npx',
    ['vite', 'build', '--mode', mode, '--sourcemap', '--logLevel', 'warn', '--outDir', out, '--emptyOutDir'],
    {
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
  const html = readFileSync(path.join(out, 'index.html'), 'utf8').replace(
    /<!--first-screen:start-->[\s\S]*?<!--first-screen:end-->/g,
    '',
  );
  const chunks = new Set([...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]));
  const group = (source) => {
    if (!source) return '(generated)';
    const nm = source.lastIndexOf('node_modules/');
    if (nm >= 0) {
      const [scope, name] = source.slice(nm + 'node_modules/'.length).split('/');
      return scope.startsWith('@') ? `${scope}/${name}` : scope;
    }
    // Sources are relative to the map, which is in the temporary folder: made relative to the project again.
    const local = path.relative(process.cwd(), path.resolve(out, 'assets', source));
    return local;
  };
  const parts = new Map();
  let total = 0;
  for (const chunk of chunks) {
    const code = readFileSync(path.join(out, chunk), 'utf8').replace(/\n?\/\/# sourceMappingURL=.*\n?$/, '');
    const gz = gzipSync(code, { level: 9 }).length;
    total += gz;
    let map;
    try {
      map = JSON.parse(readFileSync(path.join(out, `${chunk}.map`), 'utf8'));
    } catch {
      parts.set(`(no source map) ${path.basename(chunk)}`, gz);
      continue;
    }
    const lines = code.split('\n');
    const mappings = [];
    new SourceMapConsumer(map).eachMapping((m) => mappings.push(m));
    mappings.sort((a, b) => a.generatedLine - b.generatedLine || a.generatedColumn - b.generatedColumn);
    const text = new Map();
    for (const [i, m] of mappings.entries()) {
      const next = mappings[i + 1];
      const line = lines[m.generatedLine - 1] ?? '';
      const end = next && next.generatedLine === m.generatedLine ? next.generatedColumn : line.length;
      const g = group(m.source);
      text.set(g, (text.get(g) ?? '') + line.slice(m.generatedColumn, end));
    }
    const zipped = [...text].map(([g, t]) => [g, gzipSync(t, { level: 9 }).length]);
    const sum = zipped.reduce((s, [, n]) => s + n, 0);
    // Estimated per package and per file (the finer the pieces, the closer to their share), then summed as shown.
    for (const [g, n] of zipped) {
      const shown = perFile ? g : (g.match(/^(src\/[^/]+|mocks|server)\//)?.[1] ?? g);
      parts.set(shown, (parts.get(shown) ?? 0) + (n / sum) * gz);
    }
  }
  const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
  console.log(`${mode} build, initial JS of /: ${chunks.size} chunks, ${kB(total)} (gzip -9)\n`);
  for (const [g, n] of [...parts].sort((a, b) => b[1] - a[1])) if (n >= 100) console.log(`${kB(n).padStart(9)}  ${g}`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
