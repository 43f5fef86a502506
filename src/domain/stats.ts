/**
 * The aggregations behind `GET /stats`: counts by timeliness, status, locality (children of the filtered unit,
 * or provinces), category, a monthly assigned-vs-completed series and the most overdue tasks. Pure.
 */
import {
  CATEGORIES,
  type Category,
  type Era,
  type Locality,
  type LocalityBucket,
  TASK_STATUSES,
  type TaskStatus,
  TIMELINESS,
  type Timeliness,
  type TimelinessCounts,
} from '../api/schemas';
import { datePart, monthOf, monthRange } from './dates';
import type { LocalityIndex } from './localities';
import { type EvaluatedTask, rowLocalities } from './task-query';

/** Bucket code for tasks that span several child units or are filed above them. */
export const SPANNING_BUCKET = '*';
/** The monthly series never covers more than this many months (the most recent ones). */
export const MAX_MONTHS = 120;
export const MOST_OVERDUE_LIMIT = 10;

export function emptyTimelinessCounts(): TimelinessCounts {
  return Object.fromEntries(TIMELINESS.map((t) => [t, 0])) as Record<Timeliness, number>;
}

export function countByTimeliness(rows: readonly EvaluatedTask[]): TimelinessCounts {
  const counts = emptyTimelinessCounts();
  for (const r of rows) counts[r.timeliness] += 1;
  return counts;
}

export function countByStatus(rows: readonly EvaluatedTask[]): Record<TaskStatus, number> {
  const counts = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  for (const r of rows) counts[r.task.status] += 1;
  return counts;
}

export function countByCategory(
  rows: readonly EvaluatedTask[],
): Array<{ category: Category; total: number; byTimeliness: TimelinessCounts }> {
  const by = new Map<Category, { total: number; byTimeliness: TimelinessCounts }>();
  for (const r of rows) {
    let b = by.get(r.task.category);
    if (!b) {
      b = { total: 0, byTimeliness: emptyTimelinessCounts() };
      by.set(r.task.category, b);
    }
    b.total += 1;
    b.byTimeliness[r.timeliness] += 1;
  }
  return CATEGORIES.filter((c) => by.has(c))
    .map((category) => ({ category, ...(by.get(category) as { total: number; byTimeliness: TimelinessCounts }) }))
    .sort((a, b) => b.total - a.total);
}

/** Assigned (by creation month) and completed (by completion month), every month from the first to the last. */
export function monthlySeries(
  rows: readonly EvaluatedTask[],
): Array<{ month: string; assigned: number; completed: number }> {
  const assigned = new Map<string, number>();
  const completed = new Map<string, number>();
  let first: string | null = null;
  let last: string | null = null;
  const see = (m: string) => {
    if (first === null || m < first) first = m;
    if (last === null || m > last) last = m;
  };
  for (const { task } of rows) {
    const a = monthOf(datePart(task.createdAt));
    assigned.set(a, (assigned.get(a) ?? 0) + 1);
    see(a);
    if (task.status === 'done' && task.completedAt) {
      const c = monthOf(task.completedAt);
      completed.set(c, (completed.get(c) ?? 0) + 1);
      see(c);
    }
  }
  if (first === null || last === null) return [];
  const months = monthRange(first, last).slice(-MAX_MONTHS);
  return months.map((month) => ({ month, assigned: assigned.get(month) ?? 0, completed: completed.get(month) ?? 0 }));
}

/**
 * Counts per child unit of `parent` (or per province of `era` when parent is null). A task is counted under a
 * child when it lies within that child; a task filed above the children or across several goes to the "*" bucket.
 * A task with several localities counts once per distinct bucket.
 */
export function countByLocality(
  rows: readonly EvaluatedTask[],
  parent: Locality | null,
  era: Era,
  localities: LocalityIndex,
  spanningLabel: string,
): LocalityBucket[] {
  const children = parent ? localities.children(parent.code, parent.era) : localities.children(null, era);
  const testers = children.map((child) => ({ code: child.code, contains: localities.containmentTester(child) }));
  // A child can only contain a unit whose footprint it overlaps: index children by the communes they cover, so
  // each unit is tested against one or two candidates rather than every child.
  const candidatesOf = new Map<string, (typeof testers)[number][]>();
  children.forEach((child, i) => {
    const tester = testers[i] as (typeof testers)[number];
    for (const commune of localities.footprint(child)) {
      const list = candidatesOf.get(commune);
      if (list) list.push(tester);
      else candidatesOf.set(commune, [tester]);
    }
  });
  // Which child holds a unit: the only one containing it; several: the spanning bucket; none: outside the area.
  const bucketOfUnit = new Map<string, string | null>();
  const bucketOf = (unit: Locality): string | null => {
    const key = `${unit.era}:${unit.code}`;
    const known = bucketOfUnit.get(key);
    if (known !== undefined) return known;
    let bucket: string | null = null;
    const candidates = new Set<(typeof testers)[number]>();
    for (const commune of localities.footprint(unit))
      for (const c of candidatesOf.get(commune) ?? []) candidates.add(c);
    for (const child of candidates) {
      if (!child.contains(unit)) continue;
      if (bucket === null) bucket = child.code;
      else {
        bucket = SPANNING_BUCKET;
        break;
      }
    }
    // Filed above the children (e.g. the whole province) but inside the parent: spanning too.
    if (bucket === null && parent && localities.contains(parent, unit)) bucket = SPANNING_BUCKET;
    bucketOfUnit.set(key, bucket);
    return bucket;
  };

  const buckets = new Map<string, LocalityBucket>();
  const bucketFor = (code: string, name: string) => {
    let b = buckets.get(code);
    if (!b) {
      b = { code, name, total: 0, byTimeliness: emptyTimelinessCounts() };
      buckets.set(code, b);
    }
    return b;
  };
  const names = new Map(children.map((c) => [c.code, c.shortName]));
  for (const row of rows) {
    const seen = new Set<string>();
    for (const unit of rowLocalities(row, localities)) {
      const code = bucketOf(unit);
      if (code === null || seen.has(code)) continue;
      seen.add(code);
      const b = bucketFor(code, code === SPANNING_BUCKET ? spanningLabel : (names.get(code) ?? code));
      b.total += 1;
      b.byTimeliness[row.timeliness] += 1;
    }
  }
  return [...buckets.values()].sort((a, b) => {
    if (a.code === SPANNING_BUCKET) return 1;
    if (b.code === SPANNING_BUCKET) return -1;
    return b.total - a.total || a.name.localeCompare(b.name, 'vi');
  });
}

/** Open tasks furthest past their deadline (the earliest deadlines), most overdue first; ties by id. */
export function mostOverdue(rows: readonly EvaluatedTask[], limit = MOST_OVERDUE_LIMIT): EvaluatedTask[] {
  const key = (r: EvaluatedTask) => `${r.task.deadline?.date ?? ''} ${r.task.id}`;
  return rows
    .filter((r) => r.timeliness === 'overdue')
    .map((r) => ({ r, k: key(r) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
    .slice(0, limit)
    .map(({ r }) => r);
}
