// @vitest-environment node
/**
 * The change feed and GET /api/v1/events: a write reaches every open stream with what it changed; a stream that
 * reconnects with Last-Event-ID gets exactly what it missed, or "reload" when the buffer no longer has it; a
 * heartbeat keeps it alive; a connection sees only what its scope lets it read; compression never buffers it.
 */
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../server/app';
import { type Change, createChangeFeed } from '../../server/events/feed';
import { publishWrites, scopeOfWrite } from '../../server/events/publish';
import { loadLocalities } from '../../server/localities';
import { eventRoutes } from '../../server/routes/events';
import { taskRoutes } from '../../server/routes/tasks';
import { createMemoryStore } from '../../server/store/memory';
import { createDb } from '../../server/store/memory-db';
import { LiveChange } from '../../src/api/live';
import { Task } from '../../src/api/schemas';

const TODAY = '2026-11-26';
/** Reads open to anyone (PUBLIC_READ=1), so these tests need no session; the auth layer is tested on its own. */
const PUBLIC = { auth: { publicRead: true } } as object;

interface SseEvent {
  event: string;
  id: string | null;
  data: string;
}
type SseItem = SseEvent | { comment: string };

/** Parses the complete SSE blocks of `buffer`; returns them and the incomplete rest. */
function parseSse(buffer: string): { items: SseItem[]; rest: string } {
  const items: SseItem[] = [];
  let rest = buffer;
  for (let end = rest.indexOf('\n\n'); end >= 0; end = rest.indexOf('\n\n')) {
    const block = rest.slice(0, end);
    rest = rest.slice(end + 2);
    let event = 'message';
    let id: string | null = null;
    const data: string[] = [];
    let comment: string | null = null;
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) comment = line.slice(1).trim();
      else if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('id: ')) id = line.slice(4);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    if (data.length) items.push({ event, id, data: data.join('\n') });
    else if (comment !== null) items.push({ comment });
  }
  return { items, rest };
}

/** Hands out the events of a response body one by one, each within a timeout. */
function sseReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const queue: SseItem[] = [];
  const next = async (timeoutMs = 2000): Promise<SseItem> => {
    const deadline = Date.now() + timeoutMs;
    while (queue.length === 0) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const chunk = await Promise.race([
        reader.read(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('no event in time')), Math.max(1, deadline - Date.now()));
        }),
      ]).finally(() => clearTimeout(timer));
      if (chunk.done) throw new Error('stream ended');
      buffer += decoder.decode(chunk.value, { stream: true });
      const parsed = parseSse(buffer);
      buffer = parsed.rest;
      queue.push(...parsed.items);
    }
    return queue.shift() as SseItem;
  };
  return {
    next,
    async event(timeoutMs = 2000): Promise<SseEvent> {
      for (;;) {
        const item = await next(timeoutMs);
        if ('event' in item) return item;
      }
    },
    cancel: () => reader.cancel(),
  };
}

const json = (body: unknown, headers: Record<string, string>, method: string) => ({
  method,
  body: JSON.stringify(body),
  headers: { 'Content-Type': 'application/json', ...headers },
});

