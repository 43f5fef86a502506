import { useTranslation } from 'react-i18next';

/** Shown when a route itself fails to render: the layout stays, with a way forward. */
export function RouteError({ reset }: { reset?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="card chart-error" role="alert">
      <p>{t('errors.boundary')}</p>
      <div className="button-row">
        {reset ? (
          <button type="button" className="button" onClick={reset}>
            {t('chart.retry')}
          </button>
        ) : null}
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t('errors.reload')}
        </button>
      </div>
    </div>
  );
}
