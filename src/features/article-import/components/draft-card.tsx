import { memo, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, type Category, type Era } from '../../../api/schemas';
import type { FieldError } from '../../../api/task-update-schemas';
import { LocalitySearch } from '../../../components/filters/locality-search';
import { DateInput, type DateTextProblem } from '../../../components/forms/date-input';
import { parseDeadline } from '../../../domain/deadlines';
import { useFormat } from '../../../i18n/format';
import { type Draft, type DraftStatus, splitPoints, suggestedSplit } from '../utils/drafts';
import { type DraftField, errorMessage } from '../utils/field-errors';

/** What a card can do, for any draft (stable across renders, so unchanged cards are not re-rendered). */
export interface DraftActions {
  select: (key: string) => void;
  status: (key: string, status: DraftStatus) => void;
  editing: (key: string, editing: boolean) => void;
  change: (key: string, patch: Partial<Omit<Draft, 'key'>>) => void;
  merge: (key: string) => void;
  split: (key: string, at: number) => void;
  show: (key: string) => void;
  /** The card took the focus it was asked to take. */
  focused: () => void;
  /** What is wrong with the deadline date typed on the draft, whenever that changes (see DateInput). */
  dateText: (key: string, problem: DateTextProblem | null, text: string) => void;
}

export interface DraftCardProps {
  draft: Draft;
  number: number;
  /** The draft after this one exists (it can be merged into this). */
  canMerge: boolean;
  articleDate: string;
  era: Era;
  selected: boolean;
  editing: boolean;
  errors: Partial<Record<DraftField, FieldError>>;
  /** Focus this card's heading (after a merge or a split made it). */
  focus: boolean;
  actions: DraftActions;
}

