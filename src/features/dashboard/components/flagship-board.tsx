import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TaskFilters } from '../../../api/schemas';
import { tasksQueries } from '../../../api/tasks';
import { errorText } from '../../../components/ui/error-text';
import { TimelinessBadge } from '../../../components/ui/timeliness-badge';
import { todayInVietnam } from '../../../domain/dates';
import { useFormat } from '../../../i18n/format';
import { tableSearch } from '../utils/links';
import { BoardState } from './board-state';

/** How many key projects the board shows before "see all" (every open one of the sample data: most urgent first). */
export const FLAGSHIP_BOARD_SIZE = 10;

/**
 * The key-project board: each flagship task of the filters with its progress, status, timeliness, deadline and last
 * update, most urgent first, and a link to all of them in the task table.
 */
export function FlagshipBoard({ filters, enabled }: { filters: TaskFilters; enabled: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const query = useQuery({
    ...tasksQueries.list({ ...filters, flagship: true, sort: 'timeliness', page: 1, pageSize: FLAGSHIP_BOARD_SIZE }),
    enabled,
  });
  const page = query.data;
  return (
    <section className="card board flagship-board" aria-labelledby="flagship-board-title">
      <header className="card-header">
        <h2 id="flagship-board-title" className="card-title">
          <span className="flagship-mark" aria-hidden="true">
            ★{' '}
          </span>
          {t('dashboard.flagship.title')}
        </h2>
        {page && page.total > page.items.length ? (
          <span className="board-count">
            {t('dashboard.flagship.shown', { shown: page.items.length, total: f.number(page.total) })}
          </span>
        ) : null}
      </header>
      <BoardState
        loading={!page && (query.isPending || query.isFetching)}
        error={!page && query.error ? errorText(query.error, t) : null}
        onRetry={() => void query.refetch()}
      />
      {page && page.items.length === 0 ? <p className="muted">{t('dashboard.flagship.empty')}</p> : null}
      {page && page.items.length > 0 ? (
        <ul className="flagship-list">
          {page.items.map((task) => (
            <li key={task.id} className="flagship-item">
              <Link className="flagship-title" to="/tasks/$taskId" params={{ taskId: task.id }}>
                {task.title}
              </Link>
              <span className="flagship-progress">
                <span
                  className="progress"
                  role="progressbar"
                  aria-label={t('dashboard.flagship.progress')}
                  aria-valuenow={task.progress}
                  aria-valuemin={0}
                  aria-valuemax={100}
                >
                  <span className="progress-bar" style={{ width: `${task.progress}%` }} />
                </span>
                <strong>{t('common.percent', { value: task.progress })}</strong>
              </span>
              <span className="flagship-meta">
                <span className="status-pill" data-status={task.status}>
                  {t(`status.${task.status}`)}
                </span>
                <TimelinessBadge value={task.timeliness} />
                <span className="muted">
                  {t('dashboard.flagship.deadline')}:{' '}
                  {task.deadline ? f.date(task.deadline.date) : t('dashboard.flagship.noDeadline')}
                </span>
                <span className="muted">
                  {t('dashboard.flagship.updated')}: {f.date(todayInVietnam(new Date(task.updatedAt)))}
                </span>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {page && page.total > 0 ? (
        <p className="card-footer-link">
          <Link to="/tasks" search={tableSearch(filters, { flagship: true, sort: 'timeliness' })}>
            {t(page.total === 1 ? 'dashboard.flagship.seeAllOne' : 'dashboard.flagship.seeAll', {
              formatted: f.number(page.total),
            })}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
