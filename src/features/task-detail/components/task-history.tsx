import { useTranslation } from 'react-i18next';
import type { Task } from '../../../api/schemas';
import { OPTIMISTIC_ID, useTaskHistory } from '../../../api/task-updates';
import { errorText } from '../../../components/ui/error-text';
import { datePart } from '../../../domain/dates';
import { progressSeries } from '../../../domain/task-updates';
import { useFormat } from '../../../i18n/format';
import { describeChange } from '../utils/describe-change';
import { EvidenceLinks } from './evidence-input';
import { ProgressChart } from './progress-chart';

/** Every update of the task, newest first: when, who, what changed and the note; and progress over time. */
export function TaskHistory({ task, today }: { task: Task; today: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const history = useTaskHistory(task.id);
  const entries = history.data?.items ?? [];
  const state = history.data ? 'ready' : history.isError ? 'error' : 'loading';
  const message = history.error ? errorText(history.error, t) : undefined;
  const retry = () => void history.refetch();
  // The chart reads the history against the task it belongs to (their versions agree once both have loaded).
  const consistent = entries.length === 0 || entries.at(-1)?.version === task.version;
  const points = consistent ? progressSeries(task, entries) : [];
  return (
    <section className="task-history" aria-labelledby="history-title">
      <ProgressChart
        task={task}
        points={points}
        today={today}
        state={state === 'ready' && !consistent ? 'loading' : state}
        errorMessage={message}
        onRetry={retry}
      />
      <div className="card history-card">
        <h2 id="history-title" className="card-title">
          {t('task.history.title')}
        </h2>
        {history.data ? (
          <ol className="history-list" reversed>
            {[...entries].reverse().map((e) => (
              <li key={e.id} className={e.id === OPTIMISTIC_ID ? 'history-item pending' : 'history-item'}>
                <p className="history-head">
                  <strong>{f.date(e.date)}</strong> · {t('task.history.by', { author: e.author })}{' '}
                  <span className="muted">
                    ·{' '}
                    {e.id === OPTIMISTIC_ID
                      ? t('task.history.pending')
                      : t('task.history.version', { version: e.version })}
                  </span>
                </p>
                {e.changes.length > 0 ? (
                  <ul className="change-list">
                    {e.changes.map((c) => {
                      const d = describeChange(c, t, f);
                      return (
                        <li key={c.field}>
                          {d.label}: <span className="change-from">{d.from}</span> →{' '}
                          <strong className="change-to">{d.to}</strong>
                        </li>
                      );
                    })}
                  </ul>
                ) : (
                  <p className="muted">{t('task.history.onlyNote')}</p>
                )}
                {e.deadlineReason ? (
                  <p className="history-reason">{t('task.history.deadlineReason', { reason: e.deadlineReason })}</p>
                ) : null}
                {e.note ? <p className="history-note">{e.note}</p> : null}
                <EvidenceLinks items={e.evidence ?? []} />
              </li>
            ))}
            <li className="history-item history-start">
              <p className="history-head">
                <strong>{f.date(datePart(task.createdAt))}</strong> · {t('task.history.assigned')}{' '}
                <span className="muted">· {task.issuer}</span>
              </p>
              {entries.length === 0 ? <p className="muted">{t('task.history.empty')}</p> : null}
            </li>
          </ol>
        ) : history.isError ? (
          <div role="alert" className="chart-error">
            <p>{message}</p>
            <button type="button" className="button" onClick={retry}>
              {t('chart.retry')}
            </button>
          </div>
        ) : (
          <p role="status">{t('task.history.loading')}</p>
        )}
      </div>
    </section>
  );
}
