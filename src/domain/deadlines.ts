/**
 * Vietnamese deadline expressions (`quý II`, `quý I-2022`, `6 tháng đầu năm`, `trong năm 2022`, `trước ngày 30/6`,
 * `trước 30-6-2022`, `cuối năm`, `tháng 5/2022`, `trong tháng 5`, `năm 2023`, `trước Tết Nguyên đán`, `trong 30 ngày`)
 * resolved to a calendar date against the date of the article that states them.
 *
 * Resolution rules (documented here because they are choices, not facts):
 * - A period resolves to its last day: `quý II` → 30/6, `tháng 5` → 31/5, `6 tháng đầu năm` → 30/6, `năm 2023` and
 *   `cuối năm` → 31/12, `giữa năm` → 30/6, `giữa tháng 5` → 15/5.
 * - `trước` before a period means "before the period starts": `trước tháng 6` → 31/5, `trước quý III` → 30/6,
 *   `trước năm 2025` → 31/12/2024. `trước` before a day keeps the day (`trước ngày 30/6` → 30/6: that is how such
 *   deadlines are tracked), and `trước cuối năm` is the end of the year. `trước Tết (Nguyên đán)` → the eve of the
 *   next lunar new year (table for 2019–2040; outside it: no deadline).
 * - A period or day without a year takes the article's year, except when it ended more than six months before the
 *   article (`quý I` or `tháng 2` in an article of November): then the directive can only mean next year's.
 *   `năm nay` is the article's year, `năm sau` / `năm tới` the next one.
 * - `trong 30 ngày`, `trong 2 tuần`, `trong 3 tháng` count from the article's date (working days × 7/5);
 *   `trong tuần này` / `tháng này` / `quý này` end with the article's week (Sunday), month, quarter, and
 *   `tuần tới` / `tháng sau` / `quý tới` with the next one.
 * - Not deadlines: vague words (`thời gian tới`, `khẩn trương`, `sớm`), period names (`nhiệm kỳ 2020-2025`,
 *   `giai đoạn 2021-2025`, year ranges), `đầu năm` / `đầu quý` (too vague), impossible days (`31/2`).
 *
 * `findDeadline` is stricter than `parseDeadline` because a sentence mentions many dates that are not deadlines:
 * bare years, months and days need an introducer (`trong`, `trước`, `đến`, `chậm nhất`, `cuối`, `ngày` …); a period
 * named by a report or plan (`báo cáo sơ kết quý I-2022`, `Kế hoạch … ngày 10/3/2022`, `từ tháng 5`) is skipped, and
 * so is a date before the article's date. A bare year counts when it closes the targets or tasks of that year
 * (`các chỉ tiêu còn lại của năm 2022`, `chỉ tiêu Nghị quyết năm 2023` → 31/12).
 *
 * Every pattern is bounded (no nested or unbounded quantifiers), and each candidate is examined in constant time,
 * so scanning is linear in the length of the text.
 */

export interface DeadlineValue {
  /** The expression as written, e.g. `quý II`, `trước ngày 30/6`. */
  text: string;
  /** The resolved deadline, `YYYY-MM-DD`. */
  date: string;
}

export interface DeadlineMatch extends DeadlineValue {
  /** Span of `text` in the searched string, in UTF-16 code units. */
  start: number;
  end: number;
}

type PeriodKind = 'quarter' | 'half' | 'month' | 'year' | 'day' | 'duration' | 'tet' | 'relative';
type Modifier = 'end' | 'middle' | 'start' | null;
type IntroKind = 'strong' | 'before' | 'weak' | null;

interface Period {
  kind: PeriodKind;
  /** Explicit year, or null to infer. */
  year: number | null;
  /** Added to the inferred year (`năm sau`). Only meaningful when `year` is null. */
  yearOffset: number;
  /** quarter 1-4, month 1-12, half: last month of the span (6 = first half, 12 = second half). */
  unit: number;
  day: number;
  /** duration in days (for `duration`). */
  days: number;
  months: number;
}

interface Candidate {
  start: number;
  end: number;
  coreStart: number;
  period: Period;
  intro: IntroKind;
  /** An explicitly marked deadline cue (`trước`, `chậm nhất`, …) rather than a bare period. */
  needsIntro: boolean;
  modifier: Modifier;
}

