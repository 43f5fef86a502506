/**
 * The live client (src/api/live.ts): which queries a change invalidates (exactly those it can affect, from the
 * query-key factories), reconnecting with backoff and Last-Event-ID, the polling fallback, and the stale marker's
 * rule.
 */
import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { articlesQueries } from '../../src/api/articles';
import { compareQueries } from '../../src/api/compare';
import { facetsQueries } from '../../src/api/facets';
import {
  type ChangeSummary,
  createLiveClient,
  isAffected,
  isLiveStale,
  type LiveChange,
  type LiveStatus,
  liveStatusStore,
} from '../../src/api/live';
import { localitiesQueries } from '../../src/api/localities';
import { mockSettingsQueries } from '../../src/api/mock-settings';
import { statsQueries } from '../../src/api/stats';
import { taskUpdatesQueries } from '../../src/api/task-updates';
import { tasksQueries } from '../../src/api/tasks';

/** An EventSource the test drives. */
class FakeEventSource {
  static all: FakeEventSource[] = [];
  onerror: ((e: Event) => void) | null = null;
  onopen: ((e: Event) => void) | null = null;
  closed = false;
  private listeners = new Map<string, (e: MessageEvent<string>) => void>();
  constructor(readonly url: string) {
    FakeEventSource.all.push(this);
  }
  addEventListener(type: string, fn: (e: MessageEvent<string>) => void) {
    this.listeners.set(type, fn);
  }
  close() {
    this.closed = true;
  }
  emit(type: string, data: unknown, id?: number) {
    this.listeners.get(type)?.(
      new MessageEvent(type, { data: JSON.stringify(data), lastEventId: id === undefined ? '' : String(id) }),
    );
  }
  hello(id: number) {
    this.emit('hello', { id, version: id, at: new Date().toISOString(), resumed: false }, id);
  }
  fail() {
    this.onerror?.(new Event('error'));
  }
  static last() {
    return FakeEventSource.all.at(-1) as FakeEventSource;
  }
}

const change = (id: number, over: Partial<LiveChange> = {}): LiveChange => ({
  id,
  version: id,
  at: new Date().toISOString(),
  all: false,
  tasks: [],
  articles: [],
  titles: [],
  origin: 'other',
  ...over,
});

const summary = (over: Partial<ChangeSummary>): ChangeSummary => ({
  all: false,
  tasks: new Set(),
  articles: new Set(),
  titles: [],
  ...over,
});

const KEYS = {
  list: tasksQueries.list({ page: 1 }).queryKey,
  infinite: tasksQueries.infinite({}).queryKey,
  bridge: tasksQueries.detail('t-bridge').queryKey,
  other: tasksQueries.detail('t-other').queryKey,
  bridgeHistory: taskUpdatesQueries.list('t-bridge').queryKey,
  otherHistory: taskUpdatesQueries.list('t-other').queryKey,
  stats: statsQueries.summary({}).queryKey,
  compare: compareQueries.byFilters({ locality: ['83'] }).queryKey,
  facets: facetsQueries.byFilters({}).queryKey,
  articleList: articlesQueries.list({}).queryKey,
  article: articlesQueries.detail('a-000').queryKey,
  otherArticle: articlesQueries.detail('a-001').queryKey,
  mock: mockSettingsQueries.all(),
  units: localitiesQueries.children('post2025', null).queryKey,
  session: ['session', 'current'],
};
type Name = keyof typeof KEYS;

describe('which queries a change affects', () => {
  const affected = (c: ChangeSummary) =>
    (Object.keys(KEYS) as Name[]).filter((name) => isAffected(c, KEYS[name] as readonly unknown[])).sort();

  it('a task: every list and aggregate, and that task’s page and history only', () => {
    expect(affected(summary({ tasks: new Set(['t-bridge']) }))).toEqual(
      ['articleList', 'bridge', 'bridgeHistory', 'compare', 'facets', 'infinite', 'list', 'stats'].sort(),
    );
  });

  it('an article: its page, and the lists and aggregates (its new tasks count)', () => {
    expect(affected(summary({ articles: new Set(['a-000']), tasks: new Set(['t-new']) }))).toEqual(
      ['article', 'articleList', 'compare', 'facets', 'infinite', 'list', 'stats'].sort(),
    );
  });

  it('everything: all but what no data change touches (the units, the demo’s own settings)', () => {
    expect(affected(summary({ all: true }))).toEqual(
      (Object.keys(KEYS) as Name[]).filter((n) => n !== 'mock' && n !== 'units').sort(),
    );
  });
});

describe('the stale marker', () => {
  const base: LiveStatus = { ...liveStatusStore.get(), mode: 'down', downSince: 1000, polling: false };
  it('waits out a blip, then marks; a recent successful poll keeps the figures current', () => {
    expect(isLiveStale(base, 2000)).toBe(false);
    expect(isLiveStale(base, 5000)).toBe(true);
    expect(isLiveStale({ ...base, polling: true, lastPollOkAt: 4000 }, 5000)).toBe(false);
    expect(isLiveStale({ ...base, mode: 'live', downSince: null }, 99_000)).toBe(false);
    expect(isLiveStale({ ...base, mode: 'off' }, 99_000)).toBe(false);
  });
});

