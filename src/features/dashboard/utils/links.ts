import type { TaskFilters, TaskSort } from '../../../api/schemas';

/** The search params of `/tasks` that show these filters (plus overrides) in the task table. */
export function tableSearch(filters: TaskFilters, extra: Partial<TaskFilters> & { sort?: TaskSort } = {}) {
  const next = { ...filters, ...extra };
  const list = <T>(v: readonly T[] | undefined) => (v && v.length > 0 ? [...v] : undefined);
  return {
    q: next.q?.trim() || undefined,
    status: list(next.status),
    timeliness: list(next.timeliness),
    locality: list(next.locality),
    era: next.era === 'pre2025' ? ('pre2025' as const) : undefined,
    category: list(next.category),
    issuer: list(next.issuer),
    assignee: list(next.assignee),
    flagship: next.flagship,
    deadlineFrom: next.deadlineFrom || undefined,
    deadlineTo: next.deadlineTo || undefined,
    sort: extra.sort,
  };
}
