import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { MAX_PAGE_SIZE, type Task } from '../../../api/schemas';
import { useServerToday } from '../../../api/server-today';
import { type TaskListParams, tasksQueries } from '../../../api/tasks';
import { errorText } from '../../../components/ui/error-text';
import { TimelinessBadge } from '../../../components/ui/timeliness-badge';
import { addDays, daysBetween } from '../../../domain/dates';
import { useFormat } from '../../../i18n/format';
import { groupByAssignee } from '../utils/group';

export const WINDOWS = [7, 30] as const;
export type Window = (typeof WINDOWS)[number];

function DeadlineCell({ task }: { task: Task }) {
  const f = useFormat();
  if (!task.deadline) return null;
  const date = f.date(task.deadline.date);
  const text = task.deadline.text.trim();
  return (
    <>
      {date}
      {text && text !== date ? <span className="deadline-text"> ({text})</span> : null}
    </>
  );
}

/** One list (overdue now, or due within the window), grouped by assignee, as tables. */
function DeadlineSection({
  id,
  title,
  empty,
  params,
  today,
  kind,
}: {
  id: string;
  title: string;
  empty: string;
  params: TaskListParams | null;
  today: string | null;
  kind: 'overdue' | 'upcoming';
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const query = useQuery({ ...tasksQueries.list(params ?? {}), enabled: params !== null });
  const data = query.data;
  const groups = data ? groupByAssignee(data.items) : [];
  return (
    <section className={`card deadline-section deadline-${kind}`} aria-labelledby={`${id}-title`}>
      <header className="card-header">
        <h2 id={`${id}-title`} className="card-title">
          {title}
        </h2>
        {data && data.total > 0 ? (
          <span className="muted">{t('deadlines.summary', { count: data.total, groups: groups.length })}</span>
        ) : null}
      </header>
      {query.isError && data ? (
        <p className="banner banner-warning" role="status">
          {errorText(query.error, t)} {t('deadlines.stale', { time: f.time(query.dataUpdatedAt) })}
        </p>
      ) : null}
      {data && today ? (
        data.items.length === 0 ? (
          <p>{empty}</p>
        ) : (
          <>
            {data.total > data.items.length ? (
              <p className="muted">{t('deadlines.truncated', { shown: data.items.length, total: data.total })}</p>
            ) : null}
            <div className="table-scroll">
              <table className="data-table deadline-table">
                <thead>
                  <tr>
                    <th scope="col">{t('deadlines.columns.task')}</th>
                    <th scope="col">{t('deadlines.columns.deadline')}</th>
                    <th scope="col">
                      {kind === 'overdue' ? t('deadlines.columns.late') : t('deadlines.columns.when')}
                    </th>
                    <th scope="col">{t('deadlines.columns.progress')}</th>
                    <th scope="col">{t('deadlines.columns.status')}</th>
                  </tr>
                </thead>
                {groups.map((g) => (
                  <tbody key={g.assignee}>
                    <tr className="group-row">
                      <th scope="rowgroup" colSpan={5} className="deadline-group-title">
                        {g.assignee}{' '}
                        <span className="muted">· {t('deadlines.groupCount', { count: g.tasks.length })}</span>
                      </th>
                    </tr>
                    {g.tasks.map((task) => {
                      const days = task.deadline ? daysBetween(today, task.deadline.date) : 0;
                      return (
                        <tr key={task.id}>
                          <th scope="row" className="task-title-cell">
                            <Link to="/tasks/$taskId" params={{ taskId: task.id }}>
                              {task.flagship ? (
                                <span className="flagship-mark">
                                  <span aria-hidden="true">★ </span>
                                  <span className="visually-hidden">{t('task.flagship')}: </span>
                                </span>
                              ) : null}
                              {task.title}
                            </Link>
                          </th>
                          <td>
                            <DeadlineCell task={task} />
                          </td>
                          <td className={kind === 'overdue' ? 'num overdue-days' : 'num'}>
                            {kind === 'overdue'
                              ? t('deadlines.daysLate', { count: -days })
                              : days === 0
                                ? t('deadlines.dueToday')
                                : t('deadlines.daysLeft', { count: days })}
                          </td>
                          <td className="num">
                            <span className="progress" aria-hidden="true">
                              <span className="progress-bar" style={{ width: `${task.progress}%` }} />
                            </span>
                            {t('common.percent', { value: task.progress })}
                          </td>
                          <td>
                            <TimelinessBadge value={task.timeliness} />
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                ))}
              </table>
            </div>
          </>
        )
      ) : query.isError ? (
        <div role="alert" className="chart-error">
          <p>{errorText(query.error, t)}</p>
          <button type="button" className="button" onClick={() => void query.refetch()}>
            {t('chart.retry')}
          </button>
        </div>
      ) : (
        <p role="status">{t('deadlines.loading')}</p>
      )}
    </section>
  );
}

/**
 * Due soon and overdue: open tasks past their deadline, and those whose deadline falls in the next 7 or 30 days,
 * grouped by assignee — who has to act, on what, by when.
 */
export function DeadlinesPage({ within, onWithinChange }: { within: Window; onWithinChange: (w: Window) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const today = useServerToday();
  const overdue: TaskListParams | null = today
    ? { timeliness: ['overdue'], sort: 'deadline', pageSize: MAX_PAGE_SIZE }
    : null;
  const upcoming: TaskListParams | null = today
    ? {
        timeliness: ['due_soon', 'on_track'],
        deadlineFrom: today,
        deadlineTo: addDays(today, within),
        sort: 'deadline',
        pageSize: MAX_PAGE_SIZE,
      }
    : null;
  return (
    <div className="deadlines-page">
      <div className="page-heading">
        <div>
          <h1>{t('deadlines.heading')}</h1>
          <p className="page-intro">{t('deadlines.intro', { date: today ? f.date(today) : '…' })}</p>
        </div>
        <fieldset className="segmented">
          <legend>{t('deadlines.window.label')}</legend>
          {WINDOWS.map((w) => (
            <label key={w} className={within === w ? 'active' : undefined}>
              <input type="radio" name="within" value={w} checked={within === w} onChange={() => onWithinChange(w)} />
              {t('deadlines.window.days', { count: w })}
            </label>
          ))}
        </fieldset>
      </div>
      <div className="deadline-columns">
        <DeadlineSection
          id="upcoming"
          kind="upcoming"
          title={t('deadlines.upcoming.title', { days: within })}
          empty={t('deadlines.upcoming.empty', { days: within })}
          params={upcoming}
          today={today}
        />
        <DeadlineSection
          id="overdue"
          kind="overdue"
          title={t('deadlines.overdue.title')}
          empty={t('deadlines.overdue.empty')}
          params={overdue}
          today={today}
        />
      </div>
    </div>
  );
}
