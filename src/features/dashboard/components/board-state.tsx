import { useTranslation } from 'react-i18next';

/** The loading / error line of a board (a list card of the overview); renders nothing once there is data. */
export function BoardState({
  loading,
  error,
  onRetry,
}: {
  loading: boolean;
  error: string | null;
  onRetry?: () => void;
}) {
  const { t } = useTranslation();
  if (error)
    return (
      <div role="alert" className="board-error">
        <p>{error}</p>
        {onRetry ? (
          <button type="button" className="button button-secondary" onClick={onRetry}>
            {t('chart.retry')}
          </button>
        ) : null}
      </div>
    );
  if (loading) return <p role="status">{t('chart.loading')}</p>;
  return null;
}
