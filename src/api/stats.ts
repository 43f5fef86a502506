import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from './client';
import type { TaskFilters } from './schemas';

export const statsQueries = {
  all: () => ['stats'] as const,
  summary: (filters: TaskFilters) =>
    queryOptions({
      queryKey: [...statsQueries.all(), filters] as const,
      queryFn: ({ signal }) => apiGet('/stats', (c) => c.Stats, { query: { ...filters }, signal }),
      placeholderData: keepPreviousData,
    }),
};

export function useStats(filters: TaskFilters) {
  return useQuery(statsQueries.summary(filters));
}
