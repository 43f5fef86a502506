import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { articlesQueries } from '../../../api/articles';
import type { Article, Task } from '../../../api/schemas';
import { errorText } from '../../../components/ui/error-text';
import { useFormat } from '../../../i18n/format';

/** Where the quote sits in the body: its span when the span holds its text, else the first place the text occurs. */
export function locateQuote(body: string, quote: NonNullable<Task['quote']>): { start: number; end: number } | null {
  if (body.slice(quote.start, quote.end) === quote.text) return { start: quote.start, end: quote.end };
  const at = quote.text ? body.indexOf(quote.text) : -1;
  return at >= 0 ? { start: at, end: at + quote.text.length } : null;
}

function Body({ article, task }: { article: Article; task: Task }) {
  const { t } = useTranslation();
  const boxRef = useRef<HTMLElement>(null);
  const span = task.quote ? locateQuote(article.body, task.quote) : null;

  // Scroll the article (not the page) so the assigning sentence is in view, a third of the way down.
  useLayoutEffect(() => {
    const box = boxRef.current;
    const mark = box?.querySelector('mark');
    if (!box || !(mark instanceof HTMLElement)) return;
    box.scrollTop = Math.max(0, mark.offsetTop - box.clientHeight / 3);
  }, []);

  return (
    <section
      ref={boxRef}
      className="article-body article-body-scroll"
      aria-label={t('task.source.bodyLabel')}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      tabIndex={0}
    >
      {span ? (
        <>
          {article.body.slice(0, span.start)}
          <span className="visually-hidden">{t('task.source.quoteLabel')}: </span>
          <mark className="quote-mark">{article.body.slice(span.start, span.end)}</mark>
          {article.body.slice(span.end)}
        </>
      ) : (
        article.body
      )}
    </section>
  );
}

/** The article that assigned the task, with the assigning sentence highlighted and scrolled into view. */
export function SourceArticle({ task }: { task: Task }) {
  const { t } = useTranslation();
  const f = useFormat();
  const article = useQuery({ ...articlesQueries.detail(task.articleId ?? ''), enabled: task.articleId !== null });
  return (
    <section className="card source-card" aria-labelledby="source-title">
      <header className="card-header">
        <h2 id="source-title" className="card-title">
          {t('task.source.title')}
        </h2>
      </header>
      {task.articleId === null ? (
        <>
          <p>{t('task.source.none')}</p>
          {task.quote ? <blockquote className="quote-block">{task.quote.text}</blockquote> : null}
        </>
      ) : article.data ? (
        <>
          <p className="article-meta">
            <Link to="/articles/$articleId" params={{ articleId: article.data.id }} className="article-link">
              {article.data.title}
            </Link>
            {article.data.illustrative ? <span className="sample-badge">{t('common.illustrative')}</span> : null}
            <br />
            <span className="muted">
              {article.data.publisher} · {f.date(article.data.date)}
            </span>
            {article.data.url ? (
              <>
                {' · '}
                <a href={article.data.url} target="_blank" rel="noreferrer noopener">
                  {t('task.source.original')}
                </a>
              </>
            ) : null}
          </p>
          <Body article={article.data} task={task} />
          <p className="card-footer-link">
            <Link to="/articles/$articleId" params={{ articleId: article.data.id }} hash={`task-${task.id}`}>
              {t('task.source.openArticle')}
            </Link>
          </p>
        </>
      ) : article.isError ? (
        <div role="alert" className="chart-error">
          <p>{errorText(article.error, t)}</p>
          {task.quote ? <blockquote className="quote-block">{task.quote.text}</blockquote> : null}
          <button type="button" className="button" onClick={() => void article.refetch()}>
            {t('chart.retry')}
          </button>
        </div>
      ) : (
        <p role="status">{t('task.source.loading')}</p>
      )}
    </section>
  );
}
