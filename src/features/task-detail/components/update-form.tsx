import { revalidateLogic, useForm, useStore } from '@tanstack/react-form';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, newIdempotencyKey } from '../../../api/client';
import { TASK_STATUSES, type Task } from '../../../api/schemas';
import type { Evidence, FieldError } from '../../../api/task-update-schemas';
import { SaveOutcomeUnknownError, taskUpdatesQueries, useSaveTaskChange } from '../../../api/task-updates';
import { tasksQueries } from '../../../api/tasks';
import { DateInput } from '../../../components/forms/date-input';
import { clearDraft, readDraft, useDraftAutosave } from '../../../components/forms/form-draft';
import { LeaveGuard } from '../../../components/forms/leave-guard';
import { errorText } from '../../../components/ui/error-text';
import { datePart } from '../../../domain/dates';
import { useFormat } from '../../../i18n/format';
import { deadlineLabel } from '../utils/describe-change';
import {
  dateTextHandler,
  type FormField,
  fieldErrorMessage,
  focusFirstInvalid,
  formFieldOf,
  isConflict,
  serverFieldErrors,
} from '../utils/form-errors';
import { type FormValues, initialValues, noteNeed, rememberAuthor, storedAuthor, validate } from '../utils/form-values';
import { ConflictPanel, type ConflictState } from './conflict-panel';
import { type ControlProps, DeadlineFieldset } from './deadline-fieldset';
import { EvidenceInput } from './evidence-input';

/** One logical save: its Idempotency-Key is reused by every retry of it, and kept in the draft across a reload. */
interface Attempt {
  key: string;
  baseVersion: number;
  /** The request body, as sent (a change of input makes a new save). */
  body: string;
  /** Sent without an answer: it may have been applied. */
  uncertain: boolean;
}

/** What the draft of this form keeps (until saved or discarded). */
interface UpdateDraft {
  values: FormValues;
  baseVersion: number;
  attempt: Attempt | null;
}
const DRAFT_SCHEMA = 1;
export const updateDraftId = (taskId: string) => `task-update.${taskId}`;

/** Which form value an API field error belongs to. */
const VALUE_OF: Record<FormField, keyof FormValues> = {
  status: 'status',
  progress: 'progress',
  date: 'date',
  note: 'note',
  author: 'author',
  'deadline.date': 'deadlineDate',
  'deadline.text': 'deadlineText',
  deadlineReason: 'deadlineReason',
};

/** Whether the values differ from a fresh form for this task (the remembered author aside). */
function differs(values: FormValues, task: Task, today: string): boolean {
  const fresh = initialValues(task, today, values.author);
  return (Object.keys(fresh) as Array<keyof FormValues>).some((k) => fresh[k] !== values[k]);
}

/** The 503 of a store that could not write (server/app.ts): nothing was saved. */
const isNotStored = (error: unknown) =>
  error instanceof ApiError && error.status === 503 && Boolean(error.problem?.type.endsWith('/not-stored'));

/**
 * Records a progress update: status, progress, date, note, who, and optionally a new deadline with a reason.
 * Values, validation (the API's own schema, shown after the first submit and then as the person types), and the
 * unsaved state live in one TanStack Form; what is typed is kept as a draft until saved or discarded, and leaving
 * with unsaved input asks first. A save whose answer never came is retried with the same Idempotency-Key (never
 * applied twice); a stale save shows what changed and lets the person re-apply their update on the new version.
 */
