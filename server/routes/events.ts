/**
 * `GET /api/v1/events`: Server-Sent Events, one stream per open screen.
 *
 * - `hello` first (id: where the stream starts; data: `{ id, version, at, resumed }`),
 * - `change` for every change published to the feed (id: the change's id; data: server/events/feed.ts `Change`),
 * - `reload` when a reconnecting client's `Last-Event-ID` (header, or `?lastEventId=` for clients that reconnect
 *   by themselves) is older than the feed's buffer or from another life of the data: refetch everything,
 * - a comment line every 25 s so proxies and the client know the stream is alive.
 *
 * Who may read what: the app's auth middleware (when there is one) decides who may open the stream at all, as for
 * any read under /api/v1; it may also set `eventScope` on the context, a function that returns the part of a change
 * the connection's user may see (or null to withhold it). Without it every change is public, like every read.
 *
 * Built on a plain ReadableStream (not a TransformStream per connection): the same code streams in Node and through
 * the demo's service worker, and a connection costs one closure and one feed subscription.
 */
import { type Context, Hono } from 'hono';
import type { AppDeps } from '../context';
import type { Change, ChangeFeed } from '../events/feed';

/** Set by an auth middleware: what of a change this connection may see (null: nothing). */
export type EventScope = (change: Change) => Change | null;

export interface EventRoutesOptions {
  /** Milliseconds between heartbeat comments (default 25 s). */
  heartbeatMs?: number;
  /** Milliseconds the client waits before reconnecting by itself (the SSE `retry:` field). */
  retryMs?: number;
}

/** A client that reads nothing while this many events queue up is cut off; it reconnects and resumes. */
const MAX_BACKLOG = 256;

const frame = (event: string, id: number, data: unknown) =>
  `event: ${event}\nid: ${id}\ndata: ${JSON.stringify(data)}\n\n`;

function scopeOf(c: Context): EventScope | null {
  const scope = (c as unknown as { get(key: string): unknown }).get('eventScope');
  return typeof scope === 'function' ? (scope as EventScope) : null;
}

function lastEventIdOf(c: Context): number | null {
  const raw = c.req.header('Last-Event-ID') ?? new URL(c.req.url).searchParams.get('lastEventId');
  if (raw === undefined || raw === null || !/^\d{1,15}$/.test(raw.trim())) return null;
  return Number(raw.trim());
}

export function eventRoutes({ store }: Pick<AppDeps, 'store'>, feed: ChangeFeed, options: EventRoutesOptions = {}) {
  const app = new Hono();
  const heartbeatMs = options.heartbeatMs ?? 25_000;
  const retryMs = options.retryMs ?? 3000;
  const encoder = new TextEncoder();

  // One timer for every open stream, running only while there is one.
  const beats = new Set<() => void>();
  let timer: ReturnType<typeof setInterval> | null = null;
  const addBeat = (beat: () => void) => {
    beats.add(beat);
    if (!timer) {
      timer = setInterval(() => {
        for (const b of [...beats]) b();
      }, heartbeatMs);
      (timer as { unref?: () => void }).unref?.();
    }
  };
  const removeBeat = (beat: () => void) => {
    beats.delete(beat);
    if (beats.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };

  app.get('/events', async (c) => {
    const scope = scopeOf(c);
    const lastId = lastEventIdOf(c);
    const current = await store.dataVersion();
    const signal = c.req.raw.signal;
    let stop = () => {};

    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        let closed = false;
        const send = (text: string) => {
          if (closed) return;
          if ((controller.desiredSize ?? 0) < -MAX_BACKLOG) {
            stop();
            return;
          }
          try {
            controller.enqueue(encoder.encode(text));
          } catch {
            stop();
          }
        };
        const visible = (change: Change) => (scope ? scope(change) : change);
        const beat = () => send(': ping\n\n');
        const unsubscribe = feed.subscribe(
          (change) => {
            const shown = visible(change);
            if (shown) send(frame('change', change.id, shown));
          },
          () => stop(),
        );
        stop = () => {
          if (closed) return;
          closed = true;
          unsubscribe();
          removeBeat(beat);
          signal.removeEventListener('abort', stop);
          try {
            controller.close();
          } catch {
            // Already closed or errored by the reader.
          }
        };
        signal.addEventListener('abort', stop);
        addBeat(beat);

        // Computed here, synchronously with the subscription: nothing published meanwhile can slip between them.
        const resumed = lastId === null ? null : feed.resume(lastId, current);
        const head = feed.head(current);
        send(`retry: ${retryMs}\n\n`);
        send(
          frame('hello', head, {
            id: head,
            version: current,
            at: new Date().toISOString(),
            resumed: resumed?.kind === 'changes',
          }),
        );
        if (resumed?.kind === 'reload') {
          send(frame('reload', head, { id: head, version: current, at: new Date().toISOString() }));
        } else if (resumed) {
          for (const change of resumed.changes) {
            const shown = visible(change);
            if (shown) send(frame('change', change.id, shown));
          }
        }
      },
      cancel() {
        stop();
      },
    });

    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': 'text/event-stream; charset=utf-8',
        // no-transform: compression middleware and proxies must pass each event through as it is written.
        'Cache-Control': 'no-cache, no-transform',
        // nginx: do not buffer this response.
        'X-Accel-Buffering': 'no',
      },
    });
  });

  return app;
}
