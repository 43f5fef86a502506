import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { useServerToday } from '../../../api/server-today';
import { useTask } from '../../../api/tasks';
import { ErrorBoundaryCard } from '../../../components/ui/error-boundary-card';
import { errorText } from '../../../components/ui/error-text';
import { TimelinessBadge } from '../../../components/ui/timeliness-badge';
import { useFormat } from '../../../i18n/format';
import { SiblingTasks } from './sibling-tasks';
import { SourceArticle } from './source-article';
import { TaskFacts } from './task-facts';
import { TaskHistory } from './task-history';
import { UpdateForm } from './update-form';
import { UpdatePermission } from './update-permission';

/**
 * The task page: what was assigned (with the sentence that assigned it, in its article), where it stands, its
 * history, and the form to record progress.
 */
export function TaskPage({ taskId }: { taskId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const task = useTask(taskId);
  const today = useServerToday();
  const data = task.data;

  if (!data) {
    if (task.isError) {
      const notFound = task.error instanceof ApiError && task.error.status === 404;
      return (
        <div className="card page-message" role="alert">
          <h1>{notFound ? t('task.notFound', { id: taskId }) : t('task.pageTitle')}</h1>
          {notFound ? null : <p>{errorText(task.error, t)}</p>}
          <div className="button-row">
            {notFound ? null : (
              <button type="button" className="button" onClick={() => void task.refetch()}>
                {t('chart.retry')}
              </button>
            )}
            <Link to="/">{t('task.backHome')}</Link>
          </div>
        </div>
      );
    }
    // The page keeps its heading while it loads (a slow server must not leave a page without one).
    return (
      <div className="card page-message">
        <h1>{t('task.pageTitle')}</h1>
        <p role="status">{t('task.loading')}</p>
      </div>
    );
  }

  return (
    <article className="task-page" aria-labelledby="task-title">
      <nav aria-label={t('task.breadcrumb.label')} className="breadcrumb">
        <ol>
          <li>
            <Link to="/">{t('task.breadcrumb.overview')}</Link>
          </li>
          {data.articleId ? (
            <li>
              <Link to="/articles/$articleId" params={{ articleId: data.articleId }}>
                {t('task.breadcrumb.articles')}
              </Link>
            </li>
          ) : null}
          <li aria-current="page">{t('task.pageTitle')}</li>
        </ol>
      </nav>
      {task.isError ? (
        <p className="banner banner-warning" role="status">
          {errorText(task.error, t)} {t('task.stale', { time: f.time(task.dataUpdatedAt) })}
        </p>
      ) : null}
      <header className="task-header">
        <h1 id="task-title">
          {data.flagship ? (
            <span className="flagship-mark" title={t('task.flagship')}>
              <span aria-hidden="true">★ </span>
            </span>
          ) : null}
          {data.title}
        </h1>
        <p className="task-badges">
          <span className="status-pill" data-status={data.status}>
            {t(`status.${data.status}`)}
          </span>
          <TimelinessBadge value={data.timeliness} />
          {data.flagship ? <span className="flagship-badge">★ {t('task.flagship')}</span> : null}
        </p>
      </header>
      <div className="task-layout">
        <div className="task-area-facts">
          <ErrorBoundaryCard>
            <TaskFacts task={data} />
          </ErrorBoundaryCard>
        </div>
        <div className="task-area-source">
          <ErrorBoundaryCard>
            <SourceArticle key={data.id} task={data} />
          </ErrorBoundaryCard>
        </div>
        <div className="task-area-form">
          <ErrorBoundaryCard>
            {today ? (
              <UpdatePermission taskId={data.id}>
                <UpdateForm key={data.id} task={data} today={today} />
              </UpdatePermission>
            ) : (
              <p className="card" role="status">
                {t('task.loading')}
              </p>
            )}
          </ErrorBoundaryCard>
        </div>
        <div className="task-area-history">
          <ErrorBoundaryCard>
            <TaskHistory task={data} today={today ?? data.updatedAt.slice(0, 10)} />
          </ErrorBoundaryCard>
        </div>
        <div className="task-area-siblings">
          <ErrorBoundaryCard>
            <SiblingTasks task={data} />
          </ErrorBoundaryCard>
        </div>
      </div>
    </article>
  );
}
