/**
 * Exporting the filtered tasks: every matching row fetched through the API page by page (up to EXPORT_CAP), the
 * locality codes written as names, then a CSV (UTF-8 with BOM, the header row first) or an XLSX (the filters on a
 * second sheet).
 */
import type { QueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { apiGet } from '../../../api/client';
import { type LocalityRef, refKey, resolveLocalityPaths } from '../../../api/locality-lookup';
import {
  type Era,
  type Locality,
  MAX_PAGE_SIZE,
  type Task,
  type TaskFilters,
  TaskPage,
  type TaskSort,
} from '../../../api/schemas';
import { datedFileName, downloadBlob } from '../../../components/export/download';
import type { ExportFormat, ExportRunProgress } from '../../../components/export/export-buttons';
import {
  buildCsv,
  buildXlsx,
  type Cell,
  CSV_MIME,
  type TableColumn,
  type TableFile,
  XLSX_MIME,
} from '../../../components/export/table-file';
import { describeFilters } from '../../../components/filters/describe-filters';
import { pathLabel } from '../../../components/filters/use-chosen-localities';
import { localityLabel, taskLocalityRefs } from '../hooks/use-locality-labels';
import { sortToState } from './sorting';

/** The most rows one export writes (the API is read in pages of MAX_PAGE_SIZE). */
export const EXPORT_CAP = 100_000;

export type { ExportFormat };

type ExportProgress = ExportRunProgress;

/** Every task matching the filters, in the table's order, page after page; stops at `cap`. */
export async function fetchAllTasks(
  filters: TaskFilters,
  sort: TaskSort,
  options: { cap?: number; signal?: AbortSignal; onProgress?: (p: ExportProgress) => void } = {},
): Promise<{ tasks: Task[]; total: number }> {
  const cap = options.cap ?? EXPORT_CAP;
  const tasks: Task[] = [];
  let total = 0;
  for (let page = 1; ; page += 1) {
    options.signal?.throwIfAborted();
    const pageSize = Math.min(MAX_PAGE_SIZE, cap - tasks.length);
    if (pageSize <= 0) break;
    const result = await apiGet('/tasks', TaskPage, {
      query: { ...filters, sort, page, pageSize: MAX_PAGE_SIZE },
      signal: options.signal,
    });
    total = result.total;
    tasks.push(...result.items.slice(0, pageSize));
    options.onProgress?.({ phase: 'fetching', done: tasks.length, total: Math.min(total, cap) });
    if (result.items.length < MAX_PAGE_SIZE || tasks.length >= Math.min(total, cap)) break;
  }
  return { tasks, total };
}

export function taskColumns(t: TFunction): TableColumn[] {
  const c = (key: string, width: number, type: TableColumn['type'] = 'text'): TableColumn => ({
    header: t(`tasks.columns.${key as 'title'}`),
    width,
    type,
  });
  return [
    c('id', 12),
    c('title', 60),
    c('locality', 36),
    c('issuer', 26),
    c('assignee', 30),
    c('category', 22),
    c('flagship', 11),
    c('deadline', 13, 'date'),
    c('deadlineText', 22),
    c('status', 16),
    c('timeliness', 24),
    c('progress', 10, 'number'),
    c('completedAt', 15, 'date'),
    c('updatedAt', 13, 'date'),
    c('article', 16),
  ];
}

/** A calendar date as a Date at midnight UTC (the spreadsheet then shows that very day). */
const day = (iso: string | null): Date | null =>
  iso ? new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)))) : null;

export function taskRow(task: Task, locality: string, t: TFunction): Cell[] {
  return [
    task.id,
    task.title,
    locality,
    task.issuer,
    task.assignee,
    t(`category.${task.category}`),
    task.flagship ? t('export.yes') : t('export.no'),
    day(task.deadline?.date ?? null),
    task.deadline?.text ?? '',
    t(`status.${task.status}`),
    t(`timeliness.${task.timeliness}`),
    task.progress,
    day(task.completedAt),
    day(task.updatedAt.slice(0, 10)),
    task.articleId ?? '',
  ];
}

