import { useForm, useStore } from '@tanstack/react-form';
import { Link } from '@tanstack/react-router';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DuplicateArticleError, lookupArticle, useCreateArticle } from '../../../api/article-import';
import {
  type ArticleCreate,
  type ArticleMatch,
  articleCreateSchema,
  BODY_MAX,
  eraOfArticle,
} from '../../../api/article-import-schemas';
import { type Article, IsoDate } from '../../../api/schemas';
import { useServerToday } from '../../../api/server-today';
import { type FieldError, fieldErrorsOf } from '../../../api/task-update-schemas';
import { DateInput, type DateTextProblem } from '../../../components/forms/date-input';
import { clearDraft, readDraft, useDraftAutosave } from '../../../components/forms/form-draft';
import { LeaveGuard } from '../../../components/forms/leave-guard';
import { errorText } from '../../../components/ui/error-text';
import { guessArticleDate } from '../../../extraction/article-date';
import { useFormat } from '../../../i18n/format';
import {
  acceptedDrafts,
  countByStatus,
  type Draft,
  draftsFrom,
  mergeWithNext,
  setAllPending,
  splitDraft,
  toDirective,
  updateDraft,
} from '../utils/drafts';
import { ExtractionAbortedError, extractDrafts } from '../utils/extract-runner';
import {
  dateTextError,
  errorMessage,
  fieldErrorsOfResponse,
  type MetaField,
  NO_ERRORS,
  type PlacedErrors,
  placeErrors,
} from '../utils/field-errors';
import { takeHandoff } from '../utils/handoff';

import { FileReadError, guessTitle, readArticleFile } from '../utils/read-file';
import { type DraftActions, DraftCard } from './draft-card';
import { HighlightedText, markId } from './highlighted-text';
import { ImportHeader } from './import-header';
import '../article-import.css';

/** The article's own date among the typed dates kept by draft key (no draft key is this). */
const META_DATE = ':article-date';

/** Texts longer than this get the "long article" notice while they are analysed. */
const LONG_TEXT = 50_000;
/** Drafts shown at first, and added by "show more" (a 1 MB text can hold thousands). */
const PAGE = 50;
const NO_DRAFT_ERRORS = {};

interface Meta {
  title: string;
  date: string;
  publisher: string;
  url: string;
}

type Phase = 'input' | 'review' | 'saved';

interface Saved {
  article: Article;
  titles: string[];
}

const isDate = (s: string) => IsoDate.safeParse(s).success;

/** What the form holds: the article's metadata and its text (TanStack Form). */
type PageValues = Meta & { text: string };
/** What is kept as a draft until the article is saved or the input discarded. */
interface PageDraft {
  values: PageValues;
  phase: 'input' | 'review';
  /** The analysed text, when it differs from `values.text` (null: the same). */
  body: string | null;
  bodyDate: string;
  drafts: Draft[];
}
const DRAFT_ID = 'article-new';
const DRAFT_SCHEMA = 1;
const metaOf = (v: PageValues): Meta => ({ title: v.title, date: v.date, publisher: v.publisher, url: v.url });

/**
 * /articles/new: paste or open an article, find the tasks it assigns, review them (accept, edit, merge, split,
 * reject) against the highlighted text, and save the article with its accepted tasks. Nothing is lost on a failed
 * save: the review stays as it was, with the reason and a retry.
 */
