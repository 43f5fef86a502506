import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from './client';
import type { TaskFilters } from './schemas';

/** The task filters (an article is listed when one of its tasks matches) and the page. */
export interface ArticleListParams extends TaskFilters {
  page?: number;
  pageSize?: number;
}

export const articlesQueries = {
  all: () => ['articles'] as const,
  list: (params: ArticleListParams) =>
    queryOptions({
      queryKey: [...articlesQueries.all(), 'list', params] as const,
      queryFn: ({ signal }) => apiGet('/articles', (c) => c.ArticlePage, { query: { ...params }, signal }),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...articlesQueries.all(), 'detail', id] as const,
      queryFn: ({ signal }) => apiGet(`/articles/${encodeURIComponent(id)}`, (c) => c.Article, { signal }),
    }),
};

export function useArticle(id: string) {
  return useQuery(articlesQueries.detail(id));
}
