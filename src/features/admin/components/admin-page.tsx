/** `/admin` (administrators): accounts and roles, display links for wall screens, the audit trail. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../api/session';
import { AuditPanel } from './audit-panel';
import { DisplayLinksPanel } from './display-links-panel';
import { UsersPanel } from './users-panel';
import '../admin.css';

const TABS = ['users', 'links', 'audit'] as const;
type Tab = (typeof TABS)[number];

export function AdminPage({ tab, onTabChange }: { tab: Tab; onTabChange: (tab: Tab) => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const [focus, setFocus] = useState<Tab>(tab);
  if (session.data && session.data.user?.role !== 'admin') {
    return (
      <div className="card">
        <h1>{t('accounts.admin.title')}</h1>
        <p role="alert">{t('accounts.admin.forbidden')}</p>
      </div>
    );
  }
  const select = (next: Tab) => {
    setFocus(next);
    onTabChange(next);
  };
  return (
    <div className="admin-page">
      <h1>{t('accounts.admin.title')}</h1>
      <div role="tablist" aria-label={t('accounts.admin.tabs.label')} className="admin-tabs">
        {TABS.map((name) => (
          <button
            key={name}
            id={`admin-tab-${name}`}
            type="button"
            role="tab"
            aria-selected={tab === name}
            aria-controls={`admin-panel-${name}`}
            tabIndex={focus === name ? 0 : -1}
            onClick={() => select(name)}
            onKeyDown={(e) => {
              const i = TABS.indexOf(name);
              const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
              if (!step) return;
              const next = TABS[(i + step + TABS.length) % TABS.length] as Tab;
              select(next);
              document.getElementById(`admin-tab-${next}`)?.focus();
            }}
          >
            {t(`accounts.admin.tabs.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`admin-panel-${tab}`} aria-labelledby={`admin-tab-${tab}`}>
        {tab === 'users' ? <UsersPanel /> : tab === 'links' ? <DisplayLinksPanel /> : <AuditPanel />}
      </div>
    </div>
  );
}

export type AdminTab = Tab;
export const ADMIN_TABS = TABS;
