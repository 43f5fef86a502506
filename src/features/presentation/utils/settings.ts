/**
 * The show's settings as they live in the URL of /present, next to the shared filters. A wall screen's bookmark
 * must always open a show: every value is parsed on its own and a malformed one falls back to its default.
 */
import { isOneOf } from '../../../api/constants';
import { type ReadValue, readFields, wholeNumber } from '../../../app/search';

export const SLIDE_KINDS = ['kpi', 'donut', 'ranking', 'overdue', 'flagship', 'localities'] as const;
export type SlideKind = (typeof SLIDE_KINDS)[number];

export const THEMES = ['dark', 'light'] as const;
export type PresentationTheme = (typeof THEMES)[number];

/** What the locality ranking ranks by. */
export const RANKINGS = ['completion', 'overdue'] as const;
export type Ranking = (typeof RANKINGS)[number];

/** Seconds each slide stays on screen. */
export const DURATION = { min: 5, max: 600, default: 20 } as const;
/** Seconds between data refreshes. */
export const REFRESH = { min: 10, max: 3600, default: 60 } as const;

const boundedSeconds = (bounds: { min: number; max: number }) => wholeNumber(bounds.min, bounds.max);

/** `true`/`false` as the router parses them, or as strings when a link was written by hand. */
const flag: ReadValue<boolean> = (v) =>
  typeof v === 'boolean' ? v : v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : undefined;

const oneOf =
  <const T extends string>(values: readonly T[]): ReadValue<T> =>
  (v) =>
    isOneOf(values, v) ? v : undefined;

/**
 * Search params of /present besides the shared filters (spread into the route's search). `slides` is a readable
 * comma-separated list (`kpi,donut,overdue`); a repeated parameter is accepted too.
 */
export const presentationSearchShape = {
  slides: ((v) => {
    // Only strings are joined: a hostile link can hold any JSON value (an object whose toString is no function).
    const text = Array.isArray(v) ? (v.every((x) => typeof x === 'string') ? v.join(',') : undefined) : v;
    return typeof text === 'string' && text.length <= 300 ? text : undefined;
  }) satisfies ReadValue<string>,
  duration: boundedSeconds(DURATION),
  refresh: boundedSeconds(REFRESH),
  theme: oneOf(THEMES),
  rank: oneOf(RANKINGS),
  paused: flag,
};
/** Reads the show's settings from a parsed query; each malformed value reads as undefined (its default). */
export const PresentationSearch = { parse: readFields(presentationSearchShape) };
export type PresentationSearch = ReturnType<typeof PresentationSearch.parse>;

export interface PresentationSettings {
  /** Kinds of slides to show, in order; never empty. */
  slides: SlideKind[];
  duration: number;
  refresh: number;
  theme: PresentationTheme;
  rank: Ranking;
  paused: boolean;
}

export const DEFAULT_SETTINGS: PresentationSettings = {
  slides: [...SLIDE_KINDS],
  duration: DURATION.default,
  refresh: REFRESH.default,
  theme: 'dark',
  rank: 'completion',
  paused: false,
};

const isKind = (v: string): v is SlideKind => (SLIDE_KINDS as readonly string[]).includes(v);

/** `kpi,donut` → ['kpi','donut']: unknown names and repeats dropped; nothing left → every kind. */
export function parseSlides(raw: string | undefined): SlideKind[] {
  if (!raw) return [...DEFAULT_SETTINGS.slides];
  const kinds: SlideKind[] = [];
  for (const part of raw.split(/[\s,;.|]+/)) {
    const name = part.trim().toLowerCase();
    if (isKind(name) && !kinds.includes(name)) kinds.push(name);
  }
  return kinds.length > 0 ? kinds : [...DEFAULT_SETTINGS.slides];
}

/** The inverse of parseSlides; undefined for the default list (kept out of the URL). */
export function formatSlides(kinds: readonly SlideKind[]): string | undefined {
  const same = kinds.length === SLIDE_KINDS.length && kinds.every((k, i) => k === SLIDE_KINDS[i]);
  return same || kinds.length === 0 ? undefined : kinds.join(',');
}

export function resolveSettings(search: Partial<PresentationSearch>): PresentationSettings {
  return {
    slides: parseSlides(search.slides),
    duration: search.duration ?? DEFAULT_SETTINGS.duration,
    refresh: search.refresh ?? DEFAULT_SETTINGS.refresh,
    theme: search.theme ?? DEFAULT_SETTINGS.theme,
    rank: search.rank ?? DEFAULT_SETTINGS.rank,
    paused: search.paused ?? DEFAULT_SETTINGS.paused,
  };
}

/** Settings → search params, defaults left out so a bookmark stays short. */
export function settingsToSearch(settings: PresentationSettings): PresentationSearch {
  const d = DEFAULT_SETTINGS;
  return {
    slides: formatSlides(settings.slides),
    duration: settings.duration === d.duration ? undefined : settings.duration,
    refresh: settings.refresh === d.refresh ? undefined : settings.refresh,
    theme: settings.theme === d.theme ? undefined : settings.theme,
    rank: settings.rank === d.rank ? undefined : settings.rank,
    paused: settings.paused ? true : undefined,
  };
}

export function clampSeconds(value: number, bounds: { min: number; max: number }): number {
  if (!Number.isFinite(value)) return bounds.min;
  return Math.min(bounds.max, Math.max(bounds.min, Math.round(value)));
}

/** Includes a kind (appended at the end) or excludes it; the last included kind cannot be excluded. */
export function toggleSlide(kinds: readonly SlideKind[], kind: SlideKind, include: boolean): SlideKind[] {
  if (include) return kinds.includes(kind) ? [...kinds] : [...kinds, kind];
  const rest = kinds.filter((k) => k !== kind);
  return rest.length > 0 ? rest : [...kinds];
}

/** Moves an included kind one place up (-1) or down (+1); out of range or excluded: unchanged. */
export function moveSlide(kinds: readonly SlideKind[], kind: SlideKind, delta: -1 | 1): SlideKind[] {
  const from = kinds.indexOf(kind);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= kinds.length) return [...kinds];
  const out = [...kinds];
  [out[from], out[to]] = [out[to]!, out[from]!];
  return out;
}

/** The panel's list: included kinds in show order, then the excluded ones in the default order. */
export function pickerItems(kinds: readonly SlideKind[]): Array<{ kind: SlideKind; included: boolean }> {
  return [
    ...kinds.map((kind) => ({ kind, included: true })),
    ...SLIDE_KINDS.filter((k) => !kinds.includes(k)).map((kind) => ({ kind, included: false })),
  ];
}
