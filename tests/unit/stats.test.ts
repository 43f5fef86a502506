// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { StoredTask } from '../../src/api/schemas';
import data from '../../src/data/localities.json';
import { createLocalityIndex, type LocalityDataset } from '../../src/domain/localities';
import { countByCategory, countByLocality, monthlySeries, mostOverdue, SPANNING_BUCKET } from '../../src/domain/stats';
import { filterTasks, indexTask, sortTasks } from '../../src/domain/task-query';

const localities = createLocalityIndex(data as unknown as LocalityDataset);
const TODAY = '2026-11-26';
let n = 0;
function task(overrides: Partial<StoredTask>): StoredTask {
  n += 1;
  return {
    id: `t${String(n).padStart(3, '0')}`,
    title: 'Nhiệm vụ',
    description: '',
    articleId: null,
    quote: null,
    issuer: 'UBND tỉnh',
    assignee: 'UBND huyện',
    localityCodes: ['832'],
    category: 'economy',
    flagship: false,
    deadline: null,
    status: 'in_progress',
    progress: 0,
    completedAt: null,
    createdAt: '2022-03-22T08:00:00+07:00',
    updatedAt: '2022-03-22T08:00:00+07:00',
    version: 1,
    ...overrides,
  };
}
const evaluate = (tasks: StoredTask[]) =>
  filterTasks(
    tasks.map((t) => indexTask(t)),
    {},
    { today: TODAY, localities },
  );

describe('countByLocality', () => {
  const rows = evaluate([
    task({ localityCodes: ['832'] }), // huyện Chợ Lách, 2022
    task({ localityCodes: ['28870'], createdAt: '2025-08-01T08:00:00+07:00' }), // xã Chợ Lách, post-2025
    task({ localityCodes: ['83'] }), // the whole of Bến Tre
    task({ localityCodes: ['01'], createdAt: '2025-08-01T08:00:00+07:00' }), // Hà Nội
  ]);

  it('puts everything under today’s provinces when no locality is filtered', () => {
    const buckets = countByLocality(rows, null, 'post2025', localities, 'x');
    expect(buckets.find((b) => b.code === '86')?.total).toBe(3);
    expect(buckets.find((b) => b.code === '01')?.total).toBe(1);
    expect(buckets.reduce((s, b) => s + b.total, 0)).toBe(4);
  });

  it('breaks Bến Tre (pre-2025) into districts and keeps province-wide tasks in the spanning bucket', () => {
    const benTre = localities.get('83', 'pre2025') ?? null;
    const buckets = countByLocality(rows, benTre, 'pre2025', localities, 'Nhiều đơn vị');
    expect(buckets.find((b) => b.code === '832')?.total).toBe(2);
    expect(buckets.find((b) => b.code === SPANNING_BUCKET)).toMatchObject({ total: 1, name: 'Nhiều đơn vị' });
    expect(buckets.at(-1)?.code).toBe(SPANNING_BUCKET);
    expect(buckets.find((b) => b.code === '01')).toBeUndefined();
  });
});

describe('other aggregations', () => {
  it('counts categories by size, with timeliness inside', () => {
    const rows = evaluate([
      task({ category: 'infrastructure' }),
      task({
        category: 'infrastructure',
        status: 'done',
        completedAt: '2022-05-01',
        deadline: { date: '2022-06-30', text: 'quý II' },
      }),
      task({ category: 'economy' }),
    ]);
    const cats = countByCategory(rows);
    expect(cats[0]).toMatchObject({ category: 'infrastructure', total: 2 });
    expect(cats[0]?.byTimeliness.done_on_time).toBe(1);
  });

  it('builds a gap-free monthly series of assigned and completed', () => {
    const rows = evaluate([
      task({ createdAt: '2022-01-10T08:00:00+07:00', status: 'done', completedAt: '2022-04-02' }),
      task({ createdAt: '2022-03-10T08:00:00+07:00' }),
    ]);
    expect(monthlySeries(rows)).toEqual([
      { month: '2022-01', assigned: 1, completed: 0 },
      { month: '2022-02', assigned: 0, completed: 0 },
      { month: '2022-03', assigned: 1, completed: 0 },
      { month: '2022-04', assigned: 0, completed: 1 },
    ]);
  });

  it('ranks the most overdue first and leaves out everything not overdue', () => {
    const rows = evaluate([
      task({ id: 'a', deadline: { date: '2026-01-01', text: '' } }),
      task({ id: 'b', deadline: { date: '2023-01-01', text: '' } }),
      task({ id: 'c', deadline: { date: '2027-01-01', text: '' } }),
      task({ id: 'd', deadline: { date: '2020-01-01', text: '' }, status: 'done', completedAt: '2021-01-01' }),
    ]);
    expect(mostOverdue(rows).map((r) => r.task.id)).toEqual(['b', 'a']);
  });

  it('sorts by locality name and breaks ties by id so paging is stable', () => {
    const rows = evaluate([
      task({ id: 'z', localityCodes: ['832'] }),
      task({ id: 'y', localityCodes: ['831'] }),
      task({ id: 'x', localityCodes: ['832'] }),
    ]);
    const sorted = sortTasks(rows, 'locality', { today: TODAY, localities }).map((r) => r.task.id);
    // Châu Thành (831) before Chợ Lách (832); the two Chợ Lách tasks by id.
    expect(sorted).toEqual(['y', 'x', 'z']);
  });
});
