// @vitest-environment jsdom
/**
 * The app starts from the /stats answer the server put into the page (issue 16): checked against the contract like
 * any answer, into the overview's first query; anything wrong leaves the cache empty (the app asks itself).
 */
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { Stats } from '../../src/api/schemas';
import { statsQueries } from '../../src/api/stats';
import { seedFirstStats } from '../../src/app/first-screen-data';
import { FIRST_STATS_ID } from '../../src/app/first-screen-id';

const zeros = { done_on_time: 0, done_late: 0, on_track: 0, due_soon: 0, overdue: 0, no_deadline: 0, cancelled: 0 };
const STATS: Stats = {
  asOf: '2026-11-26',
  total: 2,
  byTimeliness: { ...zeros, overdue: 2 },
  byStatus: { not_started: 0, in_progress: 2, paused: 0, done: 0, cancelled: 0 },
  byLocality: {
    era: 'post2025',
    parent: null,
    items: [{ code: '86', name: 'Vĩnh Long', total: 2, byTimeliness: { ...zeros, overdue: 2 } }],
  },
  byCategory: [{ category: 'infrastructure', total: 2, byTimeliness: { ...zeros, overdue: 2 } }],
  monthly: [{ month: '2026-10', assigned: 2, completed: 0 }],
  mostOverdue: [],
};
const KEY = statsQueries.summary({ era: 'post2025' }).queryKey;

/** A document whose page carries `text` as the first /stats answer. */
function pageWith(text: string | null): Document {
  const doc = document.implementation.createHTMLDocument('page');
  if (text !== null) {
    const element = doc.createElement('script');
    element.type = 'application/json';
    element.id = FIRST_STATS_ID;
    element.textContent = text;
    doc.body.append(element);
  }
  return doc;
}

describe('seedFirstStats', () => {
  it('puts a valid answer into the overview’s first query and takes it out of the page', async () => {
    const client = new QueryClient();
    const doc = pageWith(JSON.stringify({ filters: { era: 'post2025' }, stats: STATS }));
    expect(await seedFirstStats(client, doc)).toBe(true);
    expect(client.getQueryData(KEY)).toEqual(STATS);
    expect(doc.getElementById(FIRST_STATS_ID)).toBeNull();
  });

  it('leaves the cache empty for a page without an answer, bad JSON or an answer the contract rejects', async () => {
    const broken = { ...STATS, total: -1 };
    for (const text of [null, '{"filters":', JSON.stringify({ filters: { era: 'post2025' }, stats: broken })]) {
      const client = new QueryClient();
      expect(await seedFirstStats(client, pageWith(text))).toBe(false);
      expect(client.getQueryData(KEY)).toBeUndefined();
    }
  });
});
