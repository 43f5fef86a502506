/**
 * Persistence of the mock API's edits in the browser. The sample data is rebuilt on every start; what people
 * changed (the tasks they updated and the history of each) is kept in IndexedDB with a schema version, and
 * applied on top. On start the stored edits are validated with zod: an old format or unreadable data is set
 * aside (kept under a backup key, never silently deleted), the sample data is used, and `GET /_mock` tells the
 * app so it can tell the person. "Reset sample data" clears the edits.
 */
import { createStore, del, get, set, type UseStore, update } from 'idb-keyval';
import { z } from 'zod';
import type { MockStorageStatus, StorageNoticeKind } from '../src/api/mock-storage';
import { Article, Task } from '../src/api/schemas';
import { TaskUpdate } from '../src/api/task-update-schemas';
import type { TaskUpdateEntry } from '../src/domain/task-updates';
import { addArticle, type MockDb, replaceTask } from './db';
import type { DbStore } from './store';

/**
 * Bump when the stored shape changes; an older store is then detected and set aside (unless it can be upgraded:
 * version 1 had no imported articles, and reads as version 2 without any).
 */
export const STORE_SCHEMA_VERSION = 2;
export const IDB_NAME = 'directive-tracker-mock';
export const IDB_STORE = 'edits';
export const EDITS_KEY = 'edits';
export const BACKUP_KEY = 'edits-unreadable-backup';

const StoredTask = Task.omit({ timeliness: true });
const PersistedTask = z.object({ task: StoredTask, updates: z.array(TaskUpdate) });
type PersistedTask = z.infer<typeof PersistedTask>;
/** An article added through POST /articles, with its tasks as created (their later edits live in `tasks`). */
const PersistedImport = z.object({ article: Article, tasks: z.array(StoredTask) });
type PersistedImport = z.infer<typeof PersistedImport>;

export const PersistedEdits = z.object({
  schemaVersion: z.literal(STORE_SCHEMA_VERSION),
  savedAt: z.string(),
  tasks: z.record(z.string(), PersistedTask),
  articles: z.record(z.string(), PersistedImport),
});
export type PersistedEdits = z.infer<typeof PersistedEdits>;

/** Where the edits live: IndexedDB in the browser, memory in tests. */
export interface StorageAdapter {
  readonly kind: 'indexeddb' | 'memory';
  read(key: string): Promise<unknown>;
  write(key: string, value: unknown): Promise<void>;
  /** Read-modify-write in one transaction where the backend allows it (two tabs saving at once). */
  update(key: string, fn: (old: unknown) => unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

export function indexedDbAdapter(): StorageAdapter {
  let store: UseStore | null = null;
  const db = () => {
    store ??= createStore(IDB_NAME, IDB_STORE);
    return store;
  };
  return {
    kind: 'indexeddb',
    read: (key) => get(key, db()),
    write: (key, value) => set(key, value, db()),
    update: (key, fn) => update(key, fn, db()),
    remove: (key) => del(key, db()),
  };
}

export function memoryAdapter(initial: Record<string, unknown> = {}): StorageAdapter & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>(Object.entries(initial));
  return {
    kind: 'memory',
    data,
    read: async (key) => structuredClone(data.get(key)),
    write: async (key, value) => void data.set(key, structuredClone(value)),
    update: async (key, fn) => void data.set(key, structuredClone(fn(structuredClone(data.get(key))))),
    remove: async (key) => void data.delete(key),
  };
}

/** Structural checks the schema cannot express: one history per task, versions consecutive up to the task's. */
function historyFits(id: string, entry: PersistedTask): boolean {
  const { task, updates } = entry;
  if (task.id !== id) return false;
  const first = task.version - updates.length + 1;
  if (first !== 2) return false;
  const last = updates.at(-1);
  if (last && (last.status !== task.status || last.progress !== task.progress)) return false;
  return updates.every((u, i) => u.taskId === id && u.version === first + i);
}

type Parsed = { ok: true; edits: PersistedEdits } | { ok: false; reason: 'old_version' | 'corrupted' };

export function parseStoredEdits(stored: unknown): Parsed {
  // Version 1 is version 2 without imported articles.
  const raw =
    typeof stored === 'object' && stored !== null && (stored as { schemaVersion?: unknown }).schemaVersion === 1
      ? { ...stored, schemaVersion: STORE_SCHEMA_VERSION, articles: {} }
      : stored;
  const version =
    typeof raw === 'object' && raw !== null && 'schemaVersion' in raw
      ? (raw as { schemaVersion: unknown }).schemaVersion
      : null;
  if (typeof version === 'number' && version !== STORE_SCHEMA_VERSION) return { ok: false, reason: 'old_version' };
  const parsed = PersistedEdits.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'corrupted' };
  for (const [id, entry] of Object.entries(parsed.data.tasks)) {
    if (!historyFits(id, entry)) return { ok: false, reason: 'corrupted' };
  }
  for (const [id, entry] of Object.entries(parsed.data.articles)) {
    const ids = entry.tasks.map((t) => t.id).join();
    if (entry.article.id !== id || entry.article.taskIds.join() !== ids) return { ok: false, reason: 'corrupted' };
    if (entry.tasks.some((t) => t.articleId !== id || t.version !== 1)) return { ok: false, reason: 'corrupted' };
  }
  return { ok: true, edits: parsed.data };
}

