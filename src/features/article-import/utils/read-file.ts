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
    readonly reason: 'too_big' | 'unsupported' | 'unreadable' | 'empty',
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

/** Bytes → text: a BOM decides; otherwise UTF-8 if valid, else windows-1258 (`legacy` tells the caller). */
export function decodeBytes(bytes: Uint8Array): { text: string; legacy: boolean } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), legacy: false };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), legacy: false };
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
