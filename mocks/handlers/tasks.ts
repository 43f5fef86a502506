import { HttpResponse, http } from 'msw';
import { type Task, TaskListQuery, type TaskPage } from '../../src/api/schemas';
import { filterTasks, paginate, sortTasks, UnknownLocalityError } from '../../src/domain/task-query';
import { timelinessOf } from '../../src/domain/timeliness';
import { notFound, problem, queryObject, validationProblem } from '../problem';
import type { DbStore } from '../store';

export function unknownLocality(e: UnknownLocalityError, instance: string) {
  return problem({
    type: 'https://directive-tracker.example/problems/invalid-request',
    title: 'Invalid query parameter',
    status: 400,
    detail: `locality: ${e.message}`,
    instance,
    errors: [{ name: 'locality', reason: e.message }],
  });
}

export function taskHandlers(store: DbStore) {
  return [
    http.get('*/api/v1/tasks', ({ request }) => {
      const url = new URL(request.url);
      const parsed = TaskListQuery.safeParse(queryObject(url));
      if (!parsed.success) return validationProblem(parsed.error, url.pathname);
      const db = store.get();
      const ctx = { today: db.today(), localities: db.localities };
      try {
        const { sort, page, pageSize, ...filters } = parsed.data;
        const rows = sortTasks(filterTasks(db.rows, filters, ctx), sort, ctx);
        const body: TaskPage = {
          items: paginate(rows, page, pageSize).map((r) => ({ ...r.task, timeliness: r.timeliness })),
          total: rows.length,
          page,
          pageSize,
        };
        return HttpResponse.json(body);
      } catch (e) {
        if (e instanceof UnknownLocalityError) return unknownLocality(e, url.pathname);
        throw e;
      }
    }),
    http.get('*/api/v1/tasks/:id', ({ request, params }) => {
      const db = store.get();
      const id = String(params.id);
      const task = db.tasks.get(id);
      if (!task) return notFound('Task', id, new URL(request.url).pathname);
      const body: Task = { ...task, timeliness: timelinessOf(task, db.today()) };
      return HttpResponse.json(body);
    }),
  ];
}