export interface LoadedEdits {
  tasks: Map<string, PersistedTask>;
  /** Imported articles with their tasks as created (absent: none). */
  articles?: Map<string, PersistedImport>;
  savedAt: string | null;
  notice: StorageNoticeKind | null;
  /** False when the storage cannot be used at all (the edits then last until reload). */
  available: boolean;
}

/**
 * Reads and validates the stored edits. Never throws: an unusable store yields no edits and a notice, and the
 * unreadable value is kept under BACKUP_KEY for inspection before the main key is cleared.
 */
export async function loadEdits(adapter: StorageAdapter): Promise<LoadedEdits> {
  let raw: unknown;
  try {
    raw = await adapter.read(EDITS_KEY);
  } catch {
    return { tasks: new Map(), savedAt: null, notice: 'unavailable', available: false };
  }
  if (raw === undefined || raw === null) return { tasks: new Map(), savedAt: null, notice: null, available: true };
  const parsed = parseStoredEdits(raw);
  if (parsed.ok) {
    return {
      tasks: new Map(Object.entries(parsed.edits.tasks)),
      articles: new Map(Object.entries(parsed.edits.articles)),
      savedAt: parsed.edits.savedAt,
      notice: null,
      available: true,
    };
  }
  try {
    await adapter.write(BACKUP_KEY, { setAsideAt: new Date().toISOString(), reason: parsed.reason, value: raw });
    await adapter.remove(EDITS_KEY);
  } catch {
    // The notice still tells the person; the sample data is used either way.
  }
  return { tasks: new Map(), savedAt: null, notice: parsed.reason, available: true };
}

/** What the handlers need from persistence. */
export interface MockPersistence {
  /** Brings in edits another tab saved since (so a stale write in this tab is detected). */
  sync(db: MockDb): Promise<void>;
  /** Saves the current state of a task and its history after a write. */
  recordEdit(db: MockDb, taskId: string): Promise<void>;
  /** Saves an imported article and its new tasks (POST /articles). */
  recordArticle(db: MockDb, articleId: string): Promise<void>;
  status(): MockStorageStatus;
  /** Forgets every edit and rebuilds the sample data (of the current dataset). */
  reset(): Promise<void>;
}

function applyEdit(db: MockDb, id: string, edit: PersistedTask): boolean {
  const current = db.tasks.get(id);
  if (!current || current.version > edit.task.version) return false;
  replaceTask(db, edit.task);
  db.updates.set(id, edit.updates as TaskUpdateEntry[]);
  return true;
}

/**
 * Wraps a db store so every database it builds (on start, on a dataset switch, on reset) carries the stored
 * edits, and returns the persistence the handlers use.
 */
