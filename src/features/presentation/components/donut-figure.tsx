import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Timeliness, TimelinessCounts } from '../../../api/schemas';
import { TIMELINESS_COLORS } from '../../../components/charts/palette';
import { useFormat } from '../../../i18n/format';
import { donutSlices, ringPath } from '../utils/shape';

const SIZE = 200;
const C = SIZE / 2;
const OUTER = 96;
const INNER = 60;

/** Classes drawn with a pattern on top of their colour, so colour never carries the meaning alone. */
const PATTERNED: Partial<Record<Timeliness, 'hatch' | 'dots'>> = { overdue: 'hatch', due_soon: 'dots' };

function Patterns({ prefix }: { prefix: string }) {
  return (
    <defs>
      <pattern
        id={`${prefix}-overdue`}
        width="4"
        height="4"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(45)"
      >
        <rect width="4" height="4" fill={TIMELINESS_COLORS.overdue} />
        <line x1="0" y1="0" x2="0" y2="4" stroke="#7a2e00" strokeWidth="1.5" />
      </pattern>
      <pattern id={`${prefix}-due_soon`} width="4" height="4" patternUnits="userSpaceOnUse">
        <rect width="4" height="4" fill={TIMELINESS_COLORS.due_soon} />
        <circle cx="2" cy="2" r="0.8" fill="#5c3b00" />
      </pattern>
    </defs>
  );
}

/** The total's type size in the ring's hole: 40 units, smaller for long numbers ("100.000") so it stays inside. */
export function centreFontSize(label: string): number {
  const em = [...label].reduce((w, ch) => w + (/\d/.test(ch) ? 0.57 : 0.3), 0);
  return Math.min(40, 100 / Math.max(em, 0.1));
}

function fillOf(prefix: string, key: Timeliness): string {
  return PATTERNED[key] ? `url(#${prefix}-${key})` : TIMELINESS_COLORS[key];
}

/** A legend swatch that repeats the slice's pattern (CSS, so it scales with the type). */
export function Swatch({ timeliness }: { timeliness: Timeliness }) {
  return (
    <span
      className={`p-swatch p-swatch-${PATTERNED[timeliness] ?? 'plain'}`}
      style={{ backgroundColor: TIMELINESS_COLORS[timeliness] }}
      aria-hidden="true"
    />
  );
}

/**
 * The timeliness donut for a room: the total in the middle, and every value written in the legend beside it
 * (count and share), so nothing needs a hover. The ring itself is decoration for sighted readers (aria-hidden);
 * the legend is the text.
 */
export function DonutFigure({
  counts,
  total,
  compact = false,
}: {
  counts: TimelinessCounts;
  total: number;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const prefix = `p-donut-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const slices = donutSlices(counts);
  if (slices.length === 0) {
    return <p className="p-empty">{t('present.donut.empty')}</p>;
  }
  return (
    <div className={compact ? 'p-donut p-donut-compact' : 'p-donut'}>
      <svg className="p-donut-ring" viewBox={`0 0 ${SIZE} ${SIZE}`} aria-hidden="true" focusable="false">
        <Patterns prefix={prefix} />
        {slices.map((s) => (
          <path
            key={s.key}
            d={ringPath(C, C, INNER, OUTER, s.startAngle, s.endAngle)}
            fill={fillOf(prefix, s.key)}
            style={{ stroke: 'var(--p-bg)', strokeWidth: slices.length > 1 ? 1.2 : 0 }}
          />
        ))}
        <text
          x={C}
          y={C - 4}
          textAnchor="middle"
          className="p-donut-total"
          style={{ fontSize: centreFontSize(f.number(total)) }}
        >
          {f.number(total)}
        </text>
        <text x={C} y={C + 22} textAnchor="middle" className="p-donut-centre">
          {t('present.donut.centre')}
        </text>
      </svg>
      <ul className="p-legend">
        {slices.map((s) => (
          <li key={s.key} className="p-legend-item" data-timeliness={s.key}>
            <Swatch timeliness={s.key} />
            <span className="p-legend-label">{t(`timeliness.${s.key}`)}</span>
            <strong className="p-legend-count">{f.number(s.value)}</strong>
            <span className="p-legend-share">{f.percent(s.share)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
