import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_MAX, Evidence } from '../../../api/task-update-schemas';

/**
 * Links to what reports the progress (a news article, a document): typed one at a time, checked (http or https
 * only), listed with a way to remove each; at most EVIDENCE_MAX. They go with the update (its `evidence`).
 */
export function EvidenceInput({ value, onChange }: { value: Evidence[]; onChange: (next: Evidence[]) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = () => {
    const parsed = Evidence.safeParse({ url: url.trim(), title: title.trim() || undefined });
    if (!parsed.success) {
      setError(t('task.evidence.invalid'));
      return;
    }
    if (value.some((e) => e.url === parsed.data.url)) {
      setError(t('task.evidence.duplicate'));
      return;
    }
    onChange([...value, parsed.data]);
    setUrl('');
    setTitle('');
    setError(null);
  };
  const full = value.length >= EVIDENCE_MAX;
  return (
    <fieldset className="evidence-fieldset">
      <legend>{t('task.evidence.legend')}</legend>
      {value.length ? (
        <ul className="evidence-list">
          {value.map((e) => (
            <li key={e.url}>
              <a href={e.url} target="_blank" rel="noopener noreferrer">
                {e.title || e.url}
              </a>{' '}
              <button
                type="button"
                className="link-button"
                aria-label={t('task.evidence.remove', { title: e.title || e.url })}
                onClick={() => onChange(value.filter((x) => x.url !== e.url))}
              >
                {t('task.evidence.removeShort')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {full ? (
        <p className="field-hint">{t('task.evidence.full', { max: EVIDENCE_MAX })}</p>
      ) : (
        <div className="evidence-row">
          <div className="form-field">
            <label htmlFor={`${id}-url`}>{t('task.evidence.url')}</label>
            <input
              id={`${id}-url`}
              type="url"
              inputMode="url"
              placeholder="https://"
              value={url}
              aria-invalid={Boolean(error)}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(e) => setUrl(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  add();
                }
              }}
            />
          </div>
          <div className="form-field">
            <label htmlFor={`${id}-title`}>{t('task.evidence.title')}</label>
            <input
              id={`${id}-title`}
              type="text"
              maxLength={300}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  add();
                }
              }}
            />
          </div>
          <button type="button" className="button button-secondary" onClick={add} disabled={!url.trim()}>
            {t('task.evidence.add')}
          </button>
        </div>
      )}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The evidence of a history entry: its links, opened in a new tab. */
export function EvidenceLinks({ items }: { items: readonly Evidence[] }) {
  const { t } = useTranslation();
  if (!items.length) return null;
  return (
    <div className="history-evidence">
      <span className="muted">{t('task.evidence.shown', { count: items.length })}</span>
      <ul className="evidence-list">
        {items.map((e) => (
          <li key={e.url}>
            <a href={e.url} target="_blank" rel="noopener noreferrer">
              {e.title || e.url}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
