// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LocalityBucket, Stats, Task, Timeliness, TimelinessCounts } from '../../src/api/schemas';
import { TIMELINESS } from '../../src/api/schemas';
import { centreFontSize } from '../../src/features/presentation/components/donut-figure';
import {
  buildDeck,
  FLAGSHIP_CAP,
  OVERDUE_PER_SLIDE,
  ROTATION_CAP,
  resolveIndex,
  step,
} from '../../src/features/presentation/utils/deck';
import { SLIDE_KINDS } from '../../src/features/presentation/utils/settings';
import {
  balancedPages,
  completionOf,
  daysOverdue,
  donutSlices,
  kpis,
  rankUnits,
  ringPath,
  rotationUnits,
  sortOverdue,
} from '../../src/features/presentation/utils/shape';

const counts = (c: Partial<Record<Timeliness, number>>): TimelinessCounts =>
  Object.fromEntries(TIMELINESS.map((k) => [k, c[k] ?? 0])) as TimelinessCounts;
const sum = (c: Partial<Record<Timeliness, number>>) => Object.values(c).reduce((s, n) => s + (n ?? 0), 0);
const bucket = (code: string, name: string, c: Partial<Record<Timeliness, number>>): LocalityBucket => ({
  code,
  name,
  total: sum(c),
  byTimeliness: counts(c),
});

let n = 0;
function task(overrides: Partial<Task> = {}): Task {
  n += 1;
  return {
    id: `t${n}`,
    title: `Nhiệm vụ ${n}`,
    description: '',
    articleId: null,
    quote: null,
    issuer: 'UBND tỉnh',
    assignee: 'UBND xã',
    localityCodes: ['832'],
    category: 'economy',
    flagship: false,
    deadline: { date: '2026-01-31', text: 'tháng 1/2026' },
    status: 'in_progress',
    progress: 20,
    completedAt: null,
    createdAt: '2025-09-01T08:00:00+07:00',
    updatedAt: '2025-09-01T08:00:00+07:00',
    version: 1,
    timeliness: 'overdue',
    ...overrides,
  };
}

function stats(overrides: Partial<Stats> = {}): Stats {
  const byTimeliness = counts({ done_on_time: 4, done_late: 2, overdue: 3, on_track: 1 });
  return {
    asOf: '2026-11-26',
    total: 10,
    byTimeliness,
    byStatus: { not_started: 0, in_progress: 4, paused: 0, done: 6, cancelled: 0 },
    byLocality: {
      era: 'pre2025',
      parent: null,
      items: [
        bucket('832', 'Chợ Lách', { done_on_time: 3, overdue: 1 }),
        bucket('829', 'Châu Thành', { done_on_time: 1, done_late: 2, overdue: 2, on_track: 1 }),
        bucket('*', 'Nhiều đơn vị / cấp trên', { overdue: 9 }),
      ],
    },
    byCategory: [],
    monthly: [],
    mostOverdue: [],
    ...overrides,
  };
}

describe('key figures', () => {
  it('gives the six figures with their shares', () => {
    const k = kpis({ total: 10, byTimeliness: counts({ done_on_time: 5, overdue: 2 }) });
    expect(k.map((x) => x.key)).toEqual(['total', 'doneOnTime', 'doneLate', 'onTrack', 'overdue', 'dueSoon']);
    expect(k[0]).toMatchObject({ value: 10, share: null });
    expect(k[1]).toMatchObject({ value: 5, share: 0.5, timeliness: 'done_on_time' });
    expect(k[4]).toMatchObject({ value: 2, share: 0.2 });
    expect(kpis({ total: 0, byTimeliness: counts({}) })[1]?.share).toBe(0);
  });
});

