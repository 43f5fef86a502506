import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TaskFilters } from '../../../api/schemas';
import { tasksQueries } from '../../../api/tasks';
import { errorText } from '../../../components/ui/error-text';
import { TimelinessBadge } from '../../../components/ui/timeliness-badge';
import { useFormat } from '../../../i18n/format';
import { tableSearch } from '../utils/links';
import { BoardState } from './board-state';

export const MATCHES_SIZE = 10;
/** Filters that leave at most this many tasks are narrow enough to list them on the overview. */
export const NARROW_RESULT = 25;

/** Whether the overview lists the matching tasks: a search, or filters that leave only a handful. */
export function showMatches(filters: TaskFilters, active: number, total: number | null): boolean {
  if (filters.q?.trim()) return true;
  return active > 0 && total !== null && total > 0 && total <= NARROW_RESULT;
}

/** The tasks a search (or narrow filters) found, named, with a link to all of them in the task table. */
export function MatchingTasks({ filters, enabled }: { filters: TaskFilters; enabled: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const query = useQuery({ ...tasksQueries.list({ ...filters, page: 1, pageSize: MATCHES_SIZE }), enabled });
  const page = query.data;
  const q = filters.q?.trim();
  return (
    <section className="card board matching-tasks" aria-labelledby="matching-title">
      <header className="card-header">
        <h2 id="matching-title" className="card-title">
          {q ? t('dashboard.matches.titleSearch', { q }) : t('dashboard.matches.title')}
        </h2>
        {page ? (
          <span className="board-count">
            {t('dashboard.matches.count', { count: page.total, formatted: f.number(page.total) })}
          </span>
        ) : null}
      </header>
      <BoardState
        loading={!page && (query.isPending || query.isFetching)}
        error={!page && query.error ? errorText(query.error, t) : null}
        onRetry={() => void query.refetch()}
      />
      {page && page.items.length === 0 ? <p className="muted">{t('dashboard.matches.empty')}</p> : null}
      {page && page.items.length > 0 ? (
        <ul className="match-list">
          {page.items.map((task) => (
            <li key={task.id} className="match-item">
              <span className="match-title">
                {task.flagship ? (
                  <span className="flagship-mark" aria-hidden="true">
                    ★{' '}
                  </span>
                ) : null}
                <Link to="/tasks/$taskId" params={{ taskId: task.id }}>
                  {task.title}
                </Link>
              </span>
              <span className="match-meta">
                <span className="status-pill" data-status={task.status}>
                  {t(`status.${task.status}`)}
                </span>
                <TimelinessBadge value={task.timeliness} />
                <span className="muted">{t('common.percent', { value: task.progress })}</span>
                <span className="muted match-assignee">{task.assignee}</span>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {page && page.total > 0 ? (
        <p className="card-footer-link">
          <Link to="/tasks" search={tableSearch(filters)}>
            {t(page.total === 1 ? 'dashboard.matches.seeAllOne' : 'dashboard.matches.seeAll', {
              formatted: f.number(page.total),
            })}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
