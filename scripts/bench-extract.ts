/**
 * `npx tsx scripts/bench-extract.ts`: the extractor's speed in Node, as Markdown table rows for the README's benchmark
 * table (`| Figure | Median of N | Budget | Verdict |`):
 *   - throughput on a 4 kB article (the seed article, topped up to 4,096 UTF-8 bytes with the start of another
 *     sample passage), in articles per second: each run extracts it repeatedly for ~1 s; median of the runs.
 *     Budget: ≥ 500 articles/s on one core. Also given per second of CPU time, which a busy machine disturbs less;
 *   - throughput on the real passages of tests/fixtures/extraction-real (each one an article), in characters per
 *     second, so that text the rules were not written for is timed too;
 *   - the time to extract a 1 MB text (the same 4 kB article repeated), median of the runs, and its time per
 *     character against the 4 kB article's. Budget: ≤ 1.5× (linear in the text's length).
 * All with the locality index (as the app and `npm run extract` use it), built once beforehand.
 * Only the rows (or, with --json, one JSON object: scripts/bench.mjs reads it) go to stdout; progress goes to stderr.
 * Options: --runs N (default 5, at least 5) · --json.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createLocalityIndex, type LocalityDataset } from '../src/domain/localities';
import { extractDirectives } from '../src/extraction/extract';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const runsArg = argv.indexOf('--runs');
const RUNS = Math.max(5, runsArg >= 0 ? Number(argv[runsArg + 1]) || 5 : 5);
const JSON_OUT = argv.includes('--json');
const ARTICLE_BYTES = 4096;
const BIG_CHARS = 1_000_000;
const RUN_MS = 1000;
const THROUGHPUT_BUDGET = 500;
const LINEARITY_BUDGET = 1.5;

const fixture = (name: string) =>
  readFileSync(resolve(ROOT, 'tests/fixtures/extraction', name), 'utf8').normalize('NFC');

/** The seed article topped up to exactly 4,096 UTF-8 bytes (cut at a character boundary). */
function article4k(): string {
  const seed = fixture('01-seed-cho-lach-2022.txt');
  const more = fixture('02-ba-tri-cong-trinh-2022.txt');
  let text = `${seed}\n\n${more}`;
  const encoder = new TextEncoder();
  while (encoder.encode(text).length > ARTICLE_BYTES) text = text.slice(0, -1);
  return text;
}

/** The real passages, one article each (text and date). */
function realPassages(): Array<{ text: string; date: string | undefined }> {
  const out: Array<{ text: string; date: string | undefined }> = [];
  for (const file of ['passages.json']) {
    try {
      const list = JSON.parse(readFileSync(resolve(ROOT, 'tests/fixtures/extraction-real', file), 'utf8')) as Array<{
        text: string;
        published: string | null;
      }>;
      for (const p of list) out.push({ text: p.text.normalize('NFC'), date: p.published ?? undefined });
    } catch {
      // A missing file only shortens the set.
    }
  }
  return out;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function main() {
  const data = JSON.parse(readFileSync(resolve(ROOT, 'src/data/localities.json'), 'utf8')) as LocalityDataset;
  const localities = createLocalityIndex(data);
  const opts = { articleDate: '2022-03-22', localities };
  const article = article4k();
  const found = extractDirectives(article, opts).length;
  process.stderr.write(
    `article: ${new TextEncoder().encode(article).length} bytes, ${found} directives; ${RUNS} runs on ${os.cpus()[0]?.model ?? 'unknown CPU'}\n`,
  );

  // Warm-up: let the JIT settle before measuring.
  for (let i = 0; i < 50; i++) extractDirectives(article, opts);

  const rates: number[] = [];
  const cpuRates: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    let n = 0;
    const start = performance.now();
    const cpu0 = process.cpuUsage();
    let elapsed = 0;
    while (elapsed < RUN_MS) {
      extractDirectives(article, opts);
      n++;
      elapsed = performance.now() - start;
    }
    const cpu = process.cpuUsage(cpu0);
    rates.push((n * 1000) / elapsed);
    cpuRates.push(n / ((cpu.user + cpu.system) / 1e6));
    process.stderr.write(
      `  run ${r + 1}: ${fmt(rates.at(-1)!, 1)} articles/s (${fmt(cpuRates.at(-1)!, 1)} per CPU second)\n`,
    );
  }

  const real = realPassages();
  const realChars = real.reduce((n, p) => n + p.text.length, 0);
  const realRates: number[] = [];
  for (let r = 0; r < RUNS && real.length > 0; r++) {
    const start = performance.now();
    for (const p of real) extractDirectives(p.text, { articleDate: p.date, localities });
    realRates.push((realChars * 1000) / (performance.now() - start));
  }

  let big = '';
  while (big.length < BIG_CHARS) big += `${article}\n\n`;
  big = big.slice(0, BIG_CHARS);
  const bigTimes: number[] = [];
  let bigFound = 0;
  for (let r = 0; r < RUNS; r++) {
    const start = performance.now();
    bigFound = extractDirectives(big, opts).length;
    bigTimes.push(performance.now() - start);
    process.stderr.write(`  1 MB run ${r + 1}: ${fmt(bigTimes.at(-1)!)} ms (${bigFound} directives)\n`);
  }

  const rate = median(rates);
  const cpuRate = median(cpuRates);
  const bigMs = median(bigTimes);
  const realCharsPerSecond = realRates.length > 0 ? median(realRates) : 0;
  const linearity = bigMs / big.length / (1000 / rate / article.length);
  if (JSON_OUT) {
    process.stdout.write(
      `${JSON.stringify({ runs: RUNS, articleBytes: ARTICLE_BYTES, articleChars: article.length, articleDirectives: found, articlesPerSecond: rate, articlesPerCpuSecond: cpuRate, oneMegabyteChars: big.length, oneMegabyteMs: bigMs, directivesIn1MB: bigFound, realPassages: real.length, realCharsPerSecond, linearity, throughputBudget: THROUGHPUT_BUDGET, linearityBudget: LINEARITY_BUDGET })}\n`,
    );
    return;
  }
  const verdict = (ok: boolean) => (ok ? 'pass' : 'FAIL');
  process.stdout.write(
    `| Extraction, 4 kB article (Node, one core, with the locality index): throughput | ${fmt(rate, 1)} articles/s (${fmt(cpuRate, 1)} per CPU second) | ≥ ${THROUGHPUT_BUDGET} articles/s | ${verdict(rate >= THROUGHPUT_BUDGET)} |\n`,
  );
  process.stdout.write(
    `| Extraction, ${real.length} real passages (${fmt(realChars)} characters; Node): throughput | ${fmt(realCharsPerSecond)} characters/s (${fmt(realCharsPerSecond / 4096, 1)} × 4 kB per second) | — | info |\n`,
  );
  process.stdout.write(
    `| Extraction, 1 MB text (10⁶ characters, ${fmt(bigFound)} directives; Node): time | ${fmt(bigMs)} ms (${linearity.toFixed(2)}× the 4 kB article's time per character) | ≤ ${LINEARITY_BUDGET}× | ${verdict(linearity <= LINEARITY_BUDGET)} |\n`,
  );
}

main();