/** One draft directive: what was found, its state, and the actions of the review (all reachable by keyboard). */
export const DraftCard = memo(function DraftCard(props: DraftCardProps) {
  const { draft, number, editing, errors, actions } = props;
  const key = draft.key;
  const { t } = useTranslation();
  const f = useFormat();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [splitting, setSplitting] = useState(false);
  const headingId = useId();

  useEffect(() => {
    if (props.focus) {
      headingRef.current?.focus();
      actions.focused();
    }
  }, [props.focus, actions]);

  const hasErrors = Object.keys(errors).length > 0;
  const deadline = draft.deadline?.date
    ? t('articleImport.draft.deadlineValue', { text: draft.deadline.text, date: f.date(draft.deadline.date) })
    : draft.deadline?.text || t('articleImport.draft.noDeadline');

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard users select through "Xem trong bài" or by focusing the card's buttons
    <li
      className={`card draft-card${props.selected ? ' selected' : ''}${hasErrors ? ' has-errors' : ''}`}
      data-status={draft.status}
      aria-labelledby={headingId}
      onClick={() => actions.select(key)}
    >
      <div className="draft-head">
        <span className="draft-number" aria-hidden="true">
          {number}
        </span>
        <h3 id={headingId} ref={headingRef} tabIndex={-1} className="draft-title">
          <span className="visually-hidden">{t('articleImport.draft.heading', { number })}: </span>
          {draft.title || t('articleImport.draft.none')}
        </h3>
      </div>
      <p className="draft-badges">
        <span className="draft-status" data-status={draft.status}>
          {t(`articleImport.draft.status.${draft.status}`)}
        </span>
        <span className="draft-confidence">
          {t('articleImport.draft.confidence', { value: Math.round(draft.confidence * 100) })}
        </span>
        {draft.flagship ? <span className="flagship-badge">{t('articleImport.draft.flagship')}</span> : null}
        {draft.edited ? <span className="draft-edited">{t('articleImport.draft.edited')}</span> : null}
      </p>

      {editing ? (
        <DraftEditor
          {...props}
          onChange={(patch) => actions.change(key, patch)}
          onEditing={(on) => actions.editing(key, on)}
        />
      ) : (
        <dl className="draft-facts">
          <div>
            <dt>{t('articleImport.draft.assignee')}</dt>
            <dd>{draft.assignee || <em>{t('articleImport.draft.none')}</em>}</dd>
          </div>
          <div>
            <dt>{t('articleImport.draft.issuer')}</dt>
            <dd>{draft.issuer || <em>{t('articleImport.draft.none')}</em>}</dd>
          </div>
          <div>
            <dt>{t('articleImport.draft.localities')}</dt>
            <dd>
              {draft.localities.length ? (
                draft.localities.map((l) => l.name).join(', ')
              ) : (
                <em>{t('articleImport.draft.none')}</em>
              )}
            </dd>
          </div>
          <div>
            <dt>{t('articleImport.draft.deadline')}</dt>
            <dd>{deadline}</dd>
          </div>
          <div>
            <dt>{t('articleImport.draft.category')}</dt>
            <dd>{t(`category.${draft.category}`)}</dd>
          </div>
          <div className="draft-quote">
            <dt>{t('articleImport.draft.quote')}</dt>
            <dd>
              <q>{draft.clause.text}</q>
            </dd>
          </div>
        </dl>
      )}

      {!editing && hasErrors ? (
        <ul className="draft-errors">
          {Object.entries(errors).map(([field, error]) => (
            <li key={field} className="field-error">
              {errorMessage(t, error, { field, draft: true })}
            </li>
          ))}
        </ul>
      ) : null}

      {splitting ? (
        <SplitPanel
          draft={draft}
          number={number}
          onCancel={() => setSplitting(false)}
          onSplit={(at) => actions.split(key, at)}
        />
      ) : null}

      <fieldset className="draft-actions">
        <legend className="visually-hidden">{t('articleImport.draft.actions', { number })}</legend>
        {draft.status !== 'accepted' ? (
          <button type="button" className="button" onClick={() => actions.status(key, 'accepted')}>
            {t('articleImport.draft.accept')}
          </button>
        ) : null}
        {draft.status !== 'rejected' ? (
          <button type="button" className="button button-secondary" onClick={() => actions.status(key, 'rejected')}>
            {t('articleImport.draft.reject')}
          </button>
        ) : null}
        {draft.status !== 'pending' ? (
          <button type="button" className="button button-secondary" onClick={() => actions.status(key, 'pending')}>
            {t('articleImport.draft.restore')}
          </button>
        ) : null}
        {!editing ? (
          <button type="button" className="button button-secondary" onClick={() => actions.editing(key, true)}>
            {t('articleImport.draft.edit')}
          </button>
        ) : null}
        {props.canMerge ? (
          <button type="button" className="button button-secondary" onClick={() => actions.merge(key)}>
            {t('articleImport.draft.merge')}
          </button>
        ) : null}
        {!splitting ? (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setSplitting(true)}
            disabled={splitPoints(draft).length === 0}
          >
            {t('articleImport.draft.split')}
          </button>
        ) : null}
        <button type="button" className="link-button" onClick={() => actions.show(key)}>
          {t('articleImport.draft.show')}
        </button>
      </fieldset>
    </li>
  );
});

function FieldMessage({ id, error, field }: { id: string; error: FieldError | undefined; field: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p id={id} className="field-error">
      {errorMessage(t, error, { field, draft: true })}
    </p>
  );
}

