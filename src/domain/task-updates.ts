/**
 * Recording progress updates on a task: the rules an update must follow, applying it, the field-level diff it
 * leaves in the history, and the checks that a history explains the task's current state. Pure, shared by the
 * mock API (and any TypeScript server) and the app (form validation, optimistic updates, stale-save diffs).
 */
import type { Deadline, StoredTask, TaskStatus } from '../api/schemas';
import { datePart } from './dates';

/** The stored fields an update can change; each change is recorded with its old and new value. */
export const TRACKED_FIELDS = ['status', 'progress', 'deadline', 'assignee', 'completedAt'] as const;
export type TrackedField = (typeof TRACKED_FIELDS)[number];

export interface TrackedState {
  status: TaskStatus;
  progress: number;
  deadline: Deadline | null;
  assignee: string;
  /** YYYY-MM-DD, set exactly when status is done. */
  completedAt: string | null;
}

export type FieldChange =
  | { field: 'status'; from: TaskStatus; to: TaskStatus }
  | { field: 'progress'; from: number; to: number }
  | { field: 'deadline'; from: Deadline | null; to: Deadline | null }
  | { field: 'assignee'; from: string; to: string }
  | { field: 'completedAt'; from: string | null; to: string | null };

/** A link to what reports the progress (a news article, a document); http(s) only, at most 10 per update. */
export interface EvidenceLink {
  url: string;
  title?: string;
}

/** What a person asks to change. Absent fields stay as they are. */
export interface TaskChange {
  status?: TaskStatus;
  progress?: number;
  /** A new deadline (null removes it). */
  deadline?: Deadline | null;
  /** Why the deadline changes; required when it does. */
  deadlineReason?: string;
  assignee?: string;
  note?: string;
  /** YYYY-MM-DD: the day the reported state was reached (the completion date when marking done). */
  date: string;
  /** Who records the update (a name for now). */
  author: string;
  /** Links to the articles or documents that report the progress. */
  evidence?: EvidenceLink[];
}

/** One entry of a task's history: when, who, the state after it and what changed. */
export interface TaskUpdateEntry {
  id: string;
  taskId: string;
  /** The task's version after this update (the task starts at version 1). */
  version: number;
  /** YYYY-MM-DD: the day the update reports on. */
  date: string;
  /** When it was recorded (ISO date-time). */
  recordedAt: string;
  author: string;
  note: string;
  /** Status and progress after the update. */
  status: TaskStatus;
  progress: number;
  deadlineReason: string | null;
  changes: FieldChange[];
  /** Links to what reports the progress (empty when none). */
  evidence: EvidenceLink[];
}

/** Machine-readable reasons of the rules below (the API sends them as field-error reasons). */
export const RULE_REASONS = [
  'before_assignment',
  'in_the_future',
  'note_required_late',
  'note_required_paused',
  'note_required_cancelled',
  'reason_required',
  'done_requires_full_progress',
  'no_change',
] as const;
export type RuleReason = (typeof RULE_REASONS)[number];

export interface RuleIssue {
  /** The field, e.g. ['date'] or ['deadline', 'date']. */
  path: string[];
  reason: RuleReason;
  /** Values the message can show (e.g. the earliest allowed date). */
  params?: Record<string, string>;
}

export function trackedState(task: TrackedState): TrackedState {
  return {
    status: task.status,
    progress: task.progress,
    deadline: task.deadline ? { date: task.deadline.date, text: task.deadline.text } : null,
    assignee: task.assignee,
    completedAt: task.completedAt,
  };
}

export function sameDeadline(a: Deadline | null, b: Deadline | null): boolean {
  if (a === null || b === null) return a === b;
  return a.date === b.date && a.text === b.text;
}

function sameValue(field: TrackedField, a: TrackedState, b: TrackedState): boolean {
  return field === 'deadline' ? sameDeadline(a.deadline, b.deadline) : a[field] === b[field];
}

/** The field-level difference from `a` to `b`, in TRACKED_FIELDS order. */
export function diffTracked(a: TrackedState, b: TrackedState): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of TRACKED_FIELDS) {
    if (sameValue(field, a, b)) continue;
    out.push({ field, from: a[field], to: b[field] } as FieldChange);
  }
  return out;
}

/** The state a task is in after `change` (assuming the change is valid). */
export function resultingState(task: TrackedState, change: TaskChange): TrackedState {
  const status = change.status ?? task.status;
  const done = status === 'done';
  const progress = change.progress ?? (done ? 100 : task.progress);
  // The completion date is the date of the update that marks the task done; later updates keep it.
  const completedAt = done ? (task.status === 'done' && task.completedAt ? task.completedAt : change.date) : null;
  const deadline = change.deadline !== undefined ? change.deadline : task.deadline;
  const assignee = change.assignee !== undefined ? change.assignee.trim() : task.assignee;
  return { status, progress, deadline, assignee, completedAt };
}

