import { type UseQueryResult, useQueries, useQuery } from '@tanstack/react-query';
import { articlesQueries } from '../../../api/articles';
import type { Article, Era, Stats, TaskFilters, TaskPage } from '../../../api/schemas';
import { statsQueries } from '../../../api/stats';
import { tasksQueries } from '../../../api/tasks';
import { FLAGSHIP_CAP } from '../utils/deck';
import type { PresentationSettings } from '../utils/settings';

export interface Freshness {
  /** When the figures on screen were fetched (ms since epoch), null before the first answer. */
  at: number | null;
  /** A refresh failed: the figures on screen are the last good ones and the show keeps retrying. */
  stale: boolean;
}

type Observed = Pick<UseQueryResult, 'data' | 'isError' | 'failureCount' | 'dataUpdatedAt'>;

/** True when a query holds good data but its latest refresh failed (or is failing and being retried). */
function failing(q: Observed): boolean {
  return q.data !== undefined && (q.isError || q.failureCount > 0);
}

/**
 * How fresh the figures on screen are: the main figures' time, or, when any refresh is failing, the time of the
 * oldest figures still shown.
 */
export function freshnessOf(main: Observed, others: readonly Observed[]): Freshness {
  const all = [main, ...others];
  const stale = all.some(failing);
  if (main.data === undefined) return { at: null, stale };
  const failingTimes = all.filter(failing).map((q) => q.dataUpdatedAt);
  return { at: stale ? Math.min(main.dataUpdatedAt, ...failingTimes) : main.dataUpdatedAt, stale };
}

const live = (refresh: number) => ({ refetchInterval: refresh * 1000, refetchIntervalInBackground: true }) as const;

/**
 * The show's main figures and its flagship projects, refreshed every `settings.refresh` seconds (also when the tab
 * is in the background: a wall screen's browser may think it is). TanStack Query keeps the last good data when a
 * refresh fails, and the interval keeps retrying.
 */
export function usePresentationData(filters: TaskFilters, settings: PresentationSettings) {
  const stats = useQuery({ ...statsQueries.summary(filters), ...live(settings.refresh) });

  // Spotlights of the flagship projects among the filtered tasks (none when the filter excludes flagship ones).
  const wantFlagship = settings.slides.includes('flagship') && filters.flagship !== false;
  const flagship = useQuery({
    ...tasksQueries.list({ ...filters, flagship: true, sort: '-updatedAt', pageSize: FLAGSHIP_CAP }),
    ...live(settings.refresh),
    enabled: wantFlagship,
  });

  const articleIds = [...new Set((flagship.data?.items ?? []).flatMap((t) => (t.articleId ? [t.articleId] : [])))];
  const articles = useQueries({
    queries: articleIds.map((id) => ({ ...articlesQueries.detail(id), staleTime: Number.POSITIVE_INFINITY })),
  });
  const articleById = new Map<string, Article>();
  for (const q of articles) if (q.data) articleById.set(q.data.id, q.data);

  return {
    stats,
    flagship: wantFlagship ? (flagship.data as TaskPage | undefined) : undefined,
    flagshipQuery: wantFlagship ? flagship : null,
    articleById,
  };
}

/**
 * The figures of the child units whose slides are on screen or next: only those are fetched and kept live, so a
 * rotation through a dozen units costs two requests per refresh, not a dozen (on the embedded mock API each one
 * also costs the page's main thread). A unit's last figures stay cached for when its slide comes round again.
 */
export function useUnitStats(filters: TaskFilters, era: Era | undefined, codes: readonly string[], refresh: number) {
  const queries = useQueries({
    queries: codes.map((code) => ({
      ...statsQueries.summary({ ...filters, locality: [code], era }),
      ...live(refresh),
      // Each unit's own figures only: never another unit's while its own load.
      placeholderData: undefined,
    })),
  });
  const byCode = new Map<string, UseQueryResult<Stats>>();
  codes.forEach((code, i) => {
    const q = queries[i];
    if (q) byCode.set(code, q);
  });
  return { byCode, queries };
}
