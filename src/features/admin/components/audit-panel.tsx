/** The audit trail: filter by person, task, action and days; newest first, a page at a time. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AuditFilters, useAudit } from '../../../api/audit';
import { AUDIT_ACTIONS, type AuditAction, type AuditEntry } from '../../../api/session-schemas';
import { useUsers } from '../../../api/users';
import { DateInput } from '../../../components/forms/date-input';
import { errorText } from '../../../components/ui/error-text';
import { useFormat } from '../../../i18n/format';
import { formatInstant } from './field-error';

/** Before → after as short lines: only the fields that differ, or what there is. */
function summarise(entry: AuditEntry): string {
  const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  if (typeof before !== 'object' || typeof after !== 'object') return `${show(entry.before)} → ${show(entry.after)}`;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]) || !(k in before))
    .map((k) => (k in before ? `${k}: ${show(before[k])} → ${show(after[k])}` : `${k}: ${show(after[k])}`))
    .join('\n');
}

export function AuditPanel() {
  const { t } = useTranslation();
  const f = useFormat();
  const users = useUsers();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [page, setPage] = useState(1);
  const audit = useAudit(filters, page);
  const set = (patch: AuditFilters) => {
    setPage(1);
    setFilters((prev) => {
      const next = { ...prev, ...patch };
      for (const k of Object.keys(next) as (keyof AuditFilters)[]) if (!next[k]) delete next[k];
      return next;
    });
  };
  const pages = audit.data ? Math.max(1, Math.ceil(audit.data.total / audit.data.pageSize)) : 1;
  return (
    <section className="card" aria-labelledby="audit-title">
      <h2 id="audit-title" className="card-title">
        {t('accounts.admin.audit.title')}
      </h2>
      <p className="card-intro">{t('accounts.admin.audit.intro')}</p>
      <div className="audit-filters">
        <div className="form-field">
          <label htmlFor="audit-user">{t('accounts.admin.audit.user')}</label>
          <select id="audit-user" value={filters.user ?? ''} onChange={(e) => set({ user: e.target.value })}>
            <option value="">{t('accounts.admin.audit.anyUser')}</option>
            {users.data?.items.map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName} ({u.username})
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor="audit-action">{t('accounts.admin.audit.action')}</label>
          <select
            id="audit-action"
            value={filters.action ?? ''}
            onChange={(e) => set({ action: (e.target.value || undefined) as AuditAction | undefined })}
          >
            <option value="">{t('accounts.admin.audit.anyAction')}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`accounts.admin.audit.actions.${a}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor="audit-task">{t('accounts.admin.audit.task')}</label>
          <input id="audit-task" value={filters.task ?? ''} onChange={(e) => set({ task: e.target.value.trim() })} />
        </div>
        <div className="form-field">
          <label htmlFor="audit-from">{t('accounts.admin.audit.from')}</label>
          <DateInput id="audit-from" value={filters.from ?? ''} onChange={(iso) => set({ from: iso })} />
        </div>
        <div className="form-field">
          <label htmlFor="audit-to">{t('accounts.admin.audit.to')}</label>
          <DateInput id="audit-to" value={filters.to ?? ''} onChange={(iso) => set({ to: iso })} />
        </div>
      </div>
      {audit.isError ? <p role="alert">{errorText(audit.error, t)}</p> : null}
      {audit.data ? (
        <>
          <p role="status">{t('accounts.admin.audit.total', { count: audit.data.total })}</p>
          {audit.data.items.length === 0 ? <p>{t('accounts.admin.audit.none')}</p> : null}
          {audit.data.items.length ? (
            // Scrolls sideways on its own on a narrow screen, and takes the focus to be scrolled by keyboard.
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take the focus to be scrolled.
            <section className="admin-table-wrap" aria-label={t('accounts.admin.audit.table')} tabIndex={0}>
              <table className="data-table audit-table">
                <caption className="visually-hidden">{t('accounts.admin.audit.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('accounts.admin.audit.at')}</th>
                    <th scope="col">{t('accounts.admin.audit.who')}</th>
                    <th scope="col">{t('accounts.admin.audit.action')}</th>
                    <th scope="col">{t('accounts.admin.audit.what')}</th>
                    <th scope="col">{t('accounts.admin.audit.where')}</th>
                  </tr>
                </thead>
                <tbody>
                  {audit.data.items.map((e) => (
                    <tr key={e.id}>
                      <td>{formatInstant(e.at, f.locale)}</td>
                      <td>{e.actor?.username ?? t('accounts.admin.audit.nobody')}</td>
                      <td>
                        {t(`accounts.admin.audit.actions.${e.action}`)}
                        {e.target ? (
                          <>
                            <br />
                            <small>
                              {e.target.type} {e.target.id}
                            </small>
                          </>
                        ) : null}
                      </td>
                      <td>
                        <pre className="audit-change">{summarise(e)}</pre>
                      </td>
                      <td>{e.ip ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ) : null}
          <div className="pager">
            <button
              type="button"
              className="button button-secondary"
              disabled={page <= 1}
              onClick={() => setPage(page - 1)}
            >
              {t('accounts.admin.audit.previous')}
            </button>
            <span>{t('accounts.admin.audit.page', { page, pages })}</span>
            <button
              type="button"
              className="button button-secondary"
              disabled={page >= pages}
              onClick={() => setPage(page + 1)}
            >
              {t('accounts.admin.audit.next')}
            </button>
          </div>
        </>
      ) : null}
    </section>
  );
}
