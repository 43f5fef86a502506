import { useTranslation } from 'react-i18next';
import type { Category, Stats } from '../../../api/schemas';
import { ChartCard, type ChartState } from '../../../components/charts/chart-card';
import { usePrinting } from '../../../components/charts/print-media';
import { StackedBarChart } from '../../../components/charts/stacked-bar-chart';
import { TimelinessLegend } from '../../../components/charts/timeliness-legend';
import { useFormat } from '../../../i18n/format';
import { categoryRows, presentClasses } from '../utils/shape';
import { DrillSelect } from './drill-select';

export function CategoryChart({
  byCategory,
  state,
  errorMessage,
  onRetry,
  onSelect,
}: {
  byCategory: Stats['byCategory'] | null;
  state: ChartState;
  errorMessage?: string;
  onRetry?: () => void;
  /** Drill-down: a click on a field's bar (or the select under the chart) filters by that field. */
  onSelect?: (category: Category) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const items = byCategory ?? [];
  const rows = categoryRows(items, (c) => t(`category.${c}`));
  const classes = presentClasses(items);
  // On paper the four charts share the first page: thinner bars.
  const printing = usePrinting();
  return (
    <ChartCard
      title={t('overview.category.title')}
      state={state === 'ready' && rows.length === 0 ? 'empty' : state}
      errorMessage={errorMessage}
      onRetry={onRetry}
      height={Math.max(160, rows.length * (printing ? 26 : 40) + 40)}
      table={{
        columns: [t('overview.category.field'), t('chart.total'), ...classes.map((k) => t(`timeliness.${k}`))],
        rows: rows.map((r) => [r.label, f.number(r.total), ...classes.map((k) => f.number(r[k]))] as const),
      }}
      exportName={t('overview.category.title')}
      legend={
        <>
          <TimelinessLegend only={classes} />
          {onSelect ? (
            <DrillSelect
              label={t('filters.drill.category')}
              options={rows.map((r) => ({ value: r.id, label: r.label }))}
              onSelect={(v) => onSelect(v as Category)}
            />
          ) : null}
        </>
      }
    >
      <StackedBarChart
        data={rows}
        classes={classes}
        format={f.number}
        labelWidth={170}
        onSelect={onSelect ? (row) => onSelect(row.id as Category) : undefined}
      />
    </ChartCard>
  );
}