// ---------------------------------------------------------------------------------------------------------------
// Calendar helpers (UTC days, no time zones).

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function parseIso(iso: string): Ymd | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const ymd = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return isValidDay(ymd.y, ymd.m, ymd.d) ? ymd : null;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function isValidDay(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) &&
    Number.isInteger(m) &&
    Number.isInteger(d) &&
    y >= 1900 &&
    y <= 2199 &&
    m >= 1 &&
    m <= 12 &&
    d >= 1 &&
    d <= daysInMonth(y, m)
  );
}

function toDays(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

function fromDays(days: number): Ymd {
  const date = new Date(days * 86_400_000);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

function iso({ y, m, d }: Ymd): string | null {
  if (!isValidDay(y, m, d)) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function lastDay(y: number, m: number): Ymd {
  return { y, m, d: daysInMonth(y, m) };
}

/** Lunar new year's day (mùng 1 Tết) by Gregorian year. */
const TET: Record<number, string> = {
  2019: '2019-02-05',
  2020: '2020-01-25',
  2021: '2021-02-12',
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-03',
  2031: '2031-01-23',
  2032: '2032-02-11',
  2033: '2033-01-31',
  2034: '2034-02-19',
  2035: '2035-02-08',
  2036: '2036-01-28',
  2037: '2037-02-15',
  2038: '2038-02-04',
  2039: '2039-01-24',
  2040: '2040-02-12',
};

// ---------------------------------------------------------------------------------------------------------------
// Patterns. All case-insensitive, Unicode; the input is NFC.

const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{M}\\p{N}])';
const S = '\\s{1,3}';
const S0 = '\\s{0,2}';
const YEAR_WORD = `(?:${S}năm${S}(\\d{4})(?!\\d)|${S0}[/\\-–]${S0}(\\d{4})(?!\\d)|${S}(năm${S}(?:nay|sau|tới))(?![\\p{L}\\p{M}]))`;

/** Where a pattern may start. */
const ANCHOR = new RegExp(
  `(?:${NOT_WORD_BEFORE}|(?<=trước))(?:qu[ýí]|tháng|tuần|năm|ngày|tết|nửa|sáu|ba|chín|(?:những|các)(?=${S}tháng${S}cuối)|(?:một|hai|bốn|bảy|tám|mười)(?=${S}(?:ngày|tuần|tháng))|\\d{1,2}(?=${S0}[/.\\-]${S0}\\d)|\\d{1,3}(?=${S}(?:ngày|tuần|tháng)))`,
  'giu',
);

const P_QUARTER = new RegExp(
  `qu[ýí]${S}(iv|iii|ii|i|[1-4])(?![\\p{L}\\p{M}\\p{N}])(?:${YEAR_WORD}|${S}(\\d{4})(?!\\d))?`,
  'iuy',
);
const P_HALF = new RegExp(
  `(?:(\\d{1,2}|sáu|ba|chín|những|các)${S}tháng|(nửa))${S}(đầu|cuối|sau)${S}năm(?![\\p{L}\\p{M}])(?:${YEAR_WORD}|${S}(\\d{4})(?!\\d))?`,
  'iuy',
);
const P_MONTH = new RegExp(`tháng${S}(1[0-2]|0?[1-9])(?!\\d)(?:${YEAR_WORD})?`, 'iuy');
const P_YEAR = new RegExp(`năm${S}(\\d{4})(?!\\d)(?!${S0}[\\-–/]${S0}\\d)`, 'iuy');
const P_YEAR_REL = new RegExp(`năm${S}(nay|sau|tới)(?![\\p{L}\\p{M}])`, 'iuy');
const P_YEAR_BARE = /năm(?![\p{L}\p{M}\p{N}])/iuy;
const P_DATE_NUM = new RegExp(
  `(ngày${S})?(\\d{1,2})${S0}([/.\\-])${S0}(\\d{1,2})(?:${S0}\\3${S0}(\\d{4}))?(?![\\p{L}\\p{M}\\p{N}]|[/.\\-]\\d)`,
  'iuy',
);
const P_DATE_WORDS = new RegExp(`ngày${S}(\\d{1,2})${S}tháng${S}(\\d{1,2})(?:${S}năm${S}(\\d{4}))?(?!\\d)`, 'iuy');
const P_DURATION = new RegExp(
  `(\\d{1,3}|một|hai|ba|bốn|sáu|bảy|tám|chín|mười)${S}(ngày|tuần|tháng)(${S}làm${S}việc)?(?![\\p{L}\\p{M}])`,
  'iuy',
);
/** `tuần này`, `tháng tới`, `quý sau`: the current or the next week, month or quarter. */
const P_REL_PERIOD = new RegExp(`(tuần|tháng|qu[ýí])${S}(này|nay|tới|sau)(?![\\p{L}\\p{M}])`, 'iuy');
const P_TET = new RegExp(`tết(?:${S}nguyên${S}đán)?(?:${S}(\\d{4})(?!\\d))?(?![\\p{L}\\p{M}])`, 'iuy');

/** Modifier right before a period: `cuối quý II`, `hết năm`, `giữa năm`, `đầu năm`. */
const MODIFIER_BEFORE = /(?:^|[^\p{L}\p{M}\p{N}])(cuối|hết|giữa|đầu)\s{1,3}$/iu;
/** Introducer before a period or day. Longest alternatives first. `trướcngày` (a typo of the sources) counts. */
const INTRO_BEFORE =
  /(?:^|[^\p{L}\p{M}\p{N}])(từ\s{1,3}nay\s{1,3}đến(?:\s{1,3}hết)?|chậm\s{1,3}nhất(?:\s{1,3}(?:là|vào|đến|trước|trong))?|ngay\s{1,3}trong|trong\s{1,3}(?:vòng|thời\s{1,3}hạn)|đến\s{1,3}hết|trước|trong|đến|hết|vào)(?:\s{1,3}|(?<=trước))$/iu;
/** A plan or strategy named up to its horizon (`Quy hoạch tỉnh đến năm 2030`): a name, not a deadline. */
const PLAN_BEFORE =
  /(?:quy\s{1,3}hoạch|chiến\s{1,3}lược|tầm\s{1,3}nhìn|định\s{1,3}hướng)[^,;.:]{0,40}$|dự\s{1,3}báo[^;.:]{0,40}$/iu;
/** Following or implementing a period's targets (`bám sát các chỉ tiêu … 6 tháng cuối năm`) sets no deadline. */
const FOLLOW_BEFORE = /(?:bám\s{1,3}sát|theo\s{1,3}dõi|căn\s{1,3}cứ|dựa\s{1,3}vào)[^,;.:]{0,40}$/iu;
/** Words that make a following period a name or a starting point rather than a deadline. */
const BLOCK_BEFORE =
  /(?:^|[^\p{L}\p{M}\p{N}])(sơ\s{1,3}kết|tổng\s{1,3}kết|báo\s{1,3}cáo|kết\s{1,3}quả|nghị\s{1,3}quyết|kế\s{1,3}hoạch|chương\s{1,3}trình|chủ\s{1,3}đề|so\s{1,3}với|cùng\s{1,3}kỳ|số\s{1,3}liệu|đánh\s{1,3}giá|giai\s{1,3}đoạn|nhiệm\s{1,3}kỳ|kể\s{1,3}từ|bắt\s{1,3}đầu|từ|sau|của|trong\s{1,3}các|các|những|ký|ban\s{1,3}hành|thông\s{1,3}qua|tính\s{1,3}đến|năm|hồi|thường\s{1,3}kỳ|phiên\s{1,3}họp|kỳ\s{1,3}họp)\s{1,3}$/iu;
/** A document reference shortly before a date: `Kế hoạch số 25-KH/TU ngày 10/3/2022`. */
const DOCUMENT_BEFORE =
  /(?:\d+[/-][\p{Lu}Đ]|quyết\s{1,3}định|kế\s{1,3}hoạch|công\s{1,3}văn|chỉ\s{1,3}thị|nghị\s{1,3}quyết|thông\s{1,3}báo|văn\s{1,3}bản|nghị\s{1,3}định|thông\s{1,3}tư|kết\s{1,3}luận|quy\s{1,3}định|tờ\s{1,3}trình)/iu;

/** Targets or tasks of a year, a few words before the year (but not a plan: `kế hoạch … năm 2024`). */
const YEAR_TARGETS_BEFORE =
  /(?:^|[^\p{L}\p{M}])(?:chỉ\s{1,3}tiêu|nhiệm\s{1,3}vụ)(?:\s{1,3}(?!kế\s)[\p{L}\p{M}()]{1,12}){0,5}\s{1,3}$/iu;

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
const NUMBER_WORDS: Record<string, number> = {
  một: 1,
  hai: 2,
  ba: 3,
  bốn: 4,
  sáu: 6,
  bảy: 7,
  tám: 8,
  chín: 9,
  mười: 10,
};

function numberWord(s: string): number {
  const lower = s.toLowerCase();
  return NUMBER_WORDS[lower] ?? Number(lower);
}

function relYearOffset(s: string | undefined): number {
  if (!s) return 0;
  return /nay$/iu.test(s) ? 0 : 1;
}

function basePeriod(kind: PeriodKind): Period {
  return { kind, year: null, yearOffset: 0, unit: 0, day: 0, days: 0, months: 0 };
}

/** Years from the shared YEAR_WORD groups: (năm YYYY) (/YYYY) (năm nay|sau|tới) and an optional bare (YYYY). */
function applyYear(p: Period, a?: string, b?: string, rel?: string, bare?: string): void {
  const explicit = a ?? b ?? bare;
  if (explicit) p.year = Number(explicit);
  else if (rel) p.yearOffset = relYearOffset(rel);
}

/** Tries every pattern that may start at `pos`. */
function matchAt(text: string, pos: number): { end: number; period: Period; bareNeedsIntro: boolean } | null {
  const lower3 = text.slice(pos, pos + 4).toLowerCase();
  const tryRe = (re: RegExp): RegExpExecArray | null => {
    re.lastIndex = pos;
    return re.exec(text);
  };
  let m: RegExpExecArray | null;

  if (/^(?:tuầ|thá|qu)/u.test(lower3)) {
    m = tryRe(P_REL_PERIOD);
    if (m) {
      const p = basePeriod('relative');
      const unit = m[1]!.toLowerCase();
      p.unit = unit === 'tuần' ? 7 : unit === 'tháng' ? 1 : 3;
      p.yearOffset = /^(?:này|nay)$/iu.test(m[2]!) ? 0 : 1;
      return { end: pos + m[0].length, period: p, bareNeedsIntro: true };
    }
  }
  if (lower3.startsWith('qu')) {
    m = tryRe(P_QUARTER);
    if (m) {
      const p = basePeriod('quarter');
      p.unit = ROMAN[m[1]!.toLowerCase()] ?? Number(m[1]);
      applyYear(p, m[2], m[3], m[4], m[5]);
      return { end: pos + m[0].length, period: p, bareNeedsIntro: false };
    }
    return null;
  }
  if (/^(?:\d|sáu|nửa|ba|chí|nhữ|các)/iu.test(lower3)) {
    m = tryRe(P_HALF);
    if (m) {
      const p = basePeriod('half');
      const first = m[3]!.toLowerCase() === 'đầu';
      // `những tháng cuối năm`: the rest of the year; `những tháng đầu năm` is too vague.
      const some = m[1] !== undefined && /^(?:những|các)$/iu.test(m[1]);
      if (some && first) return null;
      const n = m[2] || some ? 6 : numberWord(m[1]!);
      if (!(n >= 1 && n <= 12)) return null;
      p.unit = first ? n : 12;
      applyYear(p, m[4], m[5], m[6], m[7]);
      return { end: pos + m[0].length, period: p, bareNeedsIntro: false };
    }
  }
  if (/^(?:một|hai|ba|bốn|sáu|bảy|tám|chín|mườ)/iu.test(lower3)) {
    // `trong hai ngày tới`, `trong ba tháng`: a duration in words.
    m = tryRe(P_DURATION);
    if (m) {
      const p = basePeriod('duration');
      const n = numberWord(m[1]!);
      const unit = m[2]!.toLowerCase();
      if (unit === 'tháng') p.months = n;
      else p.days = unit === 'tuần' ? n * 7 : m[3] ? Math.ceil((n * 7) / 5) : n;
      return { end: pos + m[0].length, period: p, bareNeedsIntro: true };
    }
    if (!/^(?:ba|sáu|chí)/iu.test(lower3)) return null;
  }
  if (/^\d/.test(lower3)) {
    m = tryRe(P_DATE_NUM);
    if (m && !m[1]) {
      const p = basePeriod('day');
      p.day = Number(m[2]);
      p.unit = Number(m[4]);
      if (m[5]) p.year = Number(m[5]);
      return { end: pos + m[0].length, period: p, bareNeedsIntro: true };
    }
    m = tryRe(P_DURATION);
    if (m) {
      const p = basePeriod('duration');
      const n = Number(m[1]);
      const unit = m[2]!.toLowerCase();
      if (unit === 'tháng') p.months = n;
      else p.days = unit === 'tuần' ? n * 7 : m[3] ? Math.ceil((n * 7) / 5) : n;
      return { end: pos + m[0].length, period: p, bareNeedsIntro: true };
    }
    return null;
  }
  if (lower3.startsWith('thá')) {
    m = tryRe(P_MONTH);
    if (m) {
      const p = basePeriod('month');
      p.unit = Number(m[1]);
      applyYear(p, m[2], m[3], m[4]);
      return { end: pos + m[0].length, period: p, bareNeedsIntro: p.year === null };
    }
    return null;
  }
  if (lower3.startsWith('năm')) {
    m = tryRe(P_YEAR);
    if (m) {
      const p = basePeriod('year');
      p.year = Number(m[1]);
      return { end: pos + m[0].length, period: p, bareNeedsIntro: true };
    }
    m = tryRe(P_YEAR_REL);
    if (m) {
      const p = basePeriod('year');
      p.yearOffset = relYearOffset(m[1]);
      return { end: pos + m[0].length, period: p, bareNeedsIntro: true };
    }
    m = tryRe(P_YEAR_BARE);
    if (m) {
      // `cuối năm`, `trong năm` — validated by the caller (needs a modifier or `trong` at the end of a phrase).
      const p = basePeriod('year');
      return { end: pos + m[0].length, period: p, bareNeedsIntro: true };
    }
    return null;
  }
  if (lower3.startsWith('ngà')) {
    m = tryRe(P_DATE_NUM);
    if (m) {
      const p = basePeriod('day');
      p.day = Number(m[2]);
      p.unit = Number(m[4]);
      if (m[5]) p.year = Number(m[5]);
      return { end: pos + m[0].length, period: p, bareNeedsIntro: false };
    }
    m = tryRe(P_DATE_WORDS);
    if (m) {
      const p = basePeriod('day');
      p.day = Number(m[1]);
      p.unit = Number(m[2]);
      if (m[3]) p.year = Number(m[3]);
      return { end: pos + m[0].length, period: p, bareNeedsIntro: false };
    }
    return null;
  }
  if (lower3.startsWith('tết')) {
    m = tryRe(P_TET);
    if (m) {
      const p = basePeriod('tet');
      if (m[1]) p.year = Number(m[1]);
      return { end: pos + m[0].length, period: p, bareNeedsIntro: true };
    }
  }
  return null;
}

function introKind(word: string): IntroKind {
  const w = word.toLowerCase().replace(/\s+/gu, ' ');
  if (w === 'trước') return 'before';
  if (w.startsWith('chậm nhất') || w.startsWith('từ nay') || w === 'đến hết') return 'strong';
  return 'weak';
}

/** Scans `text` for every deadline-shaped expression (in order, non-overlapping). */
function candidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  ANCHOR.lastIndex = 0;
  let a: RegExpExecArray | null;
  // biome-ignore lint/suspicious/noAssignInExpressions: the classic exec loop
  while ((a = ANCHOR.exec(text)) !== null) {
    const pos = a.index;
    const hit = matchAt(text, pos);
    if (!hit) {
      ANCHOR.lastIndex = pos + Math.max(1, a[0].length);
      continue;
    }
    let start = pos;
    let modifier: Modifier = null;
    const before = text.slice(Math.max(0, pos - 8), pos);
    const mod = MODIFIER_BEFORE.exec(before);
    if (mod) {
      const w = mod[1]!.toLowerCase();
      modifier = w === 'giữa' ? 'middle' : w === 'đầu' ? 'start' : 'end';
      start = pos - (before.length - before.lastIndexOf(mod[1]!));
    }
    const before2 = text.slice(Math.max(0, start - 30), start);
    const intro = INTRO_BEFORE.exec(before2);
    let introK: IntroKind = null;
    if (intro) {
      introK = introKind(intro[1]!);
      start = start - (before2.length - before2.lastIndexOf(intro[1]!));
    }
    out.push({
      start,
      end: hit.end,
      coreStart: pos,
      period: hit.period,
      intro: introK,
      needsIntro: hit.bareNeedsIntro,
      modifier,
    });
    ANCHOR.lastIndex = hit.end;
  }
  return out;
}

