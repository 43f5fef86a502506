import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../../api/schemas';
import { tasksQueries } from '../../../api/tasks';
import { errorText } from '../../../components/ui/error-text';
import { TimelinessBadge } from '../../../components/ui/timeliness-badge';

/** The other tasks the same article assigned, in the order the article gives them. */
export function SiblingTasks({ task }: { task: Task }) {
  const { t } = useTranslation();
  const articleId = task.articleId;
  const list = useQuery({
    ...tasksQueries.list({ articleId: articleId ? [articleId] : [], pageSize: 200, sort: 'createdAt' }),
    enabled: articleId !== null,
  });
  if (articleId === null) return null;
  const others = (list.data?.items ?? [])
    .filter((x) => x.id !== task.id)
    .sort((a, b) => (a.quote?.start ?? 0) - (b.quote?.start ?? 0) || a.id.localeCompare(b.id));
  return (
    <section className="card siblings-card" aria-labelledby="siblings-title">
      <h2 id="siblings-title" className="card-title">
        {t('task.siblings.title')}
      </h2>
      {list.data ? (
        others.length === 0 ? (
          <p>{t('task.siblings.empty')}</p>
        ) : (
          <ul className="sibling-list">
            {others.map((x) => (
              <li key={x.id}>
                <Link to="/tasks/$taskId" params={{ taskId: x.id }}>
                  {x.flagship ? (
                    <span className="flagship-mark" title={t('task.flagship')}>
                      <span aria-hidden="true">★ </span>
                      <span className="visually-hidden">{t('task.flagship')}: </span>
                    </span>
                  ) : null}
                  {x.title}
                </Link>
                <span className="sibling-meta">
                  <TimelinessBadge value={x.timeliness} />
                  <span className="muted">{t('common.percent', { value: x.progress })}</span>
                </span>
              </li>
            ))}
          </ul>
        )
      ) : list.isError ? (
        <div role="alert" className="chart-error">
          <p>{errorText(list.error, t)}</p>
          <button type="button" className="button" onClick={() => void list.refetch()}>
            {t('chart.retry')}
          </button>
        </div>
      ) : (
        <p role="status">{t('task.siblings.loading')}</p>
      )}
    </section>
  );
}
