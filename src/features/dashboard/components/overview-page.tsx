import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category, TaskFilters, TaskStatus, Timeliness } from '../../../api/schemas';
import { statsQueries } from '../../../api/stats';
import { ChartCard, type ChartState } from '../../../components/charts/chart-card';
import { endPrinting } from '../../../components/charts/print-media';
import { describeFilters } from '../../../components/filters/describe-filters';
import { FilterBar } from '../../../components/filters/filter-bar';
import type { FilterBarProps } from '../../../components/filters/filter-types';
import { countActive, eraOf } from '../../../components/filters/filter-utils';
import { useFiltersAppliedMark } from '../../../components/filters/marks';
import { localitiesKnown, pathLabel, useChosenLocalities } from '../../../components/filters/use-chosen-localities';
import { ErrorBoundaryCard } from '../../../components/ui/error-boundary-card';
import { errorText } from '../../../components/ui/error-text';
import { todayInVietnam } from '../../../domain/dates';
import { useFormat } from '../../../i18n/format';
import { kpis, statusCounts } from '../utils/shape';
import { FlagshipBoard } from './flagship-board';
import { KpiTiles, StatusStrip } from './kpi-tiles';
import { MatchingTasks, showMatches } from './matching-tasks';
import { OverdueList } from './overdue-list';
import { OverviewChartsSlot } from './overview-charts-slot';
import { RecentUpdates } from './recent-updates';

/** While the charts' code loads: the four cards with their titles, in their loading state (boards between). */
function ChartsLoading({ between }: { between: ReactNode }) {
  const { t } = useTranslation();
  const titles = [
    t('overview.donut.title'),
    t('overview.locality.titleProvinces'),
    t('overview.category.title'),
    t('overview.monthly.title'),
  ];
  return (
    <div className="chart-grid">
      {titles.slice(0, 2).map((title) => (
        <ChartCard key={title} title={title} state="loading" />
      ))}
      <div className="chart-grid-between">{between}</div>
      {titles.slice(2).map((title) => (
        <ChartCard key={title} title={title} state="loading" />
      ))}
    </div>
  );
}

/** The report's head when printed: title, the date of the data, the filters in words (hidden on screen). */
function PrintHead({ filters, asOf }: { filters: TaskFilters; asOf: string | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { chosen } = useChosenLocalities(filters.locality, eraOf(filters));
  const lines = describeFilters(filters, t, f.date, (code) => {
    const c = chosen.find((x) => x.code === code);
    return c ? pathLabel(c.path) : code;
  });
  const now = new Date();
  return (
    <div className="print-only print-head">
      <p className="print-title">{t('dashboard.print.title')}</p>
      <p>
        {t('dashboard.print.asOf', {
          date: asOf ? f.date(asOf) : '–',
          time: f.time(now),
          today: f.date(todayInVietnam(now)),
        })}
      </p>
      <p>
        <strong>{t('dashboard.print.filters')}:</strong>{' '}
        {lines.length ? lines.map(([k, v]) => `${k}: ${v}`).join(' · ') : t('dashboard.print.allTasks')}
      </p>
    </div>
  );
}

/**
 * Prints the overview as a report, exactly as Ctrl+P does: on `beforeprint` the charts take the printed column's
 * width (src/components/charts/print-media.ts) and the print stylesheet leaves the report without the app's controls.
 */
function printReport() {
  window.print();
  endPrinting();
}

/**
 * The overview: every task counted in a tile (by timeliness) and on the status line, the charts, the key projects and
 * the recent updates, the tasks a search found, and the most overdue tasks — over the filters of the shared filter
 * bar. Drill-down: a tile, a status, a donut slice, a locality bar or a field bar applies that filter. Prints as a
 * report ("In báo cáo").
 */
export function OverviewPage({ filterBar }: { filterBar: FilterBarProps }) {
  const { t } = useTranslation();
  const f = useFormat();
  const filters = filterBar.value;
  const era = eraOf(filters);
  // A stale locality code in a link is dropped by the filter bar before any request carries it.
  const { settled } = useChosenLocalities(filters.locality, era);
  const scoped = { ...filters, era };
  const stats = useQuery({ ...statsQueries.summary(scoped), enabled: settled });
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
  const selectStatus = (s: TaskStatus) => {
    const only = filters.status?.length === 1 && filters.status[0] === s;
    apply({ ...filters, status: only ? undefined : [s] });
  };
  const selectCategory = (c: Category) => {
    const only = filters.category?.length === 1 && filters.category[0] === c;
    apply({ ...filters, category: only ? undefined : [c] });
  };
  const selectLocality = (code: string) => {
    const breakdownEra = data?.byLocality.era ?? era;
    apply({ ...filters, era: breakdownEra === 'post2025' ? undefined : breakdownEra, locality: [code] });
  };

  const matches = showMatches(filters, countActive(filters), data?.total ?? null);
  // The lists are asked for once the figures are in: the tiles and charts come first. The figures of the filters
  // before a change (kept on screen meanwhile) do not count: the new lists' requests would compete with the new
  // figures' (at 1,000,000 tasks the key projects' board is a sort of every flagship task, a core for ~0.5 s).
  const listsWanted = settled && data !== null && !stats.isPlaceholderData;
  const boards = (
    <>
      {filters.flagship === false ? null : <FlagshipBoard filters={scoped} enabled={listsWanted} />}
      <RecentUpdates filters={scoped} enabled={listsWanted} />
    </>
  );

  return (
    <div className="overview">
      <div className="page-heading">
        <div>
          <h1>{t('overview.heading')}</h1>
          <p className="page-intro">{t('overview.intro', { date: data ? f.date(data.asOf) : '–' })}</p>
        </div>
        <button type="button" className="button button-secondary print-button" onClick={printReport}>
          <span aria-hidden="true">🖨 </span>
          {t('dashboard.print.button')}
        </button>
      </div>
      <PrintHead filters={filters} asOf={data?.asOf ?? null} />
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
      <StatusStrip items={data ? statusCounts(data.byStatus) : null} active={filters.status} onSelect={selectStatus} />
      {matches ? <MatchingTasks filters={scoped} enabled={listsWanted} /> : null}
      <ErrorBoundaryCard>
        {/* The charts' chunk starts loading at the overview's first render, in parallel with its data, and only on
            the overview (this module is in the entry, so a module-level import would load it on every route). */}
        <OverviewChartsSlot
          fallback={<ChartsLoading between={boards} />}
          data={data}
          {...common}
          onSelectTimeliness={selectTimeliness}
          onSelectLocality={selectLocality}
          onSelectCategory={selectCategory}
          between={boards}
        />
      </ErrorBoundaryCard>
      <ErrorBoundaryCard>
        <OverdueList
          tasks={data?.mostOverdue ?? null}
          asOf={data?.asOf ?? null}
          {...common}
          total={data?.byTimeliness.overdue}
          filters={scoped}
        />
      </ErrorBoundaryCard>
    </div>
  );
}
