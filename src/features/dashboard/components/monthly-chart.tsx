import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stats } from '../../../api/schemas';
import { ChartCard, type ChartState } from '../../../components/charts/chart-card';
import { SERIES_COLORS } from '../../../components/charts/palette';
import {
  AXIS_STROKE,
  barsInBand,
  CURSOR_FILL,
  GRID_STROKE,
  niceTicks,
  pointerIn,
  rectPath,
  SvgChart,
  TICK_MARGIN,
  TICK_SIZE,
  TICK_STYLE,
  useChartHover,
} from '../../../components/charts/svg-chart';
import { useFormat } from '../../../i18n/format';
import { type PeriodRow, periodRows } from '../utils/shape';

const ROMAN = ['I', 'II', 'III', 'IV'] as const;
const SERIES = ['assigned', 'completed'] as const;

/** The plot's margins, the count axis' width and the period axis' height (as the Recharts chart had them). */
const MARGIN = { top: 8, right: 8, bottom: 4, left: 0 };
const Y_AXIS_WIDTH = 44;
const X_AXIS_HEIGHT = 30;
/** The axes' type size; the gap on each side of a period's pair of bars (of its band); between the two bars (px). */
const FONT_SIZE = 12;
const BAND_GAP = 0.1;
const BAR_GAP = 1;
/** The least room between two period labels (px); labels that would come closer are skipped, the last one kept. */
const MIN_TICK_GAP = 24;

