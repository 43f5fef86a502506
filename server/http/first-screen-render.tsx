/**
 * The overview's first screen drawn by the server (issue 16): the figures and the four charts of the first `/stats`
 * answer, rendered by the app's own components into the static shell of index.html, so a leader opening the
 * dashboard (or a wall screen waking up) sees figures with the first paint, before any script has run. The answer
 * itself goes into the page as JSON: the app starts from it (src/app/first-screen-data.ts) instead of asking again,
 * and its first render draws the same screen, now live (tooltips, drill-down, the live feed).
 *
 * Not hydration: React replaces the shell on its first render, as it did when the shell held placeholders. The
 * charts are drawn at the width the reader's charts had last time (a cookie the app keeps) or, on a first visit, at
 * the 1,366 px layout's; in a narrower box they are scaled down until the app redraws them at the measured width.
 * The markup is always Vietnamese; a reader who chose English gets English when the app takes over. The shell is
 * inert (no input, out of the accessibility tree) until then, so the cards' data tables are left out of it.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18next from 'i18next';
import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider, initReactI18next, useTranslation } from 'react-i18next';
import type { Stats } from '../../src/api/schemas';
import { ChartTablesContext } from '../../src/components/charts/chart-card';
import { ChartPatterns } from '../../src/components/charts/chart-patterns';
import { InitialChartWidthContext } from '../../src/components/charts/chart-width';
import { FlagshipBoard } from '../../src/features/dashboard/components/flagship-board';
import { KpiTiles, StatusStrip } from '../../src/features/dashboard/components/kpi-tiles';
import OverviewCharts from '../../src/features/dashboard/components/overview-charts';
import { RecentUpdates } from '../../src/features/dashboard/components/recent-updates';
import { kpis, statusCounts } from '../../src/features/dashboard/utils/shape';
import { useFormat } from '../../src/i18n/format';
import { vi } from '../../src/i18n/vi';

/** The pieces of the first screen that depend on the data, as HTML. */
export interface FirstScreenParts {
  /** The heading's intro, with the date the figures are as of (text, HTML-escaped). */
  intro: string;
  /** The tiles and the status line (the `kpi-section` and what follows it). */
  figures: string;
  /** The chart grid: the four charts, the boards between them in their loading state. */
  charts: string;
}

const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi } },
  lng: 'vi',
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
  initAsync: false,
});
const noop = () => {};

function Intro({ asOf }: { asOf: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  return <>{t('overview.intro', { date: f.date(asOf) })}</>;
}

function Providers({ width, children }: { width: number; children: ReactNode }) {
  // The boards' lists are asked for by the app: here they are in their loading state, as in the app's first frame.
  const client = new QueryClient({ defaultOptions: { queries: { enabled: false } } });
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>
        <InitialChartWidthContext.Provider value={width}>
          <ChartTablesContext.Provider value={false}>{children}</ChartTablesContext.Provider>
        </InitialChartWidthContext.Provider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}

/** The first screen's figures and charts for `stats`, the charts `width` px wide. */
export function renderFirstScreen(stats: Stats, width: number): FirstScreenParts {
  const era = stats.byLocality.era;
  const filters = { era };
  const figures = renderToString(
    <Providers width={width}>
      <KpiTiles items={kpis(stats)} loading={false} active={undefined} onSelect={noop} />
      <StatusStrip items={statusCounts(stats.byStatus)} active={undefined} onSelect={noop} />
    </Providers>,
  );
  // The charts' fill patterns (the overdue hatching…), which the app's layout draws once per page.
  const charts = renderToString(
    <Providers width={width}>
      <ChartPatterns />
      <OverviewCharts
        data={stats}
        state="ready"
        onRetry={noop}
        onSelectTimeliness={noop}
        onSelectLocality={noop}
        onSelectCategory={noop}
        between={
          <>
            <FlagshipBoard filters={filters} enabled={false} />
            <RecentUpdates filters={filters} enabled={false} />
          </>
        }
      />
    </Providers>,
  );
  const intro = renderToString(
    <Providers width={width}>
      <Intro asOf={stats.asOf} />
    </Providers>,
  );
  return { intro, figures, charts };
}
