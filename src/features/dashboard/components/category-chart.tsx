import { useTranslation } from 'react-i18next';
import type { Stats } from '../../../api/schemas';
import { ChartCard, type ChartState } from '../../../components/charts/chart-card';
import { StackedBarChart } from '../../../components/charts/stacked-bar-chart';
import { TimelinessLegend } from '../../../components/charts/timeliness-legend';
import { useFormat } from '../../../i18n/format';
import { categoryRows, presentClasses } from '../utils/shape';

export function CategoryChart({
  byCategory,
  state,
  errorMessage,
  onRetry,
}: {
  byCategory: Stats['byCategory'] | null;
  state: ChartState;
  errorMessage?: string;
  onRetry?: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const items = byCategory ?? [];
  const rows = categoryRows(items, (c) => t(`category.${c}`));
  const classes = presentClasses(items);
  return (
    <ChartCard
      title={t('overview.category.title')}
      state={state === 'ready' && rows.length === 0 ? 'empty' : state}
      errorMessage={errorMessage}
      onRetry={onRetry}
      height={Math.max(160, rows.length * 40 + 40)}
      table={{
        columns: [t('overview.category.field'), t('chart.total'), ...classes.map((k) => t(`timeliness.${k}`))],
        rows: rows.map((r) => [r.label, f.number(r.total), ...classes.map((k) => f.number(r[k]))] as const),
      }}
      legend={<TimelinessLegend only={classes} />}
    >
      <StackedBarChart data={rows} classes={classes} format={f.number} labelWidth={170} />
    </ChartCard>
  );
}
