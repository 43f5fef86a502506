import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Era, TaskFilters } from '../../../api/schemas';
import { useStats } from '../../../api/stats';
import type { ChartState } from '../../../components/charts/chart-card';
import { ErrorBoundaryCard } from '../../../components/ui/error-boundary-card';
import { errorText } from '../../../components/ui/error-text';
import { useFormat } from '../../../i18n/format';
import { kpis } from '../utils/shape';
import { CategoryChart } from './category-chart';
import { KpiTiles } from './kpi-tiles';
import { LocalityChart } from './locality-chart';
import { MonthlyChart } from './monthly-chart';
import { OverdueList } from './overdue-list';
import { TimelinessDonut } from './timeliness-donut';

/** Marked once, after the first frame that shows the charts drawn with data (read by `npm run bench`). */
export const CHARTS_DRAWN_MARK = 'dt:charts-drawn';

export function OverviewPage({
  filters,
  era,
  onEraChange,
}: {
  filters: TaskFilters;
  era: Era;
  onEraChange: (era: Era) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const stats = useStats({ ...filters, era });
  const data = stats.data ?? null;
  const state: ChartState = data ? 'ready' : stats.isError ? 'error' : 'loading';
  const message = stats.error ? errorText(stats.error, t) : undefined;
  const retry = () => void stats.refetch();
  const common = { state, errorMessage: message, onRetry: retry };

  useEffect(() => {
    if (!data || performance.getEntriesByName(CHARTS_DRAWN_MARK).length > 0) return;
    const frame = requestAnimationFrame(() => performance.mark(CHARTS_DRAWN_MARK));
    return () => cancelAnimationFrame(frame);
  }, [data]);

  return (
    <div className="overview">
      <div className="page-heading">
        <div>
          <h1>{t('overview.heading')}</h1>
          <p className="page-intro">{t('overview.intro', { date: data ? f.date(data.asOf) : '…' })}</p>
        </div>
        <fieldset className="segmented">
          <legend>{t('era.label')}</legend>
          {(['post2025', 'pre2025'] as const).map((e) => (
            <label key={e} className={era === e ? 'active' : undefined}>
              <input type="radio" name="era" value={e} checked={era === e} onChange={() => onEraChange(e)} />
              {t(`era.${e}`)}
            </label>
          ))}
        </fieldset>
      </div>
      {stats.isError && data ? (
        <p className="banner banner-warning" role="status">
          {message} {t('errors.stale', { time: f.time(stats.dataUpdatedAt) })}
        </p>
      ) : null}
      <KpiTiles items={data ? kpis(data) : null} loading={stats.isPending} />
      <div className="chart-grid">
        <ErrorBoundaryCard>
          <TimelinessDonut counts={data?.byTimeliness ?? null} total={data?.total ?? 0} {...common} />
        </ErrorBoundaryCard>
        <ErrorBoundaryCard>
          <LocalityChart byLocality={data?.byLocality ?? null} {...common} />
        </ErrorBoundaryCard>
        <ErrorBoundaryCard>
          <CategoryChart byCategory={data?.byCategory ?? null} {...common} />
        </ErrorBoundaryCard>
        <ErrorBoundaryCard>
          <MonthlyChart monthly={data?.monthly ?? null} {...common} />
        </ErrorBoundaryCard>
      </div>
      <ErrorBoundaryCard>
        <OverdueList tasks={data?.mostOverdue ?? null} asOf={data?.asOf ?? null} {...common} />
      </ErrorBoundaryCard>
    </div>
  );
}
