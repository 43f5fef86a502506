import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TASK_STATUSES, type Task } from '../../../api/schemas';
import type { FieldError } from '../../../api/task-update-schemas';
import { taskUpdatesQueries, useSaveTaskChange } from '../../../api/task-updates';
import { tasksQueries } from '../../../api/tasks';
import { errorText } from '../../../components/ui/error-text';
import { datePart } from '../../../domain/dates';
import { useFormat } from '../../../i18n/format';
import { deadlineLabel } from '../utils/describe-change';
import { type FormField, fieldErrorMessage, formFieldOf, isConflict, serverFieldErrors } from '../utils/form-errors';
import {
  type FormValues,
  initialValues,
  noteNeed,
  rememberAuthor,
  storedAuthor,
  validate,
  writtenDate,
} from '../utils/form-values';
import { ConflictPanel, type ConflictState } from './conflict-panel';

/**
 * Records a progress update: status, progress, date, note, who, and optionally a new deadline with a reason.
 * Validated with the API's own schema before sending; the API's field errors show inline in the same words.
 * A failed save keeps what was typed and offers a retry; a stale save shows what changed and lets the person
 * re-apply their update on the new version.
 */
export function UpdateForm({ task, today }: { task: Task; today: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const client = useQueryClient();
  const save = useSaveTaskChange(today);
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<FormValues>(() => initialValues(task, today, storedAuthor()));
  /** The version of the task the update is written against (sent as If-Match). */
  const [base, setBase] = useState<Task>(task);
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [conflict, setConflict] = useState<ConflictState | null>(null);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);

  // An untouched form follows the task as it changes; a form being filled stays on the version it started from.
  useEffect(() => {
    if (dirty || save.isPending || conflict || task.version === base.version) return;
    setBase(task);
    setValues((v) => initialValues(task, today, v.author));
  }, [task, dirty, save.isPending, conflict, base.version, today]);

  const inputId = (field: FormField) => `${id}-${field.replace('.', '-')}`;
  const errorOf = (field: FormField) => errors.find((e) => formFieldOf(e.name) === field);
  const messageContext = {
    min: f.date(datePart(base.createdAt)),
    max: f.date(today),
    deadline: base.deadline
      ? f.date(values.changeDeadline && values.deadlineDate ? values.deadlineDate : base.deadline.date)
      : '',
  };
  const message = (e: FieldError) => fieldErrorMessage(e, t, messageContext);
  const rootErrors = errors.filter((e) => formFieldOf(e.name) === null);

  const focusFirst = (list: FieldError[]) => {
    const first = list.map((e) => formFieldOf(e.name)).find((x): x is FormField => x !== null);
    // After React has shown the messages.
    requestAnimationFrame(() => {
      const el = first ? document.getElementById(inputId(first)) : null;
      (el ?? formRef.current?.querySelector<HTMLElement>('.form-errors'))?.focus();
    });
  };

  const change = <K extends keyof FormValues>(key: K, value: FormValues[K]) => {
    setValues((v) => {
      const next = { ...v, [key]: value };
      // Done is 100%: choosing it fills the progress in (the person can still see and change it).
      if (key === 'status' && value === 'done') next.progress = '100';
      return next;
    });
    setDirty(true);
    setSavedVersion(null);
    setErrors((list) =>
      list.filter((e) => formFieldOf(e.name) !== key && !(key === 'changeDeadline' && e.name.startsWith('deadline'))),
    );
  };

  const send = (against: Task) => {
    setFailure(null);
    setSavedVersion(null);
    const result = validate(values, against, today);
    if (!result.ok) {
      setErrors(result.errors);
      focusFirst(result.errors);
      return;
    }
    setErrors([]);
    rememberAuthor(values.author);
    save.mutate(
      { kind: 'update', taskId: task.id, baseVersion: against.version, body: result.body },
      {
        onSuccess: (r) => {
          setConflict(null);
          setDirty(false);
          setBase(r.task);
          setValues((v) => initialValues(r.task, today, v.author));
          setSavedVersion(r.task.version);
        },
        onError: (error) => {
          const fields = serverFieldErrors(error);
          if (fields) {
            setErrors(fields);
            focusFirst(fields);
          } else if (isConflict(error)) {
            void loadConflict(against);
          } else {
            setFailure(error);
          }
        },
      },
    );
  };

  const loadConflict = async (old: Task) => {
    setConflict({ base: old, current: null, entries: null, error: null });
    try {
      const current = await client.fetchQuery({ ...tasksQueries.detail(task.id), staleTime: 0 });
      const history = await client.fetchQuery({ ...taskUpdatesQueries.list(task.id), staleTime: 0 }).catch(() => null);
      const entries = history ? history.items.filter((e) => e.version > old.version) : null;
      setConflict({ base: old, current, entries, error: null });
      // The person's update now applies to the current version, once they choose to.
      setBase(current);
    } catch (error) {
      setConflict({ base: old, current: null, entries: null, error });
    }
  };

  const discard = () => {
    const current = conflict?.current ?? task;
    setConflict(null);
    setErrors([]);
    setFailure(null);
    setDirty(false);
    setBase(current);
    setValues((v) => initialValues(current, today, v.author));
  };

  const need = noteNeed(values, base);
  const saving = save.isPending;

  const field = (
    name: FormField,
    label: ReactNode,
    control: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode,
    hint?: ReactNode,
  ) => {
    const error = errorOf(name);
    const fid = inputId(name);
    const describedBy = [hint ? `${fid}-hint` : null, error ? `${fid}-error` : null].filter(Boolean).join(' ');
    return (
      <div className={`form-field${error ? ' has-error' : ''}`}>
        <label htmlFor={fid}>{label}</label>
        {control({ id: fid, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy || undefined })}
        {hint ? (
          <p className="field-hint" id={`${fid}-hint`}>
            {hint}
          </p>
        ) : null}
        {error ? (
          <p className="field-error" id={`${fid}-error`}>
            {message(error)}
          </p>
        ) : null}
      </div>
    );
  };

  const required = <span className="required-mark"> ({t('task.form.required')})</span>;

  return (
    <section className="card update-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card-title">
        {t('task.form.title')}
      </h2>
      <p className="card-intro">{t('task.form.intro')}</p>

      {conflict ? (
        <ConflictPanel
          conflict={conflict}
          saving={saving}
          onReapply={() => send(base)}
          onDiscard={discard}
          onReload={() => void loadConflict(conflict.base)}
        />
      ) : null}

      {failure ? (
        <div className="save-failed" role="alert">
          <p>
            <strong>{t('task.failed.title')}.</strong> {errorText(failure, t)} {t('task.failed.kept')}
          </p>
          <button type="button" className="button" onClick={() => send(base)} disabled={saving}>
            {saving ? t('task.form.saving') : t('task.failed.retry')}
          </button>
        </div>
      ) : null}

      <form
        ref={formRef}
        noValidate
        className="update-form"
        aria-labelledby={`${id}-title`}
        onSubmit={(e) => {
          e.preventDefault();
          if (!saving) send(base);
        }}
      >
        {errors.length > 0 ? (
          <div className="form-errors" role="alert" tabIndex={-1}>
            <p>{t('task.form.errorSummary', { count: errors.length })}</p>
            {rootErrors.length > 0 ? (
              <ul>
                {rootErrors.map((e) => (
                  <li key={e.name}>{message(e)}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}

        <div className="form-grid">
          {field('status', t('task.form.status'), (p) => (
            <select {...p} value={values.status} onChange={(e) => change('status', e.target.value as Task['status'])}>
              {TASK_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          ))}
          {field(
            'progress',
            t('task.form.progress'),
            (p) => (
              <input
                {...p}
                type="number"
                inputMode="numeric"
                min={0}
                max={100}
                step={1}
                value={values.progress}
                onChange={(e) => change('progress', e.target.value)}
              />
            ),
            t('task.form.progressHint'),
          )}
          {field(
            'date',
            t('task.form.date'),
            (p) => (
              <input
                {...p}
                type="date"
                min={datePart(base.createdAt)}
                max={today}
                value={values.date}
                onChange={(e) => change('date', e.target.value)}
              />
            ),
            t('task.form.dateHint', { min: f.date(datePart(base.createdAt)), max: f.date(today) }),
          )}
          {field(
            'author',
            <>
              {t('task.form.author')}
              {required}
            </>,
            (p) => (
              <input
                {...p}
                type="text"
                autoComplete="name"
                maxLength={120}
                value={values.author}
                onChange={(e) => change('author', e.target.value)}
              />
            ),
            t('task.form.authorHint'),
          )}
        </div>

        {field(
          'note',
          <>
            {t('task.form.note')}
            {need ? required : null}
          </>,
          (p) => (
            <textarea
              {...p}
              rows={3}
              maxLength={2000}
              value={values.note}
              onChange={(e) => change('note', e.target.value)}
            />
          ),
          need ? t(`task.form.noteWhy.${need}`, { deadline: messageContext.deadline }) : t('task.form.noteHint'),
        )}

        <fieldset className="deadline-fieldset">
          <legend className="visually-hidden">{t('task.form.changeDeadline')}</legend>
          <label className="checkbox-label">
            <input
              type="checkbox"
              checked={values.changeDeadline}
              onChange={(e) => change('changeDeadline', e.target.checked)}
            />
            {t('task.form.changeDeadline')}
            {base.deadline ? <span className="deadline-text"> ({deadlineLabel(base.deadline, f)})</span> : null}
          </label>
          {values.changeDeadline ? (
            <div className="form-grid">
              {field('deadline.date', t('task.form.newDeadline'), (p) => (
                <input
                  {...p}
                  type="date"
                  min={datePart(base.createdAt)}
                  value={values.deadlineDate}
                  onChange={(e) => change('deadlineDate', e.target.value)}
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
                    onChange={(e) => change('deadlineText', e.target.value)}
                  />
                ),
                t('task.form.deadlineTextHint'),
              )}
              {field(
                'deadlineReason',
                <>
                  {t('task.form.deadlineReason')}
                  {required}
                </>,
                (p) => (
                  <input
                    {...p}
                    type="text"
                    maxLength={500}
                    value={values.deadlineReason}
                    onChange={(e) => change('deadlineReason', e.target.value)}
                  />
                ),
              )}
            </div>
          ) : null}
        </fieldset>

        <div className="form-actions">
          <button type="submit" className="button" disabled={saving}>
            {saving ? t('task.form.saving') : t('task.form.submit')}
          </button>
          {savedVersion !== null ? (
            <p role="status" className="form-saved">
              {t('task.form.saved', { version: savedVersion })}
            </p>
          ) : null}
        </div>
      </form>
    </section>
  );
}