describe('the change feed', () => {
  it('numbers changes strictly upwards, from the data version when it is newer', () => {
    const feed = createChangeFeed();
    expect(feed.publish(5, { tasks: ['a'] }).id).toBe(5);
    expect(feed.publish(5, { tasks: ['b'] }).id).toBe(6);
    expect(feed.publish(9, { tasks: ['c'] }).id).toBe(9);
  });

  it('delivers to every subscriber until it unsubscribes, and one failing listener does not stop the others', () => {
    const feed = createChangeFeed();
    const seen: number[] = [];
    const stop = feed.subscribe((c) => seen.push(c.id));
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    feed.subscribe(() => {
      throw new Error('broken stream');
    });
    feed.publish(1, { all: true });
    stop();
    feed.publish(2, { all: true });
    expect(quiet).toHaveBeenCalledTimes(2);
    quiet.mockRestore();
    expect(seen).toEqual([1]);
    expect(feed.subscribers()).toBe(1);
  });

  it('resumes from the buffer, and says reload when the id is older than the buffer or from another life', () => {
    const feed = createChangeFeed({ capacity: 3 });
    expect(feed.head(10)).toBe(10);
    for (const v of [11, 12, 13]) feed.publish(v, { tasks: [`t${v}`] });
    const resumed = feed.resume(11, 13);
    expect(resumed.kind === 'changes' && resumed.changes.map((c) => c.id)).toEqual([12, 13]);
    expect(feed.resume(10, 13).kind).toBe('changes');
    feed.publish(14, { tasks: ['t14'] }); // evicts 11: a client at 10 missed it
    expect(feed.resume(10, 14)).toEqual({ kind: 'reload' });
    expect(feed.resume(11, 14).kind).toBe('changes');
    expect(feed.resume(14, 14)).toEqual({ kind: 'changes', changes: [] });
    expect(feed.resume(99, 14)).toEqual({ kind: 'reload' }); // the data went back (reset, new database)
  });

  it('makes a change with too many ids "everything", and caps its titles', () => {
    const feed = createChangeFeed();
    const ids = Array.from({ length: 500 }, (_, i) => `t${i}`);
    const change = feed.publish(1, { tasks: ids, titles: ['a', 'b', 'c', 'd', 'x'.repeat(500)] });
    expect(change.all).toBe(true);
    expect(change.tasks).toEqual([]);
    expect(change.titles).toEqual(['a', 'b', 'c']);
  });
});

describe('what a write changed', () => {
  const ok = (body: unknown) => new Response(JSON.stringify(body), { status: 200 });
  it('names the task of a PATCH or an update, the article and its tasks of a POST /articles', async () => {
    const task = { id: 't-1', title: 'Cầu Đình Khao', articleId: 'a-000' };
    expect(await scopeOfWrite('PATCH', '/api/v1/tasks/t-1', ok({ task }))).toEqual({
      tasks: ['t-1'],
      articles: ['a-000'],
      titles: ['Cầu Đình Khao'],
    });
    expect(await scopeOfWrite('POST', '/api/v1/tasks/t-1/updates', ok({ task }))).toMatchObject({ tasks: ['t-1'] });
    expect(
      await scopeOfWrite('POST', '/api/v1/articles', ok({ id: 'a-9', title: 'Bài', taskIds: ['t-a', 't-b'] })),
    ).toEqual({ articles: ['a-9'], tasks: ['t-a', 't-b'], titles: ['Bài'] });
    expect(await scopeOfWrite('POST', '/api/v1/import', ok({}))).toEqual({ all: true });
    expect(await scopeOfWrite('POST', '/api/v1/auth/login', ok({}))).toBeNull();
  });
});

