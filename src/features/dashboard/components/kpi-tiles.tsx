import { useTranslation } from 'react-i18next';
import type { TaskStatus, Timeliness } from '../../../api/schemas';
import { TIMELINESS_COLORS } from '../../../components/charts/palette';
import { useFormat } from '../../../i18n/format';
import type { Kpi, KpiKey, StatusCount } from '../utils/shape';

const KPI_TIMELINESS = {
  total: null,
  doneOnTime: 'done_on_time',
  doneLate: 'done_late',
  onTrack: 'on_track',
  dueSoon: 'due_soon',
  overdue: 'overdue',
  noDeadline: 'no_deadline',
  cancelled: 'cancelled',
} as const satisfies Record<KpiKey, Timeliness | null>;

const KEYS: readonly KpiKey[] = [
  'total',
  'doneOnTime',
  'doneLate',
  'onTrack',
  'dueSoon',
  'overdue',
  'noDeadline',
  'cancelled',
];

/**
 * The headline figures: the total, then one tile per timeliness class, so the tiles add up to the total and no task
 * is left out (no deadline and cancelled included). Each tile names its figure in words and its share of all tasks.
 * With `onSelect`, each tile is a toggle button that filters by its class (the total clears that filter).
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
  const label = (key: KpiKey) =>
    key === 'noDeadline' || key === 'cancelled' || key === 'dueSoon'
      ? t(`dashboard.kpi.${key}`)
      : t(`overview.kpi.${key}`);
  return (
    <section aria-label={t('overview.kpi.label')} className="kpi-section">
      <ul className="kpi-grid">
        {KEYS.map((key) => {
          const kpi = items?.find((k) => k.key === key);
          const timeliness = KPI_TIMELINESS[key];
          const color = timeliness ? TIMELINESS_COLORS[timeliness] : 'var(--color-text)';
          const pressed = timeliness
            ? active?.length === 1 && active[0] === timeliness
            : key === 'total' && (!active || active.length === 0);
          const content = (
            <>
              <span className="kpi-label">{label(key)}</span>
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

/**
 * The same tasks by stored status, on one line: paused work has a place of its own (a paused task is also in one
 * timeliness tile). Each count filters by its status.
 */
export function StatusStrip({
  items,
  active,
  onSelect,
}: {
  items: StatusCount[] | null;
  active?: readonly TaskStatus[];
  onSelect?: (status: TaskStatus) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!items) return null;
  return (
    <section className="status-strip" aria-labelledby="status-strip-label">
      <h2 id="status-strip-label" className="status-strip-label" title={t('dashboard.status.hint')}>
        {t('dashboard.status.label')}
      </h2>
      <ul>
        {items.map(({ status, value }) => {
          const pressed = active?.length === 1 && active[0] === status;
          const body = (
            <>
              <span className="status-pill" data-status={status}>
                {t(`status.${status}`)}
              </span>
              <strong className="status-count">{f.number(value)}</strong>
            </>
          );
          return (
            <li key={status} data-status={status}>
              {onSelect ? (
                <button
                  type="button"
                  className="status-button"
                  aria-pressed={pressed}
                  aria-label={t('dashboard.status.filter', { status: t(`status.${status}`), count: f.number(value) })}
                  onClick={() => onSelect(status)}
                >
                  {body}
                </button>
              ) : (
                body
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
