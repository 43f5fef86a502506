import { useTranslation } from 'react-i18next';
import type { Stats } from '../../../api/schemas';
import { ChartCard, type ChartState } from '../../../components/charts/chart-card';
import { StackedBarChart } from '../../../components/charts/stacked-bar-chart';
import { TimelinessLegend } from '../../../components/charts/timeliness-legend';
import { useFormat } from '../../../i18n/format';
import { localityRows, presentClasses } from '../utils/shape';

const MAX_BARS = 12;
const SPANNING = '*';

/** Stacked bars by child unit of the filtered locality (provinces when none). */
export function LocalityChart({
  byLocality,
  state,
  errorMessage,
  onRetry,
}: {
  byLocality: Stats['byLocality'] | null;
  state: ChartState;
  errorMessage?: string;
  onRetry?: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const buckets = (byLocality?.items ?? []).map((b) =>
    b.code === SPANNING ? { ...b, name: t('overview.locality.spanning') } : b,
  );
  const rows = localityRows(buckets, MAX_BARS, t('overview.locality.others'));
  const classes = presentClasses(buckets);
  const title = byLocality?.parent
    ? t('overview.locality.titleChildren', { name: byLocality.parent.name })
    : t('overview.locality.titleProvinces');
  return (
    <ChartCard
      title={title}
      state={state === 'ready' && rows.length === 0 ? 'empty' : state}
      errorMessage={errorMessage}
      onRetry={onRetry}
      height={Math.max(160, rows.length * 40 + 40)}
      table={{
        columns: [t('overview.locality.unit'), t('chart.total'), ...classes.map((k) => t(`timeliness.${k}`))],
        rows: buckets.map(
          (b) => [b.name, f.number(b.total), ...classes.map((k) => f.number(b.byTimeliness[k] ?? 0))] as const,
        ),
      }}
      legend={<TimelinessLegend only={classes} />}
    >
      <StackedBarChart data={rows} classes={classes} format={f.number} />
    </ChartCard>
  );
}
