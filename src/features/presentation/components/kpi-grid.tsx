import { useTranslation } from 'react-i18next';
import { TIMELINESS_COLORS } from '../../../components/charts/palette';
import { useFormat } from '../../../i18n/format';
import type { Kpi } from '../utils/shape';

/** The six headline figures as large tiles; `compact` is the strip used on a locality's slide. */
export function KpiGrid({ items, compact = false }: { items: Kpi[]; compact?: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <ul className={compact ? 'p-kpis p-kpis-compact' : 'p-kpis'}>
      {items.map((kpi) => (
        <li
          key={kpi.key}
          className="p-kpi"
          data-kpi={kpi.key}
          style={{ borderTopColor: kpi.timeliness ? TIMELINESS_COLORS[kpi.timeliness] : 'var(--p-text)' }}
        >
          <span className="p-kpi-label">{t(`present.kpi.${kpi.key}`)}</span>
          <span className="p-kpi-value">{f.number(kpi.value)}</span>
          {kpi.share !== null ? (
            <span className="p-kpi-share">{t('present.kpi.share', { percent: f.percent(kpi.share) })}</span>
          ) : (
            <span className="p-kpi-share" aria-hidden="true">
              &nbsp;
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
