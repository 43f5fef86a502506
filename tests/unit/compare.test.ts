// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { CompareItem } from '../../src/api/compare-schemas';
import type { StoredTask, Timeliness } from '../../src/api/schemas';
import data from '../../src/data/localities.json';
import { compareLocalities, SPANNING_CODE } from '../../src/domain/compare';
import { createLocalityIndex, type LocalityDataset } from '../../src/domain/localities';
import type { EvaluatedTask } from '../../src/domain/task-query';
import { indexTask } from '../../src/domain/task-query';
import { timelinessOf } from '../../src/domain/timeliness';
import { chartMetric, rankBy, sortCompareItems } from '../../src/features/compare/utils/compare-sort';

const localities = createLocalityIndex(data as unknown as LocalityDataset);
const TODAY = '2026-11-26';
const benTre = localities.get('83', 'pre2025');
const choLach = localities.get('832', 'pre2025');

let n = 0;
function task(overrides: Partial<StoredTask>): EvaluatedTask {
  n += 1;
  const t: StoredTask = {
    id: `c-${n}`,
    title: `Nhiệm vụ ${n}`,
    description: '',
    articleId: null,
    quote: null,
    issuer: 'UBND tỉnh',
    assignee: 'UBND huyện',
    localityCodes: ['832'],
    category: 'economy',
    flagship: false,
    deadline: { date: '2022-06-30', text: 'quý II' },
    status: 'in_progress',
    progress: 50,
    completedAt: null,
    createdAt: '2022-03-22T08:00:00+07:00',
    updatedAt: '2022-03-22T08:00:00+07:00',
    version: 1,
    ...overrides,
  };
  return { ...indexTask(t), timeliness: timelinessOf(t, TODAY) as Timeliness };
}

describe('compareLocalities', () => {
  it('lists every child of the unit, with the figures of each', () => {
    if (!benTre) throw new Error('Bến Tre (83) missing from the dataset');
    const rows = [
      task({ status: 'done', completedAt: '2022-06-01', progress: 100, flagship: true }), // 832: done on time
      task({ status: 'done', completedAt: '2022-08-01', progress: 100 }), // 832: done late
      task({ status: 'in_progress', progress: 40, flagship: true }), // 832: overdue
      task({ status: 'cancelled', progress: 10, flagship: true }), // 832: cancelled (not counted in rates)
      task({ status: 'not_started', deadline: null, progress: 0 }), // 832: no deadline
      task({ localityCodes: ['833'], status: 'done', completedAt: '2022-05-01', deadline: null, progress: 100 }),
      task({ localityCodes: ['83'] }), // the province itself: above its districts
      task({ localityCodes: ['01'] }), // Hà Nội: outside Bến Tre
    ];
    const items = compareLocalities(rows, benTre, 'pre2025', localities, 'Nhiều đơn vị');
    expect(items.map((i) => i.code)).toEqual([
      ...localities.children('83', 'pre2025').map((c) => c.code),
      SPANNING_CODE,
    ]);
    const cl = items.find((i) => i.code === '832');
    expect(cl).toMatchObject({
      name: 'Chợ Lách',
      hasChildren: true,
      total: 5,
      done: 2,
      cancelled: 1,
      completionRate: 2 / 4,
      due: 3,
      doneOnTime: 1,
      onTimeRate: 1 / 3,
      overdue: 1,
      flagship: { total: 2, averageProgress: 70 },
    });
    // Done without a deadline: completed, but never came due.
    expect(items.find((i) => i.code === '833')).toMatchObject({
      total: 1,
      completionRate: 1,
      due: 0,
      onTimeRate: null,
      flagship: { total: 0, averageProgress: null },
    });
    // A unit without tasks is listed, with no rates.
    expect(items.find((i) => i.code === '836')).toMatchObject({ total: 0, completionRate: null, onTimeRate: null });
    expect(items.at(-1)).toMatchObject({ code: SPANNING_CODE, name: 'Nhiều đơn vị', total: 1, hasChildren: false });
    // Hà Nội's task is nowhere.
    expect(items.reduce((s, i) => s + i.total, 0)).toBe(7);
  });

  it('counts across the 2025 reform: a task filed in 2026 under today’s xã Chợ Lách belongs to huyện Chợ Lách', () => {
    if (!benTre || !choLach) throw new Error('units missing');
    const commune = choLach.successorCodes[0] as string;
    const rows = [task({ localityCodes: [commune], createdAt: '2026-02-01T08:00:00+07:00' })];
    const items = compareLocalities(rows, benTre, 'pre2025', localities, '*');
    expect(items.find((i) => i.code === '832')?.total).toBe(1);
  });

  it('compares provinces when no unit is chosen, in the era asked for', () => {
    const rows = [task({})];
    const post = compareLocalities(rows, null, 'post2025', localities, '*');
    expect(post).toHaveLength(localities.children(null, 'post2025').length);
    expect(post.find((i) => i.code === '86')).toMatchObject({ name: 'Vĩnh Long', total: 1 });
    const pre = compareLocalities(rows, null, 'pre2025', localities, '*');
    expect(pre.find((i) => i.code === '83')).toMatchObject({ name: 'Bến Tre', total: 1 });
  });

  it('counts a task with several units once per unit, and once in the spanning bucket', () => {
    if (!benTre) throw new Error('units missing');
    const rows = [task({ localityCodes: ['832', '833'] })];
    const items = compareLocalities(rows, benTre, 'pre2025', localities, '*');
    expect(items.find((i) => i.code === '832')?.total).toBe(1);
    expect(items.find((i) => i.code === '833')?.total).toBe(1);
    expect(items.find((i) => i.code === SPANNING_CODE)).toBeUndefined();
  });
});

describe('sorting the comparison', () => {
  const item = (code: string, name: string, total: number, completionRate: number | null): CompareItem => ({
    code,
    name,
    hasChildren: false,
    total,
    done: 0,
    cancelled: 0,
    completionRate,
    due: 0,
    doneOnTime: 0,
    onTimeRate: null,
    overdue: 0,
    flagship: { total: 0, averageProgress: null },
  });
  const items = [
    item('*', 'Nhiều đơn vị', 50, 0.9),
    item('1', 'Ba Tri', 3, 0.5),
    item('2', 'Ân Thi', 3, null),
    item('3', 'Bình Đại', 9, 0.2),
  ];

  it('puts units without a value after the others in both directions, and the spanning bucket last', () => {
    expect(sortCompareItems(items, '-completionRate').map((i) => i.code)).toEqual(['1', '3', '2', '*']);
    expect(sortCompareItems(items, 'completionRate').map((i) => i.code)).toEqual(['3', '1', '2', '*']);
    expect(sortCompareItems(items, '-total').map((i) => i.code)).toEqual(['3', '2', '1', '*']);
  });

  it('sorts names in Vietnamese order', () => {
    expect(sortCompareItems(items, 'name').map((i) => i.name)).toEqual([
      'Ân Thi',
      'Ba Tri',
      'Bình Đại',
      'Nhiều đơn vị',
    ]);
  });

  it('ranks for the chart without the spanning bucket or missing values', () => {
    expect(rankBy(items, 'completionRate', 10).map((i) => i.code)).toEqual(['1', '3']);
    expect(rankBy(items, 'total', 1).map((i) => i.code)).toEqual(['3']);
    expect(chartMetric('name')).toBe('total');
    expect(chartMetric('-onTimeRate')).toBe('onTimeRate');
  });
});
