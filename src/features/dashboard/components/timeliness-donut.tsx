import { useTranslation } from 'react-i18next';
import { Cell, Label, Pie, PieChart, Tooltip } from 'recharts';
import type { Timeliness, TimelinessCounts } from '../../../api/schemas';
import { ChartCard, type ChartState } from '../../../components/charts/chart-card';
import { ChartFrame } from '../../../components/charts/chart-frame';
import { ChartTooltip } from '../../../components/charts/chart-tooltip';
import { TIMELINESS_COLORS, timelinessFill } from '../../../components/charts/palette';
import { TimelinessLegend } from '../../../components/charts/timeliness-legend';
import { useFormat } from '../../../i18n/format';
import { donutSlices } from '../utils/shape';
import { DrillSelect } from './drill-select';

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
      <ChartFrame>
        {/* Room around the ring for the outside labels (a large count at the top is never cut). */}
        <PieChart accessibilityLayer={false} margin={{ top: 18, right: 28, bottom: 18, left: 28 }}>
          <Pie
            data={slices.map((s) => ({ ...s, name: t(`timeliness.${s.key}`) }))}
            dataKey="value"
            nameKey="name"
            innerRadius="58%"
            outerRadius="86%"
            paddingAngle={1}
            rootTabIndex={-1}
            isAnimationActive={false}
            label={({ value }: { value?: number }) => (value ? f.number(value) : '')}
            labelLine={false}
            onClick={
              onSelect
                ? (_: unknown, index: number) => {
                    const slice = slices[index];
                    if (slice) onSelect(slice.key);
                  }
                : undefined
            }
            style={onSelect ? { cursor: 'pointer' } : undefined}
          >
            {slices.map((s) => (
              <Cell key={s.key} fill={timelinessFill(s.key)} stroke={TIMELINESS_COLORS[s.key]} />
            ))}
            <Label
              position="center"
              content={({ viewBox }) => {
                const vb = viewBox as { cx?: number; cy?: number } | undefined;
                if (!vb?.cx || !vb.cy) return null;
                return (
                  <text x={vb.cx} y={vb.cy} textAnchor="middle" className="donut-centre">
                    <tspan
                      x={vb.cx}
                      dy="-0.2em"
                      className={f.number(total).length > 5 ? 'donut-centre-value long' : 'donut-centre-value'}
                    >
                      {f.number(total)}
                    </tspan>
                    <tspan x={vb.cx} dy="1.4em" className="donut-centre-label">
                      {t('overview.donut.centre')}
                    </tspan>
                  </text>
                );
              }}
            />
          </Pie>
          <Tooltip
            content={(props) => <ChartTooltip {...props} format={f.number} title={() => t('overview.donut.title')} />}
          />
        </PieChart>
      </ChartFrame>
    </ChartCard>
  );
}
