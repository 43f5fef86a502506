import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Task, TaskFilters } from '../../../api/schemas';
import type { ChartState } from '../../../components/charts/chart-card';
import { daysBetween } from '../../../domain/dates';
import { useFormat } from '../../../i18n/format';
import { tableSearch } from '../utils/links';

/**
 * The most overdue open tasks, as a real table (it is its own text alternative). It never stops silently: it says
 * how many of how many it shows, and links to all of them in the task table.
 */
export function OverdueList({
  tasks,
  asOf,
  state,
  errorMessage,
  onRetry,
  total,
  filters,
}: {
  tasks: Task[] | null;
  asOf: string | null;
  state: ChartState;
  errorMessage?: string;
  onRetry?: () => void;
  /** Every overdue task of the filters (the list shows the first few). */
  total?: number;
  /** The filters in force, for the link to the task table. */
  filters?: TaskFilters;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const shown = tasks?.length ?? 0;
  const seeAll =
    state === 'ready' && filters && total !== undefined && total > 0 ? (
      <Link
        className="see-all"
        to="/tasks"
        search={tableSearch(filters, { timeliness: ['overdue'], sort: '-overdueDays' })}
      >
        {t('dashboard.overdue.seeAll', { formatted: f.number(total) })}
      </Link>
    ) : null;
  return (
    <section className="card overdue-card" aria-labelledby="overdue-heading">
      <header className="card-header">
        <h2 id="overdue-heading" className="card-title">
          {t('overview.overdueList.title')}
        </h2>
        {state === 'ready' && total !== undefined && total > shown ? (
          <span className="board-count">
            {t('dashboard.overdue.shown', { shown: f.number(shown), total: f.number(total) })}
          </span>
        ) : null}
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
      {seeAll ? <p className="card-footer-link">{seeAll}</p> : null}
    </section>
  );
}
