/**
 * The filters in the URL: one reader for the search params of every screen that shows the filter bar
 * (`/`, `/tasks`, `/compare`, later `/present` and `/articles`), and the serialisation of those params.
 *
 * - Names are the API's (`q, status, timeliness, locality, era, category, issuer, assignee, flagship, deadlineFrom,
 *   deadlineTo`); lists repeat the parameter (`status=overdue&status=due_soon`), exactly as `GET /tasks` takes them,
 *   so a link reads like the query it stands for.
 * - Validation never fails a page: each malformed value is dropped on its own (`status=done&status=bogus` keeps
 *   `done`), and `inspectSearch` names what was dropped so the screen can tell the user.
 */
import { defaultParseSearch, defaultStringifySearch } from '@tanstack/react-router';
import {
  CATEGORIES,
  ERAS,
  isIsoDate,
  isLocalityCode,
  isOneOf,
  TASK_SORTS,
  TASK_STATUSES,
  TIMELINESS,
} from '../api/constants';
import type { Category, Era, TaskFilters, TaskSort, TaskStatus, Timeliness } from '../api/schemas';
import type { DroppedParam } from '../components/filters/filter-types';
import { COMPARE_SORTS, type CompareSort } from '../features/compare/utils/compare-sort';

/** A value as the router's parser may hand it over: numbers and booleans are read back as the text they were. */
const asText = (v: unknown): unknown => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : v);

/** Any parsed value as display text for the notice; never throws (a link can hold any JSON value). */
function shownText(v: unknown): string {
  const text = asText(v);
  if (typeof text === 'string') return text;
  try {
    return JSON.stringify(text) ?? '';
  } catch {
    return '?';
  }
}
const asList = (v: unknown): unknown[] => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]);

/**
 * One value's check: its reading when valid, else undefined. Own small functions rather than zod, so the first
 * screen does not load zod for its URL (zod and the schemas load with the first API answer, src/api/client.ts).
 */
export type ReadValue<T> = (v: unknown) => T | undefined;

interface FieldSpec<T = unknown> {
  list: boolean;
  item: ReadValue<T>;
}
const list = <T>(item: ReadValue<T>) => ({ list: true, item }) as const satisfies FieldSpec<T>;
const one = <T>(item: ReadValue<T>) => ({ list: false, item }) as const satisfies FieldSpec<T>;

/** Text of 1 to 200 characters once trimmed. */
const text200: ReadValue<string> = (v) => {
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t.length >= 1 && t.length <= 200 ? t : undefined;
};
const oneOf =
  <const T extends string>(values: readonly T[]): ReadValue<T> =>
  (v) =>
    isOneOf(values, v) ? v : undefined;
const isoDate: ReadValue<string> = (v) => (isIsoDate(v) ? v : undefined);
const localityCode: ReadValue<string> = (v) => (isLocalityCode(v) ? v : undefined);
const trueOrFalse: ReadValue<boolean> = (v) => (v === 'true' ? true : v === 'false' ? false : undefined);

/** A whole number in min..max, read as `Number(v)` reads it (`' 5 '`, `'5.0'`, `'1e3'`), like zod's coercion. */
export const wholeNumber =
  (min: number, max: number): ReadValue<number> =>
  (v) => {
    let n: number;
    try {
      n = Number(v);
    } catch {
      return undefined; // an object whose valueOf/toString is no function
    }
    return Number.isSafeInteger(n) && n >= min && n <= max ? n : undefined;
  };

/** What each filter parameter accepts, value by value. */
export const FILTER_FIELDS = {
  q: one(text200),
  status: list<TaskStatus>(oneOf(TASK_STATUSES)),
  timeliness: list<Timeliness>(oneOf(TIMELINESS)),
  locality: list(localityCode),
  era: one<Era>(oneOf(ERAS)),
  category: list<Category>(oneOf(CATEGORIES)),
  issuer: list(text200),
  assignee: list(text200),
  flagship: one(trueOrFalse),
  deadlineFrom: one(isoDate),
  deadlineTo: one(isoDate),
} as const;
export type FilterKey = keyof typeof FILTER_FIELDS;
export const FILTER_KEYS = Object.keys(FILTER_FIELDS) as FilterKey[];

/** A list parameter: keeps the valid values (once each), drops the others; absent when none is left. */
function listParam<T>(item: ReadValue<T>): ReadValue<T[]> {
  return (v) => {
    const kept: T[] = [];
    for (const raw of asList(v)) {
      const r = item(asText(raw));
      if (r !== undefined && !kept.includes(r)) kept.push(r);
    }
    return kept.length ? kept : undefined;
  };
}
/** A single-valued parameter: the value when valid (the first one if repeated), else absent. */
function oneParam<T>(item: ReadValue<T>): ReadValue<T> {
  return (v) => {
    const first = asList(v)[0];
    return first === undefined ? undefined : item(asText(first));
  };
}
type Params<T extends Record<string, FieldSpec>> = {
  [K in keyof T]?: T[K] extends FieldSpec<infer V> ? (T[K]['list'] extends true ? V[] : V) | undefined : never;
};

