// @vitest-environment node
/**
 * The URL's search params are read by small functions of our own (src/app/search.ts, the presentation's settings),
 * not zod, so the first screen loads no zod. They must read every link as the zod schemas they replaced did: the
 * former schemas are kept here as the reference, and compared on generated links (valid, malformed and hostile).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isIsoDate, isLocalityCode } from '../../src/api/constants';
import { Category, Era, IsoDate, LocalityCode, TaskSort, TaskStatus, Timeliness } from '../../src/api/schemas';
import { ArticlesSearch, CompareSearch, FilterSearch, TasksSearch } from '../../src/app/search';
import { COMPARE_SORTS } from '../../src/features/compare/utils/compare-sort';
import {
  DURATION,
  PresentationSearch,
  RANKINGS,
  REFRESH,
  THEMES,
} from '../../src/features/presentation/utils/settings';

// ---- The former zod reading (src/app/search.ts and settings.ts before they dropped zod).
const asText = (v: unknown): unknown => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : v);
const asList = (v: unknown): unknown[] => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]);
function listParam<T extends z.ZodType>(item: T) {
  return z
    .unknown()
    .transform((v): Array<z.output<T>> | undefined => {
      const kept: Array<z.output<T>> = [];
      for (const raw of asList(v)) {
        const r = item.safeParse(asText(raw));
        if (r.success && !kept.includes(r.data)) kept.push(r.data);
      }
      return kept.length ? kept : undefined;
    })
    .optional();
}
function oneParam<T extends z.ZodType>(item: T) {
  return z
    .unknown()
    .transform((v): z.output<T> | undefined => {
      const first = asList(v)[0];
      if (first === undefined) return undefined;
      const r = item.safeParse(asText(first));
      return r.success ? r.data : undefined;
    })
    .optional();
}
const text = z.string().trim().min(1).max(200);
const filterShape = {
  q: oneParam(text),
  status: listParam(TaskStatus),
  timeliness: listParam(Timeliness),
  locality: listParam(LocalityCode),
  era: oneParam(Era),
  category: listParam(Category),
  issuer: listParam(text),
  assignee: listParam(text),
  flagship: oneParam(z.enum(['true', 'false']).transform((v) => v === 'true')),
  deadlineFrom: oneParam(IsoDate),
  deadlineTo: oneParam(IsoDate),
};
function orderedRange<T extends { deadlineFrom?: string; deadlineTo?: string }>(s: T): T {
  return s.deadlineFrom && s.deadlineTo && s.deadlineTo < s.deadlineFrom ? { ...s, deadlineTo: undefined } : s;
}
const ZodFilterSearch = z.object(filterShape).transform(orderedRange);
const ZodTasksSearch = z.object({ ...filterShape, sort: oneParam(TaskSort) }).transform(orderedRange);
const ZodCompareSearch = z.object({ ...filterShape, sort: oneParam(z.enum(COMPARE_SORTS)) }).transform(orderedRange);
const ZodArticlesSearch = z
  .object({ ...filterShape, page: oneParam(z.coerce.number().int().min(1).max(10_000)) })
  .transform(orderedRange);
const boundedSeconds = (bounds: { min: number; max: number }) =>
  z.coerce.number().int().min(bounds.min).max(bounds.max).optional().catch(undefined);
const ZodPresentationSearch = z.object({
  slides: z
    .preprocess(
      (v) => (Array.isArray(v) ? (v.every((x) => typeof x === 'string') ? v.join(',') : undefined) : v),
      z.string().max(300),
    )
    .optional()
    .catch(undefined),
  duration: boundedSeconds(DURATION),
  refresh: boundedSeconds(REFRESH),
  theme: z.enum(THEMES).optional().catch(undefined),
  rank: z.enum(RANKINGS).optional().catch(undefined),
  paused: z
    .union([z.boolean(), z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')])
    .optional()
    .catch(undefined),
});

// ---- Generated values: what each parameter accepts, near misses, and anything a hand-written link can hold.
const meaningful = fc.constantFrom(
  'done',
  'overdue',
  'economy',
  'pre2025',
  'post2025',
  '83',
  '832',
  '28756',
  '8',
  '8321',
  'abc',
  '2024-02-29',
  '2023-02-29',
  '2025-06-31',
  '2025-12-01',
  '0000-02-29',
  '1900-02-29',
  '2000-02-29',
  ' 2025-01-01',
  'true',
  'false',
  '1',
  '0',
  '',
  '  ',
  ' x ',
  'x'.repeat(200),
  ` ${'y'.repeat(200)} `,
  'x'.repeat(201),
  'a'.repeat(301),
  '-deadline',
  '-total',
  'name',
  '7',
  '30',
  '7.0',
  ' 5 ',
  '1e3',
  '0x10',
  'Infinity',
  'kpi,donut',
  'dark',
  'light',
  'overdue',
  'completion',
  '20',
  '600',
  '601',
  '3600',
  '10000',
  '10001',
);
const scalar = fc.oneof(meaningful, fc.string(), fc.integer({ min: -5, max: 20_000 }), fc.double(), fc.boolean());
const value = fc.oneof(
  scalar,
  fc.array(scalar, { maxLength: 4 }),
  fc.constant(null),
  fc.constant(undefined),
  fc.constant({ toString: 0 }),
  fc.constant([{ toString: 0 }]),
  fc.constant({ valueOf: null }),
  fc.anything(),
);
const keys = [
  'q',
  'status',
  'timeliness',
  'locality',
  'era',
  'category',
  'issuer',
  'assignee',
  'flagship',
  'deadlineFrom',
  'deadlineTo',
  'sort',
  'page',
  'slides',
  'duration',
  'refresh',
  'theme',
  'rank',
  'paused',
  'other',
];
const query = fc.dictionary(fc.constantFrom(...keys), value);

describe('the search params read as the former zod schemas read them', () => {
  it('filters, /tasks, /compare, /articles and /present', () => {
    fc.assert(
      fc.property(query, (raw) => {
        expect(FilterSearch.parse(raw)).toStrictEqual(ZodFilterSearch.parse(raw));
        expect(TasksSearch.parse(raw)).toStrictEqual(ZodTasksSearch.parse(raw));
        expect(CompareSearch.parse(raw)).toStrictEqual(ZodCompareSearch.parse(raw));
        expect(ArticlesSearch.parse(raw)).toStrictEqual(ZodArticlesSearch.parse(raw));
        expect(PresentationSearch.parse(raw)).toStrictEqual(ZodPresentationSearch.parse(raw));
      }),
      { numRuns: 2000 },
    );
  });

  it('dates and unit codes', () => {
    const dateLike = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.oneof(dateLike, fc.string(), meaningful), (s) => {
        expect(isIsoDate(s)).toBe(IsoDate.safeParse(s).success);
        expect(isLocalityCode(s)).toBe(LocalityCode.safeParse(s).success);
      }),
      { numRuns: 5000 },
    );
  });
});
