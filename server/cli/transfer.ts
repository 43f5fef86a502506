/**
 * Backups and moves between databases: `db:export` writes everything to one JSON file, `db:import` reads it back
 * (or the bulk-import format of the app: `{ "articles": [{ title, date, publisher, url, body }] }`, whose articles
 * then get their directives extracted as the app's import would). The export's articles carry the same fields as
 * the bulk-import format, so the app's bulk import can read an export too.
 *
 * Export layout: `{ "format": "directive-tracker", "version": 1, "exportedAt", "articles": [Article & { tasks:
 * [StoredTask & { updates }] }], "tasks": [tasks without an article, with their updates] }`, written as a stream.
 */

import { once } from 'node:events';
import { createWriteStream, readFileSync } from 'node:fs';
import { z } from 'zod';
import { type ArticleCreate, articleFingerprint, normalizeArticleUrl } from '../../src/api/article-import-schemas';
import type { StoredTask } from '../../src/api/schemas';
import { Article, Task } from '../../src/api/schemas';
import { TaskUpdate } from '../../src/api/task-update-schemas';
import type { TaskUpdateEntry } from '../../src/domain/task-updates';
import { extractDirectives } from '../../src/extraction/extract';
import { loadLocalities } from '../localities';
import { buildImport } from '../routes/articles';
import type { DataSet } from '../sample';
import type { SqlStore } from '../store/sql';

export const EXPORT_FORMAT = 'directive-tracker';
export const EXPORT_VERSION = 1;

const StoredTaskSchema = Task.omit({ timeliness: true });
const ExportedTask = StoredTaskSchema.extend({ updates: z.array(TaskUpdate).default([]) });
const ExportedArticle = Article.extend({ tasks: z.array(ExportedTask).default([]) });
const ExportFile = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  articles: z.array(ExportedArticle),
  tasks: z.array(ExportedTask).default([]),
});
/** The app's bulk-import JSON: an array of articles or `{ articles: [...] }`, without tasks. */
const BulkArticle = z.object({
  title: z.string().trim().min(1),
  date: z.iso.date(),
  publisher: z.string().trim().min(1),
  url: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .optional(),
  body: z.string().min(1),
});
const BulkFile = z.union([z.array(BulkArticle), z.object({ articles: z.array(BulkArticle) })]);

export interface TransferCounts {
  articles: number;
  tasks: number;
  updates: number;
  skipped: number;
}

export async function exportToFile(
  store: SqlStore,
  file: string,
  progress: (done: number) => void,
): Promise<TransferCounts> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const counts: TransferCounts = { articles: 0, tasks: 0, updates: 0, skipped: 0 };
  // Tasks of an article are written with it; the store yields articles first, then every task, in chunks.
  const articleTasks = new Map<string, Array<StoredTask & { updates: TaskUpdateEntry[] }>>();
  const articles: Article[] = [];
  const orphans: string[] = [];
  await write(
    `{"format":"${EXPORT_FORMAT}","version":${EXPORT_VERSION},"exportedAt":"${new Date().toISOString()}","articles":[`,
  );
  // Orphan tasks (most of them, at scale) are streamed straight to a second section; article tasks are few.
  const orphanFile = `${file}.tasks.tmp`;
  const orphanOut = createWriteStream(orphanFile, { encoding: 'utf8' });
  const writeOrphan = async (text: string) => {
    if (!orphanOut.write(text)) await once(orphanOut, 'drain');
  };
  for await (const chunk of store.exportData()) {
    articles.push(...chunk.articles);
    const byTask = new Map<string, TaskUpdateEntry[]>();
    for (const u of chunk.updates) {
      const list = byTask.get(u.taskId) ?? [];
      list.push(u);
      byTask.set(u.taskId, list);
      counts.updates += 1;
    }
    for (const task of chunk.tasks) {
      const withUpdates = { ...task, updates: byTask.get(task.id) ?? [] };
      counts.tasks += 1;
      if (task.articleId) {
        const list = articleTasks.get(task.articleId) ?? [];
        list.push(withUpdates);
        articleTasks.set(task.articleId, list);
      } else {
        await writeOrphan(`${orphans.length ? ',' : ''}\n${JSON.stringify(withUpdates)}`);
        orphans.push(task.id);
      }
    }
    progress(counts.tasks);
  }
  orphanOut.end();
  await once(orphanOut, 'finish');
  for (const [i, article] of articles.entries()) {
    await write(`${i ? ',' : ''}\n${JSON.stringify({ ...article, tasks: articleTasks.get(article.id) ?? [] })}`);
    counts.articles += 1;
  }
  await write('\n],"tasks":[');
  const { createReadStream, rmSync } = await import('node:fs');
  for await (const piece of createReadStream(orphanFile, { encoding: 'utf8' })) await write(piece as string);
  rmSync(orphanFile, { force: true });
  await write('\n]}\n');
  out.end();
  await once(out, 'finish');
  return counts;
}

