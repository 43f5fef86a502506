/**
 * The overview's four charts, in their own chunk (~6 kB gzip), loaded in parallel with the first figures. They are
 * plain SVG drawn by our own components (src/components/charts/svg-chart.tsx), not Recharts: Recharts' ~120 kB gzip
 * had to be parsed, compiled and run before the first chart frame, the longest part of the first screen (issue 16).
 */
import { type ReactNode, useEffect } from 'react';
import type { Category, Stats, Timeliness } from '../../../api/schemas';
import type { ChartState } from '../../../components/charts/chart-card';
import { ErrorBoundaryCard } from '../../../components/ui/error-boundary-card';
import { APP_READY_MARK, CHARTS_DRAWN_MARK } from '../utils/marks';
import { CategoryChart } from './category-chart';
import { LocalityChart } from './locality-chart';
import { MonthlyChart } from './monthly-chart';
import { TimelinessDonut } from './timeliness-donut';

export interface OverviewChartsProps {
  data: Stats | null;
  state: ChartState;
  errorMessage?: string;
  onRetry: () => void;
  onSelectTimeliness: (k: Timeliness | null) => void;
  onSelectLocality: (code: string) => void;
  onSelectCategory: (c: Category) => void;
  /** Shown between the first row of charts and the second (the overview's boards). */
  between?: ReactNode;
}

export default function OverviewCharts({
  data,
  state,
  errorMessage,
  onRetry,
  onSelectTimeliness,
  onSelectLocality,
  onSelectCategory,
  between,
}: OverviewChartsProps) {
  const common = { state, errorMessage, onRetry };

  // The first frame that shows every chart drawn with data, unless the server's page already had them (src/boot.ts),
  // and the first the app drew itself, the charts live (both read by `npm run bench`).
  useEffect(() => {
    if (!data || performance.getEntriesByName(APP_READY_MARK).length > 0) return;
    const frame = requestAnimationFrame(() => {
      if (performance.getEntriesByName(CHARTS_DRAWN_MARK).length === 0) performance.mark(CHARTS_DRAWN_MARK);
      performance.mark(APP_READY_MARK);
    });
    return () => cancelAnimationFrame(frame);
  }, [data]);

  return (
    <div className="chart-grid">
      <ErrorBoundaryCard>
        <TimelinessDonut
          counts={data?.byTimeliness ?? null}
          total={data?.total ?? 0}
          {...common}
          onSelect={onSelectTimeliness}
        />
      </ErrorBoundaryCard>
      <ErrorBoundaryCard>
        <LocalityChart byLocality={data?.byLocality ?? null} {...common} onSelect={onSelectLocality} />
      </ErrorBoundaryCard>
      {between ? <div className="chart-grid-between">{between}</div> : null}
      <ErrorBoundaryCard>
        <CategoryChart byCategory={data?.byCategory ?? null} {...common} onSelect={onSelectCategory} />
      </ErrorBoundaryCard>
      <ErrorBoundaryCard>
        <MonthlyChart monthly={data?.monthly ?? null} {...common} />
      </ErrorBoundaryCard>
    </div>
  );
}
