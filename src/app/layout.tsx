import { useIsFetching, useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMockSettings, useSetMockDataset, useSetMockScenario } from '../api/mock-settings';
import { ChartPatterns } from '../components/charts/chart-patterns';
import { errorText } from '../components/ui/error-text';
import { StorageNotice } from '../features/settings/components/storage-notice';
import { AccountMenu } from '../features/sign-in/components/account-menu';
import { SessionGate } from '../features/sign-in/components/session-gate';
import { useFormat } from '../i18n/format';
import { LANGUAGES } from '../i18n/i18n';
import { useLanguageChoice } from '../i18n/use-language';
import { carryFilters } from './search';

/** The time of the newest successful fetch of any query: "số liệu lúc 14:05". */
function useDataFreshness(): number | null {
  const client = useQueryClient();
  const fetching = useIsFetching();
  const [at, setAt] = useState<number | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: recomputed whenever a fetch settles
  useEffect(() => {
    const newest = Math.max(
      0,
      ...client
        .getQueryCache()
        .getAll()
        .map((q) => q.state.dataUpdatedAt),
    );
    setAt(newest > 0 ? newest : null);
  }, [client, fetching]);
  return at;
}

function DemoDataControl() {
  const { t } = useTranslation();
  const settings = useMockSettings();
  const change = useSetMockDataset();
  if (!settings.data) return null;
  const datasets = settings.data.datasets as Array<'sample' | 'synthetic-10k' | 'synthetic-100k'>;
  return (
    <div className="demo-control">
      <label htmlFor="demo-dataset">{t('demo.label')}</label>
      <select
        id="demo-dataset"
        value={change.isPending ? (change.variables ?? settings.data.dataset) : settings.data.dataset}
        disabled={change.isPending}
        onChange={(e) => change.mutate(e.target.value)}
      >
        {datasets.map((d) => (
          <option key={d} value={d}>
            {t(`demo.dataset.${d}`)}
          </option>
        ))}
      </select>
      {change.isPending ? <span role="status">{t('demo.switching')}</span> : null}
      {change.isError ? <span role="alert">{errorText(change.error, t)}</span> : null}
    </div>
  );
}

/** While the mock API simulates a fault, say so on every screen, with a way back. */
function ScenarioBanner() {
  const { t } = useTranslation();
  const settings = useMockSettings();
  const change = useSetMockScenario();
  const scenario = settings.data?.scenario;
  if (!scenario || scenario === 'none') return null;
  return (
    <p className="banner banner-warning scenario-banner" role="status">
      {t('settings.scenario.active', {
        name: t(`settings.scenario.names.${scenario as 'none'}`, { defaultValue: scenario }),
      })}{' '}
      <button type="button" className="link-button" onClick={() => change.mutate('none')} disabled={change.isPending}>
        {t('settings.scenario.turnOff')}
      </button>
    </p>
  );
}

export function Layout() {
  const { t } = useTranslation();
  const language = useLanguageChoice();
  const f = useFormat();
  const freshness = useDataFreshness();
  // A route marked `staticData: { bare: true }` (the presentation) fills the screen: no header, nav or footer.
  const bare = useRouterState({ select: (s) => s.matches.some((m) => m.staticData?.bare) });
  if (bare) {
    return (
      <>
        <ChartPatterns />
        <SessionGate>
          <Outlet />
        </SessionGate>
      </>
    );
  }
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <ChartPatterns />
      <header className="app-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>
          <span className="brand-name">{t('app.title')}</span>
        </div>
        <nav aria-label={t('app.nav.label')} className="app-nav">
          <Link to="/" activeOptions={{ exact: true, includeSearch: false }} activeProps={{ 'aria-current': 'page' }}>
            {t('app.nav.overview')}
          </Link>
          <Link to="/tasks" search={carryFilters} activeProps={{ 'aria-current': 'page' }}>
            {t('tasks.nav')}
          </Link>
          <Link to="/compare" search={carryFilters} activeProps={{ 'aria-current': 'page' }}>
            {t('compare.nav')}
          </Link>
          <Link to="/present" search={carryFilters}>
            {t('present.nav')}
          </Link>
          <Link to="/articles" activeProps={{ 'aria-current': 'page' }}>
            {t('articles.nav')}
          </Link>
          <Link to="/deadlines" activeProps={{ 'aria-current': 'page' }}>
            {t('deadlines.nav')}
          </Link>
          <Link to="/settings" activeProps={{ 'aria-current': 'page' }}>
            {t('settings.nav')}
          </Link>
        </nav>
        <div className="header-tools">
          {freshness ? <span className="freshness">{t('app.dataAt', { time: f.time(freshness) })}</span> : null}
          <DemoDataControl />
          <AccountMenu />
          <fieldset className="lang-switch">
            <legend className="visually-hidden">{t('app.language')}</legend>
            {LANGUAGES.map((lng) => (
              <button
                key={lng}
                type="button"
                lang={lng}
                aria-pressed={language.current === lng}
                onClick={() => language.choose(lng)}
              >
                {lng.toUpperCase()}
                <span className="visually-hidden"> — {t(`app.languageName.${lng}`)}</span>
              </button>
            ))}
          </fieldset>
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <StorageNotice />
        <ScenarioBanner />
        <SessionGate>
          <Outlet />
        </SessionGate>
      </main>
      <footer className="app-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </div>
  );
}
