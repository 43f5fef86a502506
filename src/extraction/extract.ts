/**
 * Article text → draft directives. Pure: no DOM, no network; runs in the browser and in Node.
 *
 * The pipeline: NFC-normalise → blocks and sentences (`segment.ts`; headlines, date lines, photo captions, bylines
 * and page boilerplate are set aside) → per sentence, one of
 * - a speaker cue: `X đề nghị|yêu cầu|chỉ đạo|giao Y <verb> …` (or a sentence-initial `Đề nghị|Yêu cầu|Giao …`),
 *   which also opens a *speaker context* carrying the issuer and the assignee to the sentences that follow;
 * - a modal: `Y cần|phải <verb> …`;
 * - inside a speaker context: an imperative (`Tập trung …`, `Đồng thời, bám sát …`), a subject that refers back
 *   to the assignee (`Huyện phân tích …`, `Huyện tiếp tục …`), a bullet or list item with its own subject
 *   (`- Sở Tài chính tham mưu …`), or a body below the speaker (`Ban Quản lý dự án … chỉ đạo nhà thầu …`);
 * - not a directive: reports (`đã`, `Qua báo cáo …`, `… cho biết`), upward requests (`kiến nghị`, `xin chủ trương`,
 *   a request to a higher level, or from delegates and citizens), approvals and praise (no cue), consequences
 *   (`Qua đó, …`), a heading that announces a list (`… thực hiện các nội dung sau:`);
 * → the task part is split into clauses (`clauses.ts`) → each clause gets a title, deadline, category, flagship
 * flag, localities and a confidence.
 *
 * Issuer and assignee: the speaker's noun phrase (`Bí thư Tỉnh ủy Lê Đức Thọ`; the last part of `A - B`) and the
 * addressee (`BTV Huyện ủy Chợ Lách`, with the article's own abbreviations written out); a named subject becomes the
 * assignee of the subjectless items after it. Localities: units named in the clause, else in the assignee, else in
 * the issuer, else the last unit the context's assignee named, else the one district (or province) the article
 * names; the era is the article date's (no date: pre-2025 units).
 *
 * The context ends at a report, an upward request, a byline, or after a paragraph that yields nothing. Spans are
 * UTF-16 offsets into the NFC-normalised input: `quote` is the sentence (after a bullet), `clause` the task's own
 * words. Every step is linear in the text (sentences are capped at MAX_SENTENCE characters, look-ups are bounded).
 */
import type { Category, Span } from '../api/schemas';
import { findDeadline } from '../domain/deadlines';
import { fold } from '../domain/text';
import { expandAbbreviations, findAbbreviations } from './abbreviations';
import { categorize } from './categories';
import { splitClauses } from './clauses';
import {
  ACTION_VERBS,
  ADVERBS,
  BACK_REFERENCES,
  CITIZEN_SPEAKERS,
  CONNECTORS,
  CONSEQUENCE_OPENINGS,
  DETERMINERS,
  DIRECTIVE_CUES,
  ISSUING_BODIES,
  MODALS,
  OFFICIAL_TITLES,
  PAST_MARKERS,
  PRAISE_CUES,
  PROJECT_NOUNS,
  REPORT_OPENINGS,
  REPORT_VERBS,
  SPEAKER_PRONOUNS,
  SPEECH_VERBS,
  SUBJECT_HEADS,
  UPWARD_CUES,
  VERB_LIKE_NOUNS,
  WEAK_VERBS,
} from './lexicon';
import { type LocalityIndexLike, type LocalityRef, LocalityResolver } from './localities-in-text';
import { type SentenceSegment, segment } from './segment';
import { makeTitle } from './title';
import { PhraseSet, type Token, tokenize } from './tokens';

export type { LocalityIndexLike, LocalityLike, LocalityRef } from './localities-in-text';

export interface Directive {
  /** The sentence that assigns the task. */
  quote: Span;
  /** The task's own words inside the sentence. */
  clause: Span;
  title: string;
  issuer: string;
  assignee: string;
  localities: LocalityRef[];
  deadline: { text: string; date: string } | null;
  category: Category;
  flagship: boolean;
  /** 0–1. */
  confidence: number;
}

export interface ExtractOptions {
  /** The article's date, `YYYY-MM-DD`: resolves deadlines and picks the era of the localities. */
  articleDate?: string;
  /** Resolves unit names to official codes; without it, `localities` is always empty. */
  localities?: LocalityIndexLike;
}

type DirectiveKind = 'cue' | 'modal' | 'imperative' | 'subject';

interface Analysis {
  kind: DirectiveKind | 'context' | 'report' | 'upward' | 'none';
  /** Token range of the task part. */
  from: number;
  to: number;
  issuer: string | null;
  assignee: string | null;
  /** The assignee is a word like `huyện` that refers to the context's assignee. */
  backReference: boolean;
  /** A speaker named without a directive (`X nhấn mạnh …`, `UBND tỉnh ban hành …`). */
  speaker: string | null;
  confidence: number;
  /** Tokens before this index are a leading adverbial (`Đối với tình trạng sạt lở …,`). */
  lead?: number;
}

interface Context {
  active: boolean;
  issuer: string;
  assignee: string;
  /** The units the article's directives are about so far (from the latest assignee or issuer that named one). */
  focus: LocalityRef[];
  /** The context was opened by a heading that announces a list (`… các nội dung sau:`): its items follow. */
  list: boolean;
}

const REFORM_DATE = '2025-07-01';
const CLOSERS = new Set(['”', '"', '’', '»', ')']);
const ADVERBIAL_OPENERS = new PhraseSet([
  'thay mặt',
  'tại',
  'phát biểu',
  'kết luận',
  'theo',
  'để',
  'với',
  'trên',
  'sau',
  'trước',
  'qua',
  'từ',
  'riêng',
  'nhân dịp',
  'dịp',
  'chiều',
  'sáng',
  'tối',
  'ngày',
  'hôm',
  'tiếp đó',
  'tiếp theo',
  'cuối cùng',
  'một là',
  'hai là',
  'ba là',
  'bốn là',
  'thứ nhất',
  'thứ hai',
  'thứ ba',
  'về',
  'đối với',
  'trong',
  'cùng với',
  'song song',
  'bên cạnh',
  'ngoài',
  'căn cứ',
  'nhấn mạnh',
  'mặt khác',
  'đặc biệt',
  'hiện',
  'năm',
  'quý',
  'tháng',
  'đầu',
  'cuối',
  'giữa',
  'nay',
  'từ nay',
  'muốn',
  'lưu ý',
]);
/** `Thực hiện Nghị quyết số …, …`: an adverbial, when a document name follows. */
const DOCUMENT_OPENERS = new PhraseSet(['thực hiện', 'triển khai', 'căn cứ', 'quán triệt', 'theo']);
const DOCUMENT_NOUNS = new PhraseSet([
  'nghị quyết',
  'kế hoạch',
  'chỉ thị',
  'quyết định',
  'công văn',
  'thông báo',
  'kết luận',
  'quy định',
  'chương trình',
  'văn bản',
  'nghị định',
  'thông tư',
  'đề án',
]);
/** A sentence that only states when the preceding tasks are due. */
const DEADLINE_SENTENCE =
  /^(?:thời\s+(?:gian|hạn)(?:\s+(?:thực\s+hiện|hoàn\s+thành|báo\s+cáo))?|hạn\s+chót|các\s+nội\s+dung\s+trên\s+hoàn\s+thành|hoàn\s+thành)[\s:,]/iu;