/**
 * Reads `shape`'s keys of a parsed query, each with its own reader: a malformed value reads as undefined, never
 * failing the page. As a zod object of optional fields did: a key of the query that is read as nothing is there as
 * undefined, a key not in the query is not, and keys that are not in `shape` are left out.
 */
export function readFields<T extends Record<string, ReadValue<unknown>>>(shape: T) {
  const readers = Object.entries(shape);
  return (raw: object): { [K in keyof T]?: ReturnType<T[K]> } => {
    const input = raw as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, read] of readers) {
      if (!(key in input)) continue;
      const value = input[key];
      out[key] = value === undefined ? undefined : read(value);
    }
    return out as { [K in keyof T]?: ReturnType<T[K]> };
  };
}

/** Reads the params of `fields` from a parsed query (see readFields). */
function paramsReader<T extends Record<string, FieldSpec>>(fields: T): (raw: object) => Params<T> {
  const shape = Object.fromEntries(
    Object.entries(fields).map(([key, spec]) => [key, spec.list ? listParam(spec.item) : oneParam(spec.item)]),
  );
  return readFields(shape) as (raw: object) => Params<T>;
}

/** A deadline range that ends before it starts keeps its start only. */
function orderedRange<T extends { deadlineFrom?: string; deadlineTo?: string }>(s: T): T {
  return s.deadlineFrom && s.deadlineTo && s.deadlineTo < s.deadlineFrom ? { ...s, deadlineTo: undefined } : s;
}

/** A search schema: `parse` never throws (the shape TanStack Router takes as `validateSearch`). */
export interface SearchReader<T> {
  parse(raw: object): T;
}
function searchReader<T extends Record<string, FieldSpec>>(fields: T): SearchReader<Params<T>> {
  const read = paramsReader(fields);
  return { parse: (raw) => orderedRange(read(raw)) };
}

/** The filter params of a screen (`validateSearch` of `/`, `/compare`, and the base of `/tasks`). */
export const FilterSearch = searchReader(FILTER_FIELDS);
export type FilterSearch = Params<typeof FILTER_FIELDS>;

/** `/tasks`: the filters and the table's sort order. */
export const TASK_SORT_FIELD = one<TaskSort>(oneOf(TASK_SORTS));
export const TasksSearch = searchReader({ ...FILTER_FIELDS, sort: TASK_SORT_FIELD });
export type TasksSearch = FilterSearch & { sort?: TaskSort | undefined };

/** `/compare`: the filters and the comparison's sort order (which also picks the ranked chart's metric). */
export const COMPARE_SORT_FIELD = one<CompareSort>(oneOf(COMPARE_SORTS));
export const CompareSearch = searchReader({ ...FILTER_FIELDS, sort: COMPARE_SORT_FIELD });
export type CompareSearch = FilterSearch & { sort?: CompareSort | undefined };

/** `/articles`: the filters (articles with a matching task) and the page. */
export const PAGE_FIELD = one(wholeNumber(1, 10_000));
export const ArticlesSearch = searchReader({ ...FILTER_FIELDS, page: PAGE_FIELD });
export type ArticlesSearch = FilterSearch & { page?: number | undefined };

/** Extra, screen-specific params, described like the filters so `inspectSearch` can report them too. */
export type ExtraFields = Record<string, FieldSpec>;

/**
 * What validation drops from a parsed query: every malformed value, named by its parameter (for the notice).
 * Unknown parameters are left alone (other screens may own them).
 */
export function inspectSearch(raw: Record<string, unknown>, extra: ExtraFields = {}): DroppedParam[] {
  const fields: Record<string, FieldSpec> = { ...FILTER_FIELDS, ...extra };
  const dropped: DroppedParam[] = [];
  for (const [key, spec] of Object.entries(fields)) {
    const values = asList(raw[key]);
    const candidates = spec.list ? values : values.slice(0, 1);
    for (const value of candidates) {
      if (spec.item(asText(value)) === undefined) {
        dropped.push({ key, value: shownText(value), reason: 'malformed' });
      }
    }
    if (!spec.list && values.length > 1) {
      for (const value of values.slice(1)) dropped.push({ key, value: shownText(value), reason: 'repeated' });
    }
  }
  const from = FILTER_FIELDS.deadlineFrom.item(asText(asList(raw.deadlineFrom)[0]));
  const to = FILTER_FIELDS.deadlineTo.item(asText(asList(raw.deadlineTo)[0]));
  if (from !== undefined && to !== undefined && to < from) {
    dropped.push({ key: 'deadlineTo', value: to, reason: 'range' });
  }
  return dropped;
}

// ---------------------------------------------------------------------------------------------------------------
// Telling the user. The router validates an address before any screen renders, and replaces a malformed one with
// its cleaned form at once; so what validation drops is noted here, when it happens, and the screen takes the note
// when it mounts (or while it is shown).

