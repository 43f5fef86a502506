/**
 * Splits an article (NFC text) into blocks (lines) and sentences, and labels the blocks that are no body text:
 * headline, date line, photo caption, byline, page boilerplate.
 *
 * Sentence ends are `.`, `!`, `?`, `…` followed by white space and an upper-case letter, a digit, an opening quote
 * or a bullet — but not after an abbreviation (`TP.`, `TS.`, an initial), nor after a list number (`1.`, `a)`).
 * Document numbers (`11-QĐi/TW`), dates (`22.3.2022`) and decimals contain no white space after the dot, so they
 * never end a sentence. A line break always ends one. A sentence longer than MAX_SENTENCE is cut at white space, so
 * the work per sentence is bounded and the whole pass is linear.
 */

export type BlockKind = 'body' | 'headline' | 'dateline' | 'caption' | 'byline' | 'boilerplate';

export interface SentenceSegment {
  /** Span of the sentence (trimmed, closing punctuation included). */
  readonly start: number;
  readonly end: number;
  /** Where the text starts after a bullet or list number (`- `, `1. `, `a) `). */
  readonly contentStart: number;
  readonly bullet: boolean;
}

export interface Block {
  readonly start: number;
  readonly end: number;
  kind: BlockKind;
  readonly sentences: SentenceSegment[];
}

export const MAX_SENTENCE = 1500;

const ABBREVIATIONS = new Set([
  'TP',
  'Tp',
  'tp',
  'ThS',
  'TS',
  'PGS',
  'GS',
  'BS',
  'KS',
  'CN',
  'Q',
  'P',
  'X',
  'H',
  'St',
  'Th',
  'v.v',
  'vv',
  'Mr',
  'Ms',
  'Dr',
  'TT',
  'Tt',
  'TX',
  'Tx',
  'NXB',
  'Nxb',
  'tr',
  'Tr',
  'ĐT',
  'QL',
  'ĐH',
  'No',
  'Ths',
]);

const TERMINATORS = '.!?…';
const CLOSERS = '"”’)»]\'';
const OPENERS_AFTER = '“"‘«([-–—•+*';

const isSpace = (ch: string | undefined) => {
  if (ch === undefined || ch === '\n' || ch === '\r') return false;
  const code = ch.charCodeAt(0);
  if (code < 0x80) return code === 32 || code === 9 || code === 11 || code === 12;
  return /\s/u.test(ch);
};
const isUpper = (ch: string | undefined) => {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  if (code < 0x80) return code >= 65 && code <= 90;
  return /\p{Lu}/u.test(ch);
};
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';
const isLetter = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{M}]/u.test(ch);

const BULLET =
  /(?:[-–—+•*·▪►✓❖]|\(?\d{1,2}[.)](?:\d{1,2}[.)]?)?|\(?[a-zđ]\)|[a-zđ]\.(?=\s)|[IVX]{1,4}[.)])[ \t\u00a0]+/uy;
