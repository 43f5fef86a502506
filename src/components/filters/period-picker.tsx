import type { TFunction } from 'i18next';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskFilters } from '../../api/schemas';
import { todayInVietnam } from '../../domain/dates';
import {
  matchPeriod,
  type Period,
  parsePeriodId,
  periodId,
  periodPresets,
  QUARTER_NUMERALS,
} from '../../domain/periods';
import { DateInput } from '../forms/date-input';

const CUSTOM = 'custom';

/** "quý II/2022", "tháng 11/2026", "năm 2022" (and their English forms). */
export function periodLabel(p: Period, t: TFunction): string {
  if (p.kind === 'month') return t('filters.deadline.month', { month: String(p.index).padStart(2, '0'), year: p.year });
  if (p.kind === 'quarter') {
    return t('filters.deadline.quarter', { roman: QUARTER_NUMERALS[p.index - 1], quarter: p.index, year: p.year });
  }
  return t('filters.deadline.year', { year: p.year });
}

/** The deadline filter in words: a period's name when the range is exactly one, else its dates. */
export function deadlineLabel(
  from: string | undefined,
  to: string | undefined,
  t: TFunction,
  date: (iso: string) => string,
): string | null {
  if (!from && !to) return null;
  const period = matchPeriod(from, to);
  if (period) return periodLabel(period, t);
  if (from && to) return t('filters.deadline.range', { from: date(from), to: date(to) });
  if (from) return t('filters.deadline.fromOnly', { from: date(from) });
  return t('filters.deadline.toOnly', { to: date(to ?? '') });
}

/** Deadline period: presets (this month, quarters like quý II/2022, years) or a custom range of dates. */
export function PeriodPicker({ value, onChange }: { value: TaskFilters; onChange: (next: TaskFilters) => void }) {
  const { t } = useTranslation();
  const selectId = useId();
  const fromId = useId();
  const toId = useId();
  const presets = useMemo(() => periodPresets(todayInVietnam()), []);
  const [customOpen, setCustomOpen] = useState(false);
  const matched = matchPeriod(value.deadlineFrom, value.deadlineTo);
  const hasRange = Boolean(value.deadlineFrom || value.deadlineTo);
  const listed = matched
    ? [presets.thisMonth, ...presets.quarters, ...presets.years].some((p) => periodId(p) === periodId(matched))
    : false;
  const selected = matched && listed ? periodId(matched) : hasRange || customOpen ? CUSTOM : '';
  const showDates = selected === CUSTOM;

  const setRange = (from: string | undefined, to: string | undefined) =>
    onChange({ ...value, deadlineFrom: from || undefined, deadlineTo: to || undefined });

  return (
    <div className="period-picker">
      <div className="period-preset">
        <label htmlFor={selectId}>{t('filters.deadline.label')}</label>
        <select
          id={selectId}
          value={selected}
          onChange={(e) => {
            const id = e.target.value;
            if (id === CUSTOM) {
              setCustomOpen(true);
              return;
            }
            setCustomOpen(false);
            const p = parsePeriodId(id);
            setRange(p?.from, p?.to);
          }}
        >
          <option value="">{t('filters.deadline.any')}</option>
          <option value={periodId(presets.thisMonth)}>
            {t('filters.deadline.thisMonth', { label: periodLabel(presets.thisMonth, t) })}
          </option>
          <option value={periodId(presets.thisQuarter)}>
            {t('filters.deadline.thisQuarter', { label: periodLabel(presets.thisQuarter, t) })}
          </option>
          <option value={periodId(presets.thisYear)}>
            {t('filters.deadline.thisYear', { label: periodLabel(presets.thisYear, t) })}
          </option>
          <optgroup label={t('filters.deadline.quarters')}>
            {presets.quarters
              .filter((p) => periodId(p) !== periodId(presets.thisQuarter))
              .map((p) => (
                <option key={periodId(p)} value={periodId(p)}>
                  {periodLabel(p, t)}
                </option>
              ))}
          </optgroup>
          <optgroup label={t('filters.deadline.years')}>
            {presets.years
              .filter((p) => periodId(p) !== periodId(presets.thisYear))
              .map((p) => (
                <option key={periodId(p)} value={periodId(p)}>
                  {periodLabel(p, t)}
                </option>
              ))}
          </optgroup>
          <option value={CUSTOM}>{t('filters.deadline.custom')}</option>
        </select>
      </div>
      {showDates ? (
        <div className="period-dates">
          <div>
            <label htmlFor={fromId}>{t('filters.deadline.from')}</label>
            <DateInput
              id={fromId}
              value={value.deadlineFrom ?? ''}
              max={value.deadlineTo}
              onChange={(iso) => setRange(iso, value.deadlineTo)}
            />
          </div>
          <div>
            <label htmlFor={toId}>{t('filters.deadline.to')}</label>
            <DateInput
              id={toId}
              value={value.deadlineTo ?? ''}
              min={value.deadlineFrom}
              onChange={(iso) => setRange(value.deadlineFrom, iso)}
            />
          </div>
        </div>
      ) : null}
    </div>
  );
}
