import { TIMELINESS_COLORS, TIMELINESS_PATTERNS } from './palette';

/**
 * Pattern fills for the urgent classes (hatched overdue, dotted due soon), defined once per page in a hidden
 * <svg> so every chart can reference them by url(#id) without duplicating ids.
 */
export function ChartPatterns() {
  return (
    <svg width="0" height="0" aria-hidden="true" focusable="false" style={{ position: 'absolute' }}>
      <defs>
        <pattern
          id={TIMELINESS_PATTERNS.overdue}
          width="7"
          height="7"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="7" height="7" fill={TIMELINESS_COLORS.overdue} />
          <line x1="0" y1="0" x2="0" y2="7" stroke="#8a3300" strokeWidth="2.5" />
        </pattern>
        <pattern id={TIMELINESS_PATTERNS.due_soon} width="7" height="7" patternUnits="userSpaceOnUse">
          <rect width="7" height="7" fill={TIMELINESS_COLORS.due_soon} />
          <circle cx="3.5" cy="3.5" r="1.4" fill="#6b4500" />
        </pattern>
      </defs>
    </svg>
  );
}