/** Connectors that never take an object: skipped even without a comma (`Đồng thời tỉnh đầu tư …`). */
const PURE_CONNECTORS = new PhraseSet([
  'đồng thời',
  'bên cạnh đó',
  'ngoài ra',
  'mặt khác',
  'theo đó',
  'thời gian tới',
  'trong thời gian tới',
  'sắp tới',
  'trước mắt',
  'do đó',
  'vì vậy',
  'vì thế',
  'cùng với đó',
  'song song đó',
]);
/** First syllables of adverbial openers that are verbs of saying when a task follows them directly. */
const VERBAL_OPENERS = new Set(['lưu', 'nhấn']);
const BLOCKING_BEFORE_CUE = new Set([
  'theo',
  'xét',
  'các',
  'những',
  'của',
  'được',
  'bàn',
  'sự',
  'việc',
  'có',
  'với',
  'đúng',
  'mọi',
  'là',
  'ra',
  'nhận',
  'trên',
  'tác',
  'ban',
  'đáp',
  'ứng',
  'nhiều',
  'một',
  'nội',
  'dung',
  'thực',
  'hiện',
]);
const GIAO_COMPOUNDS = new Set([
  'thông',
  'lưu',
  'dịch',
  'ban',
  'tiếp',
  'thương',
  'hữu',
  'nhận',
  'kết',
  'thoa',
  'diện',
  'khoán',
  'quyền',
  'tế',
  'hàng',
  'ca',
  'hẹn',
  'đấu',
  'tranh',
  'thừa',
  'lưu',
  'liên',
  'du',
  'mùa',
  'thời',
]);
const ADDRESSEE_OPENERS = new Set(['cho', 'mỗi', 'từng', 'những', 'toàn', 'tất', 'mọi', 'lãnh', 'người', 'bà', 'nhân']);
const NOT_MODAL_AFTER = new Set([
  'thiết',
  'cù',
  'kíp',
  'mẫn',
  'câu',
  'chăng',
  'là',
  'chi',
  'gì',
  'có',
  'lòng',
  'đến',
  'tới',
]);
/** Modals that need a named body as their subject. */
const WEAK_MODALS = new Set(['khẩn', 'được']);
const NOT_MODAL_BEFORE = new Set(['không', 'chưa', 'đã', 'chẳng', 'rất', 'bên', 'là', 'vẫn', 'chả', 'đâu', 'đúng']);
const PROBLEM_NOUNS = new PhraseSet([
  'hạn chế',
  'tồn tại',
  'yếu kém',
  'khó khăn',
  'vướng mắc',
  'vấn đề',
  'điều',
  'việc',
  'nội dung',
  'những việc',
  'nhiệm vụ',
  'thì',
  'những gì',
  'bất cập',
  'điểm',
  'công việc',
]);
/** Heads of organisations that can be told what to do: `Sở …`, `UBND …`, `Ban …`, `Công an …`. */
const ORG_HEADS = new PhraseSet([
  'sở',
  'ubnd',
  'ủy ban',
  'ban',
  'phòng',
  'công an',
  'trung tâm',
  'chi cục',
  'văn phòng',
  'đài',
  'báo',
  'bộ',
  'cục',
  'đảng ủy',
  'huyện ủy',
  'thành ủy',
  'thị ủy',
  'mặt trận',
  'mttq',
  'hội',
  'đoàn',
  'công ty',
  'kho bạc',
  'bệnh viện',
  'trường',
  'bộ chỉ huy',
  'ban chỉ huy',
  'các sở',
  'các ngành',
  'các đơn vị',
  'các cơ quan',
  'các địa phương',
  'các trường',
  'các xã',
  'các huyện',
  'ngành',
  'lực lượng',
  'chủ đầu tư',
  'các chủ đầu tư',
  'nhà thầu',
]);
const SUBJECT_TRAILERS = new Set(['cũng', 'còn', 'thì', 'đồng thời', 'và', 'tiếp', 'luôn', 'nên']);
const BUILD_VERBS = new PhraseSet([
  'xây dựng',
  'đầu tư',
  'thành lập',
  'hoàn thành',
  'khởi công',
  'triển khai',
  'nâng cấp',
  'thực hiện',
  'di dời',
  'mở rộng',
  'đưa vào',
  'thi công',
  'sửa chữa',
  'cải tạo',
]);
const CAPITAL_PROJECTS = new PhraseSet([
  'đề án',
  'dự án',
  'trung tâm',
  'khu',
  'nhà máy',
  'công trình',
  'cụm công nghiệp',
  'khu công nghiệp',
  'bệnh viện',
  'trường',
  'cầu',
  'cảng',
  'quảng trường',
  'đường',
]);
const NAMED_ALWAYS = new PhraseSet(['đề án', 'dự án']);
const NUMBERED_ROADS = new PhraseSet(['quốc lộ', 'đường tỉnh', 'tỉnh lộ', 'hương lộ', 'đường', 'cao tốc']);

/**
 * A verb that can end a subject or an addressee: not a lone syllable that is usually part of a noun
 * (`trình` in `công trình`, `cấp` in `cấp ủy`).
 */
function strongVerb(tokens: readonly Token[], k: number, to: number): boolean {
  const len = ACTION_VERBS.matchAt(tokens, k, to);
  if (len === 0 || VERB_LIKE_NOUNS.matchAt(tokens, k, to) > 0) return false;
  if (len === 1) return !WEAK_VERBS.has(tokens[k]!.key);
  return !WEAK_VERBS.has(`${tokens[k]!.key} ${tokens[k + 1]!.key}`) || len > 2;
}

const spanText = (text: string, tokens: readonly Token[], from: number, to: number): string =>
  from < to ? text.slice(tokens[from]!.start, tokens[to - 1]!.end) : '';

function emptyAnalysis(kind: Analysis['kind']): Analysis {
  return { kind, from: 0, to: 0, issuer: null, assignee: null, backReference: false, speaker: null, confidence: 0 };
}

/** Index after leading connectors and adverbial phrases that end with a comma. */
function skipLeading(tokens: readonly Token[], from: number, to: number): number {
  let i = from;
  for (let guard = 0; guard < 5 && i < to; guard++) {
    while (i < to && !tokens[i]!.word && !['“', '"'].includes(tokens[i]!.text)) i++;
    const c = CONNECTORS.matchAt(tokens, i, to);
    const pure = c > 0 && PURE_CONNECTORS.matchAt(tokens, i, to) === c && tokens[i + c]?.word === true;
    if (c > 0 && (tokens[i + c]?.text === ',' || ACTION_VERBS.matchAt(tokens, i + c, to) > 0 || pure)) {
      i += c;
      if (tokens[i]?.text === ',') i++;
      continue;
    }
    const opener =
      ADVERBIAL_OPENERS.matchAt(tokens, i, to) > 0 ||
      (DOCUMENT_OPENERS.matchAt(tokens, i, to) > 0 &&
        DOCUMENT_NOUNS.matchAt(tokens, i + DOCUMENT_OPENERS.matchAt(tokens, i, to), to) > 0);
    if (!opener) break;
    // `Lưu ý triển khai tốt …`, `Nhấn mạnh việc …`: a cue with its task, not an adverbial.
    const openerLen = ADVERBIAL_OPENERS.matchAt(tokens, i, to);
    if (VERBAL_OPENERS.has(tokens[i]!.key) && openerLen > 0 && tokens[i + openerLen]?.text !== ',') break;
    let comma = -1;
    for (let k = i + 1; k < Math.min(to, i + 30); k++) {
      if (tokens[k]!.text === ',') {
        comma = k;
        break;
      }
      if (!tokens[k]!.word && tokens[k]!.text !== '(' && tokens[k]!.text !== ')' && tokens[k]!.text !== '-') break;
      // `Theo chỉ đạo của Thủ tướng, …`: a cue used as a noun does not end the adverbial.
      const nominal = tokens[k - 1]?.word === true && BLOCKING_BEFORE_CUE.has(tokens[k - 1]!.key);
      if ((DIRECTIVE_CUES.matchAt(tokens, k, to) > 0 && !nominal) || MODALS.matchAt(tokens, k, to) > 0) break;
    }
    if (comma < 0) break;
    i = comma + 1;
  }
  return i;
}

