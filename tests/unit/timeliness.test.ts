// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TASK_STATUSES } from '../../src/api/schemas';
import { addDays } from '../../src/domain/dates';
import { DUE_SOON_DAYS, overdueDays, timelinessOf } from '../../src/domain/timeliness';

const TODAY = '2026-11-26';
const deadline = (date: string) => ({ date, text: 'x' });

describe('timelinessOf', () => {
  it('reads the Vietnamese 2×2 plus due soon, no deadline and cancelled', () => {
    expect(timelinessOf({ status: 'done', deadline: deadline('2022-06-30'), completedAt: '2022-06-30' }, TODAY)).toBe(
      'done_on_time',
    );
    expect(timelinessOf({ status: 'done', deadline: deadline('2022-06-30'), completedAt: '2022-07-01' }, TODAY)).toBe(
      'done_late',
    );
    expect(timelinessOf({ status: 'done', deadline: null, completedAt: '2022-07-01' }, TODAY)).toBe('no_deadline');
    expect(timelinessOf({ status: 'in_progress', deadline: deadline('2026-11-25'), completedAt: null }, TODAY)).toBe(
      'overdue',
    );
    expect(timelinessOf({ status: 'paused', deadline: deadline('2026-11-26'), completedAt: null }, TODAY)).toBe(
      'due_soon',
    );
    expect(timelinessOf({ status: 'not_started', deadline: deadline('2026-12-03'), completedAt: null }, TODAY)).toBe(
      'due_soon',
    );
    expect(timelinessOf({ status: 'not_started', deadline: deadline('2026-12-04'), completedAt: null }, TODAY)).toBe(
      'on_track',
    );
    expect(timelinessOf({ status: 'in_progress', deadline: null, completedAt: null }, TODAY)).toBe('no_deadline');
    expect(timelinessOf({ status: 'cancelled', deadline: deadline('2020-01-01'), completedAt: null }, TODAY)).toBe(
      'cancelled',
    );
  });

  it('moves an open task from on track to due soon to overdue as the date of evaluation passes', () => {
    const task = { status: 'in_progress' as const, deadline: deadline('2022-06-30'), completedAt: null };
    expect(timelinessOf(task, addDays('2022-06-30', -(DUE_SOON_DAYS + 1)))).toBe('on_track');
    expect(timelinessOf(task, addDays('2022-06-30', -DUE_SOON_DAYS))).toBe('due_soon');
    expect(timelinessOf(task, '2022-06-30')).toBe('due_soon');
    expect(timelinessOf(task, '2022-07-01')).toBe('overdue');
    expect(overdueDays(task, '2022-07-11')).toBe(11);
  });

  it('never reports a done task as overdue and never an open task as done, on any date', () => {
    const iso = fc
      .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.constantFrom(...TASK_STATUSES), fc.option(iso), iso, iso, (status, due, done, today) => {
        const t = timelinessOf(
          { status, deadline: due ? deadline(due) : null, completedAt: status === 'done' ? done : null },
          today,
        );
        if (status === 'done') expect(due ? ['done_on_time', 'done_late'] : ['no_deadline']).toContain(t);
        else if (status === 'cancelled') expect(t).toBe('cancelled');
        else expect(['overdue', 'due_soon', 'on_track', 'no_deadline']).toContain(t);
      }),
    );
  });
});
