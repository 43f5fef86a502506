import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { TASK_STATUSES, type Task, type TaskStatus } from '../../../api/schemas';
import { useServerToday } from '../../../api/server-today';
import { useCan } from '../../../api/session';
import { type FieldError, fieldErrorsOf, type TaskPatchBody, taskPatchSchema } from '../../../api/task-update-schemas';
import { type BulkChangeResult, useBulkTaskChange } from '../../../api/task-updates';
import { tasksQueries } from '../../../api/tasks';
import { errorText } from '../../../components/ui/error-text';
import { datePart } from '../../../domain/dates';
import { useFormat } from '../../../i18n/format';
import { fieldErrorMessage, formFieldOf } from '../utils/form-errors';
import { rememberAuthor, storedAuthor, writtenDate } from '../utils/form-values';
import { type ControlProps, DeadlineFieldset } from './deadline-fieldset';

interface BulkValues {
  status: TaskStatus | '';
  changeDeadline: boolean;
  deadlineDate: string;
  deadlineText: string;
  deadlineReason: string;
  changeAssignee: boolean;
  assignee: string;
  note: string;
  date: string;
  author: string;
}

/** The API field each form value feeds (to clear its error when it changes). */
const FIELD_OF: Record<keyof BulkValues, string> = {
  status: 'status',
  changeDeadline: 'deadline',
  deadlineDate: 'deadline.date',
  deadlineText: 'deadline.text',
  deadlineReason: 'deadlineReason',
  changeAssignee: 'assignee',
  assignee: 'assignee',
  note: 'note',
  date: 'date',
  author: 'author',
};

type Outcome =
  | { taskId: string; title: string; kind: 'ok'; version: number }
  | { taskId: string; title: string; kind: 'invalid'; errors: FieldError[]; task: Task }
  | { taskId: string; title: string; kind: 'conflict' }
  | { taskId: string; title: string; kind: 'failed'; error: unknown };

function toBody(v: BulkValues): Record<string, unknown> {
  const body: Record<string, unknown> = { note: v.note, date: v.date || undefined, author: v.author };
  if (v.status) body.status = v.status;
  if (v.changeDeadline) {
    body.deadline = {
      date: v.deadlineDate || undefined,
      text: v.deadlineText.trim() || (v.deadlineDate ? writtenDate(v.deadlineDate) : ''),
    };
    body.deadlineReason = v.deadlineReason;
  }
  if (v.changeAssignee) body.assignee = v.assignee;
  return body;
}