/** The noun phrase of the speaker before token `c`: from the last comma (or an official title) to `c`. */
function speakerRange(tokens: readonly Token[], from: number, c: number): [number, number] | null {
  let end = c;
  while (
    end > from &&
    tokens[end - 1]!.word &&
    (SUBJECT_TRAILERS.has(tokens[end - 1]!.key) || PAST_MARKERS.matchAt(tokens, end - 1, end) > 0)
  )
    end--;
  // `…; đề nghị …`: a new clause after a semicolon has no speaker of its own.
  if (tokens[end - 1]?.text === ';') return null;
  while (end > from && !tokens[end - 1]!.word) end--;
  let start = end;
  while (start > from && tokens[start - 1]!.text !== ',' && tokens[start - 1]!.text !== ';') start--;
  if (start === end) return null;
  // Within the region, an official title or an issuing body starts the name.
  for (let k = start; k < end; k++) {
    if (OFFICIAL_TITLES.matchAt(tokens, k, end) > 0 || ISSUING_BODIES.matchAt(tokens, k, end) > 0) {
      start = k;
      break;
    }
  }
  // A person's title ends before its first verb: `Chủ tịch UBND tỉnh Trần Ngọc Tam phê bình … và yêu cầu`. The
  // name of a body may contain verbs (`Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh`), and so
  // may a document's (`Thông báo kết luận`).
  const person = OFFICIAL_TITLES.matchAt(tokens, start, end) > 0;
  for (let k = start + Math.max(1, DOCUMENT_SPEAKERS.matchAt(tokens, start, end)); k < end; k++) {
    const t = tokens[k]!;
    if (!t.word || t.cap) continue;
    if (
      SPEAKER_STOPS.has(t.key) ||
      (person && ACTION_VERBS.matchAt(tokens, k, end) > 0) ||
      SPEECH_VERBS.matchAt(tokens, k, end) > 0 ||
      PRAISE_CUES.matchAt(tokens, k, end) > 0
    ) {
      end = k;
      break;
    }
  }
  return start < end ? [start, end] : null;
}

const SPEAKER_STOPS = new Set(['và', 'đã', 'cũng', 'đồng', 'phê', 'sau', 'khi', 'tiếp', 'đang', 'vừa', 'thì']);

/** An official's title (`Bí thư`, `Chủ tịch`, `ông`): a person speaks, not a body. */
function hasTitle(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (OFFICIAL_TITLES.matchAt(tokens, k, to) > 0) return true;
  return false;
}

function hasOfficial(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if (
      OFFICIAL_TITLES.matchAt(tokens, k, to) > 0 ||
      ISSUING_BODIES.matchAt(tokens, k, to) > 0 ||
      (k === from && DOCUMENT_SPEAKERS.matchAt(tokens, k, to) > 0)
    ) {
      return true;
    }
  }
  return false;
}

/** Documents, delegations and meetings that speak in the news: `Công văn nêu rõ`, `Đoàn công tác đề nghị`. */
const DOCUMENT_SPEAKERS = new PhraseSet([
  'công văn',
  'văn bản',
  'thông báo',
  'thông báo kết luận',
  'kết luận',
  'chỉ thị',
  'công điện',
  'quyết định',
  'kế hoạch',
  'nghị quyết',
  'đoàn công tác',
  'đoàn giám sát',
  'đoàn kiểm tra',
  'đoàn khảo sát',
  'tổ công tác',
  'hội nghị',
  'cuộc họp',
]);

function isPronounSpeaker(tokens: readonly Token[], from: number, to: number): boolean {
  const words = tokens.slice(from, to).filter((t) => t.word);
  if (words.length === 0) return true;
  const key = words.map((t) => t.key).join(' ');
  return SPEAKER_PRONOUNS.has(key);
}

function isCitizen(tokens: readonly Token[], from: number, to: number): boolean {
  return from < to && CITIZEN_SPEAKERS.matchAt(tokens, from, to) > 0;
}

/** Administrative level named by a phrase: 5 central, 4 province, 3 provincial department, 2 district, 1 commune. */
export function levelOf(phrase: string): number | null {
  const s = ` ${phrase
    .toLowerCase()
    .replace(/uỷ/g, 'ủy')
    .replace(/[,.;:()]/g, ' ')
    .replace(/\s+/g, ' ')} `;
  if (
    / (?:đại biểu|cử tri|người dân|nhân dân|bà con|hộ dân|doanh nghiệp|nhà đầu tư) /u.test(s) &&
    !/ (?:ubnd|ủy ban|sở|huyện ủy|tỉnh ủy) /u.test(s)
  ) {
    return 0;
  }
  const department =
    /^ (?:các )?(?:sở|ban|phòng|chi cục|trung tâm|cục|công an|văn phòng|đài|báo|kho bạc|bộ chỉ huy|ban chỉ huy) /u.test(
      s,
    );
  let unit: number | null = null;
  if (
    / (?:trung ương|chính phủ|thủ tướng|quốc hội|bộ trưởng|thứ trưởng|bộ chính trị|ban bí thư|các bộ) /u.test(s) ||
    /(?:^|\s)Bộ\s+\p{Lu}/u.test(phrase)
  ) {
    unit = 5;
  } else if (/ (?:tỉnh ủy|tỉnh|ubnd tỉnh|hđnd tỉnh) /u.test(s)) unit = 4;
  else if (/^ (?:các )?phòng /u.test(s) && !/ sở /u.test(s)) unit = 2;
  else if (department && / (?:sở|ngành) /u.test(s) && !/ (?:huyện|thị xã|thành phố|quận|xã|phường) /u.test(s)) unit = 4;
  else if (/ (?:huyện ủy|huyện|thị xã|thị ủy|quận) /u.test(s)) unit = 2;
  // A city is a district or (Hà Nội, TP HCM, …) a province: between a provincial department and a province.
  else if (/ (?:thành ủy|thành phố) /u.test(s)) unit = 3.75;
  else if (/ (?:xã|phường|thị trấn|ấp|khóm) /u.test(s)) unit = 1;
  if (unit === null) return null;
  return department ? unit - 0.5 : unit;
}

/** Content end: drops trailing punctuation (but keeps closing quotes and brackets). */
function contentEnd(tokens: readonly Token[]): number {
  let last = tokens.length;
  while (last > 0 && !tokens[last - 1]!.word && !CLOSERS.has(tokens[last - 1]!.text)) last--;
  return last;
}

/** After a modal and adverbs: the index of the verb, or -1. */
function verbAfter(tokens: readonly Token[], k: number, to: number): number {
  let i = k;
  for (let guard = 0; guard < 4 && i < to; guard++) {
    if (tokens[i]!.text === ',') {
      i++;
      continue;
    }
    if (ACTION_VERBS.matchAt(tokens, i, to) > 0 && !tokens[i]!.cap) return i;
    const adv = ADVERBS.matchAt(tokens, i, to);
    if (adv === 0) return -1;
    i += adv;
  }
  return i < to && ACTION_VERBS.matchAt(tokens, i, to) > 0 ? i : -1;
}

interface AddresseeResult {
  from: number;
  to: number;
  /** First token of the task part, or -1 when the sentence ends (a list follows). */
  task: number;
}

/** After a cue: `[addressee] [cần|phải] <verb> …` or `[addressee]:` (then the list follows). */
function readAddressee(
  tokens: readonly Token[],
  from: number,
  to: number,
  colonAtEnd: boolean,
): AddresseeResult | null {
  if (colonAtEnd && to - from <= 40) {
    let verb = false;
    for (let k = from; k < to && !verb; k++) verb = !tokens[k]!.cap && strongVerb(tokens, k, to);
    if (!verb) return { from, to, task: -1 };
  }
  // Addressees can be long lists: `thủ trưởng các sở, ban, ngành tỉnh, Chủ tịch UBND các huyện, thành phố`.
  const limit = Math.min(to, from + 80);
  for (let k = from; k < limit; k++) {
    const t = tokens[k]!;
    if (!t.word) {
      if (t.text === ':') return { from, to: k, task: k + 1 < to ? k + 1 : -1 };
      if (
        t.text === ',' ||
        t.text === ';' ||
        t.text === '(' ||
        t.text === ')' ||
        t.text === '-' ||
        t.text === '–' ||
        t.text === '/' ||
        t.text === '“' ||
        t.text === '”'
      ) {
        continue;
      }
      return null;
    }
    if (k > from && PAST_MARKERS.matchAt(tokens, k, to) > 0) return null;
    const modal = MODALS.matchAt(tokens, k, to);
    if (modal > 0 && !t.cap && k > from) {
      const v = verbAfter(tokens, k + modal, to);
      if (v >= 0) return { from, to: k, task: k + modal };
      // `các đơn vị được giao nhiệm vụ …`: part of the addressee.
      if (!WEAK_MODALS.has(t.key)) return null;
    }
    const prev = tokens[k - 1];
    if (strongVerb(tokens, k, to) && (!t.cap || k === from) && !(k > from && prev?.word && DETERMINERS.has(prev.key))) {
      return { from, to: k, task: k };
    }
    // `… các lực lượng trên tuyến biên giới luôn đề cao …`: an adverb before the verb ends the addressee.
    const adverb = !t.cap && k > from ? ADDRESSEE_ADVERBS.matchAt(tokens, k, to) : 0;
    if (adverb > 0 && verbAfter(tokens, k + adverb, to) >= 0) return { from, to: k, task: k };
    if (to - k <= 0) break;
  }
  return null;
}

