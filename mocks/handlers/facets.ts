import { HttpResponse, http } from 'msw';
import { FACET_LIMIT, type Facets } from '../../src/api/facets-schemas';
import { TaskFilters } from '../../src/api/schemas';
import { countValues } from '../../src/domain/facets';
import { filterTasks, UnknownLocalityError } from '../../src/domain/task-query';
import { queryObject, validationProblem } from '../problem';
import type { DbStore } from '../store';
import { unknownLocality } from './tasks';

export function facetHandlers(store: DbStore) {
  return [
    http.get('*/api/v1/facets', ({ request }) => {
      const url = new URL(request.url);
      const parsed = TaskFilters.safeParse(queryObject(url));
      if (!parsed.success) return validationProblem(parsed.error, url.pathname);
      const db = store.get();
      const ctx = { today: db.today(), localities: db.localities };
      try {
        // Each facet ignores its own filter, so the picker still lists the values not chosen yet.
        const { issuer: _issuer, ...withoutIssuer } = parsed.data;
        const { assignee: _assignee, ...withoutAssignee } = parsed.data;
        const tasks = (filters: TaskFilters) => filterTasks(db.rows, filters, ctx).map((r) => r.task);
        const body: Facets = {
          issuer: countValues(tasks(withoutIssuer), 'issuer', FACET_LIMIT),
          assignee: countValues(tasks(withoutAssignee), 'assignee', FACET_LIMIT),
        };
        return HttpResponse.json(body);
      } catch (e) {
        if (e instanceof UnknownLocalityError) return unknownLocality(e, url.pathname);
        throw e;
      }
    }),
  ];
}