const LIST_NUMBER_ONLY = /^(?:\(?\d{1,3}|\(?[a-zđA-ZĐ]|[IVXLC]{1,5})$/u;

function readBullet(text: string, start: number, end: number): number {
  BULLET.lastIndex = start;
  const m = BULLET.exec(text);
  if (m && start + m[0].length < end) return start + m[0].length;
  return start;
}

function trimSpan(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && /\s/u.test(text[s]!)) s++;
  while (e > s && /\s/u.test(text[e - 1]!)) e--;
  return [s, e];
}

/** Sentences of one line [start, end). */
function splitLine(text: string, start: number, end: number): SentenceSegment[] {
  const out: SentenceSegment[] = [];
  let sStart = start;
  const push = (from: number, to: number, first: boolean) => {
    const [s, e] = trimSpan(text, from, to);
    if (e <= s) return;
    const contentStart = first ? readBullet(text, s, e) : s;
    out.push({ start: s, end: e, contentStart, bullet: contentStart > s });
  };
  let first = true;
  let i = start;
  while (i < end) {
    const ch = text[i]!;
    if (i - sStart >= MAX_SENTENCE) {
      // Cut an overlong run at the last white space of its second half (or hard, if there is none).
      // A long enumeration is cut after one of its `;`, so that the next part starts with an item.
      let cut = i;
      const floor = sStart + (MAX_SENTENCE >> 1);
      while (cut > floor && text[cut - 1] !== ';') cut--;
      if (cut <= floor) {
        cut = i;
        while (cut > floor && !isSpace(text[cut])) cut--;
      }
      if (cut <= floor) cut = i;
      // Never cut a surrogate pair.
      const code = text.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut++;
      push(sStart, cut, first);
      first = false;
      sStart = cut;
      i = cut;
      continue;
    }
    if (!TERMINATORS.includes(ch)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < end && TERMINATORS.includes(text[j]!)) j++;
    while (j < end && CLOSERS.includes(text[j]!)) j++;
    if (j >= end || !isSpace(text[j])) {
      i = j;
      continue;
    }
    let k = j;
    while (k < end && isSpace(text[k])) k++;
    const next = text[k];
    const startsNew = isUpper(next) || isDigit(next) || (next !== undefined && OPENERS_AFTER.includes(next));
    if (!startsNew) {
      i = k;
      continue;
    }
    if (ch === '.' && j === i + 1) {
      // The word before the dot: an abbreviation, an initial or a list number does not end a sentence.
      let w = i;
      while (w > sStart && w > i - 12 && (isLetter(text[w - 1]) || isDigit(text[w - 1]) || text[w - 1] === '.')) w--;
      const word = text.slice(w, i);
      if (ABBREVIATIONS.has(word) || (word.length === 1 && isUpper(word))) {
        i = k;
        continue;
      }
      const sofar = text.slice(sStart, i).trim();
      if (sofar.length <= 6 && LIST_NUMBER_ONLY.test(sofar)) {
        i = k;
        continue;
      }
    }
    push(sStart, j, first);
    first = false;
    sStart = k;
    i = k;
  }
  push(sStart, end, first);
  return out;
}

const DATELINE = /^[\d\s/\-–:.,|()GMT+hHgiờ]*$/u;
const DATELINE_WORDS =
  /^(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật|cập\s+nhật|đăng\s+(?:lúc|ngày)|ngày\s+đăng)[^\n]{0,40}\d/iu;
const BYLINE =
  /^(?:tin|bài|ảnh|tin\s*,\s*ảnh|bài\s*,\s*ảnh|tin\s+và\s+ảnh|bài\s+và\s+ảnh|tin\s*\/\s*ảnh|bài\s*\/\s*ảnh|bài\s+và\s+ảnh|nhóm\s+phóng\s+viên|nhóm\s+pv|pv|nguồn|theo|thực\s+hiện)\s*[:\-–]/iu;
const BOILERPLATE =
  /^(?:chia\s+sẻ(?:\s+bài\s+viết)?|bình\s+luận|ý\s+kiến\s+bạn\s+đọc|tin\s+liên\s+quan|tin\s+cùng\s+chuyên\s+mục|xem\s+thêm|in\s+bài(?:\s+viết)?|gửi\s+bài(?:\s+viết)?|từ\s+khóa|tags?|quay\s+lại|lên\s+đầu\s+trang|bài\s+viết\s+liên\s+quan|đọc\s+thêm)\s*[:.]?$/iu;
const CAPTION_START =
  /^(?:ảnh\s*:|quang\s+cảnh|toàn\s+cảnh|các\s+đại\s+biểu|đại\s+biểu|hình\s+ảnh|ảnh\s+minh\s+họa|ảnh\s+tư\s+liệu|lãnh\s+đạo\s[^.]{0,80}(?:tham\s+quan|thăm|trao|tặng|chụp\s+ảnh))/iu;
const CAPTION_PHOTO = /\((?:ảnh|ảnh minh họa|nguồn)\s*[:)]|(?:^|\s)ảnh\s*:\s*[^.]{1,40}\.?\s*\)?$/iu;
const CAPTION_EVENT =
  /(?:^|[^\p{L}])(?:phát\s+biểu|trao|tặng|thăm|tham\s+quan|khảo\s+sát|kiểm\s+tra|chụp\s+ảnh|tham\s+dự|dự|chủ\s+trì|báo\s+cáo|trình\s+bày)(?:[^\p{L}][^.]{0,160})?\s+tại\s+[^.]{0,120}\.?$/iu;
