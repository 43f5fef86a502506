import { revalidateLogic, useForm, useStore } from '@tanstack/react-form';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, newIdempotencyKey, outcomeUnknown } from '../../../api/client';
import { TASK_STATUSES, type Task, type TaskStatus } from '../../../api/schemas';
import { useServerToday } from '../../../api/server-today';
import { useCan } from '../../../api/session';
import type { FieldError, TaskPatchBody } from '../../../api/task-update-schemas';
import { type BulkChangeResult, type TaskChangeRequest, useBulkTaskChange } from '../../../api/task-updates';
import { tasksQueries } from '../../../api/tasks';
import { DateInput } from '../../../components/forms/date-input';
import { clearDraft, readDraft, useDraftAutosave } from '../../../components/forms/form-draft';
import { LeaveGuard } from '../../../components/forms/leave-guard';
import { errorText } from '../../../components/ui/error-text';
import { datePart } from '../../../domain/dates';
import { useFormat } from '../../../i18n/format';
import {
  BULK_VALUE_OF,
  type BulkField,
  type BulkValues,
  bulkFieldOf,
  bulkValuesDiffer,
  checkBulkForTask,
  freshBulkValues,
  NOTHING_TO_CHANGE,
  validateBulk,
} from '../utils/bulk-values';
import { dateTextHandler, fieldErrorMessage, focusFirstInvalid } from '../utils/form-errors';
import { rememberAuthor, storedAuthor } from '../utils/form-values';
import { type ControlProps, DeadlineFieldset } from './deadline-fieldset';

/** What the draft of the bulk form keeps (until applied or discarded): the values, and the tasks still to change. */
interface BulkDraft {
  values: BulkValues;
  taskIds: string[];
}
const DRAFT_SCHEMA = 1;
/** One draft for the bulk form (the selection does not survive a reload; the draft says which tasks it was for). */
export const BULK_DRAFT_ID = 'task-bulk';

type BulkPatchRequest = Extract<TaskChangeRequest, { kind: 'patch' }>;

type Outcome =
  | { taskId: string; title: string; kind: 'ok'; version: number }
  | { taskId: string; title: string; kind: 'invalid'; errors: FieldError[]; task: Task }
  | { taskId: string; title: string; kind: 'conflict' }
  | { taskId: string; title: string; kind: 'failed'; error: unknown };

/** Which tasks to apply the change to: all those selected, or only those a retry is for. */
type SubmitMeta = { ids: string[] | null };

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
const isRetryable = (o: Outcome) => o.kind === 'conflict' || o.kind === 'failed';

/**
 * The same change (status, deadline or assignee) on several tasks, each checked and recorded on its own. Values,
 * validation (the API's schema for what does not depend on the task, at the first apply and then as the person
 * types; each task's own rules when it is read), and the unsaved state live in one TanStack Form. What is typed is
 * kept as a draft until it is applied to every task or discarded, and leaving with unsaved input asks first.
 */