/** The draft's fields as a form; each change applies at once (nothing is lost if the person moves on). */
function DraftEditor({
  draft,
  number,
  articleDate,
  era,
  errors,
  actions,
  onChange,
  onEditing,
}: DraftCardProps & {
  onChange: (patch: Partial<Omit<Draft, 'key'>>) => void;
  onEditing: (editing: boolean) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [snapshot] = useState(draft);
  const firstRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => firstRef.current?.focus(), []);
  const fieldClass = (field: DraftField) => `form-field${errors[field] ? ' has-error' : ''}`;
  const described = (field: DraftField) => (errors[field] ? `${id}-${field}-error` : undefined);

  const setDeadline = (next: { text: string; date: string }) => {
    if (!next.text.trim() && !next.date) onChange({ deadline: null });
    else onChange({ deadline: next });
  };

  return (
    <fieldset className="draft-editor">
      <legend className="visually-hidden">{t('articleImport.draft.heading', { number })}</legend>
      <div className={fieldClass('title')}>
        <label htmlFor={`${id}-title`}>{t('articleImport.draft.fields.title')}</label>
        <textarea
          ref={firstRef}
          id={`${id}-title`}
          className="draft-title-input"
          rows={2}
          value={draft.title}
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={described('title')}
          onChange={(e) => onChange({ title: e.target.value })}
        />
        <FieldMessage id={`${id}-title-error`} error={errors.title} field="title" />
      </div>
      <div className="form-grid draft-parties">
        <div className={fieldClass('assignee')}>
          <label htmlFor={`${id}-assignee`}>{t('articleImport.draft.fields.assignee')}</label>
          <input
            id={`${id}-assignee`}
            value={draft.assignee}
            aria-invalid={errors.assignee ? true : undefined}
            aria-describedby={described('assignee')}
            onChange={(e) => onChange({ assignee: e.target.value })}
          />
          <FieldMessage id={`${id}-assignee-error`} error={errors.assignee} field="assignee" />
        </div>
        <div className={fieldClass('issuer')}>
          <label htmlFor={`${id}-issuer`}>{t('articleImport.draft.fields.issuer')}</label>
          <input
            id={`${id}-issuer`}
            value={draft.issuer}
            aria-invalid={errors.issuer ? true : undefined}
            aria-describedby={described('issuer')}
            onChange={(e) => onChange({ issuer: e.target.value })}
          />
          <FieldMessage id={`${id}-issuer-error`} error={errors.issuer} field="issuer" />
        </div>
      </div>
      <div className="form-grid">
        <div className={fieldClass('category')}>
          <label htmlFor={`${id}-category`}>{t('articleImport.draft.fields.category')}</label>
          <select
            id={`${id}-category`}
            value={draft.category}
            onChange={(e) => onChange({ category: e.target.value as Category })}
          >
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`category.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field draft-flagship">
          <label className="checkbox-label">
            <input
              type="checkbox"
              checked={draft.flagship}
              onChange={(e) => onChange({ flagship: e.target.checked })}
            />
            {t('articleImport.draft.fields.flagship')}
          </label>
        </div>
      </div>

      <fieldset className={`deadline-fieldset${errors.deadline ? ' has-error' : ''}`}>
        <legend>{t('articleImport.draft.deadline')}</legend>
        <div className="form-grid">
          <div className={fieldClass('deadline')}>
            <label htmlFor={`${id}-dtext`}>{t('articleImport.draft.fields.deadlineText')}</label>
            <input
              id={`${id}-dtext`}
              value={draft.deadline?.text ?? ''}
              aria-describedby={`${id}-dhint${errors.deadline ? ` ${id}-deadline-error` : ''}`}
              onChange={(e) => {
                const text = e.target.value;
                const parsed = parseDeadline(text, articleDate);
                setDeadline({ text, date: parsed?.date ?? draft.deadline?.date ?? '' });
              }}
            />
          </div>
          <div className={fieldClass('deadline')}>
            <label htmlFor={`${id}-ddate`}>{t('articleImport.draft.fields.deadlineDate')}</label>
            <DateInput
              id={`${id}-ddate`}
              value={draft.deadline?.date ?? ''}
              aria-invalid={errors.deadline ? true : undefined}
              aria-describedby={errors.deadline ? `${id}-deadline-error` : undefined}
              onTextProblem={(problem, text) => actions.dateText(draft.key, problem, text)}
              onChange={(date) => {
                const text =
                  draft.deadline?.text || (date ? `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}` : '');
                setDeadline({ text, date });
              }}
            />
          </div>
        </div>
        <p id={`${id}-dhint`} className="field-hint">
          {t('articleImport.draft.fields.deadlineHint')}
        </p>
        <FieldMessage id={`${id}-deadline-error`} error={errors.deadline} field="deadline" />
        {draft.deadline ? (
          <button type="button" className="link-button" onClick={() => onChange({ deadline: null })}>
            {t('articleImport.draft.fields.clearDeadline')}
          </button>
        ) : null}
      </fieldset>

      <fieldset className={`deadline-fieldset${errors.localities ? ' has-error' : ''}`}>
        <legend>{t('articleImport.draft.fields.localities')}</legend>
        {draft.localities.length ? (
          <ul className="locality-chips">
            {draft.localities.map((l) => (
              <li key={l.code}>
                <span>{l.name}</span>
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={t('articleImport.draft.fields.removeLocality', { name: l.name })}
                  onClick={() => onChange({ localities: draft.localities.filter((m) => m.code !== l.code) })}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="field-hint">{t('articleImport.draft.fields.noLocalities')}</p>
        )}
        <LocalitySearch
          era={era}
          onSelect={(unit) => {
            if (!draft.localities.some((l) => l.code === unit.code)) {
              onChange({ localities: [...draft.localities, { code: unit.code, name: unit.name }] });
            }
          }}
        />
        <FieldMessage id={`${id}-localities-error`} error={errors.localities} field="localities" />
      </fieldset>

      {errors.span ? <FieldMessage id={`${id}-span-error`} error={errors.span} field="span" /> : null}

      <div className="button-row">
        <button type="button" className="button" onClick={() => onEditing(false)}>
          {t('articleImport.draft.done')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            const { key: _key, ...rest } = snapshot;
            onChange(rest);
            onEditing(false);
          }}
        >
          {t('articleImport.draft.revert')}
        </button>
      </div>
    </fieldset>
  );
}

/** Choose where to cut a draft's clause (a slider over word boundaries, with both parts previewed). */
function SplitPanel({
  draft,
  number,
  onCancel,
  onSplit,
}: {
  draft: Draft;
  number: number;
  onCancel: () => void;
  onSplit: (at: number) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const points = splitPoints(draft);
  const [index, setIndex] = useState(() => Math.max(0, points.indexOf(suggestedSplit(draft))));
  const sliderRef = useRef<HTMLInputElement>(null);
  useEffect(() => sliderRef.current?.focus(), []);
  if (points.length === 0) {
    return <p className="field-hint">{t('articleImport.draft.splitPanel.tooShort')}</p>;
  }
  const at = points[Math.min(index, points.length - 1)]!;
  const cut = at - draft.clause.start;
  return (
    <section className="split-panel" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('articleImport.draft.splitPanel.title', { number })}</h4>
      <label htmlFor={`${id}-at`}>
        {t('articleImport.draft.splitPanel.position', { word: index + 2, words: points.length + 1 })}
      </label>
      <input
        ref={sliderRef}
        id={`${id}-at`}
        type="range"
        min={0}
        max={points.length - 1}
        step={1}
        value={index}
        aria-valuetext={draft.clause.text.slice(cut, cut + 40)}
        onChange={(e) => setIndex(Number(e.target.value))}
      />
      <div className="split-preview" aria-live="polite">
        <p>
          <strong>{t('articleImport.draft.splitPanel.first')}:</strong> {draft.clause.text.slice(0, cut).trim()}
        </p>
        <p>
          <strong>{t('articleImport.draft.splitPanel.second')}:</strong> {draft.clause.text.slice(cut).trim()}
        </p>
      </div>
      <div className="button-row">
        <button type="button" className="button" onClick={() => onSplit(at)}>
          {t('articleImport.draft.splitPanel.confirm')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('articleImport.draft.splitPanel.cancel')}
        </button>
      </div>
    </section>
  );
}
