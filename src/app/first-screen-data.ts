/**
 * The first `/stats` answer the server put into the page with the overview it drew (server/http/first-screen.ts,
 * issue 16): the app starts from it instead of asking again, so its first render draws the figures and charts the
 * page already shows, and takes over without a frame of placeholders.
 */
import type { QueryClient } from '@tanstack/react-query';
import { loadContract } from '../api/client';
import { statsQueries } from '../api/stats';
import { loadOverviewCharts } from '../features/dashboard/components/overview-charts-slot';
import { FIRST_STATS_ID } from './first-screen-id';

/** What the server writes into that element. */
export interface FirstStats {
  /** The filters of the request, as the overview asks them (`{ era }` with nothing chosen). */
  filters: { era: 'pre2025' | 'post2025' };
  /** The API's answer, unchecked until here. */
  stats: unknown;
}

/**
 * Puts the page's first `/stats` answer into the query cache, checked against the API's contract like any answer,
 * and loads the charts' code, so the app's first render draws what the server drew. Anything wrong (no element,
 * bad JSON, an answer the contract rejects, a chunk that does not load) leaves the cache empty: the app then asks
 * for the figures as it always did. Never throws.
 */
export async function seedFirstStats(queryClient: QueryClient, doc: Document = document): Promise<boolean> {
  const element = doc.getElementById(FIRST_STATS_ID);
  if (!element) return false;
  element.remove();
  try {
    const { filters, stats } = JSON.parse(element.textContent ?? '') as FirstStats;
    const [contract] = await Promise.all([loadContract(), loadOverviewCharts()]);
    const checked = contract.Stats.safeParse(stats);
    if (!checked.success) return false;
    queryClient.setQueryData(statsQueries.summary({ era: filters.era }).queryKey, checked.data);
    return true;
  } catch {
    return false;
  }
}
