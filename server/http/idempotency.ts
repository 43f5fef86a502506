/**
 * `Idempotency-Key` on writes (POST and PATCH): the first answer to a key is stored with a fingerprint of the
 * request (method, path, body); a retry with the same key gets that answer again, marked `Idempotent-Replayed:
 * true`, and is never applied twice. The same key with another request is refused (422). A request while the
 * same key is still being answered in this process waits for that answer. Answers of 5xx are not stored: nothing
 * was applied, so a retry runs again. A write without the header behaves as before (If-Match still guards it).
 *
 * The store keeps the answers (`getIdempotent` / `putIdempotent`), so every process of the server, and every tab
 * of the demo, sees them; the first stored answer wins.
 *
 * A key belongs to whoever sent it: answers are kept under the signed-in account (or display link) and the key, so
 * one person's key never replays another's answer, nor blocks their write.
 */
import type { MiddlewareHandler } from 'hono';
import type { AuthEnv, Principal } from '../auth/middleware';
import type { IdempotentResponse, Store } from '../store/types';
import { PROBLEMS, problem } from './problem';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';
/** Keys are opaque to the server: 1–255 visible ASCII characters (a UUID is typical). */
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
/** Response headers kept with a stored answer. */
const KEPT_HEADERS = ['content-type', 'etag', 'location'];

/** FNV-1a over UTF-16 code units with a given offset basis (32 bits, hex). */
function fnv(text: string, basis: number): string {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** A 64-bit fingerprint of the request: keys are per client and random, so this only tells retries from misuse. */
export function requestFingerprint(method: string, path: string, body: string): string {
  const text = `${method.toUpperCase()} ${path}\n${body}`;
  return `${fnv(text, 0x811c9dc5)}${fnv(text, 0x050c5d1f)}-${text.length.toString(36)}`;
}

function replay(stored: IdempotentResponse): Response {
  return new Response(stored.body, {
    status: stored.status,
    headers: { ...stored.headers, [REPLAYED_HEADER]: 'true' },
  });
}

/** Whose keys these are: the account or the display link of the request (no session: nobody's in particular). */
function ownerOf(principal: Principal | null | undefined): string {
  if (!principal) return 'anonymous';
  return principal.kind === 'user' ? `user:${principal.user.id}` : `display:${principal.link.id}`;
}

export function idempotency(store: Store): MiddlewareHandler<AuthEnv> {
  /** Keys being answered in this process, so a duplicate waits instead of racing the first. */
  const inflight = new Map<string, Promise<unknown>>();

  return async (c, next) => {
    const method = c.req.method;
    const sent = c.req.header(IDEMPOTENCY_HEADER);
    if ((method !== 'POST' && method !== 'PATCH') || sent === undefined) return next();
    const instance = new URL(c.req.url).pathname;
    if (!KEY_PATTERN.test(sent)) {
      return problem({
        type: `${PROBLEMS}/invalid-request`,
        title: 'Invalid Idempotency-Key',
        status: 400,
        detail: 'Idempotency-Key must be 1 to 255 visible ASCII characters, e.g. a UUID.',
        instance,
        errors: [{ name: IDEMPOTENCY_HEADER, reason: 'invalid' }],
      });
    }
    const key = `${ownerOf(c.get('principal'))} ${sent}`;
    const fingerprint = requestFingerprint(method, instance, await c.req.text());
    const mismatch = () =>
      problem({
        type: `${PROBLEMS}/idempotency-key-reused`,
        title: 'Idempotency-Key reused',
        status: 422,
        detail: 'This Idempotency-Key was used for another request. Use a new key for a new write.',
        instance,
      });

    while (inflight.has(key)) await inflight.get(key)?.catch(() => undefined);
    const earlier = await store.getIdempotent(key);
    if (earlier) return earlier.fingerprint === fingerprint ? replay(earlier) : mismatch();

    let done: () => void = () => {};
    inflight.set(
      key,
      new Promise<void>((resolve) => {
        done = resolve;
      }),
    );
    try {
      await next();
      const res = c.res;
      if (res.status >= 500) return;
      const headers: Record<string, string> = {};
      for (const name of KEPT_HEADERS) {
        const value = res.headers.get(name);
        if (value !== null) headers[name] = value;
      }
      const record: IdempotentResponse = {
        key,
        fingerprint,
        status: res.status,
        body: await res.clone().text(),
        headers,
        createdAt: new Date().toISOString(),
      };
      try {
        await store.putIdempotent(record);
      } catch (error) {
        // The write itself is done: answer it. Only a retry of it could now run again (and meet If-Match).
        console.error(`${method} ${instance}: the answer could not be kept under its Idempotency-Key:`, error);
        return;
      }
      // Another process may have answered the same key first: its answer is the one that counts.
      if (res.status >= 300) {
        const first = await store.getIdempotent(key);
        if (first && first.body !== record.body) c.res = first.fingerprint === fingerprint ? replay(first) : mismatch();
      }
    } finally {
      inflight.delete(key);
      done();
    }
  };
}
