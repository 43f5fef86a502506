/**
 * Draft directives under review: made from the extractor's output, then accepted, edited, merged, split or rejected
 * by a person, and finally turned into the directives of `POST /articles`. Pure functions over immutable lists.
 */
import type { ImportedDirective } from '../../../api/article-import-schemas';
import type { Category, Span } from '../../../api/schemas';
import { findDeadline } from '../../../domain/deadlines';

export type DraftStatus = 'pending' | 'accepted' | 'rejected';

export interface DraftLocality {
  code: string;
  name: string;
}

export interface Draft {
  /** Stable identity across edits (React key, focus target). */
  key: string;
  status: DraftStatus;
  /** The sentence, and the task's own words inside it (spans of the NFC body). */
  quote: Span;
  clause: Span;
  title: string;
  issuer: string;
  assignee: string;
  localities: DraftLocality[];
  deadline: { date: string; text: string } | null;
  category: Category;
  flagship: boolean;
  /** 0–1, from the extractor (the lowest of the parts after a merge). */
  confidence: number;
  /** Changed by the person (edited, merged or split). */
  edited: boolean;
}

/** What the extractor gives (src/extraction/extract.ts `Directive`), structurally. */
export interface ExtractedDirective {
  quote: Span;
  clause: Span;
  title: string;
  issuer: string;
  assignee: string;
  localities: DraftLocality[];
  deadline: { text: string; date: string } | null;
  category: Category;
  flagship: boolean;
  confidence: number;
}

let counter = 0;
const nextKey = () => `d${++counter}`;

const byPosition = (a: Draft, b: Draft) => a.clause.start - b.clause.start || a.clause.end - b.clause.end;

export function draftsFrom(directives: readonly ExtractedDirective[]): Draft[] {
  return directives
    .map((d) => ({
      key: nextKey(),
      status: 'pending' as const,
      quote: { ...d.quote },
      clause: { ...d.clause },
      title: d.title,
      issuer: d.issuer,
      assignee: d.assignee,
      localities: d.localities.map((l) => ({ code: l.code, name: l.name })),
      deadline: d.deadline ? { date: d.deadline.date, text: d.deadline.text } : null,
      category: d.category,
      flagship: d.flagship,
      confidence: d.confidence,
      edited: false,
    }))
    .sort(byPosition);
}

const span = (body: string, start: number, end: number): Span => ({ start, end, text: body.slice(start, end) });

const lowerFirst = (s: string) => (s ? s.charAt(0).toLocaleLowerCase('vi') + s.slice(1) : s);
const upperFirst = (s: string) => (s ? s.charAt(0).toLocaleUpperCase('vi') + s.slice(1) : s);

/** A title from a piece of text: capitalised, without closing punctuation, at most `maxWords` words. */
export function titleFromText(text: string, maxWords = 18): string {
  const words = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[-–•,;:.\s]+/, '')
    .replace(/[\s,;:.]+$/, '')
    .split(' ')
    .filter(Boolean);
  const cut = words.length > maxWords ? `${words.slice(0, maxWords).join(' ')}…` : words.join(' ');
  return upperFirst(cut);
}

const TITLE_MAX = 300;

/** Merges the draft `key` with the draft after it: one draft spanning both. Returns the list unchanged if impossible. */
export function mergeWithNext(drafts: readonly Draft[], key: string, body: string): Draft[] {
  const i = drafts.findIndex((d) => d.key === key);
  const a = drafts[i];
  const b = drafts[i + 1];
  if (!a || !b) return [...drafts];
  const deadlines = [a.deadline, b.deadline].filter((d) => d !== null);
  deadlines.sort((x, y) => x.date.localeCompare(y.date));
  const localities = [...a.localities];
  for (const l of b.localities) if (!localities.some((m) => m.code === l.code)) localities.push(l);
  let title = `${a.title.replace(/[\s.;,…]+$/, '')}; ${lowerFirst(b.title)}`;
  if (title.length > TITLE_MAX) title = `${title.slice(0, TITLE_MAX - 1).trimEnd()}…`;
  const merged: Draft = {
    key: nextKey(),
    status: a.status === b.status ? a.status : 'pending',
    quote: span(body, Math.min(a.quote.start, b.quote.start), Math.max(a.quote.end, b.quote.end)),
    clause: span(body, Math.min(a.clause.start, b.clause.start), Math.max(a.clause.end, b.clause.end)),
    title,
    issuer: a.issuer || b.issuer,
    assignee: a.assignee || b.assignee,
    localities,
    deadline: deadlines[0] ?? null,
    category: a.category,
    flagship: a.flagship || b.flagship,
    confidence: Math.min(a.confidence, b.confidence),
    edited: true,
  };
  return [...drafts.slice(0, i), merged, ...drafts.slice(i + 2)];
}

