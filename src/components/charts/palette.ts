import type { Timeliness } from '../../api/schemas';

/**
 * Status colours, defined once. Okabe–Ito hues (safe for the common colour-vision deficiencies), ordered so the
 * "bad" end is warm and the "done" end cool; every chart also labels values and carries a text table, and
 * overdue / due-soon fills carry a pattern, so colour is never the only carrier of meaning.
 */
export const TIMELINESS_COLORS = {
  done_on_time: '#009E73',
  done_late: '#56B4E9',
  on_track: '#0072B2',
  due_soon: '#E69F00',
  overdue: '#D55E00',
  no_deadline: '#8C8C8C',
  cancelled: '#C8C8C8',
} as const satisfies Record<Timeliness, string>;

/** Order in stacks and legends: done first, then open by urgency, then the rest. */
export const TIMELINESS_ORDER = [
  'done_on_time',
  'done_late',
  'on_track',
  'due_soon',
  'overdue',
  'no_deadline',
  'cancelled',
] as const satisfies readonly Timeliness[];

/** SVG pattern ids (see <ChartPatterns/>) used on top of the colour for the two urgent classes. */
export const TIMELINESS_PATTERNS: Partial<Record<Timeliness, string>> = {
  overdue: 'pattern-overdue',
  due_soon: 'pattern-due-soon',
};

export function timelinessFill(t: Timeliness): string {
  const pattern = TIMELINESS_PATTERNS[t];
  return pattern ? `url(#${pattern})` : TIMELINESS_COLORS[t];
}

export const SERIES_COLORS = { assigned: '#0072B2', completed: '#009E73' } as const;