const otherEra = (era: Era): Era => (era === 'pre2025' ? 'post2025' : 'pre2025');

export interface ExportContext {
  filters: TaskFilters;
  sort: TaskSort;
  client: QueryClient;
  t: TFunction;
  /** YYYY-MM-DD → the interface's date. */
  date: (iso: string) => string;
  /** The moment of export, as the interface writes it. */
  now: string;
  /** The date for the file name, YYYY-MM-DD. */
  today: string;
  /** The link that reproduces the view. */
  link?: string;
  cap?: number;
  signal?: AbortSignal;
  onProgress?: (p: ExportProgress) => void;
}

/** Builds the description and the rows; shared by both formats (and by the tests, which read them back). */
export async function buildTaskFile(ctx: ExportContext): Promise<{ file: TableFile; count: number; total: number }> {
  const { t } = ctx;
  const { tasks, total } = await fetchAllTasks(ctx.filters, ctx.sort, ctx);
  ctx.onProgress?.({ phase: 'resolving', done: tasks.length, total: tasks.length });

  // Names of every unit the rows and the filters mention (filter codes: the filter's era first, as the API reads them).
  const era = ctx.filters.era ?? 'post2025';
  const refs = new Map<string, LocalityRef>();
  for (const task of tasks) for (const r of taskLocalityRefs(task)) refs.set(refKey(r.era, r.code), r);
  for (const code of ctx.filters.locality ?? []) {
    for (const e of [era, otherEra(era)]) refs.set(refKey(e, code), { era: e, code });
  }
  const paths: Map<string, Locality[]> = await resolveLocalityPaths(ctx.client, [...refs.values()]);
  const filterLocality = (code: string) => {
    const path = paths.get(refKey(era, code)) ?? paths.get(refKey(otherEra(era), code));
    return path ? pathLabel(path) : code;
  };

  ctx.onProgress?.({ phase: 'writing', done: tasks.length, total: tasks.length });
  const described = describeFilters(ctx.filters, t, ctx.date, filterLocality);
  const { id, desc } = sortToState(ctx.sort);
  const meta: Array<[string, string]> = [
    [t('export.exportedAt'), ctx.now],
    [t('export.rowCount'), String(tasks.length)],
  ];
  if (tasks.length < total) {
    meta.push(['', t('export.capped', { cap: tasks.length, total })]);
  }
  if (ctx.filters.locality?.length || ctx.filters.era) meta.push([t('export.era'), t(`era.${era}`)]);
  if (described.length === 0) meta.push([t('export.filters'), t('export.noFilter')]);
  for (const [label, value] of described) meta.push([`${t('export.filters')}: ${label}`, value]);
  meta.push([
    t('export.sort'),
    `${t(`tasks.columns.${id}`)} (${desc ? t('tasks.sort.descending') : t('tasks.sort.ascending')})`,
  ]);
  if (ctx.link) meta.push([t('export.source'), ctx.link]);

  const file: TableFile = {
    title: t('tasks.fileTitle'),
    meta,
    columns: taskColumns(t),
    rows: tasks.map((task) => taskRow(task, localityLabel(task, paths) ?? task.localityCodes.join('; '), t)),
    sheetName: t('tasks.sheet'),
    metaSheetName: t('export.filtersSheet'),
  };
  return { file, count: tasks.length, total };
}

/** Fetches, writes and downloads the file; returns its name and how many rows it holds. */
export async function exportTasks(
  format: ExportFormat,
  ctx: ExportContext,
): Promise<{ fileName: string; count: number; total: number }> {
  const { file, count, total } = await buildTaskFile(ctx);
  ctx.signal?.throwIfAborted();
  const fileName = datedFileName(ctx.t('tasks.fileBase'), ctx.today, format);
  const blob =
    format === 'csv'
      ? new Blob([await buildCsv(file)], { type: CSV_MIME })
      : new Blob([await buildXlsx(file)], { type: XLSX_MIME });
  downloadBlob(blob, fileName);
  return { fileName, count, total };
}
