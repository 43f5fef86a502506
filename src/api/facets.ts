/**
 * `GET /api/v1/facets`: the distinct issuers and assignees of the tasks matching the filters, with counts, for the
 * filter bar's pickers. Each facet ignores its own filter (so picking one assignee still lists the others).
 * Schemas: facets-schemas.ts.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from './client';
import type { TaskFilters } from './schemas';

export const facetsQueries = {
  all: () => ['facets'] as const,
  byFilters: (filters: TaskFilters) =>
    queryOptions({
      queryKey: [...facetsQueries.all(), filters] as const,
      queryFn: ({ signal }) => apiGet('/facets', (c) => c.Facets, { query: { ...filters }, signal }),
      staleTime: 60_000,
    }),
};

export function useFacets(filters: TaskFilters, enabled = true) {
  return useQuery({ ...facetsQueries.byFilters(filters), enabled });
}
