/**
 * The contract of task updates: the request bodies of `PATCH /tasks/:id` and `POST /tasks/:id/updates`, the
 * history `GET /tasks/:id/updates`, and the validation both the form and the server run — the same zod schema,
 * built for the task being updated and the date of evaluation.
 */
import { z } from 'zod';
import {
  checkChangeRules,
  type FieldChange,
  type TaskChange,
  type TaskUpdateEntry,
  type TrackedState,
} from '../domain/task-updates';
import { Deadline, IsoDate, IsoDateTime, queryInt, Task, TaskFilters, TaskStatus } from './schemas';

export const Progress = z.int().min(0).max(100).meta({ description: 'Percent complete, 0–100.' });

/** A deadline set by a person: the date and how it is written (e.g. "30/09/2023" or "quý III/2023"). */
export const NewDeadline = z
  .object({
    date: IsoDate,
    text: z.string().trim().min(1).max(100),
  })
  .meta({ id: 'NewDeadline' });

export const NOTE_MAX = 2000;
export const EVIDENCE_MAX = 10;

/** A link to what reports the progress: a news article, a document (http or https only). */
export const Evidence = z
  .object({
    url: z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).max(2000),
    title: z.string().trim().max(300).optional(),
  })
  .meta({ id: 'Evidence', description: 'A link to the article or document that reports the progress.' });
export type Evidence = z.infer<typeof Evidence>;
export const AUTHOR_MAX = 120;

const RULES_DESCRIPTION =
  "Besides the field shapes: `date` lies between the task's assignment (createdAt) and today; a new deadline is not before the assignment and needs a `deadlineReason`; `status: done` means `progress: 100` and sets `completedAt` to `date`; a `note` is required when the task becomes paused or cancelled, when it is marked done after its deadline, and when nothing else changes. A 400 names each field with a machine-readable reason (e.g. `note_required_paused`, `too_big`).";

export const TaskPatchBody = z
  .object({
    status: TaskStatus.optional(),
    progress: Progress.optional(),
    deadline: NewDeadline.nullable().optional().meta({ description: 'A new deadline; null removes it.' }),
    deadlineReason: z.string().trim().max(500).optional(),
    assignee: z.string().trim().min(1).max(200).optional(),
    note: z.string().trim().max(NOTE_MAX).optional(),
    date: IsoDate.meta({ description: 'The day the change takes effect (the completion date when marking done).' }),
    author: z
      .string()
      .max(AUTHOR_MAX)
      .default('')
      .meta({ description: 'Ignored: the server records the signed-in user as the author.' }),
    evidence: z
      .array(Evidence)
      .max(EVIDENCE_MAX)
      .optional()
      .meta({ description: 'Links to the articles or documents that report the progress (at most 10).' }),
  })
  .meta({
    id: 'TaskPatch',
    description: `Changes some fields of a task; recorded in its history. ${RULES_DESCRIPTION}`,
  });
export type TaskPatchBody = z.infer<typeof TaskPatchBody>;

export const ProgressUpdateBody = TaskPatchBody.omit({ assignee: true })
  .extend({ status: TaskStatus, progress: Progress })
  .meta({ id: 'ProgressUpdate', description: `A progress report on a task. ${RULES_DESCRIPTION}` });
export type ProgressUpdateBody = z.infer<typeof ProgressUpdateBody>;

export const TaskFieldChange = z
  .discriminatedUnion('field', [
    z.object({ field: z.literal('status'), from: TaskStatus, to: TaskStatus }),
    z.object({ field: z.literal('progress'), from: Progress, to: Progress }),
    z.object({ field: z.literal('deadline'), from: Deadline.nullable(), to: Deadline.nullable() }),
    z.object({ field: z.literal('assignee'), from: z.string(), to: z.string() }),
    z.object({ field: z.literal('completedAt'), from: IsoDate.nullable(), to: IsoDate.nullable() }),
  ])
  .meta({ id: 'TaskFieldChange', description: 'One field an update changed, with its old and new value.' });

export const TaskUpdate = z
  .object({
    id: z.string().min(1),
    taskId: z.string().min(1),
    version: z.int().min(2).meta({ description: "The task's version after this update (a task starts at 1)." }),
    date: IsoDate.meta({ description: 'The day the update reports on.' }),
    recordedAt: IsoDateTime,
    author: z.string(),
    note: z.string(),
    status: TaskStatus.meta({ description: 'Status after the update.' }),
    progress: Progress.meta({ description: 'Progress after the update.' }),
    deadlineReason: z.string().nullable(),
    changes: z.array(TaskFieldChange),
    evidence: z
      .array(Evidence)
      .max(EVIDENCE_MAX)
      .default([])
      .meta({ description: 'Links to what reports the progress; [] when none (and in entries stored before).' }),
  })
  .meta({ id: 'TaskUpdate' });
export type TaskUpdate = z.infer<typeof TaskUpdate>;

export const TaskUpdateList = z
  .object({ taskId: z.string(), items: z.array(TaskUpdate).meta({ description: 'Oldest first.' }) })
  .meta({ id: 'TaskUpdateList' });
export type TaskUpdateList = z.infer<typeof TaskUpdateList>;

