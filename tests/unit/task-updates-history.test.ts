// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dbStore, TEST_TODAY } from '../../mocks/node';
import { type StoredTask, TASK_STATUSES } from '../../src/api/schemas';
import { taskPatchSchema } from '../../src/api/task-update-schemas';
import { addDays, datePart } from '../../src/domain/dates';
import {
  applyChange,
  historyIssues,
  initialState,
  replay,
  type TaskChange,
  type TaskUpdateEntry,
  trackedState,
} from '../../src/domain/task-updates';
import { timelinessOf } from '../../src/domain/timeliness';
import { serveMockApi } from '../helpers';

const TODAY = '2026-11-26';
const ASSIGNED = '2025-09-01';

const start: StoredTask = {
  id: 'p',
  title: 'Nhiệm vụ thử',
  description: '',
  articleId: null,
  quote: null,
  issuer: 'Tỉnh ủy',
  assignee: 'Huyện ủy',
  localityCodes: [],
  category: 'economy',
  flagship: false,
  deadline: { date: '2026-03-31', text: 'quý I/2026' },
  status: 'not_started',
  progress: 0,
  completedAt: null,
  createdAt: `${ASSIGNED}T08:00:00+07:00`,
  updatedAt: `${ASSIGNED}T08:00:00+07:00`,
  version: 1,
};

/** Candidate updates: many are invalid on purpose (dates out of range, 90% done, no note when one is needed…). */
const candidate: fc.Arbitrary<TaskChange> = fc.record(
  {
    status: fc.constantFrom(...TASK_STATUSES),
    progress: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constant(100)),
    date: fc.integer({ min: -10, max: 460 }).map((d) => addDays(ASSIGNED, d)),
    note: fc.constantFrom('', 'Báo cáo tiến độ', 'Chờ bố trí vốn'),
    author: fc.constantFrom('Nguyễn Văn A', 'Trần Thị B', 'Nguyễn Văn A', ''),
    deadline: fc.option(
      fc.integer({ min: -30, max: 700 }).map((d) => ({ date: addDays(ASSIGNED, d), text: `ngày +${d}` })),
      { nil: null },
    ),
    deadlineReason: fc.constantFrom('', 'Điều chỉnh kế hoạch vốn', 'Bổ sung hạng mục'),
    assignee: fc.constantFrom('Huyện ủy', 'UBND xã'),
  },
  { requiredKeys: ['date', 'author'] },
);

/** Runs candidates through the contract's schema; applies those it accepts, as the API does. */
function run(candidates: readonly TaskChange[]) {
  let task = start;
  const entries: TaskUpdateEntry[] = [];
  let accepted = 0;
  candidates.forEach((c, i) => {
    const parsed = taskPatchSchema({ task, today: TODAY }).safeParse(c);
    if (!parsed.success) return;
    accepted += 1;
    const recordedAt = new Date(Date.UTC(2026, 10, 26, 0, 0, i)).toISOString();
    const result = applyChange(task, parsed.data, { id: `p-v${task.version + 1}`, recordedAt });
    // Each entry's changes lead exactly from the state before to the state after.
    expect(replay(trackedState(task), [result.entry])).toEqual(trackedState(result.task));
    task = result.task;
    entries.push(result.entry);
  });
  return { task, entries, accepted };
}

describe('any sequence of valid updates keeps the history consistent', () => {
  it('versions, field changes, dates and the current state always agree', () => {
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 30 }), (candidates) => {
        const { task, entries, accepted } = run(candidates);
        expect(task.version).toBe(1 + accepted);
        expect(entries).toHaveLength(accepted);
        expect(historyIssues(task, entries, TODAY)).toEqual([]);
        expect(initialState(task, entries)).toEqual(trackedState(start));
        expect(replay(trackedState(start), entries)).toEqual(trackedState(task));
        for (const e of entries) {
          expect(e.date >= datePart(start.createdAt) && e.date <= TODAY).toBe(true);
          if (e.status === 'done') expect(e.progress).toBe(100);
        }
        // Derived timeliness agrees with the stored state on any date.
        const tl = timelinessOf(task, TODAY);
        // A finished task is on time or late against its deadline; without one it is neither.
        if (task.status === 'done')
          expect(task.deadline ? ['done_on_time', 'done_late'] : ['no_deadline']).toContain(tl);
        else expect(['done_on_time', 'done_late']).not.toContain(tl);
        if (task.status === 'done' && task.deadline && task.completedAt) {
          expect(tl).toBe(task.completedAt <= task.deadline.date ? 'done_on_time' : 'done_late');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a history that was tampered with is caught', () => {
    fc.assert(
      fc.property(fc.array(candidate, { minLength: 5, maxLength: 30 }), fc.nat(), (candidates, pick) => {
        const { task, entries } = run(candidates);
        const withChanges = entries.filter((e) => e.changes.length > 0);
        fc.pre(withChanges.length > 0);
        const victim = withChanges[pick % withChanges.length] as TaskUpdateEntry;
        // Drop one entry that changed something: the rest no longer explains the task.
        const tampered = entries.filter((e) => e !== victim);
        expect(historyIssues(task, tampered, TODAY).length).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  });
});

describe('through the mock API', () => {
  serveMockApi();
  const API = 'http://localhost/api/v1';

  it('concurrent writers with stale versions never break a task’s history', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(candidate, fc.boolean()), { minLength: 1, maxLength: 12 }), async (steps) => {
        dbStore.reset('sample');
        const id = 't-000-05';
        let accepted = 0;
        for (const [c, stale] of steps) {
          const current = dbStore.get().tasks.get(id) as StoredTask;
          const version = stale ? current.version - 1 : current.version;
          const response = await fetch(`${API}/tasks/${id}`, {
            method: 'PATCH',
            headers: { 'Content-Type': 'application/json', 'If-Match': `"${version}"` },
            body: JSON.stringify({ ...c, date: [c.date, TEST_TODAY].sort()[0] }),
          });
          if (stale) expect(response.status).toBe(412);
          else expect([200, 400]).toContain(response.status);
          if (response.status === 200) accepted += 1;
        }
        const db = dbStore.get();
        const task = db.tasks.get(id) as StoredTask;
        const entries = db.updates.get(id) ?? [];
        expect(historyIssues(task, entries, TEST_TODAY)).toEqual([]);
        const history = await (await fetch(`${API}/tasks/${id}/updates`)).json();
        expect(history.items).toHaveLength(entries.length);
        expect(task.version).toBe(1 + entries.length);
        expect(entries.length).toBeGreaterThanOrEqual(accepted);
      }),
      { numRuns: 25 },
    );
  });
});
