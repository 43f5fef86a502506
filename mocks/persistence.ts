/**
 * Persistence of the demo's edits in the browser, with one owner of the data for every tab.
 *
 * The sample data is rebuilt on every start; what people changed (updated tasks with their history, imported
 * articles with their tasks, and the answers kept under Idempotency-Keys) is stored in IndexedDB, one record per
 * task, article and key, plus a `meta` record counting every write. Rules:
 *
 * - **Acknowledged means stored.** A write is stored first, in one IndexedDB readwrite transaction with strict
 *   durability, and only then applied in memory and answered. A failed transaction (quota, storage gone) throws
 *   StoreUnavailableError: the app answers 503, nothing changes, the form keeps what was typed.
 * - **At most one write per version, across tabs.** A task's write is a compare-and-set on its stored version
 *   inside that transaction; IndexedDB runs readwrite transactions on a store one at a time across tabs, so when
 *   two tabs write the same version at the same moment, one stores it and the other is told the task changed.
 * - **Other tabs hear of it.** After a write, a BroadcastChannel message tells the other tabs, which bring the
 *   change into their memory and call the listeners of `onExternalChange` (live updates of open screens).
 * - **One bad record never costs the rest.** On start every record is validated alone; what does not fit is set
 *   aside (kept in the `set-aside` record with why), the rest is used, and the person can download or restore it.
 * - **Storage deleted under a running app** (site data cleared, another tab deleting the database): the connection
 *   is closed when asked, and the next write stores everything this tab knows again, not just its own change.
 */
import { z } from 'zod';
import type { MemoryStoreHooks } from '../server/store/memory';
import { type IdempotentResponse, StoreUnavailableError } from '../server/store/types';
import type { MockStorageStatus, SetAsideSummary, StorageNoticeKind } from '../src/api/mock-storage';
import { Article, Task } from '../src/api/schemas';
import { TaskUpdate } from '../src/api/task-update-schemas';
import type { TaskUpdateEntry } from '../src/domain/task-updates';
import { addArticle, type MockDb, replaceTask } from './db';
import type { DbStore } from './store';

/**
 * Version of the stored layout. 3: one record per task/article/key. 1 and 2 (one `edits` record holding
 * everything; 1 without imported articles) are read and rewritten as 3 on start.
 */
export const STORE_SCHEMA_VERSION = 3;
export const IDB_NAME = 'directive-tracker-mock';
export const IDB_STORE = 'edits';
/** The single record of layouts 1 and 2. */
export const LEGACY_KEY = 'edits';
export const META_KEY = 'meta';
/** What was set aside on start: a list of SetAsideItem, newest last, never silently deleted. */
export const SET_ASIDE_KEY = 'set-aside';
export const taskKey = (id: string) => `task:${id}`;
export const articleKey = (id: string) => `article:${id}`;
export const idempotencyKey = (key: string) => `idem:${key}`;
/** The BroadcastChannel other tabs listen on. */
export const CHANNEL_NAME = 'directive-tracker-mock';
/** How long an answer is kept under its Idempotency-Key. */
const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

const StoredTask = Task.omit({ timeliness: true });
export const PersistedTask = z.object({ task: StoredTask, updates: z.array(TaskUpdate) });
export type PersistedTask = z.infer<typeof PersistedTask>;
/** An article added through POST /articles, with its tasks as created (their later edits are task records). */
export const PersistedImport = z.object({ article: Article, tasks: z.array(StoredTask) });
export type PersistedImport = z.infer<typeof PersistedImport>;
const PersistedIdempotent = z.object({
  key: z.string(),
  fingerprint: z.string(),
  status: z.int(),
  body: z.string(),
  headers: z.record(z.string(), z.string()),
  createdAt: z.string(),
});
const Meta = z.object({
  schemaVersion: z.literal(STORE_SCHEMA_VERSION),
  /** Bumped by every write: a tab whose last seen `seq` differs reads the records again. */
  seq: z.int().nonnegative(),
  savedAt: z.string().nullable(),
  /** Set when someone chose "reset sample data": every tab then forgets its edits. */
  resetAt: z.string().nullable(),
});
type Meta = z.infer<typeof Meta>;