const CAPTION_CUES = /(?:^|[^\p{L}])(?:đề\s+nghị|yêu\s+cầu|cần|phải|giao\s+cho|chỉ\s+đạo\s+các)(?=[^\p{L}]|$)/iu;

const PHOTO_CREDIT = /^\(?(?:ảnh|ảnh minh họa|nguồn ảnh|video)\s*:\s*[^.]{1,40}\.?\)?$/iu;

function wordCount(s: string): number {
  let n = 0;
  let inWord = false;
  for (const ch of s) {
    const w = !/\s/u.test(ch);
    if (w && !inWord) n++;
    inWord = w;
  }
  return n;
}

/** Blocks (one per non-empty line) with their sentences and kinds. Linear in the length of the text. */
export function segment(text: string): Block[] {
  const blocks: Block[] = [];
  let lineStart = 0;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const ch = text[i];
    if (i < n && ch !== '\n' && ch !== '\r' && ch !== '\u2028' && ch !== '\u2029') continue;
    const [s, e] = trimSpan(text, lineStart, i);
    if (e > s) blocks.push({ start: s, end: e, kind: 'body', sentences: splitLine(text, s, e) });
    lineStart = i + 1;
  }
  classifyBlocks(text, blocks);
  return blocks;
}

function classifyBlocks(text: string, blocks: Block[]): void {
  let sawContent = false;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    const line = text.slice(block.start, Math.min(block.end, block.start + 400));
    const long = block.end - block.start > 400;
    if (!long && (DATELINE.test(line) || (DATELINE_WORDS.test(line) && line.length < 60))) {
      block.kind = 'dateline';
      continue;
    }
    if (!long && line.length < 120 && BYLINE.test(line)) {
      block.kind = 'byline';
      continue;
    }
    if (!long && line.length < 60 && (BOILERPLATE.test(line) || (/^[^\p{Ll}]+$/u.test(line) && wordCount(line) <= 4))) {
      block.kind = 'boilerplate';
      continue;
    }
    const words = long ? 999 : wordCount(line);
    const terminal = /[.!?…:;"”’)]$/u.test(line);
    if (!sawContent) {
      sawContent = true;
      if (!terminal && words <= 40) {
        block.kind = 'headline';
        continue;
      }
    }
    // `Đoàn công tác thăm, tặng quà … . Ảnh: Đức Hải`: a caption with its photo credit as a second sentence.
    const credited =
      block.sentences.length === 2 && PHOTO_CREDIT.test(text.slice(block.sentences[1]!.start, block.sentences[1]!.end));
    if ((block.sentences.length === 1 || credited) && words <= 40) {
      const same = (other: Block | undefined) =>
        other !== undefined &&
        other.end - other.start === block.end - block.start &&
        text.slice(other.start, other.end) === text.slice(block.start, block.end);
      const duplicated = same(blocks[b - 1]) || same(blocks[b + 1]);
      const cue = CAPTION_CUES.test(line);
      if (
        duplicated ||
        CAPTION_START.test(line) ||
        CAPTION_PHOTO.test(line) ||
        (!cue && words <= 30 && CAPTION_EVENT.test(line))
      ) {
        block.kind = 'caption';
        continue;
      }
    }
    // A short unterminated line between paragraphs (`Dự báo bão số 10 đổ bộ đêm nay 28-9`): a related-article link or
    // a caption. List items carry a bullet; headings announce their list with a colon.
    if (
      b > 0 &&
      b < blocks.length - 1 &&
      !terminal &&
      words <= 14 &&
      block.sentences.length === 1 &&
      !block.sentences[0]!.bullet &&
      blocks[b + 1]!.kind === 'body'
    ) {
      block.kind = 'caption';
      continue;
    }
    // A short trailing line of capitalised words without a full stop is an author's name.
    if (b >= blocks.length - 3 && !terminal && words <= 5 && /^(?:\p{Lu}[\p{L}\p{M}]*\s*)+$/u.test(line)) {
      block.kind = 'byline';
    }
  }
}
