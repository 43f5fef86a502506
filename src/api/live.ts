/**
 * Live screens: the server's change stream (`GET /events`, Server-Sent Events) turned into cache invalidations.
 *
 * One client per page (`useLiveUpdates`, mounted once in the app): an EventSource that reconnects by itself with
 * backoff and resumes with the id of the last event it saw (the server then sends what was missed, or "reload").
 * Each change invalidates exactly the queries it can affect, decided from the query-key factories: every list and
 * aggregate, and the detail and history of the changed tasks and articles only — never another task's page. The
 * figures on screen stay until the new ones arrive (invalidation refetches in the background; lists and charts
 * keep their previous data). Bursts are coalesced into one refetch.
 *
 * Where events cannot flow (a proxy that buffers them, an endpoint that fails), it falls back to polling: the active
 * queries are revalidated every 15 s; the server answers 304 to an unchanged one (its reads carry a weak ETag and
 * `Cache-Control: no-cache`, so the browser's HTTP cache sends `If-None-Match` by itself).
 *
 * The status (live, reconnecting, polling; when the stream went down; the last change) is a tiny external store
 * that screens read with `useLiveStatus()` (the presentation's freshness line and stale marker).
 */
import { type Query, type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { articlesQueries } from './articles';
import { requestsReady } from './client';
import { compareQueries } from './compare';
import { config } from './config';
import { facetsQueries } from './facets';
import { localitiesQueries } from './localities';
import { mockSettingsQueries } from './mock-settings';
import { SIGN_OUT_KEY } from './session';
import { statsQueries } from './stats';
import { taskUpdatesQueries } from './task-updates';
import { tasksQueries } from './tasks';

/** A change as the server sends it (the `data` of an SSE `change` event; its `id` is `id`): server/events/feed.ts. */
export interface LiveChange {
  /** Strictly increasing within a feed; the data version after the change whenever that is newer. */
  id: number;
  /** The data version the writer read after its write (ETags carry the same number). */
  version: number;
  /** When it was published (ISO 8601). */
  at: string;
  all: boolean;
  tasks: string[];
  articles: string[];
  titles: string[];
  /** The process (or browser tab) where the write happened; bridges use it to skip their own changes. */
  origin: string;
}

/** The first event of every stream. */
interface LiveHello {
  id: number;
  version: number;
  at: string;
  resumed: boolean;
}

// The events are checked by hand (this module is on the first screen's path, zod is not): the known fields with
// their types, the rest dropped, as a zod object would.
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isTexts = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const asRecord = (v: unknown): Record<string, unknown> | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

function readChange(v: unknown): LiveChange | null {
  const o = asRecord(v);
  if (!o) return null;
  const { id, version, at, all, tasks, articles, titles, origin } = o;
  if (!isCount(id) || !isCount(version) || typeof at !== 'string' || typeof all !== 'boolean') return null;
  if (!isTexts(tasks) || !isTexts(articles) || !isTexts(titles) || typeof origin !== 'string') return null;
  return { id, version, at, all, tasks, articles, titles, origin };
}

function readHello(v: unknown): LiveHello | null {
  const o = asRecord(v);
  if (!o) return null;
  const { id, version, at, resumed } = o;
  if (!isCount(id) || !isCount(version) || typeof at !== 'string' || typeof resumed !== 'boolean') return null;
  return { id, version, at, resumed };
}

/** Reads a change event's data; throws when it is not one. */
export const LiveChange = {
  parse(v: unknown): LiveChange {
    const change = readChange(v);
    if (!change) throw new TypeError('Not a change event');
    return change;
  },
};

/** What a burst of changes touched, merged. */
export interface ChangeSummary {
  all: boolean;
  tasks: ReadonlySet<string>;
  articles: ReadonlySet<string>;
  titles: readonly string[];
}

/** When a change was applied to the screen (the refetch it caused has finished). */
export interface AppliedChange extends ChangeSummary {
  /** Increases with every applied change (React keys, effects). */
  seq: number;
  at: number;
}

export interface LiveStatus {
  /** off: no stream on this page (no EventSource, or disabled). */
  mode: 'off' | 'connecting' | 'live' | 'down';
  /** Polling instead of (or while waiting for) the stream. */
  polling: boolean;
  /** Since when no stream has been open (ms since epoch); null while live or before the first try. */
  downSince: number | null;
  /** The last successful poll (ms). */
  lastPollOkAt: number | null;
  /** Consecutive failed connection attempts. */
  failures: number;
  lastChange: AppliedChange | null;
}

const INITIAL: LiveStatus = {
  mode: 'off',
  polling: false,
  downSince: null,
  lastPollOkAt: null,
  failures: 0,
  lastChange: null,
};

let status: LiveStatus = INITIAL;
const listeners = new Set<() => void>();

function setStatus(patch: Partial<LiveStatus>) {
  status = { ...status, ...patch };
  for (const l of [...listeners]) l();
}

export const liveStatusStore = {
  get: () => status,
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
  /** Back to the start (tests). */
  reset() {
    status = INITIAL;
    for (const l of [...listeners]) l();
  },
};

export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(liveStatusStore.subscribe, liveStatusStore.get, liveStatusStore.get);
}

