/** The table's sortable columns and the API's `sort` values (TASK_SORTS), both ways. */
import type { TaskSort } from '../../../api/schemas';

export const SORTABLE_COLUMNS = [
  'title',
  'locality',
  'assignee',
  'category',
  'deadline',
  'timeliness',
  'progress',
  'updatedAt',
] as const;
export type SortableColumn = (typeof SORTABLE_COLUMNS)[number];

export const DEFAULT_SORT: TaskSort = 'deadline';

/** Columns whose first click sorts descending (the most progressed, the most recently updated first). */
export const DESC_FIRST: ReadonlySet<SortableColumn> = new Set(['progress', 'updatedAt']);

export function sortToState(sort: TaskSort): { id: SortableColumn; desc: boolean } {
  const desc = sort.startsWith('-');
  const id = (desc ? sort.slice(1) : sort) as SortableColumn;
  return { id: (SORTABLE_COLUMNS as readonly string[]).includes(id) ? id : 'deadline', desc };
}

export function stateToSort(state: { id: string; desc: boolean } | undefined): TaskSort {
  if (!state || !(SORTABLE_COLUMNS as readonly string[]).includes(state.id)) return DEFAULT_SORT;
  return `${state.desc ? '-' : ''}${state.id}` as TaskSort;
}
