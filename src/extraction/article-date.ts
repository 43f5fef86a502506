/**
 * The publication date printed near the top of an article (`22/03/2022 - 19:23`, `Thứ Ba, 22/3/2022`,
 * `Ngày 22-3-2022, …`), for when the caller does not know it.
 */

const DATE = /(?<!\d)(\d{1,2})\s{0,2}([/.-])\s{0,2}(\d{1,2})\s{0,2}\2\s{0,2}(\d{4})(?!\d)/gu;

function valid(y: number, m: number, d: number): boolean {
  if (y < 1990 || y > 2199 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The first valid `dd/mm/yyyy` (or `dd-mm-yyyy`, `dd.mm.yyyy`) in the first `window` characters, as YYYY-MM-DD. */
export function guessArticleDate(text: string, window = 600): string | null {
  if (typeof text !== 'string') return null;
  const head = text.normalize('NFC').slice(0, window);
  DATE.lastIndex = 0;
  for (let m = DATE.exec(head); m !== null; m = DATE.exec(head)) {
    const d = Number(m[1]);
    const mo = Number(m[3]);
    const y = Number(m[4]);
    if (valid(y, mo, d)) return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  return null;
}
