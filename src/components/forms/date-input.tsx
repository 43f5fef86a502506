import { type InputHTMLAttributes, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../../api/constants';

/** YYYY-MM-DD → 30/06/2022 (the form every date of the app is written in); '' for no date. */
export function formatDmy(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/**
 * A typed date, day first — `30/06/2022`, `30-6-2022`, `30.06.2022` or `30062022` — as YYYY-MM-DD; '' for an empty
 * field; null for anything else (incomplete, or no such day: 31/06, 29/02 of a common year).
 */
export function parseDmy(text: string): string | null {
  const s = text.trim();
  if (s === '') return '';
  const m = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4})$/.exec(s) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  if (!m) return null;
  const iso = `${m[3]}-${(m[2] ?? '').padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')}`;
  if (!isIsoDate(iso)) return null;
  // The schema checks the shape; the calendar decides whether the day exists.
  const day = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== iso ? null : iso;
}

/**
 * What is wrong with a typed date: not read as a day-first date (`format`), no such day on the calendar
 * (`no_such_day`: 31/06, 29/02 of a common year), or outside min..max (`before_min`, `after_max`); null when the text
 * is a valid date in range or empty.
 */
export type DateTextProblem = 'format' | 'no_such_day' | 'before_min' | 'after_max';

export function dateTextProblem(text: string, min?: string, max?: string): DateTextProblem | null {
  const iso = parseDmy(text);
  if (iso === '') return null;
  if (iso === null) {
    // Written as a date, yet the calendar has no such day (the month exists and the day is 1..31).
    const m =
      /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4})$/.exec(text.trim()) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(text.trim());
    const day = Number(m?.[1]);
    const month = Number(m?.[2]);
    return m && day >= 1 && day <= 31 && month >= 1 && month <= 12 ? 'no_such_day' : 'format';
  }
  if (min && iso < min) return 'before_min';
  if (max && iso > max) return 'after_max';
  return null;
}

export interface DateInputProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type' | 'min' | 'max'> {
  /** YYYY-MM-DD, or '' for no date. */
  value: string;
  /** Called with a complete, valid date within min..max as YYYY-MM-DD, or '' when the field is emptied. */
  onChange: (iso: string) => void;
  min?: string;
  max?: string;
  /**
   * Told what is wrong with the typed text whenever that changes (null once it is a valid date in range, or empty),
   * for a form that must refuse to submit while the field holds a date it could not take. With it, the form shows
   * the message (with its other field errors) and the field shows none of its own.
   */
  onTextProblem?: (problem: DateTextProblem | null, text: string) => void;
}

/**
 * A date field written day first (dd/mm/yyyy), like every date the app shows, whatever the browser's language: the
 * browser's own date field follows its interface language (mm/dd/yyyy in an English browser). The calendar button
 * opens the browser's date picker.
 */
export function DateInput({ value, onChange, onTextProblem, min, max, id, className, ...rest }: DateInputProps) {
  const { t } = useTranslation();
  const ownId = useId();
  const inputId = id ?? ownId;
  const errorId = `${inputId}-error`;
  const picker = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(() => formatDmy(value));
  const [checked, setChecked] = useState(false);
  // A value set from elsewhere (a preset, a pasted link, "clear all") replaces what is typed.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    if (parseDmy(text) !== value) setText(formatDmy(value));
  }

  const inRange = (iso: string) => (!min || iso >= min) && (!max || iso <= max);
  const parsed = parseDmy(text);
  const problem = dateTextProblem(text, min, max);
  // A form that reports the problem itself says whether the field is invalid (through aria-invalid).
  const invalid = !onTextProblem && checked && problem !== null;
  const report = useRef(onTextProblem);
  report.current = onTextProblem;
  const reportedText = problem === null ? '' : text.trim();
  useEffect(() => {
    report.current?.(problem, reportedText);
  }, [problem, reportedText]);
  // A field taken off the form (the deadline unticked) holds nothing wrong any more.
  useEffect(() => () => report.current?.(null, ''), []);

  const commit = (next: string) => {
    setText(next);
    const iso = parseDmy(next);
    if (iso !== null && (iso === '' || inRange(iso)) && iso !== value) onChange(iso);
  };

  return (
    <span className={`date-input ${className ?? ''}`}>
      <input
        {...rest}
        id={inputId}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={t('filters.date.placeholder')}
        value={text}
        aria-invalid={invalid ? true : rest['aria-invalid']}
        aria-describedby={[rest['aria-describedby'], invalid ? errorId : null].filter(Boolean).join(' ') || undefined}
        onChange={(e) => {
          setChecked(false);
          commit(e.target.value);
        }}
        onBlur={(e) => {
          setChecked(true);
          if (parsed) setText(formatDmy(parsed));
          rest.onBlur?.(e);
        }}
      />
      <button
        type="button"
        className="date-input-pick"
        aria-label={t('filters.date.pick')}
        title={t('filters.date.pick')}
        onClick={() => {
          try {
            picker.current?.showPicker();
          } catch {
            picker.current?.focus();
          }
        }}
      >
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
          <rect x="3.5" y="5" width="17" height="15.5" rx="2" fill="none" stroke="currentColor" strokeWidth="1.8" />
          <path d="M3.5 10h17M8 3v4M16 3v4" fill="none" stroke="currentColor" strokeWidth="1.8" />
        </svg>
      </button>
      {/* The browser's picker only: never seen, never reached by Tab. */}
      <input
        ref={picker}
        className="date-input-native"
        type="date"
        tabIndex={-1}
        aria-hidden="true"
        value={parsed || value}
        min={min}
        max={max}
        onChange={(e) => {
          setChecked(true);
          commit(formatDmy(e.target.value));
        }}
      />
      {invalid ? (
        <span id={errorId} className="date-input-error" role="alert">
          {t('filters.date.invalid')}
        </span>
      ) : null}
    </span>
  );
}
