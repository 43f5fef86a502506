/**
 * Splits the task part of a directive sentence into one clause per task.
 *
 * - `;` always separates tasks.
 * - `,` or `và` separates tasks when a new verb phrase starts after it (`nâng cấp … quốc lộ, xây dựng cầu Đình Khao
 *   và vận động nhân dân …` is three tasks), but not
 *   - when the part before ends with a verb (`bổ sung, hoàn thiện báo cáo`, `lãnh đạo, chỉ đạo`): the verbs share
 *     one object;
 *   - when the last verb before is governed by a preposition or a noun (`trong tiếp công dân, giải quyết khiếu nại`,
 *     `công tác tuyên truyền, vận động`): the verbs are nouns of one task;
 *   - when either part is shorter than three words;
 *   - after a purpose or consequence (`, tạo sự đoàn kết …`, `, làm cơ sở …`, `để …`) or a motto
 *     (`theo phương châm xây dựng điển hình, học tập điển hình …`): the rest describes the same task.
 * - `,` separates named projects listed after a project (`xây dựng Trung tâm cây giống hoa kiểng, Đề án Làng văn hóa
 *   du lịch Chợ Lách` is two tasks).
 */
import {
  ACTION_VERBS,
  CONNECTORS,
  CONSEQUENCE_OPENINGS,
  DETERMINERS,
  NO_SPLIT_MARKERS,
  PREPOSITIONS,
  PROJECT_NOUNS,
  VERB_LIKE_NOUNS,
  WEAK_VERBS,
} from './lexicon';
import { PhraseSet, type Token } from './tokens';

export interface ClauseRange {
  /** Token indices [from, to). */
  from: number;
  to: number;
}

const MIN_WORDS = 3;
/** Short openings that lead into the work that follows them (`tiếp tục bám sát kế hoạch, tập trung nhân lực …`). */
const LEAD_INS = new PhraseSet(['bám sát', 'tiếp tục bám sát', 'tiếp thu ý kiến', 'tiếp thu']);
const LIST_HEADS = new PhraseSet(['là', 'gồm', 'bao gồm', 'các đề án', 'các dự án', 'các công trình', 'các nội dung']);
const CAPITAL_PROJECT_NOUNS = new Set([
  'đề',
  'dự',
  'trung',
  'khu',
  'công',
  'nhà',
  'cụm',
  'bệnh',
  'trường',
  'cầu',
  'đường',
  'cảng',
  'quảng',
  'chương',
]);

function firstWord(tokens: readonly Token[], from: number, to: number): number {
  let k = from;
  while (k < to && !tokens[k]!.word) k++;
  return k;
}

function words(tokens: readonly Token[], from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) if (tokens[k]!.word) n++;
  return n;
}

/** Words from `from` to the next `,`, `;` or `và` (or `to`). */
function wordsOfNextPart(tokens: readonly Token[], from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (t.text === ',' || t.text === ';' || (t.word && t.key === 'và' && k > from)) break;
    if (t.word) n++;
  }
  return n;
}

function phraseKey(tokens: readonly Token[], k: number, len: number): string {
  let key = tokens[k]!.key;
  for (let i = 1; i < len; i++) key += ` ${tokens[k + i]!.key}`;
  return key;
}

function verbLength(tokens: readonly Token[], k: number, to: number): number {
  const t = tokens[k];
  if (!t?.word || t.cap) return 0;
  const len = ACTION_VERBS.matchAt(tokens, k, to);
  if (len === 0 || VERB_LIKE_NOUNS.matchAt(tokens, k, to) > 0) return 0;
  if (WEAK_VERBS.has(len === 1 ? t.key : phraseKey(tokens, k, len))) return 0;
  const prev = tokens[k - 1];
  if (prev?.word && DETERMINERS.has(prev.key)) return 0;
  return len;
}

/** Index of the last (strong) verb in [from, to), or -1. */
function lastVerb(tokens: readonly Token[], from: number, to: number): number {
  for (let k = to - 1; k >= from; k--) {
    const len = verbLength(tokens, k, to);
    if (len === 0) continue;
    // Prefer the start of a longer phrase that covers k (`nâng cấp` over `cấp`).
    for (let b = Math.max(from, k - 2); b < k; b++) if (verbLength(tokens, b, to) > k - b) return b;
    return k;
  }
  return -1;
}

