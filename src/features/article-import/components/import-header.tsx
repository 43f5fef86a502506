import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/** Breadcrumb, heading and the two ways of adding articles (one with review, or many at once). */
export function ImportHeader({ current }: { current: 'single' | 'bulk' }) {
  const { t } = useTranslation();
  return (
    <>
      <nav className="breadcrumb" aria-label={t('articleImport.breadcrumb')}>
        <ol>
          <li>
            <Link to="/articles">{t('articleImport.articles')}</Link>
          </li>
          <li aria-current="page">
            {t(current === 'single' ? 'articleImport.single.heading' : 'articleImport.bulk.heading')}
          </li>
        </ol>
      </nav>
      <div className="page-heading">
        <div>
          <h1>{t(current === 'single' ? 'articleImport.single.heading' : 'articleImport.bulk.heading')}</h1>
          <p className="page-intro">
            {t(current === 'single' ? 'articleImport.single.intro' : 'articleImport.bulk.intro')}
          </p>
        </div>
      </div>
      <nav className="import-tabs" aria-label={t('articleImport.tabs.label')}>
        <Link to="/articles/new" aria-current={current === 'single' ? 'page' : undefined}>
          {t('articleImport.tabs.single')}
        </Link>
        <Link to="/articles/import" aria-current={current === 'bulk' ? 'page' : undefined}>
          {t('articleImport.tabs.bulk')}
        </Link>
      </nav>
    </>
  );
}
