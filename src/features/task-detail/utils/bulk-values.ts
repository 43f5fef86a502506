import { ZodError } from 'zod';
import type { Task, TaskStatus } from '../../../api/schemas';
import {
  type FieldError,
  fieldErrorsOf,
  issueReason,
  type TaskPatchBody,
  taskPatchSchema,
} from '../../../api/task-update-schemas';
import type { TrackedState } from '../../../domain/task-updates';
import { writtenDate } from './form-values';

/** What the person types in the bulk-update form, as text. */
export interface BulkValues {
  /** '' keeps each task's status. */
  status: TaskStatus | '';
  changeDeadline: boolean;
  deadlineDate: string;
  deadlineText: string;
  deadlineReason: string;
  changeAssignee: boolean;
  assignee: string;
  note: string;
  date: string;
  author: string;
}

/** The fields of the bulk form, named as the API names them in its field errors, and the value each one feeds. */
export const BULK_VALUE_OF = {
  status: 'status',
  date: 'date',
  'deadline.date': 'deadlineDate',
  'deadline.text': 'deadlineText',
  deadlineReason: 'deadlineReason',
  assignee: 'assignee',
  note: 'note',
} as const satisfies Record<string, keyof BulkValues>;
export type BulkField = keyof typeof BULK_VALUE_OF;

/** The form-level error of a bulk change that changes nothing (the note alone is not a change for many tasks). */
export const NOTHING_TO_CHANGE = 'bulk_nothing';

/** The field of the bulk form an API field error belongs to (an error on `deadline` as a whole shows on its date). */
export function bulkFieldOf(name: string): BulkField | null {
  if (name === 'deadline') return 'deadline.date';
  return Object.hasOwn(BULK_VALUE_OF, name) ? (name as BulkField) : null;
}

/** A fresh bulk form: nothing changed, dated today. */
export function freshBulkValues(today: string, author: string): BulkValues {
  return {
    status: '',
    changeDeadline: false,
    deadlineDate: '',
    deadlineText: '',
    deadlineReason: '',
    changeAssignee: false,
    assignee: '',
    note: '',
    date: today,
    author,
  };
}

/** Whether two sets of values differ in what the person typed (the remembered author aside). */
export function bulkValuesDiffer(a: BulkValues, b: BulkValues): boolean {
  return (Object.keys(a) as Array<keyof BulkValues>).some((k) => k !== 'author' && a[k] !== b[k]);
}

/** The `PATCH /tasks/:id` body the values stand for (not yet validated: the schema decides). */
export function toBulkBody(v: BulkValues): Record<string, unknown> {
  const body: Record<string, unknown> = { note: v.note, date: v.date || undefined, author: v.author };
  if (v.status) body.status = v.status;
  if (v.changeDeadline) {
    body.deadline = {
      date: v.deadlineDate || undefined,
      text: v.deadlineText.trim() || (v.deadlineDate ? writtenDate(v.deadlineDate) : ''),
    };
    body.deadlineReason = v.deadlineReason;
  }
  if (v.changeAssignee) body.assignee = v.assignee;
  return body;
}

/**
 * Rules whose outcome depends on the task (its assignment date, status, deadline, assignee): the form cannot know
 * them before it reads each task, so they are checked per task when the change is applied.
 */
const PER_TASK_REASONS = new Set([
  'before_assignment',
  'note_required_paused',
  'note_required_cancelled',
  'note_required_late',
  'no_change',
  'done_requires_full_progress',
]);

/** A task the rules that depend on the task never refuse anything for (assigned long ago, nothing set). */
const ANY_TASK: TrackedState & { createdAt: string } = {
  status: 'in_progress',
  progress: 0,
  deadline: null,
  assignee: '',
  completedAt: null,
  createdAt: '1900-01-01T00:00:00Z',
};

/**
 * What is wrong with the change whatever the tasks: a change is chosen, and the API's schema (`PATCH /tasks/:id`)
 * accepts the fields — a date not in the future, a deadline with its date and reason, an assignee, lengths.
 */
export function validateBulk(values: BulkValues, today: string): FieldError[] {
  if (!values.status && !values.changeDeadline && !values.changeAssignee) {
    return [{ name: '(root)', reason: NOTHING_TO_CHANGE }];
  }
  const parsed = taskPatchSchema({ task: ANY_TASK, today }).safeParse(toBulkBody(values), { reportInput: true });
  if (parsed.success) return [];
  const issues = parsed.error.issues.filter((issue) => !PER_TASK_REASONS.has(issueReason(issue)));
  return issues.length ? fieldErrorsOf(new ZodError(issues)) : [];
}

export type BulkCheck = { ok: true; body: TaskPatchBody } | { ok: false; errors: FieldError[] };

/** The change checked with the API's schema against one task as it is now. */
export function checkBulkForTask(values: BulkValues, task: Task, today: string): BulkCheck {
  const parsed = taskPatchSchema({ task, today }).safeParse(toBulkBody(values), { reportInput: true });
  return parsed.success ? { ok: true, body: parsed.data } : { ok: false, errors: fieldErrorsOf(parsed.error) };
}
