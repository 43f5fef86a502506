import { HttpResponse, http } from 'msw';
import type { CompareResult } from '../../src/api/compare-schemas';
import { TaskFilters } from '../../src/api/schemas';
import { compareLocalities } from '../../src/domain/compare';
import { filterTasks, resolveFilterLocalities, UnknownLocalityError } from '../../src/domain/task-query';
import { queryObject, validationProblem } from '../problem';
import type { DbStore } from '../store';
import { unknownLocality } from './tasks';

/** Label of the bucket for tasks filed above the compared units or across several of them (as /stats). */
const SPANNING_LABEL = 'Nhiều đơn vị / cấp trên';

export function compareHandlers(store: DbStore) {
  return [
    http.get('*/api/v1/stats/compare', ({ request }) => {
      const url = new URL(request.url);
      const parsed = TaskFilters.safeParse(queryObject(url));
      if (!parsed.success) return validationProblem(parsed.error, url.pathname);
      const db = store.get();
      const today = db.today();
      try {
        const filters = parsed.data;
        const rows = filterTasks(db.rows, filters, { today, localities: db.localities });
        const units = filters.locality?.length
          ? resolveFilterLocalities(filters.locality, filters.era, db.localities)
          : [];
        // One filtered unit with children: compare its children. Otherwise: the provinces (as /stats does).
        const parent = units.length === 1 && units[0]?.hasChildren ? units[0] : null;
        const era = parent?.era ?? filters.era ?? 'post2025';
        const body: CompareResult = {
          asOf: today,
          era,
          parent,
          items: compareLocalities(rows, parent, era, db.localities, SPANNING_LABEL),
        };
        return HttpResponse.json(body);
      } catch (e) {
        if (e instanceof UnknownLocalityError) return unknownLocality(e, url.pathname);
        throw e;
      }
    }),
  ];
}
