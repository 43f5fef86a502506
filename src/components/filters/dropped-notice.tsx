import { useTranslation } from 'react-i18next';
import type { DroppedParam } from './filter-types';

const FIELDS = new Set([
  'q',
  'status',
  'timeliness',
  'locality',
  'era',
  'category',
  'issuer',
  'assignee',
  'flagship',
  'deadlineFrom',
  'deadlineTo',
  'sort',
]);

/** Names, in the interface's language, each value dropped from a shared link; dismissible. */
export function DroppedNotice({ items, onDismiss }: { items: readonly DroppedParam[]; onDismiss?: () => void }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <div className="banner banner-warning dropped-notice" role="alert">
      <div>
        <p>{t('filters.dropped.title')}</p>
        <ul>
          {items.map((d) => (
            <li key={`${d.key}=${d.value}:${d.reason}`}>
              {t('filters.dropped.item', {
                field: FIELDS.has(d.key) ? t(`filters.field.${d.key as 'q'}`) : d.key,
                value: d.value,
                reason: t(`filters.dropped.${d.reason}`),
              })}
            </li>
          ))}
        </ul>
      </div>
      {onDismiss ? (
        <button type="button" className="notice-close" onClick={onDismiss} aria-label={t('filters.dropped.dismiss')}>
          <span aria-hidden="true">×</span>
        </button>
      ) : null}
    </div>
  );
}
