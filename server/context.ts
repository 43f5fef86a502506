/** What every route gets: the store, the locality index, the date of evaluation and the app's options. */
import type { Era, Locality, TaskFilters } from '../src/api/schemas';
import type { LocalityIndex } from '../src/domain/localities';
import { resolveFilterLocalities } from '../src/domain/task-query';
import type { AuthOptions } from './auth/options';
import type { ChangeFeed } from './events/feed';
import type { Breakdown, Store } from './store/types';

export interface AppDeps {
  store: Store;
  localities: LocalityIndex;
  /** The date timeliness is evaluated at (YYYY-MM-DD); fixed in tests, today in Vietnam otherwise. */
  today: () => string;
  /** Version of the application, reported by /health. */
  version: string;
  /** Sessions, password hashing, PUBLIC_READ, TRUST_PROXY, sign-in limits (server/auth/options.ts defaults). */
  auth?: Partial<AuthOptions>;
  /**
   * Where writes are published and event streams listen (server/events/feed.ts). Optional: without it the app
   * makes its own in-process feed; pass one to share it with a bridge (several processes) or other tabs (demo).
   */
  feed?: ChangeFeed;
}

/** Label of the bucket for tasks filed above the listed units or across several of them. */
export const SPANNING_LABEL = 'Nhiều đơn vị / cấp trên';

/**
 * Which units a breakdown by locality lists: one filtered unit with children → its children; otherwise the
 * provinces (of the filter's era, or today's). Throws UnknownLocalityError for a code of no era.
 */
export function breakdownOf(filters: TaskFilters, localities: LocalityIndex): Breakdown {
  const units: Locality[] = filters.locality?.length
    ? resolveFilterLocalities(filters.locality, filters.era, localities)
    : [];
  const parent = units.length === 1 && units[0]?.hasChildren ? units[0] : null;
  const era: Era = parent?.era ?? filters.era ?? 'post2025';
  return { parent, era };
}