function BulkDialog({
  taskIds,
  today,
  onClose,
}: {
  taskIds: string[];
  today: string;
  onClose: (changed: boolean) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const client = useQueryClient();
  const bulk = useBulkTaskChange();
  /** The requests of the last attempt that got no answer, by task, with the values they were made from (`apply`). */
  const unanswered = useRef(new Map<string, { request: BulkPatchRequest; title: string; values: string }>());
  const ref = useRef<HTMLDialogElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [restored, setRestored] = useState(() => readDraft<BulkDraft>(BULK_DRAFT_ID, DRAFT_SCHEMA));
  /** Nothing unsaved when the values are these: a fresh form, or the change last applied to every task. */
  const [baseline, setBaseline] = useState(() => freshBulkValues(today, storedAuthor()));
  /** Errors every selected task has (found once the tasks are read): shown on the form, nothing is sent. */
  const [sharedErrors, setSharedErrors] = useState<FieldError[]>([]);
  const [outcomes, setOutcomes] = useState<Outcome[] | null>(null);
  const [draftKept, setDraftKept] = useState(true);
  /** Date fields holding text that is not a date they can take (by form value): nothing is applied meanwhile. */
  const dateTextErrors = useRef<Partial<Record<keyof BulkValues, FieldError>>>({});

  const form = useForm({
    defaultValues: restored?.value.values ?? baseline,
    // Checked at the first apply, then again at every change.
    validationLogic: revalidateLogic(),
    validators: {
      onDynamic: ({ value }) => {
        const errors = validateBulk(value, today);
        // A date typed and not taken comes first: the value checked below is still the field's last valid date.
        const fields: Partial<Record<keyof BulkValues, FieldError>> = { ...dateTextErrors.current };
        if (errors.length === 0) return Object.keys(fields).length ? { fields } : undefined;
        const root: FieldError[] = [];
        for (const e of errors) {
          const field = bulkFieldOf(e.name);
          if (field) fields[BULK_VALUE_OF[field]] ??= e;
          else root.push(e);
        }
        return { form: root.length ? root : undefined, fields };
      },
    },
    onSubmitMeta: { ids: null } as SubmitMeta,
    onSubmit: ({ value, meta }) => apply(value, meta.ids ?? taskIds),
    onSubmitInvalid: () => focusFirstError(),
  });
  const values = useStore(form.store, (s) => s.values);
  const formErrors = useStore(form.store, (s) => s.errors);
  const fieldMeta = useStore(form.store, (s) => s.fieldMeta);
  const working = useStore(form.store, (s) => s.isSubmitting);

  const retryable = (outcomes ?? []).filter(isRetryable).map((o) => o.taskId);
  const okCount = (outcomes ?? []).filter((o) => o.kind === 'ok').length;
  const changed = okCount > 0;
  const dirty = bulkValuesDiffer(values, baseline);

  const touched = useStore(form.store, (s) => s.isDirty);
  // Kept while unsaved, with the tasks it is for: those a retry would change once some were changed; those it was
  // typed for while a restored draft is only looked at; else the selection.
  const draftFor = retryable.length ? retryable : restored && !touched ? restored.value.taskIds : taskIds;
  useDraftAutosave<BulkDraft>(BULK_DRAFT_ID, DRAFT_SCHEMA, { values, taskIds: draftFor }, dirty, setDraftKept);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && typeof dialog.showModal === 'function' && !dialog.open) dialog.showModal();
    else dialog?.setAttribute('open', '');
  }, []);

  // Closing keeps the draft: the same form comes back at the next bulk update.
  const close = () => {
    ref.current?.close?.();
    onClose(changed);
  };

  const inputId = (field: BulkField) => `${id}-${field.replace('.', '-')}`;
  const errorOf = (field: BulkField): FieldError | undefined => {
    const shared = sharedErrors.find((e) => bulkFieldOf(e.name) === field);
    if (shared) return shared;
    const meta = fieldMeta[BULK_VALUE_OF[field]];
    return meta?.errors?.find((e): e is FieldError => typeof e === 'object' && e !== null && 'reason' in e);
  };
  const messageFor = (e: FieldError, task: Pick<Task, 'createdAt' | 'deadline'>) =>
    e.reason === NOTHING_TO_CHANGE
      ? t('task.bulk.nothing')
      : fieldErrorMessage(e, t, {
          min: f.date(datePart(task.createdAt)),
          max: f.date(today),
          deadline: task.deadline ? f.date(task.deadline.date) : '',
        });
  const formMessage = (e: FieldError) => messageFor(e, { createdAt: `${today}T00:00:00Z`, deadline: null });
  const rootErrors: FieldError[] = [
    ...sharedErrors.filter((e) => bulkFieldOf(e.name) === null),
    ...formErrors.flatMap((e) => (Array.isArray(e) ? (e as FieldError[]) : [])),
  ];
  const fieldsWithError = (Object.keys(BULK_VALUE_OF) as BulkField[]).filter((field) => errorOf(field));

  const focusFirstError = () => focusFirstInvalid(Object.keys(BULK_VALUE_OF) as BulkField[], inputId, formRef);

  /** A date field's typed text changed what is wrong with it: checked again (as a change, once applied). */
  const onDateText = dateTextHandler(
    dateTextErrors,
    (name) => BULK_VALUE_OF[name],
    () => void form.validate('change'),
  );

  const setValue = <K extends keyof BulkValues>(key: K, value: BulkValues[K]) => {
    form.setFieldValue(key, value as never);
    setSharedErrors((list) =>
      list.filter((e) => {
        const field = bulkFieldOf(e.name);
        if (field === null) return false;
        if (key === 'changeDeadline') return !e.name.startsWith('deadline');
        if (key === 'changeAssignee') return field !== 'assignee';
        return BULK_VALUE_OF[field] !== key;
      }),
    );
  };

  const discard = () => {
    const fresh = freshBulkValues(today, form.state.values.author);
    clearDraft(BULK_DRAFT_ID);
    setRestored(null);
    setSharedErrors([]);
    setBaseline(fresh);
    form.reset(fresh);
  };

  /**
   * Reads each task's current version, checks the change against it, and sends those that pass. A task whose last
   * attempt got no answer (it may have been applied) is sent again as it was, with the same version and
   * Idempotency-Key, as long as the change is the same: the server then answers the first attempt's outcome instead
   * of applying the change a second time on top of it.
   */
  const apply = async (v: BulkValues, ids: string[]) => {
    setSharedErrors([]);
    const values = JSON.stringify(v);
    const again = new Map(
      ids.flatMap((taskId) => {
        const u = unanswered.current.get(taskId);
        return u && u.values === values ? [[taskId, u] as const] : [];
      }),
    );
    unanswered.current.clear();
    const toRead = ids.filter((taskId) => !again.has(taskId));
    const read = await Promise.allSettled(
      toRead.map((taskId) => client.fetchQuery({ ...tasksQueries.detail(taskId), staleTime: 0 })),
    );
    const checked = read.map((r, i) => {
      const taskId = toRead[i] as string;
      if (r.status === 'rejected') return { taskId, task: null, error: r.reason as unknown };
      const check = checkBulkForTask(v, r.value, today);
      return check.ok
        ? { taskId, task: r.value, body: check.body as TaskPatchBody }
        : { taskId, task: r.value, errors: check.errors };
    });
    // An error every task shares is the form's (a missing note for all, a bad date): shown on the form, nothing sent.
    const first = checked[0] && 'errors' in checked[0] ? (checked[0].errors ?? []) : [];
    const shared = first.filter((e) =>
      checked.every((c) => 'errors' in c && c.errors?.some((x) => x.name === e.name && x.reason === e.reason)),
    );
    if (shared.length > 0) {
      setSharedErrors(shared);
      focusFirstError();
      return;
    }
    rememberAuthor(v.author);
    const toSend = [
      ...[...again.values()].map((u) => u.request),
      ...checked.flatMap((c) =>
        c.task && 'body' in c && c.body
          ? [
              {
                kind: 'patch' as const,
                taskId: c.taskId,
                baseVersion: c.task.version,
                body: c.body,
                idempotencyKey: newIdempotencyKey(),
              },
            ]
          : [],
      ),
    ];
    const sent: BulkChangeResult[] = toSend.length
      ? await bulk
          .mutateAsync(toSend)
          .catch((error: unknown) => toSend.map((r) => ({ taskId: r.taskId, ok: false, error })))
      : [];
    const sentAgain = [...again.values()].map((u) => ({ taskId: u.request.taskId, task: null, title: u.title }));
    const next: Outcome[] = [...sentAgain, ...checked].map((c) => {
      const title = ('title' in c ? c.title : c.task?.title) ?? c.taskId;
      const result = sent.find((r) => r.taskId === c.taskId);
      const request = toSend.find((r) => r.taskId === c.taskId);
      // No answer: it may have been applied; a retry of the same change sends this very request again.
      if (result && !result.ok && request && outcomeUnknown(result.error))
        unanswered.current.set(c.taskId, { request, title, values });
      if (result?.ok && result.result)
        return { taskId: c.taskId, title, kind: 'ok', version: result.result.task.version };
      if (result && !result.ok) {
        const e = result.error;
        if (e instanceof ApiError && (e.status === 412 || e.status === 409))
          return { taskId: c.taskId, title, kind: 'conflict' };
        const fields = e instanceof ApiError && e.status === 400 ? e.problem?.errors : undefined;
        if (fields?.length && c.task) return { taskId: c.taskId, title, kind: 'invalid', errors: fields, task: c.task };
        return { taskId: c.taskId, title, kind: 'failed', error: e };
      }
      if ('errors' in c && c.errors && c.task)
        return { taskId: c.taskId, title, kind: 'invalid', errors: c.errors, task: c.task };
      return { taskId: c.taskId, title, kind: 'failed', error: 'error' in c ? c.error : null };
    });
    // A retry replaces the earlier outcome of the same task.
    const all = [...(outcomes ?? []).filter((o) => !ids.includes(o.taskId)), ...next].sort(
      (a, b) => taskIds.indexOf(a.taskId) - taskIds.indexOf(b.taskId),
    );
    setOutcomes(all);
    // Applied wherever it can be (what is left needs another change, not a retry): nothing unsaved any more.
    if (all.some((o) => o.kind === 'ok') && !all.some(isRetryable)) {
      clearDraft(BULK_DRAFT_ID);
      setRestored(null);
      setBaseline(v);
    }
  };

  const field = (name: BulkField, label: ReactNode, control: (p: ControlProps) => ReactNode, hint?: ReactNode) => {
    const error = errorOf(name);
    const fid = inputId(name);
    const describedBy = [hint ? `${fid}-hint` : null, error ? `${fid}-error` : null].filter(Boolean).join(' ');
    return (
      <form.Field name={BULK_VALUE_OF[name]}>
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
                {formMessage(error)}
              </p>
            ) : null}
          </div>
        )}
      </form.Field>
    );
  };

  const restoredFor = restored?.value.taskIds ?? [];
  const restoredTime = restored ? `${f.time(new Date(restored.savedAt))} ${f.date(restored.savedAt.slice(0, 10))}` : '';

  return (
    <dialog ref={ref} className="bulk-dialog" aria-labelledby={`${id}-title`} onCancel={close}>
      <h2 id={`${id}-title`}>{t('task.bulk.title', { count: taskIds.length })}</h2>
      <p className="card-intro">{t('task.bulk.intro')}</p>
      {/* Inside the dialog: the page behind a modal dialog cannot be reached. */}
      <LeaveGuard dirty={dirty && !working} />

      {restored && dirty ? (
        <div className="draft-notice" role="status">
          <p>
            {sameSet(restoredFor, taskIds)
              ? t('task.draft.restored', { time: restoredTime })
              : t('task.bulk.draftOther', { time: restoredTime, count: restoredFor.length })}
          </p>
          <button type="button" className="button button-secondary" onClick={discard} disabled={working}>
            {t('task.draft.discard')}
          </button>
        </div>
      ) : null}
      {!draftKept && dirty ? <p className="field-hint">{t('task.draft.notKept')}</p> : null}

      <form
        ref={formRef}
        noValidate
        className="update-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!working) void form.handleSubmit();
        }}
      >
        {fieldsWithError.length > 0 || rootErrors.length > 0 ? (
          <div className="form-errors" role="alert" tabIndex={-1}>
            {fieldsWithError.length > 0 ? (
              <p>{t('task.form.errorSummary', { count: fieldsWithError.length })}</p>
            ) : null}
            {rootErrors.map((e) => (
              <p key={`${e.name}-${e.reason}`}>{formMessage(e)}</p>
            ))}
          </div>
        ) : null}
        <div className="form-grid">
          {field('status', t('task.bulk.status'), (p) => (
            <select
              {...p}
              value={values.status}
              onChange={(e) => setValue('status', e.target.value as TaskStatus | '')}
            >
              <option value="">{t('task.bulk.keep')}</option>
              {TASK_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          ))}
          {field('date', t('task.form.date'), (p) => (
            <DateInput
              {...p}
              max={today}
              value={values.date}
              onChange={(iso) => setValue('date', iso)}
              onTextProblem={onDateText('date')}
            />
          ))}
        </div>
        <DeadlineFieldset
          label={t('task.bulk.changeDeadline')}
          values={values}
          onChange={setValue}
          field={field}
          onDateTextProblem={onDateText('deadline.date')}
        />
        <fieldset className="deadline-fieldset">
          <legend className="visually-hidden">{t('task.bulk.changeAssignee')}</legend>
          <label className="checkbox-label">
            <input
              type="checkbox"
              checked={values.changeAssignee}
              onChange={(e) => setValue('changeAssignee', e.target.checked)}
            />
            {t('task.bulk.changeAssignee')}
          </label>
          {values.changeAssignee
            ? field('assignee', t('task.bulk.assignee'), (p) => (
                <input
                  {...p}
                  type="text"
                  maxLength={200}
                  value={values.assignee}
                  onChange={(e) => setValue('assignee', e.target.value)}
                />
              ))
            : null}
        </fieldset>
        {field('note', t('task.form.note'), (p) => (
          <textarea
            {...p}
            rows={2}
            maxLength={2000}
            value={values.note}
            onChange={(e) => setValue('note', e.target.value)}
          />
        ))}
        <div className="form-actions">
          <button type="submit" className="button" disabled={working}>
            {working ? t('task.bulk.working') : t('task.bulk.submit', { count: taskIds.length })}
          </button>
          <button type="button" className="button button-secondary" onClick={close}>
            {t('task.bulk.close')}
          </button>
        </div>
      </form>

      {outcomes ? (
        <section className="bulk-results" aria-labelledby={`${id}-results`}>
          <h3 id={`${id}-results`}>{t('task.bulk.results')}</h3>
          <p role="status">{t('task.bulk.summary', { ok: okCount, total: taskIds.length })}</p>
          <ul>
            {outcomes.map((o) => (
              <li key={o.taskId} data-outcome={o.kind}>
                <Link to="/tasks/$taskId" params={{ taskId: o.taskId }}>
                  {o.title}
                </Link>
                <span className="bulk-outcome">
                  {o.kind === 'ok'
                    ? `✓ ${t('task.bulk.ok', { version: o.version })}`
                    : o.kind === 'conflict'
                      ? `✗ ${t('task.bulk.conflict')}`
                      : o.kind === 'invalid'
                        ? `✗ ${t('task.bulk.invalid', { reasons: o.errors.map((e) => messageFor(e, o.task)).join(' ') })}`
                        : outcomeUnknown(o.error)
                          ? `? ${t('task.bulk.uncertain', { error: errorText(o.error, t) })}`
                          : `✗ ${t('task.bulk.failed', { error: errorText(o.error, t) })}`}
                </span>
              </li>
            ))}
          </ul>
          {retryable.length > 0 ? (
            <div>
              <p className="field-hint">{t('task.bulk.retryHint')}</p>
              <button
                type="button"
                className="button"
                disabled={working}
                onClick={() => void form.handleSubmit({ ids: retryable })}
              >
                {t('task.bulk.retry', { count: retryable.length })}
              </button>
            </div>
          ) : null}
        </section>
      ) : null}
    </dialog>
  );
}

/** "Bulk update" for the task list's selection: opens the dialog; clears the selection once something changed. */
export function BulkUpdate({ taskIds, onDone }: { taskIds: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const today = useServerToday();
  const [open, setOpen] = useState(false);
  // A bulk update patches tasks: editors' and administrators' only (the server's permission table).
  const allowed = useCan('patchTask');
  if (!allowed) return <p className="can-note">{t('accounts.can.noBulk')}</p>;
  return (
    <>
      <button type="button" className="button" disabled={!today} onClick={() => setOpen(true)}>
        {t('task.bulk.open')}
      </button>
      {open && today ? (
        <BulkDialog
          taskIds={taskIds}
          today={today}
          onClose={(changed) => {
            setOpen(false);
            if (changed) onDone();
          }}
        />
      ) : null}
    </>
  );
}
