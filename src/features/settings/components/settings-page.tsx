import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { config } from '../../../api/config';
import { useMockSettings, useResetMockData } from '../../../api/mock-settings';
import { errorText } from '../../../components/ui/error-text';
import { useFormat } from '../../../i18n/format';
import { ScenarioPicker } from './scenario-picker';
import { SetAsidePanel } from './set-aside-panel';

/** Settings: where the mock API keeps edits, and "reset sample data" (only on the mock API). */
export function SettingsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const settings = useMockSettings();
  const reset = useResetMockData();
  const [confirming, setConfirming] = useState(false);

  if (!config.useMockApi) {
    return (
      <div className="settings-page">
        <h1>{t('settings.heading')}</h1>
        <p className="card">{t('settings.realApi')}</p>
      </div>
    );
  }

  const data = settings.data;
  const storage = data?.storage;
  return (
    <div className="settings-page">
      <div className="page-heading">
        <h1>{t('settings.heading')}</h1>
      </div>
      <section className="card settings-card" aria-labelledby="mock-data-title">
        <h2 id="mock-data-title" className="card-title">
          {t('settings.mock.title')}
        </h2>
        <p>{t('settings.mock.intro')}</p>
        {data ? (
          <dl className="facts settings-facts">
            <div>
              <dt>{t('settings.mock.dataset')}</dt>
              <dd>{t(`demo.dataset.${data.dataset as 'sample'}`, { defaultValue: data.dataset })}</dd>
            </div>
            <div>
              <dt>{t('settings.mock.today')}</dt>
              <dd>{f.date(data.today)}</dd>
            </div>
            {storage ? (
              <>
                <div>
                  <dt>{t('settings.mock.storage')}</dt>
                  <dd>{t(`settings.mock.kind.${storage.kind}`)}</dd>
                </div>
                <div>
                  <dt>{t('settings.mock.editedLabel')}</dt>
                  <dd>
                    {storage.editedTasks > 0
                      ? t('settings.mock.edited', { count: storage.editedTasks })
                      : t('settings.mock.editedNone')}
                  </dd>
                </div>
                <div>
                  <dt>{t('settings.mock.savedAt')}</dt>
                  <dd>
                    {storage.savedAt
                      ? `${f.date(storage.savedAt.slice(0, 10))} ${f.time(new Date(storage.savedAt))}`
                      : t('settings.mock.never')}
                  </dd>
                </div>
              </>
            ) : null}
          </dl>
        ) : settings.isError ? (
          <div role="alert" className="chart-error">
            <p>{errorText(settings.error, t)}</p>
            <button type="button" className="button" onClick={() => void settings.refetch()}>
              {t('chart.retry')}
            </button>
          </div>
        ) : (
          <p role="status">{t('settings.loading')}</p>
        )}
      </section>
      {storage?.setAside?.length ? <SetAsidePanel items={storage.setAside} /> : null}
      <ScenarioPicker />

      <section className="card settings-card" aria-labelledby="reset-title">
        <h2 id="reset-title" className="card-title">
          {t('settings.reset.title')}
        </h2>
        <p>{t('settings.reset.description')}</p>
        {confirming ? (
          <fieldset className="confirm-box">
            <legend>
              <strong>{t('settings.reset.confirm')}</strong>
            </legend>
            <div className="button-row">
              <button
                type="button"
                className="button button-danger"
                disabled={reset.isPending}
                onClick={() =>
                  reset.mutate(undefined, {
                    onSettled: () => setConfirming(false),
                  })
                }
              >
                {reset.isPending ? t('settings.reset.working') : t('settings.reset.confirmButton')}
              </button>
              <button
                type="button"
                className="button button-secondary"
                disabled={reset.isPending}
                onClick={() => setConfirming(false)}
              >
                {t('settings.reset.cancel')}
              </button>
            </div>
          </fieldset>
        ) : (
          <button
            type="button"
            className="button"
            onClick={() => {
              reset.reset();
              setConfirming(true);
            }}
          >
            {t('settings.reset.button')}
          </button>
        )}
        <div aria-live="polite">
          {reset.isSuccess ? <p className="form-saved">{t('settings.reset.done')}</p> : null}
        </div>
        {reset.isError ? (
          <p role="alert" className="chart-error">
            {errorText(reset.error, t)}
          </p>
        ) : null}
      </section>
    </div>
  );
}
