import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category, TaskFilters, Timeliness } from '../../../api/schemas';
import { statsQueries } from '../../../api/stats';
import { ChartCard, type ChartState } from '../../../components/charts/chart-card';
import { FilterBar } from '../../../components/filters/filter-bar';
import type { FilterBarProps } from '../../../components/filters/filter-types';
import { eraOf } from '../../../components/filters/filter-utils';
import { useFiltersAppliedMark } from '../../../components/filters/marks';
import { localitiesKnown, useChosenLocalities } from '../../../components/filters/use-chosen-localities';
import { ErrorBoundaryCard } from '../../../components/ui/error-boundary-card';
import { errorText } from '../../../components/ui/error-text';
import { useFormat } from '../../../i18n/format';
import { kpis } from '../utils/shape';
import { KpiTiles } from './kpi-tiles';
import { OverdueList } from './overdue-list';

// The charts' chunk starts loading at the overview's first render, in parallel with its data, and only on the
// overview (this module is in the entry, so a module-level import would load it on every route).
const OverviewCharts = lazy(() => import('./overview-charts'));

/** While the charts' code loads: the four cards with their titles, in their loading state. */
function ChartsLoading() {
  const { t } = useTranslation();
  const titles = [
    t('overview.donut.title'),
    t('overview.locality.titleProvinces'),
    t('overview.category.title'),
    t('overview.monthly.title'),
  ];
  return (
    <div className="chart-grid">
      {titles.map((title) => (
        <ChartCard key={title} title={title} state="loading" />
      ))}
    </div>
  );
}

/**
 * The overview: KPI tiles and charts over the filters of the shared filter bar. Drill-down: a KPI tile, a donut
 * slice, a locality bar or a field bar applies that filter (each also reachable by keyboard).
 */
export function OverviewPage({ filterBar }: { filterBar: FilterBarProps }) {
  const { t } = useTranslation();
  const f = useFormat();
  const filters = filterBar.value;
  const era = eraOf(filters);
  // A stale locality code in a link is dropped by the filter bar before any request carries it.
  const { settled } = useChosenLocalities(filters.locality, era);
  const stats = useQuery({ ...statsQueries.summary({ ...filters, era }), enabled: settled });
  const data = stats.data ?? null;
  const state: ChartState = data ? 'ready' : stats.isError ? 'error' : 'loading';
  const message = stats.error ? errorText(stats.error, t) : undefined;
  const retry = () => void stats.refetch();
  const common = { state, errorMessage: message, onRetry: retry };
  useFiltersAppliedMark(stats.isSuccess && !stats.isPlaceholderData, data);

  // The figures of new filters are asked for at once, while the page re-renders (not after).
  const client = useQueryClient();
  const { onChange } = filterBar;
  const apply = useCallback(
    (next: TaskFilters) => {
      const nextEra = eraOf(next);
      if (localitiesKnown(client, next.locality, nextEra)) {
        void client.prefetchQuery(statsQueries.summary({ ...next, era: nextEra }));
      }
      onChange(next);
    },
    [client, onChange],
  );
  /** One timeliness class alone; choosing the class already alone removes the filter. */
  const selectTimeliness = (k: Timeliness | null) => {
    const only = filters.timeliness?.length === 1 && filters.timeliness[0] === k;
    apply({ ...filters, timeliness: k && !only ? [k] : undefined });
  };
  const selectCategory = (c: Category) => {
    const only = filters.category?.length === 1 && filters.category[0] === c;
    apply({ ...filters, category: only ? undefined : [c] });
  };
  const selectLocality = (code: string) => {
    const breakdownEra = data?.byLocality.era ?? era;
    apply({ ...filters, era: breakdownEra === 'post2025' ? undefined : breakdownEra, locality: [code] });
  };

  return (
    <div className="overview">
      <div className="page-heading">
        <div>
          <h1>{t('overview.heading')}</h1>
          <p className="page-intro">{t('overview.intro', { date: data ? f.date(data.asOf) : '–' })}</p>
        </div>
      </div>
      <FilterBar {...filterBar} onChange={apply} />
      {stats.isError && data ? (
        <p className="banner banner-warning" role="status">
          {message} {t('errors.stale', { time: f.time(stats.dataUpdatedAt) })}
        </p>
      ) : null}
      <KpiTiles
        items={data ? kpis(data) : null}
        loading={stats.isPending}
        active={filters.timeliness}
        onSelect={selectTimeliness}
      />
      <ErrorBoundaryCard>
        <Suspense fallback={<ChartsLoading />}>
          <OverviewCharts
            data={data}
            {...common}
            onSelectTimeliness={selectTimeliness}
            onSelectLocality={selectLocality}
            onSelectCategory={selectCategory}
          />
        </Suspense>
      </ErrorBoundaryCard>
      <ErrorBoundaryCard>
        <OverdueList tasks={data?.mostOverdue ?? null} asOf={data?.asOf ?? null} {...common} />
      </ErrorBoundaryCard>
    </div>
  );
}
