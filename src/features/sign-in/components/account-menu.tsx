/** The header's account: who is signed in, their role (and unit), sign out; or a sign-in link. */
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { can, useSession, useSignOut } from '../../../api/session';
import '../sign-in.css';

export function AccountMenu() {
  const { t } = useTranslation();
  const session = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const s = session.data;
  if (!s) return null;
  if (s.display) {
    return (
      <div className="account-menu">
        <span>{t('accounts.header.display', { label: s.display.label })}</span>
      </div>
    );
  }
  if (!s.user) {
    return (
      <div className="account-menu">
        <Link to="/sign-in">{t('accounts.header.signIn')}</Link>
      </div>
    );
  }
  const { user } = s;
  return (
    <div className="account-menu">
      <span className="account-name">{user.displayName}</span>
      <span className="account-role">
        {t(`accounts.roles.${user.role}`)}
        {user.unit ? ` · ${t('accounts.header.unit', { unit: user.unit.name })}` : ''}
      </span>
      {can(user, 'admin') ? (
        <Link to="/admin" activeProps={{ 'aria-current': 'page' }}>
          {t('accounts.header.admin')}
        </Link>
      ) : null}
      <button
        type="button"
        className="link-button"
        disabled={signOut.isPending}
        onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate({ to: '/sign-in' }) })}
      >
        {t('accounts.header.signOut')}
      </button>
    </div>
  );
}
