/**
 * Task history and writes: `GET /tasks/:id/updates`, `POST /tasks/:id/updates` (a progress update) and
 * `PATCH /tasks/:id`, each sent with `If-Match: "<version>"`. Writes are optimistic: the cached task and its
 * history show the change at once and roll back if the server refuses it.
 */
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { todayInVietnam } from '../domain/dates';
import { applyChange } from '../domain/task-updates';
import { timelinessOf } from '../domain/timeliness';
import { ApiError, apiRequest, newIdempotencyKey, outcomeUnknown } from './client';
import { versionTag } from './constants';
import { mockSettingsQueries } from './mock-settings';
import type { Task } from './schemas';
import { statsQueries } from './stats';
import { taskUpdatesQueries } from './task-update-queries';
import type {
  ProgressUpdateBody,
  TaskChangeResult,
  TaskPatchBody,
  TaskUpdate,
  TaskUpdateList,
} from './task-update-schemas';
import { tasksQueries } from './tasks';

// The reads (histories, the overview's recent updates) are in ./task-update-queries.ts, without the writes' code.
export { recentUpdatesQueries, taskUpdatesQueries, useRecentUpdates, useTaskHistory } from './task-update-queries';

/**
 * One logical change. `idempotencyKey` is the same for every attempt of it (a retry after a timeout never applies
 * it twice) and new for every new change (a re-apply on another version is a new change).
 */
export type TaskChangeRequest =
  | { kind: 'update'; taskId: string; baseVersion: number; body: ProgressUpdateBody; idempotencyKey?: string }
  | { kind: 'patch'; taskId: string; baseVersion: number; body: TaskPatchBody; idempotencyKey?: string };

/** Sends one change with the version it was written against (and its Idempotency-Key, when it has one). */
export function sendTaskChange(
  request: TaskChangeRequest,
  signal?: AbortSignal,
  timeoutMs?: number,
): Promise<TaskChangeResult> {
  const path = `/tasks/${encodeURIComponent(request.taskId)}`;
  const headers: Record<string, string> = { 'If-Match': versionTag(request.baseVersion) };
  if (request.idempotencyKey) headers['Idempotency-Key'] = request.idempotencyKey;
  return apiRequest(
    request.kind === 'update' ? 'POST' : 'PATCH',
    request.kind === 'update' ? `${path}/updates` : path,
    (c) => c.TaskChangeResult,
    { body: request.body, headers, signal, timeoutMs },
  );
}

/** How long the one automatic retry of a write whose outcome is unknown waits. */
export const RETRY_TIMEOUT_MS = 6_000;

/**
 * A history entry recording exactly this progress update (same day, note, status and progress; the author is the
 * signed-in user, set by the server): how a write whose answer was lost is recognised as applied, even by a server
 * that does not keep Idempotency-Keys.
 */
export function isOwnEntry(entry: TaskUpdate, body: ProgressUpdateBody | TaskPatchBody): boolean {
  return (
    entry.date === body.date &&
    entry.note === (body.note?.trim() ?? '') &&
    (body.status === undefined || entry.status === body.status) &&
    (body.progress === undefined || entry.progress === body.progress)
  );
}

/** The change was sent, but no answer came: it may or may not have been applied (retry with the same key). */
export class SaveOutcomeUnknownError extends ApiError {
  constructor(override readonly cause: ApiError) {
    super(cause.kind, cause.message, cause.status, cause.problem, cause.url);
  }
}

/**
 * Sends a change and makes sure of its outcome. No answer (timeout, connection lost): one retry with the same
 * Idempotency-Key, which returns the first answer if the first attempt landed and never applies it twice. A 412
 * after an attempt without answer: the history is read, and an entry that is this very change means it was saved
 * (never shown as someone else's). Still no answer: SaveOutcomeUnknownError (the form says "maybe saved" and
 * offers to check again with the same key).
 */
export async function saveTaskChange(
  client: QueryClient,
  request: TaskChangeRequest,
  options: { uncertain?: boolean } = {},
): Promise<TaskChangeResult> {
  let uncertain = options.uncertain ?? false;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await sendTaskChange(request, undefined, attempt === 0 ? undefined : RETRY_TIMEOUT_MS);
    } catch (error) {
      if (outcomeUnknown(error)) {
        uncertain = true;
        if (attempt === 0 && request.idempotencyKey) continue;
        throw new SaveOutcomeUnknownError(error as ApiError);
      }
      if (uncertain && error instanceof ApiError && error.status === 412) {
        const own = await findLandedChange(client, request).catch(() => null);
        if (own) return own;
      }
      throw error;
    }
  }
}

