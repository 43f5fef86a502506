import { HttpResponse, http } from 'msw';
import { type Stats, TaskFilters } from '../../src/api/schemas';
import {
  countByCategory,
  countByLocality,
  countByStatus,
  countByTimeliness,
  monthlySeries,
  mostOverdue,
} from '../../src/domain/stats';
import { filterTasks, resolveFilterLocalities, UnknownLocalityError } from '../../src/domain/task-query';
import { queryObject, validationProblem } from '../problem';
import type { DbStore } from '../store';
import { unknownLocality } from './tasks';

/** Label of the bucket for tasks filed above the listed units or across several of them. */
const SPANNING_LABEL = 'Nhiều đơn vị / cấp trên';

export function statsHandlers(store: DbStore) {
  return [
    http.get('*/api/v1/stats', ({ request }) => {
      const url = new URL(request.url);
      const parsed = TaskFilters.safeParse(queryObject(url));
      if (!parsed.success) return validationProblem(parsed.error, url.pathname);
      const db = store.get();
      const today = db.today();
      const ctx = { today, localities: db.localities };
      try {
        const filters = parsed.data;
        const rows = filterTasks(db.rows, filters, ctx);
        const units = filters.locality?.length
          ? resolveFilterLocalities(filters.locality, filters.era, db.localities)
          : [];
        // One filtered unit with children: break down into its children. Otherwise: provinces.
        const parent = units.length === 1 && units[0]?.hasChildren ? units[0] : null;
        const era = parent?.era ?? filters.era ?? 'post2025';
        const body: Stats = {
          asOf: today,
          total: rows.length,
          byTimeliness: countByTimeliness(rows),
          byStatus: countByStatus(rows),
          byLocality: { era, parent, items: countByLocality(rows, parent, era, db.localities, SPANNING_LABEL) },
          byCategory: countByCategory(rows),
          monthly: monthlySeries(rows),
          mostOverdue: mostOverdue(rows).map((r) => ({ ...r.task, timeliness: r.timeliness })),
        };
        return HttpResponse.json(body);
      } catch (e) {
        if (e instanceof UnknownLocalityError) return unknownLocality(e, url.pathname);
        throw e;
      }
    }),
  ];
}