const ADDRESSEE_ADVERBS = new PhraseSet(['luôn', 'tiếp tục', 'khẩn trương', 'sớm', 'chủ động', 'cần', 'nên']);

const NOT_ADDRESSEE_START = new Set([
  'về',
  'trong',
  'của',
  'đối',
  'là',
  'để',
  'thì',
  'đã',
  'được',
  'sẽ',
  'với',
  'theo',
  'tại',
  'khi',
  'nếu',
  'bằng',
  'do',
  'vì',
  'nhằm',
  'và',
  'hoặc',
  'như',
  'tới',
  'đến',
  'từ',
  'trên',
  'số',
  'ngày',
]);

function plausibleAddressee(tokens: readonly Token[], from: number, to: number): boolean {
  if (from >= to) return true;
  const t = tokens[from]!;
  if (!t.word) return false;
  if (t.cap) return true;
  if (SUBJECT_HEADS.matchAt(tokens, from, to) > 0 || ADDRESSEE_OPENERS.has(t.key)) return true;
  return !NOT_ADDRESSEE_START.has(t.key) && to - from <= 8;
}

/** Cleans a speaker or assignee phrase: the last part of `A - B`, no leading `cho`, abbreviations written out. */
function cleanParty(phrase: string, abbreviations: ReadonlyMap<string, string>): string {
  let p = phrase.trim();
  const dash = Math.max(p.lastIndexOf(' - '), p.lastIndexOf(' – '));
  if (dash >= 0) p = p.slice(dash + 3);
  p = p.replace(/^(?:cho|giao cho)\s+/iu, '').replace(/[,:;\s]+$/u, '');
  return expandAbbreviations(p, abbreviations).trim();
}

function analyseSentence(
  text: string,
  tokens: readonly Token[],
  ctx: Context,
  abbreviations: ReadonlyMap<string, string>,
  bullet: boolean,
): Analysis {
  const to = contentEnd(tokens);
  if (to === 0) return emptyAnalysis('none');
  const colonAtEnd = tokens[to]?.text === ':';
  const i0 = skipLeading(tokens, 0, to);
  if (i0 >= to) return emptyAnalysis('none');
  const inline = inlineSpeaker(text, tokens, i0, to, abbreviations);
  if (inline) {
    const inner = analyseFrom(
      text,
      tokens,
      { ...ctx, active: true, issuer: inline.issuer, assignee: '' },
      abbreviations,
      bullet,
      to,
      colonAtEnd,
      inline.from,
    );
    if (inner.kind === 'cue' || inner.kind === 'modal' || inner.kind === 'imperative' || inner.kind === 'subject') {
      inner.issuer ??= inline.issuer;
      inner.lead = inline.from;
      return inner;
    }
  }
  const result = analyseFrom(text, tokens, ctx, abbreviations, bullet, to, colonAtEnd, i0);
  result.lead = i0;
  return result;
}

/** `Văn bản nêu rõ: …`, `Chủ tịch UBND tỉnh chỉ rõ: …`: a speaker and a colon, then what was said. */
function inlineSpeaker(
  text: string,
  tokens: readonly Token[],
  i0: number,
  to: number,
  abbreviations: ReadonlyMap<string, string>,
): { issuer: string; from: number } | null {
  for (let k = i0 + 1; k < Math.min(to, i0 + 30); k++) {
    const t = tokens[k]!;
    if (!t.word) {
      if (t.text === ',' || t.text === '(' || t.text === ')' || t.text === '-' || t.text === '–') continue;
      return null;
    }
    if (t.cap) continue;
    const sv = SPEECH_VERBS.matchAt(tokens, k, to);
    if (sv === 0) {
      if (DIRECTIVE_CUES.matchAt(tokens, k, to) > 0 || MODALS.matchAt(tokens, k, to) > 0) return null;
      continue;
    }
    if (tokens[k + sv]?.text !== ':' || k + sv + 1 >= to) return null;
    const sp = speakerRange(tokens, i0, k);
    if (!sp || !hasOfficial(tokens, sp[0], sp[1])) return null;
    return { issuer: cleanParty(spanText(text, tokens, sp[0], sp[1]), abbreviations), from: k + sv + 1 };
  }
  return null;
}

