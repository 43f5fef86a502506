import { useTranslation } from 'react-i18next';
import { useMockSettings, useSetMockScenario } from '../../../api/mock-settings';
import { errorText } from '../../../components/ui/error-text';
import type { Messages } from '../../../i18n/vi';

type ScenarioName = keyof Messages['settings']['scenario']['names'];

/**
 * Demo of the error states: the mock API behaves like a slow, failing or hostile server until switched back.
 * Only on the mock API (a real server has no /_mock).
 */
export function ScenarioPicker() {
  const { t } = useTranslation();
  const settings = useMockSettings();
  const change = useSetMockScenario();
  const data = settings.data;
  if (!data?.scenarios) return null;
  const current = change.isPending ? (change.variables ?? data.scenario) : data.scenario;
  return (
    <section className="card settings-card" aria-labelledby="scenario-title">
      <h2 id="scenario-title" className="card-title">
        {t('settings.scenario.title')}
      </h2>
      <p>{t('settings.scenario.intro')}</p>
      <label htmlFor="scenario-select">{t('settings.scenario.label')}</label>{' '}
      <select
        id="scenario-select"
        value={current ?? 'none'}
        disabled={change.isPending}
        onChange={(e) => change.mutate(e.target.value)}
      >
        {data.scenarios.map((s) => (
          <option key={s} value={s}>
            {t(`settings.scenario.names.${s as ScenarioName}`, { defaultValue: s })}
          </option>
        ))}
      </select>
      {change.isPending ? <span role="status"> {t('settings.scenario.switching')}</span> : null}
      {change.isError ? <p role="alert">{errorText(change.error, t)}</p> : null}
    </section>
  );
}
