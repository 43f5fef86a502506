import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { apiGet, apiRequest } from '../../../api/client';
import { mockSettingsQueries } from '../../../api/mock-settings';
import { MockSettings } from '../../../api/mock-settings-schemas';
import type { SetAsideSummary } from '../../../api/mock-storage';
import { errorText } from '../../../components/ui/error-text';
import { useFormat } from '../../../i18n/format';

const RestoreResult = z.object({ result: z.enum(['restored', 'unrestorable', 'missing']), settings: MockSettings });

/**
 * What the demo set aside on start (mocks/persistence.ts): each record with why, to download as JSON or to take
 * back (a task's edit whose version counter alone is wrong is repaired from its history).
 */
export function SetAsidePanel({ items }: { items: readonly SetAsideSummary[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const client = useQueryClient();
  const [outcome, setOutcome] = useState<Record<string, 'restored' | 'unrestorable' | 'missing' | Error>>({});
  const [busy, setBusy] = useState<string | null>(null);
  if (items.length === 0) return null;

  const download = async (item: SetAsideSummary) => {
    try {
      const value = await apiGet(`/_mock/set-aside/${encodeURIComponent(item.id)}`, z.unknown());
      const url = URL.createObjectURL(new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `set-aside-${item.kind}-${item.ref ?? 'store'}-${item.id}.json`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      setOutcome((o) => ({ ...o, [item.id]: error as Error }));
    }
  };
  const restore = async (item: SetAsideSummary) => {
    setBusy(item.id);
    try {
      const r = await apiRequest('POST', `/_mock/set-aside/${encodeURIComponent(item.id)}/restore`, RestoreResult);
      setOutcome((o) => ({ ...o, [item.id]: r.result }));
      if (r.result === 'restored') {
        client.setQueryData(mockSettingsQueries.current().queryKey, r.settings);
        void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== mockSettingsQueries.all()[0] });
      }
    } catch (error) {
      setOutcome((o) => ({ ...o, [item.id]: error as Error }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card settings-card" aria-labelledby="set-aside-title">
      <h2 id="set-aside-title" className="card-title">
        {t('settings.setAside.title')}
      </h2>
      <p>{t('settings.setAside.intro')}</p>
      <ul className="set-aside-list">
        {items.map((item) => {
          const result = outcome[item.id];
          return (
            <li key={item.id}>
              <p>
                <strong>{t(`settings.setAside.kind.${item.kind}`, { ref: item.ref ?? '' })}</strong>:{' '}
                {t(`settings.setAside.reason.${item.reason}`)},{' '}
                {t('settings.setAside.at', {
                  time: `${f.time(new Date(item.setAsideAt))} ${f.date(item.setAsideAt.slice(0, 10))}`,
                })}
              </p>
              <div className="button-row">
                <button type="button" className="button button-secondary" onClick={() => void download(item)}>
                  {t('settings.setAside.download')}
                </button>
                <button type="button" className="button" disabled={busy !== null} onClick={() => void restore(item)}>
                  {t('settings.setAside.restore')}
                </button>
              </div>
              <div aria-live="polite">
                {result === 'restored' ? <p className="form-saved">{t('settings.setAside.restored')}</p> : null}
                {result === 'unrestorable' ? <p className="field-hint">{t('settings.setAside.unrestorable')}</p> : null}
                {result instanceof Error ? (
                  <p role="alert" className="chart-error">
                    {errorText(result, t)}
                  </p>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
