import { createContext, type ReactNode, startTransition, useContext, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartPngButton } from '../export/chart-png-button';
import { ChartHeightContext } from './chart-height';
import { DataTable, type DataTableProps } from './data-table';

export type ChartState = 'loading' | 'error' | 'empty' | 'ready';

/**
 * Whether the cards carry their data tables (the text alternative). The server's drawing of the overview's first
 * screen leaves them out: its shell is inert (out of the accessibility tree) until the app takes over with them,
 * and they were a good part of the layout work before its first paint (issue 16).
 */
export const ChartTablesContext = createContext(true);

type CardTable = Omit<DataTableProps, 'caption'>;

/**
 * The data table a card shows: `table`, but when it replaces another (new figures, e.g. a filter change), the
 * previous one until the frame with the new drawing has been painted. At 1,000,000 tasks a province's breakdown
 * table is hundreds of rows that a screen reader reads and nobody sees: restyling and laying them out before that
 * frame was about half the time to the new figures on screen (issue 16). A table that appears (the card was
 * loading) is shown at once, and so is every table while it is shown on screen (`defer` false).
 */
function useTableAfterPaint(table: CardTable | undefined, defer: boolean): CardTable | undefined {
  const key = table ? JSON.stringify(table) : null;
  const [shown, setShown] = useState(() => (table && key ? { key, table } : null));
  const replacing = defer && shown !== null && key !== null && shown.key !== key;
  if (!replacing && (shown?.key ?? null) !== key) setShown(table && key ? { key, table } : null);
  const latest = useRef(table);
  latest.current = table;
  useEffect(() => {
    if (!replacing || key === null || typeof requestAnimationFrame === 'undefined') return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A task queued from the next animation frame runs after its paint; one more turn lets what waits for that
    // paint (the filters-applied mark) go first.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        timer = setTimeout(() => {
          const next = latest.current;
          if (next) startTransition(() => setShown({ key, table: next }));
        }, 0);
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [replacing, key]);
  return replacing ? shown?.table : table;
}

export interface ChartCardProps {
  title: string;
  /** One sentence read by screen readers and shown under the title. */
  summary?: string;
  state: ChartState;
  errorMessage?: string;
  onRetry?: () => void;
  /** The text alternative: the same numbers as a table, visually hidden until asked for. */
  table?: CardTable;
  legend?: ReactNode;
  /** Height of the drawing area in px (the card owns sizing so the chart always has a definite box). */
  height?: number;
  className?: string;
  children?: ReactNode;
  /** When set, a button saves the card as a PNG named after it (for slide decks). */
  exportName?: string;
}

/** Owns a chart's title, sizing, legend, loading / empty / error states and its accessible data table. */
export function ChartCard({
  title,
  summary,
  state,
  errorMessage,
  onRetry,
  table,
  legend,
  height = 280,
  className,
  children,
  exportName,
}: ChartCardProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [showTable, setShowTable] = useState(false);
  const tables = useContext(ChartTablesContext);
  const cardRef = useRef<HTMLElement>(null);
  const shownTable = useTableAfterPaint(state === 'ready' ? table : undefined, !showTable);
  return (
    <section
      ref={cardRef}
      className={`card chart-card ${className ?? ''}`}
      aria-labelledby={headingId}
      data-state={state}
    >
      <header className="card-header">
        <h2 id={headingId} className="card-title">
          {title}
        </h2>
        {exportName && state === 'ready' ? <ChartPngButton target={cardRef} name={exportName} title={title} /> : null}
        {table && state === 'ready' ? (
          <button
            type="button"
            className="link-button"
            aria-pressed={showTable}
            onClick={() => setShowTable((v) => !v)}
          >
            {showTable ? t('chart.hideTable') : t('chart.showTable')}
          </button>
        ) : null}
      </header>
      {summary && state === 'ready' ? <p className="chart-summary">{summary}</p> : null}
      <div className="chart-body" style={{ minHeight: height }}>
        {state === 'loading' ? (
          <div className="chart-placeholder" role="status">
            <span className="skeleton" aria-hidden="true" />
            <span>{t('chart.loading')}</span>
          </div>
        ) : state === 'error' ? (
          <div className="chart-placeholder chart-error" role="alert">
            <span>{errorMessage ?? t('chart.error')}</span>
            {onRetry ? (
              <button type="button" className="button" onClick={onRetry}>
                {t('chart.retry')}
              </button>
            ) : null}
          </div>
        ) : state === 'empty' ? (
          <div className="chart-placeholder">
            <span>{t('chart.empty')}</span>
          </div>
        ) : (
          <>
            <div className="chart-drawing" style={{ height }} aria-hidden="true">
              <ChartHeightContext.Provider value={height}>{children}</ChartHeightContext.Provider>
            </div>
            {legend}
          </>
        )}
      </div>
      {shownTable && tables && state === 'ready' ? (
        <div className={showTable ? 'chart-table' : 'visually-hidden'}>
          <DataTable caption={t('chart.tableCaption', { title })} {...shownTable} />
        </div>
      ) : null}
    </section>
  );
}
