import { useTranslation } from 'react-i18next';
import type { Timeliness } from '../../../api/schemas';
import { TIMELINESS_COLORS } from '../../../components/charts/palette';
import { useFormat } from '../../../i18n/format';
import type { Kpi } from '../utils/shape';

const KPI_TIMELINESS = {
  total: null,
  doneOnTime: 'done_on_time',
  doneLate: 'done_late',
  onTrack: 'on_track',
  overdue: 'overdue',
  dueSoon: 'due_soon',
} as const satisfies Record<string, Timeliness | null>;

/**
 * The six headline figures; each tile names its figure in words and its share of all tasks. With `onSelect`, each
 * tile is a toggle button that filters by its timeliness class (the total clears that filter).
 */
export function KpiTiles({
  items,
  loading,
  active,
  onSelect,
}: {
  items: Kpi[] | null;
  loading: boolean;
  /** The timeliness filter in force (the tile that matches it shows as pressed). */
  active?: readonly Timeliness[];
  onSelect?: (timeliness: Timeliness | null) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const keys = ['total', 'doneOnTime', 'doneLate', 'onTrack', 'overdue', 'dueSoon'] as const;
  return (
    <section aria-label={t('overview.kpi.label')}>
      <ul className="kpi-grid">
        {keys.map((key) => {
          const kpi = items?.find((k) => k.key === key);
          const color = kpi?.timeliness ? TIMELINESS_COLORS[kpi.timeliness] : 'var(--color-text)';
          const timeliness = KPI_TIMELINESS[key];
          const pressed = timeliness
            ? active?.length === 1 && active[0] === timeliness
            : !active || active.length === 0;
          const content = (
            <>
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
            </>
          );
          return (
            <li key={key} className="kpi-tile" style={{ borderTopColor: color }} data-kpi={key}>
              {onSelect ? (
                <button
                  type="button"
                  className="kpi-button"
                  aria-pressed={pressed}
                  onClick={() => onSelect(pressed && timeliness ? null : timeliness)}
                >
                  {content}
                </button>
              ) : (
                content
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