function governedByPreposition(tokens: readonly Token[], verb: number): boolean {
  const p1 = tokens[verb - 1];
  const p2 = tokens[verb - 2];
  if (!p1?.word) return false;
  if (PREPOSITIONS.has(p1.key)) return true;
  return p2?.word === true && PREPOSITIONS.has(`${p2.key} ${p1.key}`);
}

/** Words after which a verb ending a part shares the next part's object (`để bổ sung, hoàn thiện báo cáo`). */
const COORDINATION_LEFT = new Set(['để', 'nhằm', 'và', 'cần', 'phải', 'sẽ', 'được', 'cùng', 'với']);

/** The part ends with a bare verb (`bổ sung`, `lãnh đạo`) that shares its object with the next part's verb. */
function endsWithVerb(tokens: readonly Token[], from: number, to: number): boolean {
  let end = to;
  while (end > from && !tokens[end - 1]!.word) end--;
  for (let len = 1; len <= 3 && end - len >= from; len++) {
    const first = tokens[end - len]!;
    const isVerb =
      (ACTION_VERBS.matchAt(tokens, end - len, end) === len && !first.cap) ||
      (len === 2 && first.key === 'lãnh' && tokens[end - 1]!.key === 'đạo');
    if (!isVerb) continue;
    // Coordination when nothing nominal precedes the verb: the start, punctuation, a name (`… Môi trường rà soát,`),
    // a function word (`để bổ sung,`) or another verb; `tình hình giải ngân,` is a noun phrase.
    const before = tokens[end - len - 1];
    if (end - len === from || !before?.word || before.cap || COORDINATION_LEFT.has(before.key)) return true;
    if (ACTION_VERBS.endsAt(tokens, end - len, from, 3) > 0) return true;
    if (afterName(tokens, end - len, from)) return true;
  }
  return false;
}

const NAME_BREAKS = new Set(['với', 'cho', 'của', 'để', 'về', 'trong', 'tại', 'các', 'những', 'giao', 'nghị', 'cầu']);

/** The words before `verb` are a proper name (`… với Sở Tài nguyên và Môi trường rà soát`): the verb is a predicate. */
function afterName(tokens: readonly Token[], verb: number, from: number): boolean {
  let k = verb - 1;
  let steps = 0;
  while (k >= from && steps < 8) {
    const t = tokens[k]!;
    if (!t.word || (!t.cap && NAME_BREAKS.has(t.key))) break;
    if (!t.cap && ACTION_VERBS.matchAt(tokens, k, verb) > 0) break;
    k--;
    steps++;
  }
  const first = tokens[k + 1];
  return steps > 0 && first !== undefined && first.cap && k + 1 < verb;
}

/** Verb pairs that name one activity (`bồi thường, giải phóng mặt bằng`, `kiểm tra, giám sát`). */
const FIXED_PAIRS = new Set([
  'bồi thường|giải phóng mặt bằng',
  'bồi thường|hỗ trợ',
  'hỗ trợ|tái định cư',
  'kiểm tra|giám sát',
  'thanh tra|kiểm tra',
  'kiểm tra|xử lý',
  'tuyên truyền|vận động',
  'tuyên truyền|phổ biến',
  'lãnh đạo|chỉ đạo',
  'theo dõi|giám sát',
  'phòng|chống',
  'phòng ngừa|ngăn chặn',
  'sắp xếp|kiện toàn',
  'xem xét|giải quyết',
]);
const FIXED_PAIR_SECONDS = new PhraseSet([...FIXED_PAIRS].map((p) => p.split('|')[1]!));
const FIXED_PAIR_FIRSTS = new PhraseSet([...FIXED_PAIRS].map((p) => p.split('|')[0]!));

function isFixedPair(tokens: readonly Token[], start: number, comma: number, next: number, to: number): boolean {
  const secondLen = FIXED_PAIR_SECONDS.matchAt(tokens, next, to);
  if (secondLen === 0) return false;
  const firstLen = FIXED_PAIR_FIRSTS.endsAt(tokens, comma, start, 4);
  if (firstLen === 0) return false;
  const key = (from: number, len: number) =>
    tokens
      .slice(from, from + len)
      .map((t) => t.key)
      .join(' ');
  return FIXED_PAIRS.has(`${key(comma - firstLen, firstLen)}|${key(next, secondLen)}`);
}

