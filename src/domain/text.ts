/**
 * Vietnamese text folding and collation.
 * Folding makes search accent-, case- and normalisation-insensitive: `cau dinh khao` finds `cầu Đình Khao`,
 * whether the text was typed in NFC (precomposed) or NFD (combining marks).
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Lower-cases, strips tone and vowel marks, maps đ/Đ to d and collapses white space. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when every word of the folded query occurs in the folded text. */
export function matchesQuery(foldedHaystack: string, query: string): boolean {
  const words = fold(query).split(' ').filter(Boolean);
  return words.every((w) => foldedHaystack.includes(w));
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Compares two strings in Vietnamese dictionary order (a ă â b c d đ e ê …). */
export function compareVi(a: string, b: string): number {
  return collator.compare(a, b);
}
