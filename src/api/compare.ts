/**
 * `GET /api/v1/stats/compare`: the children of the filtered locality side by side (tasks, completion rate, on-time
 * rate, overdue count, flagship progress). Same filters as `/tasks` and `/stats`; aggregated on the server side of
 * the contract, like every chart. Schemas: compare-schemas.ts.
 */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from './client';
import type { TaskFilters } from './schemas';

export const compareQueries = {
  all: () => ['compare'] as const,
  byFilters: (filters: TaskFilters) =>
    queryOptions({
      queryKey: [...compareQueries.all(), filters] as const,
      queryFn: ({ signal }) => apiGet('/stats/compare', (c) => c.CompareResult, { query: { ...filters }, signal }),
      placeholderData: keepPreviousData,
    }),
};

export function useCompare(filters: TaskFilters) {
  return useQuery(compareQueries.byFilters(filters));
}
