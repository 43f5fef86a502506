/** Display links: create a read-only link for a wall screen (its URL shown once), list them, revoke one. */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisplayLinkCreated } from '../../../api/session-schemas';
import { useCreateDisplayLink, useDisplayLinks, useRevokeDisplayLink } from '../../../api/users';
import { errorText } from '../../../components/ui/error-text';
import { useFormat } from '../../../i18n/format';
import { adminErrorText, formatInstant } from './field-error';

export function DisplayLinksPanel() {
  const { t } = useTranslation();
  const f = useFormat();
  const links = useDisplayLinks();
  const create = useCreateDisplayLink();
  const revoke = useRevokeDisplayLink();
  const [label, setLabel] = useState('');
  const [created, setCreated] = useState<DisplayLinkCreated | null>(null);
  const [copied, setCopied] = useState(false);
  const url = created ? `${location.origin}${import.meta.env.BASE_URL.replace(/\/$/, '')}${created.path}` : '';

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setCopied(false);
    create.mutate(label, {
      onSuccess: (link) => {
        setCreated(link);
        setLabel('');
      },
    });
  };
  return (
    <section className="card" aria-labelledby="links-title">
      <h2 id="links-title" className="card-title">
        {t('accounts.admin.links.title')}
      </h2>
      <p className="card-intro">{t('accounts.admin.links.intro')}</p>
      <form onSubmit={onSubmit} className="admin-form">
        <div className="form-field">
          <label htmlFor="link-label">{t('accounts.admin.links.label')}</label>
          <input id="link-label" value={label} onChange={(e) => setLabel(e.target.value)} />
        </div>
        <button type="submit" className="button" disabled={create.isPending}>
          {t('accounts.admin.links.create')}
        </button>
      </form>
      {create.isError ? <p role="alert">{adminErrorText(create.error, t)}</p> : null}
      {created ? (
        <div className="new-link" role="status">
          <span>{t('accounts.admin.links.created')}</span>
          <code>{url}</code>
          <div className="button-row">
            <button
              type="button"
              className="button button-secondary"
              onClick={() => void navigator.clipboard?.writeText(url).then(() => setCopied(true))}
            >
              {t('accounts.admin.links.copy')}
            </button>
            {copied ? <span>{t('accounts.admin.links.copied')}</span> : null}
          </div>
        </div>
      ) : null}
      {links.isError ? <p role="alert">{errorText(links.error, t)}</p> : null}
      {links.data && links.data.items.length === 0 ? <p>{t('accounts.admin.links.none')}</p> : null}
      {links.data?.items.length ? (
        <div className="admin-table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('accounts.admin.links.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('accounts.admin.links.label')}</th>
                <th scope="col">{t('accounts.admin.links.createdAt')}</th>
                <th scope="col">{t('accounts.admin.links.createdBy')}</th>
                <th scope="col">{t('accounts.admin.links.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('accounts.admin.users.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {links.data.items.map((link) => (
                <tr key={link.id}>
                  <th scope="row">{link.label}</th>
                  <td>{formatInstant(link.createdAt, f.locale)}</td>
                  <td>{link.createdBy}</td>
                  <td>
                    {link.revokedAt
                      ? t('accounts.admin.links.revoked', { date: formatInstant(link.revokedAt, f.locale) })
                      : t('accounts.admin.links.live')}
                  </td>
                  <td>
                    {link.revokedAt ? null : (
                      <button
                        type="button"
                        className="button button-danger"
                        disabled={revoke.isPending}
                        onClick={() => {
                          if (window.confirm(t('accounts.admin.links.confirmRevoke', { label: link.label }))) {
                            revoke.mutate(link.id);
                          }
                        }}
                      >
                        {t('accounts.admin.links.revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {revoke.isError ? <p role="alert">{errorText(revoke.error, t)}</p> : null}
    </section>
  );
}
