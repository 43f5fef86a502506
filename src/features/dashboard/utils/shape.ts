/** Pure data shaping for the overview's cards: the cards only render what these return. */
import { TASK_STATUSES } from '../../../api/constants';
import type { Category, LocalityBucket, Stats, TaskStatus, Timeliness, TimelinessCounts } from '../../../api/schemas';
import { TIMELINESS_ORDER } from '../../../components/charts/palette';

export type KpiKey =
  | 'total'
  | 'doneOnTime'
  | 'doneLate'
  | 'onTrack'
  | 'dueSoon'
  | 'overdue'
  | 'noDeadline'
  | 'cancelled';
export interface Kpi {
  key: KpiKey;
  value: number;
  /** Share of all tasks, 0..1 (null for the total). */
  share: number | null;
  /** The timeliness class the tile stands for (for its colour and, later, drill-down). */
  timeliness: Timeliness | null;
}

/** The tile of each timeliness class, in legend order: the tiles after the total partition it. */
export const KPI_OF_TIMELINESS = {
  done_on_time: 'doneOnTime',
  done_late: 'doneLate',
  on_track: 'onTrack',
  due_soon: 'dueSoon',
  overdue: 'overdue',
  no_deadline: 'noDeadline',
  cancelled: 'cancelled',
} as const satisfies Record<Timeliness, KpiKey>;

/** The total, then one tile per timeliness class: every task is counted in exactly one tile after the total. */
export function kpis(stats: Pick<Stats, 'total' | 'byTimeliness'>): Kpi[] {
  const { total, byTimeliness: c } = stats;
  const share = (n: number) => (total > 0 ? n / total : 0);
  return [
    { key: 'total', value: total, share: null, timeliness: null },
    ...TIMELINESS_ORDER.map((k) => ({
      key: KPI_OF_TIMELINESS[k],
      value: c[k] ?? 0,
      share: share(c[k] ?? 0),
      timeliness: k,
    })),
  ];
}

export interface StatusCount {
  status: TaskStatus;
  value: number;
}

/** The stored statuses in lifecycle order, each with its count (they add up to the total too). */
export function statusCounts(byStatus: Stats['byStatus']): StatusCount[] {
  return TASK_STATUSES.map((status) => ({ status, value: byStatus[status] ?? 0 }));
}

/** Non-empty timeliness classes in legend order, for the donut. */
export function donutSlices(counts: TimelinessCounts): Array<{ key: Timeliness; value: number }> {
  return TIMELINESS_ORDER.map((key) => ({ key, value: counts[key] ?? 0 })).filter((s) => s.value > 0);
}

/** Classes that occur anywhere in these rows, in legend order (so legends list only what is drawn). */
export function presentClasses(rows: ReadonlyArray<{ byTimeliness: TimelinessCounts }>): Timeliness[] {
  return TIMELINESS_ORDER.filter((k) => rows.some((r) => (r.byTimeliness[k] ?? 0) > 0));
}

export type StackedRow = { id: string; label: string; total: number } & Record<Timeliness, number>;

function stacked(id: string, label: string, total: number, counts: TimelinessCounts): StackedRow {
  return {
    id,
    label,
    total,
    ...(Object.fromEntries(TIMELINESS_ORDER.map((k) => [k, counts[k] ?? 0])) as Record<Timeliness, number>),
  };
}

/**
 * The locality bars: the `limit` largest units (the spanning bucket last), and what is left out, counted, so the
 * chart says it in words instead of drawing one "others" bar that dwarfs every unit.
 */
export function localityBars(
  buckets: readonly LocalityBucket[],
  limit: number,
): { rows: StackedRow[]; rest: { units: number; total: number } } {
  const units = buckets.filter((b) => b.code !== '*');
  const spanning = buckets.filter((b) => b.code === '*');
  const shown = units.slice(0, limit);
  const left = units.slice(limit);
  return {
    rows: [...shown, ...spanning].map((b) => stacked(b.code, b.name, b.total, b.byTimeliness)),
    rest: { units: left.length, total: left.reduce((s, b) => s + b.total, 0) },
  };
}

/** Rows for the stacked locality bars: the `limit` largest units, then the rest folded into one row. */
export function localityRows(buckets: readonly LocalityBucket[], limit: number, othersLabel: string): StackedRow[] {
  const rows = buckets.map((b) => stacked(b.code, b.name, b.total, b.byTimeliness));
  if (rows.length <= limit) return rows;
  const head = rows.slice(0, limit - 1);
  const rest = rows.slice(limit - 1);
  const counts = Object.fromEntries(TIMELINESS_ORDER.map((k) => [k, rest.reduce((sum, r) => sum + r[k], 0)])) as Record<
    Timeliness,
    number
  >;
  return [
    ...head,
    stacked(
      'others',
      othersLabel,
      rest.reduce((s, r) => s + r.total, 0),
      counts,
    ),
  ];
}

export function categoryRows(items: Stats['byCategory'], label: (c: Category) => string): StackedRow[] {
  return items.map((i) => stacked(i.category, label(i.category), i.total, i.byTimeliness));
}

/** Completion rate (done / all but cancelled), 0..1, for summaries. */
export function completionRate(counts: TimelinessCounts): number {
  const done = counts.done_on_time + counts.done_late;
  const counted = TIMELINESS_ORDER.reduce((s, k) => s + (k === 'cancelled' ? 0 : (counts[k] ?? 0)), 0);
  return counted > 0 ? done / counted : 0;
}

export interface PeriodRow {
  /** YYYY-MM for months, YYYY-Qn for quarters. */
  period: string;
  assigned: number;
  completed: number;
}

/**
 * The assigned-vs-completed series at a granularity that stays readable: months, or quarters once there are
 * more than `maxBars` months (the data table keeps every month).
 */
export function periodRows(
  monthly: Stats['monthly'],
  maxBars = 36,
): { granularity: 'month' | 'quarter'; rows: PeriodRow[] } {
  if (monthly.length <= maxBars) {
    return {
      granularity: 'month',
      rows: monthly.map((m) => ({ period: m.month, assigned: m.assigned, completed: m.completed })),
    };
  }
  const byQuarter = new Map<string, PeriodRow>();
  for (const m of monthly) {
    const q = Math.floor((Number(m.month.slice(5, 7)) - 1) / 3) + 1;
    const period = `${m.month.slice(0, 4)}-Q${q}`;
    const row = byQuarter.get(period) ?? { period, assigned: 0, completed: 0 };
    row.assigned += m.assigned;
    row.completed += m.completed;
    byQuarter.set(period, row);
  }
  return { granularity: 'quarter', rows: [...byQuarter.values()] };
}
