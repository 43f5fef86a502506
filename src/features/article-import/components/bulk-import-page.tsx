import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import Papa from 'papaparse';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BATCH_ARTICLES, BATCH_CHARS, createArticles, invalidateAfterImport } from '../../../api/article-import';
import {
  type ArticleBatchItemResult,
  type ArticleCreate,
  type ArticleMatch,
  articleCreateSchema,
} from '../../../api/article-import-schemas';
import { ApiError, apiGet } from '../../../api/client';
import { Article } from '../../../api/schemas';
import { useServerToday } from '../../../api/server-today';
import { fieldErrorsOf } from '../../../api/task-update-schemas';
import { datedFileName, downloadBlob } from '../../../components/export/download';
import { errorText } from '../../../components/ui/error-text';
import { todayInVietnam } from '../../../domain/dates';
import { useFormat } from '../../../i18n/format';
import { BULK_FIELDS, type BulkEntry, readBulkFiles } from '../utils/bulk-parse';
import { draftsFrom, toDirective } from '../utils/drafts';
import { createExtractionPool, type ExtractionPool } from '../utils/extract-runner';
import { fieldErrorsOfResponse } from '../utils/field-errors';
import { handOff } from '../utils/handoff';
import { guessTitle } from '../utils/read-file';
import { ImportHeader } from './import-header';
import '../article-import.css';

export type BulkResult =
  | { kind: 'pending' }
  | { kind: 'working' }
  | { kind: 'created'; articleId: string; tasks: number; skipped: number }
  | { kind: 'duplicate'; existing: ArticleMatch | null }
  | { kind: 'error'; reason: string }
  | { kind: 'stopped' };

/** An entry analysed: the article to send, or already its result (a problem, or stopped). */
type Prepared = { entry: BulkEntry; payload: ArticleCreate; drafts: number } | { entry: BulkEntry; result: BulkResult };

const DEFAULT_THRESHOLD = 60;
/** Articles a bulk import takes at most, all files together (stated on the page). */
export const MAX_BULK_ARTICLES = 10_000;
/** Result rows drawn around the visible ones; the rest of a long list is not in the page. */
const ROW_HEIGHT = 56;

const SAMPLE_CSV = Papa.unparse([
  {
    title: 'Ban Thường vụ Tỉnh ủy làm việc với Ban Thường vụ Huyện ủy Chợ Lách',
    date: '2022-03-22',
    publisher: 'Báo Đồng Khởi',
    url: '',
    body: 'Ban Thường vụ Tỉnh ủy làm việc với Ban Thường vụ Huyện ủy Chợ Lách\n\nThay mặt đoàn công tác, Bí thư Tỉnh ủy đề nghị BTV Huyện ủy Chợ Lách tập trung xây dựng Trung tâm cây giống hoa kiểng trong quý II.',
  },
]);