/**
 * True when changes may be happening that this screen cannot hear: the stream has been down for longer than a
 * blip, and no poll has succeeded recently either.
 */
export function isLiveStale(s: LiveStatus, now: number, graceMs = 3000, pollMs = POLL_MS): boolean {
  if (s.mode === 'off' || s.mode === 'live') return false;
  if (s.downSince === null || now - s.downSince < graceMs) return false;
  return !(s.polling && s.lastPollOkAt !== null && now - s.lastPollOkAt < pollMs * 2);
}

/**
 * `isLiveStale` now, re-evaluated when the status changes and when its grace period or the last poll's validity
 * runs out (a timer to that moment, not a tick every second).
 */
export function useLiveStale(graceMs = 3000): boolean {
  const s = useLiveStatus();
  const [, setTick] = useState(0);
  const now = Date.now();
  const stale = isLiveStale(s, now, graceMs);
  useEffect(() => {
    if (s.mode === 'off' || s.mode === 'live' || s.downSince === null) return;
    const moments = [s.downSince + graceMs, ...(s.lastPollOkAt === null ? [] : [s.lastPollOkAt + POLL_MS * 2])];
    const next = Math.min(...moments.filter((m) => m > Date.now()));
    if (!Number.isFinite(next)) return;
    const timer = setTimeout(() => setTick((n) => n + 1), next - Date.now() + 20);
    return () => clearTimeout(timer);
  });
  return stale;
}

const TASK_DETAIL = tasksQueries.detail('').queryKey.slice(0, -1);
const TASK_HISTORY = taskUpdatesQueries.all();
const ARTICLE_DETAIL = articlesQueries.detail('').queryKey.slice(0, -1);
const TASKS = tasksQueries.all()[0];
const ARTICLES = articlesQueries.all()[0];
/** What the tasks make: lists, pages, histories, aggregates, comparisons, facets, articles. */
const DATA_ROOTS: ReadonlySet<unknown> = new Set([
  TASKS,
  ARTICLES,
  statsQueries.all()[0],
  compareQueries.all()[0],
  facetsQueries.all()[0],
]);
/** What no data change touches: the administrative units, the demo's own settings. */
const STATIC_ROOTS: ReadonlySet<unknown> = new Set([localitiesQueries.all()[0], mockSettingsQueries.all()[0]]);

const startsWith = (key: readonly unknown[], prefix: readonly unknown[]) => prefix.every((p, i) => key[i] === p);

/** Whether refetching everything ("reload", polling) includes this query. */
export const isDataQuery = (key: readonly unknown[]) => !STATIC_ROOTS.has(key[0]);

/**
 * Whether a query (by its key) can be affected by a change. A change to tasks affects every list and aggregate
 * (a task moves between timeliness classes, localities, facets, pages), the recent updates, the article lists
 * (filtered by their tasks), and the detail and history of those tasks only; an article's, its detail only.
 * "Everything" is every query but the static ones.
 */
