/**
 * Calendar periods for the deadline filter: months, quarters (`quý II/2022`) and years as inclusive ISO date
 * ranges, the presets the filter bar offers, and recognition of a range that is exactly one period (so a link
 * with `deadlineFrom=2022-04-01&deadlineTo=2022-06-30` reads back as "quý II/2022"). Pure; builds on dates.ts.
 */
import { addDays } from './dates';

export type PeriodKind = 'month' | 'quarter' | 'year';

export interface Period {
  kind: PeriodKind;
  year: number;
  /** Month 1–12, quarter 1–4, or 0 for a year. */
  index: number;
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day (inclusive), YYYY-MM-DD. */
  to: string;
}

export const QUARTER_NUMERALS = ['I', 'II', 'III', 'IV'] as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** The last day of a month, YYYY-MM-DD (month 1–12). */
export function lastDayOfMonth(year: number, month: number): string {
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`;
  return addDays(next, -1);
}

export function monthPeriod(year: number, month: number): Period {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`month ${month}`);
  return { kind: 'month', year, index: month, from: `${year}-${pad(month)}-01`, to: lastDayOfMonth(year, month) };
}

export function quarterPeriod(year: number, quarter: number): Period {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw new RangeError(`quarter ${quarter}`);
  const first = (quarter - 1) * 3 + 1;
  return {
    kind: 'quarter',
    year,
    index: quarter,
    from: `${year}-${pad(first)}-01`,
    to: lastDayOfMonth(year, first + 2),
  };
}

export function yearPeriod(year: number): Period {
  return { kind: 'year', year, index: 0, from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The period of this kind that contains `date` (YYYY-MM-DD). */
export function periodContaining(kind: PeriodKind, date: string): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (kind === 'month') return monthPeriod(year, month);
  if (kind === 'quarter') return quarterPeriod(year, Math.floor((month - 1) / 3) + 1);
  return yearPeriod(year);
}

export interface PeriodPresets {
  thisMonth: Period;
  thisQuarter: Period;
  thisYear: Period;
  /** Every quarter of the listed years, newest first. */
  quarters: Period[];
  /** The listed years, newest first. */
  years: Period[];
}

/**
 * The presets offered beside a date `today`: this month, this quarter, this year, and the quarters and years from
 * `yearsBack` years before to `yearsAhead` after (deadlines lie in the future as often as in the past).
 */
export function periodPresets(today: string, options: { yearsBack?: number; yearsAhead?: number } = {}): PeriodPresets {
  const { yearsBack = 5, yearsAhead = 1 } = options;
  const current = Number(today.slice(0, 4));
  const years: Period[] = [];
  const quarters: Period[] = [];
  for (let y = current + yearsAhead; y >= current - yearsBack; y -= 1) {
    years.push(yearPeriod(y));
    for (let q = 4; q >= 1; q -= 1) quarters.push(quarterPeriod(y, q));
  }
  return {
    thisMonth: periodContaining('month', today),
    thisQuarter: periodContaining('quarter', today),
    thisYear: periodContaining('year', today),
    quarters,
    years,
  };
}

/** A stable identifier: `month:2026-11`, `quarter:2022-2`, `year:2022`. */
export function periodId(p: Period): string {
  if (p.kind === 'month') return `month:${p.year}-${pad(p.index)}`;
  if (p.kind === 'quarter') return `quarter:${p.year}-${p.index}`;
  return `year:${p.year}`;
}

/** The period an identifier names, or null when it names none. */
export function parsePeriodId(id: string): Period | null {
  const m = /^(month|quarter|year):(\d{4})(?:-(\d{1,2}))?$/.exec(id);
  if (!m) return null;
  const year = Number(m[2]);
  const index = m[3] === undefined ? null : Number(m[3]);
  try {
    if (m[1] === 'year') return index === null ? yearPeriod(year) : null;
    if (index === null) return null;
    return m[1] === 'month' ? monthPeriod(year, index) : quarterPeriod(year, index);
  } catch {
    return null;
  }
}

/**
 * The single month, quarter or year that `from`..`to` spans exactly, preferring the widest (a range that is
 * January–December is the year, not a quarter); null for any other range, or when either end is missing.
 */
export function matchPeriod(from: string | undefined, to: string | undefined): Period | null {
  if (!from || !to || from.length !== 10 || to.length !== 10) return null;
  const year = Number(from.slice(0, 4));
  if (!Number.isInteger(year) || to.slice(0, 4) !== from.slice(0, 4)) return null;
  for (const kind of ['year', 'quarter', 'month'] as const) {
    const p = periodContaining(kind, from);
    if (p.from === from && p.to === to) return p;
  }
  return null;
}
