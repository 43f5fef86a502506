/**
 * The route components of the screens that show the filter bar: each translates its URL search params to filters
 * (and back), tells the user about values dropped from a shared link, and hands plain props to its feature page.
 */
import { lazyRouteComponent, useNavigate, useSearch } from '@tanstack/react-router';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { TaskSort } from '../api/schemas';
import type { DroppedParam, FilterBarProps } from '../components/filters/filter-types';
import { markFilterChange } from '../components/filters/marks';
import { type CompareSort, DEFAULT_COMPARE_SORT } from '../features/compare/utils/compare-sort';
import { OverviewPage } from '../features/dashboard/components/overview-page';
import { withMessages } from '../i18n/i18n';
import { type FilterSearch, filtersToSearch, mergeDropped, searchToFilters, subscribeDropped } from './search';

export const TasksPage = lazyRouteComponent(
  withMessages(() => import('../features/tasks/components/tasks-page')),
  'TasksPage',
);
export const ArticleListPage = lazyRouteComponent(
  withMessages(() => import('../features/articles/components/article-list-page')),
  'ArticleListPage',
);
export const ComparePage = lazyRouteComponent(
  withMessages(() => import('../features/compare/components/compare-page')),
  'ComparePage',
);

/** Bulk update of the selected tasks (issue 4, task lifecycle); its code loads when a selection first appears. */
const BulkUpdate = lazy(
  withMessages(() => import('../features/task-detail/components/bulk-update').then((m) => ({ default: m.BulkUpdate }))),
);
const renderBulkUpdate = (ids: string[], clear: () => void) => (
  <Suspense fallback={null}>
    <BulkUpdate taskIds={ids} onDone={clear} />
  </Suspense>
);

type SetSearch = (patch: Record<string, unknown>, replace: boolean) => void;

/**
 * The filter bar's props for a route: the filters from the validated search, changes written to the URL (a history
 * entry each, so back and forward work), and the notice of dropped values: those validation dropped from the address
 * (the router has already replaced it with its cleaned form, so what the user copies next is clean) and stale
 * locality codes the bar finds.
 */
export function useFilterBar(search: Partial<FilterSearch>, setSearch: SetSearch): FilterBarProps {
  const filters = useMemo(() => searchToFilters(search), [search]);
  const [notices, setNotices] = useState<DroppedParam[]>([]);
  useEffect(() => subscribeDropped((dropped) => setNotices((prev) => mergeDropped(prev, dropped))), []);

  const onChange = useCallback(
    (next: FilterBarProps['value']) => {
      markFilterChange();
      setSearch(filtersToSearch(next), false);
    },
    [setSearch],
  );
  const onDropped = useCallback(
    (items: DroppedParam[]) => {
      setNotices((prev) => mergeDropped(prev, items));
      const gone = new Set(items.filter((d) => d.key === 'locality').map((d) => d.value));
      setSearch(filtersToSearch({ ...filters, locality: filters.locality?.filter((c) => !gone.has(c)) }), true);
    },
    [filters, setSearch],
  );
  const onDismissNotices = useCallback(() => setNotices([]), []);
  return { value: filters, onChange, notices, onDismissNotices, onDropped };
}

export function OverviewRoute() {
  const search = useSearch({ from: '/' });
  const navigate = useNavigate({ from: '/' });
  const setSearch = useCallback<SetSearch>(
    (patch, replace) => void navigate({ search: (prev) => ({ ...prev, ...patch }) as typeof prev, replace }),
    [navigate],
  );
  return <OverviewPage filterBar={useFilterBar(search, setSearch)} />;
}

export function TasksRoute() {
  const search = useSearch({ from: '/tasks' });
  const navigate = useNavigate({ from: '/tasks' });
  const setSearch = useCallback<SetSearch>(
    (patch, replace) => void navigate({ search: (prev) => ({ ...prev, ...patch }) as typeof prev, replace }),
    [navigate],
  );
  const filterBar = useFilterBar(search, setSearch);
  const taskHref = useCallback((id: string) => `/tasks/${encodeURIComponent(id)}`, []);
  const onOpenTask = useCallback(
    (taskId: string) => void navigate({ to: '/tasks/$taskId', params: { taskId } }),
    [navigate],
  );
  const onSortChange = useCallback(
    (sort: TaskSort) => setSearch({ sort: sort === 'deadline' ? undefined : sort }, false),
    [setSearch],
  );
  return (
    <TasksPage
      filterBar={filterBar}
      sort={search.sort ?? 'deadline'}
      onSortChange={onSortChange}
      taskHref={taskHref}
      onOpenTask={onOpenTask}
      renderSelectionActions={renderBulkUpdate}
    />
  );
}

export function CompareRoute() {
  const search = useSearch({ from: '/compare' });
  const navigate = useNavigate({ from: '/compare' });
  const setSearch = useCallback<SetSearch>(
    (patch, replace) => void navigate({ search: (prev) => ({ ...prev, ...patch }) as typeof prev, replace }),
    [navigate],
  );
  const filterBar = useFilterBar(search, setSearch);
  const onSortChange = useCallback(
    (sort: CompareSort) => setSearch({ sort: sort === DEFAULT_COMPARE_SORT ? undefined : sort }, true),
    [setSearch],
  );
  return <ComparePage filterBar={filterBar} sort={search.sort ?? DEFAULT_COMPARE_SORT} onSortChange={onSortChange} />;
}

/** `/articles`: the shared filters (articles with a matching task) and the page; a filter change goes to page 1. */
export function ArticlesRoute() {
  const search = useSearch({ from: '/articles' });
  const navigate = useNavigate({ from: '/articles' });
  const setSearch = useCallback<SetSearch>(
    (patch, replace) =>
      void navigate({ search: (prev) => ({ ...prev, page: undefined, ...patch }) as typeof prev, replace }),
    [navigate],
  );
  const filterBar = useFilterBar(search, setSearch);
  const onPageChange = useCallback(
    (page: number) => setSearch({ page: page > 1 ? page : undefined }, false),
    [setSearch],
  );
  return <ArticleListPage filterBar={filterBar} page={search.page ?? 1} onPageChange={onPageChange} />;
}
