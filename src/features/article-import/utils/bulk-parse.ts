/**
 * The files of a bulk import → a list of articles to import, each with its source (file, row) and, when something
 * is missing or malformed, the reason it cannot be imported. One bad file or row never stops the others.
 *
 * JSON: an array of objects (or `{ "articles": [...] }`); CSV: a header row, then one article per row. Both with the
 * fields `title, date, publisher, url, body` (`url` may be empty; `date` is YYYY-MM-DD or dd/mm/yyyy; a missing
 * title is the body's first line, a missing date the first date near the top of the body).
 *
 * The app's own task CSV (the export of /tasks, Vietnamese or English headers) is recognised by its header row:
 * its rows are grouped by their source article (the "Bài viết" column, an article id), one entry per article. The
 * file holds the tasks, not the articles' text: an article is taken from the tracker by its id (and then found a
 * duplicate: it is there already), and one that is not in this tracker is explained, never guessed.
 */
import Papa from 'papaparse';
import type { Article } from '../../../api/schemas';
import { tasksEn } from '../../../i18n/en/tasks';
import { tasksVi } from '../../../i18n/vi/tasks';
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
  | 'no_articles'
  | 'task_csv_unknown_article'
  | 'task_csv_lookup_failed'
  | 'task_csv_no_article';

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
  /** Values the problem's sentence names (the article id, a count). */
  problemParams?: Record<string, string>;
  /** From the app's task CSV: the source article's id and how many task rows named it. */
  fromTasks?: { articleId: string | null; rows: number };
}

/** The stored article with this id, or null when this tracker has none (throws when it cannot be asked). */
export type ArticleResolver = (id: string) => Promise<Article | null>;

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

/** The headers of the task CSV's id, title, assignee and article columns, in each language of the app. */
const TASK_CSV_HEADERS = [tasksVi.columns, tasksEn.columns].map((c) => ({
  id: headerKey(c.id),
  title: headerKey(c.title),
  assignee: headerKey(c.assignee),
  article: headerKey(c.article),
}));

/** Which task CSV layout a header row is (its language's column names), or null for any other CSV. */
export function taskCsvLayout(fields: readonly string[]): (typeof TASK_CSV_HEADERS)[number] | null {
  return TASK_CSV_HEADERS.find((h) => [h.id, h.title, h.assignee, h.article].every((k) => fields.includes(k))) ?? null;
}

/**
 * The task CSV's rows grouped by their source article, in the order each article first appears: one entry per
 * article (its fields filled in later by `resolveTaskCsvEntries`), and one for the rows without an article.
 */
function parseTaskCsv(
  rows: Record<string, string>[],
  layout: (typeof TASK_CSV_HEADERS)[number],
  file: string,
): BulkEntry[] {
  const groups = new Map<string, { row: number; count: number }>();
  let orphans: { row: number; count: number } | null = null;
  rows.forEach((r, i) => {
    const id = (r[layout.article] ?? '').trim();
    if (!id) {
      orphans ??= { row: i + 2, count: 0 };
      orphans.count += 1;
      return;
    }
    const g = groups.get(id);
    if (g) g.count += 1;
    else groups.set(id, { row: i + 2, count: 1 });
  });
  const out: BulkEntry[] = [...groups].map(([articleId, g]) => ({
    ...failed(file, 'task_csv_unknown_article'),
    row: g.row,
    title: articleId,
    problemParams: { article: articleId },
    fromTasks: { articleId, rows: g.count },
  }));
  const none = orphans as { row: number; count: number } | null;
  if (none) {
    out.push({
      ...failed(file, 'task_csv_no_article'),
      row: none.row,
      problemParams: { count: String(none.count) },
      fromTasks: { articleId: null, rows: none.count },
    });
  }
  return out;
}

/**
 * Fills in the articles of task CSV entries from the tracker: the stored title, date, publisher, URL and text (the
 * import then finds each one a duplicate of itself), or the reason it cannot be imported.
 */
export async function resolveTaskCsvEntries(entries: BulkEntry[], resolve: ArticleResolver): Promise<BulkEntry[]> {
  const fill = async (entry: BulkEntry): Promise<BulkEntry> => {
    const id = entry.fromTasks?.articleId;
    if (!id) return entry;
    let article: Article | null;
    try {
      article = await resolve(id);
    } catch {
      return { ...entry, problem: 'task_csv_lookup_failed' };
    }
    if (!article) return entry;
    return {
      ...entry,
      title: article.title,
      date: article.date,
      publisher: article.publisher,
      url: article.url,
      body: article.body,
      problem: null,
    };
  };
  // A few lookups at a time: an export of many articles is read in seconds, without flooding the server.
  const out: BulkEntry[] = new Array(entries.length);
  let next = 0;
  const lane = async () => {
    while (next < entries.length) {
      const i = next++;
      out[i] = await fill(entries[i] as BulkEntry);
    }
  };
  await Promise.all(Array.from({ length: 6 }, lane));
  return out;
}

export function parseCsvArticles(text: string, file: string, defaults: { publisher: string }): BulkEntry[] {
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: headerKey,
  });
  const fields = parsed.meta.fields ?? [];
  const taskLayout = fields.includes('body') ? null : taskCsvLayout(fields);
  if (taskLayout) {
    if (parsed.errors.some((e) => e.type === 'Quotes' && e.row === undefined)) return [failed(file, 'bad_csv')];
    if (parsed.data.length === 0) return [failed(file, 'no_articles')];
    return parseTaskCsv(parsed.data, taskLayout, file);
  }
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
export async function readBulkFiles(
  files: readonly File[],
  defaults: { publisher: string },
  /** Looks up the source articles of a task CSV; without it, they stay unknown. */
  resolve?: ArticleResolver,
): Promise<BulkEntry[]> {
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
    else if (kind === 'csv') {
      const entries = parseCsvArticles(text, file.name, defaults);
      out.push(
        ...(resolve && entries.some((e) => e.fromTasks) ? await resolveTaskCsvEntries(entries, resolve) : entries),
      );
    } else out.push(entryFromFields({ body: text }, { file: file.name, row: null }, defaults, kind));
  }
  return out;
}
