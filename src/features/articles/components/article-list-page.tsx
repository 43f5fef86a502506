import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { articlesQueries } from '../../../api/articles';
import { FilterBar } from '../../../components/filters/filter-bar';
import type { FilterBarProps } from '../../../components/filters/filter-types';
import { errorText } from '../../../components/ui/error-text';
import { useFormat } from '../../../i18n/format';

export const ARTICLES_PAGE_SIZE = 20;

/**
 * The articles and conclusions that assign tasks, newest first, filtered with the shared filter bar: an article
 * is listed when one of its tasks matches (the search also finds an article by its title or publisher).
 */
export function ArticleListPage({
  filterBar,
  page,
  onPageChange,
}: {
  filterBar: FilterBarProps;
  page: number;
  onPageChange: (page: number) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const filters = filterBar.value;
  const q = filters.q ?? '';
  const list = useQuery({
    ...articlesQueries.list({ ...filters, page, pageSize: ARTICLES_PAGE_SIZE }),
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
      <FilterBar {...filterBar} />

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
            <p className="card">
              {Object.entries(filters).some(([k, v]) => k !== 'q' && v !== undefined)
                ? t('articles.list.emptyFiltered')
                : q
                  ? t('articles.list.emptySearch', { q })
                  : t('articles.list.empty')}
            </p>
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
                onClick={() => onPageChange(page - 1)}
              >
                {t('articles.list.prev')}
              </button>
              <span>{t('articles.list.page', { page, pages })}</span>
              <button
                type="button"
                className="button button-secondary"
                disabled={page >= pages}
                onClick={() => onPageChange(page + 1)}
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
