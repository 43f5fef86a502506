/** Pure data shaping for the slides: components only render what these return. */
import type { LocalityBucket, Stats, Task, Timeliness, TimelinessCounts } from '../../../api/schemas';
import { TIMELINESS_ORDER } from '../../../components/charts/palette';
import { daysBetween } from '../../../domain/dates';
import type { Ranking } from './settings';

export type KpiKey = 'total' | 'doneOnTime' | 'doneLate' | 'onTrack' | 'overdue' | 'dueSoon';
export interface Kpi {
  key: KpiKey;
  value: number;
  /** Share of all tasks, 0..1; null for the total. */
  share: number | null;
  timeliness: Timeliness | null;
}

const KPI_CLASSES: ReadonlyArray<[KpiKey, Timeliness]> = [
  ['doneOnTime', 'done_on_time'],
  ['doneLate', 'done_late'],
  ['onTrack', 'on_track'],
  ['overdue', 'overdue'],
  ['dueSoon', 'due_soon'],
];

/** The six headline figures of the overview, in the same order. */
export function kpis(stats: Pick<Stats, 'total' | 'byTimeliness'>): Kpi[] {
  const { total, byTimeliness } = stats;
  return [
    { key: 'total', value: total, share: null, timeliness: null },
    ...KPI_CLASSES.map(([key, cls]) => {
      const value = byTimeliness[cls] ?? 0;
      return { key, value, share: total > 0 ? value / total : 0, timeliness: cls };
    }),
  ];
}

export interface DonutSlice {
  key: Timeliness;
  value: number;
  /** 0..1 of the total drawn. */
  share: number;
  /** Angles in degrees, clockwise from 12 o'clock. */
  startAngle: number;
  endAngle: number;
}

/** Non-empty classes in legend order, with their arcs (a full turn between them). */
export function donutSlices(counts: TimelinessCounts): DonutSlice[] {
  const present = TIMELINESS_ORDER.map((key) => ({ key, value: counts[key] ?? 0 })).filter((s) => s.value > 0);
  const sum = present.reduce((s, p) => s + p.value, 0);
  let angle = 0;
  return present.map((p) => {
    const share = sum > 0 ? p.value / sum : 0;
    const slice = { ...p, share, startAngle: angle, endAngle: angle + share * 360 };
    angle = slice.endAngle;
    return slice;
  });
}

function point(cx: number, cy: number, r: number, angle: number): [number, number] {
  const rad = ((angle - 90) * Math.PI) / 180;
  return [cx + r * Math.cos(rad), cy + r * Math.sin(rad)];
}

const fmt = (n: number) => Number(n.toFixed(3));

/**
 * SVG path of a ring segment between `inner` and `outer` radii. A full turn is drawn as two half arcs (an arc
 * whose ends coincide draws nothing).
 */
export function ringPath(
  cx: number,
  cy: number,
  inner: number,
  outer: number,
  startAngle: number,
  endAngle: number,
): string {
  const sweep = endAngle - startAngle;
  if (sweep <= 0) return '';
  if (sweep >= 359.999) {
    return [
      ringPath(cx, cy, inner, outer, startAngle, startAngle + 180),
      ringPath(cx, cy, inner, outer, startAngle + 180, startAngle + 360 - 0.001),
    ].join(' ');
  }
  const large = sweep > 180 ? 1 : 0;
  const [x1, y1] = point(cx, cy, outer, startAngle);
  const [x2, y2] = point(cx, cy, outer, endAngle);
  const [x3, y3] = point(cx, cy, inner, endAngle);
  const [x4, y4] = point(cx, cy, inner, startAngle);
  return [
    `M ${fmt(x1)} ${fmt(y1)}`,
    `A ${outer} ${outer} 0 ${large} 1 ${fmt(x2)} ${fmt(y2)}`,
    `L ${fmt(x3)} ${fmt(y3)}`,
    `A ${inner} ${inner} 0 ${large} 0 ${fmt(x4)} ${fmt(y4)}`,
    'Z',
  ].join(' ');
}

/** Code of the bucket of tasks filed above the listed units or across several of them. */
export const SPANNING_CODE = '*';

