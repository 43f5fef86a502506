import { useTranslation } from 'react-i18next';
import type { Timeliness } from '../../api/schemas';
import { TIMELINESS_COLORS, TIMELINESS_ORDER, TIMELINESS_PATTERNS } from './palette';

/** A legend of timeliness classes with swatches that repeat the chart's pattern, optionally with counts. */
export function TimelinessLegend({
  counts,
  only,
  format,
}: {
  counts?: Partial<Record<Timeliness, number>>;
  /** Show only these classes (e.g. those present in the data). */
  only?: readonly Timeliness[];
  format?: (n: number) => string;
}) {
  const { t } = useTranslation();
  const items = TIMELINESS_ORDER.filter((k) => !only || only.includes(k));
  return (
    <ul className="legend">
      {items.map((k) => (
        <li key={k} className="legend-item">
          <svg className="legend-swatch" width="14" height="14" aria-hidden="true" focusable="false">
            <rect
              width="14"
              height="14"
              rx="3"
              fill={TIMELINESS_PATTERNS[k] ? `url(#${TIMELINESS_PATTERNS[k]})` : TIMELINESS_COLORS[k]}
            />
          </svg>
          <span>{t(`timeliness.${k}`)}</span>
          {counts && counts[k] !== undefined ? (
            <strong className="legend-count">{format ? format(counts[k] ?? 0) : counts[k]}</strong>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