export function UpdateForm({ task, today }: { task: Task; today: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const client = useQueryClient();
  const save = useSaveTaskChange(today);
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const draftId = updateDraftId(task.id);
  const [restored, setRestored] = useState(() => readDraft<UpdateDraft>(draftId, DRAFT_SCHEMA));
  /** The version of the task the update is written against (sent as If-Match). */
  const [base, setBase] = useState<Task>(() => {
    const v = restored?.value.baseVersion;
    return v !== undefined && v < task.version ? { ...task, version: v } : task;
  });
  const baseRef = useRef(base);
  baseRef.current = base;
  const attempt = useRef<Attempt | null>(restored?.value.attempt ?? null);
  const [serverErrors, setServerErrors] = useState<FieldError[]>([]);
  /** Links to what reports the progress; sent with the update (not kept in the draft). */
  const [evidence, setEvidence] = useState<Evidence[]>([]);
  const evidenceRef = useRef(evidence);
  evidenceRef.current = evidence;
  const [failure, setFailure] = useState<unknown>(null);
  const [conflict, setConflict] = useState<ConflictState | null>(null);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const [draftKept, setDraftKept] = useState(true);
  /** Date fields holding text that is not a date they can take (by form value): the form is not sent meanwhile. */
  const dateTextErrors = useRef<Partial<Record<keyof FormValues, FieldError>>>({});

  const form = useForm({
    defaultValues: restored?.value.values ?? initialValues(task, today, storedAuthor()),
    // Checked with the API's schema at the first submit, then again at every change.
    validationLogic: revalidateLogic(),
    validators: {
      onDynamic: ({ value }) => {
        const result = validate(value, baseRef.current, today);
        // A date typed and not taken comes first: the value checked below is still the field's last valid date.
        const fields: Partial<Record<keyof FormValues, FieldError>> = { ...dateTextErrors.current };
        const root: FieldError[] = [];
        if (result.ok) return Object.keys(fields).length ? { fields } : undefined;
        for (const e of result.errors) {
          const field = formFieldOf(e.name);
          if (field) fields[VALUE_OF[field]] ??= e;
          else root.push(e);
        }
        return { form: root.length ? root : undefined, fields };
      },
    },
    onSubmit: ({ value }) => send(value, baseRef.current),
    onSubmitInvalid: () => focusFirstError(),
  });
  const values = useStore(form.store, (s) => s.values);
  const formErrors = useStore(form.store, (s) => s.errors);
  const fieldMeta = useStore(form.store, (s) => s.fieldMeta);
  // Unsaved: typed and not saved, or sent without an answer (the draft then keeps its key for the retry).
  const dirty = differs(values, base, today) || attempt.current?.uncertain === true;

  // Kept while unsaved (with the save under way, so a reload retries it with the same key); gone once saved.
  useDraftAutosave<UpdateDraft>(
    draftId,
    DRAFT_SCHEMA,
    { values, baseVersion: base.version, attempt: attempt.current },
    dirty,
    setDraftKept,
  );

  // An untouched form follows the task as it changes; a form being filled stays on the version it started from.
  useEffect(() => {
    if (dirty || restored || save.isPending || conflict || task.version === base.version) return;
    setBase(task);
    form.reset(initialValues(task, today, form.state.values.author));
  }, [task, dirty, restored, save.isPending, conflict, base.version, today, form]);

  const inputId = (field: FormField) => `${id}-${field.replace('.', '-')}`;
  const errorOf = (field: FormField): FieldError | undefined => {
    const server = serverErrors.find((e) => formFieldOf(e.name) === field);
    if (server) return server;
    const meta = fieldMeta[VALUE_OF[field]];
    return meta?.errors?.find((e): e is FieldError => typeof e === 'object' && e !== null && 'reason' in e);
  };
  const messageContext = {
    min: f.date(datePart(base.createdAt)),
    max: f.date(today),
    deadline: base.deadline
      ? f.date(values.changeDeadline && values.deadlineDate ? values.deadlineDate : base.deadline.date)
      : '',
  };
  const message = (e: FieldError) => fieldErrorMessage(e, t, messageContext);
  const rootErrors: FieldError[] = [
    ...serverErrors.filter((e) => formFieldOf(e.name) === null),
    ...formErrors.flatMap((e) => (Array.isArray(e) ? (e as FieldError[]) : [])),
  ];
  const fieldsWithError = (Object.keys(VALUE_OF) as FormField[]).filter((field) => errorOf(field));
  const errorCount = fieldsWithError.length + rootErrors.length;

  const focusFirstError = () => focusFirstInvalid(Object.keys(VALUE_OF) as FormField[], inputId, formRef);

  /** A date field's typed text changed what is wrong with it: checked again (as a change, once submitted). */
  const onDateText = dateTextHandler(
    dateTextErrors,
    (name) => VALUE_OF[name],
    () => void form.validate('change'),
  );

  const setValue = <K extends keyof FormValues>(key: K, value: FormValues[K]) => {
    form.setFieldValue(key, value as never);
    // Done is 100%: choosing it fills the progress in (the person can still see and change it).
    if (key === 'status' && value === 'done') form.setFieldValue('progress', '100');
    setSavedVersion(null);
    setServerErrors((list) =>
      list.filter(
        (e) =>
          formFieldOf(e.name) !== null &&
          VALUE_OF[formFieldOf(e.name) as FormField] !== key &&
          !(key === 'changeDeadline' && e.name.startsWith('deadline')),
      ),
    );
  };

  const finishSaved = (saved: Task) => {
    attempt.current = null;
    clearDraft(draftId);
    setRestored(null);
    setConflict(null);
    setBase(saved);
    form.reset(initialValues(saved, today, form.state.values.author));
    setEvidence([]);
    setSavedVersion(saved.version);
  };

  const send = (v: FormValues, against: Task) => {
    setFailure(null);
    setSavedVersion(null);
    setServerErrors([]);
    const result = validate(v, against, today);
    if (!result.ok) return;
    rememberAuthor(v.author);
    const links = evidenceRef.current;
    const sent = links.length ? { ...result.body, evidence: links } : result.body;
    const body = JSON.stringify(sent);
    const previous = attempt.current;
    // The same save again (a retry): the same key. Another input or another version: a new save.
    const current: Attempt =
      previous && previous.baseVersion === against.version && previous.body === body
        ? previous
        : { key: newIdempotencyKey(), baseVersion: against.version, body, uncertain: false };
    attempt.current = current;
    save.mutate(
      {
        kind: 'update',
        taskId: task.id,
        baseVersion: against.version,
        body: sent,
        idempotencyKey: current.key,
        uncertain: current.uncertain,
      },
      {
        onSuccess: (r) => finishSaved(r.task),
        onError: (error) => {
          const fields = serverFieldErrors(error);
          if (error instanceof SaveOutcomeUnknownError) {
            current.uncertain = true;
            setFailure(error);
          } else if (fields) {
            attempt.current = null;
            setServerErrors(fields);
            focusFirstError();
          } else if (isConflict(error)) {
            attempt.current = null;
            void loadConflict(against);
          } else {
            // Answered with a failure (5xx, 503 not stored): nothing applied; a retry may use the same key.
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
    attempt.current = null;
    clearDraft(draftId);
    setRestored(null);
    setConflict(null);
    setServerErrors([]);
    setFailure(null);
    setBase(current);
    form.reset(initialValues(current, today, form.state.values.author));
  };

  const need = noteNeed(values, base);
  const saving = save.isPending;
  const uncertain = failure instanceof SaveOutcomeUnknownError;

  const field = (name: FormField, label: ReactNode, control: (props: ControlProps) => ReactNode, hint?: ReactNode) => {
    const error = errorOf(name);
    const fid = inputId(name);
    const describedBy = [hint ? `${fid}-hint` : null, error ? `${fid}-error` : null].filter(Boolean).join(' ');
    return (
      <form.Field name={VALUE_OF[name]}>
        {() => (
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
        )}
      </form.Field>
    );
  };

  const required = <span className="required-mark"> ({t('task.form.required')})</span>;

  return (
    <section className="card update-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card-title">
        {t('task.form.title')}
      </h2>
      <p className="card-intro">{t('task.form.intro')}</p>
      <LeaveGuard dirty={dirty && !saving} />

      {restored && dirty ? (
        <div className="draft-notice" role="status">
          <p>
            {t(restored.value.baseVersion < task.version ? 'task.draft.restoredStale' : 'task.draft.restored', {
              time: `${f.time(new Date(restored.savedAt))} ${f.date(restored.savedAt.slice(0, 10))}`,
            })}
          </p>
          <button type="button" className="button button-secondary" onClick={discard} disabled={saving}>
            {t('task.draft.discard')}
          </button>
        </div>
      ) : null}
      {!draftKept && dirty ? <p className="field-hint">{t('task.draft.notKept')}</p> : null}

      {conflict ? (
        <ConflictPanel
          conflict={conflict}
          saving={saving}
          onReapply={() => void form.handleSubmit()}
          onDiscard={discard}
          onReload={() => void loadConflict(conflict.base)}
        />
      ) : null}

      {failure ? (
        <div className="save-failed" role="alert">
          {uncertain ? (
            <p>
              <strong>{t('task.failed.uncertainTitle')}.</strong> {t('task.failed.uncertain')} {t('task.failed.kept')}
            </p>
          ) : (
            <p>
              <strong>{t('task.failed.title')}.</strong>{' '}
              {isNotStored(failure) ? t('task.failed.notStored') : errorText(failure, t)} {t('task.failed.kept')}
            </p>
          )}
          <button type="button" className="button" onClick={() => void form.handleSubmit()} disabled={saving}>
            {saving ? t('task.form.saving') : uncertain ? t('task.failed.check') : t('task.failed.retry')}
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
          if (!saving) void form.handleSubmit();
        }}
      >
        {errorCount > 0 ? (
          <div className="form-errors" role="alert" tabIndex={-1}>
            <p>{t('task.form.errorSummary', { count: errorCount })}</p>
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
            <select {...p} value={values.status} onChange={(e) => setValue('status', e.target.value as Task['status'])}>
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
                onChange={(e) => setValue('progress', e.target.value)}
              />
            ),
            // A done task is at 100%: a lower figure means it is open again, so offer that change at once.
            values.status === 'done' && /^\d{1,3}$/.test(values.progress.trim()) && Number(values.progress) < 100 ? (
              <>
                {t('task.form.doneBelowFull', { progress: values.progress.trim() })}{' '}
                <button type="button" className="link-button" onClick={() => setValue('status', 'in_progress')}>
                  {t('task.form.reopenAsInProgress')}
                </button>
              </>
            ) : (
              t('task.form.progressHint')
            ),
          )}
          {field(
            'date',
            t('task.form.date'),
            (p) => (
              <DateInput
                {...p}
                min={datePart(base.createdAt)}
                max={today}
                value={values.date}
                onChange={(iso) => setValue('date', iso)}
                onTextProblem={onDateText('date')}
              />
            ),
            t('task.form.dateHint', { min: f.date(datePart(base.createdAt)), max: f.date(today) }),
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
              onChange={(e) => setValue('note', e.target.value)}
            />
          ),
          need ? t(`task.form.noteWhy.${need}`, { deadline: messageContext.deadline }) : t('task.form.noteHint'),
        )}

        <EvidenceInput value={evidence} onChange={setEvidence} />

        <DeadlineFieldset
          label={t('task.form.changeDeadline')}
          current={base.deadline ? deadlineLabel(base.deadline, f) : null}
          min={datePart(base.createdAt)}
          values={values}
          onChange={setValue}
          field={field}
          onDateTextProblem={onDateText('deadline.date')}
        />

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