function analyseFrom(
  text: string,
  tokens: readonly Token[],
  ctx: Context,
  abbreviations: ReadonlyMap<string, string>,
  bullet: boolean,
  to: number,
  colonAtEnd: boolean,
  i0: number,
): Analysis {
  const party = (a: number, b: number) => cleanParty(spanText(text, tokens, a, b), abbreviations);
  const consequence =
    CONSEQUENCE_OPENINGS.matchAt(tokens, 0, to) > 0 || CONSEQUENCE_OPENINGS.matchAt(tokens, i0, to) > 0;
  const reportOpening = REPORT_OPENINGS.matchAt(tokens, 0, to) > 0 || REPORT_OPENINGS.matchAt(tokens, i0, to) > 0;

  // 1. Upward requests and approvals without a directive before them.
  // Only as the main verb: `lập hồ sơ đề xuất Trung ương hỗ trợ` is a task that contains a proposal.
  let firstUpward = -1;
  for (let j = i0; j < to; j++) {
    const t = tokens[j]!;
    if (!t.word || (t.cap && j !== i0)) continue;
    const prevJ = tokens[j - 1];
    const nounUse = prevJ?.word === true && DETERMINERS.has(prevJ.key);
    if (!nounUse && UPWARD_CUES.matchAt(tokens, j, to) === 0) {
      if (ACTION_VERBS.matchAt(tokens, j, to) > 0 || DIRECTIVE_CUES.matchAt(tokens, j, to) > 0) break;
      continue;
    }
    if (UPWARD_CUES.matchAt(tokens, j, to) > 0) {
      const prev = tokens[j - 1];
      if (prev?.word && ['với', 'các', 'những', 'của', 'theo', 'ý', 'được', 'lời'].includes(prev.key)) continue;
      // `xin` only as `xin chủ trương`, `xin ý kiến`, `xin hỗ trợ`, `xin được`.
      if (
        t.key === 'xin' &&
        !['chủ', 'ý', 'hỗ', 'được', 'bổ', 'kinh', 'cấp', 'điều'].includes(tokens[j + 1]?.key ?? '')
      )
        continue;
      if (
        t.key === 'mong' &&
        tokens[j + 1]?.key !== 'muốn' &&
        tokens[j + 1]?.key !== 'tỉnh' &&
        tokens[j + 1]?.key !== 'trung'
      )
        continue;
      firstUpward = j;
      break;
    }
  }

  // 2. A speaker cue: X đề nghị|yêu cầu|chỉ đạo|giao Y …
  for (let j = i0; j < to; j++) {
    const t = tokens[j]!;
    if (!t.word) continue;
    const len = DIRECTIVE_CUES.matchAt(tokens, j, to);
    if (len === 0) continue;
    if (t.cap && j !== i0) continue; // `Ban Chỉ đạo`, `Chỉ thị số 35-CT/TW`
    const prev = tokens[j - 1];
    const delegation =
      prev?.key === 'tác' && tokens[j - 2]?.key === 'công' && ['đoàn', 'tổ'].includes(tokens[j - 3]?.key ?? '');
    if (prev?.word && BLOCKING_BEFORE_CUE.has(prev.key) && j !== i0 && !delegation) continue;
    if (prev?.text === ',' && tokens[j - 2]?.key === 'đạo' && t.key === 'chỉ') continue; // `lãnh đạo, chỉ đạo`
    if (prev?.word && prev.key === 'đạo' && tokens[j - 2]?.key === 'lãnh') continue;
    if (t.key === 'giao' && len === 1 && GIAO_COMPOUNDS.has(tokens[j + 1]?.key ?? '')) continue;
    if (t.key === 'chỉ' && tokens[j + 2]?.key === 'số') continue;
    // `huyện đã tập trung chỉ đạo …`, `Báo cáo … cho biết, …`: a report of what was directed.
    let regionStart = j;
    while (regionStart > i0 && tokens[regionStart - 1]!.text !== ',') regionStart--;
    let past = false;
    for (let k = regionStart; k < j && !past; k++)
      past = tokens[k]!.word && !tokens[k]!.cap && PAST_MARKERS.matchAt(tokens, k, j) > 0;
    for (let k = i0; k < j && !past; k++) {
      past = tokens[k]!.key === 'cho' && (tokens[k + 1]?.key === 'biết' || tokens[k + 1]?.key === 'thấy');
    }
    // `đề nghị trong thời gian tới, tỉnh … đẩy mạnh …`: an adverbial between the cue and the addressee.
    let after = j + len;
    while (tokens[after]?.text === ',') after++;
    const adverbial = CONNECTORS.matchAt(tokens, after, to);
    if (adverbial > 0 && tokens[after + adverbial]?.text === ',') after += adverbial + 1;
    const addr = readAddressee(tokens, after, to, colonAtEnd);
    if (!addr) continue;
    if (!plausibleAddressee(tokens, addr.from, addr.to)) continue;
    const sp = speakerRange(tokens, i0, j);
    const speakerEmpty = !sp || isPronounSpeaker(tokens, sp[0], sp[1]);
    if (sp && !speakerEmpty && !hasOfficial(tokens, sp[0], sp[1]) && !isCitizen(tokens, sp[0], sp[1])) {
      // A subject that is no speaker (`Huyện đề nghị tỉnh …` is handled by levels; `Nội dung yêu cầu …` is not a cue).
      if (!SUBJECT_HEADS.matchAt(tokens, sp[0], sp[1])) continue;
    }
    if (past) return emptyAnalysis('report');
    // Inside a context, a body below the context's issuer is an assignee: `Ban Quản lý dự án … chỉ đạo nhà thầu …`.
    if (ctx.active && sp && !speakerEmpty && !hasTitle(tokens, sp[0], sp[1])) {
      const own = levelOf(spanText(text, tokens, sp[0], sp[1]));
      const ctxLevel = levelOf(ctx.issuer);
      const backRef = BACK_REFERENCES.has(
        tokens
          .slice(sp[0], sp[1])
          .filter((x) => x.word)
          .map((x) => x.key)
          .join(' '),
      );
      if (backRef) {
        return {
          kind: 'subject',
          from: j,
          to,
          issuer: null,
          assignee: party(sp[0], sp[1]),
          backReference: true,
          speaker: null,
          confidence: 0.75,
        };
      }
      if (own !== null && ctxLevel !== null && own < ctxLevel && !isCitizen(tokens, sp[0], sp[1])) {
        return {
          kind: 'subject',
          from: j,
          to,
          issuer: null,
          assignee: party(sp[0], sp[1]),
          backReference: false,
          speaker: null,
          confidence: 0.7,
        };
      }
    }
    const issuer = speakerEmpty ? null : party(sp![0], sp![1]);
    const addressee = addr.from < addr.to ? party(addr.from, addr.to) : null;
    if (firstUpward >= 0 && firstUpward < j) return emptyAnalysis('upward');
    if (sp && !speakerEmpty && isCitizen(tokens, sp[0], sp[1])) return emptyAnalysis('upward');
    const issuerLevel = levelOf(issuer ?? ctx.issuer);
    const addresseeLevel = addressee ? levelOf(addressee) : null;
    if (issuerLevel !== null && addresseeLevel !== null && addresseeLevel > issuerLevel) return emptyAnalysis('upward');
    if (issuerLevel === 0) return emptyAnalysis('upward');
    const backReference =
      addressee !== null &&
      BACK_REFERENCES.has(
        tokens
          .slice(addr.from, addr.to)
          .filter((x) => x.word)
          .map((x) => x.key)
          .join(' '),
      );
    if (addr.task < 0) {
      return { ...emptyAnalysis('context'), issuer, assignee: addressee, backReference, confidence: 0 };
    }
    // `… thực hiện các nội dung sau:` — a heading; the tasks are the list that follows.
    if (
      colonAtEnd &&
      (tokens.slice(addr.task, to).filter((x) => x.word).length <= 10 || announcesList(tokens, addr.task, to))
    ) {
      return { ...emptyAnalysis('context'), issuer, assignee: addressee, backReference, confidence: 0 };
    }
    // Skip a modal and adverbs before the task: `đề nghị huyện cần tập trung …` → `tập trung …`.
    let from = addr.task;
    const modal = MODALS.matchAt(tokens, from, to);
    if (modal > 0) from += modal;
    if (from >= to) return { ...emptyAnalysis('context'), issuer, assignee: addressee, backReference };
    return { kind: 'cue', from, to, issuer, assignee: addressee, backReference, speaker: null, confidence: 0.9 };
  }
  if (firstUpward >= 0) return emptyAnalysis('upward');

  // 3. A modal: Y cần|phải <verb> …
  for (let j = i0; j < to; j++) {
    const t = tokens[j]!;
    if (!t.word || (t.cap && j !== i0)) continue;
    const len = MODALS.matchAt(tokens, j, to);
    if (len === 0) continue;
    const prev = tokens[j - 1];
    if (prev?.word && NOT_MODAL_BEFORE.has(prev.key)) continue;
    if (NOT_MODAL_AFTER.has(tokens[j + len]?.key ?? '')) continue;
    const verb = verbAfter(tokens, j + len, to);
    if (verb < 0) continue;
    // The subject: from the sentence start when no verb precedes the modal (`UBND các huyện, thành phố phải …`),
    // else from the last comma.
    let s = i0;
    for (let k = i0; k < j; k++) {
      const tk = tokens[k]!;
      if (!tk.word || tk.cap) continue;
      const prevK = tokens[k - 1];
      if (prevK?.word && DETERMINERS.has(prevK.key)) continue;
      if (
        strongVerb(tokens, k, j) ||
        SPEECH_VERBS.matchAt(tokens, k, j) > 0 ||
        DIRECTIVE_CUES.matchAt(tokens, k, j) > 0
      ) {
        s = j;
        while (s > i0 && tokens[s - 1]!.text !== ',') s--;
        break;
      }
    }
    let subjEnd = j;
    while (subjEnd > s && tokens[subjEnd - 1]!.word && SUBJECT_TRAILERS.has(tokens[subjEnd - 1]!.key)) subjEnd--;
    if (subjEnd > s && PROBLEM_NOUNS.endsAt(tokens, subjEnd, s, 2) > 0) continue;
    // `Các chủ đầu tư khẩn trương hoàn thiện …`, `Sở Tài chính được giao tham mưu …`: only after a named body.
    if (
      WEAK_MODALS.has(t.key) &&
      !(subjEnd > s && (SUBJECT_HEADS.matchAt(tokens, s, subjEnd) > 0 || ORG_HEADS.matchAt(tokens, s, subjEnd) > 0))
    ) {
      continue;
    }
    let past = false;
    for (let k = s; k < subjEnd; k++) if (PAST_MARKERS.matchAt(tokens, k, subjEnd) > 0) past = true;
    if (past) continue;
    // A long subject without a head is a clause, not a subject (`… những kết quả đạt được cần …`).
    if (subjEnd - s > 10) continue;
    // The speaker, when a verb of saying precedes: `Bí thư nhấn mạnh, huyện cần …`.
    let issuer: string | null = null;
    for (let k = i0; k < s; k++) {
      const sv = SPEECH_VERBS.matchAt(tokens, k, s);
      if (sv === 0 || tokens[k]!.cap) continue;
      const sp = speakerRange(tokens, i0, k);
      if (sp && hasOfficial(tokens, sp[0], sp[1])) issuer = party(sp[0], sp[1]);
      break;
    }
    if (s < subjEnd && isCitizen(tokens, s, subjEnd)) continue;
    const subject = subjEnd > s ? party(s, subjEnd) : null;
    const backReference =
      subject !== null &&
      BACK_REFERENCES.has(
        tokens
          .slice(s, subjEnd)
          .filter((x) => x.word)
          .map((x) => x.key)
          .join(' '),
      );
    return {
      kind: 'modal',
      from: j + len,
      to,
      issuer,
      assignee: subject,
      backReference,
      speaker: null,
      confidence: issuer || ctx.active ? 0.85 : 0.75,
    };
  }

  // 4. Inside a speaker context: imperatives and back-referring subjects.
  // `X cho biết …`, `báo cáo … cho thấy …`: a report, when it comes before any task verb.
  const reportVerb = (() => {
    for (let k = i0; k < to; k++) {
      const tk = tokens[k]!;
      if (!tk.word || tk.cap) continue;
      if (tk.key === 'cho' && (tokens[k + 1]?.key === 'thấy' || tokens[k + 1]?.key === 'biết')) return true;
      if (REPORT_VERBS.matchAt(tokens, k, to) > 0 && tk.key !== 'báo') return true;
      if (k > i0 && ACTION_VERBS.matchAt(tokens, k, to) > 0) return false;
    }
    return false;
  })();
  if (ctx.active && !consequence && !reportOpening && !reportVerb && !eventOpening(tokens, i0)) {
    if (
      PRAISE_CUES.matchAt(tokens, i0, to) === 0 &&
      ACTION_VERBS.matchAt(tokens, i0, to) > 0 &&
      !tokens[i0]!.key.startsWith('đã')
    ) {
      return {
        kind: 'imperative',
        from: i0,
        to,
        issuer: null,
        assignee: null,
        backReference: true,
        speaker: null,
        confidence: 0.75,
      };
    }
    if (
      SUBJECT_HEADS.matchAt(tokens, i0, to) > 0 ||
      ORG_HEADS.matchAt(tokens, i0, to) > 0 ||
      namesAssignee(text, tokens, i0, to, ctx.assignee)
    ) {
      let k = i0;
      let colon = false;
      for (; k < Math.min(to, i0 + 24); k++) {
        const t = tokens[k]!;
        if (t.text === ':') {
          colon = true;
          break;
        }
        if (!t.word || t.cap || k === i0) continue;
        if (PAST_MARKERS.matchAt(tokens, k, to) > 0 || t.key === 'sẽ') break;
        const prev = tokens[k - 1];
        if (prev?.word && DETERMINERS.has(prev.key)) continue;
        if (ADVERBS.matchAt(tokens, k, to) > 0 || strongVerb(tokens, k, to)) break;
      }
      const subjEnd = k;
      const t = tokens[k];
      const pastOrFuture = t?.word === true && (PAST_MARKERS.matchAt(tokens, k, to) > 0 || t.key === 'sẽ');
      if (!pastOrFuture && subjEnd > i0 && subjEnd < to) {
        const start = colon ? k + 1 : k;
        const adverb = ADVERBS.matchAt(tokens, start, to) > 0;
        const verb = verbAfter(tokens, start, to);
        const subjectKey = tokens
          .slice(i0, subjEnd)
          .filter((x) => x.word)
          .map((x) => x.key)
          .join(' ');
        const backReference = BACK_REFERENCES.has(subjectKey);
        // A bare organisation subject needs a sentence of some length: captions are short (`Lực lượng chức năng gia cố đê …`).
        const words = tokens.slice(i0, to).filter((x) => x.word).length;
        const organisation = tokens[i0]!.cap && ORG_HEADS.matchAt(tokens, i0, to) > 0 && words >= 16;
        if (verb >= 0 && (backReference || adverb || colon || bullet || organisation)) {
          return {
            kind: 'subject',
            from: start,
            to,
            issuer: null,
            assignee: party(i0, subjEnd),
            backReference,
            speaker: null,
            confidence: backReference ? 0.75 : 0.7,
          };
        }
      }
    }
  }

  if (reportOpening || reportVerb) return emptyAnalysis('report');
  // A past tense before the first verb: a reported achievement.
  for (let k = i0; k < Math.min(to, i0 + 12); k++) {
    if (tokens[k]!.word && !tokens[k]!.cap && PAST_MARKERS.matchAt(tokens, k, to) > 0) return emptyAnalysis('report');
    if (ACTION_VERBS.matchAt(tokens, k, to) > 0 && !tokens[k]!.cap) break;
  }

  // 5. A speaker without a directive: remembered as the issuer of what follows.
  for (let k = i0; k < to; k++) {
    if (tokens[k]!.cap || SPEECH_VERBS.matchAt(tokens, k, to) === 0) continue;
    const sp = speakerRange(tokens, i0, k);
    if (sp && hasOfficial(tokens, sp[0], sp[1]) && !isPronounSpeaker(tokens, sp[0], sp[1])) {
      // `Công văn nêu rõ:` at the end of the sentence: the list that follows is what it says.
      if (colonAtEnd && k + SPEECH_VERBS.matchAt(tokens, k, to) >= to) {
        return { ...emptyAnalysis('context'), issuer: party(sp[0], sp[1]) };
      }
      return { ...emptyAnalysis('none'), speaker: party(sp[0], sp[1]) };
    }
    break;
  }
  return emptyAnalysis('none');
}

