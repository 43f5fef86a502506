import type { Task, TaskStatus } from '../../../api/schemas';
import {
  type FieldError,
  fieldErrorsOf,
  type ProgressUpdateBody,
  progressUpdateSchema,
} from '../../../api/task-update-schemas';
import { marksDoneLate, type TaskChange } from '../../../domain/task-updates';

/** What the person types, as text (a half-typed number or date stays as typed). */
export interface FormValues {
  status: TaskStatus;
  progress: string;
  date: string;
  note: string;
  author: string;
  changeDeadline: boolean;
  deadlineDate: string;
  deadlineText: string;
  deadlineReason: string;
}

const AUTHOR_KEY = 'directive-tracker.author';

export function storedAuthor(): string {
  try {
    return localStorage.getItem(AUTHOR_KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberAuthor(author: string): void {
  try {
    localStorage.setItem(AUTHOR_KEY, author.trim());
  } catch {
    // Not remembered: the field starts empty next time.
  }
}

/** A fresh form for the task as it is: its status and progress, dated today, no note. */
export function initialValues(task: Task, today: string, author: string): FormValues {
  return {
    status: task.status,
    progress: String(task.progress),
    date: today,
    note: '',
    author,
    changeDeadline: false,
    deadlineDate: task.deadline?.date ?? '',
    deadlineText: '',
    deadlineReason: '',
  };
}

/** 30/06/2022: how a deadline set by date is written in Vietnamese documents (whatever the interface language). */
export function writtenDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** The request body the values stand for (not yet validated: the schema decides). */
export function toBody(v: FormValues): Record<string, unknown> {
  const progress = v.progress.trim();
  const body: Record<string, unknown> = {
    status: v.status,
    // Digits only: "1e2", "50.0" or "0x10" are not read as numbers (the schema then reports the field).
    progress: progress === '' ? undefined : /^\d{1,3}$/.test(progress) ? Number(progress) : progress,
    date: v.date || undefined,
    note: v.note,
    author: v.author,
  };
  if (v.changeDeadline) {
    body.deadline = {
      date: v.deadlineDate || undefined,
      text: v.deadlineText.trim() || (v.deadlineDate ? writtenDate(v.deadlineDate) : ''),
    };
    body.deadlineReason = v.deadlineReason;
  }
  return body;
}

export type Validation = { ok: true; body: ProgressUpdateBody } | { ok: false; errors: FieldError[] };

/** Validates the values with the API's own schema, for the version of the task they are written against. */
export function validate(values: FormValues, task: Task, today: string): Validation {
  const parsed = progressUpdateSchema({ task, today }).safeParse(toBody(values), { reportInput: true });
  return parsed.success ? { ok: true, body: parsed.data } : { ok: false, errors: fieldErrorsOf(parsed.error) };
}

/** Why a note is needed for these values, if it is (shown before the person submits). */
export function noteNeed(values: FormValues, task: Task): 'paused' | 'cancelled' | 'late' | null {
  if (values.status !== task.status && (values.status === 'paused' || values.status === 'cancelled')) {
    return values.status;
  }
  const change: TaskChange = { status: values.status, date: values.date, author: values.author };
  if (values.changeDeadline && values.deadlineDate) {
    change.deadline = { date: values.deadlineDate, text: values.deadlineText || writtenDate(values.deadlineDate) };
  }
  return values.date && marksDoneLate(task, change) ? 'late' : null;
}
