/**
 * The one fetch client. Every response is parsed with its zod schema, so the query cache only ever holds
 * checked data; every failure becomes an ApiError with a kind the interface can explain.
 *
 * The schemas (and zod) are not on the first screen's path: a request names its schema by a function of the
 * contract (`apiGet('/stats', (c) => c.Stats)`), and the contract's chunk (./contract.ts) is fetched with the first
 * request, alongside it. Code that already has zod loaded (screens that load on demand) may pass a schema as such.
 */
import type { z } from 'zod';
import { config } from './config';
import type * as ContractModule from './contract';
import type { ProblemDetails } from './schemas';

/** The API's schemas, as one module (./contract.ts). */
export type Contract = typeof ContractModule;

/** A response's schema: the schema itself, or picked from the contract once it has loaded. */
export type SchemaSource<S extends z.ZodType> = S | ((contract: Contract) => S);

let contract: Promise<Contract> | null = null;

/** The contract's chunk, loaded once (again after a failed load: a retried request may then succeed). */
export function loadContract(): Promise<Contract> {
  if (!contract) {
    contract = import('./contract');
    contract.catch(() => {
      contract = null;
    });
  }
  return contract;
}

async function resolveSchema<S extends z.ZodType>(source: SchemaSource<S>): Promise<S> {
  return typeof source === 'function' ? source(await loadContract()) : source;
}

export type ApiErrorKind =
  /** The server answered with a non-2xx status (problem details attached when it sent them). */
  | 'http'
  /** No answer: offline, DNS, CORS, connection reset. */
  | 'network'
  /** No answer in time. */
  | 'timeout'
  /** An answer that is not JSON or does not match the contract. */
  | 'invalid_response';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status: number | null = null,
    readonly problem: ProblemDetails | null = null,
    readonly url: string | null = null,
  ) {
    super(message);
  }

  /** Field or parameter errors of a 400, keyed by name. */
  fieldErrors(): Record<string, string> {
    return Object.fromEntries((this.problem?.errors ?? []).map((e) => [e.name, e.reason]));
  }
}

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number | boolean)[];

/** Serialises a query object: lists become repeated parameters, empty values are left out. */
export function toSearchParams(query: Record<string, QueryValue>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
    else params.append(key, String(value));
  }
  return params;
}

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  /** JSON request body (for writes). */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Milliseconds before the request is abandoned as a timeout. */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
/**
 * Writes give up sooner: a person waiting on "Lưu" must hear within seconds whether it worked. A write that timed
 * out may still have been applied; it is retried with its Idempotency-Key, which never applies it twice.
 */
export const WRITE_TIMEOUT_MS = 10_000;

/** A fresh Idempotency-Key for one logical write (kept across its retries). */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * Whether a failed write may nevertheless have been applied: no answer (timeout, connection lost) means the
 * server may have stored it. A 4xx or 5xx answer means it was not (5xx: nothing stored, see server/app.ts).
 */
export function outcomeUnknown(error: unknown): boolean {
  return error instanceof ApiError && (error.kind === 'timeout' || error.kind === 'network');
}

let requestGate: Promise<unknown> | null = null;

/**
 * Holds every request until `ready` settles: the app renders at once while the embedded mock API's service
 * worker starts, and no request slips past it to the network. If `ready` fails, requests fail as network errors.
 */
export function holdRequestsUntil(ready: Promise<unknown>): void {
  requestGate = ready;
}

/** Settles when requests may go out (the demo's mock API is in control); at once when nothing holds them. */
export function requestsReady(): Promise<unknown> {
  return requestGate ?? Promise.resolve();
}

function resolveUrl(path: string, query?: Record<string, QueryValue>): string {
  // A same-origin base ("/api/v1") is made absolute so it also works where fetch needs absolute URLs (tests).
  const base =
    config.apiBaseUrl.startsWith('/') && typeof location !== 'undefined'
      ? `${location.origin}${config.apiBaseUrl}`
      : config.apiBaseUrl;
  const qs = query ? toSearchParams(query).toString() : '';
  return `${base}${path}${qs ? `?${qs}` : ''}`;
}

async function readProblem(response: Response): Promise<ProblemDetails | null> {
  try {
    const body: unknown = await response.json();
    const parsed = (await loadContract()).ProblemDetails.safeParse(body);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** GETs `path` under the API base and parses the body with `schema`. */
export function apiGet<S extends z.ZodType>(
  path: string,
  schema: SchemaSource<S>,
  options: RequestOptions = {},
): Promise<z.output<S>> {
  return apiRequest('GET', path, schema, options);
}

/** Sends a request to `path` under the API base and parses the answer with `schema`. */
export async function apiRequest<S extends z.ZodType>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  schema: SchemaSource<S>,
  options: RequestOptions = {},
): Promise<z.output<S>> {
  const url = resolveUrl(path, options.query);
  if (requestGate) {
    try {
      await requestGate;
    } catch {
      throw new ApiError('network', `The API did not start: ${url}`, null, null, url);
    }
  }
  // A timer of the page rather than AbortSignal.timeout(): every wait of the app then runs on one clock, which the
  // end-to-end tests fast-forward instead of sitting through 15 s (Playwright's page.clock fakes timers, not signals).
  const timeoutMs = options.timeoutMs ?? (method === 'GET' ? DEFAULT_TIMEOUT_MS : WRITE_TIMEOUT_MS);
  const expiry = new AbortController();
  const timer = setTimeout(() => expiry.abort(new DOMException('The request timed out', 'TimeoutError')), timeoutMs);
  try {
    return await send(url, method, schema, options, expiry.signal);
  } finally {
    clearTimeout(timer);
  }
}

async function send<S extends z.ZodType>(
  url: string,
  method: string,
  source: SchemaSource<S>,
  options: RequestOptions,
  timeout: AbortSignal,
): Promise<z.output<S>> {
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  // The schema loads while the request is under way; a failure to load it is reported once the answer is in.
  const schema = resolveSchema(source).then(
    (s) => ({ ok: true as const, s }),
    () => ({ ok: false as const }),
  );
  let response: Response;
  try {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    response = await fetch(url, {
      method,
      headers,
      signal,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch (e) {
    if (options.signal?.aborted) throw e; // cancelled by the caller (TanStack Query): not an error to show
    if (timeout.aborted) throw new ApiError('timeout', `Request timed out: ${url}`, null, null, url);
    throw new ApiError('network', `Network error: ${url}`, null, null, url);
  }
  if (!response.ok) {
    const problem = await readProblem(response);
    throw new ApiError(
      'http',
      problem?.detail ?? problem?.title ?? `HTTP ${response.status}`,
      response.status,
      problem,
      url,
    );
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ApiError('invalid_response', `Response is not JSON: ${url}`, response.status, null, url);
  }
  const loaded = await schema;
  if (!loaded.ok) {
    // The contract's chunk could not be fetched (connection lost, or a new deployment removed it): no way to check
    // the answer, so it is not used; a network error, which the screens offer to retry.
    throw new ApiError('network', `Could not load the API contract to check: ${url}`, null, null, url);
  }
  const parsed = loaded.s.safeParse(body);
  if (!parsed.success) {
    const where = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw new ApiError(
      'invalid_response',
      `Response does not match the contract (${where})`,
      response.status,
      null,
      url,
    );
  }
  return parsed.data;
}
