// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { emptyTimelinessCounts } from '../../src/domain/stats';
import {
  completionRate,
  donutSlices,
  kpis,
  localityBars,
  localityRows,
  periodRows,
  statusCounts,
} from '../../src/features/dashboard/utils/shape';

const counts = (over: Partial<ReturnType<typeof emptyTimelinessCounts>>) => ({ ...emptyTimelinessCounts(), ...over });

describe('overview data shaping', () => {
  it('derives the KPI tiles and their shares from the timeliness counts', () => {
    const tiles = kpis({ total: 10, byTimeliness: counts({ done_on_time: 5, overdue: 2, due_soon: 1, on_track: 2 }) });
    expect(tiles.map((k) => [k.key, k.value])).toEqual([
      ['total', 10],
      ['doneOnTime', 5],
      ['doneLate', 0],
      ['onTrack', 2],
      ['dueSoon', 1],
      ['overdue', 2],
      ['noDeadline', 0],
      ['cancelled', 0],
    ]);
    expect(tiles.find((k) => k.key === 'doneOnTime')?.share).toBe(0.5);
    expect(kpis({ total: 0, byTimeliness: counts({}) }).every((k) => k.share === null || k.share === 0)).toBe(true);
  });

  it('counts every task in exactly one tile after the total, no deadline and cancelled included', () => {
    const byTimeliness = counts({
      done_on_time: 16,
      done_late: 8,
      on_track: 5,
      overdue: 11,
      no_deadline: 13,
      cancelled: 3,
    });
    const tiles = kpis({ total: 56, byTimeliness });
    expect(tiles.slice(1).reduce((sum, k) => sum + k.value, 0)).toBe(56);
    expect(tiles.find((k) => k.key === 'noDeadline')?.value).toBe(13);
    expect(tiles.find((k) => k.key === 'cancelled')?.value).toBe(3);
  });

  it('lists every status, paused included, in lifecycle order', () => {
    const rows = statusCounts({ not_started: 0, in_progress: 26, paused: 3, done: 24, cancelled: 3 });
    expect(rows.map((r) => [r.status, r.value])).toEqual([
      ['not_started', 0],
      ['in_progress', 26],
      ['paused', 3],
      ['done', 24],
      ['cancelled', 3],
    ]);
  });

  it('draws the largest localities and counts the rest in words, never as one bar that dwarfs them', () => {
    const buckets = [
      ...['a', 'b', 'c', 'd'].map((code, i) => ({
        code,
        name: code.toUpperCase(),
        total: 10 - i,
        byTimeliness: counts({ on_track: 10 - i }),
      })),
      { code: '*', name: 'Nhiều đơn vị', total: 4, byTimeliness: counts({ on_track: 4 }) },
    ];
    const { rows, rest } = localityBars(buckets, 2);
    expect(rows.map((r) => r.id)).toEqual(['a', 'b', '*']);
    expect(rest).toEqual({ units: 2, total: 8 + 7 });
    expect(localityBars(buckets, Number.POSITIVE_INFINITY).rest).toEqual({ units: 0, total: 0 });
  });

  it('leaves empty classes out of the donut, in legend order', () => {
    expect(donutSlices(counts({ overdue: 3, done_on_time: 1 })).map((s) => s.key)).toEqual(['done_on_time', 'overdue']);
  });

  it('folds the smallest localities into one row past the limit, keeping the totals', () => {
    const buckets = ['a', 'b', 'c', 'd'].map((code, i) => ({
      code,
      name: code.toUpperCase(),
      total: 10 - i,
      byTimeliness: counts({ on_track: 10 - i }),
    }));
    const rows = localityRows(buckets, 3, 'Khác');
    expect(rows.map((r) => r.label)).toEqual(['A', 'B', 'Khác']);
    expect(rows[2]?.total).toBe(8 + 7);
    expect(rows[2]?.on_track).toBe(15);
  });

  it('switches the series to quarters past 36 months, keeping the sums', () => {
    const months = Array.from({ length: 40 }, (_, i) => {
      const y = 2022 + Math.floor(i / 12);
      const m = String((i % 12) + 1).padStart(2, '0');
      return { month: `${y}-${m}`, assigned: 1, completed: i % 2 };
    });
    expect(periodRows(months.slice(0, 36)).granularity).toBe('month');
    const { granularity, rows } = periodRows(months);
    expect(granularity).toBe('quarter');
    expect(rows[0]).toEqual({ period: '2022-Q1', assigned: 3, completed: 1 });
    expect(rows.reduce((s, r) => s + r.assigned, 0)).toBe(40);
    expect(rows.at(-1)?.period).toBe('2025-Q2');
  });

  it('computes the completion rate without cancelled tasks', () => {
    expect(completionRate(counts({ done_on_time: 1, done_late: 1, overdue: 2, cancelled: 4 }))).toBe(0.5);
    expect(completionRate(counts({}))).toBe(0);
  });
});
