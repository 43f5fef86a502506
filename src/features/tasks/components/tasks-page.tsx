import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import type { RowSelectionState } from '@tanstack/react-table';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PAGE_SIZE, type TaskFilters, type TaskPage, type TaskSort } from '../../../api/schemas';
import { tasksQueries } from '../../../api/tasks';
import { ExportButtons } from '../../../components/export/export-buttons';
import { describeFilters } from '../../../components/filters/describe-filters';
import { FilterBar } from '../../../components/filters/filter-bar';
import type { FilterBarProps } from '../../../components/filters/filter-types';
import { clearFilters, countActive, eraOf } from '../../../components/filters/filter-utils';
import { useFiltersAppliedMark } from '../../../components/filters/marks';
import { localitiesKnown, pathLabel, useChosenLocalities } from '../../../components/filters/use-chosen-localities';
import { errorText } from '../../../components/ui/error-text';
import { todayInVietnam } from '../../../domain/dates';
import { useFormat } from '../../../i18n/format';
import { useLocalityLabels } from '../hooks/use-locality-labels';
import { exportTasks } from '../utils/export-tasks';
import { sortToState } from '../utils/sorting';
import { TasksTable } from './tasks-table';

const EMPTY_PAGES: TaskPage[] = [];

export interface TasksPageProps {
  filterBar: FilterBarProps;
  sort: TaskSort;
  onSortChange: (sort: TaskSort) => void;
  /** The address of a task's page (a real link: opens in a new tab too). */
  taskHref: (id: string) => string;
  onOpenTask: (id: string) => void;
  /** Actions over the selected tasks (bulk update); without it the selection is still shown and clearable. */
  renderSelectionActions?: (ids: string[], clear: () => void) => ReactNode;
}

