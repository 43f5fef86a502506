import { useTranslation } from 'react-i18next';
import type { TaskFilters } from '../../api/schemas';
import { useFormat } from '../../i18n/format';
import { clearFilters, countActive, LIST_FILTERS, type ListFilter, removeValue } from './filter-utils';
import { deadlineLabel } from './period-picker';
import { type ChosenLocality, pathLabel } from './use-chosen-localities';

interface Chip {
  id: string;
  label: string;
  remove: () => TaskFilters;
}

/** One removable chip per active filter value, and a clear-all. */
export function FilterChips({
  value,
  onChange,
  chosen,
}: {
  value: TaskFilters;
  onChange: (next: TaskFilters) => void;
  chosen: readonly ChosenLocality[];
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const chips: Chip[] = [];
  if (value.q?.trim()) {
    chips.push({
      id: 'q',
      label: `${t('filters.field.q')}: ${t('filters.chips.quoted', { text: value.q.trim() })}`,
      remove: () => ({ ...value, q: undefined }),
    });
  }
  const valueLabel = (key: ListFilter, v: string): string => {
    switch (key) {
      case 'status':
        return t(`status.${v as 'done'}`);
      case 'timeliness':
        return t(`timeliness.${v as 'overdue'}`);
      case 'category':
        return t(`category.${v as 'economy'}`);
      case 'locality': {
        const c = chosen.find((x) => x.code === v);
        return c ? pathLabel(c.path) : v;
      }
      default:
        return v;
    }
  };
  for (const key of LIST_FILTERS) {
    for (const v of value[key] ?? []) {
      chips.push({
        id: `${key}=${v}`,
        label: `${t(`filters.field.${key}`)}: ${valueLabel(key, v)}`,
        remove: () => removeValue(value, key, v),
      });
    }
  }
  if (value.flagship !== undefined) {
    chips.push({
      id: 'flagship',
      label: value.flagship ? t('filters.chips.flagshipYes') : t('filters.chips.flagshipNo'),
      remove: () => ({ ...value, flagship: undefined }),
    });
  }
  const deadline = deadlineLabel(value.deadlineFrom, value.deadlineTo, t, f.date);
  if (deadline) {
    chips.push({
      id: 'deadline',
      label: `${t('filters.field.deadline')}: ${deadline}`,
      remove: () => ({ ...value, deadlineFrom: undefined, deadlineTo: undefined }),
    });
  }

  if (countActive(value) === 0) return <p className="filter-chips-none">{t('filters.chips.none')}</p>;
  return (
    <div className="filter-chips">
      <ul aria-label={t('filters.chips.label')}>
        {chips.map((chip) => (
          <li key={chip.id}>
            <button
              type="button"
              className="chip"
              aria-label={t('filters.chips.remove', { label: chip.label })}
              onClick={() => onChange(chip.remove())}
            >
              <span>{chip.label}</span>
              <span className="chip-x" aria-hidden="true">
                ×
              </span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="link-button" onClick={() => onChange(clearFilters(value))}>
        {t('filters.chips.clearAll')}
      </button>
    </div>
  );
}
