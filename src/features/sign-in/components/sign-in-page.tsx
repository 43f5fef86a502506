/**
 * `/sign-in`: user name and password. On the demo (the mock API), one button per role signs in as that role's
 * demo account, so the demo shows what each role may do. After signing in, back to where the person was going.
 */
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { config } from '../../../api/config';
import { useSession, useSignIn } from '../../../api/session';
import { DEMO_ACCOUNTS } from '../../../api/session-demo';
import { errorText } from '../../../components/ui/error-text';
import '../sign-in.css';

/** Only a path of this app, never another site (an open redirect). */
export const safeRedirect = (to: string | undefined) => (to && /^\/(?!\/)/.test(to) ? to : '/');

export function SignInPage({ redirect }: { redirect?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const errorId = useId();

  const go = () => {
    const to = safeRedirect(redirect);
    void navigate({
      to: to.split('?')[0] ?? '/',
      search: Object.fromEntries(new URLSearchParams(to.split('?')[1] ?? '')) as never,
    });
  };
  const submit = (name: string, pass: string) => {
    signIn.mutate({ username: name, password: pass }, { onSuccess: go });
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!username.trim() || !password) {
      setMissing(true);
      return;
    }
    setMissing(false);
    submit(username, password);
  };

  let error: string | null = null;
  if (missing) error = t('accounts.signIn.required');
  else if (signIn.error instanceof ApiError && signIn.error.status === 401) error = t('accounts.signIn.failed');
  else if (signIn.error instanceof ApiError && signIn.error.status === 429) {
    const seconds = Number(signIn.error.problem?.retryAfter ?? 60);
    error = t('accounts.signIn.limited', { minutes: Math.max(1, Math.ceil(seconds / 60)) });
  } else if (signIn.error) error = errorText(signIn.error, t);

  return (
    <div className="sign-in">
      <section className="card" aria-labelledby="sign-in-title">
        <h1 id="sign-in-title" className="card-title">
          {t('accounts.signIn.title')}
        </h1>
        <p className="card-intro">{t('accounts.signIn.intro')}</p>
        <form onSubmit={onSubmit} noValidate aria-describedby={error ? errorId : undefined}>
          <div className="form-field">
            <label htmlFor="sign-in-username">{t('accounts.signIn.username')}</label>
            <input
              id="sign-in-username"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          </div>
          <div className="form-field">
            <label htmlFor="sign-in-password">{t('accounts.signIn.password')}</label>
            <input
              id="sign-in-password"
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          {error ? (
            <p id={errorId} role="alert" className="form-error">
              {error}
            </p>
          ) : null}
          <div className="button-row">
            <button type="submit" className="button" disabled={signIn.isPending}>
              {signIn.isPending ? t('accounts.signIn.submitting') : t('accounts.signIn.submit')}
            </button>
            {session.data?.publicRead ? (
              <button type="button" className="button button-secondary" onClick={go}>
                {t('accounts.signIn.viewWithout')}
              </button>
            ) : null}
          </div>
        </form>
      </section>
      {config.useMockApi ? (
        <section className="card sign-in-demo" aria-labelledby="sign-in-demo-title">
          <h2 id="sign-in-demo-title" className="card-title">
            {t('accounts.signIn.demo.title')}
          </h2>
          <p className="card-intro">{t('accounts.signIn.demo.intro')}</p>
          <ul>
            {DEMO_ACCOUNTS.map((a) => (
              <li key={a.username}>
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={signIn.isPending}
                  onClick={() => {
                    setUsername(a.username);
                    setPassword(a.password);
                    submit(a.username, a.password);
                  }}
                >
                  <span>
                    {t('accounts.signIn.demo.as', { name: `${t(`accounts.roles.${a.role}`)} — ${a.displayName}` })}
                  </span>
                  <span className="role-help">{t(`accounts.roleHelp.${a.role}`)}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