/** `/tasks`: every task matching the filters, in a sortable, virtualised table that loads pages as it scrolls. */
export function TasksPage({
  filterBar,
  sort,
  onSortChange,
  taskHref,
  onOpenTask,
  renderSelectionActions,
}: TasksPageProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const client = useQueryClient();
  const filters = filterBar.value;
  // The first page of new filters (or a new order) is asked for at once, while the page re-renders (not after).
  const prefetch = useCallback(
    (next: TaskFilters, nextSort: TaskSort) => {
      if (localitiesKnown(client, next.locality, eraOf(next))) {
        void client.prefetchInfiniteQuery(tasksQueries.infinite({ ...next, sort: nextSort, pageSize: MAX_PAGE_SIZE }));
      }
    },
    [client],
  );
  const { onChange } = filterBar;
  const changeFilters = useCallback(
    (next: TaskFilters) => {
      prefetch(next, sort);
      onChange(next);
    },
    [prefetch, onChange, sort],
  );
  const changeSort = useCallback(
    (next: TaskSort) => {
      prefetch(filters, next);
      onSortChange(next);
    },
    [prefetch, onSortChange, filters],
  );
  const { chosen, settled } = useChosenLocalities(filters.locality, eraOf(filters));
  const query = useInfiniteQuery({
    ...tasksQueries.infinite({ ...filters, sort, pageSize: MAX_PAGE_SIZE }),
    enabled: settled,
  });
  const pages = query.data?.pages ?? EMPTY_PAGES;
  const tasks = useMemo(() => pages.flatMap((p) => p.items), [pages]);
  const total = pages[0]?.total ?? 0;
  const localityLabel = useLocalityLabels(pages);
  const current = query.isSuccess && !query.isPlaceholderData;
  useFiltersAppliedMark(current, query.data?.pages[0]);

  // The selection belongs to one result: other filters clear it.
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const filtersKey = JSON.stringify(filters);
  // biome-ignore lint/correctness/useExhaustiveDependencies: cleared when the filters change
  useEffect(() => setRowSelection({}), [filtersKey]);
  const selectedIds = Object.keys(rowSelection).filter((id) => rowSelection[id]);
  const selection = useMemo(() => ({ value: rowSelection, onChange: setRowSelection }), [rowSelection]);

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const onNeedMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const { id: sortColumn, desc } = sortToState(sort);
  const caption = t('tasks.caption', {
    column: t(`tasks.columns.${sortColumn}`),
    direction: desc ? t('tasks.sort.descending') : t('tasks.sort.ascending'),
  });
  const localityName = (code: string) => {
    const c = chosen.find((x) => x.code === code);
    return c ? pathLabel(c.path) : code;
  };

  let body: ReactNode;
  if (query.isPending) {
    body = (
      <div className="card list-placeholder" role="status">
        <span className="skeleton" aria-hidden="true" />
        {t('tasks.loading')}
      </div>
    );
  } else if (query.isError && !query.data) {
    body = (
      <div className="card list-placeholder chart-error" role="alert">
        <p>{errorText(query.error, t)}</p>
        <button type="button" className="button" onClick={() => void query.refetch()}>
          {t('chart.retry')}
        </button>
      </div>
    );
  } else if (total === 0 && current) {
    const active = countActive(filters);
    const lines = describeFilters(filters, t, f.date, localityName);
    body = (
      <div className="card list-placeholder empty-result">
        <p className="empty-title">{active ? t('tasks.empty.title') : t('tasks.empty.noTasks')}</p>
        {active ? (
          <>
            <p>{t('tasks.empty.why', { list: lines.map(([k, v]) => `${k}: ${v}`).join('; ') })}</p>
            <button type="button" className="button" onClick={() => changeFilters(clearFilters(filters))}>
              {t('tasks.empty.clear')}
            </button>
          </>
        ) : null}
      </div>
    );
  } else {
    body = (
      <TasksTable
        tasks={tasks}
        total={total}
        sort={sort}
        onSortChange={changeSort}
        onNeedMore={onNeedMore}
        localityLabel={localityLabel}
        taskHref={taskHref}
        onOpenTask={onOpenTask}
        caption={caption}
        selection={selection}
        stale={query.isPlaceholderData}
      />
    );
  }

  return (
    <div className="tasks-page">
      <div className="page-heading">
        <div>
          <h1>{t('tasks.heading')}</h1>
          <p className="page-intro">{t('tasks.intro')}</p>
        </div>
      </div>
      <FilterBar {...filterBar} onChange={changeFilters} />
      {query.isError && query.data ? (
        <p className="banner banner-warning" role="status">
          {errorText(query.error, t)} {t('errors.stale', { time: f.time(query.dataUpdatedAt) })}
        </p>
      ) : null}
      <div className="list-toolbar">
        <p className="list-count" aria-live="polite">
          {query.data ? <strong>{t('tasks.count', { count: total, formatted: f.number(total) })}</strong> : null}
          {query.isPlaceholderData ? <span className="muted"> · {t('tasks.updating')}</span> : null}
          {isFetchingNextPage ? <span className="muted"> · {t('tasks.loadingMore')}</span> : null}
        </p>
        {selectedIds.length ? (
          <div className="selection-bar">
            <span>{t('tasks.selected', { count: selectedIds.length })}</span>
            {renderSelectionActions?.(selectedIds, () => setRowSelection({}))}
            <button type="button" className="link-button" onClick={() => setRowSelection({})}>
              {t('tasks.clearSelection')}
            </button>
          </div>
        ) : null}
        <ExportButtons
          disabled={!query.data || total === 0}
          onExport={(format, { signal, onProgress }) =>
            exportTasks(format, {
              filters,
              sort,
              client,
              t,
              date: f.date,
              now: `${f.date(todayInVietnam())} ${f.time(Date.now())}`,
              today: todayInVietnam(),
              link: typeof window === 'undefined' ? undefined : window.location.href,
              signal,
              onProgress,
            })
          }
        />
      </div>
      {body}
      {query.isFetchNextPageError ? (
        <p className="chart-error" role="alert">
          {errorText(query.error, t)}{' '}
          <button type="button" className="button" onClick={() => void query.fetchNextPage()}>
            {t('chart.retry')}
          </button>
        </p>
      ) : null}
      {query.data && !hasNextPage && total > 0 ? (
        <p className="muted list-end">{t('tasks.endOfList', { formatted: f.number(total) })}</p>
      ) : null}
    </div>
  );
}