const sameDrop = (a: DroppedParam, b: DroppedParam) => a.key === b.key && a.value === b.value && a.reason === b.reason;

/** Adds the drops not already listed. */
export function mergeDropped(prev: readonly DroppedParam[], next: readonly DroppedParam[]): DroppedParam[] {
  return [...prev, ...next.filter((d) => !prev.some((p) => sameDrop(p, d)))];
}

let pendingDrops: DroppedParam[] = [];
const dropListeners = new Set<(dropped: DroppedParam[]) => void>();

function noteDropped(dropped: DroppedParam[]) {
  if (dropped.length === 0) return;
  if (dropListeners.size > 0) for (const listener of dropListeners) listener(dropped);
  else pendingDrops = mergeDropped(pendingDrops, dropped);
}

/**
 * Calls `listener` with what validation drops from now on, after handing it what was dropped before (e.g. from the
 * link that opened the app). Returns the unsubscribe function.
 */
export function subscribeDropped(listener: (dropped: DroppedParam[]) => void): () => void {
  const pending = pendingDrops;
  pendingDrops = [];
  if (pending.length) listener(pending);
  dropListeners.add(listener);
  return () => dropListeners.delete(listener);
}

/** A `validateSearch` that parses with `schema` and notes what it drops (see subscribeDropped). */
function noting<T>(schema: SearchReader<T>, extra: ExtraFields = {}) {
  return (raw: Record<string, unknown>): T => {
    noteDropped(inspectSearch(raw, extra));
    return schema.parse(raw);
  };
}

export const validateFilterSearch = noting(FilterSearch);
export const validateTasksSearch = noting(TasksSearch, { sort: TASK_SORT_FIELD });
export const validateCompareSearch = noting(CompareSearch, { sort: COMPARE_SORT_FIELD });
export const validateArticlesSearch = noting(ArticlesSearch, { page: PAGE_FIELD });

/** The filters a screen passes to the filter bar and the API, from its validated search. */
export function searchToFilters(search: Partial<FilterSearch>): TaskFilters {
  const out: TaskFilters = {};
  for (const key of FILTER_KEYS) {
    const value = search[key];
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

/**
 * The filter params for these filters, in canonical form: empty lists and strings left out, and `era` only when
 * it is not the default (today's units). Every filter key is present (undefined removes it from the URL).
 */
export function filtersToSearch(filters: TaskFilters): FilterSearch {
  const clean = <T>(v: readonly T[] | undefined) => (v && v.length > 0 ? [...v] : undefined);
  return {
    q: filters.q?.trim() ? filters.q.trim() : undefined,
    status: clean(filters.status),
    timeliness: clean(filters.timeliness),
    locality: clean(filters.locality),
    era: filters.era === 'pre2025' ? 'pre2025' : undefined,
    category: clean(filters.category),
    issuer: clean(filters.issuer),
    assignee: clean(filters.assignee),
    flagship: filters.flagship,
    deadlineFrom: filters.deadlineFrom || undefined,
    deadlineTo: filters.deadlineTo || undefined,
  };
}

/** The filter params of the current address, and nothing else: a link to another filtered screen keeps the view. */
export function carryFilters(prev: object): FilterSearch {
  return filtersToSearch(searchToFilters(FilterSearch.parse(prev)));
}

// ---------------------------------------------------------------------------------------------------------------
// Serialisation. The filter keys (and `sort`) are plain text, a list as a repeated parameter; every other key keeps
// TanStack Router's default JSON encoding, so routes that do not show filters are unaffected.

const PLAIN_KEYS: ReadonlySet<string> = new Set<string>([...FILTER_KEYS, 'sort']);

/** `parseSearch` for the router: plain text for the filter keys, the default JSON reading for the rest. */
export function parseSearch(searchStr: string): Record<string, unknown> {
  const params = new URLSearchParams(searchStr.startsWith('?') ? searchStr.slice(1) : searchStr);
  const plain: Record<string, string | string[]> = {};
  const rest = new URLSearchParams();
  for (const [key, value] of params) {
    if (!PLAIN_KEYS.has(key)) {
      rest.append(key, value);
      continue;
    }
    const previous = plain[key];
    plain[key] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return { ...defaultParseSearch(rest.toString()), ...plain };
}

/** `stringifySearch` for the router: the inverse of `parseSearch`. */
export function stringifySearch(search: Record<string, unknown>): string {
  const plain = new URLSearchParams();
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(search)) {
    if (value === undefined) continue;
    if (!PLAIN_KEYS.has(key)) {
      rest[key] = value;
      continue;
    }
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v !== undefined && v !== null && v !== '') plain.append(key, String(v));
    }
  }
  const restStr = defaultStringifySearch(rest).replace(/^\?/, '');
  const all = [plain.toString(), restStr].filter(Boolean).join('&');
  return all ? `?${all}` : '';
}
