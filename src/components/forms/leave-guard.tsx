import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLeaveGuard } from './form-draft';
import './forms.css';

/**
 * Asks before leaving a form with unsaved input: the browser's prompt on reload or close, and this question on a
 * navigation within the app. Leaving keeps the draft, so nothing is lost either way. `allow` names destinations the
 * screen sends the person to itself (e.g. the article a refused duplicate already is): following them is not asked.
 */
export function LeaveGuard({ dirty, allow }: { dirty: boolean; allow?: (pathname: string) => boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const blocker = useLeaveGuard(dirty, allow);
  const stay = useRef<HTMLButtonElement>(null);
  const blocked = blocker.status === 'blocked';
  useEffect(() => {
    if (blocked) stay.current?.focus();
  }, [blocked]);
  if (!blocked) return null;
  return (
    <div className="leave-guard" role="alertdialog" aria-labelledby={`${id}-t`} aria-describedby={`${id}-b`}>
      <h2 id={`${id}-t`}>{t('task.leave.title')}</h2>
      <p id={`${id}-b`}>{t('task.leave.body')}</p>
      <div className="button-row">
        <button ref={stay} type="button" className="button" onClick={() => blocker.reset?.()}>
          {t('task.leave.stay')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => blocker.proceed?.()}>
          {t('task.leave.leave')}
        </button>
      </div>
    </div>
  );
}
