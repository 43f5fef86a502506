// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { StoredTask, Timeliness } from '../../src/api/schemas';
import { addDays } from '../../src/domain/dates';
import { applyChange, checkChangeRules, type TaskChange } from '../../src/domain/task-updates';
import { DUE_SOON_DAYS, timelinessOf } from '../../src/domain/timeliness';

/** Timeliness as a task moves through its lifecycle (status changes) and as the date of evaluation moves on. */

const DEADLINE = '2026-06-30';
const base: StoredTask = {
  id: 't',
  title: 'Xây dựng cầu',
  description: '',
  articleId: null,
  quote: null,
  issuer: 'Tỉnh ủy',
  assignee: 'Huyện ủy',
  localityCodes: [],
  category: 'infrastructure',
  flagship: true,
  deadline: { date: DEADLINE, text: 'quý II/2026' },
  status: 'not_started',
  progress: 0,
  completedAt: null,
  createdAt: '2026-01-05T08:00:00+07:00',
  updatedAt: '2026-01-05T08:00:00+07:00',
  version: 1,
};

/** Applies a sequence of (valid) updates, each on its date, and reads the timeliness on `asOf` after each. */
function walk(steps: Array<Partial<TaskChange> & { date: string }>, asOf: (date: string) => string = (d) => d) {
  let task = base;
  const seen: Timeliness[] = [];
  for (const step of steps) {
    const c: TaskChange = { author: 'A', note: 'n', ...step };
    expect(checkChangeRules(task, c, '2027-12-31')).toEqual([]);
    task = applyChange(task, c, { id: 'x', recordedAt: `${step.date}T09:00:00Z` }).task;
    seen.push(timelinessOf(task, asOf(step.date)));
  }
  return { task, seen };
}

describe('timeliness across status and date transitions', () => {
  it('not started → in progress → due soon → done on time', () => {
    const { seen } = walk([
      { date: '2026-02-01', status: 'in_progress', progress: 10 },
      { date: addDays(DEADLINE, -DUE_SOON_DAYS - 1), progress: 60 },
      { date: addDays(DEADLINE, -3), progress: 90 },
      { date: DEADLINE, status: 'done' },
    ]);
    expect(seen).toEqual(['on_track', 'on_track', 'due_soon', 'done_on_time']);
  });

  it('in progress past the deadline → overdue → done late (and stays late on any later date)', () => {
    const { task, seen } = walk([
      { date: '2026-03-01', status: 'in_progress', progress: 30 },
      { date: addDays(DEADLINE, 1), progress: 70 },
      { date: '2026-08-15', status: 'done' },
    ]);
    expect(seen).toEqual(['on_track', 'overdue', 'done_late']);
    expect(timelinessOf(task, '2030-01-01')).toBe('done_late');
    expect(task.completedAt).toBe('2026-08-15');
  });

  it('a new deadline brings an overdue task back within its deadline', () => {
    const { seen } = walk([
      { date: '2026-07-10', status: 'in_progress', progress: 50 },
      { date: '2026-07-11', deadline: { date: '2026-12-31', text: 'cuối năm 2026' }, deadlineReason: 'Bổ sung vốn' },
    ]);
    expect(seen).toEqual(['overdue', 'on_track']);
  });

  it('paused is still open: it becomes overdue like any open task', () => {
    const { task, seen } = walk([
      { date: '2026-04-01', status: 'in_progress', progress: 20 },
      { date: '2026-05-01', status: 'paused' },
    ]);
    expect(seen).toEqual(['on_track', 'on_track']);
    expect(timelinessOf(task, addDays(DEADLINE, -2))).toBe('due_soon');
    expect(timelinessOf(task, addDays(DEADLINE, 1))).toBe('overdue');
  });

  it('cancelled is cancelled on any date; reopening makes it overdue again when past its deadline', () => {
    const { task, seen } = walk([
      { date: '2026-04-01', status: 'cancelled' },
      { date: '2026-09-01', status: 'in_progress', progress: 10 },
    ]);
    expect(seen).toEqual(['cancelled', 'overdue']);
    expect(timelinessOf({ ...task, status: 'cancelled' }, '2020-01-01')).toBe('cancelled');
  });

  it('reopening a done task: done on time → open (overdue past the deadline) → done late', () => {
    const { seen } = walk([
      { date: '2026-06-20', status: 'done' },
      { date: '2026-07-05', status: 'in_progress', progress: 90 },
      { date: '2026-07-20', status: 'done' },
    ]);
    expect(seen).toEqual(['done_on_time', 'overdue', 'done_late']);
  });

  it('removing the deadline leaves a task without one', () => {
    const { seen } = walk([{ date: '2026-07-10', deadline: null, deadlineReason: 'Nhiệm vụ thường xuyên' }]);
    expect(seen).toEqual(['no_deadline']);
  });
});
