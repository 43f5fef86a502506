/**
 * Side-by-side comparison of localities: the figures behind `GET /stats/compare`. The units compared are the
 * children of the filtered unit (or the provinces of the era when no single unit with children is filtered), every
 * one of them listed, also those without tasks. Pure; the caller supplies filtered, evaluated tasks.
 */
import type { Era, Locality } from '../api/schemas';
import type { LocalityIndex } from './localities';
import { type EvaluatedTask, taskLocalities } from './task-query';

/** Bucket code for tasks filed above the compared units or across several of them (as in /stats). */
export const SPANNING_CODE = '*';

export interface CompareFigures {
  code: string;
  name: string;
  /** Whether the unit has children to drill into (false for the spanning bucket). */
  hasChildren: boolean;
  total: number;
  done: number;
  cancelled: number;
  /** Done ÷ (all but cancelled); null when there is nothing to count. */
  completionRate: number | null;
  /** Tasks that have come due: done on time, done late, or open past their deadline. */
  due: number;
  doneOnTime: number;
  /** Done on time ÷ come due; null when none has come due. */
  onTimeRate: number | null;
  overdue: number;
  flagship: {
    /** Flagship (key) tasks, cancelled ones excluded. */
    total: number;
    /** Their mean progress, 0–100; null when there are none. */
    averageProgress: number | null;
  };
}

export interface Accumulator {
  total: number;
  done: number;
  cancelled: number;
  due: number;
  doneOnTime: number;
  overdue: number;
  flagshipTotal: number;
  flagshipProgress: number;
}

const empty = (): Accumulator => ({
  total: 0,
  done: 0,
  cancelled: 0,
  due: 0,
  doneOnTime: 0,
  overdue: 0,
  flagshipTotal: 0,
  flagshipProgress: 0,
});

function add(acc: Accumulator, row: EvaluatedTask) {
  acc.total += 1;
  const tl = row.timeliness;
  if (row.task.status === 'done') acc.done += 1;
  if (tl === 'cancelled') {
    acc.cancelled += 1;
    return;
  }
  if (tl === 'done_on_time' || tl === 'done_late' || tl === 'overdue') {
    // A task done without a deadline never came due: it counts towards completion only.
    if (!(tl === 'done_on_time' && row.task.deadline === null)) acc.due += 1;
  }
  if (tl === 'done_on_time' && row.task.deadline !== null) acc.doneOnTime += 1;
  if (tl === 'overdue') acc.overdue += 1;
  if (row.task.flagship) {
    acc.flagshipTotal += 1;
    acc.flagshipProgress += row.task.progress;
  }
}

export function figures(code: string, name: string, hasChildren: boolean, acc: Accumulator): CompareFigures {
  const counted = acc.total - acc.cancelled;
  return {
    code,
    name,
    hasChildren,
    total: acc.total,
    done: acc.done,
    cancelled: acc.cancelled,
    completionRate: counted > 0 ? acc.done / counted : null,
    due: acc.due,
    doneOnTime: acc.doneOnTime,
    onTimeRate: acc.due > 0 ? acc.doneOnTime / acc.due : null,
    overdue: acc.overdue,
    flagship: {
      total: acc.flagshipTotal,
      averageProgress: acc.flagshipTotal > 0 ? acc.flagshipProgress / acc.flagshipTotal : null,
    },
  };
}

/**
 * Figures per child unit of `parent` (per province of `era` when parent is null), in the tree's name order, every
 * child listed; then the spanning bucket when any task is filed above the children or across several of them.
 * A task with several localities counts once per distinct bucket; a task outside `parent` is not counted.
 */
export function compareLocalities(
  rows: readonly EvaluatedTask[],
  parent: Locality | null,
  era: Era,
  localities: LocalityIndex,
  spanningLabel: string,
): CompareFigures[] {
  const children = parent ? localities.children(parent.code, parent.era) : localities.children(null, era);
  const testers = children.map((child) => ({ code: child.code, contains: localities.containmentTester(child) }));
  const bucketByUnit = new Map<string, string | null>();
  const bucketOf = (unit: Locality): string | null => {
    const key = `${unit.era}:${unit.code}`;
    const known = bucketByUnit.get(key);
    if (known !== undefined) return known;
    let bucket: string | null = null;
    for (const child of testers) {
      if (!child.contains(unit)) continue;
      if (bucket === null) bucket = child.code;
      else {
        bucket = SPANNING_CODE;
        break;
      }
    }
    if (bucket === null && parent && localities.contains(parent, unit)) bucket = SPANNING_CODE;
    bucketByUnit.set(key, bucket);
    return bucket;
  };

  const accs = new Map<string, Accumulator>(children.map((c) => [c.code, empty()]));
  const spanning = empty();
  for (const row of rows) {
    const seen = new Set<string>();
    for (const unit of taskLocalities(row.task, localities)) {
      const code = bucketOf(unit);
      if (code === null || seen.has(code)) continue;
      seen.add(code);
      add(code === SPANNING_CODE ? spanning : (accs.get(code) as Accumulator), row);
    }
  }
  const out = children.map((c) => figures(c.code, c.shortName, c.hasChildren, accs.get(c.code) as Accumulator));
  if (spanning.total > 0) out.push(figures(SPANNING_CODE, spanningLabel, false, spanning));
  return out;
}
