import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { errorText } from '../ui/error-text';

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportRunProgress {
  phase: 'fetching' | 'resolving' | 'writing';
  done: number;
  total: number;
}

export interface ExportResult {
  fileName: string;
  count: number;
  total: number;
}

type State =
  | { kind: 'idle' }
  | { kind: 'running'; format: ExportFormat; progress: ExportRunProgress | null }
  | { kind: 'done'; result: ExportResult }
  | { kind: 'failed'; message: string }
  | { kind: 'cancelled' };

/**
 * CSV and XLSX buttons with a progress bar while the rows are fetched (large exports take a while), a cancel button,
 * and the outcome in words.
 */
export function ExportButtons({
  onExport,
  disabled = false,
}: {
  onExport: (
    format: ExportFormat,
    options: { signal: AbortSignal; onProgress: (p: ExportRunProgress) => void },
  ) => Promise<ExportResult>;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);

  const run = async (format: ExportFormat) => {
    const abort = new AbortController();
    controller.current = abort;
    setState({ kind: 'running', format, progress: null });
    try {
      const result = await onExport(format, {
        signal: abort.signal,
        onProgress: (progress) => setState({ kind: 'running', format, progress }),
      });
      setState({ kind: 'done', result });
    } catch (e) {
      if (abort.signal.aborted) setState({ kind: 'cancelled' });
      else
        setState({
          kind: 'failed',
          message: t('export.failed', { reason: errorText(e, t) }),
        });
    } finally {
      controller.current = null;
    }
  };

  const running = state.kind === 'running';
  const progress = running ? state.progress : null;
  return (
    <div className="export-buttons">
      <div className="button-row">
        <button
          type="button"
          className="button button-secondary"
          disabled={disabled || running}
          onClick={() => run('csv')}
        >
          {t('export.csv')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={disabled || running}
          onClick={() => run('xlsx')}
        >
          {t('export.xlsx')}
        </button>
        {running ? (
          <button type="button" className="link-button" onClick={() => controller.current?.abort()}>
            {t('export.cancel')}
          </button>
        ) : null}
      </div>
      <div className="export-status" role="status" aria-live="polite">
        {running ? (
          <>
            <progress
              max={progress?.total || 1}
              value={progress?.phase === 'fetching' ? progress.done : progress ? progress.total : undefined}
              aria-label={t('export.label')}
            />
            <span>
              {!progress || progress.phase === 'fetching'
                ? t('export.preparing', {
                    done: f.number(progress?.done ?? 0),
                    total: progress ? f.number(progress.total) : '…',
                  })
                : progress.phase === 'resolving'
                  ? t('export.resolving')
                  : t('export.writing')}
            </span>
          </>
        ) : state.kind === 'done' ? (
          <span>
            {t('export.done', { file: state.result.fileName, count: f.number(state.result.count) })}
            {state.result.count < state.result.total
              ? ` ${t('export.capped', { cap: f.number(state.result.count), total: f.number(state.result.total) })}`
              : ''}
          </span>
        ) : state.kind === 'failed' ? (
          <span className="error-text">{state.message}</span>
        ) : state.kind === 'cancelled' ? (
          <span>{t('export.cancelled')}</span>
        ) : null}
      </div>
    </div>
  );
}
