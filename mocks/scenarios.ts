/**
 * Fault scenarios of the mock API: what a slow, failing or hostile server does to the app. Tests switch them
 * with `dbStore.setScenario(name)`; a person picks one in the app's demo controls (PUT /api/v1/_mock
 * {"scenario": …}), and the browser mock keeps the choice until it is changed.
 *
 * Transport faults are answered by a gate placed before the real handlers: it delays, fails or garbles the
 * answer, or falls through (returns nothing) to the real handler. Data faults rewrite a freshly built database.
 * The mock's own control endpoint `/api/v1/_mock` is never affected, so a person can always switch back.
 */
import { delay, HttpResponse, http } from 'msw';
import { indexTask } from '../src/domain/task-query';
import type { MockDb } from './db';

export const SCENARIOS = [
  'none',
  'slow',
  'server-error',
  'timeout',
  'malformed-json',
  'schema-break',
  'empty',
  'long-titles',
  'markup',
  'unknown-locality',
] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** Latency of the `slow` scenario. */
export const SLOW_MS = 5_000;
/**
 * How long the `timeout` scenario keeps a request hanging before letting it through (longer than the client waits:
 * 15 s for a read, 10 s for a write): a write then lands after the client gave up, as on a slow network.
 */
export const HANG_MS = 30_000;
/** Length of the titles in the `long-titles` scenario. */
export const LONG_TITLE_LENGTH = 10_000;
/** Markup planted in titles, quotes and article text by the `markup` scenario: it must show as text, never run. */
export const HOSTILE_MARKUP =
  '<img src=x onerror="window.__xss=(window.__xss||0)+1"><script>window.__xss=(window.__xss||0)+1</script><b>đậm</b>';
/** A locality code that is no administrative unit. */
export const UNKNOWN_LOCALITY = '99999';

const API = '*/api/v1/*';
const isControl = (request: Request) => new URL(request.url).pathname.includes('/api/v1/_mock');

/**
 * A transport fault's answer to one request, or undefined to let the real handlers answer (after the delay of
 * `slow`). The mock's control endpoint is never faulted, so a person can always switch back.
 */
export async function transportFault(scenario: Scenario, request: Request): Promise<Response | undefined> {
  if (isControl(request)) return undefined;
  switch (scenario) {
    case 'slow':
      await delay(SLOW_MS);
      return undefined;
    case 'server-error':
      return HttpResponse.json(
        { type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'Scenario: server-error' },
        { status: 500, headers: { 'Content-Type': 'application/problem+json' } },
      );
    case 'timeout':
      // Longer than the client waits: the client gives up first and reports a timeout.
      await delay(HANG_MS);
      return undefined;
    case 'malformed-json':
      return request.method === 'GET'
        ? new HttpResponse('{"items": [{"id": "t-000-01", "title": "Cầu Đình Kh', {
            status: 200,
            headers: { 'Content-Type': 'application/json' },
          })
        : undefined;
    case 'schema-break':
      return request.method === 'GET'
        ? HttpResponse.json({ items: 'không phải danh sách', total: -1, byTimeliness: { overdue: 'nhiều' } })
        : undefined;
    default:
      return undefined;
  }
}

/** The first handler of the set: it asks which scenario is on at each request (see DbStore.scenario). */
export function scenarioGate(current: () => Scenario) {
  return http.all(API, ({ request }) => transportFault(current(), request));
}

/** The handlers of one transport scenario, for a test's `server.use(...)`. */
export function scenarioHandlers(scenario: Scenario) {
  return [http.all(API, ({ request }) => transportFault(scenario, request))];
}

/** Data scenarios rewrite the mock's database (a fresh one: they are undone by rebuilding it). */
export function applyDataScenario(db: MockDb, scenario: Scenario): void {
  const reindex = () => {
    db.rows.length = 0;
    for (const task of db.tasks.values()) {
      const article = task.articleId ? db.articles.get(task.articleId) : undefined;
      db.rows.push(indexTask(task, article?.title ?? ''));
    }
  };
  switch (scenario) {
    case 'empty':
      db.tasks.clear();
      db.articles.clear();
      db.updates.clear();
      db.rows.length = 0;
      return;
    case 'long-titles':
      for (const task of db.tasks.values()) {
        const unit = `${task.title} `;
        task.title = unit.repeat(Math.ceil(LONG_TITLE_LENGTH / unit.length)).slice(0, LONG_TITLE_LENGTH);
      }
      reindex();
      return;
    case 'markup':
      for (const task of db.tasks.values()) {
        task.title = `${task.title} ${HOSTILE_MARKUP}`;
        task.assignee = `${task.assignee} <i onmouseover="window.__xss=1">x</i>`;
      }
      for (const article of db.articles.values()) {
        // Appended after the text, so the quote spans of its tasks still point at the same words.
        article.title = `${article.title} ${HOSTILE_MARKUP}`;
        article.body = `${article.body}\n\n${HOSTILE_MARKUP}`;
      }
      reindex();
      return;
    case 'unknown-locality':
      for (const task of db.tasks.values()) task.localityCodes = [UNKNOWN_LOCALITY, ...task.localityCodes];
      reindex();
      return;
    default:
      return;
  }
}