describe('donut', () => {
  it('keeps the non-empty classes in legend order and closes the circle', () => {
    const slices = donutSlices(counts({ overdue: 1, done_on_time: 3 }));
    expect(slices.map((s) => s.key)).toEqual(['done_on_time', 'overdue']);
    expect(slices[0]).toMatchObject({ value: 3, share: 0.75, startAngle: 0, endAngle: 270 });
    expect(slices[1]).toMatchObject({ startAngle: 270, endAngle: 360 });
    expect(donutSlices(counts({}))).toEqual([]);
  });

  it('always covers exactly one turn (any counts)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { minLength: 7, maxLength: 7 }), (values) => {
        const c = counts(Object.fromEntries(TIMELINESS.map((k, i) => [k, values[i]])));
        const slices = donutSlices(c);
        if (values.every((v) => v === 0)) return expect(slices).toEqual([]);
        expect(slices.at(-1)?.endAngle).toBeCloseTo(360, 6);
        expect(slices.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1, 9);
        for (const s of slices) expect(s.endAngle).toBeGreaterThan(s.startAngle);
      }),
    );
  });

  it('sizes the total in the hole so long numbers stay inside the ring', () => {
    expect(centreFontSize('56')).toBe(40);
    expect(centreFontSize('100.000')).toBeLessThan(30);
    // The label's estimated width never exceeds the hole (diameter 120) minus a margin.
    for (const label of ['7', '5.354', '100.000', '1.234.567']) {
      const em = [...label].reduce((w, ch) => w + (/\d/.test(ch) ? 0.57 : 0.3), 0);
      expect(em * centreFontSize(label)).toBeLessThanOrEqual(100.001);
    }
  });

  it('draws ring segments, and a full ring as two halves', () => {
    const quarter = ringPath(100, 100, 60, 96, 0, 90);
    expect(quarter).toBe('M 100 4 A 96 96 0 0 1 196 100 L 160 100 A 60 60 0 0 0 100 40 Z');
    expect(ringPath(100, 100, 60, 96, 0, 270)).toContain('A 96 96 0 1 1');
    expect(ringPath(100, 100, 60, 96, 0, 360).match(/M /g)).toHaveLength(2);
    expect(ringPath(100, 100, 60, 96, 10, 10)).toBe('');
  });
});

describe('ranking and rotation', () => {
  const items = stats().byLocality.items;

  it('ranks by completion rate, leaving out the spanning bucket', () => {
    const { rows, ranked } = rankUnits(items, 'completion', 10);
    expect(ranked).toBe(2);
    expect(rows.map((r) => r.code)).toEqual(['832', '829']);
    expect(rows[0]).toMatchObject({ done: 3, counted: 4, completion: 0.75, value: 0.75 });
    expect(rows[1]).toMatchObject({ done: 3, counted: 6, completion: 0.5 });
  });

  it('ranks by overdue count, ties broken by the overdue share', () => {
    const tied = [
      bucket('a', 'A', { overdue: 2, done_on_time: 8 }),
      bucket('b', 'B', { overdue: 2 }),
      bucket('c', 'C', { overdue: 5, done_on_time: 1 }),
    ];
    expect(rankUnits(tied, 'overdue', 10).rows.map((r) => r.code)).toEqual(['c', 'b', 'a']);
    expect(rankUnits(tied, 'overdue', 2).rows).toHaveLength(2);
    expect(rankUnits(tied, 'overdue', 2).ranked).toBe(3);
  });

  it('leaves a unit whose tasks are all cancelled out of the completion ranking', () => {
    const r = rankUnits([bucket('x', 'X', { cancelled: 2 }), bucket('y', 'Y', { done_late: 1 })], 'completion', 5);
    expect(r.rows.map((x) => x.code)).toEqual(['y']);
    expect(completionOf(counts({ cancelled: 2 }), 2)).toEqual({ done: 0, counted: 0, completion: null });
  });

  it('rotates through real units, most tasks first, capped', () => {
    expect(rotationUnits(items, 12).map((u) => u.code)).toEqual(['829', '832']);
    const many = Array.from({ length: 30 }, (_, i) => bucket(String(10 + i), `U${i}`, { on_track: i + 1 }));
    const top = rotationUnits(many, ROTATION_CAP);
    expect(top).toHaveLength(ROTATION_CAP);
    expect(top[0]?.total).toBe(30);
  });
});

