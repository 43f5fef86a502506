/**
 * Keeps a signed-out person on the sign-in page (unless reads are public), and signs a wall screen in with the
 * display link in its URL (`/present?display=TOKEN`). While the session is being read the page renders as usual:
 * the reads wait for nothing, and a signed-out person is sent to /sign-in as soon as it is known.
 */
import { Navigate, useRouterState } from '@tanstack/react-router';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useDisplaySignIn, useSession } from '../../../api/session';

export function SessionGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useRouterState({ select: (s) => s.location });
  const displayToken = new URLSearchParams(location.searchStr).get('display');
  const display = useDisplaySignIn();
  const s = session.data;
  const needsDisplay = !!displayToken && !!s && !s.user && !s.display;
  const { mutate, isIdle } = display;
  useEffect(() => {
    if (needsDisplay && isIdle && displayToken) mutate(displayToken);
  }, [needsDisplay, isIdle, displayToken, mutate]);

  if (location.pathname === '/sign-in' || !s) return children;
  if (needsDisplay) {
    return (
      <p className={display.isError ? 'banner banner-warning' : 'banner'} role={display.isError ? 'alert' : 'status'}>
        {display.isError ? t('accounts.signIn.display.invalid') : t('accounts.signIn.display.connecting')}
      </p>
    );
  }
  if (!s.user && !s.display && !s.publicRead) {
    return <Navigate to="/sign-in" search={{ redirect: location.href }} replace />;
  }
  return children;
}
