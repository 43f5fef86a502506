/**
 * `npm run extract -- FILE [--date YYYY-MM-DD]`: prints the directives of a UTF-8 article as a JSON array on
 * stdout (and nothing else). Without --date, the first dd/mm/yyyy near the top of the text is the article's date.
 * Localities resolve against src/data/localities.json (skipped with a warning on stderr when it cannot be read).
 * Exit codes: 0 success (also `[]`), 1 unreadable input (missing, a directory, not UTF-8), 2 bad arguments.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLocalityIndex, type LocalityDataset } from '../src/domain/localities';
import { guessArticleDate } from '../src/extraction/article-date';
import { extractDirectives, type LocalityIndexLike } from '../src/extraction/extract';

const USAGE = 'Cách dùng: npm run extract -- FILE [--date YYYY-MM-DD]';

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function parseArgs(argv: readonly string[]): { file: string; date: string | null } {
  let file: string | null = null;
  let date: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--date') {
      const value = argv[++i];
      if (!value) fail(`Thiếu giá trị cho --date.\n${USAGE}`, 2);
      date = value;
    } else if (arg.startsWith('--date=')) {
      date = arg.slice('--date='.length);
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (arg.startsWith('--')) {
      fail(`Tùy chọn không hợp lệ: ${arg}\n${USAGE}`, 2);
    } else if (file === null) {
      file = arg;
    } else {
      fail(`Chỉ nhận một tệp.\n${USAGE}`, 2);
    }
  }
  if (file === null) fail(`Thiếu tệp đầu vào.\n${USAGE}`, 2);
  if (date !== null) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    const ok = m && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;
    if (!ok) fail(`Ngày không hợp lệ: ${date} (cần dạng YYYY-MM-DD).`, 2);
  }
  return { file, date };
}

function readUtf8(path: string): string {
  if (!existsSync(path)) fail(`Không tìm thấy tệp: ${path}`, 1);
  let bytes: Buffer;
  try {
    if (statSync(path).isDirectory()) fail(`Đây là thư mục, không phải tệp văn bản: ${path}`, 1);
    bytes = readFileSync(path);
  } catch (error) {
    fail(`Không đọc được tệp ${path}: ${(error as Error).message}`, 1);
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    fail(`Tệp không phải văn bản UTF-8: ${path}`, 1);
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

async function main(): Promise<void> {
  const { file, date } = parseArgs(process.argv.slice(2));
  const text = readUtf8(file);
  const articleDate = date ?? guessArticleDate(text) ?? undefined;
  const localities = loadLocalityIndex();
  const directives = extractDirectives(text, { articleDate, localities });
  process.stdout.write(`${JSON.stringify(directives, null, 2)}\n`);
}

main().catch((error: unknown) => fail(`Lỗi: ${(error as Error).message ?? String(error)}`, 1));
