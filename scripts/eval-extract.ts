/**
 * `npm run eval:extract`: scores src/extraction against the labelled set in tests/fixtures/extraction/ and prints
 * a Markdown table (overall figures, then one row per passage).
 *
 * Detection: a prediction matches a labelled clause when their spans overlap by at least half of the shorter one
 * (one-to-one, largest overlaps first). Precision, recall and F1 count those matches. Deadline, locality and
 * category accuracy are measured on the matched pairs: the same date (or both none), the same set of unit codes,
 * the same category.
 *
 * Options: --verbose lists every miss, false alarm and attribute mismatch; --json prints the figures as JSON;
 * --min-f1 X exits with status 1 when F1 is below X.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLocalityIndex, type LocalityDataset } from '../src/domain/localities';
import { type Directive, extractDirectives, type LocalityIndexLike } from '../src/extraction/extract';

interface LabelledDirective {
  clause: string;
  deadline: string | null;
  localities: string[];
  category: string;
}
interface Passage {
  file: string;
  date: string;
  /** `dev`: developed on; `heldout`, `heldout2`: written and labelled after a freeze (see the fixtures' README). */
  split?: 'dev' | 'heldout' | 'heldout2';
  note?: string;
  directives: LabelledDirective[];
}

export interface Scores {
  passages: number;
  labels: number;
  predictions: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
  deadlineAccuracy: number;
  localityAccuracy: number;
  categoryAccuracy: number;
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'extraction');

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** One-to-one matching of predictions to labels (largest overlap first), overlap ≥ half of the shorter span. */
export function matchSpans(
  labels: readonly { start: number; end: number }[],
  predictions: readonly { start: number; end: number }[],
): Array<[number, number]> {
  const pairs: Array<[number, number, number]> = [];
  labels.forEach((l, i) => {
    predictions.forEach((p, j) => {
      const o = overlap(l, p);
      const shorter = Math.min(l.end - l.start, p.end - p.start);
      if (shorter > 0 && o * 2 >= shorter) pairs.push([i, j, o]);
    });
  });
  pairs.sort((x, y) => y[2] - x[2] || x[0] - y[0] || x[1] - y[1]);
  const usedL = new Set<number>();
  const usedP = new Set<number>();
  const out: Array<[number, number]> = [];
  for (const [i, j] of pairs) {
    if (usedL.has(i) || usedP.has(j)) continue;
    usedL.add(i);
    usedP.add(j);
    out.push([i, j]);
  }
  return out;
}

interface Tally {
  passages: number;
  labels: number;
  predictions: number;
  matched: number;
  deadlineOk: number;
  localityOk: number;
  categoryOk: number;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',');

function toScores(t: Tally): Scores {
  const precision = ratio(t.matched, t.predictions);
  const recall = ratio(t.matched, t.labels);
  return {
    passages: t.passages,
    labels: t.labels,
    predictions: t.predictions,
    matched: t.matched,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    deadlineAccuracy: ratio(t.deadlineOk, t.matched),
    localityAccuracy: ratio(t.localityOk, t.matched),
    categoryAccuracy: ratio(t.categoryOk, t.matched),
  };
}

