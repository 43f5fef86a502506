/** Tasks, articles and history entries to rows and back: what is stored beside each value (folded, sort keys). */
import { articleFingerprint, normalizeArticleUrl } from '../../../src/api/article-import-schemas';
import type { Article, Category, StoredTask, TaskStatus } from '../../../src/api/schemas';
import type { LocalityIndex } from '../../../src/domain/localities';
import { taskLocalities } from '../../../src/domain/task-query';
import type { TaskUpdateEntry } from '../../../src/domain/task-updates';
import { fold } from '../../../src/domain/text';
import { viSortKey } from './collation';
import type { ArticleRow, ArticlesTable, TaskRow, TasksTable, TaskUpdatesTable } from './database';

export type TaskValues = Omit<TasksTable, 'seq'>;
export type ArticleValues = Omit<ArticlesTable, 'seq'>;
export type UpdateValues = Omit<TaskUpdatesTable, 'seq'>;

/** Column order of a task row (the bulk insert binds parameters in this order). */
export const TASK_COLUMNS = [
  'id',
  'title',
  'description',
  'article_id',
  'quote_start',
  'quote_end',
  'quote_text',
  'issuer',
  'assignee',
  'issuer_folded',
  'assignee_folded',
  'locality_codes',
  'category',
  'flagship',
  'deadline_date',
  'deadline_text',
  'status',
  'progress',
  'completed_at',
  'created_at',
  'updated_at',
  'version',
  'search',
  'title_key',
  'assignee_key',
  'locality_key',
] as const satisfies ReadonlyArray<keyof TaskValues>;

/** The position of each column in TASK_COLUMNS (a row made by pushTaskRow). */
export const COLUMN = Object.fromEntries(TASK_COLUMNS.map((c, i) => [c, i])) as {
  readonly [C in (typeof TASK_COLUMNS)[number]]: number;
};

/**
 * fold, remembered for the texts tasks share (descriptions, issuers, assignees, quotes, article titles): a bulk
 * load of a million generated tasks has a few dozen of each, and folding them was a tenth of its CPU.
 */
const sharedFolds = new Map<string, string>();
function foldShared(text: string): string {
  let f = sharedFolds.get(text);
  if (f === undefined) {
    f = fold(text);
    if (sharedFolds.size >= 20_000) sharedFolds.clear();
    sharedFolds.set(text, f);
  }
  return f;
}

/**
 * indexTask(task, articleTitle).searchText, built from the fields folded one by one: fold works character by
 * character except for collapsing and trimming white space, which the last step does again over the joined parts,
 * so the result is the same string (tests/server/sql-rows.test.ts checks it on random text).
 */
export function searchTextOf(task: StoredTask, articleTitle: string): string {
  return [
    fold(task.title),
    foldShared(task.description),
    foldShared(task.quote?.text ?? ''),
    foldShared(task.assignee),
    foldShared(task.issuer),
    foldShared(articleTitle),
  ]
    .join(' \u0001 ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function taskValues(task: StoredTask, articleTitle: string, localities: LocalityIndex): TaskValues {
  const first = taskLocalities(task, localities)[0];
  return {
    id: task.id,
    title: task.title,
    description: task.description,
    article_id: task.articleId,
    quote_start: task.quote ? task.quote.start : null,
    quote_end: task.quote ? task.quote.end : null,
    quote_text: task.quote ? task.quote.text : null,
    issuer: task.issuer,
    assignee: task.assignee,
    issuer_folded: foldShared(task.issuer),
    assignee_folded: foldShared(task.assignee),
    locality_codes: JSON.stringify(task.localityCodes),
    category: task.category,
    flagship: task.flagship ? 1 : 0,
    deadline_date: task.deadline ? task.deadline.date : null,
    deadline_text: task.deadline ? task.deadline.text : null,
    status: task.status,
    progress: task.progress,
    completed_at: task.completedAt,
    created_at: task.createdAt,
    updated_at: task.updatedAt,
    version: task.version,
    search: searchTextOf(task, articleTitle),
    title_key: viSortKey(task.title),
    assignee_key: viSortKey(task.assignee),
    locality_key: first ? viSortKey(first.shortName) : '',
  };
}

/** Appends a task's row (taskValues in TASK_COLUMNS order) to `out`: the rows of a bulk load, one after another. */
export function pushTaskRow(out: unknown[], task: StoredTask, articleTitle: string, localities: LocalityIndex) {
  const values = taskValues(task, articleTitle, localities);
  for (const column of TASK_COLUMNS) out.push(values[column]);
}

export function taskFromRow(r: TaskRow): StoredTask {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    articleId: r.article_id,
    quote:
      r.quote_start === null || r.quote_end === null
        ? null
        : { start: r.quote_start, end: r.quote_end, text: r.quote_text ?? '' },
    issuer: r.issuer,
    assignee: r.assignee,
    localityCodes: JSON.parse(r.locality_codes) as string[],
    category: r.category as Category,
    flagship: Number(r.flagship) === 1,
    deadline: r.deadline_date === null ? null : { date: r.deadline_date, text: r.deadline_text ?? '' },
    status: r.status as TaskStatus,
    progress: Number(r.progress),
    completedAt: r.completed_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: Number(r.version),
  };
}

export function articleValues(a: Article): ArticleValues {
  return {
    id: a.id,
    title: a.title,
    publisher: a.publisher,
    date: a.date,
    url: a.url,
    url_normalized: a.url ? normalizeArticleUrl(a.url) : null,
    fingerprint: articleFingerprint(a.body, a.date),
    illustrative: a.illustrative ? 1 : 0,
    body: a.body,
    task_ids: JSON.stringify(a.taskIds),
    search: fold(`${a.title} ${a.publisher}`),
    title_key: viSortKey(a.title),
  };
}

export function articleFromRow(r: Pick<ArticleRow, keyof ArticleValues>): Article {
  return {
    id: r.id,
    title: r.title,
    publisher: r.publisher,
    date: r.date,
    url: r.url,
    illustrative: Number(r.illustrative) === 1,
    body: r.body,
    taskIds: JSON.parse(r.task_ids) as string[],
  };
}

export function updateValues(e: TaskUpdateEntry): UpdateValues {
  return {
    id: e.id,
    task_id: e.taskId,
    version: e.version,
    recorded_at: e.recordedAt,
    date: e.date,
    author: e.author,
    entry: JSON.stringify(e),
  };
}
