import { HttpResponse, http } from 'msw';
import type { StoredTask, Task } from '../../src/api/schemas';
import {
  parseVersionTag,
  progressUpdateSchema,
  type TaskChangeResult,
  type TaskUpdateList,
  taskPatchSchema,
  versionTag,
} from '../../src/api/task-update-schemas';
import { applyChange } from '../../src/domain/task-updates';
import { timelinessOf } from '../../src/domain/timeliness';
import { type MockDb, replaceTask } from '../db';
import type { MockPersistence } from '../persistence';
import { fieldProblem, notFound, PROBLEMS, problem } from '../problem';
import type { DbStore } from '../store';

function withTimeliness(task: StoredTask, db: MockDb): Task {
  return { ...task, timeliness: timelinessOf(task, db.today()) };
}

/**
 * Writes on tasks: `PATCH /tasks/:id` and `POST /tasks/:id/updates` (both need `If-Match: "<version>"`: 428
 * without it, 412 when the task has changed since), and the history `GET /tasks/:id/updates`.
 */
export function taskUpdateHandlers(store: DbStore, persistence?: MockPersistence) {
  const write =
    (kind: 'patch' | 'update') =>
    async ({
      request,
      params,
    }: {
      request: Request;
      params: Record<string, string | readonly string[] | undefined>;
    }) => {
      const db = store.get();
      await persistence?.sync(db);
      const instance = new URL(request.url).pathname;
      const id = String(params.id);
      const task = db.tasks.get(id);
      if (!task) return notFound('Task', id, instance);

      const header = request.headers.get('If-Match');
      const expected = parseVersionTag(header);
      if (expected === null) {
        return problem({
          type: `${PROBLEMS}/precondition-required`,
          title: 'Precondition required',
          status: 428,
          detail: header
            ? `If-Match must be the task's version, e.g. "${task.version}".`
            : 'Send If-Match with the version of the task you are changing, so a newer change is never overwritten.',
          instance,
        });
      }
      if (expected !== task.version) {
        return problem({
          type: `${PROBLEMS}/stale-version`,
          title: 'The task has changed',
          status: 412,
          detail: `You changed version ${expected}; the task is now at version ${task.version}. Read it again and re-apply your change.`,
          instance,
        });
      }

      const body: unknown = await request.json().catch(() => undefined);
      const ctx = { task, today: db.today() };
      const schema = kind === 'patch' ? taskPatchSchema(ctx) : progressUpdateSchema(ctx);
      const parsed = schema.safeParse(body, { reportInput: true });
      if (!parsed.success) {
        return fieldProblem(parsed.error, instance);
      }

      const { task: next, entry } = applyChange(task, parsed.data, {
        id: `${task.id}-v${task.version + 1}`,
        recordedAt: new Date().toISOString(),
      });
      replaceTask(db, next);
      db.updates.set(id, [...(db.updates.get(id) ?? []), entry]);
      await persistence?.recordEdit(db, id);
      const result: TaskChangeResult = { task: withTimeliness(next, db), update: entry };
      return HttpResponse.json(result, {
        status: kind === 'update' ? 201 : 200,
        headers: { ETag: versionTag(next.version) },
      });
    };

  return [
    http.patch('*/api/v1/tasks/:id', write('patch')),
    http.post('*/api/v1/tasks/:id/updates', write('update')),
    http.get('*/api/v1/tasks/:id/updates', ({ request, params }) => {
      const db = store.get();
      const id = String(params.id);
      if (!db.tasks.has(id)) return notFound('Task', id, new URL(request.url).pathname);
      const body: TaskUpdateList = { taskId: id, items: db.updates.get(id) ?? [] };
      return HttpResponse.json(body);
    }),
  ];
}