/** The sentence opens with a name the context's assignee contains (`Tuyên Quang cũng nên …` after `tỉnh Tuyên Quang`). */
function namesAssignee(text: string, tokens: readonly Token[], i0: number, to: number, assignee: string): boolean {
  if (!assignee || !tokens[i0]?.cap) return false;
  let k = i0;
  while (k < to && tokens[k]!.word && tokens[k]!.cap) k++;
  return k - i0 >= 2 && assignee.includes(spanText(text, tokens, i0, k));
}

const LIST_ANNOUNCERS = new PhraseSet([
  'sau',
  'như sau',
  'trọng tâm sau',
  'cụ thể sau',
  'chủ yếu sau',
  'nội dung',
  'nhiệm vụ',
  'vấn đề',
  'giải pháp',
  'công việc',
  'nhiệm vụ trọng tâm',
  'nội dung trọng tâm',
  'nhiệm vụ, giải pháp',
]);

/** `… tập trung thực hiện tốt một số vấn đề sau:` — the heading of a list, not a task. */
function announcesList(tokens: readonly Token[], from: number, to: number): boolean {
  return LIST_ANNOUNCERS.endsAt(tokens, to, from, 4) > 0;
}

const EVENT_TIMES = new Set(['ngày', 'sáng', 'chiều', 'tối', 'trưa', 'hôm', 'đêm']);

/** A sentence that opens with the day of an event (`Ngày 24-9, …`, `Chiều 9-8, …`) reports it. */
function eventOpening(tokens: readonly Token[], i0: number): boolean {
  const t = tokens[0];
  if (i0 === 0 || !t?.word || !EVENT_TIMES.has(t.key)) return false;
  for (let k = 1; k < Math.min(i0, 5); k++) if (/^\d/.test(tokens[k]!.text)) return true;
  return false;
}

const LEAD_ROLE = new PhraseSet(['chủ trì', 'phối hợp', 'chủ trì phối hợp']);
const PARTNER_WORDS = new Set(['với', 'cùng', 'và']);

/**
 * `chủ trì, phối hợp với Sở …, UBND huyện … tổ chức kiểm tra …`: the lead's role and partners belong to the assignee;
 * the task starts at the first verb after the partners. Returns `from` when the pattern does not apply.
 */
