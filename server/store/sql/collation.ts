/**
 * A binary sort key that reproduces compareVi (src/domain/text.ts: ICU 'vi', sensitivity base, numeric): keys
 * compared byte by byte (SQLite BINARY, PostgreSQL COLLATE "C") order strings as compareVi does, and two strings
 * compareVi finds equal get the same key. Computed in JavaScript when a task is written, stored in a column, so
 * ORDER BY title / assignee / locality runs in SQL (and on an index).
 *
 * What the collator does at primary strength, and so what the key encodes: case and tone marks are ignored; ă, â,
 * đ, ê, ô, ơ, ư are letters of their own (a < ă < â < b …); a run of digits compares by its numeric value
 * (leading zeros ignored) and before every letter; spaces, punctuation and symbols are not ignored and sort before
 * digits, in the collator's own order (measured below, once); control characters are ignored. Letters outside the
 * Vietnamese and Latin alphabets are placed after z by code point (an approximation; tests cover the alphabet
 * the tracker's data uses).
 */
import { compareVi } from '../../../src/domain/text';

const LETTERS = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
/** Base letter + combining mark that the Vietnamese order treats as a letter of its own. */
const MODIFIED: Record<string, string> = {
  'a\u0306': 'ă',
  'a\u0302': 'â',
  'e\u0302': 'ê',
  'o\u0302': 'ô',
  'o\u031b': 'ơ',
  'u\u031b': 'ư',
};
/** Letters the root collation expands to two. */
const EXPANSIONS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ĳ: 'ij' };

/** Code points of the key: punctuation ranks from 0x21, the digit marker, then letters; others from 0x10000. */
const PUNCT_BASE = 0x21;
let punctRank: Map<string, number> | null = null;
let digitMarker = 0;
let letterBase = 0;

function tables(): Map<string, number> {
  if (punctRank) return punctRank;
  // Every printable ASCII symbol and the punctuation Vietnamese text commonly carries, ranked by the collator.
  const chars: string[] = [];
  for (let c = 0x20; c < 0x7f; c += 1) {
    const ch = String.fromCharCode(c);
    if (!/[0-9A-Za-z]/.test(ch)) chars.push(ch);
  }
  chars.push(...'\t\n\v\f\r\u0085\u2028\u2029\u3000\u00a0–—‘’“”…«»·•°§¶©®™€£¥¢×÷±¿¡‰′″№');
  const sorted = chars.filter((ch) => compareVi(`${ch}a`, 'a') !== 0).sort(compareVi);
  const map = new Map<string, number>();
  let rank = PUNCT_BASE;
  sorted.forEach((ch, i) => {
    if (i > 0 && compareVi(sorted[i - 1] as string, ch) !== 0) rank += 1;
    map.set(ch, rank);
  });
  digitMarker = rank + 1;
  letterBase = digitMarker + 1;
  punctRank = map;
  return map;
}

const isCombining = (c: number) =>
  (c >= 0x300 && c <= 0x36f) ||
  (c >= 0x1ab0 && c <= 0x1aff) ||
  (c >= 0x1dc0 && c <= 0x1dff) ||
  (c >= 0x20d0 && c <= 0x20ff) ||
  (c >= 0xfe20 && c <= 0xfe2f);

/** The key of one base character and the combining marks after it ('' when ignorable). */
function clusterKey(cluster: string): string {
  const punct = tables();
  const [base = '', ...marks] = [...cluster];
  let letter = base.toLowerCase();
  if (isCombining(base.charCodeAt(0))) return '';
  for (const m of marks) {
    const modified = MODIFIED[letter + m];
    if (modified) {
      letter = modified;
      break;
    }
  }
  let out = '';
  for (const l of EXPANSIONS[letter] ?? letter) {
    const at = LETTERS.indexOf(l);
    if (at >= 0) out += String.fromCodePoint(letterBase + at);
    else if (punct.has(l)) out += String.fromCodePoint(punct.get(l) as number);
    else if (/\s/.test(l)) out += String.fromCodePoint(punct.get(' ') as number);
    else if (!/[\p{Cc}\p{Cf}]/u.test(l))
      out += String.fromCodePoint(Math.min(0x10000 + (l.codePointAt(0) as number), 0x10ffff));
  }
  return out;
}

const clusters = new Map<string, string>();
let ascii: string[] | null = null;
/** Short strings (assignees, unit names) repeat: their keys are remembered. */
const memo = new Map<string, string>();

export function viSortKey(text: string): string {
  const known = memo.get(text);
  if (known !== undefined) return known;
  tables();
  ascii ??= Array.from({ length: 0x80 }, (_, c) => clusterKey(String.fromCharCode(c)));
  const s = text.normalize('NFD');
  let out = '';
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      let j = i;
      while (j < s.length && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j += 1;
      const digits = s.slice(i, j).replace(/^0+/, '');
      out += String.fromCodePoint(digitMarker, 0x21 + Math.min(digits.length, 0xd000)) + digits;
      i = j;
      continue;
    }
    let j = i + (c >= 0xd800 && c <= 0xdbff ? 2 : 1);
    if (c < 0x80 && (j >= s.length || !isCombining(s.charCodeAt(j)))) {
      // ASCII without marks, the common case: a table lookup.
      out += ascii[c] as string;
      i = j;
      continue;
    }
    while (j < s.length && isCombining(s.charCodeAt(j))) j += 1;
    const cluster = s.slice(i, j);
    let key = clusters.get(cluster);
    if (key === undefined) {
      key = clusterKey(cluster);
      clusters.set(cluster, key);
    }
    out += key;
    i = j;
  }
  if (text.length <= 40 && memo.size < 100_000) memo.set(text, out);
  return out;
}
