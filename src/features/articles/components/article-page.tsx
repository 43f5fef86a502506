import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Fragment, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { articlesQueries } from '../../../api/articles';
import { ApiError } from '../../../api/client';
import type { Article, Task, Timeliness } from '../../../api/schemas';
import { tasksQueries } from '../../../api/tasks';
import { TIMELINESS_COLORS } from '../../../components/charts/palette';
import { TimelinessLegend } from '../../../components/charts/timeliness-legend';
import { errorText } from '../../../components/ui/error-text';
import { TimelinessBadge } from '../../../components/ui/timeliness-badge';
import { useFormat } from '../../../i18n/format';
import { segmentBody } from '../utils/segments';

/** Where a task's quote is in the body (its span when it still holds its text, else where the text occurs). */
function spanOf(body: string, task: Task): { start: number; end: number } | null {
  const q = task.quote;
  if (!q) return null;
  if (body.slice(q.start, q.end) === q.text) return { start: q.start, end: q.end };
  const at = q.text ? body.indexOf(q.text) : -1;
  return at >= 0 ? { start: at, end: at + q.text.length } : null;
}

function HighlightedBody({ article, tasks }: { article: Article; tasks: Task[] }) {
  const { t } = useTranslation();
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const numberOf = new Map(tasks.map((task, i) => [task.id, i + 1]));
  const spans = tasks.flatMap((task) => {
    const s = spanOf(article.body, task);
    return s ? [{ taskId: task.id, ...s }] : [];
  });
  const segments = segmentBody(article.body.length, spans);
  const numbered = new Set<string>();
  return (
    <div className="article-body">
      {segments.map((seg) => {
        const text = article.body.slice(seg.start, seg.end);
        const task = seg.taskId ? byId.get(seg.taskId) : undefined;
        if (!task) return <Fragment key={seg.start}>{text}</Fragment>;
        const first = !numbered.has(task.id);
        numbered.add(task.id);
        return (
          <Fragment key={seg.start}>
            <mark
              className="directive-mark"
              data-timeliness={task.timeliness}
              style={{ borderBottomColor: TIMELINESS_COLORS[task.timeliness] }}
              id={first ? `directive-${task.id}` : undefined}
            >
              <Link to="/tasks/$taskId" params={{ taskId: task.id }} className="directive-link">
                {text}
              </Link>
            </mark>
            {first ? (
              <span className="directive-number" aria-hidden="true">
                {numberOf.get(task.id)}
              </span>
            ) : null}
            {first ? (
              <span className="visually-hidden">
                {' '}
                (
                {t('articles.article.markTitle', { title: task.title, timeliness: t(`timeliness.${task.timeliness}`) })}
                )
              </span>
            ) : null}
          </Fragment>
        );
      })}
    </div>
  );
}

