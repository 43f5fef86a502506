/**
 * The mock API's database: articles and tasks in memory, built from the sample data (and, on request, synthetic
 * tasks for scale). Timeliness is never stored; handlers derive it at request time with src/domain.
 */

import { generateTasks } from '../../mocks/data/generate';
import { illustrativeArticles } from '../../mocks/data/illustrative-articles';
import type { SampleArticleDef } from '../../mocks/data/sample-types';
import { seedArticle } from '../../mocks/data/seed-article';
import type { Article, StoredTask } from '../../src/api/schemas';
import { datePart, todayInVietnam } from '../../src/domain/dates';
import type { LocalityIndex } from '../../src/domain/localities';
import { type IndexedTask, indexTask } from '../../src/domain/task-query';
import { historyFromReports, type TaskUpdateEntry } from '../../src/domain/task-updates';

export const DATASETS = ['sample', 'synthetic-10k', 'synthetic-100k'] as const;
export type DatasetName = (typeof DATASETS)[number];
export const DATASET_SIZES: Record<DatasetName, number> = {
  sample: 0,
  'synthetic-10k': 10_000,
  'synthetic-100k': 100_000,
};

/** A history entry: when, who, the state after it and what changed (src/domain/task-updates.ts). */
export type TaskUpdateRecord = TaskUpdateEntry;

export interface MockDb {
  readonly dataset: DatasetName;
  readonly localities: LocalityIndex;
  readonly articles: Map<string, Article>;
  readonly tasks: Map<string, StoredTask>;
  /** Tasks in a stable order with precomputed search text. */
  readonly rows: IndexedTask[];
  readonly updates: Map<string, TaskUpdateRecord[]>;
  /** The date timeliness is evaluated at. */
  today(): string;
}

export interface CreateDbOptions {
  dataset?: DatasetName;
  localities: LocalityIndex;
  /** Fixes the date of evaluation (tests); by default today's date in Vietnam. */
  today?: string;
}

export const SAMPLE_ARTICLES: readonly SampleArticleDef[] = [seedArticle, ...illustrativeArticles];

/** Locates the `occurrence`-th instance of `needle` in `body`, or throws: sample data must quote its article. */
export function locateQuote(body: string, needle: string, occurrence = 0): { start: number; end: number } {
  let from = 0;
  for (let i = 0; ; i += 1) {
    const at = body.indexOf(needle, from);
    if (at < 0) throw new Error(`Quote not found in article body: "${needle.slice(0, 60)}…"`);
    if (i === occurrence) return { start: at, end: at + needle.length };
    from = at + 1;
  }
}

const stamp = (date: string) => `${date}T08:00:00+07:00`;

function sampleTasks(def: SampleArticleDef): { tasks: StoredTask[]; updates: TaskUpdateRecord[] } {
  const body = def.body.normalize('NFC');
  const tasks: StoredTask[] = [];
  const updates: TaskUpdateRecord[] = [];
  for (const t of def.tasks) {
    const quoteText = t.quote.normalize('NFC');
    const span = locateQuote(body, quoteText, t.occurrence ?? 0);
    const last = t.updates.at(-1);
    tasks.push({
      id: t.id,
      title: t.title,
      description: t.description,
      articleId: def.id,
      quote: { ...span, text: quoteText },
      issuer: t.issuer,
      assignee: t.assignee,
      localityCodes: t.localityCodes,
      category: t.category,
      flagship: t.flagship,
      deadline: t.deadline,
      status: t.status,
      progress: t.progress,
      completedAt: t.completedAt,
      createdAt: stamp(def.date),
      updatedAt: stamp(last?.date ?? def.date),
      version: 1 + t.updates.length,
    });
    updates.push(...historyFromReports(t, t.updates, { recordedAt: stamp }));
  }
  return { tasks, updates };
}

/** Every unit code a synthetic task may be filed under: pre-2025 districts and communes, post-2025 communes. */
export function codePools(localities: LocalityIndex): { preCodes: string[]; postCodes: string[] } {
  const preCodes: string[] = [];
  for (const province of localities.children(null, 'pre2025')) {
    for (const district of localities.children(province.code, 'pre2025')) {
      preCodes.push(district.code);
      for (const commune of localities.children(district.code, 'pre2025')) preCodes.push(commune.code);
    }
  }
  const postCodes: string[] = [];
  for (const province of localities.children(null, 'post2025')) {
    for (const commune of localities.children(province.code, 'post2025')) postCodes.push(commune.code);
  }
  return { preCodes, postCodes };
}

export function createDb(options: CreateDbOptions): MockDb {
  const dataset = options.dataset ?? 'sample';
  const fixedToday = options.today;
  const today = () => fixedToday ?? todayInVietnam();
  const articles = new Map<string, Article>();
  const tasks = new Map<string, StoredTask>();
  const updates = new Map<string, TaskUpdateRecord[]>();

  for (const def of SAMPLE_ARTICLES) {
    const built = sampleTasks(def);
    articles.set(def.id, {
      id: def.id,
      title: def.title,
      publisher: def.publisher,
      date: def.date,
      url: def.url,
      illustrative: def.illustrative,
      body: def.body.normalize('NFC'),
      taskIds: built.tasks.map((t) => t.id),
    });
    for (const t of built.tasks) tasks.set(t.id, t);
    for (const u of built.updates) {
      const list = updates.get(u.taskId) ?? [];
      list.push(u);
      updates.set(u.taskId, list);
    }
  }

  const size = DATASET_SIZES[dataset];
  if (size > 0) {
    const pools = codePools(options.localities);
    for (const t of generateTasks({ count: size, today: today(), ...pools })) tasks.set(t.id, t);
  }

  const rows = [...tasks.values()].map((t) =>
    indexTask(t, t.articleId ? (articles.get(t.articleId)?.title ?? '') : ''),
  );
  return { dataset, localities: options.localities, articles, tasks, rows, updates, today };
}

/** The assignment date of a task (YYYY-MM-DD). */
export function assignedOn(task: StoredTask): string {
  return datePart(task.createdAt);
}

/** Replaces a stored task (after an update) in the map and in the search rows. */
export function replaceTask(db: MockDb, task: StoredTask): void {
  db.tasks.set(task.id, task);
  const title = task.articleId ? (db.articles.get(task.articleId)?.title ?? '') : '';
  const row = indexTask(task, title);
  const at = db.rows.findIndex((r) => r.task.id === task.id);
  if (at >= 0) db.rows[at] = row;
  else db.rows.push(row);
}

/** Adds an imported article and its new tasks (POST /articles, or a stored import re-applied on start). */
export function addArticle(db: MockDb, article: Article, tasks: readonly StoredTask[]): void {
  db.articles.set(article.id, article);
  for (const task of tasks) {
    if (db.tasks.has(task.id)) replaceTask(db, task);
    else {
      db.tasks.set(task.id, task);
      db.rows.push(indexTask(task, article.title));
    }
  }
}