function skipLeadRole(tokens: readonly Token[], from: number, to: number): number {
  let k = from;
  let lead = false;
  for (let guard = 0; guard < 3 && k < to; guard++) {
    const len = LEAD_ROLE.matchAt(tokens, k, to);
    if (len === 0) break;
    lead ||= tokens[k]!.key === 'phối' || tokens[k + len - 1]!.key === 'hợp';
    k += len;
    while (k < to && (tokens[k]!.text === ',' || (tokens[k]!.word && PARTNER_WORDS.has(tokens[k]!.key)))) k++;
  }
  if (!lead) return from;
  for (let i = k + 1; i < Math.min(to, k + 60); i++) {
    const t = tokens[i]!;
    if (!t.word || t.cap) continue;
    const prev = tokens[i - 1];
    if (prev?.word && DETERMINERS.has(prev.key)) continue;
    if (strongVerb(tokens, i, to)) return i;
    const adverb = ADVERBS.matchAt(tokens, i, to);
    if (adverb > 0 && verbAfter(tokens, i + adverb, to) >= 0) return i;
  }
  return from;
}

/** Prohibitions (`tuyệt đối không …`, `không để …`): not tracked as tasks. */
const PROHIBITIONS = new PhraseSet(['tuyệt đối không', 'không được', 'không để', 'nghiêm cấm', 'cấm', 'không']);
/** Words that may precede the work itself in an exhortation (`tiếp tục`, `luôn`, `nỗ lực`). */
const EXHORTATION_LEADS = new PhraseSet([
  'tiếp tục',
  'luôn',
  'luôn luôn',
  'nỗ lực',
  'quyết tâm',
  'cố gắng',
  'ra sức',
  'phấn đấu',
  'khẩn trương',
  'quyết liệt',
  'tích cực',
  'chủ động',
  'hơn nữa',
  'cùng',
  'nêu cao',
  'thật sự',
]);
/**
 * Generic exhortations without a work object (`phát huy truyền thống`, `hoàn thành xuất sắc nhiệm vụ được giao`,
 * `đề cao tinh thần trách nhiệm`, `vào cuộc`, `xác định … là nhiệm vụ đặc biệt quan trọng`), as a pattern on the
 * folded clause after its leading adverbs.
 */
const GENERIC =
  /^(?:phát huy (?:hơn nữa )?(?:truyền thống|tinh thần|vai trò|những kết quả|kết quả)|hoàn thành (?:xuất sắc |tốt )?(?:các |mọi )?nhiệm vụ(?: chính trị)?(?: được giao| đề ra| được đảng|$)|đề cao (?:tinh thần|trách nhiệm|vai trò|ý thức)|vào cuộc$|đoàn kết(?:, | )thống nhất|xác định (?:rõ )?(?:trách nhiệm|.{0,200} là nhiệm vụ)|giữ vững (?:đoàn kết|truyền thống|phẩm chất)|nâng cao (?:tinh thần trách nhiệm|ý thức trách nhiệm))/u;

/** The clause is a prohibition or a generic exhortation, not a task to track. */
function notATask(tokens: readonly Token[], from: number, to: number): boolean {
  let k = from;
  for (let guard = 0; guard < 4 && k < to; guard++) {
    while (k < to && !tokens[k]!.word) k++;
    const len = EXHORTATION_LEADS.matchAt(tokens, k, to);
    if (len === 0) break;
    k += len;
  }
  while (k < to && !tokens[k]!.word) k++;
  if (k >= to) return true;
  const first = PROHIBITIONS.matchAt(tokens, k, to);
  if (first > 0 && (tokens[k]!.key !== 'không' || ['được', 'để'].includes(tokens[k + 1]?.key ?? ''))) return true;
  const words: string[] = [];
  for (let i = k; i < to && words.length < 60; i++) words.push(tokens[i]!.word ? tokens[i]!.key : tokens[i]!.text);
  const folded = words.join(' ').replace(/ ([,;:.])/g, '$1');
  return GENERIC.test(folded);
}

/** A flagship task names a project: `cầu Đình Khao`, `Trung tâm cây giống …`, `Đề án Làng văn hóa …`, `Quốc lộ 57`. */
function isFlagship(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (!t.word) continue;
    const next = (len: number) => tokens[k + len];
    if (t.cap) {
      const len = CAPITAL_PROJECTS.matchAt(tokens, k, to);
      if (len === 0) continue;
      const n = next(len);
      if (!n?.word) continue;
      if (NAMED_ALWAYS.matchAt(tokens, k, to) > 0) return true;
      // `Trung tâm …`, `Khu …`: a project when something is built, or when it is the list item itself.
      if (k === from) return true;
      for (let b = Math.max(from, k - 5); b < k; b++) if (BUILD_VERBS.matchAt(tokens, b, k) > 0) return true;
      continue;
    }
    const len = PROJECT_NOUNS.matchAt(tokens, k, to);
    if (len === 0) continue;
    const prev = tokens[k - 1];
    if (t.key === 'cầu' && prev?.word && ['yêu', 'nhu', 'toàn', 'khẩn', 'mưu'].includes(prev.key)) continue;
    const n = next(len);
    if (!n?.word) continue;
    if (n.cap && !/^\d/.test(n.text)) {
      // `cầu Đình Khao`, `dự án Khu đô thị …`, but not `trường Đảng`-like institutions without a build verb.
      if (['trường', 'bệnh viện', 'chợ', 'hồ', 'bến', 'tuyến', 'làng', 'chương trình', 'khu'].includes(t.key)) {
        for (let b = Math.max(from, k - 5); b < k; b++) if (BUILD_VERBS.matchAt(tokens, b, k) > 0) return true;
        continue;
      }
      return true;
    }
    if (/^\d/.test(n.text) && NUMBERED_ROADS.matchAt(tokens, k, to) > 0) return true;
  }
  return false;
}

/** Index of the verb after an organisation subject that opens tokens [from, to) (`Sở Nội vụ hướng dẫn …`), or `from`. */
function ownSubject(tokens: readonly Token[], from: number, to: number): number {
  const first = tokens[from]!;
  if (!first.cap || ORG_HEADS.matchAt(tokens, from, to) === 0) return from;
  for (let k = from + 1; k < Math.min(to, from + 16); k++) {
    const t = tokens[k]!;
    if (!t.word || t.cap) continue;
    const prev = tokens[k - 1];
    if (prev?.word && DETERMINERS.has(prev.key)) continue;
    if (ADVERBS.matchAt(tokens, k, to) > 0 || strongVerb(tokens, k, to)) return k;
  }
  return from;
}

type Locate = (clause: string, assignee: string, issuer: string) => LocalityRef[];

function assigneeFor(a: Analysis, ctx: Context): string {
  const ctxCovers = (subject: string) => {
    if (!ctx.assignee) return false;
    const head = fold(subject).split(' ').slice(-1)[0] ?? '';
    return fold(ctx.assignee).includes(head);
  };
  if (a.assignee && !(a.backReference && ctxCovers(a.assignee))) return a.assignee;
  return ctx.assignee || a.assignee || '';
}