export const TaskChangeResult = z
  .object({ task: Task, update: TaskUpdate })
  .meta({ id: 'TaskChangeResult', description: 'The task after the change, and the history entry it left.' });
export type TaskChangeResult = z.infer<typeof TaskChangeResult>;

/** The contract's history entry is the domain's. */
export type _SameEntry = [
  TaskUpdate extends TaskUpdateEntry ? true : never,
  FieldChange extends z.infer<typeof TaskFieldChange> ? true : never,
];

export interface UpdateContext {
  /** The task as the person saw it when they wrote the update. */
  task: TrackedState & { createdAt: string };
  /** The date of evaluation (YYYY-MM-DD); no update may be dated after it. */
  today: string;
}

/** English text of each rule (for API readers); the app shows its own messages, chosen by reason. */
const RULE_MESSAGES: Record<string, string> = {
  before_assignment: 'must not be before the task was assigned',
  in_the_future: 'must not be in the future',
  note_required_late: 'a note is required when a task is marked done after its deadline',
  note_required_paused: 'a note is required when a task is paused',
  note_required_cancelled: 'a note is required when a task is cancelled',
  reason_required: 'a reason is required when the deadline changes',
  done_requires_full_progress: 'a done task is at 100%',
  no_change: 'nothing to record: change a field or write a note',
};

/** Adds the business rules of an update (src/domain/task-updates.ts) to a body schema, as zod issues. */
function addRuleIssues(value: TaskChange, refine: z.RefinementCtx, ctx: UpdateContext) {
  for (const issue of checkChangeRules(ctx.task, value, ctx.today)) {
    refine.addIssue({
      code: 'custom',
      path: issue.path,
      message: RULE_MESSAGES[issue.reason] ?? issue.reason,
      params: { reason: issue.reason, ...issue.params },
    });
  }
}

/** `PATCH /tasks/:id`: the body, with the rules for this task on this date. */
export function taskPatchSchema(ctx: UpdateContext) {
  return TaskPatchBody.superRefine((value, refine) => addRuleIssues(value, refine, ctx));
}

/** `POST /tasks/:id/updates`: the body, with the rules for this task on this date. */
export function progressUpdateSchema(ctx: UpdateContext) {
  return ProgressUpdateBody.superRefine((value, refine) => addRuleIssues(value, refine, ctx));
}

/** A field error as the API reports it: the field's dotted path and a machine-readable reason. */
export interface FieldError {
  name: string;
  reason: string;
  params?: Record<string, string>;
}

/** The machine-readable reason of a zod issue (what the API sends and the app maps to its own messages). */
export function issueReason(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'custom': {
      const reason = (issue.params as { reason?: unknown } | undefined)?.reason;
      return typeof reason === 'string' ? reason : 'invalid';
    }
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? 'required' : 'invalid';
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) === 1 ? 'required' : 'too_small';
    case 'too_big':
      return issue.origin === 'string' ? 'too_long' : 'too_big';
    case 'invalid_format':
      return issue.format === 'date' ? 'invalid_date' : 'invalid';
    case 'invalid_value':
      return 'invalid_value';
    default:
      return 'invalid';
  }
}

/** Field errors of a failed parse, first error per field, in the order of the issues. */
export function fieldErrorsOf(error: z.ZodError): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  for (const issue of error.issues) {
    const name = issue.path.map(String).join('.') || '(root)';
    if (seen.has(name)) continue;
    seen.add(name);
    const params: Record<string, string> = {};
    const raw = issue.code === 'custom' ? (issue.params as Record<string, unknown> | undefined) : undefined;
    for (const [k, v] of Object.entries(raw ?? {})) if (k !== 'reason' && typeof v === 'string') params[k] = v;
    if (issue.code === 'too_big' && issue.origin === 'string') params.max = String(issue.maximum);
    out.push({ name, reason: issueReason(issue), ...(Object.keys(params).length ? { params } : {}) });
  }
  return out;
}

/** The version in an `If-Match` / `ETag` header value (`"3"`, `W/"3"` or `3`), or null. */
export function parseVersionTag(header: string | null): number | null {
  if (!header) return null;
  const m = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(header);
  return m ? Number(m[1]) : null;
}

export { versionTag } from './constants';

/** `GET /updates`: the latest updates across the tasks matching the filters, newest recorded first. */
export const RecentUpdatesQuery = TaskFilters.extend({
  page: queryInt(1).default(1),
  pageSize: queryInt(1, 100).default(10),
});
export type RecentUpdatesQuery = z.output<typeof RecentUpdatesQuery>;

export const RecentUpdate = TaskUpdate.extend({
  taskTitle: z.string(),
  flagship: z.boolean(),
}).meta({ id: 'RecentUpdate', description: 'A history entry with the title of its task.' });
export type RecentUpdate = z.infer<typeof RecentUpdate>;

export const RecentUpdatePage = z
  .object({
    items: z.array(RecentUpdate),
    total: z.int().nonnegative(),
    page: z.int().min(1),
    pageSize: z.int().min(1),
  })
  .meta({ id: 'RecentUpdatePage' });
export type RecentUpdatePage = z.infer<typeof RecentUpdatePage>;
