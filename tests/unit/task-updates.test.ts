// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { SAMPLE_ARTICLES } from '../../mocks/db';
import { dbStore } from '../../mocks/node';
import type { StoredTask } from '../../src/api/schemas';
import {
  fieldErrorsOf,
  parseVersionTag,
  progressUpdateSchema,
  TaskUpdate,
  taskPatchSchema,
} from '../../src/api/task-update-schemas';
import {
  applyChange,
  checkChangeRules,
  diffTracked,
  historyFromReports,
  historyIssues,
  initialState,
  progressSeries,
  replay,
  type TaskChange,
} from '../../src/domain/task-updates';

const TODAY = '2026-11-26';

function task(overrides: Partial<StoredTask> = {}): StoredTask {
  return {
    id: 't-1',
    title: 'Nạo vét kênh',
    description: '',
    articleId: null,
    quote: null,
    issuer: 'UBND tỉnh',
    assignee: 'UBND huyện',
    localityCodes: [],
    category: 'infrastructure',
    flagship: false,
    deadline: { date: '2026-06-30', text: 'quý II' },
    status: 'in_progress',
    progress: 40,
    completedAt: null,
    createdAt: '2026-01-15T08:00:00+07:00',
    updatedAt: '2026-01-15T08:00:00+07:00',
    version: 1,
    ...overrides,
  };
}

const change = (c: Partial<TaskChange>): TaskChange => ({ date: TODAY, author: 'Nguyễn Văn A', ...c });
const reasons = (t: StoredTask, c: TaskChange) =>
  checkChangeRules(t, c, TODAY).map((i) => `${i.path.join('.')}:${i.reason}`);
const meta = { id: 'u', recordedAt: '2026-11-26T10:00:00.000Z' };

describe('the rules of an update', () => {
  it('accepts a plain progress report', () => {
    expect(reasons(task(), change({ status: 'in_progress', progress: 55 }))).toEqual([]);
  });

  it('keeps the date between the assignment and today', () => {
    expect(reasons(task(), change({ progress: 50, date: '2026-01-14' }))).toEqual(['date:before_assignment']);
    expect(reasons(task(), change({ progress: 50, date: '2026-01-15' }))).toEqual([]);
    expect(reasons(task(), change({ progress: 50, date: '2026-11-27' }))).toEqual(['date:in_the_future']);
  });

  it('needs a note to pause or cancel a task, or to mark it done after its deadline', () => {
    expect(reasons(task(), change({ status: 'paused' }))).toEqual(['note:note_required_paused']);
    expect(reasons(task(), change({ status: 'cancelled' }))).toEqual(['note:note_required_cancelled']);
    expect(reasons(task(), change({ status: 'done', progress: 100 }))).toEqual(['note:note_required_late']);
    expect(reasons(task(), change({ status: 'paused', note: 'Chờ vốn' }))).toEqual([]);
    // Done on or before the deadline needs no note.
    expect(reasons(task(), change({ status: 'done', progress: 100, date: '2026-06-30' }))).toEqual([]);
    // A paused task reporting again while still paused is not "marking" it paused.
    expect(reasons(task({ status: 'paused' }), change({ status: 'paused', progress: 45 }))).toEqual([]);
  });

  it('means 100% by done', () => {
    expect(reasons(task(), change({ status: 'done', progress: 90, date: '2026-06-01' }))).toEqual([
      'progress:done_requires_full_progress',
    ]);
    expect(reasons(task(), change({ status: 'done', date: '2026-06-01' }))).toEqual([]);
  });

  it('needs a reason to move the deadline, and not before the assignment', () => {
    const later = { date: '2026-12-31', text: 'cuối năm 2026' };
    expect(reasons(task(), change({ deadline: later }))).toEqual(['deadlineReason:reason_required']);
    expect(reasons(task(), change({ deadline: later, deadlineReason: 'Bổ sung vốn' }))).toEqual([]);
    expect(reasons(task(), change({ deadline: { date: '2025-12-31', text: 'x' }, deadlineReason: 'r' }))).toEqual([
      'deadline.date:before_assignment',
    ]);
    // Setting the same deadline again is no change and needs no reason.
    expect(reasons(task(), change({ deadline: { date: '2026-06-30', text: 'quý II' }, note: 'n' }))).toEqual([]);
  });

  it('refuses an update that records nothing', () => {
    expect(reasons(task(), change({ status: 'in_progress', progress: 40 }))).toEqual(['note:no_change']);
    expect(reasons(task(), change({ status: 'in_progress', progress: 40, note: 'Đang chờ' }))).toEqual([]);
  });
});