export function isAffected(change: ChangeSummary, key: readonly unknown[]): boolean {
  const root = key[0];
  if (!isDataQuery(key)) return false;
  if (change.all) return true;
  if (!DATA_ROOTS.has(root)) return false;
  if (root === TASKS) {
    if (startsWith(key, TASK_DETAIL) || startsWith(key, TASK_HISTORY)) return change.tasks.has(String(key[2]));
    return true;
  }
  if (root === ARTICLES) {
    if (startsWith(key, ARTICLE_DETAIL)) return change.articles.has(String(key[2]));
    return true;
  }
  // Statistics, comparisons, facets.
  return true;
}

export interface LiveClientOptions {
  queryClient: QueryClient;
  /** The stream's URL (default: the API base + /events). */
  url?: string;
  EventSource?: typeof EventSource;
  /** Polling interval when the stream cannot be used. */
  pollMs?: number;
  /** An open stream that has not said hello by then is taken as buffered by a proxy. */
  helloTimeoutMs?: number;
  /** Failed connections in a row before polling starts (the stream keeps being retried). */
  failuresBeforePolling?: number;
  maxBackoffMs?: number;
  /** A burst of changes within this long is one refetch. */
  coalesceMs?: number;
  /** Before the queries of a change are refetched (a highlighter takes its snapshot here). */
  onBeforeApply?: (change: ChangeSummary) => void;
  /** After they were refetched (and the new figures are in the cache). */
  onApplied?: (change: AppliedChange) => void;
  /**
   * When the page began to follow the data (`now()`'s clock): the first connection refetches what was read before
   * then. The app passes its start, since this client's code loads beside the first screen and may connect after
   * the first answers came; default: the moment of connecting.
   */
  listeningSince?: number;
  now?: () => number;
}

export const POLL_MS = 15_000;

export interface LiveClient {
  start(): void;
  stop(): void;
  /** Applies one change as if it came from the stream (tests, the heap benchmark). */
  receive(change: LiveChange): void;
  /** Resolves when every change received so far has been applied. */
  settled(): Promise<void>;
}

export function eventsUrl(): string {
  const base =
    config.apiBaseUrl.startsWith('/') && typeof location !== 'undefined'
      ? `${location.origin}${config.apiBaseUrl}`
      : config.apiBaseUrl;
  return `${base}/events`;
}

/**
 * EventSource over `fetch`, for the in-browser demo: the demo's API lives in the page behind MSW, which answers
 * `fetch` but not the browser's own EventSource requests (those would reach the static host and get a 404). Reads
 * the same `text/event-stream` and dispatches the same named events; an error or the end of the stream calls
 * `onerror`, and the client's own backoff reconnects.
 */
export class FetchEventSource extends EventTarget {
  onerror: ((event: Event) => void) | null = null;
  private readonly abort = new AbortController();

  constructor(url: string) {
    super();
    watchLeaving();
    openSources.add(this);
    void this.read(url);
  }

  private async read(url: string) {
    try {
      await requestsReady();
      // As the tab leaves, the mock's worker lets go of it: a stream opened or reopened now would reach the
      // static host (a 404 in the console of the page being left). See dropReadsWhenLeaving (app.tsx).
      if (leaving || this.abort.signal.aborted) return;
      const response = await fetch(url, {
        headers: { Accept: 'text/event-stream' },
        credentials: 'same-origin',
        signal: this.abort.signal,
      });
      if (!response.ok || !response.body) throw new Error(`events: ${response.status}`);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          this.dispatchBlock(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
        }
      }
      throw new Error('events: the stream ended');
    } catch {
      if (!this.abort.signal.aborted && !leaving) this.onerror?.(new Event('error'));
    }
  }

  private dispatchBlock(block: string) {
    let type = 'message';
    let id = '';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') type = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') id = value;
    }
    if (data.length === 0 && type === 'message') return;
    this.dispatchEvent(new MessageEvent(type, { data: data.join('\n'), lastEventId: id }));
  }

  close() {
    openSources.delete(this);
    this.abort.abort();
  }
}

/** The demo's open streams, and whether the tab has begun to leave (a capturing beforeunload, before MSW's). */
const openSources = new Set<FetchEventSource>();
let leaving = false;
let watching = false;
function watchLeaving() {
  if (watching || typeof window === 'undefined') return;
  watching = true;
  window.addEventListener(
    'beforeunload',
    () => {
      leaving = true;
      for (const source of [...openSources]) source.close();
    },
    { capture: true },
  );
}

