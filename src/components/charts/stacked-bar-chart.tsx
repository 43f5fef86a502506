import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Timeliness } from '../../api/schemas';
import { useMediaQuery } from '../ui/use-media-query';
import { TIMELINESS_COLORS, timelinessFill } from './palette';
import { usePrinting } from './print-media';
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
} from './svg-chart';

export interface StackedBarDatum {
  id: string;
  label: string;
  total: number;
}

/** A category name in at most two lines of `maxChars` (cut with an ellipsis beyond; the table has it whole). */
export function wrapLabel(text: string, maxChars: number, maxLines = 2): string[] {
  const words = text.split(/\s+/u).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= maxChars || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  const kept = lines.slice(0, maxLines).map((l) => (l.length > maxChars ? `${l.slice(0, maxChars - 1)}…` : l));
  if (lines.length > maxLines) {
    const last = kept[maxLines - 1] ?? '';
    kept[maxLines - 1] = `${last.slice(0, Math.max(0, maxChars - 1))}…`;
  }
  return kept;
}

/** Margins around the plot (as the Recharts chart had them): room on the right for the totals. */
const MARGIN = { top: 4, right: 56, bottom: 4, left: 4 };
/** The height of the count axis under the bars. */
const X_AXIS_HEIGHT = 30;
/** The gap on each side of a bar in its row's band, and the widest a bar may be (px). */
const BAND_GAP = 0.22;
const MAX_BAR = 34;

/**
 * Horizontal bars, one per row, stacked by timeliness class; the total is written at the end of every bar, and
 * names wrap onto two lines rather than being cut. Plain SVG (src/components/charts/svg-chart.tsx); a click on a
 * bar selects its row, the pointer over a row shows its figures.
 */
export function StackedBarChart<T extends StackedBarDatum & Record<Timeliness, number>>({
  data,
  classes,
  format,
  labelWidth = 150,
  onSelect,
}: {
  data: readonly T[];
  classes: readonly Timeliness[];
  format: (n: number) => string;
  labelWidth?: number;
  onSelect?: (row: T) => void;
}) {
  const { t } = useTranslation();
  const narrow = useMediaQuery('(max-width: 640px)');
  // On paper a chart has half a page: names take less of it, in a smaller type.
  const printing = usePrinting();
  const labels = printing ? Math.min(labelWidth, 112) : narrow ? Math.min(labelWidth, 110) : labelWidth;
  const fontSize = printing ? 11 : narrow ? 12 : 13;
  // Roughly 0.55 em per character; names longer than a line wrap onto a second one.
  const maxChars = Math.floor(labels / (fontSize * 0.55));
  const draw = ({ width, height }: { width: number; height: number }) => (
    <StackedBars
      width={width}
      height={height}
      data={data}
      classes={classes}
      format={format}
      labels={labels}
      fontSize={fontSize}
      maxChars={maxChars}
      className={(k) => t(`timeliness.${k}`)}
      onSelect={onSelect}
    />
  );
  return <SvgChart>{draw}</SvgChart>;
}

