import { type Context, Hono } from 'hono';
import { TaskListQuery } from '../../src/api/schemas';
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
import { authorOf, claimAudit, tracked } from '../auth/middleware';
import type { AppDeps } from '../context';
import { nfcDeep } from '../http/nfc';
import { fieldProblem, notFound, PROBLEMS, problem, queryObject, validationProblem } from '../http/problem';

/**
 * `GET /tasks`, `GET /tasks/:id`, and the writes: `PATCH /tasks/:id` and `POST /tasks/:id/updates` (both need
 * `If-Match: "<version>"`: 428 without it, 412 when the task has changed since), and the history
 * `GET /tasks/:id/updates`.
 */
export function taskRoutes({ store, today }: AppDeps) {
  const app = new Hono();

  app.get('/', async (c) => {
    const url = new URL(c.req.url);
    const parsed = TaskListQuery.safeParse(queryObject(url));
    if (!parsed.success) return validationProblem(parsed.error, url.pathname);
    return c.json(await store.listTasks(parsed.data, { today: today() }));
  });

  app.get('/:id', async (c) => {
    const id = c.req.param('id');
    const task = await store.getTask(id);
    if (!task) return notFound('Task', id, new URL(c.req.url).pathname);
    return c.json({ ...task, timeliness: timelinessOf(task, today()) }, 200, { ETag: versionTag(task.version) });
  });

  app.get('/:id/updates', async (c) => {
    const id = c.req.param('id');
    if (!(await store.getTask(id))) return notFound('Task', id, new URL(c.req.url).pathname);
    const body: TaskUpdateList = { taskId: id, items: await store.listTaskUpdates(id) };
    return c.json(body);
  });

  const write = (kind: 'patch' | 'update') => async (c: Context) => {
    const instance = new URL(c.req.url).pathname;
    const id = c.req.param('id') ?? '';
    const task = await store.getTask(id);
    if (!task) return notFound('Task', id, instance);

    const header = c.req.header('If-Match') ?? null;
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
    const stale = (current: number) =>
      problem({
        type: `${PROBLEMS}/stale-version`,
        title: 'The task has changed',
        status: 412,
        detail: `You changed version ${expected}; the task is now at version ${current}. Read it again and re-apply your change.`,
        instance,
      });
    if (expected !== task.version) return stale(task.version);

    const body: unknown = nfcDeep(await c.req.json().catch(() => undefined));
    const date = today();
    const ctx = { task, today: date };
    const schema = kind === 'patch' ? taskPatchSchema(ctx) : progressUpdateSchema(ctx);
    const parsed = schema.safeParse(body, { reportInput: true });
    if (!parsed.success) return fieldProblem(parsed.error, instance);

    // The author is the signed-in user, whatever the body says.
    const { task: next, entry } = applyChange(
      task,
      { ...parsed.data, author: authorOf(c) },
      { id: `${task.id}-v${task.version + 1}`, recordedAt: new Date().toISOString() },
    );
    // The audit entry commits with the change (an acknowledged change always has it).
    const audit = claimAudit(c);
    const entries = audit
      ? [
          audit({
            targetType: 'task',
            targetId: task.id,
            before: tracked(task),
            after: { ...tracked(next), note: entry.note ?? '', updateId: entry.id },
          }),
        ]
      : [];
    const outcome = await store.commitChange(next, entry, expected, entries);
    if (outcome === 'missing') return notFound('Task', id, instance);
    if (outcome === 'stale') return stale((await store.getTask(id))?.version ?? expected + 1);
    const result: TaskChangeResult = { task: { ...next, timeliness: timelinessOf(next, date) }, update: entry };
    return new Response(JSON.stringify(result), {
      status: kind === 'update' ? 201 : 200,
      headers: { 'Content-Type': 'application/json', ETag: versionTag(next.version) },
    });
  };

  app.patch('/:id', write('patch'));
  app.post('/:id/updates', write('update'));
  return app;
}
