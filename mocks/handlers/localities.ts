import { HttpResponse, http } from 'msw';
import { type LocalityList, LocalityListQuery } from '../../src/api/schemas';
import { notFound, queryObject, validationProblem } from '../problem';
import type { DbStore } from '../store';

export function localityHandlers(store: DbStore) {
  return [
    http.get('*/api/v1/localities', ({ request }) => {
      const url = new URL(request.url);
      const parsed = LocalityListQuery.safeParse(queryObject(url));
      if (!parsed.success) return validationProblem(parsed.error, url.pathname);
      const { parent, era, q, code } = parsed.data;
      const index = store.get().localities;
      let items: LocalityList['items'];
      if (code?.length) {
        items = code.flatMap((c) => index.get(c, era) ?? []);
      } else if (q) {
        items = index.search(q, era, 30);
      } else {
        if (parent && !index.get(parent, era)) return notFound('Locality', parent, url.pathname);
        items = index.children(parent ?? null, era);
      }
      const body: LocalityList = { era, items };
      return HttpResponse.json(body);
    }),
  ];
}
