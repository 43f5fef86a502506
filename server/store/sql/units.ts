/**
 * The cross-era locality rows of a task, computed in JavaScript from the locality index when the task is written,
 * so that the locality filter and the breakdowns of /stats and /stats/compare are plain indexed lookups in SQL.
 *
 * Units are numbered (`uid`): era × 10⁷ + level × 10⁶ + the numeric code; the root of an era (the parent of its
 * provinces) is era × 10⁷ + 9 × 10⁶. For each unit a task is filed under (its `inner` units, read in the era of
 * its assignment date, as taskLocalities does), the containers are every unit of either era that contains it by
 * LocalityIndex.contains (itself, its ancestors, and across the reform by footprint).
 *
 * - task_units (unit, task): one row per container: the filter `locality IN (…)` is `unit IN (uids)`.
 * - task_buckets (parent, bucket, task): the bucket the task falls in when the breakdown lists the children of
 *   `parent` (countByLocality / compareLocalities): a container C of an inner unit, under parent(C), is bucket C
 *   when C is the only child of parent(C) containing that inner unit, else "*" (bucket 0); and a container with
 *   children none of which contains the inner unit puts the task in "*" under that container (filed above its
 *   children). Rows are distinct per task, so a breakdown is `count(*) … WHERE parent = ? GROUP BY bucket`.
 */
import type { Era, Locality, LocalityLevel, StoredTask } from '../../../src/api/schemas';
import type { LocalityIndex } from '../../../src/domain/localities';
import { taskLocalities } from '../../../src/domain/task-query';

const ERA_NUM: Record<Era, number> = { pre2025: 0, post2025: 1 };
const LEVEL_NUM: Record<LocalityLevel, number> = { province: 0, district: 1, commune: 2 };
/** The bucket of tasks filed above the listed units or across several of them. */
export const SPANNING_UID = 0;

export const uidOf = (era: Era, level: LocalityLevel, code: string) =>
  ERA_NUM[era] * 10_000_000 + LEVEL_NUM[level] * 1_000_000 + Number(code);
export const unitUid = (u: Locality) => uidOf(u.era, u.level, u.code);
export const rootUid = (era: Era) => ERA_NUM[era] * 10_000_000 + 9_000_000;

export interface TaskUnitRows {
  /** Container uids (distinct). */
  units: number[];
  /** [parent, bucket] pairs (distinct). */
  buckets: Array<[number, number]>;
}

export interface UnitTables {
  /** The rows of a task (memoised per inner unit). */
  rowsOf(task: Pick<StoredTask, 'localityCodes' | 'createdAt'>): TaskUnitRows;
  /** The unit a uid stands for. */
  unit(uid: number): Locality | undefined;
}

const cache = new WeakMap<LocalityIndex, UnitTables>();

/** The unit tables of a locality index, built once (a walk of both trees and a commune → units map). */
export function unitTables(localities: LocalityIndex): UnitTables {
  const known = cache.get(localities);
  if (known) return known;

  const byUid = new Map<number, Locality>();
  /** Post-2025 commune → every unit (both eras) whose footprint covers it. */
  const coverers = new Map<string, Locality[]>();
  const walk = (parent: string | null, era: Era) => {
    for (const unit of localities.children(parent, era)) {
      byUid.set(unitUid(unit), unit);
      for (const commune of localities.footprint(unit)) {
        const list = coverers.get(commune);
        if (list) list.push(unit);
        else coverers.set(commune, [unit]);
      }
      if (unit.hasChildren) walk(unit.code, era);
    }
  };
  walk(null, 'pre2025');
  walk(null, 'post2025');

  const parentUid = (u: Locality) => (u.parentCode === null ? rootUid(u.era) : parentUidOf(u));
  const parentUidOf = (u: Locality) => {
    const p = localities.get(u.parentCode as string, u.era);
    return p ? unitUid(p) : rootUid(u.era);
  };

  interface InnerRows {
    units: number[];
    buckets: Array<[number, number]>;
  }
  const perInner = new Map<number, InnerRows>();
  const innerRows = (inner: Locality): InnerRows => {
    const uid = unitUid(inner);
    const known = perInner.get(uid);
    if (known) return known;
    const containers = new Map<number, Locality>();
    for (const u of localities.path(inner.code, inner.era)) containers.set(unitUid(u), u);
    for (const commune of localities.footprint(inner)) {
      for (const candidate of coverers.get(commune) ?? []) {
        const cu = unitUid(candidate);
        if (!containers.has(cu) && localities.contains(candidate, inner)) containers.set(cu, candidate);
      }
    }
    const parents = new Map<number, number>();
    for (const c of containers.values()) {
      const p = parentUid(c);
      parents.set(p, (parents.get(p) ?? 0) + 1);
    }
    const buckets: Array<[number, number]> = [];
    for (const [cu, c] of containers) {
      const p = parentUid(c);
      buckets.push([p, parents.get(p) === 1 ? cu : SPANNING_UID]);
      if (c.hasChildren && !parents.has(cu)) buckets.push([cu, SPANNING_UID]);
    }
    const rows = { units: [...containers.keys()], buckets };
    perInner.set(uid, rows);
    return rows;
  };

  /** Tasks share their localities: rows per (era, codes), remembered. */
  const perTask = new Map<string, TaskUnitRows>();
  const tables: UnitTables = {
    rowsOf(task) {
      const key = `${localities.taskEra(task.createdAt)}|${task.localityCodes.join(',')}`;
      let rows = perTask.get(key);
      if (!rows) {
        rows = compute(task);
        if (perTask.size < 200_000) perTask.set(key, rows);
      }
      return rows;
    },
    unit: (uid) => byUid.get(uid),
  };
  function compute(task: Pick<StoredTask, 'localityCodes' | 'createdAt'>): TaskUnitRows {
    const inners = taskLocalities(task as StoredTask, localities);
    if (inners.length === 1) {
      const r = innerRows(inners[0] as Locality);
      return { units: r.units, buckets: dedupePairs(r.buckets) };
    }
    const units = new Set<number>();
    const buckets: Array<[number, number]> = [];
    for (const inner of inners) {
      const r = innerRows(inner);
      for (const u of r.units) units.add(u);
      buckets.push(...r.buckets);
    }
    return { units: [...units], buckets: dedupePairs(buckets) };
  }
  cache.set(localities, tables);
  return tables;
}

function dedupePairs(pairs: Array<[number, number]>): Array<[number, number]> {
  if (pairs.length < 2) return pairs;
  const seen = new Set<string>();
  return pairs.filter(([p, b]) => {
    const k = `${p}:${b}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