/** First and last day of a period in a given year. */
function bounds(p: Period, y: number): { first: Ymd; last: Ymd } | null {
  switch (p.kind) {
    case 'quarter': {
      if (p.unit < 1 || p.unit > 4) return null;
      return { first: { y, m: p.unit * 3 - 2, d: 1 }, last: lastDay(y, p.unit * 3) };
    }
    case 'half': {
      const firstMonth = p.unit === 12 ? 7 : 1;
      return { first: { y, m: firstMonth, d: 1 }, last: lastDay(y, p.unit) };
    }
    case 'month':
      if (p.unit < 1 || p.unit > 12) return null;
      return { first: { y, m: p.unit, d: 1 }, last: lastDay(y, p.unit) };
    case 'year':
      return { first: { y, m: 1, d: 1 }, last: { y, m: 12, d: 31 } };
    case 'day':
      if (!isValidDay(y, p.unit, p.day)) return null;
      return { first: { y, m: p.unit, d: p.day }, last: { y, m: p.unit, d: p.day } };
    default:
      return null;
  }
}

/** Resolves a candidate to an ISO date, or null when it is no deadline. */
function resolve(c: Candidate, article: Ymd | null, text: string): string | null {
  const p = c.period;
  if (c.modifier === 'start') return null;
  if (p.kind === 'duration') {
    if (!article || !c.intro) return null;
    const base = toDays(article.y, article.m, article.d);
    if (p.months > 0) {
      const total = article.m - 1 + p.months;
      const y = article.y + Math.floor(total / 12);
      const m = (total % 12) + 1;
      return iso({ y, m, d: Math.min(article.d, daysInMonth(y, m)) });
    }
    return iso(fromDays(base + p.days));
  }
  if (p.kind === 'relative') {
    // The end of this (or the next) week (Monday to Sunday), month or quarter of the article.
    if (!article || c.intro === 'before') return null;
    const next = p.yearOffset;
    if (p.unit === 7) {
      const base = toDays(article.y, article.m, article.d);
      const weekday = (new Date(base * 86_400_000).getUTCDay() + 6) % 7; // Monday = 0
      return iso(fromDays(base + (6 - weekday) + 7 * next));
    }
    const months = p.unit;
    const firstMonthOfSpan = Math.floor((article.m - 1) / months) * months; // 0-based
    const lastMonth = firstMonthOfSpan + months * (1 + next); // 1-based month of the span's end
    const y = article.y + Math.floor((lastMonth - 1) / 12);
    const mo = ((lastMonth - 1) % 12) + 1;
    return iso(lastDay(y, mo));
  }
  if (p.kind === 'tet') {
    if (c.intro !== 'before' && c.intro !== 'strong') return null;
    let tet: string | undefined;
    if (p.year !== null) tet = TET[p.year];
    else if (article) {
      const a = iso(article)!;
      for (let y = article.y; y <= article.y + 1 && !tet; y++) {
        const t = TET[y];
        if (t && t > a) tet = t;
      }
    }
    if (!tet) return null;
    const t = parseIso(tet)!;
    return iso(fromDays(toDays(t.y, t.m, t.d) - 1));
  }
  if (p.kind === 'year' && p.year === null && p.yearOffset === 0) {
    // Bare `năm`: only `cuối năm`, `hết năm`, `giữa năm`, or `trong năm` closing a phrase.
    const bareYearOk =
      c.modifier !== null || (c.intro === 'weak' && /^\s*(?:[.,;:!?)”"]|$)/u.test(text.slice(c.end, c.end + 3)));
    if (!bareYearOk) return null;
  }

  let year: number;
  if (p.year !== null) year = p.year;
  else {
    if (!article) return null;
    year = article.y + p.yearOffset;
    if (p.yearOffset === 0 && p.kind !== 'year') {
      // A period that ended more than six months before the article is next year's.
      const b = bounds(p, year);
      if (b) {
        const ended = toDays(b.last.y, b.last.m, b.last.d);
        if (toDays(article.y, article.m, article.d) - ended > 183) year += 1;
      }
    }
  }
  const b = bounds(p, year);
  if (!b) return null;
  if (c.intro === 'before' && c.modifier === null && p.kind !== 'day') {
    return iso(fromDays(toDays(b.first.y, b.first.m, b.first.d) - 1));
  }
  if (c.modifier === 'middle') {
    if (p.kind === 'year') return iso({ y: year, m: 6, d: 30 });
    if (p.kind === 'month') return iso({ y: year, m: p.unit, d: 15 });
    if (p.kind === 'quarter') return iso(lastDay(year, p.unit * 3 - 1));
    return null;
  }
  return iso(b.last);
}

function safeArticle(articleDate: string): Ymd | null {
  return typeof articleDate === 'string' ? parseIso(articleDate.slice(0, 10)) : null;
}

/**
 * Parses a whole deadline expression (`quý II`, `trước ngày 30/6`, `năm 2023`) against the article's date
 * (`YYYY-MM-DD`). A leading `hoàn thành` / `xong` and trailing punctuation are tolerated. Returns null for anything
 * that is not a deadline, and never throws.
 */
export function parseDeadline(text: string, articleDate: string): DeadlineValue | null {
  if (typeof text !== 'string') return null;
  const t = text
    .normalize('NFC')
    .trim()
    .replace(/[.,;:!?…]+$/u, '')
    .trim();
  if (t === '' || t.length > 80) return null;
  const body = t.replace(/^(?:hoàn\s{1,3}thành|xong|phấn\s{1,3}đấu)\s{1,3}/iu, '');
  const article = safeArticle(articleDate);
  const cs = candidates(body);
  if (cs.length !== 1) return null;
  const c = cs[0]!;
  if (c.start !== 0 || c.end !== body.length) return null;
  const date = resolve(c, article, body);
  if (!date) return null;
  return { text: t, date };
}

/**
 * Finds the deadline of a sentence or clause (NFC text), or null. Returns the expression's span in `sentence`.
 * A candidate with an introducer or a modifier (`trước ngày 30/6`, `trong quý II`, `cuối năm`) wins over a bare
 * period (`nhiệm vụ quý II`); among equals, the first.
 */
export function findDeadline(sentence: string, articleDate: string): DeadlineMatch | null {
  if (typeof sentence !== 'string' || sentence === '') return null;
  const article = safeArticle(articleDate);
  const articleIso = article ? iso(article) : null;
  let best: DeadlineMatch | null = null;
  for (const c of candidates(sentence)) {
    const marked = c.intro !== null || c.modifier !== null;
    // `các chỉ tiêu (Nghị quyết) năm 2023`, `chỉ tiêu nghị quyết 6 tháng cuối năm 2024`: a period's targets are due
    // at its end (accepted, but without the priority of a marked deadline).
    const targets =
      !marked &&
      (c.period.kind !== 'year' || c.period.year !== null) &&
      YEAR_TARGETS_BEFORE.test(sentence.slice(Math.max(0, c.start - 40), c.start));
    if (c.needsIntro && !marked && !targets) continue;
    const head = sentence.slice(Math.max(0, c.start - 50), c.start);
    if (c.period.kind === 'year' && PLAN_BEFORE.test(head)) continue;
    if (!marked && FOLLOW_BEFORE.test(head)) continue;
    if (!marked && !targets) {
      const before = sentence.slice(Math.max(0, c.start - 24), c.start);
      if (BLOCK_BEFORE.test(before)) continue;
      if (c.period.kind === 'day' && DOCUMENT_BEFORE.test(sentence.slice(Math.max(0, c.start - 40), c.start))) {
        continue;
      }
    }
    const date = resolve(c, article, sentence);
    if (!date) continue;
    if (articleIso && date < articleIso) continue;
    if (!best) best = { text: sentence.slice(c.start, c.end), date, start: c.start, end: c.end };
    if (marked) {
      best = { text: sentence.slice(c.start, c.end), date, start: c.start, end: c.end };
      break;
    }
  }
  return best;
}
