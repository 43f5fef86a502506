import { infiniteQueryOptions, keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from './client';
import type { TaskFilters, TaskSort } from './schemas';

export interface TaskListParams extends TaskFilters {
  sort?: TaskSort;
  page?: number;
  pageSize?: number;
}

/** Query keys and fetchers for tasks; keys are never written by hand elsewhere. */
export const tasksQueries = {
  all: () => ['tasks'] as const,
  lists: () => [...tasksQueries.all(), 'list'] as const,
  list: (params: TaskListParams) =>
    queryOptions({
      queryKey: [...tasksQueries.lists(), params] as const,
      queryFn: ({ signal }) => apiGet('/tasks', (c) => c.TaskPage, { query: { ...params }, signal }),
      placeholderData: keepPreviousData,
    }),
  /** Every page of a list, one after another (the virtualised task table); `pageSize` up to MAX_PAGE_SIZE. */
  infinite: (params: Omit<TaskListParams, 'page'>) =>
    infiniteQueryOptions({
      queryKey: [...tasksQueries.lists(), 'infinite', params] as const,
      queryFn: ({ signal, pageParam }) =>
        apiGet('/tasks', (c) => c.TaskPage, { query: { ...params, page: pageParam }, signal }),
      initialPageParam: 1,
      getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...tasksQueries.all(), 'detail', id] as const,
      queryFn: ({ signal }) => apiGet(`/tasks/${encodeURIComponent(id)}`, (c) => c.Task, { signal }),
    }),
};

export function useTasks(params: TaskListParams) {
  return useQuery(tasksQueries.list(params));
}

export function useTask(id: string) {
  return useQuery(tasksQueries.detail(id));
}
