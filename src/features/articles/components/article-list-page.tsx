import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { articlesQueries } from '../../../api/articles';
import { errorText } from '../../../components/ui/error-text';
import { useFormat } from '../../../i18n/format';

export const ARTICLES_PAGE_SIZE = 20;

/** The articles and conclusions that assign tasks, newest first, with a search and pages. */
export function ArticleListPage({
  q,
  page,
  onChange,
}: {
  q: string;
  page: number;
  onChange: (next: { q: string; page: number }) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const searchId = useId();
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const list = useQuery({
    ...articlesQueries.list({ q: q || undefined, page, pageSize: ARTICLES_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <div className="article-list-page">
      <div className="page-heading">
        <div>
          <h1>{t('articles.list.heading')}</h1>
          <p className="page-intro">{t('articles.list.intro')}</p>
        </div>
        <Link to="/articles/new" className="button">
          {t('articleImport.addLink')}
        </Link>
      </div>
      <search className="card search-form">
        <form
          className="search-inner"
          onSubmit={(e) => {
            e.preventDefault();
            onChange({ q: text.trim(), page: 1 });
          }}
        >
          <label htmlFor={searchId}>{t('articles.list.search')}</label>
          <div className="search-row">
            <input
              id={searchId}
              type="search"
              value={text}
              placeholder={t('articles.list.searchPlaceholder')}
              onChange={(e) => setText(e.target.value)}
            />
            <button type="submit" className="button">
              {t('articles.list.submit')}
            </button>
            {q ? (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => {
                  setText('');
                  onChange({ q: '', page: 1 });
                }}
              >
                {t('articles.list.clear')}
              </button>
            ) : null}
          </div>
        </form>
      </search>

      {list.isError && data ? (
        <p className="banner banner-warning" role="status">
          {errorText(list.error, t)} {t('articles.list.stale', { time: f.time(list.dataUpdatedAt) })}
        </p>
      ) : null}

      {data ? (
        <>
          <p className="result-count" aria-live="polite">
            {t('articles.list.count', { count: data.total })}
          </p>
          {data.items.length === 0 ? (
            <p className="card">{q ? t('articles.list.emptySearch', { q }) : t('articles.list.empty')}</p>
          ) : (
            <ul className="article-list" aria-busy={list.isFetching}>
              {data.items.map((a) => (
                <li key={a.id} className="card article-item">
                  <h2 className="article-item-title">
                    <Link to="/articles/$articleId" params={{ articleId: a.id }}>
                      {a.title}
                    </Link>
                    {a.illustrative ? <span className="sample-badge">{t('common.illustrative')}</span> : null}
                  </h2>
                  <p className="muted">
                    {a.publisher} · {f.date(a.date)} · {t('articles.list.tasks', { count: a.taskIds.length })}
                  </p>
                </li>
              ))}
            </ul>
          )}
          {pages > 1 ? (
            <nav className="pager" aria-label={t('articles.list.pagination')}>
              <button
                type="button"
                className="button button-secondary"
                disabled={page <= 1}
                onClick={() => onChange({ q, page: page - 1 })}
              >
                {t('articles.list.prev')}
              </button>
              <span>{t('articles.list.page', { page, pages })}</span>
              <button
                type="button"
                className="button button-secondary"
                disabled={page >= pages}
                onClick={() => onChange({ q, page: page + 1 })}
              >
                {t('articles.list.next')}
              </button>
            </nav>
          ) : null}
        </>
      ) : list.isError ? (
        <div className="card chart-error" role="alert">
          <p>{errorText(list.error, t)}</p>
          <button type="button" className="button" onClick={() => void list.refetch()}>
            {t('chart.retry')}
          </button>
        </div>
      ) : (
        <p className="card" role="status">
          {t('articles.list.loading')}
        </p>
      )}
    </div>
  );
}
