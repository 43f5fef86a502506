import type { ReactNode } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { useTranslation } from 'react-i18next';

function Fallback({ resetErrorBoundary }: { resetErrorBoundary: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="card chart-error" role="alert">
      <p>{t('errors.boundary')}</p>
      <button type="button" className="button" onClick={resetErrorBoundary}>
        {t('chart.retry')}
      </button>
    </section>
  );
}

/** Contains a rendering failure to one card, so one broken widget never blanks the screen. */
export function ErrorBoundaryCard({ children }: { children: ReactNode }) {
  return <ErrorBoundary FallbackComponent={Fallback}>{children}</ErrorBoundary>;
}
