import type { TFunction } from 'i18next';
import type { TaskFilters } from '../../api/schemas';
import { LIST_FILTERS } from './filter-utils';
import { deadlineLabel } from './period-picker';

/**
 * The active filters in words, one line per filter ("Tình trạng" → "Đang thực hiện quá hạn, Sắp đến hạn"): written
 * into exported files and into the empty-result message. `localityName` turns a unit code into its path.
 */
export function describeFilters(
  filters: TaskFilters,
  t: TFunction,
  date: (iso: string) => string,
  localityName: (code: string) => string,
): Array<[string, string]> {
  const lines: Array<[string, string]> = [];
  if (filters.q?.trim()) lines.push([t('filters.field.q'), t('filters.chips.quoted', { text: filters.q.trim() })]);
  for (const key of LIST_FILTERS) {
    const values = filters[key];
    if (!values?.length) continue;
    const label = (v: string) => {
      if (key === 'status') return t(`status.${v as 'done'}`);
      if (key === 'timeliness') return t(`timeliness.${v as 'overdue'}`);
      if (key === 'category') return t(`category.${v as 'economy'}`);
      if (key === 'locality') return localityName(v);
      return v;
    };
    lines.push([t(`filters.field.${key}`), values.map(label).join('; ')]);
  }
  if (filters.flagship !== undefined) {
    lines.push([
      t('filters.field.flagship'),
      filters.flagship ? t('filters.chips.flagshipYes') : t('filters.chips.flagshipNo'),
    ]);
  }
  const deadline = deadlineLabel(filters.deadlineFrom, filters.deadlineTo, t, date);
  if (deadline) lines.push([t('filters.field.deadline'), deadline]);
  return lines;
}
