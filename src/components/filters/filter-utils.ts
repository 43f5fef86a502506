/** Pure helpers over the filter value (no React). */
import type { Era, TaskFilters } from '../../api/schemas';

export const LIST_FILTERS = ['status', 'timeliness', 'locality', 'category', 'issuer', 'assignee'] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];

/** The era the locality codes are read in: today's units unless the filters say otherwise. */
export function eraOf(filters: TaskFilters): Era {
  return filters.era ?? 'post2025';
}

/** Adds the value when absent, removes it when present; an emptied list becomes undefined. */
export function toggleValue<K extends ListFilter>(
  filters: TaskFilters,
  key: K,
  value: NonNullable<TaskFilters[K]>[number],
): TaskFilters {
  const current = (filters[key] ?? []) as string[];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...filters, [key]: next.length ? next : undefined };
}

/** Sets one list filter to exactly these values (undefined when empty). */
export function setList<K extends ListFilter>(filters: TaskFilters, key: K, values: readonly string[]): TaskFilters {
  return { ...filters, [key]: values.length ? [...values] : undefined };
}

/** Removes one value of a list filter. */
export function removeValue(filters: TaskFilters, key: ListFilter, value: string): TaskFilters {
  const next = ((filters[key] ?? []) as string[]).filter((v) => v !== value);
  return { ...filters, [key]: next.length ? next : undefined };
}

/** Number of active filter values (what the collapsed bar's badge shows); the era is a view, not a filter. */
export function countActive(filters: TaskFilters): number {
  let n = 0;
  for (const key of LIST_FILTERS) n += filters[key]?.length ?? 0;
  if (filters.q?.trim()) n += 1;
  if (filters.flagship !== undefined) n += 1;
  if (filters.deadlineFrom || filters.deadlineTo) n += 1;
  return n;
}

/** The same view with no filter: only the era is kept. */
export function clearFilters(filters: TaskFilters): TaskFilters {
  return filters.era ? { era: filters.era } : {};
}
