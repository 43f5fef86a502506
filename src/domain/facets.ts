/** Distinct values of a task field with their counts (the filter bar's issuer and assignee pickers). Pure. */
import type { StoredTask } from '../api/schemas';
import { compareVi } from './text';

export function countValues(
  tasks: Iterable<Pick<StoredTask, 'issuer' | 'assignee'>>,
  field: 'issuer' | 'assignee',
  limit: number,
): Array<{ value: string; count: number }> {
  const counts = new Map<string, number>();
  for (const t of tasks) {
    const value = t[field].trim();
    if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || compareVi(a.value, b.value))
    .slice(0, limit);
}