/** Does the change move the deadline? */
export function changesDeadline(task: TrackedState, change: TaskChange): boolean {
  return change.deadline !== undefined && !sameDeadline(change.deadline, task.deadline);
}

/**
 * The business rules of an update, beyond the shape of its fields: dates between the task's assignment and
 * `today`; a reason when the deadline moves; done means 100%; a note when marking a task done late, paused or
 * cancelled; and something to record at all.
 */
export function checkChangeRules(task: TrackedState & { createdAt: string }, change: TaskChange, today: string) {
  const issues: RuleIssue[] = [];
  const assignedOn = datePart(task.createdAt);
  if (change.date < assignedOn)
    issues.push({ path: ['date'], reason: 'before_assignment', params: { min: assignedOn } });
  if (change.date > today) issues.push({ path: ['date'], reason: 'in_the_future', params: { max: today } });
  if (change.deadline && change.deadline.date < assignedOn) {
    issues.push({ path: ['deadline', 'date'], reason: 'before_assignment', params: { min: assignedOn } });
  }
  if (changesDeadline(task, change) && !change.deadlineReason?.trim()) {
    issues.push({ path: ['deadlineReason'], reason: 'reason_required' });
  }
  const next = resultingState(task, change);
  if (next.status === 'done' && next.progress !== 100) {
    issues.push({ path: ['progress'], reason: 'done_requires_full_progress' });
  }
  const note = change.note?.trim() ?? '';
  if (!note) {
    const statusChanges = change.status !== undefined && change.status !== task.status;
    if (statusChanges && change.status === 'paused') issues.push({ path: ['note'], reason: 'note_required_paused' });
    else if (statusChanges && change.status === 'cancelled') {
      issues.push({ path: ['note'], reason: 'note_required_cancelled' });
    } else if (
      statusChanges &&
      next.status === 'done' &&
      next.deadline &&
      next.completedAt &&
      next.completedAt > next.deadline.date
    ) {
      issues.push({ path: ['note'], reason: 'note_required_late', params: { deadline: next.deadline.date } });
    } else if (diffTracked(task, next).length === 0) {
      issues.push({ path: ['note'], reason: 'no_change' });
    }
  }
  return issues;
}

/** Is the update a late completion (it marks the task done after its deadline)? The form uses it for hints. */
export function marksDoneLate(task: TrackedState, change: TaskChange): boolean {
  const next = resultingState(task, change);
  return (
    task.status !== 'done' &&
    next.status === 'done' &&
    next.deadline !== null &&
    next.completedAt !== null &&
    next.completedAt > next.deadline.date
  );
}

/** Applies a (validated) change: the task's next state and version, and the history entry it leaves. */
export function applyChange(
  task: StoredTask,
  change: TaskChange,
  meta: { id: string; recordedAt: string },
): { task: StoredTask; entry: TaskUpdateEntry } {
  const next = resultingState(task, change);
  const version = task.version + 1;
  const entry: TaskUpdateEntry = {
    id: meta.id,
    taskId: task.id,
    version,
    date: change.date,
    recordedAt: meta.recordedAt,
    author: change.author.trim(),
    note: change.note?.trim() ?? '',
    status: next.status,
    progress: next.progress,
    deadlineReason: changesDeadline(task, change) ? (change.deadlineReason?.trim() ?? null) : null,
    changes: diffTracked(task, next),
    evidence: (change.evidence ?? []).map((e) => ({ ...e })),
  };
  return { task: { ...task, ...next, updatedAt: meta.recordedAt, version }, entry };
}

/** Undoes one entry's changes on a state (the state before that update). */
function revert(state: TrackedState, entry: TaskUpdateEntry): TrackedState {
  const before = { ...state };
  for (const c of entry.changes) (before as Record<TrackedField, unknown>)[c.field] = c.from;
  return before;
}

/**
 * Everything that is wrong with a history (empty when it is consistent): entries ordered by version, one
 * version apart and ending at the task's version; each entry's changes lead from the state before it to the
 * state after it, and its recorded status and progress are that state's; dates within the task's life; done
 * always at 100% with a completion date, and never a completion date otherwise.
 */
