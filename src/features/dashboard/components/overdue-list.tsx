import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../../api/schemas';
import type { ChartState } from '../../../components/charts/chart-card';
import { daysBetween } from '../../../domain/dates';
import { useFormat } from '../../../i18n/format';

/** The most overdue open tasks, as a real table (it is its own text alternative). */
export function OverdueList({
  tasks,
  asOf,
  state,
  errorMessage,
  onRetry,
}: {
  tasks: Task[] | null;
  asOf: string | null;
  state: ChartState;
  errorMessage?: string;
  onRetry?: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section className="card overdue-card" aria-labelledby="overdue-heading">
      <header className="card-header">
        <h2 id="overdue-heading" className="card-title">
          {t('overview.overdueList.title')}
        </h2>
      </header>
      {state === 'loading' ? (
        <p role="status">{t('chart.loading')}</p>
      ) : state === 'error' ? (
        <div role="alert" className="chart-error">
          <p>{errorMessage}</p>
          {onRetry ? (
            <button type="button" className="button" onClick={onRetry}>
              {t('chart.retry')}
            </button>
          ) : null}
        </div>
      ) : !tasks?.length ? (
        <p>{t('overview.overdueList.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table overdue-table">
            <thead>
              <tr>
                <th scope="col">{t('overview.overdueList.task')}</th>
                <th scope="col">{t('overview.overdueList.assignee')}</th>
                <th scope="col">{t('overview.overdueList.deadline')}</th>
                <th scope="col">{t('overview.overdueList.daysLate')}</th>
                <th scope="col">{t('overview.overdueList.progress')}</th>
              </tr>
            </thead>
            <tbody>
              {tasks.map((task) => (
                <tr key={task.id}>
                  <th scope="row" className="task-title-cell">
                    {task.flagship ? <span className="flagship-mark">★ </span> : null}
                    <Link to="/tasks/$taskId" params={{ taskId: task.id }}>
                      {task.title}
                    </Link>
                  </th>
                  <td>{task.assignee}</td>
                  <td>
                    {task.deadline ? (
                      <>
                        {f.date(task.deadline.date)}
                        <span className="deadline-text"> ({task.deadline.text})</span>
                      </>
                    ) : null}
                  </td>
                  <td className="num overdue-days">
                    {task.deadline && asOf
                      ? t('overview.overdueList.days', { count: daysBetween(task.deadline.date, asOf) })
                      : ''}
                  </td>
                  <td className="num">
                    <span className="progress" aria-hidden="true">
                      <span className="progress-bar" style={{ width: `${task.progress}%` }} />
                    </span>
                    {t('common.percent', { value: task.progress })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
