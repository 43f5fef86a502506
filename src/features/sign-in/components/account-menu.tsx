/**
 * The header's account: who is signed in, their role (and unit), sign out; or a sign-in link. On a phone it folds
 * behind one button (styles in sign-in.css), so the header stays one line over the navigation.
 */
import { Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useSession, useSignOut } from '../../../api/session';
import '../sign-in.css';

export function AccountMenu() {
  const { t } = useTranslation();
  const session = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const menuRef = useRef<HTMLDivElement>(null);
  // The folded menu (phones) closes on Escape and on a click or tap elsewhere.
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!menuRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      menuRef.current?.querySelector<HTMLButtonElement>('.account-toggle')?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
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
    <div className="account-menu account-menu-user" ref={menuRef} data-open={open}>
      <button
        type="button"
        className="account-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        title={user.displayName}
        onClick={() => setOpen((v) => !v)}
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <circle cx="12" cy="8" r="4" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
        <span className="visually-hidden">
          {t('accounts.header.label')}: {user.displayName}
        </span>
      </button>
      <div id={panelId} className="account-panel">
        <span className="account-name">{user.displayName}</span>
        <span className="account-role">
          {t(`accounts.roles.${user.role}`)}
          {user.unit ? ` · ${t('accounts.header.unit', { unit: user.unit.name })}` : ''}
        </span>
        {can(user, 'admin') ? (
          <Link to="/admin" activeProps={{ 'aria-current': 'page' }} onClick={() => setOpen(false)}>
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
    </div>
  );
}
