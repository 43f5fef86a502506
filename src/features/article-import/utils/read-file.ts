/**
 * Files a person opens: decoded to text (UTF-8, UTF-16 with a byte-order mark, or the legacy Vietnamese Windows
 * code page 1258 when the bytes are not UTF-8), then, for HTML, reduced to text (html-to-text.ts).
 */
import { guessArticleDate } from '../../../extraction/article-date';
import { htmlToText, looksLikeHtml } from './html-to-text';

/** Larger files are refused before reading: an article is a few kilobytes, a long conclusion a few hundred. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export type FileKind = 'text' | 'html' | 'json' | 'csv';

export class FileReadError extends Error {
  override readonly name = 'FileReadError';
  constructor(
    /** A key of `articleImport.fileErrors`. */
    readonly reason: 'too_big' | 'unsupported' | 'unreadable' | 'empty' | 'binary',
  ) {
    super(reason);
  }
}

export function fileKind(name: string): FileKind | null {
  const ext = name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  if (ext === 'txt' || ext === 'text' || ext === 'md') return 'text';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (ext === 'json') return 'json';
  if (ext === 'csv') return 'csv';
  return null;
}

/**
 * UTF-16 without a byte-order mark, told by where the zero bytes are: text in a Latin script written in UTF-16 has
 * a zero as the high byte of most characters (ASCII letters, spaces, digits; Vietnamese letters are 0x00 or 0x1E),
 * so one half of the byte positions is mostly zero and the other almost never is.
 */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 64 * 1024);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero += 1;
    if (bytes[i + 1] === 0) oddZero += 1;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.3 && evenZero / pairs < 0.05) return 'utf-16le';
  if (evenZero / pairs > 0.3 && oddZero / pairs < 0.05) return 'utf-16be';
  return null;
}

/**
 * Whether decoded text is not text at all (a program, an image, random bytes renamed `.txt`): NUL characters, or
 * more than 1 in 200 characters that are control characters other than tab, line breaks and form feed, or
 * replacement characters from undecodable bytes.
 */
export function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 256 * 1024);
  let bad = 0;
  for (let i = 0; i < n; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || (c >= 0x7f && c < 0xa0) || c === 0xfffd) bad += 1;
  }
  return n > 0 && bad / n > 0.005;
}

/** Bytes → text: a BOM decides; otherwise UTF-16 by its zero bytes, UTF-8 if valid, else windows-1258 (`legacy`). */
export function decodeBytes(bytes: Uint8Array): { text: string; legacy: boolean } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), legacy: false };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), legacy: false };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), legacy: false };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, legacy: false };
  } catch {
    return { text: new TextDecoder('windows-1258').decode(bytes), legacy: true };
  }
}

async function bytesOf(file: Blob): Promise<Uint8Array> {
  // Blob.arrayBuffer() where available (browsers); FileReader otherwise (older engines, jsdom).
  if (typeof file.arrayBuffer === 'function') return new Uint8Array(await file.arrayBuffer());
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

/** The text of a file (checked for size and emptiness). */
export async function readFileText(file: File): Promise<{ text: string; legacy: boolean }> {
  if (file.size > MAX_FILE_BYTES) throw new FileReadError('too_big');
  let decoded: { text: string; legacy: boolean };
  try {
    decoded = decodeBytes(await bytesOf(file));
  } catch {
    throw new FileReadError('unreadable');
  }
  if (looksBinary(decoded.text)) throw new FileReadError('binary');
  if (decoded.text.trim() === '') throw new FileReadError('empty');
  return { text: decoded.text.normalize('NFC'), legacy: decoded.legacy };
}

/** The metadata the form can guess for an article. */
export interface ArticleGuess {
  text: string;
  title: string;
  date: string | null;
  url: string | null;
  publisher: string | null;
}

/** The first non-empty line, as a title (at most 300 characters, cut at a word). */
export function guessTitle(text: string): string {
  const line =
    text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .find((l) => l.length > 0) ?? '';
  if (line.length <= 300) return line;
  const cut = line.slice(0, 299);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 200)).trimEnd()}…`;
}

/** Title, date (and for HTML, URL and publisher) of an article's text. */
export function guessFromText(
  text: string,
  kind: 'text' | 'html' = looksLikeHtml(text) ? 'html' : 'text',
): ArticleGuess {
  if (kind === 'html') {
    const page = htmlToText(text);
    return {
      text: page.text,
      title: page.title ?? guessTitle(page.text),
      date: page.date ?? guessArticleDate(page.text),
      url: page.url,
      publisher: page.publisher,
    };
  }
  const clean = text.normalize('NFC').replace(/\r\n?/g, '\n');
  return { text: clean, title: guessTitle(clean), date: guessArticleDate(clean), url: null, publisher: null };
}

/** Reads an article file (.txt or .html) and guesses its metadata. */
export async function readArticleFile(file: File): Promise<ArticleGuess & { legacy: boolean }> {
  const kind = fileKind(file.name);
  if (kind !== 'text' && kind !== 'html') throw new FileReadError('unsupported');
  const { text, legacy } = await readFileText(file);
  const guess = guessFromText(text, kind === 'html' || looksLikeHtml(text) ? 'html' : 'text');
  if (guess.text.trim() === '') throw new FileReadError('empty');
  return { ...guess, legacy };
}
