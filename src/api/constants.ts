/**
 * The contract's enumerations and plain value checks, without zod: the first screen's code (the filter bar, the
 * URL's search params, the overview's shaping) imports them from here, so zod and the schemas (src/api/schemas.ts,
 * which builds its enums from these lists) stay off the first path and load with the first API answer.
 */

export const TASK_STATUSES = ['not_started', 'in_progress', 'paused', 'done', 'cancelled'] as const;

/** Derived, never stored: computed from status, deadline, completion date and the date of evaluation. */
export const TIMELINESS = [
  'done_on_time',
  'done_late',
  'overdue',
  'due_soon',
  'on_track',
  'no_deadline',
  'cancelled',
] as const;

export const CATEGORIES = [
  'party_building',
  'economy',
  'infrastructure',
  'agriculture',
  'culture_tourism',
  'social_affairs',
  'citizen_affairs',
  'environment',
  'administration',
  'security',
] as const;

export const ERAS = ['pre2025', 'post2025'] as const;

export const TASK_SORTS = [
  'deadline',
  '-deadline',
  'title',
  '-title',
  'updatedAt',
  '-updatedAt',
  'createdAt',
  '-createdAt',
  'progress',
  '-progress',
  'overdueDays',
  '-overdueDays',
  'assignee',
  '-assignee',
  'category',
  '-category',
  'timeliness',
  '-timeliness',
  'locality',
  '-locality',
] as const;

export const LOCALITY_LEVELS = ['province', 'district', 'commune'] as const;

/** An administrative unit's code: 2 digits (province), 3 (district, before the reform) or 5 (commune). */
export const LOCALITY_CODE_PATTERN = /^\d{2}(\d|\d{3})?$/;

export const isLocalityCode = (v: unknown): v is string => typeof v === 'string' && LOCALITY_CODE_PATTERN.test(v);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date written `YYYY-MM-DD` that is a real day (years 0000–9999, the Gregorian calendar), as zod's `iso.date()`. */
export function isIsoDate(v: unknown): v is string {
  const m = typeof v === 'string' ? ISO_DATE.exec(v) : null;
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= days;
}

/** Whether `v` is one of `values` (an enum's check). */
export const isOneOf = <const T extends string>(values: readonly T[], v: unknown): v is T =>
  typeof v === 'string' && (values as readonly string[]).includes(v);

/** A task version as an entity tag (`ETag`, `If-Match`). */
export const versionTag = (version: number) => `"${version}"`;
