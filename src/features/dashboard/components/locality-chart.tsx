import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stats } from '../../../api/schemas';
import { ChartCard, type ChartState } from '../../../components/charts/chart-card';
import { usePrinting } from '../../../components/charts/print-media';
import { StackedBarChart } from '../../../components/charts/stacked-bar-chart';
import { TimelinessLegend } from '../../../components/charts/timeliness-legend';
import { useFormat } from '../../../i18n/format';
import { localityBars, presentClasses } from '../utils/shape';
import { DrillSelect } from './drill-select';

/** Units drawn before "show all": the largest ones; the others are named in a line and in the table. */
const MAX_BARS = 8;
const SPANNING = '*';

/** Stacked bars by child unit of the filtered locality (provinces when none). */
export function LocalityChart({
  byLocality,
  state,
  errorMessage,
  onRetry,
  onSelect,
}: {
  byLocality: Stats['byLocality'] | null;
  state: ChartState;
  errorMessage?: string;
  onRetry?: () => void;
  /** Drill-down into one unit (a click on its bar, or the select under the chart); gets its code. */
  onSelect?: (code: string) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const buckets = (byLocality?.items ?? []).map((b) =>
    b.code === SPANNING ? { ...b, name: t('overview.locality.spanning') } : b,
  );
  const [all, setAll] = useState(false);
  const { rows, rest } = localityBars(buckets, all ? Number.POSITIVE_INFINITY : MAX_BARS);
  const folded = buckets.filter((b) => b.code !== SPANNING).length > MAX_BARS;
  const classes = presentClasses(buckets);
  // Many units, or paper (the four charts share the first page): thinner bars.
  const printing = usePrinting();
  const title = byLocality?.parent
    ? t('overview.locality.titleChildren', { name: byLocality.parent.name })
    : t('overview.locality.titleProvinces');
  return (
    <ChartCard
      title={title}
      state={state === 'ready' && rows.length === 0 ? 'empty' : state}
      errorMessage={errorMessage}
      onRetry={onRetry}
      height={Math.max(160, rows.length * (rows.length > 6 || printing ? 24 : 40) + 36)}
      table={{
        columns: [t('overview.locality.unit'), t('chart.total'), ...classes.map((k) => t(`timeliness.${k}`))],
        rows: buckets.map(
          (b) => [b.name, f.number(b.total), ...classes.map((k) => f.number(b.byTimeliness[k] ?? 0))] as const,
        ),
      }}
      exportName={title}
      legend={
        <>
          {folded ? (
            <p className="chart-rest">
              {rest.units > 0
                ? t('dashboard.locality.rest', {
                    count: rest.units,
                    units: f.number(rest.units),
                    total: f.number(rest.total),
                  })
                : null}{' '}
              <button type="button" className="link-button" aria-expanded={all} onClick={() => setAll((v) => !v)}>
                {all
                  ? t('dashboard.locality.showTop', { count: MAX_BARS })
                  : t('dashboard.locality.showAll', { count: rows.length + rest.units })}
              </button>
            </p>
          ) : null}
          <TimelinessLegend only={classes} />
          {onSelect ? (
            <DrillSelect
              label={t('filters.drill.locality')}
              options={buckets.filter((b) => b.code !== SPANNING).map((b) => ({ value: b.code, label: b.name }))}
              onSelect={onSelect}
            />
          ) : null}
        </>
      }
    >
      <StackedBarChart
        data={rows}
        classes={classes}
        format={f.number}
        onSelect={onSelect ? (row) => row.id !== SPANNING && row.id !== 'others' && onSelect(row.id) : undefined}
      />
    </ChartCard>
  );
}