export interface UnitRef {
  code: string;
  name: string;
  total: number;
}

/** Child units for the rotation: real units only (not the spanning bucket), most tasks first, at most `cap`. */
export function rotationUnits(items: readonly LocalityBucket[], cap: number): UnitRef[] {
  return items
    .filter((b) => b.code !== SPANNING_CODE && b.total > 0)
    .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'vi'))
    .slice(0, Math.max(0, cap))
    .map(({ code, name, total }) => ({ code, name, total }));
}

export interface RankRow {
  code: string;
  name: string;
  total: number;
  done: number;
  /** Tasks that count towards completion: all but the cancelled. */
  counted: number;
  overdue: number;
  /** done ÷ (total − cancelled), 0..1; null when nothing is counted. */
  completion: number | null;
  /** What the bar shows: completion 0..1, or the overdue count. */
  value: number;
}

export function completionOf(
  counts: TimelinessCounts,
  total: number,
): { done: number; counted: number; completion: number | null } {
  const done = (counts.done_on_time ?? 0) + (counts.done_late ?? 0);
  const counted = total - (counts.cancelled ?? 0);
  return { done, counted, completion: counted > 0 ? done / counted : null };
}

/**
 * The ranking of child units: by completion rate (highest first; ties: more tasks first) or by overdue count
 * (most first; ties: the higher overdue share). Returns the first `limit` rows and how many units were ranked.
 */
export function rankUnits(
  items: readonly LocalityBucket[],
  by: Ranking,
  limit: number,
): { rows: RankRow[]; ranked: number } {
  const rows: RankRow[] = items
    .filter((b) => b.code !== SPANNING_CODE && b.total > 0)
    .map((b) => {
      const { done, counted, completion } = completionOf(b.byTimeliness, b.total);
      const overdue = b.byTimeliness.overdue ?? 0;
      return {
        code: b.code,
        name: b.name,
        total: b.total,
        done,
        counted,
        overdue,
        completion,
        value: by === 'completion' ? (completion ?? 0) : overdue,
      };
    })
    .filter((r) => (by === 'completion' ? r.completion !== null : true));
  rows.sort((a, b) => {
    const shareFirst = by === 'overdue' ? b.overdue / b.total - a.overdue / a.total : 0;
    return b.value - a.value || shareFirst || b.total - a.total || a.name.localeCompare(b.name, 'vi');
  });
  return { rows: rows.slice(0, Math.max(0, limit)), ranked: rows.length };
}

/** Splits a list into the fewest pages of at most `perPage`, balanced (10 by 6 → 5 + 5, not 6 + 4). */
export function balancedPages<T>(items: readonly T[], perPage: number): T[][] {
  if (items.length === 0) return [];
  const pages = Math.ceil(items.length / Math.max(1, perPage));
  const size = Math.ceil(items.length / pages);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Whole days an open task is past its deadline at `asOf` (0 when not overdue or without deadline). */
export function daysOverdue(task: Pick<Task, 'deadline'>, asOf: string): number {
  if (!task.deadline) return 0;
  return Math.max(0, daysBetween(task.deadline.date, asOf));
}

/** Overdue tasks, the longest overdue first (the API already sends them so; kept stable for equal days). */
export function sortOverdue(tasks: readonly Task[], asOf: string): Task[] {
  return tasks
    .map((task, i) => ({ task, i, days: daysOverdue(task, asOf) }))
    .sort((a, b) => b.days - a.days || a.i - b.i)
    .map((x) => x.task);
}

/** The longest title a slide shows in full; the sample's longest is 127 characters. */
export const WALL_TITLE_MAX = 180;

/**
 * A task's title as a slide shows it: whole up to WALL_TITLE_MAX characters (the slide's fit-to-box steps make any
 * real title fit), cut at a word with "…" beyond, so a runaway title (10,000 characters) cannot push the rest of
 * the slide out of view.
 */
export function wallTitle(title: string): string {
  if (title.length <= WALL_TITLE_MAX) return title;
  const cut = title.slice(0, WALL_TITLE_MAX);
  const space = cut.lastIndexOf(' ');
  return `${(space > WALL_TITLE_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