export function NewArticlePage() {
  const { t } = useTranslation();
  const f = useFormat();
  const today = useServerToday();
  const ids = useId();
  const [initial] = useState(takeHandoff);
  // What was being entered before a reload, a closed tab or leaving the page (not when handed an article).
  const [restored, setRestored] = useState(() => (initial ? null : readDraft<PageDraft>(DRAFT_ID, DRAFT_SCHEMA)));
  const form = useForm({
    defaultValues: restored?.value.values ?? {
      title: initial?.title ?? '',
      date: initial?.date ?? '',
      publisher: initial?.publisher ?? '',
      url: initial?.url ?? '',
      text: initial?.text ?? '',
    },
  });
  const values = useStore(form.store, (st) => st.values);
  const text = values.text;
  const meta = metaOf(values);
  const setText = (next: string) => form.setFieldValue('text', next);
  const setMeta = (next: Meta | ((m: Meta) => Meta)) => {
    const m = typeof next === 'function' ? next(metaOf(form.state.values)) : next;
    for (const key of ['title', 'date', 'publisher', 'url'] as const) form.setFieldValue(key, m[key]);
  };
  const [guessed, setGuessed] = useState({ title: false, date: false });
  const [phase, setPhase] = useState<Phase>(restored?.value.phase ?? 'input');
  const [body, setBody] = useState(restored ? (restored.value.body ?? restored.value.values.text) : '');
  const [bodyDate, setBodyDate] = useState(restored?.value.bodyDate ?? '');
  const [drafts, setDrafts] = useState<Draft[]>(restored?.value.drafts ?? []);
  const [draftKept, setDraftKept] = useState(true);
  const [editing, setEditing] = useState<ReadonlySet<string>>(new Set());
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const [errors, setErrors] = useState<PlacedErrors>(NO_ERRORS);
  const [inputError, setInputError] = useState<string | null>(null);
  const [fileNote, setFileNote] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [extracting, setExtracting] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [existing, setExisting] = useState<ArticleMatch | null>(null);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [shown, setShown] = useState(PAGE);
  const abortRef = useRef<AbortController | null>(null);
  const submittedKeys = useRef<string[]>([]);
  /** Date fields holding text that is not a date (by draft key; META_DATE for the article's): nothing is saved. */
  const dateTexts = useRef(new Map<string, { problem: DateTextProblem; text: string }>());
  const summaryRef = useRef<HTMLDivElement>(null);
  const reviewHeadingRef = useRef<HTMLHeadingElement>(null);
  const save = useCreateArticle();
  const [focusReview, setFocusReview] = useState(false);
  // After the drafts are found, the review's heading takes the focus (and the screen scrolls to it).
  useEffect(() => {
    if (focusReview && phase === 'review') {
      reviewHeadingRef.current?.focus();
      setFocusReview(false);
    }
  }, [focusReview, phase]);

  useEffect(() => () => abortRef.current?.abort(), []);

  /** A new text: fills in the title and date from it, unless the person typed their own. */
  const takeText = (
    next: string,
    found?: { title?: string | null; date?: string | null; url?: string | null; publisher?: string | null },
  ) => {
    // Over the limit: said at once, and not taken (a 20 MB paste must not freeze the page or the analysis).
    if (next.length > BODY_MAX) {
      setInputError(tooLong(next.length));
      return;
    }
    setText(next);
    setInputError(null);
    const head = next.slice(0, 2000);
    const title = found?.title ?? guessTitle(head);
    const date = found?.date ?? guessArticleDate(head) ?? '';
    const out = { ...meta };
    const flags = { ...guessed };
    if ((!meta.title || guessed.title) && title) {
      out.title = title;
      flags.title = true;
    }
    if ((!meta.date || guessed.date) && date) {
      out.date = date;
      flags.date = true;
    }
    if (found?.url && !meta.url) out.url = found.url;
    if (found?.publisher && !meta.publisher) out.publisher = found.publisher;
    setMeta(out);
    setGuessed(flags);
  };

  const tooLong = (length: number) =>
    t('articleImport.text.tooLong', { length: f.number(length), max: f.number(BODY_MAX) });

  const setMetaField = (field: keyof Meta, value: string) => {
    setMeta((m) => ({ ...m, [field]: value }));
    if (field === 'title' || field === 'date') setGuessed((g) => ({ ...g, [field]: false }));
    if (errors.meta[field as MetaField]) {
      setErrors((e) => ({ ...e, meta: { ...e.meta, [field]: undefined }, count: Math.max(0, e.count - 1) }));
    }
  };

  const openFile = async (file: File | undefined) => {
    if (!file) return;
    setReading(true);
    setFileNote(null);
    setInputError(null);
    try {
      const read = await readArticleFile(file);
      takeText(read.text, read);
      setFileNote(
        `${t('articleImport.text.opened', { name: file.name })}${read.legacy ? ` ${t('articleImport.text.legacy')}` : ''}`,
      );
    } catch (error) {
      const reason = error instanceof FileReadError ? error.reason : 'unreadable';
      setInputError(t(`articleImport.fileErrors.${reason}`));
    } finally {
      setReading(false);
    }
  };

  const extract = async () => {
    const nfc = text.normalize('NFC');
    if (!nfc.trim()) {
      setInputError(t('articleImport.text.needText'));
      return;
    }
    // A date typed and not taken: said on the field, not read as the date the field held before.
    const typedDate = dateTexts.current.get(META_DATE);
    if (typedDate) {
      const error = dateTextError('date', typedDate.problem, typedDate.text);
      setErrors((e) => ({ ...e, meta: { ...e.meta, date: error }, count: e.count + (e.meta.date ? 0 : 1) }));
      document.getElementById(`${ids}-date`)?.focus();
      return;
    }
    if (!isDate(meta.date)) {
      setInputError(t('articleImport.text.needDate'));
      return;
    }
    setInputError(null);
    // The same text and date as the current review: go back to it unchanged.
    if (drafts.length > 0 && nfc === body && meta.date === bodyDate) {
      setPhase('review');
      return;
    }
    abortRef.current?.abort();
    const controller = new AbortController();
    abortRef.current = controller;
    setExtracting(true);
    try {
      const found = await extractDrafts({ text: nfc, articleDate: meta.date }, controller.signal);
      if (controller.signal.aborted) return;
      setBody(nfc);
      setBodyDate(meta.date);
      setDrafts(draftsFrom(found));
      setShown(PAGE);
      setEditing(new Set());
      setSelectedKey(null);
      setErrors(NO_ERRORS);
      save.reset();
      setPhase('review');
      setExisting(null);
      lookupArticle({ url: meta.url.trim() || null, body: nfc, date: meta.date })
        .then((match) => {
          if (!controller.signal.aborted) setExisting(match);
        })
        .catch(() => undefined);
      setFocusReview(true);
    } catch (error) {
      if (error instanceof ExtractionAbortedError || controller.signal.aborted) return;
      setInputError(t('articleImport.text.extractFailed', { error: error instanceof Error ? error.message : '' }));
    } finally {
      if (abortRef.current === controller) {
        setExtracting(false);
        abortRef.current = null;
      }
    }
  };

  const cancelExtraction = () => {
    abortRef.current?.abort();
    abortRef.current = null;
    setExtracting(false);
  };

  // The cards' actions are stable (they read the current state through refs), so a change to one draft re-renders
  // that card only — a long conclusion can have hundreds.
  const live = useRef({ drafts, body, bodyDate, t });
  live.current = { drafts, body, bodyDate, t };
  const actions = useMemo<DraftActions>(
    () => ({
      select: (key) => setSelectedKey(key),
      status: (key, status) => setDrafts((all) => updateDraft(all, key, { status })),
      editing: (key, on) =>
        setEditing((s) => {
          const next = new Set(s);
          if (on) next.add(key);
          else next.delete(key);
          return next;
        }),
      change: (key, patch) => {
        setDrafts((all) => updateDraft(all, key, patch));
        setErrors((e) => {
          if (!e.drafts[key]) return e;
          const { [key]: gone, ...rest } = e.drafts;
          return { ...e, drafts: rest, count: Math.max(0, e.count - Object.keys(gone ?? {}).length) };
        });
      },
      merge: (key) => {
        const { drafts: all, body: text, t: tr } = live.current;
        const i = all.findIndex((d) => d.key === key);
        const next = mergeWithNext(all, key, text);
        const merged = next[i];
        setDrafts(next);
        if (merged && next.length < all.length) {
          setFocusKey(merged.key);
          setSelectedKey(merged.key);
          setAnnouncement(tr('articleImport.draft.merged', { number: i + 1 }));
        }
      },
      split: (key, at) => {
        const { drafts: all, body: text, bodyDate: date, t: tr } = live.current;
        const i = all.findIndex((d) => d.key === key);
        const next = splitDraft(all, key, at, text, date);
        setDrafts(next);
        const first = next[i];
        if (first && next.length > all.length) {
          setFocusKey(first.key);
          setSelectedKey(first.key);
          setAnnouncement(tr('articleImport.draft.splitDone', { first: i + 1, second: i + 2 }));
        }
      },
      show: (key) => {
        setSelectedKey(key);
        document.getElementById(markId(key))?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
      },
      focused: () => setFocusKey(null),
      dateText: (key, problem, text) => {
        if (problem) {
          dateTexts.current.set(key, { problem, text });
          return;
        }
        dateTexts.current.delete(key);
        // Typed right again (even the date it held before): its message goes.
        setErrors((e) => {
          const { deadline, ...others } = e.drafts[key] ?? {};
          if (deadline?.reason !== 'date_format' && deadline?.reason !== 'no_such_day') return e;
          return { ...e, drafts: { ...e.drafts, [key]: others }, count: Math.max(0, e.count - 1) };
        });
      },
    }),
    [],
  );

  /** A number in the text was chosen: its draft is shown (the list grows to it if needed) and takes the focus. */
  const selectFromText = useCallback((key: string) => {
    const at = live.current.drafts.findIndex((d) => d.key === key);
    setShown((n) => Math.max(n, Math.ceil((at + 1) / PAGE) * PAGE));
    setSelectedKey(key);
    setFocusKey(key);
  }, []);

  const submit = () => {
    const accepted = acceptedDrafts(drafts);
    const payload: ArticleCreate = {
      title: meta.title.trim(),
      date: meta.date,
      publisher: meta.publisher.trim(),
      url: meta.url.trim() || null,
      body,
      directives: accepted.map(toDirective),
    };
    submittedKeys.current = accepted.map((d) => d.key);
    const showErrors = (placed: PlacedErrors) => {
      setErrors(placed);
      setEditing((s) => new Set([...s, ...Object.keys(placed.drafts)]));
      // Every draft with an error is on screen.
      // A loop, not Math.max(...list): a spread of thousands of drafts overflows the call stack.
      let last = -1;
      drafts.forEach((d, i) => {
        if (placed.drafts[d.key]) last = i;
      });
      setShown((n) => Math.max(n, Math.ceil((last + 1) / PAGE) * PAGE));
      requestAnimationFrame(() => summaryRef.current?.focus());
    };
    // A date typed and not taken comes first: the payload still holds the field's last valid date.
    const textErrors: FieldError[] = [];
    const metaText = dateTexts.current.get(META_DATE);
    if (metaText) textErrors.push(dateTextError('date', metaText.problem, metaText.text));
    accepted.forEach((d, i) => {
      const typed = dateTexts.current.get(d.key);
      if (typed) textErrors.push(dateTextError(`directives.${i}.deadline`, typed.problem, typed.text));
    });
    const check = articleCreateSchema({ today: today ?? undefined }).safeParse(payload);
    if (!check.success || textErrors.length > 0) {
      save.reset();
      const schemaErrors = check.success ? [] : fieldErrorsOf(check.error);
      const named = new Set(textErrors.map((e) => e.name));
      const all = [
        ...textErrors,
        ...schemaErrors.filter((e) => ![...named].some((n) => e.name === n || e.name.startsWith(`${n}.`))),
      ];
      showErrors(placeErrors(all, submittedKeys.current));
      return;
    }
    setErrors(NO_ERRORS);
    save.mutate(check.data, {
      onSuccess: (article) => {
        clearDraft(DRAFT_ID);
        setRestored(null);
        setSaved({ article, titles: accepted.map((d) => d.title.trim()) });
        setPhase('saved');
      },
      onError: (error) => {
        const fields = fieldErrorsOfResponse(error);
        if (fields) showErrors(placeErrors(fields, submittedKeys.current));
        else requestAnimationFrame(() => summaryRef.current?.focus());
      },
    });
  };

  const reset = () => {
    clearDraft(DRAFT_ID);
    setRestored(null);
    setText('');
    setMeta({ title: '', date: '', publisher: meta.publisher, url: '' });
    setGuessed({ title: false, date: false });
    setBody('');
    setDrafts([]);
    setEditing(new Set());
    setErrors(NO_ERRORS);
    setSaved(null);
    setExisting(null);
    setFileNote(null);
    save.reset();
    setPhase('input');
  };

  /** Discards the restored input: an empty form, as on a first visit. */
  const discardDraft = () => {
    reset();
    setMeta({ title: '', date: '', publisher: '', url: '' });
  };

  // Unsaved input is kept as a draft and leaving asks first (not once saved).
  const dirty = phase !== 'saved' && (text.trim() !== '' || drafts.length > 0);
  const nfcText = text.normalize('NFC');
  useDraftAutosave<PageDraft>(
    DRAFT_ID,
    DRAFT_SCHEMA,
    {
      values,
      phase: phase === 'review' ? 'review' : 'input',
      body: body === nfcText ? null : body,
      bodyDate,
      drafts,
    },
    dirty,
    setDraftKept,
    800,
  );

  // The save was refused as a duplicate: the link to the article already there is the way on, not a slip.
  const duplicateOf = save.error instanceof DuplicateArticleError ? save.error.existing?.articleId : undefined;
  const isExistingArticle = (pathname: string) =>
    duplicateOf !== undefined &&
    (pathname === `/articles/${duplicateOf}` || pathname === `/articles/${encodeURIComponent(duplicateOf)}`);

  const counts = countByStatus(drafts);
  const accepted = counts.accepted;
  const era = eraOfArticle(isDate(bodyDate) ? bodyDate : meta.date || '2099-01-01');

  const metaError = (field: MetaField) => {
    const e = errors.meta[field];
    return e ? errorMessage(t, e, { field, today: today ? f.date(today) : null }) : null;
  };

  if (phase === 'saved' && saved) {
    return (
      <div className="article-import-page">
        <ImportHeader current="single" />
        <SavedPanel saved={saved} onAnother={reset} />
      </div>
    );
  }

  return (
    <div className="article-import-page">
      <ImportHeader current="single" />
      <LeaveGuard dirty={dirty && !save.isPending} allow={isExistingArticle} />
      {restored && dirty ? (
        <div className="draft-notice" role="status">
          <p>
            {t('articleImport.text.draftRestored', {
              time: `${f.time(new Date(restored.savedAt))} ${f.date(restored.savedAt.slice(0, 10))}`,
            })}
          </p>
          <button type="button" className="button button-secondary" onClick={discardDraft}>
            {t('articleImport.text.draftDiscard')}
          </button>
        </div>
      ) : null}
      {!draftKept && dirty ? <p className="field-hint">{t('articleImport.text.draftNotKept')}</p> : null}

      <section className="card import-meta" aria-labelledby={`${ids}-meta`}>
        <h2 id={`${ids}-meta`} className="card-title">
          {t('articleImport.meta.title')}
        </h2>
        <div className="form-grid import-meta-grid">
          <MetaInput
            id={`${ids}-title`}
            label={t('articleImport.meta.articleTitle')}
            required
            value={meta.title}
            error={metaError('title')}
            hint={guessed.title ? t('articleImport.meta.guessed') : null}
            onChange={(v) => setMetaField('title', v)}
            wide
          />
          <MetaInput
            id={`${ids}-date`}
            label={t('articleImport.meta.date')}
            type="date"
            required
            value={meta.date}
            error={metaError('date')}
            hint={guessed.date ? t('articleImport.meta.guessed') : t('articleImport.meta.dateHint')}
            onChange={(v) => setMetaField('date', v)}
            onTextProblem={(problem, typed) => {
              if (problem) dateTexts.current.set(META_DATE, { problem, text: typed });
              else dateTexts.current.delete(META_DATE);
              // Typed right again (even the date it held before): its message goes.
              const shown = errors.meta.date?.reason;
              if (!problem && (shown === 'date_format' || shown === 'no_such_day')) setMetaField('date', meta.date);
            }}
          />
          <MetaInput
            id={`${ids}-publisher`}
            label={t('articleImport.meta.publisher')}
            required
            value={meta.publisher}
            error={metaError('publisher')}
            onChange={(v) => setMetaField('publisher', v)}
          />
          <MetaInput
            id={`${ids}-url`}
            label={t('articleImport.meta.url')}
            type="url"
            value={meta.url}
            error={metaError('url')}
            hint={t('articleImport.meta.urlHint')}
            onChange={(v) => setMetaField('url', v)}
          />
        </div>
      </section>

      {phase === 'input' ? (
        <section className="card import-input" aria-labelledby={`${ids}-text`}>
          <h2 id={`${ids}-text`} className="card-title">
            {t('articleImport.text.title')}
          </h2>
          <div className="form-field">
            <label htmlFor={`${ids}-file`}>{t('articleImport.text.file')}</label>
            <input
              id={`${ids}-file`}
              type="file"
              accept=".txt,.html,.htm,text/plain,text/html"
              aria-describedby={`${ids}-file-hint`}
              onChange={(e) => {
                void openFile(e.target.files?.[0]);
                e.target.value = '';
              }}
            />
            <p id={`${ids}-file-hint`} className="field-hint">
              {t('articleImport.text.fileHint')}
            </p>
          </div>
          <div className={`form-field${errors.meta.body ? ' has-error' : ''}`}>
            <label htmlFor={`${ids}-body`}>
              {t('articleImport.text.label')} <span className="required-mark">{t('articleImport.meta.required')}</span>
            </label>
            <textarea
              id={`${ids}-body`}
              className="import-textarea"
              rows={14}
              value={text}
              spellCheck={false}
              aria-describedby={`${ids}-body-hint`}
              onPaste={(e) => {
                // Measured before the browser inserts it: an oversized paste never reaches the page.
                const pasted = e.clipboardData.getData('text/plain').length;
                const el = e.currentTarget;
                const after = text.length - (el.selectionEnd - el.selectionStart) + pasted;
                if (after > BODY_MAX) {
                  e.preventDefault();
                  setInputError(tooLong(after));
                }
              }}
              onChange={(e) => takeText(e.target.value)}
            />
            <p id={`${ids}-body-hint`} className="field-hint">
              {t('articleImport.text.hint')} {text ? t('articleImport.text.length', { count: text.length }) : null}
            </p>
          </div>
          <div role="status" aria-live="polite" className="import-status">
            {reading ? t('articleImport.text.reading') : (fileNote ?? '')}
            {extracting
              ? text.length > LONG_TEXT
                ? t('articleImport.text.extractingLong', { size: f.number(text.length) })
                : t('articleImport.text.extracting')
              : ''}
          </div>
          {extracting ? <progress className="import-progress" aria-label={t('articleImport.text.extracting')} /> : null}
          {inputError ? (
            <p className="field-error" role="alert">
              {inputError}
            </p>
          ) : null}
          {drafts.length > 0 ? (
            <p className="field-hint">{t('articleImport.text.editNotice', { count: drafts.length })}</p>
          ) : null}
          <div className="button-row">
            {drafts.length > 0 && text.normalize('NFC') === body && meta.date === bodyDate ? (
              <button type="button" className="button button-secondary" onClick={() => setPhase('review')}>
                {t('articleImport.text.backToReview')}
              </button>
            ) : null}
            <button type="button" className="button" onClick={() => void extract()} disabled={extracting || reading}>
              {extracting ? t('articleImport.text.extracting') : t('articleImport.text.extract')}
            </button>
            {extracting ? (
              <button type="button" className="button button-secondary" onClick={cancelExtraction}>
                {t('articleImport.text.cancel')}
              </button>
            ) : null}
          </div>
        </section>
      ) : (
        <>
          <div className="import-layout">
            <section className="card import-text-card" aria-labelledby={`${ids}-highlighted`}>
              <div className="card-header">
                <h2 id={`${ids}-highlighted`} className="card-title">
                  {t('articleImport.review.textTitle')}
                </h2>
                <button type="button" className="link-button" onClick={() => setPhase('input')}>
                  {t('articleImport.text.edit')}
                </button>
              </div>
              <p className="field-hint">{t('articleImport.review.legend')}</p>
              <section
                className="import-text-scroll"
                aria-label={t('articleImport.review.textLabel')}
                // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
                tabIndex={0}
              >
                <HighlightedText body={body} drafts={drafts} selectedKey={selectedKey} onSelect={selectFromText} />
              </section>
            </section>

            <section className="import-review" aria-labelledby={`${ids}-review`}>
              <h2 id={`${ids}-review`} ref={reviewHeadingRef} tabIndex={-1} className="import-review-title">
                {t('articleImport.review.title')}
              </h2>
              {isDate(meta.date) && meta.date !== bodyDate ? (
                <div className="banner banner-warning">
                  <p>{t('articleImport.review.dateChanged', { date: f.date(bodyDate) })}</p>
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() => void extract()}
                    disabled={extracting}
                  >
                    {extracting ? t('articleImport.text.extracting') : t('articleImport.review.reextract')}
                  </button>
                  {inputError ? (
                    <p className="field-error" role="alert">
                      {inputError}
                    </p>
                  ) : null}
                </div>
              ) : null}
              {existing ? (
                <p className="banner banner-warning">
                  {t('articleImport.review.duplicateWarning')}
                  <Link to="/articles/$articleId" params={{ articleId: existing.articleId }}>
                    {existing.title}
                  </Link>
                </p>
              ) : null}
              <p aria-live="polite">
                {drafts.length === 0
                  ? t('articleImport.review.none')
                  : t('articleImport.review.summary', {
                      total: drafts.length,
                      accepted: counts.accepted,
                      pending: counts.pending,
                      rejected: counts.rejected,
                    })}
              </p>
              {counts.pending > 0 ? (
                <div className="button-row">
                  <button
                    type="button"
                    className="button"
                    onClick={() => setDrafts((d) => setAllPending(d, 'accepted'))}
                  >
                    {t('articleImport.review.acceptAll')}
                  </button>
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() => setDrafts((d) => setAllPending(d, 'rejected'))}
                  >
                    {t('articleImport.review.rejectAll')}
                  </button>
                </div>
              ) : null}
              <p className="visually-hidden" role="status" aria-live="polite">
                {announcement}
              </p>
              {drafts.length > 0 ? (
                <ol className="draft-list" aria-label={t('articleImport.review.listLabel')}>
                  {drafts.slice(0, shown).map((d, i) => (
                    <DraftCard
                      key={d.key}
                      draft={d}
                      number={i + 1}
                      canMerge={i < drafts.length - 1}
                      articleDate={bodyDate}
                      era={era}
                      selected={d.key === selectedKey}
                      editing={editing.has(d.key)}
                      errors={errors.drafts[d.key] ?? NO_DRAFT_ERRORS}
                      focus={focusKey === d.key}
                      actions={actions}
                    />
                  ))}
                </ol>
              ) : null}
              {drafts.length > shown ? (
                <button type="button" className="button button-secondary" onClick={() => setShown((n) => n + PAGE)}>
                  {t('articleImport.review.more', {
                    count: Math.min(PAGE, drafts.length - shown),
                    left: drafts.length - shown,
                  })}
                </button>
              ) : null}
            </section>
          </div>

          <div className="card import-save-bar">
            <div ref={summaryRef} tabIndex={-1} className="import-save-messages">
              {errors.count > 0 ? (
                <div className="form-errors" role="alert">
                  <p>{t('articleImport.save.invalid', { count: errors.count })}</p>
                  <ErrorList errors={errors} drafts={drafts} today={today ? f.date(today) : null} />
                </div>
              ) : null}
              {save.isError && errors.count === 0 ? (
                save.error instanceof DuplicateArticleError ? (
                  <div className="form-errors" role="alert">
                    <p>{t('articleImport.save.duplicate')}</p>
                    <p>
                      {save.error.existing ? (
                        <Link to="/articles/$articleId" params={{ articleId: save.error.existing.articleId }}>
                          {t('articleImport.save.duplicateLink', { title: save.error.existing.title })}
                        </Link>
                      ) : (
                        t('articleImport.save.duplicateUnknown')
                      )}
                    </p>
                  </div>
                ) : (
                  <div className="save-failed" role="alert">
                    <p>{t('articleImport.save.failed', { error: errorText(save.error, t) })}</p>
                    <button type="button" className="button" onClick={submit}>
                      {t('articleImport.save.retry')}
                    </button>
                  </div>
                )
              ) : null}
            </div>
            {counts.pending > 0 ? (
              <p className="field-hint">{t('articleImport.review.pendingWarning', { count: counts.pending })}</p>
            ) : null}
            <div className="button-row">
              <button type="button" className="button" onClick={submit} disabled={save.isPending}>
                {save.isPending
                  ? t('articleImport.save.saving')
                  : accepted > 0
                    ? t('articleImport.save.button', { count: accepted })
                    : t('articleImport.save.buttonNone')}
              </button>
            </div>
          </div>
        </>
      )}
    </div>
  );
}