describe('GET /api/v1/events', () => {
  const localities = loadLocalities();
  const db = createDb({ localities, today: TODAY });
  const store = createMemoryStore(() => db);
  const feed = createChangeFeed({ capacity: 50 });
  // The pieces this suite is about, without the auth layer in front (tested on its own): the publishing
  // middleware, the stream and the task routes whose writes it publishes.
  const deps = { store, localities, today: () => TODAY, version: 'test', feed };
  const app = new Hono().basePath('/api/v1');
  app.use('*', publishWrites(feed, store));
  app.route('/', eventRoutes(deps, feed));
  app.route('/tasks', taskRoutes(deps));
  const request = (path: string, init?: RequestInit) => app.fetch(new Request(`http://test.local/api/v1${path}`, init));
  const open = async (headers: Record<string, string> = {}, query = '') => {
    const controller = new AbortController();
    const response = await request(`/events${query}`, { headers, signal: controller.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('cache-control')).toMatch(/no-transform/);
    return { response, reader: sseReader(response.body as ReadableStream<Uint8Array>), controller };
  };
  async function update(id: string, progress: number) {
    const task = Task.parse(await (await request(`/tasks/${id}`)).json());
    const response = await request(
      `/tasks/${id}/updates`,
      json(
        { status: 'in_progress', progress, note: 'Tiến độ', date: TODAY, author: 'Tổ công tác' },
        { 'If-Match': `"${task.version}"` },
        'POST',
      ),
    );
    expect(response.status).toBe(201);
    return task;
  }
  const firstTaskId = () => [...db.tasks.keys()][0] as string;

  it('says hello, then sends each write with the task, its article and title, to every open stream', async () => {
    const a = await open();
    const b = await open();
    const hello = await a.reader.event();
    expect(hello.event).toBe('hello');
    expect(JSON.parse(hello.data)).toMatchObject({ id: Number(hello.id), resumed: false });
    await b.reader.event();
    const id = firstTaskId();
    const task = await update(id, 42);
    for (const s of [a, b]) {
      const e = await s.reader.event();
      expect(e.event).toBe('change');
      const change = LiveChange.parse(JSON.parse(e.data));
      expect(change.tasks).toEqual([id]);
      expect(change.titles).toEqual([task.title]);
      expect(change.all).toBe(false);
      expect(Number(e.id)).toBe(change.id);
      expect(change.version).toBe(await store.dataVersion());
    }
    a.controller.abort();
    b.controller.abort();
    await a.reader.cancel().catch(() => {});
    await b.reader.cancel().catch(() => {});
  });

  it('publishes nothing for a refused write (412) and stops listening when the client goes', async () => {
    const before = feed.subscribers();
    const s = await open();
    await s.reader.event();
    expect(feed.subscribers()).toBe(before + 1);
    const id = firstTaskId();
    const refused = await request(
      `/tasks/${id}/updates`,
      json({ status: 'in_progress', progress: 1, date: TODAY, author: 'x' }, { 'If-Match': '"999"' }, 'POST'),
    );
    expect(refused.status).toBe(412);
    await expect(s.reader.event(300)).rejects.toThrow('no event in time');
    await s.reader.cancel();
    expect(feed.subscribers()).toBe(before);
  });

  it('resumes after a reconnect with Last-Event-ID (header or query), without missing a change', async () => {
    const s = await open();
    const hello = await s.reader.event();
    await s.reader.cancel();
    const id = firstTaskId();
    await update(id, 50);
    await update(id, 55);
    const ways: { headers: Record<string, string>; query: string }[] = [
      { headers: { 'Last-Event-ID': String(hello.id) }, query: '' },
      { headers: {}, query: `?lastEventId=${hello.id}` },
    ];
    for (const resume of ways) {
      const again = await open(resume.headers, resume.query);
      const greeting = JSON.parse((await again.reader.event()).data) as { resumed: boolean };
      expect(greeting.resumed).toBe(true);
      const missed = [await again.reader.event(), await again.reader.event()];
      expect(missed.map((e) => e.event)).toEqual(['change', 'change']);
      expect(Number(missed[1]?.id)).toBeGreaterThan(Number(missed[0]?.id));
      await again.reader.cancel();
    }
  });

  it('says "reload" when the id is older than the buffer or from another life of the data', async () => {
    for (let i = 0; i < 55; i += 1) feed.publish(await store.dataVersion(), { tasks: ['x'] });
    for (const stale of ['1', '999999']) {
      const s = await open({ 'Last-Event-ID': stale });
      expect((await s.reader.event()).event).toBe('hello');
      expect((await s.reader.event()).event).toBe('reload');
      await s.reader.cancel();
    }
  });

  it('sends only what the connection may read, as the auth middleware scopes it', async () => {
    const scoped = new Hono<{ Variables: { eventScope: (c: Change) => Change | null } }>();
    scoped.use('*', async (c, next) => {
      c.set('eventScope', (change) => (change.tasks.includes('secret') ? null : change));
      await next();
    });
    const own = createChangeFeed();
    scoped.route('/', eventRoutes({ store }, own));
    const response = await scoped.fetch(new Request('http://test.local/events'));
    const reader = sseReader(response.body as ReadableStream<Uint8Array>);
    await reader.event();
    own.publish(1000, { tasks: ['secret'] });
    own.publish(1001, { tasks: ['public'] });
    const e = await reader.event();
    expect(JSON.parse(e.data).tasks).toEqual(['public']);
    await reader.cancel();
  });

  it('is served by the app, for whoever may read', async () => {
    const whole = createApp({ ...deps, feed: createChangeFeed(), ...PUBLIC });
    const response = await whole.fetch(new Request('http://test.local/api/v1/events'));
    expect(response.status).toBe(200);
    const reader = sseReader(response.body as ReadableStream<Uint8Array>);
    expect((await reader.event()).event).toBe('hello');
    await reader.cancel();
  });

  it('ends every stream when the feed closes (a stopping server), so clients reconnect elsewhere', async () => {
    const own = createChangeFeed();
    const response = await new Hono().route('/', eventRoutes({ store }, own)).fetch(new Request('http://t/events'));
    const reader = sseReader(response.body as ReadableStream<Uint8Array>);
    await reader.event();
    own.close();
    await expect(reader.event()).rejects.toThrow('stream ended');
    expect(own.subscribers()).toBe(0);
  });

  it('keeps the stream alive with a heartbeat comment', async () => {
    const quick = new Hono().route('/', eventRoutes({ store }, createChangeFeed(), { heartbeatMs: 30 }));
    const response = await quick.fetch(new Request('http://test.local/events'));
    const reader = sseReader(response.body as ReadableStream<Uint8Array>);
    await reader.event();
    expect(await reader.next(1000)).toEqual({ comment: 'ping' });
    await reader.cancel();
  });
});

describe('the event stream through Node and the compression middleware', () => {
  let server: http.Server;
  let base = '';
  const feed = createChangeFeed();
  beforeAll(async () => {
    const localities = loadLocalities();
    const db = createDb({ localities, today: TODAY });
    const site = new Hono();
    site.use('/api/*', compress());
    site.route(
      '/',
      createApp({ store: createMemoryStore(() => db), localities, today: () => TODAY, version: 't', feed, ...PUBLIC }),
    );
    server = serve({ fetch: site.fetch, port: 0, hostname: '127.0.0.1' }) as http.Server;
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  });

  it('is not compressed nor buffered: each event arrives as it is published, and a closed client unsubscribes', async () => {
    const request = http.get(`${base}/api/v1/events`, { headers: { 'Accept-Encoding': 'gzip, deflate' } });
    const [response] = (await once(request, 'response')) as [http.IncomingMessage];
    expect(response.headers['content-encoding']).toBeUndefined();
    response.setEncoding('utf8');
    let text = '';
    const waitFor = async (pattern: RegExp) => {
      const deadline = Date.now() + 2000;
      while (!pattern.test(text)) {
        if (Date.now() > deadline) throw new Error(`not seen: ${pattern}`);
        const [chunk] = (await Promise.race([
          once(response, 'data'),
          new Promise((done) => setTimeout(() => done(['']), 50)),
        ])) as [string];
        text += chunk;
      }
    };
    await waitFor(/event: hello/);
    expect(feed.subscribers()).toBe(1);
    const started = Date.now();
    feed.publish(77, { tasks: ['t-live'], titles: ['Cầu Đình Khao'] });
    await waitFor(/"tasks":\["t-live"\]/);
    expect(Date.now() - started).toBeLessThan(500);
    request.destroy();
    const deadline = Date.now() + 2000;
    while (feed.subscribers() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(feed.subscribers()).toBe(0);
  });
});