/** The result of `request` if the task's history shows it was applied after its base version, else null. */
async function findLandedChange(client: QueryClient, request: TaskChangeRequest): Promise<TaskChangeResult | null> {
  const history = await client.fetchQuery({ ...taskUpdatesQueries.list(request.taskId), staleTime: 0 });
  const after = history.items.filter((e) => e.version > request.baseVersion);
  const own = after.find((e) => e.version === request.baseVersion + 1 && isOwnEntry(e, request.body));
  if (!own) return null;
  const task = await client.fetchQuery({ ...tasksQueries.detail(request.taskId), staleTime: 0 });
  return { task, update: own };
}

/** Marks an optimistic history entry until the server's own replaces it. */
export const OPTIMISTIC_ID = 'optimistic';

interface Snapshot {
  task: Task | undefined;
  history: TaskUpdateList | undefined;
}

/** Shows a change in the cache before the server confirms it; returns what to restore if it does not. */
async function optimistic(client: QueryClient, request: TaskChangeRequest, today: string): Promise<Snapshot> {
  const taskKey = tasksQueries.detail(request.taskId).queryKey;
  const historyKey = taskUpdatesQueries.list(request.taskId).queryKey;
  await Promise.all([client.cancelQueries({ queryKey: taskKey }), client.cancelQueries({ queryKey: historyKey })]);
  const snapshot: Snapshot = { task: client.getQueryData(taskKey), history: client.getQueryData(historyKey) };
  const current = snapshot.task;
  if (current && current.version === request.baseVersion) {
    const { timeliness: _derived, ...stored } = current;
    const { task, entry } = applyChange(stored, request.body, {
      id: OPTIMISTIC_ID,
      recordedAt: new Date().toISOString(),
    });
    client.setQueryData(taskKey, { ...task, timeliness: timelinessOf(task, today) });
    if (snapshot.history)
      client.setQueryData(historyKey, { ...snapshot.history, items: [...snapshot.history.items, entry] });
  }
  return snapshot;
}

/**
 * Records a change on one task (the task page's form). Optimistic, rolled back on any failure; on success the
 * cache holds the server's task, and every task list and statistic is refetched.
 */
export function useSaveTaskChange(today: string = todayInVietnam()) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ uncertain, ...request }: TaskChangeRequest & { uncertain?: boolean }) =>
      saveTaskChange(client, request, { uncertain }),
    onMutate: (request) => optimistic(client, request, today),
    onError: (_error, request, snapshot) => {
      if (!snapshot) return;
      client.setQueryData(tasksQueries.detail(request.taskId).queryKey, snapshot.task);
      client.setQueryData(taskUpdatesQueries.list(request.taskId).queryKey, snapshot.history);
    },
    onSuccess: (result, request) => {
      client.setQueryData(tasksQueries.detail(request.taskId).queryKey, result.task);
      client.setQueryData(taskUpdatesQueries.list(request.taskId).queryKey, (old: TaskUpdateList | undefined) =>
        old
          ? {
              ...old,
              items: [
                ...old.items.filter((u: TaskUpdate) => u.id !== OPTIMISTIC_ID && u.version < result.update.version),
                result.update,
              ],
            }
          : old,
      );
    },
    // Not awaited: the outcome is known now; a refetch that hangs (a slow server) must not hold it back.
    onSettled: () => {
      void client.invalidateQueries({ queryKey: tasksQueries.all() });
      void client.invalidateQueries({ queryKey: statsQueries.all() });
      // The embedded mock reports there whether the edit could be kept in the browser.
      void client.invalidateQueries({ queryKey: mockSettingsQueries.all() });
    },
  });
}

export interface BulkChangeResult {
  taskId: string;
  ok: boolean;
  result?: TaskChangeResult;
  error?: unknown;
}

/**
 * The same change on several tasks (PATCH each with its own version); one result per task, never all-or-nothing.
 * Lists and statistics are refetched once at the end.
 */
export function useBulkTaskChange() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (requests: Array<Extract<TaskChangeRequest, { kind: 'patch' }>>) => {
      const out: BulkChangeResult[] = [];
      for (const request of requests) {
        try {
          // One key per task's change: a lost answer is retried once without applying it twice.
          const result = await saveTaskChange(client, {
            ...request,
            idempotencyKey: request.idempotencyKey ?? newIdempotencyKey(),
          });
          client.setQueryData(tasksQueries.detail(request.taskId).queryKey, result.task);
          out.push({ taskId: request.taskId, ok: true, result });
        } catch (error) {
          out.push({ taskId: request.taskId, ok: false, error });
        }
      }
      return out;
    },
    // Not awaited: the outcome is known now; a refetch that hangs (a slow server) must not hold it back.
    onSettled: () => {
      void client.invalidateQueries({ queryKey: tasksQueries.all() });
      void client.invalidateQueries({ queryKey: statsQueries.all() });
      // The embedded mock reports there whether the edit could be kept in the browser.
      void client.invalidateQueries({ queryKey: mockSettingsQueries.all() });
    },
  });
}
