/**
 * `npm run eval:extract`: scores src/extraction against the labelled sets and prints one Markdown table with a column
 * per set. Sets are never mixed:
 *   - `samples`: the passages the team wrote (tests/fixtures/extraction/labels.json), with their own sub-splits;
 *   - `real-dev`, `real-test`: real published news (tests/fixtures/extraction-real/passages.json; odd ids dev, even
 *     ids test).
 *
 * Detection: a prediction matches a labelled clause when their spans overlap by at least half of the shorter one
 * (one-to-one, largest overlaps first). Precision, recall and F1 count those matches. Deadline accuracy is measured on
 * the matched pairs: for the samples the same resolved date (or both none); for real text, whose labels give the
 * deadline words verbatim, the same words (one contains the other, white space ignored) or both none. False alarms on
 * negatives: predictions on passages labelled as having no directive (and how many such passages had any).
 *
 * Options:
 *   --set NAME[,NAME…]   only these sets (`samples`, `real-dev`, `real-test`, or `dev`
 *                        for every dev split, `test` for every test split). Develop with `--set dev`.
 *   --verbose            every miss and false alarm, grouped by cause (and attribute mismatches of the samples).
 *   --passages           one row per passage.
 *   --json               the figures as JSON.
 *   --min-f1 X           exit with status 1 when the F1 of any selected set is below X.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLocalityIndex, type LocalityDataset } from '../src/domain/localities';
import { guessArticleDate } from '../src/extraction/article-date';
import { type Directive, extractDirectives, type LocalityIndexLike } from '../src/extraction/extract';
import { segment } from '../src/extraction/segment';

interface SampleDirective {
  clause: string;
  deadline: string | null;
  localities: string[];
  category: string;
}
interface SamplePassage {
  file: string;
  date: string;
  split?: 'dev' | 'heldout' | 'heldout2';
  directives: SampleDirective[];
}
interface RealDirective {
  sentence: string;
  clause: string;
  issuer: string;
  assignee: string;
  deadline: string | null;
  title: string;
  note?: string;
}
export interface RealPassage {
  id: string;
  source_url: string;
  source_title: string;
  published: string | null;
  province: string;
  is_negative: boolean;
  text: string;
  note: string;
  directives: RealDirective[];
}

/** A passage ready to score: text, date, labelled spans. */
interface Case {
  set: string;
  name: string;
  text: string;
  date: string | undefined;
  negative: boolean;
  labels: Array<{ start: number; end: number; clause: string; deadline: string | null; gold?: SampleDirective }>;
}

