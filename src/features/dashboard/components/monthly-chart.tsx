import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { Stats } from '../../../api/schemas';
import { ChartCard, type ChartState } from '../../../components/charts/chart-card';
import { ChartFrame } from '../../../components/charts/chart-frame';
import { ChartTooltip } from '../../../components/charts/chart-tooltip';
import { SERIES_COLORS } from '../../../components/charts/palette';
import { useFormat } from '../../../i18n/format';
import { periodRows } from '../utils/shape';

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

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
  return (
    <ChartCard
      title={granularity === 'month' ? t('overview.monthly.title') : t('overview.monthly.titleQuarter')}
      state={state === 'ready' && data.length === 0 ? 'empty' : state}
      errorMessage={errorMessage}
      onRetry={onRetry}
      height={250}
      exportName={t('overview.monthly.title')}
      legend={
        // In the order of the bars (Recharts' own legend sorts by name, which reverses them in Vietnamese).
        <ul className="legend">
          {(['assigned', 'completed'] as const).map((k) => (
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
      <ChartFrame>
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 4, left: 0 }} accessibilityLayer={false} barGap={1}>
          <CartesianGrid vertical={false} strokeDasharray="3 3" />
          <XAxis dataKey="period" tickFormatter={label} minTickGap={24} tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} width={44} tickFormatter={(v: number) => f.number(v)} tick={{ fontSize: 12 }} />
          <Tooltip
            cursor={{ fill: 'rgba(0,0,0,0.05)' }}
            content={(props) => <ChartTooltip {...props} format={f.number} title={label} />}
          />
          <Bar
            dataKey="assigned"
            name={t('overview.monthly.assigned')}
            fill={SERIES_COLORS.assigned}
            isAnimationActive={false}
          />
          <Bar
            dataKey="completed"
            name={t('overview.monthly.completed')}
            fill={SERIES_COLORS.completed}
            isAnimationActive={false}
          />
        </BarChart>
      </ChartFrame>
    </ChartCard>
  );
}