const DEADLINE_TAIL_VERBS = new Set(['hoàn', 'xong', 'kết']);
const DEADLINE_INTROS = new Set(['trước', 'trong', 'chậm', 'đến', 'xong', 'vào']);
const DATE_WORDS = new Set(['ngày', 'tháng', 'quý', 'năm', 'tết', 'tuần', 'mùa']);

function looksLikeDate(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (!t.word) continue;
    if (DATE_WORDS.has(t.key) || /^\d{1,2}[/-]\d{1,2}/.test(t.text)) return true;
  }
  return false;
}

const GUARANTEE_OBJECTS = new Set(['hoàn', 'tiến', 'đúng', 'chất', 'kịp']);

/**
 * Tails of the same task: a deadline (`…, hoàn thành trước ngày 30/6`), a completion guarantee (`…, bảo đảm hoàn
 * thành …`, `…, đảm bảo tiến độ`), the report on it (`…, báo cáo kết quả về UBND tỉnh`), its target (`…, phấn đấu đạt …`).
 */
function isDeadlineTail(tokens: readonly Token[], next: number, to: number): boolean {
  const t = tokens[next]!;
  const t1 = tokens[next + 1];
  const t2 = tokens[next + 2];
  if ((t.key === 'bảo' || t.key === 'đảm') && t1?.key === (t.key === 'bảo' ? 'đảm' : 'bảo')) {
    return t2?.word === true && GUARANTEE_OBJECTS.has(t2.key);
  }
  // Reporting on the task (`…, báo cáo kết quả về UBND tỉnh`, `…, báo cáo kịp thời`) and its target (`…, phấn đấu
  // đạt chuẩn trong năm 2024`) belong to it.
  if (t.key === 'báo' && t1?.key === 'cáo') return true;
  if (t.key === 'phấn' && t1?.key === 'đấu') {
    // A target of the same work (`phấn đấu [đến …] đạt …`), not another task (`phấn đấu kết nạp …`).
    for (let k = next + 2; k < Math.min(to, next + 10); k++) {
      const w = tokens[k]!;
      if (w.text === ',' || w.text === ';') break;
      if (w.key === 'đạt') return true;
    }
    return false;
  }
  if (!DEADLINE_TAIL_VERBS.has(t.key)) return false;
  const len = t.key === 'xong' ? 1 : 2;
  const intro = tokens[next + len];
  if (!intro?.word || !DEADLINE_INTROS.has(intro.key)) return false;
  return wordsOfNextPart(tokens, next, to) <= 8 && looksLikeDate(tokens, next + len, Math.min(to, next + len + 4));
}

/** `…, phấn đấu đến ngày 30/9 đạt 60% và đến hết ngày 31/01 đạt 100%`: a new milestone. */
function isMilestone(tokens: readonly Token[], start: number, k: number, next: number, to: number): boolean {
  const t = tokens[next]!;
  if (!t.word || !DEADLINE_INTROS.has(t.key)) return false;
  return looksLikeDate(tokens, next + 1, Math.min(to, next + 4)) && looksLikeDate(tokens, start, k);
}

function hasProjectList(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (t.word && LIST_HEADS.matchAt(tokens, k, to) > 0) return true;
    if (t.cap && k > from && CAPITAL_PROJECT_NOUNS.has(t.key) && PROJECT_NOUNS.matchAt(tokens, k, to) > 0) return true;
  }
  return false;
}

/** `; trong đó, …`: a sub-item that stays inside its parent task. */
function subItem(tokens: readonly Token[], next: number, to: number): boolean {
  let k = next;
  while (k < to && !tokens[k]!.word) k++;
  return SUB_ITEM_OPENERS.matchAt(tokens, k, to) > 0;
}
const SUB_ITEM_OPENERS = new PhraseSet(['trong đó', 'nhất là', 'đặc biệt là', 'chú ý', 'gồm', 'bao gồm', 'có thể']);

