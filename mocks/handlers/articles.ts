import { HttpResponse, http } from 'msw';
import { ArticleListQuery, type ArticlePage, type ArticleSummary } from '../../src/api/schemas';
import { filterTasks, UnknownLocalityError } from '../../src/domain/task-query';
import { compareVi, fold, matchesQuery } from '../../src/domain/text';
import { notFound, queryObject, validationProblem } from '../problem';
import type { DbStore } from '../store';
import { unknownLocality } from './tasks';

export function articleHandlers(store: DbStore) {
  return [
    http.get('*/api/v1/articles', ({ request }) => {
      const url = new URL(request.url);
      const parsed = ArticleListQuery.safeParse(queryObject(url));
      if (!parsed.success) return validationProblem(parsed.error, url.pathname);
      const { page, pageSize, ...filters } = parsed.data;
      const { q, ...taskFilters } = filters;
      const db = store.get();
      const anyTaskFilter = Object.values(taskFilters).some((v) => v !== undefined);
      let withMatchingTask: Set<string> | null = null;
      if (anyTaskFilter || q) {
        try {
          const rows = filterTasks(db.rows, filters, { today: db.today(), localities: db.localities });
          withMatchingTask = new Set(rows.flatMap((r) => (r.task.articleId ? [r.task.articleId] : [])));
        } catch (e) {
          if (e instanceof UnknownLocalityError) return unknownLocality(e, url.pathname);
          throw e;
        }
      }
      const all = [...db.articles.values()]
        .filter(
          (a) =>
            withMatchingTask === null ||
            withMatchingTask.has(a.id) ||
            (!anyTaskFilter && q !== undefined && matchesQuery(fold(`${a.title} ${a.publisher}`), q)),
        )
        .sort((a, b) => b.date.localeCompare(a.date) || compareVi(a.title, b.title));
      const items: ArticleSummary[] = all
        .slice((page - 1) * pageSize, page * pageSize)
        .map(({ body: _body, ...summary }) => summary);
      const body: ArticlePage = { items, total: all.length, page, pageSize };
      return HttpResponse.json(body);
    }),
    http.get('*/api/v1/articles/:id', ({ request, params }) => {
      const id = String(params.id);
      const article = store.get().articles.get(id);
      if (!article) return notFound('Article', id, new URL(request.url).pathname);
      return HttpResponse.json(article);
    }),
  ];
}