describe('overdue list', () => {
  it('splits into balanced pages', () => {
    expect(balancedPages([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 8).map((p) => p.length)).toEqual([5, 5]);
    expect(balancedPages([1, 2, 3], 8)).toEqual([[1, 2, 3]]);
    expect(balancedPages([], 8)).toEqual([]);
    fc.assert(
      fc.property(fc.array(fc.nat()), fc.integer({ min: 1, max: 20 }), (xs, per) => {
        const pages = balancedPages(xs, per);
        expect(pages.flat()).toEqual(xs);
        for (const p of pages) expect(p.length).toBeLessThanOrEqual(per);
        expect(pages.length).toBe(Math.ceil(xs.length / per));
      }),
    );
  });

  it('puts the longest overdue first', () => {
    const a = task({ deadline: { date: '2026-11-01', text: 'tháng 11' } });
    const b = task({ deadline: { date: '2025-01-01', text: 'đầu năm 2025' } });
    expect(sortOverdue([a, b], '2026-11-26').map((t) => t.id)).toEqual([b.id, a.id]);
    expect(daysOverdue(a, '2026-11-26')).toBe(25);
    expect(daysOverdue(task({ deadline: null }), '2026-11-26')).toBe(0);
  });
});

describe('the running order', () => {
  it('is empty before the first figures', () => {
    expect(buildDeck(SLIDE_KINDS, { stats: null, flagship: null })).toEqual([]);
  });

  it('expands each kind in the chosen order', () => {
    const overdue = Array.from({ length: 10 }, () => task());
    const flagship = [task({ flagship: true }), task({ flagship: true })];
    const deck = buildDeck(['localities', 'kpi', 'overdue', 'flagship', 'ranking', 'donut'], {
      stats: stats({ mostOverdue: overdue }),
      flagship,
    });
    expect(deck.map((s) => s.key)).toEqual([
      'locality-829',
      'locality-832',
      'kpi',
      'overdue-1',
      'overdue-2',
      `flagship-${flagship[0]?.id}`,
      `flagship-${flagship[1]?.id}`,
      'ranking',
      'donut',
    ]);
    const pages = deck.filter((s) => s.kind === 'overdue');
    expect(pages.map((p) => (p.kind === 'overdue' ? [p.firstRank, p.tasks.length] : null))).toEqual([
      [1, 5],
      [6, 5],
    ]);
    for (const p of pages) if (p.kind === 'overdue') expect(p.tasks.length).toBeLessThanOrEqual(OVERDUE_PER_SLIDE);
  });

  it('says "nothing overdue" on one slide, and leaves out kinds with nothing to show', () => {
    const single = stats({
      byLocality: { era: 'post2025', parent: null, items: [bucket('86', 'Vĩnh Long', { on_track: 1 })] },
    });
    const deck = buildDeck(['overdue', 'flagship', 'ranking', 'localities'], { stats: single, flagship: [] });
    // No flagship project, and one unit is no ranking; the rotation still visits it.
    expect(deck.map((s) => s.key)).toEqual(['overdue-1', 'locality-86']);
    expect(deck[0]).toEqual({ kind: 'overdue', key: 'overdue-1', tasks: [], page: 1, pages: 1, firstRank: 1 });
  });

  it('caps the rotation at the units with the most tasks, and knows how many there were', () => {
    const many = Array.from({ length: 30 }, (_, i) => bucket(String(10 + i), `U${i}`, { on_track: i + 1 }));
    const deck = buildDeck(['localities'], {
      stats: stats({ byLocality: { era: 'post2025', parent: null, items: many } }),
      flagship: null,
    });
    expect(deck).toHaveLength(ROTATION_CAP);
    expect(deck[0]).toMatchObject({ kind: 'localities', index: 1, count: ROTATION_CAP, of: 30 });
    expect(deck[0]?.kind === 'localities' ? deck[0].unit.name : '').toBe('U29');
  });

  it('caps the flagship spotlights', () => {
    const flagship = Array.from({ length: FLAGSHIP_CAP + 5 }, () => task({ flagship: true }));
    expect(buildDeck(['flagship'], { stats: stats(), flagship })).toHaveLength(FLAGSHIP_CAP);
  });

  it('stays on the same slide when a refresh changes the deck, else on the same position', () => {
    const deck = buildDeck(['kpi', 'donut', 'ranking'], { stats: stats(), flagship: null });
    expect(resolveIndex(deck, 'ranking', 0)).toBe(2);
    expect(resolveIndex(deck, 'gone', 1)).toBe(1);
    expect(resolveIndex(deck, 'gone', 9)).toBe(2);
    expect(resolveIndex([], 'kpi', 3)).toBe(0);
  });

  it('loops in both directions', () => {
    expect(step(2, 1, 3)).toBe(0);
    expect(step(0, -1, 3)).toBe(2);
    expect(step(0, 1, 0)).toBe(0);
  });
});
