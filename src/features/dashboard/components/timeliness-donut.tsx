import { useTranslation } from 'react-i18next';
import type { Timeliness, TimelinessCounts } from '../../../api/schemas';
import { ChartCard, type ChartState } from '../../../components/charts/chart-card';
import { TIMELINESS_COLORS, timelinessFill } from '../../../components/charts/palette';
import { pointerIn, SvgChart, useChartHover } from '../../../components/charts/svg-chart';
import { TimelinessLegend } from '../../../components/charts/timeliness-legend';
import { useFormat } from '../../../i18n/format';
import { donutSlices } from '../utils/shape';
import { DrillSelect } from './drill-select';

/** Room around the ring for the outside labels (a large count at the top is never cut). */
const MARGIN = { top: 18, right: 28, bottom: 18, left: 28 };
/** The ring's radii, as fractions of the largest circle the box holds; labels sit this far outside it (px). */
const INNER = 0.58;
const OUTER = 0.86;
const LABEL_OFFSET = 20;
/** Degrees between two slices. */
const PADDING_ANGLE = 1;

const RADIAN = Math.PI / 180;

/** A point at `radius` and `angle` (degrees, counter-clockwise from 3 o'clock) around (cx, cy). */
function polar(cx: number, cy: number, radius: number, angle: number) {
  return { x: cx + Math.cos(-angle * RADIAN) * radius, y: cy + Math.sin(-angle * RADIAN) * radius };
}

/** A ring sector from `start` to `end` degrees (counter-clockwise). */
function sectorPath(cx: number, cy: number, inner: number, outer: number, start: number, end: number): string {
  const r = (n: number) => Math.round(n * 100) / 100;
  // A whole ring is two half rings (an arc cannot start and end at the same point).
  if (end - start >= 359.999) {
    const half = start + 180;
    return `${sectorPath(cx, cy, inner, outer, start, half)}${sectorPath(cx, cy, inner, outer, half, end)}`;
  }
  const large = end - start > 180 ? 1 : 0;
  const o0 = polar(cx, cy, outer, start);
  const o1 = polar(cx, cy, outer, end);
  const i1 = polar(cx, cy, inner, end);
  const i0 = polar(cx, cy, inner, start);
  return (
    `M${r(o0.x)},${r(o0.y)}A${r(outer)},${r(outer)},0,${large},0,${r(o1.x)},${r(o1.y)}` +
    `L${r(i1.x)},${r(i1.y)}A${r(inner)},${r(inner)},0,${large},1,${r(i0.x)},${r(i0.y)}Z`
  );
}

