import { useTranslation } from 'react-i18next';
import { SlideFrame } from './slide-frame';

/**
 * What a room sees before the first figures arrive (or when there is nothing to show): the app's name, what the
 * show will cover, and one calm line about the state. Never a spinner alone, never an error wall.
 */
export function TitleSlide({ scope, message, label }: { scope: readonly string[]; message: string; label: string }) {
  const { t } = useTranslation();
  return (
    <SlideFrame
      kind="title"
      label={label}
      eyebrow={
        <>
          <span className="p-brand-mark" aria-hidden="true">
            ◆
          </span>{' '}
          {t('app.title')}
        </>
      }
      title={t('present.title.subtitle')}
    >
      <div className="p-title-card">
        <p className="p-title-scope">{scope.join(' · ')}</p>
        <p className="p-title-state" role="status">
          <span className="p-pulse" aria-hidden="true" />
          {message}
        </p>
        <p className="p-hint">{t('present.title.hint')}</p>
      </div>
    </SlideFrame>
  );
}
