import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput, type DateTextProblem } from '../../../components/forms/date-input';
import { writtenDate } from '../utils/form-values';

/** The values of "change the deadline", as both the update form and the bulk-update form keep them. */
export interface DeadlineValues {
  changeDeadline: boolean;
  deadlineDate: string;
  deadlineText: string;
  deadlineReason: string;
}

/** One change of a value: its name and new value. */
export type DeadlineChange = { [K in keyof DeadlineValues]: [key: K, value: DeadlineValues[K]] }[keyof DeadlineValues];

/** The fields of the fieldset, named as the API names them in its field errors. */
export type DeadlineField = 'deadline.date' | 'deadline.text' | 'deadlineReason';

export type ControlProps = { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string };

/** How the form lays out one of its fields (label, control, hint, error), given the field's name. */
export type FieldRenderer = (
  name: DeadlineField,
  label: ReactNode,
  control: (props: ControlProps) => ReactNode,
  hint?: ReactNode,
) => ReactNode;

/**
 * "Change the deadline": a checkbox, then the new date, how it is written (a date by default) and the reason for
 * the change. The form owns the values and lays out each field (`field`), so its errors show as on its other fields.
 */
export function DeadlineFieldset({
  label,
  current,
  min,
  values,
  onChange,
  field,
  onDateTextProblem,
}: {
  /** The checkbox's label, also the fieldset's name. */
  label: string;
  /** What the deadline is now (shown after the label), if there is one. */
  current?: ReactNode;
  /** The earliest date allowed (YYYY-MM-DD). */
  min?: string;
  values: DeadlineValues;
  onChange: (...change: DeadlineChange) => void;
  field: FieldRenderer;
  /** What is wrong with the typed deadline date, whenever that changes (see DateInput). */
  onDateTextProblem?: (problem: DateTextProblem | null, text: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="deadline-fieldset">
      <legend className="visually-hidden">{label}</legend>
      <label className="checkbox-label">
        <input
          type="checkbox"
          checked={values.changeDeadline}
          onChange={(e) => onChange('changeDeadline', e.target.checked)}
        />
        {label}
        {current ? <span className="deadline-text"> ({current})</span> : null}
      </label>
      {values.changeDeadline ? (
        <div className="form-grid">
          {field('deadline.date', t('task.form.newDeadline'), (p) => (
            <DateInput
              {...p}
              min={min}
              value={values.deadlineDate}
              onChange={(iso) => onChange('deadlineDate', iso)}
              onTextProblem={onDateTextProblem}
            />
          ))}
          {field(
            'deadline.text',
            t('task.form.deadlineText'),
            (p) => (
              <input
                {...p}
                type="text"
                maxLength={100}
                placeholder={values.deadlineDate ? writtenDate(values.deadlineDate) : ''}
                value={values.deadlineText}
                onChange={(e) => onChange('deadlineText', e.target.value)}
              />
            ),
            t('task.form.deadlineTextHint'),
          )}
          {field(
            'deadlineReason',
            <>
              {t('task.form.deadlineReason')}
              <span className="required-mark"> ({t('task.form.required')})</span>
            </>,
            (p) => (
              <input
                {...p}
                type="text"
                maxLength={500}
                value={values.deadlineReason}
                onChange={(e) => onChange('deadlineReason', e.target.value)}
              />
            ),
          )}
        </div>
      ) : null}
    </fieldset>
  );
}
