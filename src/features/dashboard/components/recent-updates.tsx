import { Link } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import type { TaskFilters } from '../../../api/schemas';
import { useRecentUpdates } from '../../../api/task-update-queries';
import type { RecentUpdate } from '../../../api/task-update-schemas';
import { errorText } from '../../../components/ui/error-text';
import { todayInVietnam } from '../../../domain/dates';
import { useFormat } from '../../../i18n/format';
import { BoardState } from './board-state';

export const RECENT_UPDATES_SIZE = 6;
const VN_TIME = { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Ho_Chi_Minh' } as const;

/** What an update changed, in a few words ("Tiến độ 40% → 60%", "Đang thực hiện → Hoàn thành"). */
export function changeSummary(u: RecentUpdate, t: TFunction, date: (iso: string) => string): string[] {
  const parts: string[] = [];
  for (const c of u.changes) {
    if (c.field === 'status')
      parts.push(t('dashboard.recent.status', { from: t(`status.${c.from}`), to: t(`status.${c.to}`) }));
    else if (c.field === 'progress') parts.push(t('dashboard.recent.progress', { from: c.from, to: c.to }));
    else if (c.field === 'deadline')
      parts.push(t('dashboard.recent.deadline', { to: c.to ? date(c.to.date) : t('dashboard.flagship.noDeadline') }));
    else if (c.field === 'assignee') parts.push(t('dashboard.recent.assignee', { to: c.to }));
  }
  return parts;
}

/** Who recorded what, when: the latest updates across the filtered tasks (`GET /updates`), newest first. */
export function RecentUpdates({ filters, enabled }: { filters: TaskFilters; enabled: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const query = useRecentUpdates(filters, RECENT_UPDATES_SIZE, enabled);
  const page = query.data;
  // A server without the endpoint is not an error the user can act on: say so quietly.
  const missing = query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 405);
  return (
    <section className="card board recent-updates" aria-labelledby="recent-updates-title">
      <header className="card-header">
        <h2 id="recent-updates-title" className="card-title">
          {t('dashboard.recent.title')}
        </h2>
      </header>
      {missing && !page ? (
        <p className="muted">{t('dashboard.recent.unavailable')}</p>
      ) : (
        <BoardState
          loading={!page && (query.isPending || query.isFetching)}
          error={!page && query.error ? `${t('dashboard.recent.error')} ${errorText(query.error, t)}` : null}
          onRetry={() => void query.refetch()}
        />
      )}
      {page && page.items.length === 0 ? <p className="muted">{t('dashboard.recent.empty')}</p> : null}
      {page && page.items.length > 0 ? (
        <ol className="recent-list">
          {page.items.map((u) => {
            const at = new Date(u.recordedAt);
            const changes = changeSummary(u, t, f.date);
            return (
              <li key={u.id} className="recent-item">
                <p className="recent-head">
                  <time dateTime={u.recordedAt}>
                    {f.date(todayInVietnam(at))} {new Intl.DateTimeFormat(f.locale, VN_TIME).format(at)}
                  </time>{' '}
                  · <span className="recent-author">{t('dashboard.recent.by', { author: u.author })}</span>
                </p>
                <p className="recent-task">
                  {u.flagship ? (
                    <span className="flagship-mark" aria-hidden="true">
                      ★{' '}
                    </span>
                  ) : null}
                  <Link to="/tasks/$taskId" params={{ taskId: u.taskId }}>
                    {u.taskTitle}
                  </Link>
                </p>
                <p className="recent-change">
                  {changes.length ? <strong>{changes.join(' · ')}</strong> : null}
                  {changes.length && u.note ? ' — ' : null}
                  {u.note ? <span className="recent-note">{u.note}</span> : null}
                  {u.date !== todayInVietnam(at) ? (
                    <span className="muted"> ({t('dashboard.recent.reportedOn', { date: f.date(u.date) })})</span>
                  ) : null}
                </p>
                {u.evidence.length ? (
                  <ul className="evidence-list evidence-compact">
                    {u.evidence.map((e) => (
                      <li key={e.url}>
                        <a href={e.url} target="_blank" rel="noopener noreferrer">
                          {e.title || new URL(e.url).hostname}
                        </a>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            );
          })}
        </ol>
      ) : null}
    </section>
  );
}