/** Offsets (into the body) where a draft's clause can be split: the start of each word after the first. */
export function splitPoints(draft: Draft): number[] {
  const points: number[] = [];
  const text = draft.clause.text;
  const re = /\s+(?=\S)/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) points.push(draft.clause.start + m.index + m[0].length);
  return points;
}

/** The split point a person most likely wants: after a comma, a semicolon or before `và`, nearest the middle. */
export function suggestedSplit(draft: Draft): number {
  const points = splitPoints(draft);
  if (points.length === 0) return -1;
  const mid = (draft.clause.start + draft.clause.end) / 2;
  const text = draft.clause.text;
  const natural = points.filter((p) => {
    const before = text.slice(0, p - draft.clause.start).trimEnd();
    const after = text.slice(p - draft.clause.start);
    return /[,;:]$/.test(before) || /^(?:và|đồng thời)\s/u.test(after);
  });
  const pool = natural.length > 0 ? natural : points;
  return pool.reduce((best, p) => (Math.abs(p - mid) < Math.abs(best - mid) ? p : best), pool[0]!);
}

/** Trims white space, commas and a dangling `và` from both ends of [start, end) in `body`. */
function trimmed(body: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  for (;;) {
    const before = [s, e];
    while (s < e && /[\s,;:]/u.test(body[s]!)) s++;
    while (e > s && /[\s,;:]/u.test(body[e - 1]!)) e--;
    if (/^(?:và|đồng thời)\s/u.test(body.slice(s, Math.min(e, s + 12)))) s = body.indexOf(' ', s) + 1;
    if (/\s(?:và|đồng thời)$/u.test(body.slice(Math.max(s, e - 12), e))) e = body.lastIndexOf(' ', e - 1);
    if (before[0] === s && before[1] === e) break;
  }
  return [s, e];
}

/** Splits a draft at `at` (a body offset inside its clause) into two drafts. Unchanged list if `at` is not inside. */
export function splitDraft(
  drafts: readonly Draft[],
  key: string,
  at: number,
  body: string,
  articleDate: string,
): Draft[] {
  const i = drafts.findIndex((d) => d.key === key);
  const d = drafts[i];
  if (!d || at <= d.clause.start || at >= d.clause.end) return [...drafts];
  const [s1, e1] = trimmed(body, d.clause.start, at);
  const [s2, e2] = trimmed(body, at, d.clause.end);
  if (s1 >= e1 || s2 >= e2) return [...drafts];
  const part = (start: number, end: number, other: string): Draft => {
    const clause = span(body, start, end);
    const found = findDeadline(clause.text, articleDate);
    // The draft's deadline stays with the part that states it; a deadline from elsewhere in the sentence, with both.
    const inherited = d.deadline && !other.includes(d.deadline.text) ? d.deadline : null;
    return {
      ...d,
      key: nextKey(),
      clause,
      title: titleFromText(clause.text),
      localities: d.localities.map((l) => ({ ...l })),
      deadline: found ? { date: found.date, text: found.text } : inherited,
      edited: true,
    };
  };
  const first = part(s1, e1, body.slice(s2, e2));
  const second = part(s2, e2, body.slice(s1, e1));
  return [...drafts.slice(0, i), first, second, ...drafts.slice(i + 1)];
}

export function updateDraft(drafts: readonly Draft[], key: string, patch: Partial<Omit<Draft, 'key'>>): Draft[] {
  return drafts.map((d) =>
    d.key === key ? { ...d, ...patch, edited: d.edited || Object.keys(patch).some((k) => k !== 'status') } : d,
  );
}

export function setAllPending(drafts: readonly Draft[], status: DraftStatus, minConfidence = 0): Draft[] {
  return drafts.map((d) => (d.status === 'pending' && d.confidence >= minConfidence ? { ...d, status } : d));
}

/** The directive of `POST /articles` for an accepted draft. */
export function toDirective(d: Draft): ImportedDirective {
  return {
    quote: { ...d.quote },
    clause: { ...d.clause },
    title: d.title.trim(),
    issuer: d.issuer.trim(),
    assignee: d.assignee.trim(),
    localityCodes: d.localities.map((l) => l.code),
    category: d.category,
    flagship: d.flagship,
    deadline: d.deadline ? { date: d.deadline.date, text: d.deadline.text.trim() } : null,
  };
}

export const acceptedDrafts = (drafts: readonly Draft[]) => drafts.filter((d) => d.status === 'accepted');

export function countByStatus(drafts: readonly Draft[]): Record<DraftStatus, number> {
  const out: Record<DraftStatus, number> = { pending: 0, accepted: 0, rejected: 0 };
  for (const d of drafts) out[d.status]++;
  return out;
}