/** The same change (status, deadline or assignee) on several tasks, each checked and recorded on its own. */
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
  const ref = useRef<HTMLDialogElement>(null);
  const [values, setValues] = useState<BulkValues>(() => ({
    status: '',
    changeDeadline: false,
    deadlineDate: '',
    deadlineText: '',
    deadlineReason: '',
    changeAssignee: false,
    assignee: '',
    note: '',
    date: today,
    author: storedAuthor(),
  }));
  const [formErrors, setFormErrors] = useState<FieldError[]>([]);
  const [nothing, setNothing] = useState(false);
  const [outcomes, setOutcomes] = useState<Outcome[] | null>(null);
  const [working, setWorking] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && typeof dialog.showModal === 'function' && !dialog.open) dialog.showModal();
    else dialog?.setAttribute('open', '');
  }, []);

  const changed = outcomes?.some((o) => o.kind === 'ok') ?? false;
  const close = () => {
    ref.current?.close?.();
    onClose(changed);
  };
  const set = <K extends keyof BulkValues>(key: K, value: BulkValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setNothing(false);
    const field = FIELD_OF[key];
    setFormErrors((list) =>
      list.filter((e) => e.name !== field && !(field === 'deadline' && e.name.startsWith('deadline'))),
    );
  };

  const messageFor = (e: FieldError, task: Pick<Task, 'createdAt' | 'deadline'>) =>
    fieldErrorMessage(e, t, {
      min: f.date(datePart(task.createdAt)),
      max: f.date(today),
      deadline: task.deadline ? f.date(task.deadline.date) : '',
    });

  /** Reads each task's current version, checks the change against it, and sends those that pass. */
  const apply = async (ids: string[]) => {
    setFormErrors([]);
    if (!values.status && !values.changeDeadline && !values.changeAssignee) {
      setNothing(true);
      return;
    }
    setWorking(true);
    const body = toBody(values);
    const read = await Promise.allSettled(
      ids.map((taskId) => client.fetchQuery({ ...tasksQueries.detail(taskId), staleTime: 0 })),
    );
    const checked = read.map((r, i) => {
      const taskId = ids[i] as string;
      if (r.status === 'rejected') return { taskId, task: null, error: r.reason as unknown };
      const parsed = taskPatchSchema({ task: r.value, today }).safeParse(body, { reportInput: true });
      return parsed.success
        ? { taskId, task: r.value, body: parsed.data as TaskPatchBody }
        : { taskId, task: r.value, errors: fieldErrorsOf(parsed.error) };
    });
    // An error every task shares is the form's (a missing name, a bad date): shown on the form, nothing is sent.
    const first = checked[0] && 'errors' in checked[0] ? (checked[0].errors ?? []) : [];
    const shared = first.filter((e) =>
      checked.every((c) => 'errors' in c && c.errors?.some((x) => x.name === e.name && x.reason === e.reason)),
    );
    if (shared.length > 0) {
      setFormErrors(shared);
      setWorking(false);
      return;
    }
    rememberAuthor(values.author);
    const toSend = checked.flatMap((c) =>
      c.task && 'body' in c && c.body
        ? [{ kind: 'patch' as const, taskId: c.taskId, baseVersion: c.task.version, body: c.body }]
        : [],
    );
    const sent: BulkChangeResult[] = toSend.length ? await bulk.mutateAsync(toSend).catch(() => []) : [];
    const next: Outcome[] = checked.map((c) => {
      const title = c.task?.title ?? c.taskId;
      const result = sent.find((r) => r.taskId === c.taskId);
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
    setOutcomes((prev) => {
      const kept = (prev ?? []).filter((o) => !ids.includes(o.taskId));
      return [...kept, ...next].sort((a, b) => taskIds.indexOf(a.taskId) - taskIds.indexOf(b.taskId));
    });
    setWorking(false);
  };

  const retryable = (outcomes ?? []).filter((o) => o.kind === 'conflict' || o.kind === 'failed').map((o) => o.taskId);
  const okCount = (outcomes ?? []).filter((o) => o.kind === 'ok').length;
  const errorOf = (name: string) => formErrors.find((e) => formFieldOf(e.name) === name || e.name === name);

  const field = (name: string, label: ReactNode, control: (p: ControlProps) => ReactNode, hint?: ReactNode) => {
    const error = errorOf(name);
    const fid = `${id}-${name.replace('.', '-')}`;
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
            {messageFor(error, { createdAt: `${today}T00:00:00Z`, deadline: null })}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <dialog ref={ref} className="bulk-dialog" aria-labelledby={`${id}-title`} onCancel={close}>
      <h2 id={`${id}-title`}>{t('task.bulk.title', { count: taskIds.length })}</h2>
      <p className="card-intro">{t('task.bulk.intro')}</p>
      <form
        noValidate
        className="update-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!working) void apply(taskIds);
        }}
      >
        {nothing ? (
          <p className="form-errors" role="alert">
            {t('task.bulk.nothing')}
          </p>
        ) : null}
        <div className="form-grid">
          {field('status', t('task.bulk.status'), (p) => (
            <select {...p} value={values.status} onChange={(e) => set('status', e.target.value as TaskStatus | '')}>
              <option value="">{t('task.bulk.keep')}</option>
              {TASK_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          ))}
          {field('date', t('task.form.date'), (p) => (
            <input {...p} type="date" max={today} value={values.date} onChange={(e) => set('date', e.target.value)} />
          ))}
        </div>
        <DeadlineFieldset label={t('task.bulk.changeDeadline')} values={values} onChange={set} field={field} />
        <fieldset className="deadline-fieldset">
          <legend className="visually-hidden">{t('task.bulk.changeAssignee')}</legend>
          <label className="checkbox-label">
            <input
              type="checkbox"
              checked={values.changeAssignee}
              onChange={(e) => set('changeAssignee', e.target.checked)}
            />
            {t('task.bulk.changeAssignee')}
          </label>
          {values.changeAssignee
            ? field('assignee', t('task.bulk.assignee'), (p) => (
                <input {...p} type="text" value={values.assignee} onChange={(e) => set('assignee', e.target.value)} />
              ))
            : null}
        </fieldset>
        {field('note', t('task.form.note'), (p) => (
          <textarea {...p} rows={2} value={values.note} onChange={(e) => set('note', e.target.value)} />
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
                        : `✗ ${t('task.bulk.failed', { error: errorText(o.error, t) })}`}
                </span>
              </li>
            ))}
          </ul>
          {retryable.length > 0 ? (
            <div>
              <p className="field-hint">{t('task.bulk.retryHint')}</p>
              <button type="button" className="button" disabled={working} onClick={() => void apply(retryable)}>
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