export function createLiveClient(options: LiveClientOptions): LiveClient {
  const { queryClient } = options;
  const ES =
    options.EventSource ??
    (typeof EventSource === 'undefined'
      ? undefined
      : config.useMockApi
        ? (FetchEventSource as unknown as typeof EventSource)
        : EventSource);
  const pollMs = options.pollMs ?? POLL_MS;
  const helloTimeoutMs = options.helloTimeoutMs ?? 10_000;
  const failuresBeforePolling = options.failuresBeforePolling ?? 3;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const coalesceMs = options.coalesceMs ?? 100;
  const now = options.now ?? Date.now;
  const url = options.url ?? eventsUrl();

  let source: EventSource | null = null;
  let lastId: number | null = null;
  let running = false;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  let helloTimer: ReturnType<typeof setTimeout> | null = null;
  let pollTimer: ReturnType<typeof setInterval> | null = null;
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  let connectedAt = 0;
  let seq = 0;

  // The burst being collected.
  let pendingAll = false;
  const pendingTasks = new Set<string>();
  const pendingArticles = new Set<string>();
  let pendingTitles: string[] = [];
  let applying: Promise<void> = Promise.resolve();

  const flush = () => {
    flushTimer = null;
    const change: ChangeSummary = {
      all: pendingAll,
      tasks: new Set(pendingTasks),
      articles: new Set(pendingArticles),
      titles: pendingTitles,
    };
    pendingAll = false;
    pendingTasks.clear();
    pendingArticles.clear();
    pendingTitles = [];
    applying = applying.then(async () => {
      options.onBeforeApply?.(change);
      await queryClient.invalidateQueries({ predicate: (q: Query) => isAffected(change, q.queryKey) });
      seq += 1;
      const applied: AppliedChange = { ...change, seq, at: now() };
      setStatus({ lastChange: applied });
      options.onApplied?.(applied);
    });
  };

  const merge = (change: Pick<LiveChange, 'all' | 'tasks' | 'articles' | 'titles'>) => {
    pendingAll ||= change.all;
    for (const id of change.tasks) pendingTasks.add(id);
    for (const id of change.articles) pendingArticles.add(id);
    for (const t of change.titles) if (pendingTitles.length < 3 && !pendingTitles.includes(t)) pendingTitles.push(t);
    flushTimer ??= setTimeout(flush, coalesceMs);
  };
  const everything = () => merge({ all: true, tasks: [], articles: [], titles: [] });

  const clearTimer = (t: ReturnType<typeof setTimeout> | null) => {
    if (t) clearTimeout(t);
    return null;
  };

  const poll = async () => {
    try {
      await queryClient.invalidateQueries({ predicate: (q: Query) => isDataQuery(q.queryKey) }, { throwOnError: true });
      setStatus({ lastPollOkAt: now() });
    } catch {
      // The figures stay; the screen's own error handling and the stale marker tell.
    }
  };
  const startPolling = () => {
    if (pollTimer || !running) return;
    pollTimer = setInterval(() => void poll(), pollMs);
    setStatus({ polling: true });
  };
  const stopPolling = () => {
    if (pollTimer) clearInterval(pollTimer);
    pollTimer = null;
    if (status.polling) setStatus({ polling: false });
  };

  const closeSource = () => {
    helloTimer = clearTimer(helloTimer);
    if (source) {
      source.onopen = null;
      source.onerror = null;
      source.close();
    }
    source = null;
  };

  const fail = () => {
    closeSource();
    if (!running) return;
    const failures = status.failures + 1;
    setStatus({ mode: 'down', failures, downSince: status.downSince ?? now() });
    if (failures >= failuresBeforePolling) startPolling();
    const base = Math.min(maxBackoffMs, 1000 * 2 ** Math.min(failures - 1, 10));
    const delay = base * (0.8 + Math.random() * 0.4);
    reconnectTimer = clearTimer(reconnectTimer);
    reconnectTimer = setTimeout(connect, delay);
  };

  const onHello = (event: MessageEvent<string>) => {
    const hello = readHello(JSON.parse(event.data));
    if (!hello) return;
    helloTimer = clearTimer(helloTimer);
    const hadId = lastId !== null;
    const wasDown = status.mode === 'down';
    lastId = hello.id;
    setStatus({ mode: 'live', failures: 0, downSince: null });
    stopPolling();
    if (!hadId && wasDown) {
      // Never heard from the stream before: what changed while it was down is unknown.
      everything();
    } else if (!hadId && queryClient.isMutating({ mutationKey: SIGN_OUT_KEY }) === 0) {
      // The first connection: anything read before we listened may have changed meanwhile (unless the reader is
      // signing out: asked now, it would be answered without a session, a 401; the stream closes with it).
      const before = Math.min(connectedAt, options.listeningSince ?? connectedAt);
      void queryClient.invalidateQueries({
        predicate: (q: Query) => isDataQuery(q.queryKey) && q.state.dataUpdatedAt > 0 && q.state.dataUpdatedAt < before,
      });
    }
  };

  const onChange = (event: MessageEvent<string>) => {
    let data: unknown;
    try {
      data = JSON.parse(event.data);
    } catch {
      return;
    }
    const change = readChange(data);
    if (!change) return;
    lastId = change.id;
    merge(change);
  };

  const onReload = (event: MessageEvent<string>) => {
    const id = Number(event.lastEventId);
    if (Number.isFinite(id)) lastId = id;
    everything();
  };

  function connect() {
    reconnectTimer = null;
    if (!running || !ES) return;
    closeSource();
    if (status.mode !== 'down') setStatus({ mode: 'connecting' });
    const target = lastId === null ? url : `${url}${url.includes('?') ? '&' : '?'}lastEventId=${lastId}`;
    connectedAt = now();
    let es: EventSource;
    try {
      es = new ES(target);
    } catch {
      fail();
      return;
    }
    source = es;
    es.addEventListener('hello', onHello as EventListener);
    es.addEventListener('change', onChange as EventListener);
    es.addEventListener('reload', onReload as EventListener);
    // The browser would reconnect by itself, without backoff: every error closes it and schedules our own.
    es.onerror = () => fail();
    helloTimer = setTimeout(() => {
      // Open (or pending) without a hello: something between us buffers the stream. Poll meanwhile.
      startPolling();
      fail();
    }, helloTimeoutMs);
  }

  return {
    start() {
      if (running) return;
      running = true;
      if (!ES) {
        setStatus({ mode: 'off' });
        return;
      }
      connect();
    },
    stop() {
      running = false;
      closeSource();
      reconnectTimer = clearTimer(reconnectTimer);
      flushTimer = clearTimer(flushTimer);
      stopPolling();
      setStatus({ mode: 'off', downSince: null, failures: 0 });
    },
    receive(change) {
      lastId = change.id;
      merge(change);
    },
    async settled() {
      if (flushTimer) {
        flushTimer = clearTimer(flushTimer);
        flush();
      }
      await applying;
    },
  };
}

export interface UseLiveUpdatesOptions {
  enabled?: boolean;
  /** See LiveClientOptions.listeningSince (Date.now() time). */
  listeningSince?: number;
  onBeforeApply?: (change: ChangeSummary) => void;
  onApplied?: (change: AppliedChange) => void;
}

/**
 * Connects this page to the change stream for as long as the component lives (mount it once, in the app's
 * providers). Does nothing where the environment has no EventSource (jsdom tests).
 */
export function useLiveUpdates({
  enabled = true,
  listeningSince,
  onBeforeApply,
  onApplied,
}: UseLiveUpdatesOptions = {}) {
  const queryClient = useQueryClient();
  // The callbacks may change (a language switch): the connection stays, they are read when a change comes.
  const callbacks = useRef({ onBeforeApply, onApplied });
  callbacks.current = { onBeforeApply, onApplied };
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const client = createLiveClient({
      queryClient,
      onBeforeApply: (change) => callbacks.current.onBeforeApply?.(change),
      onApplied: (change) => callbacks.current.onApplied?.(change),
      listeningSince,
    });
    client.start();
    return () => client.stop();
  }, [queryClient, enabled, listeningSince]);
}