export function createPersistentStore(
  inner: DbStore,
  adapter: StorageAdapter | null,
  loaded: LoadedEdits,
): { store: DbStore; persistence: MockPersistence } {
  const edits = new Map(loaded.tasks);
  const imports = new Map(loaded.articles ?? []);
  let savedAt = loaded.savedAt;
  const usable = adapter !== null && loaded.available;
  const unavailable = () => ({ kind: 'unavailable' as const, at: new Date().toISOString() });
  let notice: MockStorageStatus['notice'] = loaded.notice
    ? { kind: loaded.notice, at: new Date().toISOString() }
    : usable
      ? null
      : unavailable();
  let applied: MockDb | null = null;
  let queue: Promise<void> = Promise.resolve();

  const applyAll = (db: MockDb) => {
    // Imported articles first: later edits of their tasks apply on top.
    for (const [id, entry] of imports) if (!db.articles.has(id)) addArticle(db, entry.article, entry.tasks);
    for (const [id, edit] of edits) applyEdit(db, id, edit);
    applied = db;
    return db;
  };

  const store: DbStore = {
    localities: inner.localities,
    get() {
      const db = inner.get();
      return db === applied ? db : applyAll(db);
    },
    reset(dataset) {
      return applyAll(inner.reset(dataset));
    },
    scenario: () => inner.scenario(),
    setScenario(scenario) {
      return applyAll(inner.setScenario(scenario));
    },
  };

  /** Merges our edits into what is stored, keeping the newer version of each task (another tab may have saved). */
  const merge = (old: unknown): PersistedEdits => {
    const parsed = parseStoredEdits(old);
    const tasks: Record<string, PersistedTask> = parsed.ok ? { ...parsed.edits.tasks } : {};
    for (const [id, edit] of edits) {
      const theirs = tasks[id];
      if (!theirs || theirs.task.version <= edit.task.version) tasks[id] = edit;
    }
    const articles: Record<string, PersistedImport> = parsed.ok ? { ...parsed.edits.articles } : {};
    for (const [id, entry] of imports) articles[id] ??= entry;
    return { schemaVersion: STORE_SCHEMA_VERSION, savedAt: new Date().toISOString(), tasks, articles };
  };

  const save = () => {
    if (!usable || !adapter) return Promise.resolve();
    queue = queue
      .then(async () => {
        let written: PersistedEdits | null = null;
        await adapter.update(EDITS_KEY, (old) => {
          written = merge(old);
          return written;
        });
        savedAt = (written as PersistedEdits | null)?.savedAt ?? new Date().toISOString();
        if (notice?.kind === 'save_failed') notice = null;
      })
      .catch(() => {
        notice = { kind: 'save_failed', at: new Date().toISOString() };
      });
    return queue;
  };

  const persistence: MockPersistence = {
    async sync(db) {
      if (!usable || !adapter) return;
      try {
        const parsed = parseStoredEdits(await adapter.read(EDITS_KEY));
        if (!parsed.ok) return;
        for (const [id, entry] of Object.entries(parsed.edits.articles)) {
          if (!imports.has(id)) imports.set(id, entry);
          if (!db.articles.has(id)) addArticle(db, entry.article, entry.tasks);
        }
        for (const [id, edit] of Object.entries(parsed.edits.tasks)) {
          const mine = edits.get(id);
          if (mine && mine.task.version >= edit.task.version) continue;
          edits.set(id, edit);
          applyEdit(db, id, edit);
        }
      } catch {
        // Reading failed: carry on with what this tab has; the save will report a failure if storage is gone.
      }
    },
    recordEdit(db, taskId) {
      const task = db.tasks.get(taskId);
      if (!task) return Promise.resolve();
      edits.set(taskId, { task, updates: db.updates.get(taskId) ?? [] });
      return save();
    },
    recordArticle(db, articleId) {
      const article = db.articles.get(articleId);
      if (!article) return Promise.resolve();
      const tasks = article.taskIds.flatMap((id) => {
        const task = db.tasks.get(id);
        return task ? [task] : [];
      });
      imports.set(articleId, { article, tasks });
      return save();
    },
    status() {
      return {
        kind: usable && adapter ? adapter.kind : 'none',
        editedTasks: edits.size,
        savedAt,
        notice,
      };
    },
    async reset() {
      edits.clear();
      imports.clear();
      savedAt = null;
      notice = usable ? null : unavailable();
      if (usable && adapter) {
        await queue;
        await adapter.remove(EDITS_KEY).catch(() => undefined);
      }
      const dataset = inner.get().dataset;
      applyAll(inner.reset(dataset));
    },
  };
  return { store, persistence };
}