describe('applying an update', () => {
  it('sets completedAt to the date when marking done, and clears it when reopening', () => {
    const done = applyChange(task(), change({ status: 'done', date: '2026-05-20' }), meta);
    expect(done.task).toMatchObject({ status: 'done', progress: 100, completedAt: '2026-05-20', version: 2 });
    expect(done.entry.changes).toEqual([
      { field: 'status', from: 'in_progress', to: 'done' },
      { field: 'progress', from: 40, to: 100 },
      { field: 'completedAt', from: null, to: '2026-05-20' },
    ]);
    // A later note on a done task keeps its completion date.
    const note = applyChange(done.task, change({ status: 'done', note: 'Nghiệm thu' }), meta);
    expect(note.task.completedAt).toBe('2026-05-20');
    expect(note.entry.changes).toEqual([]);
    const reopened = applyChange(note.task, change({ status: 'in_progress', progress: 95, note: 'Bổ sung' }), meta);
    expect(reopened.task).toMatchObject({ status: 'in_progress', progress: 95, completedAt: null, version: 4 });
  });

  it('records the deadline reason only when the deadline moves', () => {
    const moved = applyChange(
      task(),
      change({ deadline: { date: '2026-12-31', text: 'cuối năm' }, deadlineReason: ' Bổ sung vốn ' }),
      meta,
    );
    expect(moved.entry.deadlineReason).toBe('Bổ sung vốn');
    expect(moved.entry.changes).toEqual([
      { field: 'deadline', from: { date: '2026-06-30', text: 'quý II' }, to: { date: '2026-12-31', text: 'cuối năm' } },
    ]);
    const same = applyChange(task(), change({ progress: 50, deadlineReason: 'x' }), meta);
    expect(same.entry.deadlineReason).toBeNull();
  });

  it('keeps the evidence links of an update in its history entry, and none when there are none', () => {
    const evidence = [{ url: 'https://baodongkhoi.vn/cau-dinh-khao-thong-xe', title: 'Cầu Đình Khao thông xe' }];
    expect(applyChange(task(), change({ progress: 60, evidence }), meta).entry.evidence).toEqual(evidence);
    expect(applyChange(task(), change({ progress: 60 }), meta).entry.evidence).toEqual([]);
  });

  it('accepts evidence as http(s) links only, at most 10, and reads an entry stored without it as none', () => {
    const schema = progressUpdateSchema({ task: task(), today: TODAY });
    const body = { status: 'in_progress', progress: 60, date: '2026-05-20', author: 'A' };
    const link = (url: string) => ({ url });
    expect(schema.safeParse({ ...body, evidence: [link('https://example.gov.vn/bao-cao')] }).success).toBe(true);
    for (const url of ['javascript:alert(1)', 'ftp://example.gov.vn/a', 'data:text/html,x', 'example.gov.vn']) {
      expect(schema.safeParse({ ...body, evidence: [link(url)] }).success, url).toBe(false);
    }
    const eleven = Array.from({ length: 11 }, (_, i) => link(`https://example.gov.vn/${i}`));
    expect(schema.safeParse({ ...body, evidence: eleven }).success).toBe(false);
    const stored = applyChange(task(), change({ progress: 60 }), meta).entry;
    const { evidence: _none, ...old } = stored;
    expect(TaskUpdate.parse(old).evidence).toEqual([]);
  });

  it('diffs only what differs', () => {
    expect(diffTracked(task(), task())).toEqual([]);
    expect(diffTracked(task(), task({ assignee: 'UBND xã' }))).toEqual([
      { field: 'assignee', from: 'UBND huyện', to: 'UBND xã' },
    ]);
  });
});

describe('histories', () => {
  it('explain every sample task’s current state', () => {
    const db = dbStore.get();
    for (const article of SAMPLE_ARTICLES) {
      for (const def of article.tasks) {
        const t = db.tasks.get(def.id) as StoredTask;
        const entries = db.updates.get(def.id) ?? [];
        expect(historyIssues(t, entries, TODAY), def.id).toEqual([]);
        expect(initialState(t, entries), def.id).toMatchObject({ status: 'not_started', progress: 0 });
        expect(replay(initialState(t, entries), entries)).toMatchObject({ status: t.status, progress: t.progress });
      }
    }
  });

  it('read the Đình Khao bridge from 0% in 2022 to 95% (open to traffic) in October 2025', () => {
    const db = dbStore.get();
    const bridge = db.tasks.get('t-000-09') as StoredTask;
    const series = progressSeries(bridge, db.updates.get('t-000-09') ?? []);
    expect(series.map((p) => [p.date, p.progress])).toEqual([
      ['2022-03-22', 0],
      ['2022-09-20', 10],
      ['2023-06-16', 30],
      ['2024-09-12', 60],
      ['2025-06-30', 88],
      ['2025-10-28', 95],
    ]);
  });

  it('catch a history that does not lead to the task', () => {
    const entries = historyFromReports(task(), [
      { date: '2026-02-01', status: 'in_progress', progress: 20, note: 'a', author: 'A' },
      { date: '2026-03-01', status: 'in_progress', progress: 40, note: 'b', author: 'A' },
    ]);
    const t = task({ version: 3 });
    expect(historyIssues(t, entries)).toEqual([]);
    expect(historyIssues(task({ version: 3, progress: 45 }), entries).length).toBeGreaterThan(0);
    expect(historyIssues(task({ version: 4 }), entries).length).toBeGreaterThan(0);
    const swapped = [entries[1], entries[0]] as typeof entries;
    expect(historyIssues(t, swapped).length).toBeGreaterThan(0);
  });
});

describe('the contract’s schemas', () => {
  const ctx = { task: task(), today: TODAY };

  it('name each bad field with a machine-readable reason', () => {
    const parsed = progressUpdateSchema(ctx).safeParse(
      { status: 'paused', progress: 101, date: '2026-13-01', author: ' ', note: '' },
      { reportInput: true },
    );
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(fieldErrorsOf(parsed.error).map((e) => `${e.name}:${e.reason}`)).toEqual([
      'progress:too_big',
      'date:invalid_date',
      // No author error: the author is the signed-in user, whatever a body says.
      'note:note_required_paused',
    ]);
  });

  it('require status and progress in a progress update, not in a patch', () => {
    expect(progressUpdateSchema(ctx).safeParse({ date: TODAY, author: 'A', note: 'n' }).success).toBe(false);
    expect(taskPatchSchema(ctx).safeParse({ date: TODAY, author: 'A', assignee: 'UBND xã' }).success).toBe(true);
  });

  it('read If-Match versions in their usual spellings', () => {
    expect(parseVersionTag('"3"')).toBe(3);
    expect(parseVersionTag('W/"12"')).toBe(12);
    expect(parseVersionTag('7')).toBe(7);
    expect(parseVersionTag('*')).toBeNull();
    expect(parseVersionTag(null)).toBeNull();
  });
});
