/**
 * `npm run -s extract -- [options] PATH…`: prints the directives of UTF-8 articles on stdout, and nothing else.
 * (`-s` keeps npm's own banner off stdout; `npx tsx scripts/extract.ts …` needs no flag.)
 *
 * PATH is a file, a folder (its `*.txt` files, sorted, not recursive) or `-` for stdin. Without --date, each article's
 * date is the first dd/mm/yyyy near its top. Localities resolve against src/data/localities.json (skipped with a
 * warning on stderr when it cannot be read).
 *
 * Output (--format):
 *   - `json` (default): one file → the JSON array of its directives (as before); several files → a JSON array of
 *     `{ "file", "articleDate", "directives" }`.
 *   - `jsonl`: one line per directive, `{ "file", … the directive … }`.
 *   - `csv`: one row per directive: file, quote, clause, clause_start, clause_end, title, issuer, assignee,
 *     deadline_text, deadline_date, category, localities (codes joined by `;`), flagship, confidence.
 *
 * Exit codes: 0 success (also with no directive), 1 unreadable input (missing, a directory without `.txt` files,
 * not UTF-8; the message goes to stderr and nothing is printed), 2 bad arguments.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLocalityIndex, type LocalityDataset } from '../src/domain/localities';
import { guessArticleDate } from '../src/extraction/article-date';
import { type Directive, extractDirectives, type LocalityIndexLike } from '../src/extraction/extract';

const USAGE =
  'Cách dùng: npm run -s extract -- [--date YYYY-MM-DD] [--format json|jsonl|csv] TỆP|THƯ_MỤC|- …\n' +
  '  (hoặc: npx tsx scripts/extract.ts …)';
type Format = 'json' | 'jsonl' | 'csv';
const FORMATS: readonly Format[] = ['json', 'jsonl', 'csv'];

class InputError extends Error {}

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

interface Args {
  paths: string[];
  date: string | null;
  format: Format;
}

function parseArgs(argv: readonly string[]): Args {
  const paths: string[] = [];
  let date: string | null = null;
  let format: Format = 'json';
  const value = (i: number, flag: string): string => {
    const v = argv[i];
    if (v === undefined || v.startsWith('--')) fail(`Thiếu giá trị cho ${flag}.\n${USAGE}`, 2);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--date') date = value(++i, '--date');
    else if (arg.startsWith('--date=')) date = arg.slice('--date='.length);
    else if (arg === '--format') format = value(++i, '--format') as Format;
    else if (arg.startsWith('--format=')) format = arg.slice('--format='.length) as Format;
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (arg === '--') continue;
    else if (arg.startsWith('--')) fail(`Tùy chọn không hợp lệ: ${arg}\n${USAGE}`, 2);
    else paths.push(arg);
  }
  if (paths.length === 0) fail(`Thiếu tệp đầu vào.\n${USAGE}`, 2);
  if (!FORMATS.includes(format)) fail(`Định dạng không hợp lệ: ${format} (json, jsonl hoặc csv).`, 2);
  if (date !== null) {
    const ok = /^(\d{4})-(\d{2})-(\d{2})$/.test(date) && !Number.isNaN(Date.parse(`${date}T00:00:00Z`));
    if (!ok || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
      fail(`Ngày không hợp lệ: ${date} (cần dạng YYYY-MM-DD).`, 2);
    }
  }
  return { paths, date, format };
}

function decode(bytes: Buffer, name: string): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    throw new InputError(`Tệp không phải văn bản UTF-8: ${name}`);
  }
}

/** The files a path names: itself, or the `.txt` files of a folder. */
function expand(path: string): string[] {
  if (path === '-') return ['-'];
  if (!existsSync(path)) throw new InputError(`Không tìm thấy tệp: ${path}`);
  if (!statSync(path).isDirectory()) return [path];
  const files = readdirSync(path)
    .filter((f) => f.toLowerCase().endsWith('.txt'))
    .sort()
    .map((f) => join(path, f))
    .filter((f) => statSync(f).isFile());
  if (files.length === 0) throw new InputError(`Thư mục không có tệp .txt nào: ${path}`);
  return files;
}

function read(file: string): string {
  if (file === '-') return decode(readFileSync(0), 'stdin');
  try {
    return decode(readFileSync(file), file);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`Không đọc được tệp ${file}: ${(error as Error).message}`);
  }
}

/** The project's locality index, or undefined (with a warning) when the dataset cannot be read. */
function loadLocalityIndex(): LocalityIndexLike | undefined {
  const dataPath = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'data', 'localities.json');
  try {
    return createLocalityIndex(JSON.parse(readFileSync(dataPath, 'utf8')) as LocalityDataset);
  } catch (error) {
    process.stderr.write(`Bỏ qua địa bàn: không nạp được danh mục đơn vị hành chính (${(error as Error).message}).\n`);
    return undefined;
  }
}

const CSV_COLUMNS = [
  'file',
  'quote',
  'clause',
  'clause_start',
  'clause_end',
  'title',
  'issuer',
  'assignee',
  'deadline_text',
  'deadline_date',
  'category',
  'localities',
  'flagship',
  'confidence',
] as const;

/** RFC 4180 field: quoted when it holds a comma, a quote or a line break. */
function csvField(value: string | number | boolean): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvRow(file: string, d: Directive): string {
  const values = [
    file,
    d.quote.text,
    d.clause.text,
    d.clause.start,
    d.clause.end,
    d.title,
    d.issuer,
    d.assignee,
    d.deadline?.text ?? '',
    d.deadline?.date ?? '',
    d.category,
    d.localities.map((l) => l.code).join(';'),
    d.flagship,
    d.confidence,
  ];
  return values.map(csvField).join(',');
}

function main(): void {
  const { paths, date, format } = parseArgs(process.argv.slice(2));
  let articles: Array<{ file: string; text: string }>;
  try {
    articles = paths.flatMap(expand).map((file) => ({ file, text: read(file) }));
  } catch (error) {
    if (error instanceof InputError) fail(error.message, 1);
    throw error;
  }
  const localities = loadLocalityIndex();
  const results = articles.map(({ file, text }) => {
    const articleDate = date ?? guessArticleDate(text) ?? undefined;
    return { file, articleDate: articleDate ?? null, directives: extractDirectives(text, { articleDate, localities }) };
  });
  const lines: string[] = [];
  if (format === 'json') {
    const single =
      paths.length === 1 && results.length === 1 && !statSync(paths[0]!, { throwIfNoEntry: false })?.isDirectory();
    lines.push(JSON.stringify(single ? results[0]!.directives : results, null, 2));
  } else if (format === 'jsonl') {
    for (const r of results) for (const d of r.directives) lines.push(JSON.stringify({ file: r.file, ...d }));
  } else {
    lines.push(CSV_COLUMNS.join(','));
    for (const r of results) for (const d of r.directives) lines.push(csvRow(r.file, d));
  }
  process.stdout.write(lines.length > 0 ? `${lines.join('\n')}\n` : '');
}

try {
  main();
} catch (error) {
  fail(`Lỗi: ${(error as Error).message ?? String(error)}`, 1);
}