export async function importFromFile(
  store: SqlStore,
  file: string,
  options: { batchSize: number; progress: (total: number) => (done: number) => void },
): Promise<TransferCounts> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not readable JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const counts: TransferCounts = { articles: 0, tasks: 0, updates: 0, skipped: 0 };
  const exported = ExportFile.safeParse(raw);
  let data: DataSet;
  if (exported.success) {
    data = { articles: [], tasks: [], updates: [] };
    const take = (t: z.infer<typeof ExportedTask>) => {
      const { updates, ...task } = t;
      data.tasks.push(task);
      data.updates.push(...(updates as TaskUpdateEntry[]));
    };
    for (const { tasks, ...article } of exported.data.articles) {
      data.articles.push(article);
      for (const t of tasks) take(t);
    }
    for (const t of exported.data.tasks) take(t);
  } else {
    const bulk = BulkFile.safeParse(raw);
    if (!bulk.success) {
      const issue = exported.error.issues[0];
      throw new Error(
        `${file} is neither an export of this tracker nor the bulk-import format (${issue?.path.join('.') || '(root)'}: ${issue?.message}).`,
      );
    }
    data = articlesWithExtractedTasks(Array.isArray(bulk.data) ? bulk.data : bulk.data.articles);
  }

  // What is already there (same article id, URL or text; same task id) is skipped, so an import can be re-run.
  const fresh: DataSet = { articles: [], tasks: [], updates: [] };
  const skippedArticles = new Set<string>();
  for (const article of data.articles) {
    const exists =
      (await store.hasArticle(article.id)) ||
      (await store.findArticle(
        article.url ? normalizeArticleUrl(article.url) : null,
        articleFingerprint(article.body, article.date),
      )) !== null;
    if (exists) {
      skippedArticles.add(article.id);
      counts.skipped += 1;
    } else fresh.articles.push(article);
  }
  const skippedTasks = new Set<string>();
  for (const task of data.tasks) {
    if ((task.articleId && skippedArticles.has(task.articleId)) || (await store.getTask(task.id))) {
      skippedTasks.add(task.id);
    } else fresh.tasks.push(task);
  }
  fresh.updates = data.updates.filter((u) => !skippedTasks.has(u.taskId));

  const show = options.progress(fresh.tasks.length);
  show(0);
  // One bulk load: the articles, then the tasks in batches with their own history entries (indexes built once).
  const byTask = new Map<string, TaskUpdateEntry[]>();
  for (const u of fresh.updates) {
    const list = byTask.get(u.taskId);
    if (list) list.push(u);
    else byTask.set(u.taskId, [u]);
  }
  function* chunks() {
    yield { articles: fresh.articles, tasks: [], updates: [] };
    for (let i = 0; i < fresh.tasks.length; i += options.batchSize) {
      const tasks = fresh.tasks.slice(i, i + options.batchSize);
      yield { articles: [], tasks, updates: tasks.flatMap((t) => byTask.get(t.id) ?? []) };
      show(Math.min(fresh.tasks.length, i + options.batchSize));
    }
  }
  await store.importData(chunks(), { batchSize: options.batchSize });
  return {
    articles: fresh.articles.length,
    tasks: fresh.tasks.length,
    updates: fresh.updates.length,
    skipped: counts.skipped,
  };
}

/** Bulk-format articles → articles and their tasks, directives extracted as the app's import does. */
function articlesWithExtractedTasks(items: ReadonlyArray<z.infer<typeof BulkArticle>>): DataSet {
  const localities = loadLocalities();
  const data: DataSet = { articles: [], tasks: [], updates: [] };
  for (const [i, item] of items.entries()) {
    const body = item.body.normalize('NFC');
    const directives = extractDirectives(body, { articleDate: item.date, localities });
    const input: ArticleCreate = {
      title: item.title,
      publisher: item.publisher,
      date: item.date,
      url: item.url ?? null,
      body,
      directives: directives.map((d) => ({
        title: d.title,
        description: '',
        quote: d.quote,
        clause: d.clause,
        issuer: d.issuer,
        assignee: d.assignee,
        localityCodes: d.localities.map((l) => l.code),
        category: d.category,
        flagship: d.flagship,
        deadline: d.deadline,
      })),
    } as ArticleCreate;
    const id = `a-imp-${articleFingerprint(body, item.date)
      .replace(/[^a-z0-9]/gi, '')
      .slice(-10)}-${i}`;
    const built = buildImport(input, id);
    data.articles.push(built.article);
    data.tasks.push(...built.tasks);
  }
  return data;
}
