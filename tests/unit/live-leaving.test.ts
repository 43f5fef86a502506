// @vitest-environment jsdom
/**
 * The demo's event stream (FetchEventSource: EventSource over fetch, answered by the mock in the page) as the tab
 * leaves: the mock's worker lets go of the tab then, so a stream opened or reopened would reach the static host and
 * log a 404 in the console of the page being left. Its own file: the "leaving" state lasts for the page.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FetchEventSource } from '../../src/api/live';

afterEach(() => vi.restoreAllMocks());

describe('FetchEventSource as the tab leaves', () => {
  it('closes the open stream without an error (no reconnect) and opens no new one', async () => {
    const calls: RequestInit[] = [];
    vi.spyOn(globalThis, 'fetch').mockImplementation((_url, init) => {
      calls.push(init ?? {});
      // A stream that stays open until aborted.
      return new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    });
    const open = new FetchEventSource('http://localhost/api/v1/events');
    const onerror = vi.fn();
    open.onerror = onerror;
    await vi.waitFor(() => expect(calls).toHaveLength(1));

    window.dispatchEvent(new Event('beforeunload'));
    expect(calls[0]?.signal?.aborted).toBe(true);
    const reopened = new FetchEventSource('http://localhost/api/v1/events');
    reopened.onerror = onerror;
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(calls).toHaveLength(1);
    expect(onerror).not.toHaveBeenCalled();
  });
});
