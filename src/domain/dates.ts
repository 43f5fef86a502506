/** Calendar-date helpers on ISO `YYYY-MM-DD` strings (no time zone drift: all arithmetic is in UTC days). */

const MS_PER_DAY = 86_400_000;
export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

let vnDateFormat: Intl.DateTimeFormat | null = null;
/**
 * Today's date in Vietnam, as YYYY-MM-DD. The server asks on every request (the date of evaluation, the ETag):
 * the formatter is made once, as making one costs a hundred times more than formatting a date with it.
 */
export function todayInVietnam(now: Date = new Date()): string {
  vnDateFormat ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: VN_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return vnDateFormat.format(now);
}

function toUtcDays(iso: string): number {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return toUtcDays(to) - toUtcDays(from);
}

/** Adds days to an ISO date. */
export function addDays(iso: string, days: number): string {
  const total = Math.floor(toUtcDays(iso) + days);
  // Years 0–9999 by arithmetic (a bulk generation of a million tasks adds days four million times; a Date and its
  // toISOString cost ten times more); anything else, an invalid date included (RangeError), as Date has it.
  if (total >= MIN_DAYS && total <= MAX_DAYS) return dateOfDays(total);
  return new Date(total * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Days since 1970-01-01 of 0000-01-01 and 9999-12-31. */
const MIN_DAYS = -719_528;
const MAX_DAYS = 2_932_896;

/** YYYY-MM-DD of a day number (days since 1970-01-01): H. Hinnant's civil_from_days, for years 0–9999. */
function dateOfDays(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** The calendar date part of an ISO date or date-time. */
export function datePart(isoDateOrDateTime: string): string {
  return isoDateOrDateTime.slice(0, 10);
}

/** YYYY-MM of an ISO date or date-time. */
export function monthOf(iso: string): string {
  return iso.slice(0, 7);
}

/** Every month from `first` to `last` inclusive (both YYYY-MM). */
export function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  let y = Number(first.slice(0, 4));
  let m = Number(first.slice(5, 7));
  const endY = Number(last.slice(0, 4));
  const endM = Number(last.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}
