import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, XAxis, YAxis } from 'recharts';
import type { CompareItem } from '../../../api/compare-schemas';
import { ChartCard, type ChartState } from '../../../components/charts/chart-card';
import { ChartFrame } from '../../../components/charts/chart-frame';
import { TIMELINESS_COLORS } from '../../../components/charts/palette';
import { type CompareMetric, metricValue, rankBy } from '../utils/compare-sort';

export const MAX_RANKED = 25;
const BAR_COLOR = '#0b5cad';

/** One horizontal bar per unit, highest first, for the chosen metric; a click on a bar opens that unit's children. */
export function RankedChart({
  items,
  metric,
  format,
  state,
  errorMessage,
  onRetry,
  onSelect,
}: {
  items: readonly CompareItem[];
  metric: CompareMetric;
  format: (item: CompareItem) => string;
  state: ChartState;
  errorMessage?: string;
  onRetry?: () => void;
  onSelect?: (item: CompareItem) => void;
}) {
  const { t } = useTranslation();
  const ranked = rankBy(items, metric, MAX_RANKED);
  const data = ranked.map((item) => {
    const v = metricValue(item, metric) ?? 0;
    const value = metric === 'completionRate' || metric === 'onTimeRate' ? v * 100 : v;
    return { item, name: item.name, value, label: format(item) };
  });
  const color = metric === 'overdue' ? TIMELINESS_COLORS.overdue : BAR_COLOR;
  const metricName = t(`compare.metric.${metric}`);
  return (
    <ChartCard
      title={t('compare.chartTitle', { metric: metricName })}
      state={state === 'ready' && data.length === 0 ? 'empty' : state}
      errorMessage={errorMessage}
      onRetry={onRetry}
      height={Math.max(160, data.length * 30 + 40)}
      exportName={`${t('compare.fileBase')}-${metric}`}
      table={{
        columns: [t('compare.columns.unit'), metricName],
        rows: ranked.map((item) => [item.name, format(item)] as const),
      }}
    >
      <ChartFrame wide>
        <BarChart
          data={data}
          layout="vertical"
          margin={{ top: 4, right: 64, bottom: 4, left: 4 }}
          barCategoryGap="20%"
          accessibilityLayer={false}
        >
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis
            type="number"
            allowDecimals={false}
            domain={
              metric === 'completionRate' || metric === 'onTimeRate' || metric === 'flagshipProgress'
                ? [0, 100]
                : [0, 'auto']
            }
            tick={{ fontSize: 12 }}
          />
          <YAxis
            type="category"
            dataKey="name"
            width={150}
            tick={{ fontSize: 13 }}
            tickFormatter={(v: string) => (v.length > 22 ? `${v.slice(0, 21)}…` : v)}
          />
          <Bar
            dataKey="value"
            isAnimationActive={false}
            maxBarSize={24}
            onClick={onSelect ? (entry) => onSelect((entry.payload as { item: CompareItem }).item) : undefined}
            style={onSelect ? { cursor: 'pointer' } : undefined}
          >
            {data.map((d) => (
              <Cell key={d.item.code} fill={color} />
            ))}
            <LabelList dataKey="label" position="right" fontSize={12} fill="currentColor" />
          </Bar>
        </BarChart>
      </ChartFrame>
    </ChartCard>
  );
}
