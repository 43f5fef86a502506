import { describe, expect, it } from 'vitest';
import { freshBulkValues, validateBulk } from '../../src/features/task-detail/utils/bulk-values';

const TODAY = '2026-03-15';
const fresh = () => freshBulkValues(TODAY, '');

describe('checking a bulk change before the tasks are read', () => {
  it('asks for a change when none is chosen (a note alone is not one)', () => {
    expect(validateBulk({ ...fresh(), note: 'Chỉ ghi chú.' }, TODAY)).toEqual([
      { name: '(root)', reason: 'bulk_nothing' },
    ]);
  });

  it('reports what the API’s schema refuses whatever the task', () => {
    const errors = validateBulk(
      { ...fresh(), changeAssignee: true, assignee: '  ', changeDeadline: true, deadlineDate: '', date: '2026-03-16' },
      TODAY,
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        { name: 'assignee', reason: 'required' },
        { name: 'deadline.date', reason: 'required' },
      ]),
    );
    expect(validateBulk({ ...fresh(), status: 'done', date: '2026-03-16' }, TODAY)).toEqual([
      { name: 'date', reason: 'in_the_future', params: { max: TODAY } },
    ]);
    expect(
      validateBulk({ ...fresh(), changeDeadline: true, deadlineDate: '2026-12-31', deadlineReason: '' }, TODAY),
    ).toEqual([{ name: 'deadlineReason', reason: 'reason_required' }]);
  });

  it('leaves the rules that depend on each task to the per-task check', () => {
    // Pausing needs a note only for a task not paused yet; an old date may be before some task's assignment.
    expect(validateBulk({ ...fresh(), status: 'paused', date: '2000-01-01' }, TODAY)).toEqual([]);
    expect(validateBulk({ ...fresh(), status: 'in_progress' }, TODAY)).toEqual([]);
  });
});
