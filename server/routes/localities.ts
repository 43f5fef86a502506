import { Hono } from 'hono';
import { type LocalityList, LocalityListQuery } from '../../src/api/schemas';
import type { AppDeps } from '../context';
import { notFound, queryObject, validationProblem } from '../http/problem';

/** `GET /localities`: children of a parent (provinces when none), a folded search, or the units of given codes. */
export function localityRoutes({ localities }: AppDeps) {
  const app = new Hono();
  app.get('/', (c) => {
    const url = new URL(c.req.url);
    const parsed = LocalityListQuery.safeParse(queryObject(url));
    if (!parsed.success) return validationProblem(parsed.error, url.pathname);
    const { parent, era, q, code } = parsed.data;
    let items: LocalityList['items'];
    if (code?.length) {
      items = code.flatMap((c) => localities.get(c, era) ?? []);
    } else if (q) {
      items = localities.search(q, era, 30);
    } else {
      if (parent && !localities.get(parent, era)) return notFound('Locality', parent, url.pathname);
      items = localities.children(parent ?? null, era);
    }
    const body: LocalityList = { era, items };
    return c.json(body);
  });
  return app;
}
