/**
 * The client's timeout runs on the page's timers (src/api/client.ts), so it fires after exactly its delay on any
 * clock, the end-to-end tests' fake one included, and leaves no timer behind once an answer came.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, apiRequest, DEFAULT_TIMEOUT_MS, WRITE_TIMEOUT_MS } from '../../src/api/client';

/** A fetch that never answers, and fails as fetch does when its signal aborts. */
function hangingFetch() {
  return vi.fn((_url: string, init?: RequestInit) => {
    return new Promise<Response>((_resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
    });
  });
}

describe('the API client’s timeout', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('gives up on a read after DEFAULT_TIMEOUT_MS, not a moment before, as a timeout', async () => {
    vi.stubGlobal('fetch', hangingFetch());
    const result = apiRequest('GET', '/stats', z.object({})).then(
      () => 'answered',
      (e: unknown) => e,
    );
    await vi.advanceTimersByTimeAsync(DEFAULT_TIMEOUT_MS - 1);
    let settled = false;
    void result.then(() => {
      settled = true;
    });
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await result;
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).kind).toBe('timeout');
  });

  it('gives up on a write after WRITE_TIMEOUT_MS', async () => {
    vi.stubGlobal('fetch', hangingFetch());
    const result = apiRequest('PATCH', '/tasks/t-1', z.object({}), { body: {} }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(WRITE_TIMEOUT_MS);
    expect(((await result) as ApiError).kind).toBe('timeout');
  });

  it('leaves no timer behind once the answer came', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{"ok":true}', { headers: { 'Content-Type': 'application/json' } })),
    );
    await expect(apiRequest('GET', '/health', z.object({ ok: z.boolean() }))).resolves.toEqual({
      ok: true,
    });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a caller’s cancellation is not reported as a timeout', async () => {
    vi.stubGlobal('fetch', hangingFetch());
    const caller = new AbortController();
    const result = apiRequest('GET', '/stats', z.object({}), { signal: caller.signal }).catch((e: unknown) => e);
    caller.abort();
    const error = await result;
    expect(error).not.toBeInstanceOf(ApiError);
    expect(vi.getTimerCount()).toBe(0);
  });
});