export function TimelinessDonut({
  counts,
  total,
  state,
  errorMessage,
  onRetry,
  onSelect,
}: {
  counts: TimelinessCounts | null;
  total: number;
  state: ChartState;
  errorMessage?: string;
  onRetry?: () => void;
  /** Drill-down: a click on a slice (or a choice in the select under the chart) filters by that class. */
  onSelect?: (timeliness: Timeliness) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const slices = counts ? donutSlices(counts) : [];
  const rows = slices.map(
    (s) => [t(`timeliness.${s.key}`), f.number(s.value), f.percent(total ? s.value / total : 0)] as const,
  );
  const draw = ({ width, height }: { width: number; height: number }) => (
    <Donut
      width={width}
      height={height}
      slices={slices}
      total={total}
      format={f.number}
      name={(k) => t(`timeliness.${k}`)}
      title={t('overview.donut.title')}
      centre={t('overview.donut.centre')}
      onSelect={onSelect}
    />
  );
  return (
    <ChartCard
      title={t('overview.donut.title')}
      state={state === 'ready' && slices.length === 0 ? 'empty' : state}
      errorMessage={errorMessage}
      onRetry={onRetry}
      height={220}
      table={{ columns: [t('overview.donut.title'), t('chart.count'), '%'], rows }}
      exportName={t('overview.donut.title')}
      legend={
        <>
          <TimelinessLegend counts={counts ?? undefined} only={slices.map((s) => s.key)} format={f.number} />
          {onSelect ? (
            <DrillSelect
              label={t('filters.drill.timeliness')}
              options={slices.map((s) => ({ value: s.key, label: t(`timeliness.${s.key}`) }))}
              onSelect={(v) => onSelect(v as Timeliness)}
            />
          ) : null}
        </>
      }
    >
      <SvgChart>{draw}</SvgChart>
    </ChartCard>
  );
}

/** The ring: a slice per class counter-clockwise from 3 o'clock, its count outside it, the total in the middle. */
function Donut({
  width,
  height,
  slices,
  total,
  format,
  name,
  title,
  centre,
  onSelect,
}: {
  width: number;
  height: number;
  slices: ReadonlyArray<{ key: Timeliness; value: number }>;
  total: number;
  format: (n: number) => string;
  name: (k: Timeliness) => string;
  title: string;
  centre: string;
  onSelect?: (timeliness: Timeliness) => void;
}) {
  const hover = useChartHover();
  const boxWidth = width - MARGIN.left - MARGIN.right;
  const boxHeight = height - MARGIN.top - MARGIN.bottom;
  const cx = MARGIN.left + boxWidth / 2;
  const cy = MARGIN.top + boxHeight / 2;
  const radius = Math.max(0, Math.min(boxWidth, boxHeight) / 2);
  const inner = radius * INNER;
  const outer = radius * OUTER;
  const sum = slices.reduce((s, x) => s + x.value, 0);
  const padding = slices.length > 1 ? PADDING_ANGLE : 0;
  const sweep = 360 - slices.length * padding;
  let angle = 0;
  const sectors = slices.map((s, i) => {
    const start = i === 0 ? 0 : angle + padding;
    const end = start + (sum ? (s.value / sum) * sweep : 0);
    angle = end;
    return { ...s, start, end };
  });
  const totalText = format(total);
  return (
    <>
      {sectors.map((s) => {
        const mid = (s.start + s.end) / 2;
        const label = polar(cx, cy, outer + LABEL_OFFSET, mid);
        return (
          // biome-ignore lint/a11y/noStaticElementInteractions: the drawing is aria-hidden; the select under the chart and its table are the keyboard and screen-reader ways
          <g
            key={s.key}
            className="chart-slice"
            onMouseMove={(event) => {
              hover({
                ...pointerIn(event),
                content: (
                  <div className="chart-tooltip">
                    <p className="chart-tooltip-title">{title}</p>
                    <ul>
                      <li>
                        <span
                          className="chart-tooltip-swatch"
                          style={{ background: TIMELINESS_COLORS[s.key] }}
                          aria-hidden="true"
                        />
                        {name(s.key)}: <strong>{format(s.value)}</strong>
                      </li>
                    </ul>
                  </div>
                ),
              });
            }}
            onMouseLeave={() => hover(null)}
          >
            {/* biome-ignore lint/a11y/noStaticElementInteractions: the drawing is aria-hidden; the select under the chart and its table are the keyboard and screen-reader ways */}
            <path
              data-live-key={`timeliness:${s.key}`}
              d={sectorPath(cx, cy, inner, outer, s.start, s.end)}
              fill={timelinessFill(s.key)}
              stroke={TIMELINESS_COLORS[s.key]}
              style={onSelect ? { cursor: 'pointer' } : undefined}
              onClick={onSelect ? () => onSelect(s.key) : undefined}
            />
            <text
              x={label.x}
              y={label.y}
              textAnchor={label.x > cx + 0.5 ? 'start' : label.x < cx - 0.5 ? 'end' : 'middle'}
              // In the slice's colour (and pattern), over the stylesheet's text colour.
              style={{ fill: timelinessFill(s.key) }}
            >
              {format(s.value)}
            </text>
          </g>
        );
      })}
      <text x={cx} y={cy} textAnchor="middle" className="donut-centre">
        <tspan x={cx} dy="-0.2em" className={totalText.length > 5 ? 'donut-centre-value long' : 'donut-centre-value'}>
          {totalText}
        </tspan>
        <tspan x={cx} dy="1.4em" className="donut-centre-label">
          {centre}
        </tspan>
      </text>
    </>
  );
}