function MetaInput({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  required,
  type = 'text',
  wide,
  onTextProblem,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  hint?: string | null;
  required?: boolean;
  type?: 'text' | 'date' | 'url';
  wide?: boolean;
  /** For a date: what is wrong with the typed text, whenever that changes (see DateInput). */
  onTextProblem?: (problem: DateTextProblem | null, text: string) => void;
}) {
  const { t } = useTranslation();
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ');
  return (
    <div className={`form-field${error ? ' has-error' : ''}${wide ? ' import-wide' : ''}`}>
      <label htmlFor={id}>
        {label} {required ? <span className="required-mark">{t('articleImport.meta.required')}</span> : null}
      </label>
      {type === 'date' ? (
        // Typed day first (dd/mm/yyyy), like every date the app shows, whatever the browser's language.
        <DateInput
          id={id}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          onChange={onChange}
          onTextProblem={onTextProblem}
        />
      ) : (
        <input
          id={id}
          type={type}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

const META_LABEL: Record<MetaField, 'articleTitle' | 'date' | 'publisher' | 'url'> = {
  title: 'articleTitle',
  date: 'date',
  publisher: 'publisher',
  url: 'url',
  body: 'articleTitle',
};

/** Every error of a failed save, in words: the article's fields, then each task's. */
function ErrorList({
  errors,
  drafts,
  today,
}: {
  errors: PlacedErrors;
  drafts: readonly Draft[];
  today: string | null;
}) {
  const { t } = useTranslation();
  const items: string[] = [];
  for (const [field, error] of Object.entries(errors.meta)) {
    if (!error) continue;
    const label =
      field === 'body' ? t('articleImport.text.label') : t(`articleImport.meta.${META_LABEL[field as MetaField]}`);
    items.push(t('articleImport.errors.field', { field: label, message: errorMessage(t, error, { field, today }) }));
  }
  drafts.forEach((d, i) => {
    for (const [field, error] of Object.entries(errors.drafts[d.key] ?? {})) {
      if (!error) continue;
      const label =
        field === 'span'
          ? t('articleImport.draft.quote')
          : field === 'localities'
            ? t('articleImport.draft.localities')
            : field === 'deadline'
              ? t('articleImport.draft.deadline')
              : t(`articleImport.draft.fields.${field as 'title' | 'assignee' | 'issuer' | 'category'}`);
      items.push(
        t('articleImport.errors.directive', {
          number: i + 1,
          field: label,
          message: errorMessage(t, error, { field, draft: true }),
        }),
      );
    }
  });
  for (const error of errors.other) items.push(`${error.name}: ${errorMessage(t, error, { field: error.name })}`);
  return (
    <ul>
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

function SavedPanel({ saved, onAnother }: { saved: Saved; onAnother: () => void }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const { article, titles } = saved;
  return (
    <section className="card import-saved" aria-labelledby="import-saved-title">
      <h2 id="import-saved-title" ref={headingRef} tabIndex={-1} className="card-title">
        {t('articleImport.save.done', { title: article.title, count: article.taskIds.length })}
      </h2>
      <p className="button-row">
        <Link className="button" to="/articles/$articleId" params={{ articleId: article.id }}>
          {t('articleImport.save.openArticle')}
        </Link>
        {article.taskIds.length > 0 ? (
          <Link className="button button-secondary" to="/tasks" search={{ q: article.title }}>
            {t('articleImport.save.openTasks')}
          </Link>
        ) : null}
        <button type="button" className="button button-secondary" onClick={onAnother}>
          {t('articleImport.save.another')}
        </button>
      </p>
      {article.taskIds.length > 0 ? (
        <>
          <h3>{t('articleImport.save.createdTasks')}</h3>
          <ol className="import-created">
            {article.taskIds.map((id, i) => (
              <li key={id}>
                <Link to="/tasks/$taskId" params={{ taskId: id }}>
                  {titles[i] ?? id}
                </Link>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
