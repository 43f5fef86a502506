/**
 * Abbreviations an article defines for itself, `Ban Thường vụ (BTV)`, `Nghị quyết (NQ)`, so that issuers and
 * assignees can be written out in full (`BTV Huyện ủy Chợ Lách` → `Ban Thường vụ Huyện ủy Chợ Lách`).
 */
import { fold } from '../domain/text';
import { tokenize } from './tokens';

const DEFINITION = /\(\s?([\p{Lu}Đ]{2,6})\s?\)/gu;
/** Enough text before `(ABBR)` for six words. */
const WINDOW = 90;

/** ABBR → the words it stands for, as written in the article. Looks only around `(ABBR)`: linear, few allocations. */
export function findAbbreviations(text: string): Map<string, string> {
  const out = new Map<string, string>();
  DEFINITION.lastIndex = 0;
  for (let m = DEFINITION.exec(text); m !== null; m = DEFINITION.exec(text)) {
    const abbr = m[1]!;
    if (out.has(abbr)) continue;
    const from = Math.max(0, m.index - WINDOW);
    const words = tokenize(text, from, m.index).filter((t) => t.word);
    const n = abbr.length;
    if (words.length < n) continue;
    const defined = words.slice(words.length - n);
    // Only words directly before the bracket (no punctuation in between).
    if (/[^\s\p{L}\p{M}\p{N}]/u.test(text.slice(defined[0]!.start, m.index))) continue;
    const initials = defined.map((w) => fold(w.text)[0] ?? '').join('');
    if (initials !== fold(abbr)) continue;
    out.set(abbr, text.slice(defined[0]!.start, defined[n - 1]!.end));
  }
  return out;
}

/** Writes out the article's abbreviations in a short phrase (issuer, assignee). */
export function expandAbbreviations(phrase: string, abbreviations: ReadonlyMap<string, string>): string {
  if (abbreviations.size === 0) return phrase;
  return phrase.replace(/[\p{L}\p{M}\p{N}]+/gu, (w) => {
    const full = abbreviations.get(w);
    if (!full) return w;
    return full[0]!.toUpperCase() + full.slice(1);
  });
}
