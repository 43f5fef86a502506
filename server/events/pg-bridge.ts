/**
 * Several server processes on one PostgreSQL database: a change published in one process reaches the event streams
 * of every other. Each process keeps one connection of its own that LISTENs on `dt_changes`; a change published
 * locally (its origin is this feed's) is sent with `NOTIFY dt_changes, '<json>'` on that connection, after the write
 * has committed; a notification from another origin is republished into the local feed with its origin and time,
 * so it is never sent back. PostgreSQL delivers a notification to every listener, the sender included: the origin
 * check is what keeps a change from echoing.
 *
 * If the connection drops, it is opened again with backoff, and the local streams are told to reload everything
 * (notifications sent meanwhile are lost). A payload over PostgreSQL's 8000-byte limit goes as "everything".
 */
import pg from 'pg';
import type { Change, ChangeFeed } from './feed';

export const CHANNEL = 'dt_changes';
const MAX_PAYLOAD = 7900;

/** The wire form of a change between processes. */
interface Wire {
  o: string;
  v: number;
  at: string;
  all?: 1;
  t?: string[];
  a?: string[];
  ti?: string[];
}

export function encodeChange(change: Change): string {
  const wire: Wire = { o: change.origin, v: change.version, at: change.at };
  if (change.all) wire.all = 1;
  if (change.tasks.length) wire.t = change.tasks;
  if (change.articles.length) wire.a = change.articles;
  if (change.titles.length) wire.ti = change.titles;
  const text = JSON.stringify(wire);
  // Byte length, not characters: Vietnamese titles are several bytes a letter.
  if (Buffer.byteLength(text) <= MAX_PAYLOAD) return text;
  return JSON.stringify({ o: change.origin, v: change.version, at: change.at, all: 1 } satisfies Wire);
}

export function decodeChange(payload: string): Wire | null {
  try {
    const w = JSON.parse(payload) as Partial<Wire>;
    if (typeof w.o !== 'string' || typeof w.v !== 'number' || typeof w.at !== 'string') return null;
    const strings = (x: unknown) => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []);
    return {
      o: w.o,
      v: w.v,
      at: w.at,
      all: w.all ? 1 : undefined,
      t: strings(w.t),
      a: strings(w.a),
      ti: strings(w.ti),
    };
  } catch {
    return null;
  }
}

export interface PgBridge {
  /** Resolves once the bridge listens (tests). */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

export interface PgBridgeOptions {
  url: string;
  feed: ChangeFeed;
  log?: (msg: string) => void;
  /** Longest wait between reconnection attempts. */
  maxBackoffMs?: number;
}

export function startPgBridge({ url, feed, log = () => {}, maxBackoffMs = 30_000 }: PgBridgeOptions): PgBridge {
  let client: pg.Client | null = null;
  let closed = false;
  let attempts = 0;
  let everConnected = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let sending: Promise<unknown> = Promise.resolve();
  let markReady: () => void = () => {};
  const ready = new Promise<void>((done) => {
    markReady = done;
  });

  const unsubscribe = feed.subscribe((change) => {
    if (change.origin !== feed.origin) return;
    const target = client;
    if (!target) return; // not connected: the other processes' streams reload when we are back
    const payload = encodeChange(change);
    sending = sending
      .then(() => target.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]))
      .catch((error: unknown) => log(`live: NOTIFY failed (${(error as Error).message})`));
  });

  const schedule = () => {
    if (closed || timer) return;
    attempts += 1;
    const delay = Math.min(maxBackoffMs, 500 * 2 ** Math.min(attempts - 1, 10));
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, delay);
    timer.unref?.();
  };

  async function connect() {
    const c = new pg.Client({ connectionString: url, application_name: 'directive-tracker-live' });
    c.on('error', (error) => {
      log(`live: the change connection failed (${error.message}); reconnecting`);
      if (client === c) client = null;
      c.end().catch(() => {});
      schedule();
    });
    c.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      const w = decodeChange(message.payload);
      if (!w || w.o === feed.origin) return;
      feed.publish(w.v, { all: Boolean(w.all), tasks: w.t, articles: w.a, titles: w.ti }, { origin: w.o, at: w.at });
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      log(`live: cannot listen for changes (${(error as Error).message}); retrying`);
      c.end().catch(() => {});
      schedule();
      return;
    }
    if (closed) {
      await c.end().catch(() => {});
      return;
    }
    client = c;
    attempts = 0;
    if (everConnected) {
      // Changes of other processes may have gone by while we were away.
      feed.publish(0, { all: true }, { origin: 'pg-bridge-reconnect' });
    }
    everConnected = true;
    markReady();
  }

  void connect();

  return {
    ready,
    async close() {
      closed = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
      await sending.catch(() => {});
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
