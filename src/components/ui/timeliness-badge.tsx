import { useTranslation } from 'react-i18next';
import type { Timeliness } from '../../api/schemas';
import { TIMELINESS_COLORS, TIMELINESS_PATTERNS } from '../charts/palette';

/** The swatch of a timeliness class: its colour, and its pattern for the urgent ones (as in the charts' legends). */
export function TimelinessSwatch({ value, size = 12 }: { value: Timeliness; size?: number }) {
  const pattern = TIMELINESS_PATTERNS[value];
  return (
    <svg className="timeliness-swatch" width={size} height={size} aria-hidden="true" focusable="false">
      <rect width={size} height={size} rx={2} fill={pattern ? `url(#${pattern})` : TIMELINESS_COLORS[value]} />
    </svg>
  );
}

/** A task's timeliness in words with its colour beside it (colour is never the only carrier of meaning). */
export function TimelinessBadge({ value }: { value: Timeliness }) {
  const { t } = useTranslation();
  return (
    <span className="timeliness-badge" data-timeliness={value} style={{ borderColor: TIMELINESS_COLORS[value] }}>
      <TimelinessSwatch value={value} />
      {t(`timeliness.${value}`)}
    </span>
  );
}