export function historyIssues(task: StoredTask, entries: readonly TaskUpdateEntry[], today?: string): string[] {
  const issues: string[] = [];
  const assignedOn = datePart(task.createdAt);
  const first = task.version - entries.length + 1;
  // A task starts at version 1; its first update makes version 2.
  if (first !== 2) issues.push(`${entries.length} entries cannot lead from version 1 to version ${task.version}`);
  entries.forEach((e, i) => {
    if (e.taskId !== task.id) issues.push(`entry ${e.id} belongs to ${e.taskId}`);
    if (e.version !== first + i) issues.push(`entry ${e.id} has version ${e.version}, expected ${first + i}`);
    if (e.date < assignedOn) issues.push(`entry ${e.id} is dated before the assignment`);
    if (today && e.date > today) issues.push(`entry ${e.id} is dated in the future`);
    if (i > 0 && e.recordedAt < (entries[i - 1]?.recordedAt ?? '')) issues.push(`entry ${e.id} recorded out of order`);
    const fields = e.changes.map((c) => c.field);
    if (new Set(fields).size !== fields.length) issues.push(`entry ${e.id} changes a field twice`);
  });
  // Walk back from the current state: each entry must end where the next one starts.
  let state = trackedState(task);
  for (let i = entries.length - 1; i >= 0; i -= 1) {
    const e = entries[i] as TaskUpdateEntry;
    if (e.status !== state.status || e.progress !== state.progress) {
      issues.push(
        `entry ${e.id} records ${e.status}/${e.progress}, the state after it is ${state.status}/${state.progress}`,
      );
    }
    for (const c of e.changes) {
      const now = state[c.field];
      const same =
        c.field === 'deadline' ? sameDeadline(now as Deadline | null, c.to as Deadline | null) : now === c.to;
      if (!same) issues.push(`entry ${e.id}: ${c.field} should be ${JSON.stringify(c.to)}, is ${JSON.stringify(now)}`);
    }
    state = revert(state, e);
    checkState(state, `before entry ${e.id}`, issues);
  }
  checkState(trackedState(task), 'current state', issues);
  return issues;
}

function checkState(s: TrackedState, where: string, issues: string[]) {
  if (!Number.isInteger(s.progress) || s.progress < 0 || s.progress > 100)
    issues.push(`${where}: progress ${s.progress}`);
  if (s.status === 'done' && s.progress !== 100) issues.push(`${where}: done at ${s.progress}%`);
  if ((s.status === 'done') !== (s.completedAt !== null)) issues.push(`${where}: completedAt ${s.completedAt}`);
}

/** The state a task started from, read back through its history. */
export function initialState(task: TrackedState, entries: readonly TaskUpdateEntry[]): TrackedState {
  let state = trackedState(task);
  for (let i = entries.length - 1; i >= 0; i -= 1) state = revert(state, entries[i] as TaskUpdateEntry);
  return state;
}

/** Plays a history forward from a state. */
export function replay(initial: TrackedState, entries: readonly TaskUpdateEntry[]): TrackedState {
  let state = trackedState(initial);
  for (const e of entries) {
    const next = { ...state };
    for (const c of e.changes) (next as Record<TrackedField, unknown>)[c.field] = c.to;
    state = next;
  }
  return state;
}

export interface ProgressPoint {
  /** YYYY-MM-DD */
  date: string;
  progress: number;
  status: TaskStatus;
  /** 1 for the assignment, then the version after each update. */
  version: number;
}

/** Progress over time: the assignment, then each update, ordered by date (then by version). */
export function progressSeries(task: StoredTask, entries: readonly TaskUpdateEntry[]): ProgressPoint[] {
  const start = initialState(task, entries);
  const first = task.version - entries.length;
  const points: ProgressPoint[] = [
    { date: datePart(task.createdAt), progress: start.progress, status: start.status, version: first },
    ...entries.map((e) => ({ date: e.date, progress: e.progress, status: e.status, version: e.version })),
  ];
  return points.sort((a, b) => a.date.localeCompare(b.date) || a.version - b.version);
}

/** A progress report as sample data writes it: the state reached on a day. */
export interface ReportedState {
  date: string;
  status: TaskStatus;
  progress: number;
  note: string;
  author: string;
}

/**
 * The history of a task given as a list of reports (sample data): each report becomes an entry with what it
 * changed, starting from `start` (by default: not started, 0%, the task's deadline and assignee).
 */
export function historyFromReports(
  task: Pick<StoredTask, 'id' | 'deadline' | 'assignee'>,
  reports: readonly ReportedState[],
  options: { start?: Partial<TrackedState>; recordedAt?: (date: string) => string } = {},
): TaskUpdateEntry[] {
  let state: TrackedState = {
    status: 'not_started',
    progress: 0,
    deadline: task.deadline,
    assignee: task.assignee,
    completedAt: null,
    ...options.start,
  };
  const stamp = options.recordedAt ?? ((date: string) => `${date}T08:00:00+07:00`);
  return reports.map((r, i) => {
    const next = resultingState(state, { status: r.status, progress: r.progress, date: r.date, author: r.author });
    const entry: TaskUpdateEntry = {
      id: `${task.id}-v${i + 2}`,
      taskId: task.id,
      version: i + 2,
      date: r.date,
      recordedAt: stamp(r.date),
      author: r.author,
      note: r.note,
      status: next.status,
      progress: next.progress,
      deadlineReason: null,
      changes: diffTracked(state, next),
      evidence: [],
    };
    state = next;
    return entry;
  });
}
