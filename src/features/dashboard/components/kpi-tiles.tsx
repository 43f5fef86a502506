import { useTranslation } from 'react-i18next';
import { TIMELINESS_COLORS } from '../../../components/charts/palette';
import { useFormat } from '../../../i18n/format';
import type { Kpi } from '../utils/shape';

/** The six headline figures; each tile names its figure in words and its share of all tasks. */
export function KpiTiles({ items, loading }: { items: Kpi[] | null; loading: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const keys = ['total', 'doneOnTime', 'doneLate', 'onTrack', 'overdue', 'dueSoon'] as const;
  return (
    <section aria-label={t('overview.kpi.label')}>
      <ul className="kpi-grid">
        {keys.map((key) => {
          const kpi = items?.find((k) => k.key === key);
          const color = kpi?.timeliness ? TIMELINESS_COLORS[kpi.timeliness] : 'var(--color-text)';
          return (
            <li key={key} className="kpi-tile" style={{ borderTopColor: color }} data-kpi={key}>
              <span className="kpi-label">{t(`overview.kpi.${key}`)}</span>
              <span className="kpi-value" aria-busy={loading && !kpi}>
                {kpi ? f.number(kpi.value) : '–'}
              </span>
              {kpi?.share != null ? (
                <span className="kpi-share">{t('overview.kpi.share', { percent: f.percent(kpi.share) })}</span>
              ) : (
                <span className="kpi-share" aria-hidden="true">
                  &nbsp;
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
