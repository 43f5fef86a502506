/**
 * The files of a bulk import → a list of articles to import, each with its source (file, row) and, when something
 * is missing or malformed, the reason it cannot be imported. One bad file or row never stops the others.
 *
 * JSON: an array of objects (or `{ "articles": [...] }`); CSV: a header row, then one article per row. Both with the
 * fields `title, date, publisher, url, body` (`url` may be empty; `date` is YYYY-MM-DD or dd/mm/yyyy; a missing
 * title is the body's first line, a missing date the first date near the top of the body).
 */
import Papa from 'papaparse';
import { FileReadError, fileKind, guessFromText, readFileText } from './read-file';

export const BULK_FIELDS = ['title', 'date', 'publisher', 'url', 'body'] as const;

/** Why an entry cannot be imported (keys of `articleImport.bulk.problems`). */
export type EntryProblem =
  | 'too_big'
  | 'unsupported'
  | 'unreadable'
  | 'empty'
  | 'binary'
  | 'bad_json'
  | 'bad_csv'
  | 'missing_body'
  | 'missing_columns'
  | 'no_date'
  | 'bad_date'
  | 'no_publisher'
  | 'bad_url'
  | 'no_articles';

export interface BulkEntry {
  /** Unique within a batch. */
  id: string;
  /** The file, and the row or item (1-based) for JSON and CSV. */
  file: string;
  row: number | null;
  title: string;
  date: string;
  publisher: string;
  url: string | null;
  body: string;
  problem: EntryProblem | null;
}

/** `2022-03-22`, `22/03/2022`, `22-3-2022` → `2022-03-22`; anything else → null. */
export function parseDateField(value: string): string | null {
  const v = value.trim();
  let y: number;
  let m: number;
  let d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:T.*)?$/.exec(v);
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (vn) [y, m, d] = [Number(vn[3]), Number(vn[2]), Number(vn[1])];
  else return null;
  if (m < 1 || m > 12 || d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate() || y < 1900 || y > 2199) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function validUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

let serial = 0;
const entryId = () => `e${++serial}`;

/** One entry from loose fields (a JSON item or a CSV row), checked. */
export function entryFromFields(
  fields: Record<string, unknown>,
  source: { file: string; row: number | null },
  defaults: { publisher: string },
  kind?: 'text' | 'html',
): BulkEntry {
  const str = (k: string) => {
    const v = fields[k];
    return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
  };
  const rawBody = str('body');
  const guess = rawBody.trim() ? guessFromText(rawBody, kind) : null;
  const body = guess?.text ?? '';
  const title = str('title').trim() || guess?.title || '';
  const dateText = str('date').trim();
  const date = dateText ? parseDateField(dateText) : (guess?.date ?? null);
  const publisher = str('publisher').trim() || guess?.publisher || defaults.publisher.trim();
  const urlText = str('url').trim() || guess?.url || '';
  let problem: EntryProblem | null = null;
  if (!body.trim()) problem = 'missing_body';
  else if (dateText && !date) problem = 'bad_date';
  else if (!date) problem = 'no_date';
  else if (urlText && !validUrl(urlText)) problem = 'bad_url';
  // Last: the page may still supply a default publisher.
  else if (!publisher) problem = 'no_publisher';
  return {
    id: entryId(),
    ...source,
    title: title.slice(0, 300),
    date: date ?? '',
    publisher: publisher.slice(0, 200),
    url: urlText || null,
    body,
    problem,
  };
}

const failed = (file: string, problem: EntryProblem): BulkEntry => ({
  id: entryId(),
  file,
  row: null,
  title: '',
  date: '',
  publisher: '',
  url: null,
  body: '',
  problem,
});

/** Lower-cased, trimmed header names (a BOM or spaces around a name do not matter). */
const headerKey = (h: string) =>
  h
    .replace(/^\ufeff/, '')
    .trim()
    .toLowerCase();

export function parseCsvArticles(text: string, file: string, defaults: { publisher: string }): BulkEntry[] {
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: headerKey,
  });
  const fields = parsed.meta.fields ?? [];
  if (!fields.includes('body')) return [failed(file, fields.length ? 'missing_columns' : 'bad_csv')];
  const fatal = parsed.errors.find((e) => e.type === 'Quotes' && e.row === undefined);
  if (fatal) return [failed(file, 'bad_csv')];
  const rows = parsed.data;
  if (rows.length === 0) return [failed(file, 'no_articles')];
  // Data rows start on line 2 (after the header).
  return rows.map((row, i) => entryFromFields(row, { file, row: i + 2 }, defaults));
}

export function parseJsonArticles(text: string, file: string, defaults: { publisher: string }): BulkEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [failed(file, 'bad_json')];
  }
  const items = Array.isArray(data)
    ? data
    : typeof data === 'object' && data !== null && Array.isArray((data as { articles?: unknown }).articles)
      ? (data as { articles: unknown[] }).articles
      : null;
  if (!items) return [failed(file, 'bad_json')];
  if (items.length === 0) return [failed(file, 'no_articles')];
  return items.map((item, i) =>
    typeof item === 'object' && item !== null && !Array.isArray(item)
      ? entryFromFields(item as Record<string, unknown>, { file, row: i + 1 }, defaults)
      : { ...failed(file, 'missing_body'), row: i + 1 },
  );
}

/** Every article in the chosen files, in order; a file that cannot be read becomes one entry with its problem. */
export async function readBulkFiles(files: readonly File[], defaults: { publisher: string }): Promise<BulkEntry[]> {
  const out: BulkEntry[] = [];
  for (const file of files) {
    const kind = fileKind(file.name);
    if (!kind) {
      out.push(failed(file.name, 'unsupported'));
      continue;
    }
    let text: string;
    try {
      text = (await readFileText(file)).text;
    } catch (error) {
      out.push(failed(file.name, error instanceof FileReadError ? error.reason : 'unreadable'));
      continue;
    }
    if (kind === 'json') out.push(...parseJsonArticles(text, file.name, defaults));
    else if (kind === 'csv') out.push(...parseCsvArticles(text, file.name, defaults));
    else out.push(entryFromFields({ body: text }, { file: file.name, row: null }, defaults, kind));
  }
  return out;
}
