/**
 * Field errors of `POST /articles` — from the form's own check (the contract's zod schema) or from the server's
 * 400 — placed on screen: the article's fields by name, a directive's fields on the draft it was sent from.
 */
import type { TFunction } from 'i18next';
import {
  ARTICLE_TITLE_MAX,
  PARTY_MAX,
  PUBLISHER_MAX,
  TASK_TITLE_MAX,
  URL_MAX,
} from '../../../api/article-import-schemas';
import { ApiError } from '../../../api/client';
import type { FieldError } from '../../../api/task-update-schemas';
import type { DateTextProblem } from '../../../components/forms/date-input';

export const META_FIELDS = ['title', 'date', 'publisher', 'url', 'body'] as const;
export type MetaField = (typeof META_FIELDS)[number];

export const DRAFT_FIELDS = ['title', 'assignee', 'issuer', 'deadline', 'localities', 'category', 'span'] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];

export interface PlacedErrors {
  meta: Partial<Record<MetaField, FieldError>>;
  /** By draft key, then field. */
  drafts: Record<string, Partial<Record<DraftField, FieldError>>>;
  /** Errors that belong to no field on screen. */
  other: FieldError[];
  count: number;
}

export const NO_ERRORS: PlacedErrors = { meta: {}, drafts: {}, other: [], count: 0 };

/** The field errors of a 400 answer, or null for any other failure. */
export function fieldErrorsOfResponse(error: unknown): FieldError[] | null {
  if (!(error instanceof ApiError) || error.status !== 400) return null;
  const errors = error.problem?.errors;
  return errors && errors.length > 0 ? errors.map((e) => ({ name: e.name, reason: e.reason })) : null;
}

function draftFieldOf(rest: string[]): DraftField {
  const head = rest[0] ?? '';
  if (head === 'title' || head === 'assignee' || head === 'issuer' || head === 'category') return head;
  if (head === 'deadline') return 'deadline';
  if (head === 'localityCodes') return 'localities';
  return 'span';
}

/** Places each error; `submittedKeys[i]` is the draft directive `i` was made from. */
export function placeErrors(errors: readonly FieldError[], submittedKeys: readonly string[]): PlacedErrors {
  const out: PlacedErrors = { meta: {}, drafts: {}, other: [], count: errors.length };
  for (const e of errors) {
    const parts = e.name.split('.');
    if (parts[0] === 'directives' && parts.length > 2) {
      const key = submittedKeys[Number(parts[1])];
      if (key !== undefined) {
        const field = draftFieldOf(parts.slice(2));
        const forDraft = out.drafts[key] ?? {};
        forDraft[field] ??= { ...e, name: parts.slice(2).join('.') };
        out.drafts[key] = forDraft;
        continue;
      }
    }
    if ((META_FIELDS as readonly string[]).includes(e.name)) {
      out.meta[e.name as MetaField] ??= e;
      continue;
    }
    out.other.push(e);
  }
  return out;
}

const MAX_BY_FIELD: Record<string, number> = {
  title: ARTICLE_TITLE_MAX,
  publisher: PUBLISHER_MAX,
  url: URL_MAX,
  'draft.title': TASK_TITLE_MAX,
  'draft.assignee': PARTY_MAX,
  'draft.issuer': PARTY_MAX,
  'draft.deadline': 100,
};

/** The message of one error in the interface's language (never the server's English). */
export function errorMessage(
  t: TFunction,
  error: FieldError,
  where: { field: string; draft?: boolean; today?: string | null },
): string {
  const key = where.draft ? `draft.${where.field}` : where.field;
  const max = error.params?.max ?? String(MAX_BY_FIELD[key] ?? '');
  switch (error.reason) {
    case 'required':
      return t('articleImport.errors.required');
    case 'too_long':
      return t('articleImport.errors.too_long', { max });
    case 'too_big':
      return t('articleImport.errors.too_big');
    case 'invalid_date':
      return t('articleImport.errors.invalid_date');
    case 'date_format':
    case 'no_such_day':
      return t(`articleImport.errors.${error.reason}`, { text: error.params?.text ?? '' });
    case 'in_the_future':
      return t('articleImport.errors.in_the_future', { max: where.today ?? '' });
    case 'before_article':
      return t('articleImport.errors.before_article');
    case 'unknown_locality':
      return t('articleImport.errors.unknown_locality');
    case 'span_mismatch':
    case 'out_of_range':
    case 'outside_quote':
      return t('articleImport.errors.span_mismatch');
    case 'duplicate':
      return t('articleImport.errors.duplicate');
    default:
      return where.field === 'url' ? t('articleImport.errors.invalid_url') : t('articleImport.errors.invalid');
  }
}

const DATE_TEXT_REASON: Record<DateTextProblem, string> = {
  format: 'date_format',
  no_such_day: 'no_such_day',
  before_min: 'before_article',
  after_max: 'in_the_future',
};

/**
 * The error of a date field holding text it could not take as a date (DateInput's onTextProblem), named as the
 * contract names the field (`date`, `directives.3.deadline`): the article is not saved while one is there.
 */
export function dateTextError(name: string, problem: DateTextProblem, text: string): FieldError {
  return { name, reason: DATE_TEXT_REASON[problem], params: { text } };
}
