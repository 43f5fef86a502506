import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMockSettings } from '../../../api/mock-settings';

/**
 * Tells the person when the mock API could not use the edits stored in this browser (an old format or unreadable
 * data: the sample data was restored) or cannot save them. Shown once per occurrence, until dismissed.
 */
export function StorageNotice() {
  const { t } = useTranslation();
  const settings = useMockSettings();
  const notice = settings.data?.storage?.notice ?? null;
  const [dismissed, setDismissed] = useState<string | null>(null);
  if (!notice || dismissed === `${notice.kind}@${notice.at}`) return null;
  return (
    <div className="banner banner-warning storage-notice" role="alert">
      <p>{t(`settings.notice.${notice.kind}`)}</p>
      <div className="button-row">
        <button type="button" className="button" onClick={() => setDismissed(`${notice.kind}@${notice.at}`)}>
          {t('settings.notice.dismiss')}
        </button>
        <Link to="/settings">{t('settings.notice.settings')}</Link>
      </div>
    </div>
  );
}
