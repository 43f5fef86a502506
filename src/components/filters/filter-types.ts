import type { TaskFilters } from '../../api/schemas';

/** A value taken out of a shared link or of the filters, and why: named in the notice the user sees. */
export interface DroppedParam {
  /** The URL parameter, e.g. `status` or `locality`. */
  key: string;
  value: string;
  /** malformed: not a valid value; repeated: a single-valued parameter given twice; range: ends before it starts; stale: a unit code that names no administrative unit. */
  reason: 'malformed' | 'repeated' | 'range' | 'stale';
}

/** Everything a screen hands its filter bar: the value, the way to change it, and the notices to show. */
export interface FilterBarProps {
  value: TaskFilters;
  onChange: (next: TaskFilters) => void;
  /** Values dropped from the link (or found stale); shown in a dismissible notice. */
  notices?: readonly DroppedParam[];
  onDismissNotices?: () => void;
  /** Called when the bar finds a value the API does not know (a stale locality code) and removes it. */
  onDropped?: (dropped: DroppedParam[]) => void;
}