/** Extracts the directives of an article. Never throws; returns [] for text without directives. */
export function extractDirectives(input: string, opts: ExtractOptions = {}): Directive[] {
  const text = typeof input === 'string' ? input.normalize('NFC') : '';
  if (text.trim() === '') return [];
  const articleDate =
    typeof opts.articleDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(opts.articleDate) ? opts.articleDate : '';
  const blocks = segment(text);
  const abbreviations = findAbbreviations(text);
  let resolver: LocalityResolver | null = null;
  if (opts.localities) {
    const era = articleDate && articleDate < REFORM_DATE ? 'pre2025' : 'post2025';
    resolver = new LocalityResolver(opts.localities, articleDate ? era : 'pre2025');
    try {
      resolver.learnHints(text);
    } catch {
      resolver = null;
    }
  }
  // The same assignee and issuer are resolved for every clause: once per article is enough.
  const resolved = new Map<string, LocalityRef[]>();
  const localitiesOf = (s: string): LocalityRef[] => {
    if (!resolver || !s) return [];
    let refs = resolved.get(s);
    if (refs === undefined) {
      try {
        refs = resolver.resolveIn(s);
      } catch {
        refs = [];
      }
      resolved.set(s, refs);
    }
    return refs;
  };
  const articleUnit = resolver?.articleUnit() ?? null;
  const refocus = () => {
    const named = localitiesOf(ctx.assignee);
    const found = named.length > 0 ? named : localitiesOf(ctx.issuer);
    if (found.length > 0) ctx.focus = found;
  };
  const locate: Locate = (clause, assignee, issuer) => {
    for (const s of [clause, assignee, issuer]) {
      const found = localitiesOf(s);
      if (found.length > 0) return found;
    }
    if (ctx.focus.length > 0) return ctx.focus;
    return articleUnit ? [articleUnit] : [];
  };

  const out: Directive[] = [];
  const ctx: Context = { active: false, issuer: '', assignee: '', focus: [], list: false };
  /** Index in `out` of the first directive of the latest directive sentence. */
  let lastBatch = 0;
  for (const block of blocks) {
    if (block.kind === 'byline') {
      ctx.active = false;
      continue;
    }
    if (block.kind !== 'body') continue;
    let produced = 0;
    let activated = false;
    for (const sentence of block.sentences) {
      // `Thời gian thực hiện hoàn thành trước ngày 20/11/2023.`: the deadline of the tasks just before it.
      if (lastBatch < out.length && DEADLINE_SENTENCE.test(text.slice(sentence.contentStart, sentence.end))) {
        const d = findDeadline(text.slice(sentence.contentStart, sentence.end), articleDate);
        if (d) {
          for (let k = lastBatch; k < out.length; k++) {
            if (!out[k]!.deadline) out[k]!.deadline = { text: d.text, date: d.date };
          }
          continue;
        }
      }
      const tokens = tokenize(text, sentence.contentStart, sentence.end);
      const a = analyseSentence(text, tokens, ctx, abbreviations, sentence.bullet);
      if (a.kind !== 'none') lastBatch = out.length;
      if (a.kind === 'report' || a.kind === 'upward') {
        ctx.active = false;
        continue;
      }
      if (a.kind === 'none') {
        if (a.speaker && !ctx.active) ctx.issuer = a.speaker;
        continue;
      }
      // `Chủ tịch UBND tỉnh` after `Chủ tịch UBND tỉnh Trần Ngọc Tam`: the same person, with the full name.
      if (a.issuer && ctx.issuer.startsWith(`${a.issuer} `)) a.issuer = ctx.issuer;
      if (a.kind === 'context' || a.kind === 'cue') {
        if (a.issuer) ctx.issuer = a.issuer;
        const assignee = assigneeFor(a, ctx);
        ctx.assignee = assignee;
        ctx.active = true;
        ctx.list = a.kind === 'context';
        activated = true;
        refocus();
        if (a.kind === 'context') continue;
      } else if (a.kind === 'modal') {
        if (a.issuer) ctx.issuer = a.issuer;
        if (!ctx.active) {
          ctx.active = true;
          activated = true;
        }
      }
      if ((a.kind === 'imperative' || a.kind === 'subject') && a.issuer && !ctx.active) {
        ctx.issuer = a.issuer;
        ctx.active = true;
        activated = true;
      }
      produced += emit(out, text, sentence, tokens, a, ctx, articleDate, locate, abbreviations);
      // A named subject (`UBND huyện Trần Đề …`) is the assignee of the subjectless items that follow it.
      if ((a.kind === 'modal' || a.kind === 'subject') && a.assignee && !a.backReference) {
        if (a.issuer) ctx.issuer = a.issuer;
        ctx.assignee = a.assignee;
      }
    }
    if (produced === 0 && !activated) ctx.active = false;
  }
  return out;
}

function emit(
  out: Directive[],
  text: string,
  sentence: SentenceSegment,
  tokens: readonly Token[],
  a: Analysis,
  ctx: Context,
  articleDate: string,
  locate: Locate,
  abbreviations: ReadonlyMap<string, string>,
): number {
  // An item of a list (a bullet, or a paragraph under a heading that announces the list) is one task per `;`.
  const listItem = sentence.bullet || (ctx.list && (a.kind === 'imperative' || a.kind === 'subject'));
  const ranges = splitClauses(tokens, skipLeadRole(tokens, a.from, a.to), a.to, { semicolonsOnly: listItem });
  const quote = {
    start: sentence.contentStart,
    end: sentence.end,
    text: text.slice(sentence.contentStart, sentence.end),
  };
  const issuer = a.issuer ?? ctx.issuer;
  const assignee = assigneeFor(a, ctx);
  const clauses = ranges
    .map((r) => {
      let { from, to } = r;
      while (
        from < to &&
        (!tokens[from]!.word || tokens[from]!.key === 'và') &&
        !['“', '"', '('].includes(tokens[from]!.text)
      )
        from++;
      const c = CONNECTORS.matchAt(tokens, from, to);
      if (
        c > 0 &&
        c < to - from &&
        (tokens[from + c]!.text === ',' || ACTION_VERBS.matchAt(tokens, from + c, to) > 0)
      ) {
        from += c;
        if (tokens[from]?.text === ',') from++;
      }
      while (to > from && !tokens[to - 1]!.word && !CLOSERS.has(tokens[to - 1]!.text)) to--;
      return { from, to, assignee: null as string | null };
    })
    .filter((r) => r.from < r.to && !notATask(tokens, r.from, r.to));
  if (clauses.length === 0) return 0;
  // A later clause with its own subject (`…; Sở Nội vụ hướng dẫn xã …`) has its own assignee.
  for (let idx = 1; idx < clauses.length; idx++) {
    const r = clauses[idx]!;
    const subject = ownSubject(tokens, r.from, r.to);
    if (subject > r.from) {
      r.assignee = cleanParty(spanText(text, tokens, r.from, subject), abbreviations);
      r.from = subject;
    }
  }

  const deadlines = clauses.map((r) => findDeadline(spanText(text, tokens, r.from, r.to), articleDate));
  // A deadline stated before the task part (`Trong quý II, …`) applies to every clause.
  const lead = tokens[a.from]
    ? findDeadline(text.slice(sentence.contentStart, tokens[a.from]!.start), articleDate)
    : null;

  const raw: Array<ReturnType<typeof categorize>> = [];
  let leadCategory: ReturnType<typeof categorize> | null = null;
  clauses.forEach((r, idx) => {
    const clauseText = spanText(text, tokens, r.from, r.to);
    const d = deadlines[idx] ?? lead;
    const clauseAssignee = r.assignee ?? assignee;
    const localities = locate(clauseText, clauseAssignee, issuer);
    // A clause without any field word takes the field of what precedes it in the sentence.
    raw[idx] = categorize(clauseText);
    let category = raw[idx]!;
    for (let back = idx - 1; category.score === 0 && back >= -1; back--) {
      // Back through the earlier clauses, then the leading adverbial (never the speaker's title).
      if (back < 0 && leadCategory === null) {
        leadCategory = categorize(spanText(text, tokens, 0, Math.min(a.lead ?? 0, clauses[0]!.from)));
      }
      const fallback = back >= 0 ? raw[back]! : leadCategory!;
      if (fallback.score > 0) category = fallback;
    }
    const words = tokens.slice(r.from, r.to).filter((t) => t.word).length;
    let confidence = a.confidence;
    if (idx > 0) confidence -= 0.05;
    if (words < 4) confidence -= 0.1;
    if (!issuer) confidence -= 0.05;
    confidence = Math.max(0.05, Math.min(1, Math.round(confidence * 100) / 100));
    const title = makeTitle(text, tokens, r.from, r.to) || clauseText;
    out.push({
      quote: { ...quote },
      clause: { start: tokens[r.from]!.start, end: tokens[r.to - 1]!.end, text: clauseText },
      title,
      issuer,
      assignee: clauseAssignee,
      localities: localities.map((l) => ({ ...l })),
      deadline: d ? { text: d.text, date: d.date } : null,
      category: category.category,
      flagship: isFlagship(tokens, r.from, r.to),
      confidence,
    });
  });
  return clauses.length;
}