export function MonthlyChart({
  monthly,
  state,
  errorMessage,
  onRetry,
}: {
  monthly: Stats['monthly'] | null;
  state: ChartState;
  errorMessage?: string;
  onRetry?: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const data = monthly ?? [];
  const { granularity, rows } = periodRows(data);
  const label = (period: string) =>
    granularity === 'month'
      ? f.month(period)
      : t('overview.monthly.quarterLabel', { quarter: ROMAN[Number(period.slice(6)) - 1], year: period.slice(0, 4) });
  const draw = ({ width, height }: { width: number; height: number }) => (
    <PeriodBars
      width={width}
      height={height}
      rows={rows}
      label={label}
      format={f.number}
      series={(k) => t(`overview.monthly.${k}`)}
    />
  );
  return (
    <ChartCard
      title={granularity === 'month' ? t('overview.monthly.title') : t('overview.monthly.titleQuarter')}
      state={state === 'ready' && data.length === 0 ? 'empty' : state}
      errorMessage={errorMessage}
      onRetry={onRetry}
      height={250}
      exportName={t('overview.monthly.title')}
      legend={
        // In the order of the bars.
        <ul className="legend">
          {SERIES.map((k) => (
            <li key={k} className="legend-item">
              <span className="swatch" style={{ background: SERIES_COLORS[k] }} aria-hidden="true" />
              {t(`overview.monthly.${k}`)}
            </li>
          ))}
        </ul>
      }
      table={{
        columns: [t('overview.monthly.month'), t('overview.monthly.assigned'), t('overview.monthly.completed')],
        rows: data
          .filter((m) => m.assigned > 0 || m.completed > 0)
          .map((m) => [f.month(m.month), f.number(m.assigned), f.number(m.completed)] as const),
      }}
    >
      <SvgChart>{draw}</SvgChart>
    </ChartCard>
  );
}

let measure: OffscreenCanvasRenderingContext2D | null | undefined;

/**
 * A period label's width in px at the axis' type size, measured in the page's font where the browser can (an
 * OffscreenCanvas); elsewhere estimated at half an em per character.
 */
function labelWidth(label: string): number {
  if (measure === undefined) {
    measure = typeof OffscreenCanvas === 'undefined' ? null : new OffscreenCanvas(1, 1).getContext('2d');
    if (measure) measure.font = `${FONT_SIZE}px ${getComputedStyle(document.body).fontFamily}`;
  }
  return measure ? measure.measureText(label).width : label.length * FONT_SIZE * 0.5;
}

/**
 * The period labels drawn, and their centres, chosen as Recharts did ("preserveEnd"): from the last one back, each
 * label at least MIN_TICK_GAP px from the one after it, the last moved left to end at the drawing's edge.
 */
function periodLabels(labels: readonly string[], centres: readonly number[], width: number) {
  const shown: Array<{ index: number; x: number }> = [];
  let end = width;
  for (let i = labels.length - 1; i >= 0; i--) {
    const size = labelWidth(labels[i] ?? '');
    let x = centres[i] ?? 0;
    if (i === labels.length - 1) x -= Math.max(0, x + size / 2 - end);
    if (x - size / 2 >= 0 && x + size / 2 <= end) {
      shown.push({ index: i, x });
      end = x - size / 2 - MIN_TICK_GAP;
    }
  }
  return shown;
}

/** A pair of bars per period (assigned, completed) over a count axis with a dashed grid. */
function PeriodBars({
  width,
  height,
  rows,
  label,
  format,
  series,
}: {
  width: number;
  height: number;
  rows: readonly PeriodRow[];
  label: (period: string) => string;
  format: (n: number) => string;
  series: (k: (typeof SERIES)[number]) => string;
}) {
  const hover = useChartHover();
  const [active, setActive] = useState<number | null>(null);
  const left = MARGIN.left + Y_AXIS_WIDTH;
  const right = Math.max(left + 1, width - MARGIN.right);
  const top = MARGIN.top;
  const bottom = Math.max(top + 1, height - MARGIN.bottom - X_AXIS_HEIGHT);
  const ticks = niceTicks(Math.max(0, ...rows.map((r) => Math.max(r.assigned, r.completed))));
  const domain = ticks[ticks.length - 1] || 1;
  const y = (v: number) => bottom - ((bottom - top) * v) / domain;
  const band = rows.length ? (right - left) / rows.length : 0;
  const { size: barSize, offsets } = barsInBand(band, { gap: BAND_GAP, count: SERIES.length, barGap: BAR_GAP });
  const labels = rows.map((r) => label(r.period));
  return (
    <>
      <g className="chart-grid-lines">
        {ticks.map((v) => (
          <line key={v} x1={left} x2={right} y1={y(v)} y2={y(v)} stroke={GRID_STROKE} strokeDasharray="3 3" />
        ))}
      </g>
      {rows.map((row, i) => {
        const bandLeft = left + i * band;
        return (
          // biome-ignore lint/a11y/noStaticElementInteractions: the drawing is aria-hidden; the select under the chart and its table are the keyboard and screen-reader ways
          <g
            key={row.period}
            className="chart-period"
            onMouseMove={(event) => {
              setActive(i);
              hover({
                ...pointerIn(event),
                content: (
                  <div className="chart-tooltip">
                    <p className="chart-tooltip-title">{labels[i]}</p>
                    <ul>
                      {SERIES.filter((k) => row[k] > 0).map((k) => (
                        <li key={k}>
                          <span
                            className="chart-tooltip-swatch"
                            style={{ background: SERIES_COLORS[k] }}
                            aria-hidden="true"
                          />
                          {series(k)}: <strong>{format(row[k])}</strong>
                        </li>
                      ))}
                    </ul>
                  </div>
                ),
              });
            }}
            onMouseLeave={() => {
              setActive(null);
              hover(null);
            }}
          >
            <rect
              x={bandLeft}
              y={top}
              width={band}
              height={bottom - top}
              fill={active === i ? CURSOR_FILL : 'transparent'}
            />
            {SERIES.map((k, n) =>
              row[k] > 0 ? (
                <path
                  key={k}
                  className="chart-bar"
                  data-live-key={`${row.period}:${k}`}
                  d={rectPath(bandLeft + (offsets[n] ?? 0), y(row[k]), barSize, bottom - y(row[k]))}
                  fill={SERIES_COLORS[k]}
                />
              ) : null,
            )}
          </g>
        );
      })}
      <g className="chart-axis" fontSize={FONT_SIZE}>
        <line x1={left} x2={left} y1={top} y2={bottom} stroke={AXIS_STROKE} />
        <line x1={left} x2={right} y1={bottom} y2={bottom} stroke={AXIS_STROKE} />
        {ticks.map((v) => (
          <g key={v}>
            <line x1={left - TICK_SIZE} x2={left} y1={y(v)} y2={y(v)} stroke={AXIS_STROKE} />
            <text x={left - TICK_SIZE - TICK_MARGIN} y={y(v)} dy="0.355em" textAnchor="end" style={TICK_STYLE}>
              {format(v)}
            </text>
          </g>
        ))}
        {periodLabels(
          labels,
          rows.map((_, i) => left + (i + 0.5) * band),
          width,
        ).map(({ index, x }) => {
          const centre = left + (index + 0.5) * band;
          return (
            <g key={rows[index]?.period}>
              <line x1={centre} x2={centre} y1={bottom} y2={bottom + TICK_SIZE} stroke={AXIS_STROKE} />
              <text x={x} y={bottom + TICK_SIZE + TICK_MARGIN} dy="0.71em" textAnchor="middle" style={TICK_STYLE}>
                {labels[index]}
              </text>
            </g>
          );
        })}
      </g>
    </>
  );
}