export const SET_ASIDE_REASONS = ['old_version', 'corrupted', 'invalid', 'inconsistent'] as const;
export interface SetAsideItem {
  id: string;
  /** A task's edit, an imported article, or a whole store that could not be read at all. */
  kind: 'task' | 'article' | 'store';
  /** The task or article id it was stored under (null for a whole store). */
  ref: string | null;
  reason: (typeof SET_ASIDE_REASONS)[number];
  setAsideAt: string;
  value: unknown;
}

/** Where the edits live: IndexedDB in the browser, memory in tests. */
export interface StorageAdapter {
  readonly kind: 'indexeddb' | 'memory';
  read(key: string): Promise<unknown>;
  /** Every record, by key. */
  readAll(): Promise<Map<string, unknown>>;
  /**
   * One readwrite transaction: reads `keys`, gives their values to `fn`, and stores what it returns (undefined:
   * delete the key), all or nothing; resolves once the transaction is durably committed. `fn` returning null
   * writes nothing; `fn` throwing aborts. Transactions of every tab run one at a time.
   */
  transact(keys: readonly string[], fn: (values: unknown[]) => Map<string, unknown> | null): Promise<void>;
}

/** IndexedDB without a wrapper: strict durability, and the connection closed when someone deletes the database. */
export function indexedDbAdapter(): StorageAdapter {
  let opening: Promise<IDBDatabase> | null = null;
  const open = () => {
    opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(IDB_NAME);
      request.onupgradeneeded = () => {
        if (!request.result.objectStoreNames.contains(IDB_STORE)) request.result.createObjectStore(IDB_STORE);
      };
      request.onsuccess = () => {
        const db = request.result;
        // Deleting or upgrading the database waits for us: let it happen, and open a fresh one on the next use.
        db.onversionchange = () => {
          db.close();
          opening = null;
        };
        db.onclose = () => {
          opening = null;
        };
        resolve(db);
      };
      request.onerror = () => {
        opening = null;
        reject(request.error);
      };
    });
    return opening;
  };
  const done = (tx: IDBTransaction) =>
    new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error ?? new DOMException('Transaction aborted', 'AbortError'));
      tx.onerror = () => reject(tx.error);
    });
  const transaction = async (mode: IDBTransactionMode) => {
    const db = await open();
    try {
      return db.transaction(IDB_STORE, mode, { durability: 'strict' });
    } catch (error) {
      // Closed under us (deleted meanwhile): once more on a fresh connection.
      opening = null;
      if ((error as DOMException)?.name !== 'InvalidStateError') throw error;
      return (await open()).transaction(IDB_STORE, mode, { durability: 'strict' });
    }
  };
  return {
    kind: 'indexeddb',
    async read(key) {
      const tx = await transaction('readonly');
      const request = tx.objectStore(IDB_STORE).get(key);
      await done(tx);
      return request.result;
    },
    async readAll() {
      const tx = await transaction('readonly');
      const store = tx.objectStore(IDB_STORE);
      const keys = store.getAllKeys();
      const values = store.getAll();
      await done(tx);
      return new Map(keys.result.map((k, i) => [String(k), values.result[i]]));
    },
    async transact(keys, fn) {
      const tx = await transaction('readwrite');
      const store = tx.objectStore(IDB_STORE);
      const finished = done(tx);
      const values: unknown[] = new Array(keys.length);
      let pending = keys.length;
      const write = () => {
        try {
          const out = fn(values);
          if (out) for (const [k, v] of out) v === undefined ? store.delete(k) : store.put(v, k);
        } catch (error) {
          tx.abort();
          finished.catch(() => undefined);
          throw error;
        }
      };
      let failure: unknown = null;
      if (pending === 0) {
        try {
          write();
        } catch (error) {
          failure = error;
        }
      }
      keys.forEach((key, i) => {
        const request = store.get(key);
        request.onsuccess = () => {
          values[i] = request.result;
          pending -= 1;
          if (pending === 0) {
            try {
              write();
            } catch (error) {
              failure = error;
            }
          }
        };
      });
      try {
        await finished;
      } catch (error) {
        throw failure ?? error;
      }
      if (failure) throw failure;
    },
  };
}

