import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The keyboard way to drill down from a chart (clicking a slice or a bar does the same): a select under the chart,
 * applied on choice. The chart itself is hidden from assistive technology; this is not.
 */
export function DrillSelect({
  label,
  options,
  onSelect,
}: {
  label: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  onSelect: (value: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  if (options.length === 0) return null;
  return (
    <div className="drill-select">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value=""
        onChange={(e) => {
          if (e.target.value) onSelect(e.target.value);
        }}
      >
        <option value="">{t('filters.drill.choose')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
