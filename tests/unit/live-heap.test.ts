/**
 * A day on the wall does not grow the live client's memory: 10,000 change events (in bursts, each one applied:
 * coalesced, invalidating the queries it affects, reported to the status store and its subscribers) leave the heap
 * within 10 % of where it was, after garbage collection.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { createLiveClient, type LiveChange, liveStatusStore } from '../../src/api/live';
import { statsQueries } from '../../src/api/stats';
import { taskUpdatesQueries } from '../../src/api/task-updates';
import { tasksQueries } from '../../src/api/tasks';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  for (let i = 0; i < 4; i += 1) gc();
  return process.memoryUsage().heapUsed;
}

describe('the live client over a day of changes', () => {
  it('keeps its heap within 10 % after 10,000 change events', async () => {
    const client = new QueryClient({
      defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY, gcTime: Number.POSITIVE_INFINITY } },
    });
    // What an overview holds: a few aggregates and lists, and the pages of tasks someone opened.
    for (let i = 0; i < 20; i += 1) {
      client.setQueryData(statsQueries.summary({ locality: [String(80 + i)] }).queryKey, {
        total: i,
        items: new Array(50).fill(i),
      } as never);
      client.setQueryData(tasksQueries.list({ page: i + 1 }).queryKey, {
        items: new Array(50).fill({ id: `t-${i}` }),
      } as never);
      client.setQueryData(tasksQueries.detail(`t-${i}`).queryKey, { id: `t-${i}` } as never);
      client.setQueryData(taskUpdatesQueries.list(`t-${i}`).queryKey, { items: [] } as never);
    }
    let notified = 0;
    const unsubscribe = liveStatusStore.subscribe(() => {
      notified += 1;
    });
    const live = createLiveClient({ queryClient: client, coalesceMs: 0 });
    let id = 0;
    const change = (): LiveChange => {
      id += 1;
      return {
        id,
        version: id,
        at: new Date().toISOString(),
        all: id % 500 === 0,
        tasks: [`t-${id % 40}`, `t-new-${id}`],
        articles: id % 7 === 0 ? [`a-${id}`] : [],
        titles: [`Nhiệm vụ số ${id}: xây dựng cầu Đình Khao và các công trình liên quan`],
        origin: 'elsewhere',
      };
    };
    const send = async (count: number) => {
      for (let i = 0; i < count; i += 1) {
        live.receive(change());
        // Bursts of 5, each applied before the next (as events arriving seconds apart would be).
        if (i % 5 === 4) await live.settled();
      }
      await live.settled();
    };

    await send(1000); // warm-up: code paths compiled, caches at their working size
    const before = heapAfterGc();
    await send(10_000);
    const after = heapAfterGc();
    unsubscribe();
    live.stop();

    const growth = (after - before) / before;
    if (process.env.LIVE_HEAP_REPORT) console.log(`live heap: ${before} → ${after} (${(growth * 100).toFixed(2)} %)`);
    expect(notified).toBeGreaterThanOrEqual(2200);
    expect(client.getQueryCache().getAll()).toHaveLength(80);
    expect(growth, `heap ${(before / 1e6).toFixed(1)} MB → ${(after / 1e6).toFixed(1)} MB`).toBeLessThanOrEqual(0.1);
  });
});