/** An article with every directive highlighted by its timeliness and linked to its task; a legend; the task list. */
export function ArticlePage({ articleId, focusTaskId }: { articleId: string; focusTaskId?: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const article = useQuery(articlesQueries.detail(articleId));
  const tasksQuery = useQuery(tasksQueries.list({ articleId: [articleId], pageSize: 200, sort: 'createdAt' }));
  const tasks = [...(tasksQuery.data?.items ?? [])].sort(
    (a, b) => (a.quote?.start ?? Number.MAX_SAFE_INTEGER) - (b.quote?.start ?? Number.MAX_SAFE_INTEGER),
  );
  const ready = Boolean(article.data && tasksQuery.data);

  // Arriving from a task (/articles/x#task-…): bring its directive into view.
  useEffect(() => {
    if (!ready || !focusTaskId) return;
    const el = document.getElementById(`directive-${focusTaskId}`);
    el?.scrollIntoView({ block: 'center' });
    el?.querySelector<HTMLElement>('a')?.focus({ preventScroll: true });
  }, [ready, focusTaskId]);

  if (!article.data) {
    if (article.isError) {
      const notFound = article.error instanceof ApiError && article.error.status === 404;
      return (
        <div className="card page-message" role="alert">
          <p>{errorText(article.error, t)}</p>
          <div className="button-row">
            {notFound ? null : (
              <button type="button" className="button" onClick={() => void article.refetch()}>
                {t('chart.retry')}
              </button>
            )}
            <Link to="/articles">{t('articles.article.back')}</Link>
          </div>
        </div>
      );
    }
    return (
      <p className="card page-message" role="status">
        {t('articles.article.loading')}
      </p>
    );
  }

  const a = article.data;
  const counts: Partial<Record<Timeliness, number>> = {};
  for (const task of tasks) counts[task.timeliness] = (counts[task.timeliness] ?? 0) + 1;
  const present = (Object.keys(counts) as Timeliness[]).filter((k) => (counts[k] ?? 0) > 0);

  return (
    <article className="article-page" aria-labelledby="article-title">
      <nav aria-label={t('task.breadcrumb.label')} className="breadcrumb">
        <ol>
          <li>
            <Link to="/articles">{t('articles.article.back')}</Link>
          </li>
        </ol>
      </nav>
      <header className="article-header">
        <h1 id="article-title">
          {a.title}
          {a.illustrative ? <span className="sample-badge">{t('common.illustrative')}</span> : null}
        </h1>
        <p className="muted">
          {t('articles.article.meta', { publisher: a.publisher, date: f.date(a.date) })}
          {a.url ? (
            <>
              {' · '}
              <a href={a.url} target="_blank" rel="noreferrer noopener">
                {t('articles.article.source')}
              </a>
            </>
          ) : null}
        </p>
        {a.illustrative ? <p className="illustrative-note">{t('articles.article.illustrativeNote')}</p> : null}
      </header>
      <div className="article-layout">
        <section className="card article-text-card" aria-labelledby="article-body-title">
          <h2 id="article-body-title" className="card-title">
            {t('articles.article.bodyTitle')}
          </h2>
          {tasksQuery.isError ? (
            <p className="banner banner-warning" role="alert">
              {t('articles.article.tasksError', { error: errorText(tasksQuery.error, t) })}
            </p>
          ) : null}
          {tasksQuery.data ? (
            <HighlightedBody article={a} tasks={tasks} />
          ) : (
            <div className="article-body">{a.body}</div>
          )}
        </section>
        <aside className="article-side">
          <section className="card" aria-labelledby="directives-title">
            <h2 id="directives-title" className="card-title">
              {t('articles.article.directives')}
            </h2>
            {tasksQuery.data ? (
              tasks.length === 0 ? (
                <p>{t('articles.article.noTasks')}</p>
              ) : (
                <>
                  <fieldset className="legend-group">
                    <legend className="visually-hidden">{t('articles.article.legend')}</legend>
                    <TimelinessLegend counts={counts} only={present} format={f.number} />
                  </fieldset>
                  <ol className="directive-list">
                    {tasks.map((task) => (
                      <li key={task.id} id={`task-${task.id}`}>
                        <Link to="/tasks/$taskId" params={{ taskId: task.id }}>
                          {task.flagship ? (
                            <span className="flagship-mark">
                              <span aria-hidden="true">★ </span>
                              <span className="visually-hidden">{t('task.flagship')}: </span>
                            </span>
                          ) : null}
                          {task.title}
                        </Link>
                        <span className="sibling-meta">
                          <TimelinessBadge value={task.timeliness} />
                          <span className="muted">{t('common.percent', { value: task.progress })}</span>
                        </span>
                      </li>
                    ))}
                  </ol>
                </>
              )
            ) : tasksQuery.isError ? (
              <button type="button" className="button" onClick={() => void tasksQuery.refetch()}>
                {t('chart.retry')}
              </button>
            ) : (
              <p role="status">{t('articles.article.tasksLoading')}</p>
            )}
          </section>
        </aside>
      </div>
    </article>
  );
}
