/** Sorting and ranking the comparison's rows (pure). */
import type { CompareItem } from '../../../api/compare-schemas';
import { compareVi } from '../../../domain/text';

export const COMPARE_METRICS = ['total', 'completionRate', 'onTimeRate', 'overdue', 'flagshipProgress'] as const;
export type CompareMetric = (typeof COMPARE_METRICS)[number];
export const COMPARE_SORT_KEYS = ['name', ...COMPARE_METRICS] as const;
export type CompareSortKey = (typeof COMPARE_SORT_KEYS)[number];
export const COMPARE_SORTS = [
  'name',
  '-name',
  'total',
  '-total',
  'completionRate',
  '-completionRate',
  'onTimeRate',
  '-onTimeRate',
  'overdue',
  '-overdue',
  'flagshipProgress',
  '-flagshipProgress',
] as const satisfies ReadonlyArray<CompareSortKey | `-${CompareSortKey}`>;
export type CompareSort = (typeof COMPARE_SORTS)[number];
export const DEFAULT_COMPARE_SORT: CompareSort = '-total';

/** The spanning bucket ("several units / above") of the API. */
export const SPANNING = '*';

export function parseCompareSort(sort: CompareSort): { key: CompareSortKey; desc: boolean } {
  const desc = sort.startsWith('-');
  return { key: (desc ? sort.slice(1) : sort) as CompareSortKey, desc };
}

export function metricValue(item: CompareItem, metric: CompareMetric): number | null {
  switch (metric) {
    case 'total':
      return item.total;
    case 'completionRate':
      return item.completionRate;
    case 'onTimeRate':
      return item.onTimeRate;
    case 'overdue':
      return item.overdue;
    case 'flagshipProgress':
      return item.flagship.averageProgress;
  }
}

/**
 * Rows in the order asked for; units without a value (a rate with nothing to count) after those with one, whatever
 * the direction; the spanning bucket always last; ties by name.
 */
export function sortCompareItems(items: readonly CompareItem[], sort: CompareSort): CompareItem[] {
  const { key, desc } = parseCompareSort(sort);
  const dir = desc ? -1 : 1;
  return [...items].sort((a, b) => {
    if (a.code === SPANNING || b.code === SPANNING) return a.code === SPANNING ? (b.code === SPANNING ? 0 : 1) : -1;
    if (key === 'name') return dir * compareVi(a.name, b.name);
    const x = metricValue(a, key);
    const y = metricValue(b, key);
    if (x === null || y === null) return x === null ? (y === null ? compareVi(a.name, b.name) : 1) : -1;
    return dir * (x - y) || compareVi(a.name, b.name);
  });
}

/** The metric the ranked chart shows for a sort: the sorted column, or the number of tasks when sorted by name. */
export function chartMetric(sort: CompareSort): CompareMetric {
  const { key } = parseCompareSort(sort);
  return key === 'name' ? 'total' : key;
}

/** Units ranked by a metric, highest first, without the spanning bucket or units lacking a value. */
export function rankBy(items: readonly CompareItem[], metric: CompareMetric, limit: number): CompareItem[] {
  return sortCompareItems(
    items.filter((i) => i.code !== SPANNING && metricValue(i, metric) !== null),
    `-${metric}`,
  ).slice(0, limit);
}
