import { Hono } from 'hono';
import type { CompareResult } from '../../src/api/compare-schemas';
import { FACET_LIMIT } from '../../src/api/facets-schemas';
import { type Stats, TaskFilters } from '../../src/api/schemas';
import { RecentUpdatesQuery } from '../../src/api/task-update-schemas';
import { type AppDeps, breakdownOf, SPANNING_LABEL } from '../context';
import { queryObject, validationProblem } from '../http/problem';

/** The aggregates: `GET /stats`, `GET /stats/compare`, `GET /facets`, and the latest updates `GET /updates`. */
export function statsRoutes({ store, localities, today }: AppDeps) {
  const app = new Hono();

  app.get('/stats', async (c) => {
    const url = new URL(c.req.url);
    const parsed = TaskFilters.safeParse(queryObject(url));
    if (!parsed.success) return validationProblem(parsed.error, url.pathname);
    const breakdown = breakdownOf(parsed.data, localities);
    const asOf = today();
    const { byLocality, ...rest } = await store.stats(parsed.data, breakdown, { today: asOf }, SPANNING_LABEL);
    const body: Stats = { asOf, ...rest, byLocality: { ...breakdown, items: byLocality } };
    return c.json(body);
  });

  app.get('/stats/compare', async (c) => {
    const url = new URL(c.req.url);
    const parsed = TaskFilters.safeParse(queryObject(url));
    if (!parsed.success) return validationProblem(parsed.error, url.pathname);
    const breakdown = breakdownOf(parsed.data, localities);
    const asOf = today();
    const items = await store.compare(parsed.data, breakdown, { today: asOf }, SPANNING_LABEL);
    const body: CompareResult = { asOf, ...breakdown, items };
    return c.json(body);
  });

  app.get('/facets', async (c) => {
    const url = new URL(c.req.url);
    const parsed = TaskFilters.safeParse(queryObject(url));
    if (!parsed.success) return validationProblem(parsed.error, url.pathname);
    return c.json(await store.facets(parsed.data, { today: today() }, FACET_LIMIT));
  });

  app.get('/updates', async (c) => {
    const url = new URL(c.req.url);
    const parsed = RecentUpdatesQuery.safeParse(queryObject(url));
    if (!parsed.success) return validationProblem(parsed.error, url.pathname);
    return c.json(await store.recentUpdates(parsed.data, { today: today() }));
  });

  return app;
}
