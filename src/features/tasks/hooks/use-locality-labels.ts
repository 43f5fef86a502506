import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { type LocalityRef, localityLookupQueries, refKey } from '../../../api/locality-lookup';
import type { Locality, Task } from '../../../api/schemas';
import { pathLabel } from '../../../components/filters/use-chosen-localities';
import { taskEra } from '../../../domain/localities';

/** The units a task is filed under, read in the era in force when it was assigned (as the API reads them). */
export function taskLocalityRefs(task: Pick<Task, 'localityCodes' | 'createdAt'>): LocalityRef[] {
  const era = taskEra(task.createdAt);
  return task.localityCodes.map((code) => ({ era, code }));
}

/** "Bến Tre › Chợ Lách" for each task (several units joined by "; "), or null while the names load. */
export function localityLabel(task: Task, paths: ReadonlyMap<string, Locality[]>): string | null {
  const parts: string[] = [];
  for (const ref of taskLocalityRefs(task)) {
    const path = paths.get(refKey(ref.era, ref.code));
    if (!path) return null;
    parts.push(pathLabel(path));
  }
  return parts.join('; ');
}

/** Stable (module-level) so the merged map keeps its identity while no lookup changes. */
function mergePaths(results: ReadonlyArray<{ data?: ReadonlyMap<string, Locality[]> }>): Map<string, Locality[]> {
  const all = new Map<string, Locality[]>();
  for (const r of results) for (const [k, v] of r.data ?? []) all.set(k, v);
  return all;
}

/**
 * Locality paths for the loaded pages of a list: one lookup per page (so an appended page does not re-ask for the
 * earlier ones), merged.
 */
export function useLocalityLabels(pages: ReadonlyArray<{ items: readonly Task[] }>) {
  const client = useQueryClient();
  const merged = useQueries({
    queries: pages.map((page) => {
      const refs = new Map<string, LocalityRef>();
      for (const task of page.items) for (const r of taskLocalityRefs(task)) refs.set(refKey(r.era, r.code), r);
      const sorted = [...refs.values()].sort((a, b) => refKey(a.era, a.code).localeCompare(refKey(b.era, b.code)));
      return localityLookupQueries.paths(sorted, client);
    }),
    combine: mergePaths,
  });
  return useCallback((task: Task) => localityLabel(task, merged), [merged]);
}