function StackedBars<T extends StackedBarDatum & Record<Timeliness, number>>({
  width,
  height,
  data,
  classes,
  format,
  labels,
  fontSize,
  maxChars,
  className,
  onSelect,
}: {
  width: number;
  height: number;
  data: readonly T[];
  classes: readonly Timeliness[];
  format: (n: number) => string;
  labels: number;
  fontSize: number;
  maxChars: number;
  className: (k: Timeliness) => string;
  onSelect?: (row: T) => void;
}) {
  const hover = useChartHover();
  const [active, setActive] = useState<number | null>(null);
  const left = MARGIN.left + labels;
  const right = Math.max(left + 1, width - MARGIN.right);
  const top = MARGIN.top;
  const bottom = Math.max(top + 1, height - MARGIN.bottom - X_AXIS_HEIGHT);
  const sum = (row: T) => classes.reduce((s, k) => s + (row[k] ?? 0), 0);
  const ticks = niceTicks(Math.max(0, ...data.map(sum)));
  const domain = ticks[ticks.length - 1] || 1;
  const x = (v: number) => left + ((right - left) * v) / domain;
  const band = data.length ? (bottom - top) / data.length : 0;
  const { size: barSize, offsets } = barsInBand(band, { gap: BAND_GAP, max: MAX_BAR });
  const pointer = onSelect ? { cursor: 'pointer' } : undefined;

  const tooltip = (row: T) => (
    <div className="chart-tooltip">
      <p className="chart-tooltip-title">{row.label}</p>
      <ul>
        {classes
          .filter((k) => (row[k] ?? 0) > 0)
          .map((k) => (
            <li key={k}>
              <span className="chart-tooltip-swatch" style={{ background: TIMELINESS_COLORS[k] }} aria-hidden="true" />
              {className(k)}: <strong>{format(row[k])}</strong>
            </li>
          ))}
      </ul>
    </div>
  );

  return (
    <>
      <g className="chart-grid-lines">
        {ticks.map((v) => (
          <line key={v} x1={x(v)} x2={x(v)} y1={top} y2={bottom} stroke={GRID_STROKE} strokeDasharray="3 3" />
        ))}
      </g>
      {data.map((row, i) => {
        const bandTop = top + i * band;
        const y = bandTop + (offsets[0] ?? 0);
        const centre = bandTop + band / 2;
        let from = 0;
        let end = x(0);
        const segments = classes.map((k) => {
          const value = row[k] ?? 0;
          const x0 = x(from);
          from += value;
          const x1 = x(from);
          if (value > 0) end = x1;
          return value > 0 ? (
            // biome-ignore lint/a11y/noStaticElementInteractions: the drawing is aria-hidden; the select under the chart and its table are the keyboard and screen-reader ways
            <path
              key={k}
              className="chart-bar"
              data-live-key={`${row.id}:${k}`}
              d={rectPath(x0, y, x1 - x0, barSize)}
              fill={timelinessFill(k)}
              stroke={TIMELINESS_COLORS[k]}
              style={pointer}
              onClick={onSelect ? () => onSelect(row) : undefined}
            />
          ) : null;
        });
        const lines = wrapLabel(row.label, maxChars);
        return (
          // biome-ignore lint/a11y/noStaticElementInteractions: the drawing is aria-hidden; the select under the chart and its table are the keyboard and screen-reader ways
          <g
            key={row.id}
            className="chart-row"
            onMouseMove={(event) => {
              setActive(i);
              hover({ ...pointerIn(event), content: tooltip(row) });
            }}
            onMouseLeave={() => {
              setActive(null);
              hover(null);
            }}
          >
            {/* The row's band, under the bars: the pointer anywhere on it shows the row (Recharts' cursor). */}
            {/* biome-ignore lint/a11y/noStaticElementInteractions: the drawing is aria-hidden; the select under the chart and its table are the keyboard and screen-reader ways */}
            <rect
              x={left}
              y={bandTop}
              width={right - left}
              height={band}
              className="chart-band"
              fill={active === i ? CURSOR_FILL : 'transparent'}
              style={pointer}
              onClick={onSelect ? () => onSelect(row) : undefined}
            />
            {segments}
            <text
              x={left - TICK_SIZE - TICK_MARGIN}
              y={centre}
              textAnchor="end"
              fontSize={fontSize}
              fill="currentColor"
              dominantBaseline="middle"
            >
              {lines.map((line, n) => (
                <tspan
                  key={line}
                  x={left - TICK_SIZE - TICK_MARGIN - 4}
                  dy={n === 0 ? `${-(lines.length - 1) * 0.55}em` : '1.1em'}
                >
                  {line}
                </tspan>
              ))}
            </text>
            <line x1={left - TICK_SIZE} x2={left} y1={centre} y2={centre} stroke={AXIS_STROKE} />
            {sum(row) > 0 ? (
              <text
                x={end + 6}
                y={y + barSize / 2}
                dominantBaseline="middle"
                fontSize={fontSize}
                fill="currentColor"
                className="bar-total"
              >
                {format(row.total)}
              </text>
            ) : null}
          </g>
        );
      })}
      <g className="chart-axis">
        <line x1={left} x2={left} y1={top} y2={bottom} stroke={AXIS_STROKE} />
        <line x1={left} x2={right} y1={bottom} y2={bottom} stroke={AXIS_STROKE} />
        {ticks.map((v) => (
          <g key={v}>
            <line x1={x(v)} x2={x(v)} y1={bottom} y2={bottom + TICK_SIZE} stroke={AXIS_STROKE} />
            <text x={x(v)} y={bottom + TICK_SIZE + TICK_MARGIN} dy="0.71em" textAnchor="middle" style={TICK_STYLE}>
              {format(v)}
            </text>
          </g>
        ))}
      </g>
    </>
  );
}
