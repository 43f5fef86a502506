/**
 * The change feed: every successful write is published here once, and every open event stream (GET /api/v1/events)
 * hears it. A bounded ring buffer of the latest changes, keyed by their id, lets a stream that reconnects with
 * `Last-Event-ID` get exactly what it missed; when the id is older than the buffer (or from another life of the
 * data: a reset, a restarted demo) it is told to reload everything instead. No I/O here: the same module runs in
 * Node and in the browser demo, and a PostgreSQL bridge (pg-bridge.ts) feeds it the changes of other processes.
 */
import type { LiveChange } from '../../src/api/live';

/** What a change touched, as the writer knows it. */
export interface ChangeScope {
  /** Every query may be affected (an import, a reset, a dataset switch): clients refetch all they show. */
  all?: boolean;
  /** Ids of the tasks created or changed. */
  tasks?: readonly string[];
  /** Ids of the articles created or changed. */
  articles?: readonly string[];
  /** Up to a few titles of what changed, for the "Vừa cập nhật: …" announcement. */
  titles?: readonly string[];
}

/** One published change, as sent on the wire: the contract's type, which the browser's live client reads. */
export type Change = LiveChange;

export type ResumeResult = { kind: 'changes'; changes: Change[] } | { kind: 'reload' };

export interface ChangeFeed {
  /** This feed's origin id (random per process / tab). */
  readonly origin: string;
  /**
   * Publishes a change made with data version `version` (read after the write). Changes from elsewhere (another
   * process, another tab) keep their origin and time. Returns the change as delivered.
   */
  publish(version: number, scope: ChangeScope, from?: { origin: string; at?: string }): Change;
  /** Hears every change from now on; returns the unsubscribe. `onClose` is called if the feed closes first. */
  subscribe(listener: (change: Change) => void, onClose?: () => void): () => void;
  /** Ends every subscription (a stopping server ends its event streams at once, so clients reconnect elsewhere). */
  close(): void;
  /**
   * What a client that last saw `lastId` missed, given the data version now: the changes after it, or 'reload'
   * when they are no longer all in the buffer (or the id is from another life of the data).
   */
  resume(lastId: number, currentVersion: number): ResumeResult;
  /** The id a new stream should start from (the newest the feed knows, or the data version when newer). */
  head(currentVersion: number): number;
  /** Open subscriptions (for tests and the benchmark). */
  subscribers(): number;
}

/** Caps per change, so one huge import cannot make every event large: beyond them the change is "everything". */
const MAX_IDS = 200;
const MAX_TITLES = 3;

export interface ChangeFeedOptions {
  /** How many recent changes are kept for resuming (default 1,000: hours of a busy office). */
  capacity?: number;
  origin?: string;
  now?: () => Date;
}

export function randomOrigin(): string {
  return Math.random().toString(36).slice(2, 10) + Date.now().toString(36).slice(-4);
}

export function createChangeFeed(options: ChangeFeedOptions = {}): ChangeFeed {
  const capacity = Math.max(1, options.capacity ?? 1000);
  const origin = options.origin ?? randomOrigin();
  const now = options.now ?? (() => new Date());
  /** The ring buffer: `size` changes ending just before `next`. */
  const ring: (Change | undefined)[] = new Array(capacity);
  let next = 0;
  let size = 0;
  /** Every change with an id above `floor` is in the buffer; null until the feed has seen a version. */
  let floor: number | null = null;
  let last = 0;
  const listeners = new Set<(change: Change) => void>();
  const closers = new Map<(change: Change) => void, () => void>();

  const oldest = (): Change | undefined => ring[(next - size + capacity) % capacity];

  return {
    origin,
    publish(version, scope, from) {
      const tasks = [...new Set(scope.tasks ?? [])];
      const articles = [...new Set(scope.articles ?? [])];
      const tooMany = tasks.length > MAX_IDS || articles.length > MAX_IDS;
      const id = Math.max(version, last + 1);
      floor ??= id - 1;
      const change: Change = {
        id,
        version,
        at: from?.at ?? now().toISOString(),
        all: Boolean(scope.all) || tooMany,
        tasks: tooMany ? [] : tasks,
        articles: tooMany ? [] : articles,
        titles: (scope.titles ?? []).slice(0, MAX_TITLES).map((t) => (t.length > 160 ? `${t.slice(0, 159)}…` : t)),
        origin: from?.origin ?? origin,
      };
      last = id;
      if (size === capacity) {
        // Evict the oldest: from now on a client that saw less than it cannot be served from the buffer.
        floor = oldest()?.id ?? floor;
        size -= 1;
      }
      ring[next] = change;
      next = (next + 1) % capacity;
      size += 1;
      for (const listener of [...listeners]) {
        try {
          listener(change);
        } catch (error) {
          // One broken stream must not keep the change from the others.
          console.error('change listener failed:', error);
        }
      }
      return change;
    },
    subscribe(listener, onClose) {
      listeners.add(listener);
      if (onClose) closers.set(listener, onClose);
      return () => {
        listeners.delete(listener);
        closers.delete(listener);
      };
    },
    close() {
      const ending = [...closers.values()];
      listeners.clear();
      closers.clear();
      for (const end of ending) end();
    },
    resume(lastId, currentVersion) {
      floor ??= Math.max(currentVersion, last);
      const head = Math.max(currentVersion, last);
      if (lastId === head) return { kind: 'changes', changes: [] };
      if (lastId > head || lastId < floor) return { kind: 'reload' };
      const changes: Change[] = [];
      for (let i = 0; i < size; i += 1) {
        const change = ring[(next - size + i + capacity) % capacity];
        if (change && change.id > lastId) changes.push(change);
      }
      // The data moved on without a change we know of (a write this feed never heard): only a reload is safe.
      if (changes.length === 0 && currentVersion > lastId) return { kind: 'reload' };
      return { kind: 'changes', changes };
    },
    head(currentVersion) {
      floor ??= Math.max(currentVersion, last);
      return Math.max(currentVersion, last);
    },
    subscribers: () => listeners.size,
  };
}
