import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from './client';
import type { Era } from './schemas';

export const localitiesQueries = {
  all: () => ['localities'] as const,
  children: (era: Era, parent: string | null) =>
    queryOptions({
      queryKey: [...localitiesQueries.all(), era, 'children', parent] as const,
      queryFn: ({ signal }) => apiGet('/localities', (c) => c.LocalityList, { query: { era, parent }, signal }),
      staleTime: Number.POSITIVE_INFINITY,
    }),
  search: (era: Era, q: string) =>
    queryOptions({
      queryKey: [...localitiesQueries.all(), era, 'search', q] as const,
      queryFn: ({ signal }) => apiGet('/localities', (c) => c.LocalityList, { query: { era, q }, signal }),
      staleTime: Number.POSITIVE_INFINITY,
    }),
};

export function useLocalityChildren(era: Era, parent: string | null) {
  return useQuery(localitiesQueries.children(era, parent));
}
