import { useTranslation } from 'react-i18next';
import type { Task } from '../../../api/schemas';
import type { TaskUpdate } from '../../../api/task-update-schemas';
import { errorText } from '../../../components/ui/error-text';
import { diffTracked } from '../../../domain/task-updates';
import { useFormat } from '../../../i18n/format';
import { describeChange } from '../utils/describe-change';

export interface ConflictState {
  /** The version the person's update was written against. */
  base: Task;
  /** The task as it is now (null while it loads). */
  current: Task | null;
  /** The updates recorded since `base` (null when the history could not be read: the field diff is shown). */
  entries: TaskUpdate[] | null;
  error: unknown;
}

/**
 * A save refused because someone else changed the task meanwhile: what they changed, field by field, and the
 * choice to re-apply the person's update on top of the new version or to drop it. Nothing is overwritten silently.
 */
export function ConflictPanel({
  conflict,
  saving,
  onReapply,
  onDiscard,
  onReload,
}: {
  conflict: ConflictState;
  saving: boolean;
  onReapply: () => void;
  onDiscard: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const { base, current, entries } = conflict;
  return (
    <section className="conflict-panel" role="alert" aria-labelledby="conflict-title">
      <h3 id="conflict-title">{t('task.conflict.title')}</h3>
      {current ? (
        <>
          <p>{t('task.conflict.intro', { base: base.version, current: current.version })}</p>
          {entries && entries.length > 0 ? (
            <ul className="conflict-list">
              {entries.map((e) => (
                <li key={e.id}>
                  <strong>{t('task.conflict.entry', { date: f.date(e.date), author: e.author })}:</strong>{' '}
                  {e.changes.length === 0
                    ? t('task.conflict.noFieldChange')
                    : e.changes
                        .map((c) => {
                          const d = describeChange(c, t, f);
                          return `${d.label} ${d.from} → ${d.to}`;
                        })
                        .join('; ')}
                  {e.note ? <q className="conflict-note">{e.note}</q> : null}
                </li>
              ))}
            </ul>
          ) : (
            <ul className="conflict-list">
              {diffTracked(base, current).map((c) => {
                const d = describeChange(c, t, f);
                return (
                  <li key={c.field}>
                    {d.label}: {d.from} → <strong>{d.to}</strong>
                  </li>
                );
              })}
            </ul>
          )}
          <p className="field-hint">{t('task.conflict.reapplyHint')}</p>
          <div className="button-row">
            <button type="button" className="button" onClick={onReapply} disabled={saving}>
              {saving ? t('task.form.saving') : t('task.conflict.reapply')}
            </button>
            <button type="button" className="button button-secondary" onClick={onDiscard} disabled={saving}>
              {t('task.conflict.discard')}
            </button>
          </div>
        </>
      ) : conflict.error ? (
        <>
          <p>
            {t('task.conflict.loadError')} {errorText(conflict.error, t)}
          </p>
          <button type="button" className="button" onClick={onReload}>
            {t('chart.retry')}
          </button>
        </>
      ) : (
        <p role="status">{t('task.conflict.loading')}</p>
      )}
    </section>
  );
}