describe('the live client', () => {
  let client: QueryClient;
  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0.5); // backoff without jitter
    FakeEventSource.all = [];
    liveStatusStore.reset();
    client = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } } });
    for (const key of Object.values(KEYS)) client.setQueryData(key as readonly unknown[], { some: 'data' });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    client.clear();
  });
  const invalidated = () =>
    (Object.keys(KEYS) as Name[])
      .filter((name) => client.getQueryState(KEYS[name] as readonly unknown[])?.isInvalidated)
      .sort();
  const start = (extra: Partial<Parameters<typeof createLiveClient>[0]> = {}) => {
    const live = createLiveClient({
      queryClient: client,
      url: 'http://test.local/api/v1/events',
      EventSource: FakeEventSource as unknown as typeof EventSource,
      ...extra,
    });
    live.start();
    return live;
  };

  it('turns a change into the invalidations it needs, coalescing a burst, and reports what changed', async () => {
    const applied: string[][] = [];
    const live = start({ onApplied: (c) => applied.push([...c.titles]) });
    const es = FakeEventSource.last();
    es.hello(10);
    expect(liveStatusStore.get().mode).toBe('live');
    es.emit('change', change(11, { tasks: ['t-bridge'], titles: ['Cầu Đình Khao'] }), 11);
    es.emit('change', change(12, { tasks: ['t-bridge'], titles: ['Cầu Đình Khao'] }), 12);
    await vi.advanceTimersByTimeAsync(150);
    await live.settled();
    expect(invalidated()).toEqual(
      ['articleList', 'bridge', 'bridgeHistory', 'compare', 'facets', 'infinite', 'list', 'stats'].sort(),
    );
    expect(applied).toEqual([['Cầu Đình Khao']]);
    expect(liveStatusStore.get().lastChange?.tasks.has('t-bridge')).toBe(true);
    live.stop();
    expect(es.closed).toBe(true);
  });

  it('reconnects by itself with growing delays, resuming after the last event it saw', async () => {
    const live = start();
    const first = FakeEventSource.last();
    first.hello(10);
    first.emit('change', change(14, { tasks: ['t-other'] }), 14);
    first.fail();
    expect(first.closed).toBe(true);
    expect(liveStatusStore.get().mode).toBe('down');
    await vi.advanceTimersByTimeAsync(999);
    expect(FakeEventSource.all).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2);
    expect(FakeEventSource.last().url).toBe('http://test.local/api/v1/events?lastEventId=14');
    FakeEventSource.last().fail();
    await vi.advanceTimersByTimeAsync(1999);
    expect(FakeEventSource.all).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2);
    expect(FakeEventSource.all).toHaveLength(3);
    FakeEventSource.last().hello(14);
    expect(liveStatusStore.get()).toMatchObject({ mode: 'live', failures: 0, downSince: null });
    live.stop();
  });

  it('polls every 15 s after repeated failures, and stops when the stream is back', async () => {
    const poll = vi.spyOn(client, 'invalidateQueries');
    const live = start();
    for (let i = 0; i < 3; i += 1) {
      FakeEventSource.last().fail();
      await vi.advanceTimersByTimeAsync(5000);
    }
    expect(liveStatusStore.get().polling).toBe(true);
    poll.mockClear();
    await vi.advanceTimersByTimeAsync(15_000);
    expect(poll).toHaveBeenCalled();
    expect(liveStatusStore.get().lastPollOkAt).not.toBeNull();
    FakeEventSource.last().hello(3);
    expect(liveStatusStore.get().polling).toBe(false);
    live.stop();
  });

  it('polls when an open stream never says hello (a proxy buffering it)', async () => {
    const live = start({ helloTimeoutMs: 10_000 });
    await vi.advanceTimersByTimeAsync(10_001);
    expect(liveStatusStore.get().polling).toBe(true);
    expect(FakeEventSource.all[0]?.closed).toBe(true);
    live.stop();
    expect(liveStatusStore.get().polling).toBe(false);
  });

  it('on its first connection, refetches what was read before it listened: since it connected, or since the app started', async () => {
    const readAt = Date.now(); // beforeEach's reads
    await vi.advanceTimersByTimeAsync(50);
    // Connected after the reads, and nothing says when the page began to follow the data: they are refetched.
    let live = start();
    FakeEventSource.last().hello(3);
    await live.settled();
    expect(invalidated()).toContain('stats');
    live.stop();
    client.clear();
    for (const key of Object.values(KEYS)) client.setQueryData(key as readonly unknown[], { some: 'data' });
    await vi.advanceTimersByTimeAsync(50);
    // The app started before the reads (its live client's chunk came later): they are not.
    live = start({ listeningSince: readAt + 40 });
    FakeEventSource.last().hello(3);
    await live.settled();
    expect(invalidated()).toEqual([]);
    live.stop();
  });

  it('refetches everything on "reload"', async () => {
    const live = start();
    const es = FakeEventSource.last();
    es.hello(5);
    es.emit('reload', { id: 40, version: 40, at: new Date().toISOString() }, 40);
    await vi.advanceTimersByTimeAsync(150);
    await live.settled();
    expect(invalidated()).toEqual((Object.keys(KEYS) as Name[]).filter((n) => n !== 'mock' && n !== 'units').sort());
    live.stop();
  });
});
