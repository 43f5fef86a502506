import type { TFunction } from 'i18next';
import { ApiError } from '../../../api/client';
import { AUTHOR_MAX, type FieldError, NOTE_MAX } from '../../../api/task-update-schemas';
import type { DateTextProblem } from '../../../components/forms/date-input';
import { taskVi } from '../../../i18n/vi/task';

/** The form's fields, as the API names them in its field errors. */
export const FORM_FIELDS = [
  'status',
  'progress',
  'date',
  'note',
  'author',
  'deadline.date',
  'deadline.text',
  'deadlineReason',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

/** Longest allowed text per field (the contract's limits), for "too long" messages the server sends bare. */
const MAX_LENGTH: Record<string, number> = {
  note: NOTE_MAX,
  author: AUTHOR_MAX,
  'deadline.text': 100,
  deadlineReason: 500,
};

type Reason = keyof typeof taskVi.errors;
type FieldLabel = keyof typeof taskVi.fields;

const isReason = (r: string): r is Reason => Object.hasOwn(taskVi.errors, r);

/** Which field an error belongs to on screen (an error on `deadline` as a whole shows on its date). */
export function formFieldOf(name: string): FormField | null {
  if (name === 'deadline') return 'deadline.date';
  return (FORM_FIELDS as readonly string[]).includes(name) ? (name as FormField) : null;
}

function labelOf(field: string): FieldLabel {
  switch (field) {
    case 'deadline.date':
    case 'deadline':
      return 'deadline';
    case 'deadline.text':
      return 'deadlineText';
    default:
      return Object.hasOwn(taskVi.fields, field) ? (field as FieldLabel) : 'form';
  }
}

export interface MessageContext {
  /** Earliest allowed date (the assignment), formatted. */
  min: string;
  /** Latest allowed date (today), formatted. */
  max: string;
  /** The deadline a late completion missed, formatted. */
  deadline: string;
}

/**
 * A field error in the interface's language, chosen by field and reason — never the server's English text. The
 * same messages serve errors found by the form and errors the API returns (400 problem+json).
 */
export function fieldErrorMessage(error: FieldError, t: TFunction, ctx: MessageContext): string {
  const field = labelOf(error.name);
  if (error.name === 'progress' && ['too_small', 'too_big', 'invalid', 'required'].includes(error.reason)) {
    return t('task.errors.progress_range');
  }
  const reason: Reason = isReason(error.reason) ? error.reason : 'invalid';
  return t(`task.errors.${reason}`, {
    field: t(`task.fields.${field}`),
    max: reason === 'too_long' ? (error.params?.max ?? String(MAX_LENGTH[error.name] ?? '')) : ctx.max,
    min: ctx.min,
    deadline: ctx.deadline,
    text: error.params?.text ?? '',
  });
}

const DATE_TEXT_REASON: Record<DateTextProblem, Reason> = {
  format: 'date_format',
  no_such_day: 'no_such_day',
  before_min: 'before_assignment',
  after_max: 'in_the_future',
};

/**
 * The error of a date field holding text it could not take as a date (DateInput's onTextProblem): the form shows it
 * as its other errors and refuses to submit, rather than keep the field's last valid date unseen.
 */
export function dateTextError(name: FormField, problem: DateTextProblem, text: string): FieldError {
  return { name, reason: DATE_TEXT_REASON[problem], params: { text } };
}

/** Whether two field errors say the same (the same field, reason and typed text). */
export const sameFieldError = (a: FieldError | undefined, b: FieldError | undefined) =>
  a?.name === b?.name && a?.reason === b?.reason && a?.params?.text === b?.params?.text;

/** The field errors of a 400 from the API, or null when the error is something else. */
export function serverFieldErrors(error: unknown): FieldError[] | null {
  if (!(error instanceof ApiError) || error.status !== 400) return null;
  const errors = error.problem?.errors;
  return errors?.length ? errors.map((e) => ({ name: e.name, reason: e.reason })) : null;
}

/** A save refused because the task changed meanwhile (412 with If-Match, or 409). */
export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 412 || error.status === 409);
}

/**
 * Focuses the first of `fields` whose input is marked invalid, or else the form's list of errors, once React has
 * shown the messages: what both task forms (one task, several) do when a submit is refused.
 */
export function focusFirstInvalid<F extends string>(
  fields: readonly F[],
  inputId: (field: F) => string,
  form: { readonly current: HTMLFormElement | null },
) {
  requestAnimationFrame(() => {
    const first = fields.find(
      (field) => document.getElementById(inputId(field))?.getAttribute('aria-invalid') === 'true',
    );
    const el = first ? document.getElementById(inputId(first)) : null;
    (el ?? form.current?.querySelector<HTMLElement>('.form-errors'))?.focus();
  });
}

/**
 * The handler of a date field's typed text (DateInput's onTextProblem): what is wrong with the text is kept in
 * `errors` under the field's value, and the form is checked again, as a change, when that changed.
 */
export function dateTextHandler<K extends string>(
  errors: { current: Partial<Record<K, FieldError>> },
  keyOf: (name: 'date' | 'deadline.date') => K,
  revalidate: () => void,
) {
  return (name: 'date' | 'deadline.date') => (problem: DateTextProblem | null, text: string) => {
    const key = keyOf(name);
    const next = problem ? dateTextError(name, problem, text) : undefined;
    if (sameFieldError(errors.current[key], next)) return;
    const rest: Partial<Record<K, FieldError>> = { ...errors.current };
    delete rest[key];
    errors.current = next ? { ...rest, [key]: next } : rest;
    revalidate();
  };
}
