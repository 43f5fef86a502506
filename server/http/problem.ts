/**
 * RFC 9457 problem responses (`application/problem+json`), built as plain `Response`s so the same code answers in
 * Node and, through MSW, in the browser.
 */
import type { z } from 'zod';
import type { ProblemDetails } from '../../src/api/schemas';
import { fieldErrorsOf } from '../../src/api/task-update-schemas';

/** Base of this API's problem type URIs. */
export const PROBLEMS = 'https://directive-tracker.example/problems';

/** What a route gives to build a problem: `type` defaults to about:blank; extension members are allowed. */
export interface ProblemInput {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: ProblemDetails['errors'];
  [extension: string]: unknown;
}

export function problem(body: ProblemInput, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ ...body, type: body.type ?? 'about:blank' }), {
    status: body.status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

/**
 * A 400 naming each invalid parameter or field. Query parameters are named as sent (`status`, even when its
 * second value is the bad one); body fields by their dotted path (`deadline.date`).
 */
export function validationProblem(
  error: z.ZodError,
  instance: string,
  what: 'query parameter' | 'field' = 'query parameter',
): Response {
  const errors = error.issues.map((issue) => ({
    name: (what === 'query parameter' ? String(issue.path[0] ?? '') : issue.path.map(String).join('.')) || '(root)',
    reason: issue.message,
  }));
  return problem({
    type: `${PROBLEMS}/invalid-request`,
    title: `Invalid ${what}`,
    status: 400,
    detail: errors.map((e) => `${e.name}: ${e.reason}`).join('; '),
    instance,
    errors,
  });
}

/** A 400 for an invalid request body, its field errors carrying machine-readable reasons the UI translates. */
export function fieldProblem(error: z.ZodError, instance: string): Response {
  const errors = fieldErrorsOf(error).map(({ name, reason }) => ({ name, reason }));
  return problem({
    type: `${PROBLEMS}/invalid-request`,
    title: 'Invalid field',
    status: 400,
    detail: errors.map((e) => `${e.name}: ${e.reason}`).join('; '),
    instance,
    errors,
  });
}

export function notFound(what: string, id: string, instance: string): Response {
  return problem({
    type: `${PROBLEMS}/not-found`,
    title: `${what} not found`,
    status: 404,
    detail: `No ${what.toLowerCase()} has the id "${id}".`,
    instance,
  });
}

/** Query string → plain object (every value NFC); a parameter given several times becomes an array. */
export function queryObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key).map((v) => v.normalize('NFC'));
    out[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return out;
}
