/**
 * Word tokens of Vietnamese text: syllables (with document-number connectors such as `11-QĐi/TW`, `I-2022`, `30/6`
 * kept inside one token) and single punctuation marks. Offsets index the (NFC) text they were cut from.
 */

export interface Token {
  /** The token as written. */
  readonly text: string;
  /** Lower case with the tone mark placed the modern way (`hoá` → `hóa`, `uỷ` → `ủy`), for lexicon look-ups. */
  readonly key: string;
  readonly start: number;
  readonly end: number;
  /** A syllable or number (not punctuation). */
  readonly word: boolean;
  /** Starts with an upper-case letter. */
  readonly cap: boolean;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const UPPER = /\p{Lu}/u;
const CONNECTOR = new Set(['-', '/', '.', '_', "'", '’', '&']);

/** Old-style tone placement on a final diphthong → the modern one, so both spellings hit the same lexicon entry. */
const TONE_SWAP: Record<string, string> = {
  oá: 'óa',
  oà: 'òa',
  oả: 'ỏa',
  oã: 'õa',
  oạ: 'ọa',
  oé: 'óe',
  oè: 'òe',
  oẻ: 'ỏe',
  oẽ: 'õe',
  oẹ: 'ọe',
  uý: 'úy',
  uỳ: 'ùy',
  uỷ: 'ủy',
  uỹ: 'ũy',
  uỵ: 'ụy',
};

const KEYS = new Map<string, string>();

/** Lower-cases a syllable and normalises its tone placement (`Hoá` → `hóa`, `Uỷ` → `ủy`, but `quý` stays). */
export function keyOf(word: string): string {
  let key = KEYS.get(word);
  if (key === undefined) {
    // Syllables repeat: remembered, and forgotten all at once when the map grows large.
    if (KEYS.size > 20_000) KEYS.clear();
    key = computeKey(word);
    KEYS.set(word, key);
  }
  return key;
}

function computeKey(word: string): string {
  const lower = word.toLowerCase();
  if (lower.length < 2) return lower;
  const tail = lower.slice(-2);
  const swap = TONE_SWAP[tail];
  if (!swap) return lower;
  const before = lower.length >= 3 ? lower[lower.length - 3] : '';
  if (before === 'q' || (before === 'g' && tail[0] === 'u')) return lower;
  return lower.slice(0, -2) + swap;
}

function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  if (code < 0x80) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return WORD_CHAR.test(ch);
}

/** Tokens of `text.slice(from, to)`; offsets are absolute. Linear in the length of the slice. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  let i = from;
  while (i < to) {
    const ch = text[i]!;
    if (isWordChar(ch)) {
      let j = i + 1;
      while (j < to) {
        const c = text[j]!;
        if (isWordChar(c)) {
          j++;
        } else if (CONNECTOR.has(c) && j + 1 < to && isWordChar(text[j + 1]) && !(c === '.' && text[j + 1] === ' ')) {
          // `11-QĐi/TW`, `30/6`, `I-2022`, `1.000`; a '.' followed by a letter joins only digits or capitals (`TP.HCM`).
          if (c === '.' && !/[\p{N}\p{Lu}]/u.test(text[j + 1]!)) break;
          j += 2;
        } else {
          break;
        }
      }
      const t = text.slice(i, j);
      out.push({ text: t, key: keyOf(t), start: i, end: j, word: true, cap: UPPER.test(t[0]!) });
      i = j;
    } else if (/\s/u.test(ch)) {
      i++;
    } else {
      // Surrogate pairs stay whole so that spans never cut a character in two.
      const code = ch.charCodeAt(0);
      const len = code >= 0xd800 && code <= 0xdbff && i + 1 < to ? 2 : 1;
      const t = text.slice(i, i + len);
      out.push({ text: t, key: t, start: i, end: i + len, word: false, cap: false });
      i += len;
    }
  }
  return out;
}

/** A set of multi-syllable phrases matched against token keys, longest match first. */
export class PhraseSet {
  private readonly root = new Map<string, PhraseNode>();

  constructor(phrases: Iterable<string>) {
    for (const phrase of phrases) this.add(phrase);
  }

  add(phrase: string): void {
    const parts = phrase
      .normalize('NFC')
      .split(/\s+/u)
      .filter(Boolean)
      .map((p) => keyOf(p));
    if (parts.length === 0) return;
    let level = this.root;
    let node: PhraseNode | undefined;
    for (const part of parts) {
      node = level.get(part);
      if (!node) {
        node = { end: false, next: new Map() };
        level.set(part, node);
      }
      level = node.next;
    }
    node!.end = true;
  }

  /** Number of tokens of the longest phrase starting at `tokens[i]` (word tokens only), 0 when none. */
  matchAt(tokens: readonly Token[], i: number, limit = tokens.length): number {
    let level = this.root;
    let best = 0;
    for (let j = i; j < limit; j++) {
      const t = tokens[j]!;
      if (!t.word) break;
      const node = level.get(t.key);
      if (!node) break;
      if (node.end) best = j - i + 1;
      level = node.next;
    }
    return best;
  }

  /** Whether the phrase ends exactly at `tokens[end - 1]` (looks back at most `maxLen` tokens). */
  endsAt(tokens: readonly Token[], end: number, from = 0, maxLen = 5): number {
    for (let len = Math.min(maxLen, end - from); len >= 1; len--) {
      if (this.matchAt(tokens, end - len, end) === len) return len;
    }
    return 0;
  }
}

interface PhraseNode {
  end: boolean;
  next: Map<string, PhraseNode>;
}
