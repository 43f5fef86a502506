// @vitest-environment jsdom
/**
 * The demo as the tab leaves (src/app/app.tsx, dropReadsWhenLeaving): the mock's worker lets go of the tab, so a
 * request sent after `beforeunload` would reach the static host (a 404 in the console of the page being left). Such
 * a request is held: sent only if the tab is still there a moment later (a "leave this page?" prompt declined).
 * Its own file: the hold lasts for the page.
 */
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { apiGet } from '../../src/api/client';
import { dropReadsWhenLeaving } from '../../src/app/app';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('requests as the demo tab leaves', () => {
  it('holds a request made after beforeunload, and sends it once the tab has stayed', async () => {
    vi.useFakeTimers();
    const fetch = vi
      .spyOn(globalThis, 'fetch')
      .mockImplementation(async () => Response.json({ ok: true }, { headers: { 'Content-Type': 'application/json' } }));
    const stop = dropReadsWhenLeaving(new QueryClient());
    expect(stop).toBeTypeOf('function');
    window.dispatchEvent(new Event('beforeunload'));

    const answer = apiGet('/things', z.object({ ok: z.boolean() }));
    await vi.advanceTimersByTimeAsync(1500);
    expect(fetch).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1000);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(await answer).toEqual({ ok: true });
    stop?.();
  });
});
