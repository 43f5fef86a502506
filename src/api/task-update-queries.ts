/**
 * Task history and the latest updates, as queries: `GET /tasks/:id/updates` and `GET /updates`. Apart from the
 * writes (./task-updates.ts), so the overview's "recent updates" card loads none of their code.
 */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from './client';
import type { TaskFilters } from './schemas';
import { tasksQueries } from './tasks';

export const taskUpdatesQueries = {
  /** Under the tasks key, so invalidating tasks also refreshes histories. */
  all: () => [...tasksQueries.all(), 'updates'] as const,
  list: (taskId: string) =>
    queryOptions({
      queryKey: [...taskUpdatesQueries.all(), taskId] as const,
      queryFn: ({ signal }) =>
        apiGet(`/tasks/${encodeURIComponent(taskId)}/updates`, (c) => c.TaskUpdateList, { signal }),
    }),
};

export function useTaskHistory(taskId: string) {
  return useQuery(taskUpdatesQueries.list(taskId));
}

/** `GET /updates`: the latest updates across the tasks matching the filters, newest recorded first. */
export const recentUpdatesQueries = {
  /** Under the tasks key, so every write (which invalidates tasks) refreshes the list. */
  all: () => [...tasksQueries.all(), 'recent-updates'] as const,
  list: (filters: TaskFilters, pageSize = 10) =>
    queryOptions({
      queryKey: [...recentUpdatesQueries.all(), filters, pageSize] as const,
      queryFn: ({ signal }) =>
        apiGet('/updates', (c) => c.RecentUpdatePage, { query: { ...filters, page: 1, pageSize }, signal }),
      placeholderData: keepPreviousData,
    }),
};

export function useRecentUpdates(filters: TaskFilters, pageSize = 10, enabled = true) {
  return useQuery({ ...recentUpdatesQueries.list(filters, pageSize), enabled });
}