export interface Scores {
  passages: number;
  negatives: number;
  labels: number;
  predictions: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
  deadlineAccuracy: number;
  /** Predictions on negative passages. */
  falseAlarmsOnNegatives: number;
  /** Negative passages with at least one prediction. */
  negativesWithFalseAlarms: number;
  localityAccuracy?: number;
  categoryAccuracy?: number;
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLES = join(ROOT, 'tests', 'fixtures', 'extraction');
const REAL = join(ROOT, 'tests', 'fixtures', 'extraction-real');
export const SETS = ['samples', 'real-dev', 'real-test'] as const;

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

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/**
 * The date a real passage's deadlines resolve against: `published`; else the first date its `note` gives (`Event
 * date 09/11/2018`, `November 2023`, `URL path 202506`, `around 2017`, taken at the start of that month or year, so
 * no later deadline is dropped as past); else the first date near the top of the text.
 */
export function realPassageDate(p: Pick<RealPassage, 'published' | 'note' | 'text'>): string | undefined {
  if (p.published) return p.published;
  const note = p.note ?? '';
  const pad = (n: number) => String(n).padStart(2, '0');
  const dmy = /(?<!\d)(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/.exec(note);
  const words = new RegExp(`\\b(${MONTHS.join('|')})\\s+(?:of\\s+)?(\\d{4})\\b`, 'i').exec(note);
  const path = /URL path (\d{4})(\d{2})/.exec(note);
  const year = /\b(?:around|early|late|mid-?)?\s*((?:19|20)\d{2})\b/.exec(note);
  const candidates: Array<[number, string]> = [];
  if (dmy) candidates.push([dmy.index, `${dmy[3]}-${pad(Number(dmy[2]))}-${pad(Number(dmy[1]))}`]);
  if (words) candidates.push([words.index, `${words[2]}-${pad(MONTHS.indexOf(words[1]!.toLowerCase()) + 1)}-01`]);
  if (path) candidates.push([path.index, `${path[1]}-${path[2]}-01`]);
  if (candidates.length > 0) return candidates.sort((a, b) => a[0] - b[0])[0]![1];
  const guessed = guessArticleDate(p.text);
  if (guessed) return guessed;
  return year ? `${year[1]}-01-01` : undefined;
}

function loadSamples(): Case[] {
  const set = JSON.parse(readFileSync(join(SAMPLES, 'labels.json'), 'utf8')) as { passages: SamplePassage[] };
  return set.passages.map((passage) => {
    const text = readFileSync(join(SAMPLES, passage.file), 'utf8').normalize('NFC');
    const labels = passage.directives.map((d) => {
      const clause = d.clause.normalize('NFC');
      const start = text.indexOf(clause);
      if (start < 0) throw new Error(`${passage.file}: label not found in text: ${d.clause}`);
      return { start, end: start + clause.length, clause, deadline: d.deadline, gold: d };
    });
    return {
      set: 'samples',
      name: `${passage.file} (${passage.split ?? 'dev'})`,
      text,
      date: passage.date,
      negative: labels.length === 0,
      labels,
    };
  });
}

/** The real passages of one file, labelled spans located through their sentence. */
export function loadReal(file: string): RealPassage[] {
  const path = join(REAL, file);
  if (!existsSync(path)) return [];
  return JSON.parse(readFileSync(path, 'utf8')) as RealPassage[];
}

function realCases(file: string, prefix: string): Case[] {
  return loadReal(file).map((p) => {
    const text = p.text.normalize('NFC');
    const labels = p.directives.map((d) => {
      const sentenceStart = text.indexOf(d.sentence);
      const inSentence = sentenceStart < 0 ? -1 : d.sentence.indexOf(d.clause);
      if (inSentence < 0) throw new Error(`${p.id}: label not found in text: ${d.clause}`);
      const start = sentenceStart + inSentence;
      return { start, end: start + d.clause.length, clause: d.clause, deadline: d.deadline };
    });
    const odd = Number(p.id.replace(/\D/g, '')) % 2 === 1;
    return {
      set: `${prefix}-${odd ? 'dev' : 'test'}`,
      name: p.id,
      text,
      date: realPassageDate(p),
      negative: p.is_negative,
      labels,
    };
  });
}

const squash = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, '');

function deadlineOk(c: Case, gold: Case['labels'][number], pred: Directive): boolean {
  if (c.set === 'samples') return (pred.deadline?.date ?? null) === gold.deadline;
  if (gold.deadline === null || pred.deadline === null) return gold.deadline === null && pred.deadline === null;
  const g = squash(gold.deadline);
  const p = squash(pred.deadline.text);
  return g.includes(p) || p.includes(g);
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',');

interface Tally {
  passages: number;
  negatives: number;
  labels: number;
  predictions: number;
  matched: number;
  deadlineOk: number;
  localityOk: number;
  categoryOk: number;
  negativeAlarms: number;
  negativesHit: number;
}

function toScores(set: string, t: Tally): Scores {
  const precision = ratio(t.matched, t.predictions);
  const recall = ratio(t.matched, t.labels);
  const scores: Scores = {
    passages: t.passages,
    negatives: t.negatives,
    labels: t.labels,
    predictions: t.predictions,
    matched: t.matched,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    deadlineAccuracy: ratio(t.deadlineOk, t.matched),
    falseAlarmsOnNegatives: t.negativeAlarms,
    negativesWithFalseAlarms: t.negativesHit,
  };
  if (set === 'samples') {
    scores.localityAccuracy = ratio(t.localityOk, t.matched);
    scores.categoryAccuracy = ratio(t.categoryOk, t.matched);
  }
  return scores;
}

function loadIndex(): LocalityIndexLike | undefined {
  try {
    const data = JSON.parse(readFileSync(join(ROOT, 'src', 'data', 'localities.json'), 'utf8')) as LocalityDataset;
    return createLocalityIndex(data);
  } catch (error) {
    process.stderr.write(`Could not load the locality dataset: ${(error as Error).message}\n`);
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Causes of misses and false alarms: a first diagnosis, so that the next fix is obvious.

const CUE = /(?:^|[^\p{L}])(?:đề nghị|yêu cầu|chỉ đạo|giao|lưu ý|chỉ thị|đôn đốc)(?=[^\p{L}]|$)/iu;
const MODAL = /(?:^|[^\p{L}])(?:cần|phải|khẩn trương|có trách nhiệm)(?=[^\p{L}]|$)/iu;
const PAST = /(?:^|[^\p{L}])(?:đã|đang|vừa)(?=[^\p{L}]|$)/iu;
const UPWARD = /(?:^|[^\p{L}])(?:kiến nghị|đề xuất|xin|mong muốn)(?=[^\p{L}]|$)/iu;
const APPROVAL = /(?:^|[^\p{L}])(?:đồng ý|thống nhất|thông qua|chấp thuận)(?=[^\p{L}]|$)/iu;

interface SentenceInfo {
  start: number;
  end: number;
  block: string;
}

function sentencesOf(text: string): SentenceInfo[] {
  const out: SentenceInfo[] = [];
  for (const b of segment(text)) for (const s of b.sentences) out.push({ start: s.start, end: s.end, block: b.kind });
  return out;
}

function sentenceAt(sentences: readonly SentenceInfo[], pos: number): SentenceInfo | undefined {
  return sentences.find((s) => s.start <= pos && pos < s.end);
}

function missCause(
  c: Case,
  label: Case['labels'][number],
  preds: readonly Directive[],
  sentences: readonly SentenceInfo[],
): string {
  const s = sentenceAt(sentences, label.start);
  if (s && s.block !== 'body') return `labelled text set aside as ${s.block}`;
  const overlapping = preds.filter((p) => overlap(p.clause, label) > 0);
  if (overlapping.length > 0) {
    const wider = overlapping.some((p) => p.clause.end - p.clause.start > (label.end - label.start) * 2);
    return wider ? 'merged with another task (enumeration not split)' : 'span overlaps too little (clause bounds)';
  }
  const sentence = s ? c.text.slice(s.start, s.end) : label.clause;
  const found = preds.some((p) => s && p.quote.start < s.end && p.quote.end > s.start);
  if (found) return 'sentence found, this task part left out (enumeration cut short)';
  if (CUE.test(sentence)) return 'sentence with a cue word yielded nothing (cue rejected or addressee not read)';
  if (MODAL.test(sentence)) return 'sentence with a modal yielded nothing';
  return 'no cue in the sentence (context, heading or implicit assignment not carried)';
}

function alarmCause(c: Case, p: Directive, sentences: readonly SentenceInfo[]): string {
  if (c.negative) return 'on a negative passage';
  const s = sentenceAt(sentences, p.clause.start);
  const inLabelled = c.labels.some((l) => s && l.start < s.end && l.end > s.start);
  if (c.labels.some((l) => overlap(l, p.clause) > 0)) return 'overlaps a task too little (split too far or bounds)';
  if (inLabelled) return 'extra clause in a labelled sentence (over-split or unlabelled part)';
  const sentence = s ? c.text.slice(s.start, s.end) : p.quote.text;
  if (UPWARD.test(sentence)) return 'sentence with an upward request';
  if (APPROVAL.test(sentence)) return 'sentence with an approval';
  if (PAST.test(sentence)) return 'sentence in the past (report)';
  return 'unlabelled sentence (generic exhortation, plan, caption or other)';
}

// ---------------------------------------------------------------------------------------------------------------

function selected(arg: string | undefined): string[] {
  if (!arg) return [...SETS];
  const out = new Set<string>();
  for (const part of arg.split(',')) {
    const name = part.trim();
    if (name === 'dev' || name === 'test') {
      for (const s of SETS) if (s.endsWith(`-${name}`) || (name === 'dev' && s === 'samples')) out.add(s);
    } else if ((SETS as readonly string[]).includes(name)) {
      out.add(name);
    } else {
      throw new Error(`Unknown set: ${name} (known: ${SETS.join(', ')}, dev, test)`);
    }
  }
  return SETS.filter((s) => out.has(s));
}

function main(): void {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const perPassage = args.includes('--passages');
  const asJson = args.includes('--json');
  const optionValue = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1);
  };
  const minF1Arg = optionValue('--min-f1');
  const minF1 = minF1Arg === undefined ? null : Number(minF1Arg);
  let sets: string[];
  try {
    sets = selected(optionValue('--set'));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }

  const cases: Case[] = [];
  if (sets.includes('samples')) cases.push(...loadSamples());
  if (sets.some((s) => s.startsWith('real-'))) cases.push(...realCases('passages.json', 'real'));
  const index = loadIndex();

  const tallies = new Map<string, Tally>();
  const rows: string[] = [];
  const causes = new Map<string, string[]>();
  const attributes: string[] = [];
  const note = (set: string, kind: string, cause: string, line: string) => {
    const key = `${set}: ${kind} — ${cause}`;
    causes.set(key, [...(causes.get(key) ?? []), line]);
  };

  for (const c of cases) {
    if (!sets.includes(c.set)) continue;
    const predicted = extractDirectives(c.text, { articleDate: c.date, localities: index });
    const pairs = matchSpans(
      c.labels,
      predicted.map((p) => p.clause),
    );
    let dOk = 0;
    let lOk = 0;
    let cOk = 0;
    for (const [i, j] of pairs) {
      const gold = c.labels[i]!;
      const pred = predicted[j]!;
      const d = deadlineOk(c, gold, pred);
      dOk += d ? 1 : 0;
      let l = true;
      let k = true;
      if (gold.gold) {
        l = sameSet(
          pred.localities.map((x) => x.code),
          gold.gold.localities,
        );
        k = pred.category === gold.gold.category;
        lOk += l ? 1 : 0;
        cOk += k ? 1 : 0;
      }
      if (verbose && (!d || !l || !k)) {
        attributes.push(
          `- ${c.set} ${c.name} «${gold.clause.slice(0, 70)}»${d ? '' : ` deadline ${pred.deadline ? `${pred.deadline.text} → ${pred.deadline.date}` : 'none'} ≠ ${gold.deadline ?? 'none'}`}${l ? '' : ` localities [${pred.localities.map((x) => x.code).join(',')}] ≠ [${gold.gold?.localities.join(',')}]`}${k ? '' : ` category ${pred.category} ≠ ${gold.gold?.category}`}`,
        );
      }
    }
    if (verbose) {
      const sentences = sentencesOf(c.text);
      const hitL = new Set(pairs.map(([i]) => i));
      const hitP = new Set(pairs.map(([, j]) => j));
      c.labels.forEach((g, i) => {
        if (!hitL.has(i)) note(c.set, 'MISSED', missCause(c, g, predicted, sentences), `${c.name} «${g.clause}»`);
      });
      predicted.forEach((p, j) => {
        if (!hitP.has(j)) {
          note(c.set, 'FALSE ALARM', alarmCause(c, p, sentences), `${c.name} «${p.clause.text}»`);
        }
      });
    }
    let t = tallies.get(c.set);
    if (!t) {
      t = {
        passages: 0,
        negatives: 0,
        labels: 0,
        predictions: 0,
        matched: 0,
        deadlineOk: 0,
        localityOk: 0,
        categoryOk: 0,
        negativeAlarms: 0,
        negativesHit: 0,
      };
      tallies.set(c.set, t);
    }
    t.passages += 1;
    t.labels += c.labels.length;
    t.predictions += predicted.length;
    t.matched += pairs.length;
    t.deadlineOk += dOk;
    t.localityOk += lOk;
    t.categoryOk += cOk;
    if (c.negative) {
      t.negatives += 1;
      t.negativeAlarms += predicted.length;
      if (predicted.length > 0) t.negativesHit += 1;
    }
    const of = (n: number) => (pairs.length ? `${n}/${pairs.length}` : '–');
    rows.push(
      `| ${c.name} | ${c.set} | ${c.labels.length} | ${predicted.length} | ${pairs.length} | ${pct(ratio(pairs.length, predicted.length))} | ${pct(ratio(pairs.length, c.labels.length))} | ${of(dOk)} |`,
    );
  }

  const present = sets.filter((s) => tallies.has(s));
  const scores = Object.fromEntries(present.map((s) => [s, toScores(s, tallies.get(s)!)])) as Record<string, Scores>;
  if (asJson) {
    process.stdout.write(`${JSON.stringify(scores, null, 2)}\n`);
  } else {
    const line = (label: string, f: (x: Scores) => string) =>
      `| ${label} | ${present.map((k) => f(scores[k]!)).join(' | ')} |`;
    const out = [
      'Directive extraction, each set scored apart (samples: written by the team; real: published news, odd ids dev, even ids test).',
      '',
      `| metric | ${present.join(' | ')} |`,
      `| --- | ${present.map(() => '---').join(' | ')} |`,
      line('passages (negatives) / directives', (x) => `${x.passages} (${x.negatives}) / ${x.labels}`),
      line('precision', (x) => `${pct(x.precision)} (${x.matched}/${x.predictions})`),
      line('recall', (x) => `${pct(x.recall)} (${x.matched}/${x.labels})`),
      line('**F1**', (x) => `**${x.f1.toFixed(3)}**`),
      line('deadline accuracy (matched)', (x) => pct(x.deadlineAccuracy)),
      line(
        'false alarms on negatives',
        (x) => `${x.falseAlarmsOnNegatives} (${x.negativesWithFalseAlarms}/${x.negatives} passages)`,
      ),
    ];
    if (present.includes('samples')) {
      out.push(
        line('locality accuracy (matched)', (x) => (x.localityAccuracy === undefined ? '–' : pct(x.localityAccuracy))),
        line('category accuracy (matched)', (x) => (x.categoryAccuracy === undefined ? '–' : pct(x.categoryAccuracy))),
      );
    }
    if (perPassage) {
      out.push(
        '',
        '| passage | set | labelled | predicted | matched | precision | recall | deadlines |',
        '| --- | --- | --- | --- | --- | --- | --- | --- |',
        ...rows,
      );
    }
    if (verbose) {
      const keys = [...causes.keys()].sort(
        (a, b) =>
          [...causes.get(b)!.values()].flat().length - [...causes.get(a)!.values()].flat().length || a.localeCompare(b),
      );
      for (const key of keys) {
        const lines = [...causes.get(key)!.values()].flat();
        out.push('', `### ${key} (${lines.length})`, ...lines.map((l) => `- ${l}`));
      }
      if (attributes.length) out.push('', '### attribute mismatches on matched tasks', ...attributes);
    }
    process.stdout.write(`${out.join('\n')}\n`);
  }
  if (minF1 !== null && present.some((s) => scores[s]!.f1 < minF1)) process.exitCode = 1;
}

main();