function loadIndex(): LocalityIndexLike | undefined {
  try {
    const data = JSON.parse(readFileSync(join(ROOT, 'src', 'data', 'localities.json'), 'utf8')) as LocalityDataset;
    return createLocalityIndex(data);
  } catch (error) {
    process.stderr.write(`Không nạp được danh mục đơn vị hành chính: ${(error as Error).message}\n`);
    return undefined;
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const asJson = args.includes('--json');
  const minIdx = args.indexOf('--min-f1');
  const minF1 = minIdx >= 0 ? Number(args[minIdx + 1]) : null;

  const set = JSON.parse(readFileSync(join(FIXTURES, 'labels.json'), 'utf8')) as { passages: Passage[] };
  const index = loadIndex();
  const rows: string[] = [];
  const details: string[] = [];
  const tallies = new Map<string, Tally>();
  const tally = (key: string): Tally => {
    let t = tallies.get(key);
    if (!t) {
      t = { passages: 0, labels: 0, predictions: 0, matched: 0, deadlineOk: 0, localityOk: 0, categoryOk: 0 };
      tallies.set(key, t);
    }
    return t;
  };

  for (const passage of set.passages) {
    const text = readFileSync(join(FIXTURES, passage.file), 'utf8').normalize('NFC');
    const labelSpans = passage.directives.map((d) => {
      const clause = d.clause.normalize('NFC');
      const start = text.indexOf(clause);
      if (start < 0) throw new Error(`${passage.file}: label not found in text: ${d.clause}`);
      return { start, end: start + clause.length };
    });
    const predicted: Directive[] = extractDirectives(text, { articleDate: passage.date, localities: index });
    const pairs = matchSpans(
      labelSpans,
      predicted.map((p) => p.clause),
    );
    let d = 0;
    let l = 0;
    let c = 0;
    for (const [i, j] of pairs) {
      const gold = passage.directives[i]!;
      const pred = predicted[j]!;
      const dOk = (pred.deadline?.date ?? null) === gold.deadline;
      const lOk = sameSet(
        pred.localities.map((x) => x.code),
        gold.localities,
      );
      const cOk = pred.category === gold.category;
      d += dOk ? 1 : 0;
      l += lOk ? 1 : 0;
      c += cOk ? 1 : 0;
      if (verbose && (!dOk || !lOk || !cOk)) {
        details.push(
          `- ${passage.file} «${gold.clause.slice(0, 70)}»${dOk ? '' : ` deadline ${pred.deadline?.date ?? 'none'} ≠ ${gold.deadline ?? 'none'}`}${lOk ? '' : ` localities [${pred.localities.map((x) => x.code).join(',')}] ≠ [${gold.localities.join(',')}]`}${cOk ? '' : ` category ${pred.category} ≠ ${gold.category}`}`,
        );
      }
    }
    if (verbose) {
      const hitL = new Set(pairs.map(([i]) => i));
      const hitP = new Set(pairs.map(([, j]) => j));
      passage.directives.forEach((g, i) => {
        if (!hitL.has(i)) details.push(`- ${passage.file} MISSED «${g.clause}»`);
      });
      predicted.forEach((p, j) => {
        if (!hitP.has(j)) details.push(`- ${passage.file} FALSE ALARM «${p.clause.text}»`);
      });
    }
    for (const key of ['all', passage.split ?? 'dev']) {
      const t = tally(key);
      t.passages += 1;
      t.labels += passage.directives.length;
      t.predictions += predicted.length;
      t.matched += pairs.length;
      t.deadlineOk += d;
      t.localityOk += l;
      t.categoryOk += c;
    }
    const p = ratio(pairs.length, predicted.length);
    const r = ratio(pairs.length, passage.directives.length);
    const of = (n: number) => (pairs.length ? `${n}/${pairs.length}` : '–');
    rows.push(
      `| ${passage.file} | ${passage.split ?? 'dev'} | ${passage.directives.length} | ${predicted.length} | ${pairs.length} | ${pct(p)} | ${pct(r)} | ${of(d)} | ${of(l)} | ${of(c)} |`,
    );
  }

  const scores = Object.fromEntries([...tallies].map(([key, t]) => [key, toScores(t)])) as Record<string, Scores>;
  const all = scores.all!;
  if (asJson) {
    process.stdout.write(`${JSON.stringify(scores, null, 2)}\n`);
  } else {
    const splits = ['all', 'dev', 'heldout', 'heldout2'].filter((k) => scores[k]);
    const line = (label: string, f: (x: Scores) => string) =>
      `| ${label} | ${splits.map((k) => f(scores[k]!)).join(' | ')} |`;
    const out = [
      `Directive extraction, ${all.passages} labelled passages, ${all.labels} directives (tests/fixtures/extraction/).`,
      'dev: developed on. heldout: labelled after a first freeze, then used to fix bugs. heldout2: labelled after the final freeze (see README.md there for the scores before fixes).',
      '',
      `| metric | ${splits.join(' | ')} |`,
      `| --- | ${splits.map(() => '---').join(' | ')} |`,
      line('passages / directives', (x) => `${x.passages} / ${x.labels}`),
      line('precision', (x) => `${pct(x.precision)} (${x.matched}/${x.predictions})`),
      line('recall', (x) => `${pct(x.recall)} (${x.matched}/${x.labels})`),
      line('F1', (x) => x.f1.toFixed(3)),
      line('deadline accuracy (matched)', (x) => pct(x.deadlineAccuracy)),
      line('locality accuracy (matched)', (x) => pct(x.localityAccuracy)),
      line('category accuracy (matched)', (x) => pct(x.categoryAccuracy)),
      '',
      '| passage | split | labelled | predicted | matched | precision | recall | deadlines | localities | categories |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      ...rows,
    ];
    if (verbose && details.length) out.push('', ...details);
    process.stdout.write(`${out.join('\n')}\n`);
  }
  const f1 = all.f1;
  if (minF1 !== null && f1 < minF1) process.exitCode = 1;
}

main();
