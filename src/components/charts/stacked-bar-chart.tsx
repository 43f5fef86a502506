import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Timeliness } from '../../api/schemas';
import { useMediaQuery } from '../ui/use-media-query';
import { ChartTooltip } from './chart-tooltip';
import { TIMELINESS_COLORS, timelinessFill } from './palette';

export interface StackedBarDatum {
  id: string;
  label: string;
  total: number;
}

/** Horizontal bars, one per row, stacked by timeliness class; the total is written at the end of each bar. */
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
  const width = narrow ? Math.min(labelWidth, 100) : labelWidth;
  // Roughly 7 px per character at 13 px; longer names are cut with an ellipsis (the table has them whole).
  const maxChars = Math.floor(width / 7);
  const last = classes[classes.length - 1];
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart
        data={data as T[]}
        layout="vertical"
        margin={{ top: 4, right: 48, bottom: 4, left: 4 }}
        barCategoryGap="22%"
        accessibilityLayer={false}
      >
        <CartesianGrid horizontal={false} strokeDasharray="3 3" />
        <XAxis type="number" allowDecimals={false} tickFormatter={(v: number) => format(v)} />
        <YAxis
          type="category"
          dataKey="label"
          width={width}
          tick={{ fontSize: narrow ? 12 : 13 }}
          tickFormatter={(v: string) => (v.length > maxChars ? `${v.slice(0, maxChars - 1)}…` : v)}
        />
        <Tooltip
          cursor={{ fill: 'rgba(0,0,0,0.05)' }}
          content={(props) => <ChartTooltip {...props} format={format} />}
        />
        {classes.map((k) => (
          <Bar
            key={k}
            dataKey={k}
            name={t(`timeliness.${k}`)}
            stackId="timeliness"
            maxBarSize={34}
            fill={timelinessFill(k)}
            stroke={TIMELINESS_COLORS[k]}
            isAnimationActive={false}
            onClick={onSelect ? (entry) => onSelect(entry.payload as T) : undefined}
            style={onSelect ? { cursor: 'pointer' } : undefined}
          >
            {k === last ? (
              <LabelList
                dataKey="total"
                position="right"
                fontSize={13}
                fill="currentColor"
                formatter={(v) => format(Number(v))}
              />
            ) : null}
          </Bar>
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
