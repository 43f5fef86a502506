/**
 * Filtering and sorting of tasks: the logic behind `GET /tasks` and `GET /stats`, shared by the mock API
 * and any server written in TypeScript. Pure; the caller supplies the date of evaluation.
 */
import type { Era, Locality, StoredTask, TaskFilters, TaskSort, Timeliness } from '../api/schemas';
import type { LocalityIndex } from './localities';
import { compareVi, fold, matchesQuery } from './text';
import { overdueDays, timelinessOf } from './timeliness';

/** A stored task with what search needs precomputed once. */
export interface IndexedTask {
  task: StoredTask;
  /** Folded title, description, quote, assignee, issuer and article title. */
  searchText: string;
  /** The task's localities, resolved once on first use (see taskLocalities). */
  units?: readonly Locality[];
}

export interface EvaluatedTask extends IndexedTask {
  timeliness: Timeliness;
}

export function indexTask(task: StoredTask, articleTitle = ''): IndexedTask {
  return {
    task,
    searchText: fold(
      [task.title, task.description, task.quote?.text ?? '', task.assignee, task.issuer, articleTitle].join(' \u0001 '),
    ),
  };
}

/** The localities a task is filed under, read in the era in force when it was assigned. */
export function taskLocalities(task: StoredTask, localities: LocalityIndex): Locality[] {
  const era = localities.taskEra(task.createdAt);
  const out: Locality[] = [];
  for (const code of task.localityCodes) {
    const unit = localities.get(code, era);
    if (unit) out.push(unit);
  }
  return out;
}

/** taskLocalities, cached on the indexed row (a row is rebuilt whenever its task changes). */
export function rowLocalities(row: IndexedTask, localities: LocalityIndex): readonly Locality[] {
  row.units ??= taskLocalities(row.task, localities);
  return row.units;
}

export class UnknownLocalityError extends Error {
  constructor(readonly code: string) {
    super(`Unknown administrative unit code: ${code}`);
  }
}

/** Resolves the filter's locality codes; throws UnknownLocalityError for a code that exists in neither era. */
export function resolveFilterLocalities(
  codes: readonly string[],
  era: Era | undefined,
  localities: LocalityIndex,
): Locality[] {
  return codes.map((code) => {
    const unit = localities.resolve(code, era) ?? (era ? localities.resolve(code) : undefined);
    if (!unit) throw new UnknownLocalityError(code);
    return unit;
  });
}

export interface QueryContext {
  today: string;
  localities: LocalityIndex;
}

/** Returns the tasks that match every filter, each with its timeliness at `ctx.today`. */
export function filterTasks(rows: readonly IndexedTask[], filters: TaskFilters, ctx: QueryContext): EvaluatedTask[] {
  const { today, localities } = ctx;
  const statuses = filters.status?.length ? new Set(filters.status) : null;
  const timeliness = filters.timeliness?.length ? new Set(filters.timeliness) : null;
  const categories = filters.category?.length ? new Set(filters.category) : null;
  const issuers = filters.issuer?.length ? new Set(filters.issuer.map(fold)) : null;
  const assignees = filters.assignee?.length ? new Set(filters.assignee.map(fold)) : null;
  const articleIds = filters.articleId?.length ? new Set(filters.articleId) : null;
  const query = filters.q?.trim() ? filters.q : null;
  const outerUnits = filters.locality?.length
    ? resolveFilterLocalities(filters.locality, filters.era, localities)
    : null;
  const testers = outerUnits?.map((u) => localities.containmentTester(u)) ?? null;

  const out: EvaluatedTask[] = [];
  for (const row of rows) {
    const t = row.task;
    if (statuses && !statuses.has(t.status)) continue;
    if (categories && !categories.has(t.category)) continue;
    if (filters.flagship !== undefined && t.flagship !== filters.flagship) continue;
    if (articleIds && (t.articleId === null || !articleIds.has(t.articleId))) continue;
    if (issuers && !issuers.has(fold(t.issuer))) continue;
    if (assignees && !assignees.has(fold(t.assignee))) continue;
    if (filters.deadlineFrom && (!t.deadline || t.deadline.date < filters.deadlineFrom)) continue;
    if (filters.deadlineTo && (!t.deadline || t.deadline.date > filters.deadlineTo)) continue;
    if (query && !matchesQuery(row.searchText, query)) continue;
    if (testers) {
      const units = rowLocalities(row, localities);
      if (!units.some((inner) => testers.some((contains) => contains(inner)))) continue;
    }
    const tl = timelinessOf(t, today);
    if (timeliness && !timeliness.has(tl)) continue;
    out.push({ ...row, timeliness: tl });
  }
  return out;
}

/** Order of timeliness from most to least urgent, used when sorting by it. */
export const TIMELINESS_URGENCY: Record<Timeliness, number> = {
  overdue: 0,
  due_soon: 1,
  on_track: 2,
  no_deadline: 3,
  done_late: 4,
  done_on_time: 5,
  cancelled: 6,
};

/** Code-unit order: right for ISO dates and enum keys, and far cheaper than localeCompare. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Sorts in place and returns the array. Ties break on id so paging is stable. */
export function sortTasks(rows: EvaluatedTask[], sort: TaskSort, ctx: QueryContext): EvaluatedTask[] {
  const desc = sort.startsWith('-');
  const key = (desc ? sort.slice(1) : sort) as TaskSort extends `-${infer K}` ? K : never;
  const dir = desc ? -1 : 1;
  // Decorate once, then sort on the keys: a comparator that re-derives keys costs too much at 100,000 rows.
  const collated = key === 'title' || key === 'assignee' || key === 'locality';
  const keyOf = (r: EvaluatedTask): string | number => {
    const t = r.task;
    switch (key) {
      case 'deadline':
        return t.deadline?.date ?? '';
      case 'title':
        return t.title;
      case 'assignee':
        return t.assignee;
      case 'locality':
        return rowLocalities(r, ctx.localities)[0]?.shortName ?? '';
      case 'category':
        return t.category;
      case 'updatedAt':
        return t.updatedAt;
      case 'createdAt':
        return t.createdAt;
      case 'progress':
        return t.progress;
      case 'timeliness':
        return TIMELINESS_URGENCY[r.timeliness];
      case 'overdueDays':
        return overdueDays(t, ctx.today);
      default:
        return 0;
    }
  };
  const decorated = rows.map((r) => ({ r, k: keyOf(r), id: r.task.id }));
  decorated.sort((a, b) => {
    // Tasks without a deadline sort last in both directions.
    if (key === 'deadline' && (a.k === '' || b.k === '')) {
      if (a.k !== b.k) return a.k === '' ? 1 : -1;
    } else if (a.k !== b.k) {
      const c = collated ? compareVi(String(a.k), String(b.k)) : a.k < b.k ? -1 : 1;
      if (c !== 0) return dir * c;
    }
    return cmp(a.id, b.id);
  });
  for (let i = 0; i < decorated.length; i += 1) rows[i] = (decorated[i] as (typeof decorated)[number]).r;
  return rows;
}

export function paginate<T>(rows: readonly T[], page: number, pageSize: number): T[] {
  const start = (page - 1) * pageSize;
  return rows.slice(start, start + pageSize);
}