export function memoryAdapter(initial: Record<string, unknown> = {}): StorageAdapter & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>(Object.entries(initial));
  return {
    kind: 'memory',
    data,
    read: async (key) => structuredClone(data.get(key)),
    readAll: async () => structuredClone(data),
    async transact(keys, fn) {
      const out = fn(keys.map((k) => structuredClone(data.get(k))));
      if (out) for (const [k, v] of out) v === undefined ? data.delete(k) : data.set(k, structuredClone(v));
    },
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

function articleFits(id: string, entry: PersistedImport): boolean {
  if (entry.article.id !== id || entry.article.taskIds.join() !== entry.tasks.map((t) => t.id).join()) return false;
  return entry.tasks.every((t) => t.articleId === id && t.version === 1);
}

type Check<T> = { ok: true; value: T } | { ok: false; reason: 'invalid' | 'inconsistent' };

export function checkTask(id: string, raw: unknown): Check<PersistedTask> {
  const parsed = PersistedTask.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  return historyFits(id, parsed.data) ? { ok: true, value: parsed.data } : { ok: false, reason: 'inconsistent' };
}

export function checkArticle(id: string, raw: unknown): Check<PersistedImport> {
  const parsed = PersistedImport.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  return articleFits(id, parsed.data) ? { ok: true, value: parsed.data } : { ok: false, reason: 'inconsistent' };
}

/**
 * A task edit whose history is sound but whose version does not follow from it (the case of a damaged counter):
 * the version is taken from the history. Null when nothing sound is left to restore.
 */
export function repairTask(id: string, raw: unknown): PersistedTask | null {
  const parsed = PersistedTask.safeParse(raw);
  if (!parsed.success) return null;
  const { task, updates } = parsed.data;
  const fixed = { task: { ...task, version: updates.length + 1 }, updates };
  return historyFits(id, fixed) ? fixed : null;
}

const newId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export interface ParsedEdits {
  tasks: Map<string, PersistedTask>;
  articles: Map<string, PersistedImport>;
  idempotency: Map<string, IdempotentResponse>;
  /** Records that did not fit, each on its own. */
  setAside: SetAsideItem[];
}

/**
 * Reads a store of layout 1 or 2 (one record with everything). Null when it cannot be read at all (then the whole
 * value is set aside); otherwise every task and article entry is checked on its own.
 */
export function parseLegacyEdits(
  stored: unknown,
): { ok: true; edits: ParsedEdits } | { ok: false; reason: 'old_version' | 'corrupted' } {
  const version =
    typeof stored === 'object' && stored !== null && 'schemaVersion' in stored
      ? (stored as { schemaVersion: unknown }).schemaVersion
      : null;
  if (typeof version === 'number' && version !== 1 && version !== 2) return { ok: false, reason: 'old_version' };
  const Legacy = z.object({
    schemaVersion: z.union([z.literal(1), z.literal(2)]),
    tasks: z.record(z.string(), z.unknown()),
    articles: z.record(z.string(), z.unknown()).optional(),
  });
  const parsed = Legacy.safeParse(stored);
  if (!parsed.success) return { ok: false, reason: 'corrupted' };
  const records = new Map<string, unknown>();
  for (const [id, v] of Object.entries(parsed.data.tasks)) records.set(taskKey(id), v);
  for (const [id, v] of Object.entries(parsed.data.articles ?? {})) records.set(articleKey(id), v);
  return { ok: true, edits: parseRecords(records) };
}

/** Checks every record of layout 3 on its own. */
export function parseRecords(records: ReadonlyMap<string, unknown>): ParsedEdits {
  const out: ParsedEdits = { tasks: new Map(), articles: new Map(), idempotency: new Map(), setAside: [] };
  const at = new Date().toISOString();
  for (const [key, raw] of records) {
    if (key.startsWith('task:')) {
      const id = key.slice(5);
      const checked = checkTask(id, raw);
      if (checked.ok) out.tasks.set(id, checked.value);
      else
        out.setAside.push({ id: newId(), kind: 'task', ref: id, reason: checked.reason, setAsideAt: at, value: raw });
    } else if (key.startsWith('article:')) {
      const id = key.slice(8);
      const checked = checkArticle(id, raw);
      if (checked.ok) out.articles.set(id, checked.value);
      else
        out.setAside.push({
          id: newId(),
          kind: 'article',
          ref: id,
          reason: checked.reason,
          setAsideAt: at,
          value: raw,
        });
    } else if (key.startsWith('idem:')) {
      // Not the person's data: an unreadable answer is dropped (a retry then meets If-Match).
      const parsed = PersistedIdempotent.safeParse(raw);
      if (parsed.success) out.idempotency.set(parsed.data.key, parsed.data);
    }
  }
  // An imported task's edit belongs to its article: without the article it cannot be applied on its own.
  return out;
}

export interface LoadedEdits {
  tasks: Map<string, PersistedTask>;
  /** Imported articles with their tasks as created (absent: none). */
  articles?: Map<string, PersistedImport>;
  idempotency?: Map<string, IdempotentResponse>;
  savedAt: string | null;
  notice: StorageNoticeKind | null;
  /** False when the storage cannot be used at all (the edits then last until reload). */
  available: boolean;
  /** The write counter when loaded. */
  seq?: number;
  resetAt?: string | null;
  /** Everything ever set aside, this time and before. */
  setAside?: SetAsideItem[];
}

function readSetAside(raw: unknown): SetAsideItem[] {
  return Array.isArray(raw) ? (raw as SetAsideItem[]).filter((x) => typeof x === 'object' && x !== null) : [];
}

/**
 * Reads and validates the stored edits. Never throws: an unusable storage yields no edits and a notice. A record
 * that does not fit is moved to SET_ASIDE_KEY (with why) in the same transaction that keeps the rest; a store of an
 * older layout is rewritten in the current one.
 */
export async function loadEdits(adapter: StorageAdapter): Promise<LoadedEdits> {
  let all: Map<string, unknown>;
  try {
    all = await adapter.readAll();
  } catch {
    return { tasks: new Map(), savedAt: null, notice: 'unavailable', available: false };
  }
  const at = new Date().toISOString();
  const legacy = all.get(LEGACY_KEY);
  const setAside: SetAsideItem[] = [];
  let records: Map<string, unknown> = all;
  let wholeStore: 'old_version' | 'corrupted' | null = null;
  if (legacy !== undefined) {
    const parsed = parseLegacyEdits(legacy);
    if (parsed.ok) {
      records = new Map();
      for (const [id, v] of parsed.edits.tasks) records.set(taskKey(id), v);
      for (const [id, v] of parsed.edits.articles) records.set(articleKey(id), v);
      setAside.push(...parsed.edits.setAside);
    } else {
      wholeStore = parsed.reason;
      setAside.push({ id: newId(), kind: 'store', ref: null, reason: parsed.reason, setAsideAt: at, value: legacy });
    }
  }
  const parsed = parseRecords(legacy !== undefined && wholeStore === null ? records : all);
  setAside.push(...parsed.setAside);
  const meta = Meta.safeParse(all.get(META_KEY));
  let seq = meta.success ? meta.data.seq : 0;
  const savedAt = meta.success ? meta.data.savedAt : null;
  const resetAt = meta.success ? meta.data.resetAt : null;

  if (legacy !== undefined || setAside.length > 0) {
    try {
      await adapter.transact([SET_ASIDE_KEY, META_KEY], ([oldAside, oldMeta]) => {
        const out = new Map<string, unknown>();
        const m = Meta.safeParse(oldMeta);
        seq = (m.success ? m.data.seq : 0) + 1;
        out.set(META_KEY, { schemaVersion: STORE_SCHEMA_VERSION, seq, savedAt: at, resetAt } satisfies Meta);
        if (setAside.length > 0) out.set(SET_ASIDE_KEY, [...readSetAside(oldAside), ...setAside]);
        if (legacy !== undefined) {
          out.set(LEGACY_KEY, undefined);
          for (const [id, v] of parsed.tasks) out.set(taskKey(id), v);
          for (const [id, v] of parsed.articles) out.set(articleKey(id), v);
        }
        for (const item of setAside) {
          if (item.kind === 'task' && item.ref) out.set(taskKey(item.ref), undefined);
          if (item.kind === 'article' && item.ref) out.set(articleKey(item.ref), undefined);
        }
        return out;
      });
    } catch {
      // Kept as it is on disk; this start uses what could be read, and the notice still tells the person.
    }
  }
  const notice: StorageNoticeKind | null = wholeStore ?? (setAside.length > 0 ? 'set_aside' : null);
  return {
    tasks: parsed.tasks,
    articles: parsed.articles,
    idempotency: parsed.idempotency,
    savedAt,
    notice,
    available: true,
    seq,
    resetAt,
    setAside: [...readSetAside(all.get(SET_ASIDE_KEY)), ...setAside],
  };
}

/** A change another tab made, as heard by this tab after it brought the change into its memory. */
export type ExternalChange =
  | { kind: 'task'; taskId: string; version: number }
  | { kind: 'article'; articleId: string }
  | { kind: 'reset' };

const externalListeners = new Set<(change: ExternalChange) => void>();

/**
 * Calls `listener` after another tab of the demo stored a change and this tab's mock API has it (so a refetch
 * now sees it): `{ kind: 'task', taskId, version }`, `{ kind: 'article', articleId }` or `{ kind: 'reset' }`.
 * Returns the function that stops listening. For live updates of open screens (invalidate the queries concerned).
 */
export function onExternalChange(listener: (change: ExternalChange) => void): () => void {
  externalListeners.add(listener);
  return () => externalListeners.delete(listener);
}

/** What the handlers and the demo controls need from persistence. */
export interface MockPersistence {
  /** The memory store's hooks: sync before a write, the durable compare-and-set, the idempotency records. */
  readonly hooks: MemoryStoreHooks;
  /** Brings in what another tab stored since (so a stale write in this tab is detected). */
  sync(db: MockDb): Promise<void>;
  status(): MockStorageStatus;
  /** Forgets every edit (in every tab) and rebuilds the sample data of the current dataset. */
  reset(): Promise<void>;
  /** The value of a set-aside item (to download it), or undefined. */
  setAsideValue(id: string): unknown;
  /** Tries to take a set-aside item back (a task's version is repaired from its history when that is all). */
  restore(id: string): Promise<'restored' | 'unrestorable' | 'missing'>;
  /** Stops listening to other tabs. */
  close(): void;
}

function applyEdit(db: MockDb, id: string, edit: PersistedTask): boolean {
  const current = db.tasks.get(id);
  if (!current || current.version > edit.task.version) return false;
  replaceTask(db, edit.task);
  db.updates.set(id, edit.updates as TaskUpdateEntry[]);
  return true;
}

const notStored = (error: unknown) =>
  new StoreUnavailableError(
    (error as DOMException)?.name === 'QuotaExceededError'
      ? 'the browser has no room left for this site.'
      : 'the browser refused to store it.',
  );

/**
 * Wraps a db store so every database it builds (on start, on a dataset switch, on reset) carries the stored
 * edits, and returns the persistence the handlers use.
 */
export function createPersistentStore(
  inner: DbStore,
  adapter: StorageAdapter | null,
  loaded: LoadedEdits,
  options: { channel?: boolean } = {},
): { store: DbStore; persistence: MockPersistence } {
  const edits = new Map(loaded.tasks);
  const imports = new Map(loaded.articles ?? []);
  const idempotent = new Map(loaded.idempotency ?? []);
  let setAside = [...(loaded.setAside ?? [])];
  let savedAt = loaded.savedAt;
  /** The write counter as this tab last knew it; another value in storage means another tab wrote. */
  let seenSeq = loaded.seq ?? 0;
  let resetAt = loaded.resetAt ?? null;
  const usable = adapter !== null && loaded.available;
  const unavailable = () => ({ kind: 'unavailable' as const, at: new Date().toISOString() });
  let notice: MockStorageStatus['notice'] = loaded.notice
    ? { kind: loaded.notice, at: new Date().toISOString() }
    : usable
      ? null
      : unavailable();
  let applied: MockDb | null = null;

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

  const channel =
    options.channel !== false && usable && typeof BroadcastChannel !== 'undefined'
      ? new BroadcastChannel(CHANNEL_NAME)
      : null;
  const tell = (change: ExternalChange) => {
    try {
      channel?.postMessage(change);
    } catch {
      // Other tabs then find the change at their next write or reload.
    }
  };

  /** Every record this tab knows, to store again when the storage was emptied under it. */
  const everything = (out: Map<string, unknown>) => {
    for (const [id, entry] of imports) if (!out.has(articleKey(id))) out.set(articleKey(id), entry);
    for (const [id, edit] of edits) if (!out.has(taskKey(id))) out.set(taskKey(id), edit);
    for (const [key, r] of idempotent) if (!out.has(idempotencyKey(key))) out.set(idempotencyKey(key), r);
  };

  /**
   * One durable write: `change` sees the stored values of `keys` and returns the records to store (or null to
   * store nothing). The write counter is bumped in the same transaction. Throws StoreUnavailableError.
   */
  const commit = async (
    keys: string[],
    /** `stored` is the write counter in storage (null when there is none): another value than `seenSeq` means
     * another tab wrote since this one last synchronised. */
    change: (values: unknown[], stored: number | null) => Map<string, unknown> | null,
  ) => {
    if (!adapter) return;
    let wrote = false;
    try {
      await adapter.transact([META_KEY, ...keys], ([rawMeta, ...values]) => {
        const meta = Meta.safeParse(rawMeta);
        const out = change(values, meta.success ? meta.data.seq : null);
        if (!out) return null;
        // No meta although this tab saw writes: the storage was emptied under us; keep what we know.
        if (!meta.success && seenSeq > 0) everything(out);
        const at = new Date().toISOString();
        const next: Meta = {
          schemaVersion: STORE_SCHEMA_VERSION,
          seq: (meta.success ? meta.data.seq : 0) + 1,
          savedAt: at,
          resetAt: meta.success ? meta.data.resetAt : resetAt,
        };
        out.set(META_KEY, next);
        wrote = true;
        seenSeq = next.seq;
        savedAt = at;
        return out;
      });
    } catch (error) {
      if (error instanceof StoreUnavailableError) throw error;
      notice = { kind: 'save_failed', at: new Date().toISOString() };
      throw notStored(error);
    }
    if (wrote && notice?.kind === 'save_failed') notice = null;
  };

  const forget = () => {
    edits.clear();
    imports.clear();
    idempotent.clear();
    applyAll(inner.reset(inner.get().dataset));
  };

  const sync = async (db: MockDb): Promise<ExternalChange[]> => {
    if (!usable || !adapter) return [];
    const heard: ExternalChange[] = [];
    try {
      const meta = Meta.safeParse(await adapter.read(META_KEY));
      if (!meta.success || meta.data.seq === seenSeq) return [];
      if (meta.data.resetAt !== resetAt) {
        resetAt = meta.data.resetAt;
        forget();
        heard.push({ kind: 'reset' });
        db = store.get();
      }
      const parsed = parseRecords(await adapter.readAll());
      for (const [id, entry] of parsed.articles) {
        if (!imports.has(id)) imports.set(id, entry);
        if (!db.articles.has(id)) {
          addArticle(db, entry.article, entry.tasks);
          heard.push({ kind: 'article', articleId: id });
        }
      }
      for (const [id, edit] of parsed.tasks) {
        const mine = edits.get(id);
        if (mine && mine.task.version >= edit.task.version) continue;
        edits.set(id, edit);
        if (applyEdit(db, id, edit)) heard.push({ kind: 'task', taskId: id, version: edit.task.version });
      }
      for (const [key, r] of parsed.idempotency) if (!idempotent.has(key)) idempotent.set(key, r);
      seenSeq = meta.data.seq;
      savedAt = meta.data.savedAt;
    } catch {
      // Reading failed: carry on with what this tab has; the write itself will fail if storage is gone.
    }
    return heard;
  };

  const hooks: MemoryStoreHooks = {
    beforeWrite: async (db) => {
      await sync(db);
    },
    async storeTaskChange(db, next, entry, expectedVersion) {
      const id = next.id;
      const mine: PersistedTask = { task: next, updates: [...(db.updates.get(id) ?? []), entry] };
      let theirs: PersistedTask | null = null;
      await commit([taskKey(id)], ([raw]) => {
        const checked = raw === undefined ? null : checkTask(id, raw);
        const stored = checked?.ok ? checked.value : null;
        // Compare-and-set: another tab stored this task at another version since we read it.
        if (stored && stored.task.version !== expectedVersion) {
          theirs = stored;
          return null;
        }
        return new Map([[taskKey(id), mine]]);
      });
      if (!adapter) {
        edits.set(id, mine);
        return 'ok';
      }
      const newer = theirs as PersistedTask | null;
      if (newer) {
        edits.set(id, newer);
        applyEdit(db, id, newer);
        return 'stale';
      }
      edits.set(id, mine);
      tell({ kind: 'task', taskId: id, version: next.version });
      return 'ok';
    },
    async storeArticle(_db, article, tasks) {
      const entry: PersistedImport = { article, tasks: [...tasks] };
      await commit([], () => new Map([[articleKey(article.id), entry]]));
      imports.set(article.id, entry);
      if (adapter) tell({ kind: 'article', articleId: article.id });
    },
    async storeArticles(_db, items) {
      const entries = items.map(({ article, tasks }): PersistedImport => ({ article, tasks: [...tasks] }));
      let stale = false;
      // One transaction for the whole batch, refused when another tab wrote since this one synchronised (its
      // articles may duplicate these: the store checks again after bringing them in).
      await commit([], (_values, stored) => {
        if (stored !== null && stored !== seenSeq) {
          stale = true;
          return null;
        }
        return new Map(entries.map((entry) => [articleKey(entry.article.id), entry]));
      });
      if (stale) return 'stale';
      for (const entry of entries) imports.set(entry.article.id, entry);
      // One message: the other tabs read every record they have not seen.
      const first = entries[0];
      if (adapter && first) tell({ kind: 'article', articleId: first.article.id });
      return 'ok';
    },
    async loadIdempotent(key) {
      const known = idempotent.get(key);
      if (known || !usable || !adapter) return known ?? null;
      try {
        const parsed = PersistedIdempotent.safeParse(await adapter.read(idempotencyKey(key)));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    async storeIdempotent(record) {
      idempotent.set(record.key, record);
      const oldest = Date.now() - IDEMPOTENCY_TTL_MS;
      await commit([idempotencyKey(record.key)], ([raw]) => {
        if (raw !== undefined) return null; // the first answer stays
        const out = new Map<string, unknown>([[idempotencyKey(record.key), record]]);
        for (const [key, r] of idempotent) {
          if (Date.parse(r.createdAt) < oldest) {
            idempotent.delete(key);
            out.set(idempotencyKey(key), undefined);
          }
        }
        return out;
      });
    },
  };
  if (!usable) {
    // Never stored: the edits last until reload, as the notice says; writes apply in memory only.
    delete hooks.storeTaskChange;
    delete hooks.storeArticle;
    delete hooks.storeArticles;
    delete hooks.storeIdempotent;
  }

  if (channel) {
    channel.onmessage = () => {
      void sync(store.get()).then((heard) => {
        for (const change of heard) for (const listener of externalListeners) listener(change);
      });
    };
  }

  const summary = (): SetAsideSummary[] =>
    setAside.map(({ id, kind, ref, reason, setAsideAt }) => ({ id, kind, ref, reason, setAsideAt }));

  const persistence: MockPersistence = {
    hooks,
    async sync(db) {
      await sync(db);
    },
    status() {
      return {
        kind: usable && adapter ? adapter.kind : 'none',
        editedTasks: edits.size,
        savedAt,
        notice,
        setAside: summary(),
      };
    },
    async reset() {
      const at = new Date().toISOString();
      if (usable && adapter) {
        const all = await adapter.readAll().catch(() => new Map<string, unknown>());
        await commit(
          [...all.keys()].filter((k) => k !== META_KEY && k !== SET_ASIDE_KEY),
          () => {
            const out = new Map<string, unknown>();
            for (const key of all.keys()) if (key !== META_KEY && key !== SET_ASIDE_KEY) out.set(key, undefined);
            return out;
          },
        ).catch(() => undefined);
        // The reset itself, so every other tab forgets its edits too.
        await adapter
          .transact([META_KEY], ([raw]) => {
            const meta = Meta.safeParse(raw);
            const seq = (meta.success ? meta.data.seq : 0) + 1;
            seenSeq = seq;
            return new Map([[META_KEY, { schemaVersion: STORE_SCHEMA_VERSION, seq, savedAt: null, resetAt: at }]]);
          })
          .catch(() => undefined);
      }
      resetAt = at;
      savedAt = null;
      notice = usable ? null : unavailable();
      forget();
      tell({ kind: 'reset' });
    },
    setAsideValue(id) {
      return setAside.find((x) => x.id === id)?.value;
    },
    async restore(id) {
      const item = setAside.find((x) => x.id === id);
      if (!item) return 'missing';
      const db = store.get();
      await sync(db);
      if (item.kind === 'task' && item.ref) {
        const ref = item.ref;
        const checked = checkTask(ref, item.value);
        const edit = checked.ok ? checked.value : repairTask(ref, item.value);
        const current = db.tasks.get(ref);
        if (!edit || !current || current.version > edit.task.version) return 'unrestorable';
        await commit([taskKey(ref), SET_ASIDE_KEY], ([, aside]) => {
          const rest = readSetAside(aside).filter((x) => x.id !== id);
          return new Map<string, unknown>([
            [taskKey(ref), edit],
            [SET_ASIDE_KEY, rest],
          ]);
        });
        edits.set(ref, edit);
        applyEdit(db, ref, edit);
        tell({ kind: 'task', taskId: ref, version: edit.task.version });
      } else if (item.kind === 'article' && item.ref) {
        const ref = item.ref;
        const checked = checkArticle(ref, item.value);
        if (!checked.ok || db.articles.has(ref)) return 'unrestorable';
        await commit([SET_ASIDE_KEY], ([aside]) => {
          const rest = readSetAside(aside).filter((x) => x.id !== id);
          return new Map<string, unknown>([
            [articleKey(ref), checked.value],
            [SET_ASIDE_KEY, rest],
          ]);
        });
        imports.set(ref, checked.value);
        addArticle(db, checked.value.article, checked.value.tasks);
        tell({ kind: 'article', articleId: ref });
      } else {
        // A whole store of an older layout: take back every entry that still fits.
        const parsed = parseLegacyEdits(item.value);
        if (!parsed.ok) return 'unrestorable';
        for (const [ref, edit] of parsed.edits.tasks) {
          const current = db.tasks.get(ref);
          if (!current || current.version > edit.task.version) continue;
          edits.set(ref, edit);
          applyEdit(db, ref, edit);
        }
        for (const [ref, entry] of parsed.edits.articles) {
          if (db.articles.has(ref)) continue;
          imports.set(ref, entry);
          addArticle(db, entry.article, entry.tasks);
        }
        await commit([SET_ASIDE_KEY], ([aside]) => {
          const out = new Map<string, unknown>([[SET_ASIDE_KEY, readSetAside(aside).filter((x) => x.id !== id)]]);
          everything(out);
          return out;
        });
      }
      setAside = setAside.filter((x) => x.id !== id);
      if (notice && ['set_aside', 'corrupted', 'old_version'].includes(notice.kind) && setAside.length === 0)
        notice = null;
      return 'restored';
    },
    close() {
      channel?.close();
    },
  };
  return { store, persistence };
}
