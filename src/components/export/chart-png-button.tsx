import { type RefObject, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInVietnam } from '../../domain/dates';
import { downloadPng } from './chart-png';
import { datedFileName } from './download';

/** Saves the card `target` as a PNG (title, drawing, legend; no buttons) for a slide deck. */
export function ChartPngButton({
  target,
  name,
  title,
}: {
  target: RefObject<HTMLElement | null>;
  name: string;
  title: string;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="link-button chart-png"
        aria-label={t('export.png.label', { title })}
        aria-busy={busy}
        disabled={busy}
        onClick={async () => {
          if (!target.current) return;
          setBusy(true);
          setError(null);
          try {
            await downloadPng(target.current, datedFileName(name, todayInVietnam(), 'png'));
          } catch {
            setError(t('export.png.failed'));
          } finally {
            setBusy(false);
          }
        }}
      >
        {busy ? t('export.png.busy') : t('export.png.button')}
      </button>
      {error ? (
        <span role="alert" className="chart-png-error">
          {error}
        </span>
      ) : null}
    </>
  );
}
