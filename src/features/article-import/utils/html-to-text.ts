/**
 * HTML → plain text, safely: the markup is parsed by DOMParser into a detached, inert document (no scripts run,
 * nothing loads), scripts, styles and other non-text elements are dropped, and only text nodes are read. Nothing
 * from the file ever reaches the page as HTML. Block elements become paragraph breaks, so sentences of separate
 * paragraphs do not run together.
 */

import { cleanArticleText } from '../../../domain/article-text';

export { cleanArticleText };

export interface HtmlArticle {
  text: string;
  /** `og:title`, `<title>` or the first `<h1>`. */
  title: string | null;
  /** `<link rel="canonical">` or `og:url`, when it is an http(s) URL. */
  url: string | null;
  /** `article:published_time` and similar metadata, as YYYY-MM-DD. */
  date: string | null;
  /** `og:site_name`. */
  publisher: string | null;
}

const DROPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'CANVAS',
  'FORM',
  'BUTTON',
  'SELECT',
  'NAV',
  'HEAD',
]);
const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TR',
  'UL',
]);
const CELLS = new Set(['TD', 'TH']);

/** Does the input look like HTML rather than text (a tag near the start)? */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<(?:p|div|article|h1|meta|title)[\s>])/i.test(
    text.slice(0, 2000),
  );
}

function toIsoDate(value: string | null | undefined): string | null {
  const m = value ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim()) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

function webUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const u = new URL(value.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

const clean = (s: string | null | undefined) => {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t ? t : null;
};

/** Reads the text of a parsed node: text nodes with collapsed white space, a break after each block. */
function readText(root: Node): string {
  const out: string[] = [];
  const walk = (node: Node, pre: boolean) => {
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      out.push(pre ? value : value.replace(/[\s\u00a0]+/g, ' '));
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const el = node as Element;
    const tag = node.nodeType === 1 ? el.tagName.toUpperCase() : '';
    if (DROPPED.has(tag)) return;
    if (tag && (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true')) return;
    if (tag === 'BR') {
      out.push('\n');
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) out.push('\n\n');
    const inPre = pre || tag === 'PRE';
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child, inPre);
    if (block) out.push('\n\n');
    else if (CELLS.has(tag)) out.push('\t');
  };
  walk(root, false);
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Parses HTML in a detached document and returns its text and the metadata a news page usually carries. */
export function htmlToText(html: string): HtmlArticle {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const meta = (selector: string) => doc.querySelector(selector)?.getAttribute('content') ?? null;
  const title =
    clean(meta('meta[property="og:title"]')) ??
    clean(doc.querySelector('title')?.textContent) ??
    clean(doc.querySelector('h1')?.textContent);
  const url =
    webUrl(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')) ?? webUrl(meta('meta[property="og:url"]'));
  const date =
    toIsoDate(meta('meta[property="article:published_time"]')) ??
    toIsoDate(meta('meta[name="pubdate"]')) ??
    toIsoDate(meta('meta[itemprop="datePublished"]')) ??
    toIsoDate(doc.querySelector('time[datetime]')?.getAttribute('datetime'));
  const publisher = clean(meta('meta[property="og:site_name"]'));
  const text = cleanArticleText(readText(doc.body ?? doc).normalize('NFC'));
  return { text, title, url, date, publisher };
}