/**
 * A `;` that separates two tasks: both sides have words, and the second is no sub-item of the first nor its deadline
 * (`…; hoàn thành trước ngày 10/12/2023`).
 */
function splittingSemicolon(tokens: readonly Token[], start: number, k: number, to: number): boolean {
  if (words(tokens, start, k) < 2 || words(tokens, k + 1, to) < 2 || subItem(tokens, k + 1, to)) return false;
  const next = firstWord(tokens, k + 1, to);
  return !(next < to && DEADLINE_TAIL_VERBS.has(tokens[next]!.key) && isDeadlineTail(tokens, next, to));
}

export interface SplitOptions {
  /** Split at `;` only: an item of an official letter or of a list keeps its commas. */
  semicolonsOnly?: boolean;
}

/**
 * Splits tokens [from, to) into task clauses. When the tasks are enumerated with `;`, the commas inside each item
 * are the item's own (`tiếp tục rà soát lại công việc, bám sát các nội dung …; …`): only `;` splits then.
 */
export function splitClauses(
  tokens: readonly Token[],
  from: number,
  to: number,
  options: SplitOptions = {},
): ClauseRange[] {
  let semicolonsOnly = options.semicolonsOnly === true;
  if (!semicolonsOnly) {
    let start = from;
    for (let k = from; k < to; k++) {
      if (tokens[k]!.text !== ';') continue;
      if (splittingSemicolon(tokens, start, k, to)) {
        semicolonsOnly = true;
        break;
      }
      start = k + 1;
    }
  }
  const out: ClauseRange[] = [];
  let start = from;
  let frozen = false;
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (t.word && NO_SPLIT_MARKERS.matchAt(tokens, k, to) > 0) frozen = true;
    if (t.text === ';') {
      if (splittingSemicolon(tokens, start, k, to)) {
        out.push({ from: start, to: k });
        start = k + 1;
        frozen = false;
      }
      continue;
    }
    if (semicolonsOnly) continue;
    const isComma = t.text === ',';
    const isAnd = t.word && t.key === 'và';
    if (!isComma && !isAnd) continue;
    if (frozen) continue;
    const next = k + 1;
    if (next >= to) continue;
    if (CONSEQUENCE_OPENINGS.matchAt(tokens, next, to) > 0 && (isComma || tokens[next]!.key !== 'tạo')) {
      if (isComma) frozen = true;
      continue;
    }
    if (words(tokens, start, k) < MIN_WORDS) continue;
    if (CONNECTORS.matchAt(tokens, firstWord(tokens, start, k), k) >= words(tokens, start, k)) continue;
    const nt = tokens[next]!;
    if (isMilestone(tokens, start, k, next, to) && wordsOfNextPart(tokens, next, to) >= MIN_WORDS) {
      out.push({ from: start, to: k });
      start = next;
      continue;
    }
    // A named project after a list of projects.
    if (isComma && nt.cap && CAPITAL_PROJECT_NOUNS.has(nt.key) && PROJECT_NOUNS.matchAt(tokens, next, to) > 0) {
      if (hasProjectList(tokens, start, k) && wordsOfNextPart(tokens, next, to) >= 2) {
        out.push({ from: start, to: k });
        start = next;
      }
      continue;
    }
    if (verbLength(tokens, next, to) === 0) continue;
    if (wordsOfNextPart(tokens, next, to) < MIN_WORDS) continue;
    // `…, phối hợp với …` joins partners to the same work; `bám sát kế hoạch, …` leads into it.
    if (tokens[next]!.key === 'phối' && tokens[next + 1]?.key === 'hợp') continue;
    if (LEAD_INS.matchAt(tokens, firstWord(tokens, start, k), k) > 0 && words(tokens, start, k) <= 10) continue;
    if (isDeadlineTail(tokens, next, to)) continue;
    if (endsWithVerb(tokens, start, k)) continue;
    const lv = lastVerb(tokens, start, k);
    if (lv >= 0 && governedByPreposition(tokens, lv)) continue;
    if (isFixedPair(tokens, start, k, next, to)) continue;
    out.push({ from: start, to: k });
    start = next;
  }
  out.push({ from: start, to });
  return out.filter((r) => words(tokens, r.from, r.to) > 0);
}