/** The stored article with this id, or null when the tracker has none (a task CSV names its source articles). */
async function findArticle(id: string): Promise<Article | null> {
  try {
    return await apiGet(`/articles/${encodeURIComponent(id)}`, Article);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/**
 * /articles/import: many articles at once. Each is read and analysed, keeping the tasks at or above a confidence
 * threshold, and sent in batches (`POST /articles/batch`); a progress bar with the rate and the time left, one
 * result per article in a virtualised list, and a downloadable report of what failed. One bad file or article never
 * stops the others; "Dừng" stops after the batch on its way.
 */
export function BulkImportPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const ids = useId();
  const client = useQueryClient();
  const today = useServerToday();
  const [entries, setEntries] = useState<BulkEntry[]>([]);
  const [results, setResults] = useState<Record<string, BulkResult>>({});
  const [publisher, setPublisher] = useState('');
  const [threshold, setThreshold] = useState(DEFAULT_THRESHOLD);
  const [reading, setReading] = useState(false);
  const [running, setRunning] = useState(false);
  const [current, setCurrent] = useState<string | null>(null);
  /** When the run started and how many were done then: the rate gives the time left. */
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const tableScrollRef = useRef<HTMLDivElement>(null);
  const stopRef = useRef(false);
  const [tooMany, setTooMany] = useState<number | null>(null);
  const aliveRef = useRef(true);
  const resultsHeadingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    aliveRef.current = true;
    return () => {
      aliveRef.current = false;
      stopRef.current = true;
    };
  }, []);

  const choose = async (list: FileList | null) => {
    const files = list ? [...list] : [];
    if (files.length === 0) return;
    setReading(true);
    setResults({});
    try {
      const read = await readBulkFiles(files, { publisher: '' }, findArticle);
      setTooMany(read.length > MAX_BULK_ARTICLES ? read.length : null);
      setEntries(read.slice(0, MAX_BULK_ARTICLES));
    } finally {
      setReading(false);
    }
  };

  /** An entry's problem, given the default publisher typed since the files were read. */
  const problemOf = (entry: BulkEntry) => (entry.problem === 'no_publisher' && publisher.trim() ? null : entry.problem);

  const problemText = (reason: string, fields?: string, params?: Record<string, string>) =>
    t(`articleImport.bulk.problems.${reason as 'invalid'}`, { fields: fields ?? '', ...params });
  /** An entry's problem as a sentence, with what it names (a task CSV's article id, a count). */
  const entryProblemText = (entry: BulkEntry, problem: string) => problemText(problem, undefined, entry.problemParams);

  /**
   * An entry read, analysed and checked as the form would: the article to send (the tasks at or above the threshold;
   * a directive the contract refuses is left out and counted, not the article), or why it cannot be imported.
   */
  const prepare = async (entry: BulkEntry, pool: ExtractionPool): Promise<Prepared> => {
    const problem = problemOf(entry);
    if (problem) return { entry, result: { kind: 'error', reason: entryProblemText(entry, problem) } };
    let found: Awaited<ReturnType<ExtractionPool['extract']>>;
    try {
      found = await pool.extract({ text: entry.body.normalize('NFC'), articleDate: entry.date });
    } catch {
      return { entry, result: { kind: 'error', reason: problemText('extract_failed') } };
    }
    const drafts = draftsFrom(found);
    const kept = drafts.filter((d) => d.confidence * 100 >= threshold && d.assignee.trim() !== '');
    const payload: ArticleCreate = {
      title: entry.title || guessTitle(entry.body),
      date: entry.date,
      publisher: entry.publisher || publisher.trim(),
      url: entry.url,
      body: entry.body.normalize('NFC'),
      directives: kept.map(toDirective),
    };
    const check = articleCreateSchema({ today: today ?? undefined }).safeParse(payload);
    if (!check.success) {
      const errors = fieldErrorsOf(check.error);
      const badArticle = errors.filter((e) => !e.name.startsWith('directives.'));
      if (badArticle.length > 0) {
        return {
          entry,
          result: { kind: 'error', reason: problemText('invalid', badArticle.map((e) => e.name).join(', ')) },
        };
      }
      const bad = new Set(errors.map((e) => Number(e.name.split('.')[1])));
      payload.directives = payload.directives.filter((_d, i) => !bad.has(i));
    }
    return { entry, payload, drafts: drafts.length };
  };

  /** The answer of the batch endpoint for one article, as a row of the list. */
  const resultOf = (answer: ArticleBatchItemResult, drafts: number): BulkResult => {
    switch (answer.status) {
      case 'created':
        return {
          kind: 'created',
          articleId: answer.article.id,
          tasks: answer.article.taskIds.length,
          skipped: drafts - answer.article.taskIds.length,
        };
      case 'duplicate':
        return { kind: 'duplicate', existing: answer.existing };
      case 'invalid':
        return { kind: 'error', reason: problemText('invalid', answer.errors.map((e) => e.name).join(', ')) };
    }
  };

  /**
   * Imports every entry: texts are analysed in a pool of workers side by side, and the analysed articles are sent
   * in batches (up to BATCH_ARTICLES, or about BATCH_CHARS of text) one request at a time, in file order — so a
   * duplicate within the files is found as one, and each batch is one transaction on the server. While a batch is
   * on its way the next ones are analysed; the list is updated a few times a second rather than once per article.
   */
  const run = async () => {
    stopRef.current = false;
    setRunning(true);
    const t0 = Date.now();
    setStartedAt(t0);
    setNow(t0);
    const all: Record<string, BulkResult> = Object.fromEntries(entries.map((e) => [e.id, { kind: 'pending' }]));
    setResults({ ...all });
    const pool = createExtractionPool();
    let flushAt = 0;
    const flush = (force = false) => {
      const at = Date.now();
      if (!force && at - flushAt < 250) return;
      flushAt = at;
      if (!aliveRef.current) return;
      setResults({ ...all });
      setNow(at);
    };
    let created = 0;
    const settle = (entry: BulkEntry, result: BulkResult) => {
      if (result.kind === 'created') created++;
      all[entry.id] = result;
    };

    const prepared: (Prepared | undefined)[] = new Array(entries.length);
    let wake: (() => void) | null = null;
    const ready = () => {
      wake?.();
      wake = null;
    };
    let next = 0;
    const analyse = async () => {
      while (next < entries.length) {
        const i = next++;
        const entry = entries[i] as BulkEntry;
        if (stopRef.current) {
          prepared[i] = { entry, result: { kind: 'stopped' } };
        } else {
          all[entry.id] = { kind: 'working' };
          setCurrent(entry.title || entry.file);
          try {
            prepared[i] = await prepare(entry, pool);
          } catch (error) {
            prepared[i] = { entry, result: { kind: 'error', reason: errorText(error, t) } };
          }
        }
        ready();
      }
    };
    const send = async () => {
      let at = 0;
      while (at < entries.length) {
        if (prepared[at] === undefined) {
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          continue;
        }
        const batch: { entry: BulkEntry; payload: ArticleCreate; drafts: number }[] = [];
        let chars = 0;
        for (let p = prepared[at]; p !== undefined && batch.length < BATCH_ARTICLES; p = prepared[at]) {
          if ('result' in p) settle(p.entry, p.result);
          else if (stopRef.current) settle(p.entry, { kind: 'stopped' });
          else {
            // The text, and room for the title, the tasks and the JSON around them.
            const size = p.payload.body.length + 2_000 + p.payload.directives.length * 1_000;
            if (batch.length > 0 && chars + size > BATCH_CHARS) break;
            batch.push(p);
            chars += size;
          }
          prepared[at] = undefined;
          at += 1;
        }
        if (batch.length > 0) {
          try {
            const answers = await createArticles(batch.map((b) => b.payload));
            batch.forEach((b, k) => {
              const answer = answers[k];
              settle(b.entry, answer ? resultOf(answer, b.drafts) : { kind: 'error', reason: errorText(null, t) });
            });
          } catch (error) {
            const fields = fieldErrorsOfResponse(error);
            const reason = fields ? problemText('invalid', fields.map((e) => e.name).join(', ')) : errorText(error, t);
            for (const b of batch) settle(b.entry, { kind: 'error', reason });
          }
        }
        flush();
      }
    };
    // Analysis runs in the pool's workers (a few more jobs queued keep them busy); one sender, in file order.
    await Promise.all([...Array.from({ length: pool.size + 2 }, analyse), send()]);
    pool.close();
    if (created > 0) void invalidateAfterImport(client);
    if (!aliveRef.current) return;
    flush(true);
    setRunning(false);
    setCurrent(null);
    requestAnimationFrame(() => resultsHeadingRef.current?.focus());
  };

  const values = Object.values(results);
  const done = values.filter((r) => r.kind !== 'pending' && r.kind !== 'working').length;
  const started = values.length > 0;
  const finished = started && !running;
  const summary = {
    created: values.filter((r) => r.kind === 'created').length,
    tasks: values.reduce((n, r) => n + (r.kind === 'created' ? r.tasks : 0), 0),
    duplicates: values.filter((r) => r.kind === 'duplicate').length,
    errors: values.filter((r) => r.kind === 'error').length,
  };
  const ready = entries.filter((e) => !problemOf(e)).length;
  // The time left, from the rate so far (shown once a few articles are done).
  const elapsed = startedAt ? (now - startedAt) / 1000 : 0;
  const rate = elapsed > 0 ? done / elapsed : 0;
  const secondsLeft = running && done >= 5 && rate > 0 ? Math.ceil((entries.length - done) / rate) : null;
  const rows = useVirtualizer({
    count: entries.length,
    getScrollElement: () => tableScrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    // Without layout (tests), the first rows are drawn.
    initialRect: { width: 800, height: 20 * ROW_HEIGHT },
  });
  const virtualRows = rows.getVirtualItems();
  const padTop = virtualRows[0]?.start ?? 0;
  const padBottom = rows.getTotalSize() - (virtualRows.at(-1)?.end ?? 0);

  const resultText = (r: BulkResult | undefined, entry: BulkEntry): string => {
    if (!r) {
      const problem = problemOf(entry);
      return problem
        ? t('articleImport.bulk.result.error', { reason: entryProblemText(entry, problem) })
        : t('articleImport.bulk.ready');
    }
    switch (r.kind) {
      case 'pending':
        return t('articleImport.bulk.result.pending');
      case 'working':
        return t('articleImport.bulk.result.working');
      case 'created':
        return `${t('articleImport.bulk.result.created', { count: r.tasks })}${
          r.skipped > 0 ? ` ${t('articleImport.bulk.result.skipped', { count: r.skipped })}` : ''
        }`;
      case 'duplicate':
        return t('articleImport.bulk.result.duplicate');
      case 'error':
        return t('articleImport.bulk.result.error', { reason: r.reason });
      case 'stopped':
        return t('articleImport.bulk.result.stopped');
    }
  };

  const downloadReport = () => {
    const cols = t('articleImport.bulk.reportColumns', { returnObjects: true }) as Record<string, string>;
    const rows = entries.flatMap((e) => {
      const r = results[e.id];
      if (!r || r.kind === 'created' || r.kind === 'pending' || r.kind === 'working') return [];
      return [
        {
          [cols.file ?? 'file']: e.file,
          [cols.row ?? 'row']: e.row ?? '',
          [cols.title ?? 'title']: e.title,
          [cols.result ?? 'result']:
            r.kind === 'duplicate'
              ? t('articleImport.bulk.result.duplicate')
              : r.kind === 'stopped'
                ? t('articleImport.bulk.result.stopped')
                : t('articleImport.bulk.result.error', { reason: '' }).replace(/[:\s]+$/, ''),
          [cols.reason ?? 'reason']:
            r.kind === 'error' ? r.reason : r.kind === 'duplicate' ? (r.existing?.articleId ?? '') : '',
        },
      ];
    });
    // A BOM so spreadsheet programs read the Vietnamese text as UTF-8.
    const blob = new Blob([`\ufeff${Papa.unparse(rows)}`], { type: 'text/csv;charset=utf-8' });
    downloadBlob(blob, datedFileName('bao-cao-loi-nhap-bai', today ?? todayInVietnam(), 'csv'));
  };

  const downloadTemplate = () => {
    const blob = new Blob([`\ufeff${SAMPLE_CSV}`], { type: 'text/csv;charset=utf-8' });
    downloadBlob(blob, 'mau-nhap-bai-viet.csv');
  };

  const problemsCount = summary.errors + summary.duplicates + values.filter((r) => r.kind === 'stopped').length;

  return (
    <div className="article-import-page">
      <ImportHeader current="bulk" />

      <div className="bulk-layout">
        <section className="card bulk-form" aria-labelledby={`${ids}-choose`}>
          <h2 id={`${ids}-choose`} className="card-title">
            {t('articleImport.bulk.settingsTitle')}
          </h2>
          <div className="form-field">
            <label htmlFor={`${ids}-files`}>{t('articleImport.bulk.files')}</label>
            <input
              id={`${ids}-files`}
              type="file"
              multiple
              accept=".txt,.html,.htm,.json,.csv,text/plain,text/html,application/json,text/csv"
              aria-describedby={`${ids}-files-hint`}
              disabled={running || reading}
              onChange={(e) => {
                void choose(e.target.files);
                e.target.value = '';
              }}
            />
            <p id={`${ids}-files-hint`} className="field-hint">
              {t('articleImport.bulk.filesHint')} {t('articleImport.bulk.limit', { max: f.number(MAX_BULK_ARTICLES) })}
            </p>
            {tooMany !== null ? (
              <p className="field-error" role="alert">
                {t('articleImport.bulk.tooMany', { count: f.number(tooMany), max: f.number(MAX_BULK_ARTICLES) })}
              </p>
            ) : null}
          </div>
          <div className="form-field">
            <label htmlFor={`${ids}-publisher`}>{t('articleImport.bulk.publisher')}</label>
            <input
              id={`${ids}-publisher`}
              value={publisher}
              disabled={running}
              aria-describedby={`${ids}-publisher-hint`}
              onChange={(e) => setPublisher(e.target.value)}
            />
            <p id={`${ids}-publisher-hint`} className="field-hint">
              {t('articleImport.bulk.publisherHint')}
            </p>
          </div>
          <div className="form-field">
            <label htmlFor={`${ids}-threshold`}>{t('articleImport.bulk.threshold', { value: threshold })}</label>
            <input
              id={`${ids}-threshold`}
              type="range"
              min={0}
              max={100}
              step={5}
              value={threshold}
              disabled={running}
              aria-valuetext={`${threshold}%`}
              aria-describedby={`${ids}-threshold-hint`}
              onChange={(e) => setThreshold(Number(e.target.value))}
            />
            <p id={`${ids}-threshold-hint`} className="field-hint">
              {t('articleImport.bulk.thresholdHint')}
            </p>
          </div>
        </section>

        <section className="card bulk-formats" aria-labelledby={`${ids}-formats`}>
          <h2 id={`${ids}-formats`} className="card-title">
            {t('articleImport.bulk.formatTitle')}
          </h2>
          <ul className="bulk-format-list">
            <li>{t('articleImport.bulk.formatText')}</li>
            <li>{t('articleImport.bulk.formatJson')}</li>
            <li>{t('articleImport.bulk.formatCsv')}</li>
          </ul>
          <pre className="bulk-sample">
            {BULK_FIELDS.join(',')}
            {'\n'}
            {'"Tiêu đề…",2022-03-22,"Báo Đồng Khởi",,"Nội dung…"'}
          </pre>
          <button type="button" className="button button-secondary" onClick={downloadTemplate}>
            {t('articleImport.bulk.template')}
          </button>
        </section>
      </div>

      <p role="status" aria-live="polite" className="import-status">
        {reading ? t('articleImport.bulk.reading') : ''}
      </p>

      {entries.length > 0 ? (
        <section className="card bulk-entries" aria-labelledby={`${ids}-entries`}>
          <h2 id={`${ids}-entries`} ref={resultsHeadingRef} tabIndex={-1} className="card-title">
            {t('articleImport.bulk.entriesTitle')}
          </h2>

          {started ? (
            <div className="bulk-progress">
              <label htmlFor={`${ids}-progress`}>{t('articleImport.bulk.progress')}</label>
              <progress id={`${ids}-progress`} max={entries.length} value={done} />
              <p aria-live="polite">
                {t('articleImport.bulk.progressText', { done, total: entries.length })}
                {running && rate > 0 ? ` · ${t('articleImport.bulk.rate', { rate: f.number(Math.round(rate)) })}` : ''}
                {secondsLeft !== null
                  ? ` · ${
                      secondsLeft < 90
                        ? t('articleImport.bulk.leftSeconds', { count: secondsLeft })
                        : t('articleImport.bulk.leftMinutes', { count: Math.ceil(secondsLeft / 60) })
                    }`
                  : ''}
                {running && current ? ` — ${t('articleImport.bulk.current', { title: current })}` : ''}
              </p>
            </div>
          ) : null}

          {finished ? (
            <div className="bulk-summary">
              <p role="status">{t('articleImport.bulk.summary', summary)}</p>
              {problemsCount > 0 ? (
                <button type="button" className="button button-secondary" onClick={downloadReport}>
                  {t('articleImport.bulk.report')}
                </button>
              ) : null}
            </div>
          ) : null}

          <div className="table-scroll bulk-table-scroll" ref={tableScrollRef}>
            <table className="data-table bulk-table" aria-rowcount={entries.length + 1}>
              <caption className="visually-hidden">{t('articleImport.bulk.entriesCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('articleImport.bulk.col.number')}
                  </th>
                  <th scope="col">{t('articleImport.bulk.col.title')}</th>
                  <th scope="col">
                    {started ? t('articleImport.bulk.col.result') : t('articleImport.bulk.col.state')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {padTop > 0 ? (
                  <tr className="virtual-spacer" style={{ height: padTop }}>
                    <td colSpan={3} />
                  </tr>
                ) : null}
                {virtualRows.map((v) => {
                  const i = v.index;
                  const e = entries[i] as BulkEntry;
                  const r = results[e.id];
                  return (
                    <tr
                      key={e.id}
                      ref={rows.measureElement}
                      data-index={i}
                      aria-rowindex={i + 2}
                      data-result={r?.kind ?? (problemOf(e) ? 'error' : 'ready')}
                    >
                      <td className="num">{i + 1}</td>
                      <th scope="row" className="bulk-title">
                        <span className="bulk-title-text">{e.title || '—'}</span>
                        <span className="bulk-source muted">
                          {e.file}
                          {e.row !== null ? ` · ${t('articleImport.bulk.row', { row: e.row })}` : ''}
                          {e.date ? ` · ${f.date(e.date)}` : ''}
                        </span>
                      </th>
                      <td className="bulk-result">
                        <span>{resultText(r, e)}</span>{' '}
                        {r?.kind === 'created' ? (
                          <Link to="/articles/$articleId" params={{ articleId: r.articleId }}>
                            {t('articleImport.bulk.openArticle')}
                          </Link>
                        ) : null}
                        {r?.kind === 'duplicate' && r.existing ? (
                          <Link to="/articles/$articleId" params={{ articleId: r.existing.articleId }}>
                            {r.existing.title}
                          </Link>
                        ) : null}
                        {!started && !problemOf(e) ? (
                          <Link
                            to="/articles/new"
                            aria-label={t('articleImport.bulk.reviewLabel', { title: e.title })}
                            onClick={() =>
                              handOff({
                                text: e.body,
                                title: e.title,
                                date: e.date,
                                publisher: e.publisher || publisher,
                                url: e.url,
                              })
                            }
                          >
                            {t('articleImport.bulk.review')}
                          </Link>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
                {padBottom > 0 ? (
                  <tr className="virtual-spacer" style={{ height: padBottom }}>
                    <td colSpan={3} />
                  </tr>
                ) : null}
              </tbody>
            </table>
          </div>

          <div className="button-row bulk-actions">
            {running ? (
              <button
                type="button"
                className="button button-danger"
                onClick={() => {
                  stopRef.current = true;
                }}
              >
                {t('articleImport.bulk.stop')}
              </button>
            ) : (
              <button type="button" className="button" disabled={ready === 0 || finished} onClick={() => void run()}>
                {t('articleImport.bulk.start', { count: ready })}
              </button>
            )}
          </div>
        </section>
      ) : !reading ? (
        <p className="muted">{t('articleImport.bulk.noFiles')}</p>
      ) : null}
    </div>
  );
}
