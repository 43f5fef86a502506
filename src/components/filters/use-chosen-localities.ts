import { type QueryClient, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { type LocalityRef, localityLookupQueries, refKey, useLocalityPaths } from '../../api/locality-lookup';
import type { Era, Locality } from '../../api/schemas';

export interface ChosenLocality {
  code: string;
  unit: Locality;
  /** Province first, the unit last. */
  path: Locality[];
}

export const PATH_SEPARATOR = ' › ';

/** "Bến Tre › Chợ Lách": short names from the province down. */
export function pathLabel(path: readonly Locality[]): string {
  return path.map((u) => u.shortName).join(PATH_SEPARATOR);
}

const otherEra = (era: Era): Era => (era === 'pre2025' ? 'post2025' : 'pre2025');

/**
 * Resolves the filter's locality codes the way the API reads them: in the filter's era first, else in the other
 * era. A code known in neither is stale (a link from an older dataset, a typo): reported so the bar can drop it.
 */
export function useChosenLocalities(codes: readonly string[] | undefined, era: Era) {
  const sorted = useMemo(() => [...new Set(codes ?? [])].sort(), [codes]);
  const first = useQuery({ ...localityLookupQueries.byCodes(era, sorted), enabled: sorted.length > 0 });
  const found = first.data?.items ?? [];
  const missing = first.isSuccess ? sorted.filter((c) => !found.some((u) => u.code === c)) : [];
  const second = useQuery({
    ...localityLookupQueries.byCodes(otherEra(era), missing),
    enabled: missing.length > 0,
  });
  const units = new Map<string, Locality>();
  for (const u of found) units.set(u.code, u);
  for (const u of second.data?.items ?? []) if (!units.has(u.code)) units.set(u.code, u);
  const stale = missing.length > 0 && second.isSuccess ? missing.filter((c) => !units.has(c)) : [];

  const refs: LocalityRef[] = [...units.values()].map((u) => ({ era: u.era, code: u.code }));
  const paths = useLocalityPaths(refs);
  const chosen: ChosenLocality[] = sorted.flatMap((code) => {
    const unit = units.get(code);
    if (!unit) return [];
    return [{ code, unit, path: paths.data?.get(refKey(unit.era, unit.code)) ?? [unit] }];
  });
  const pending = first.isPending && sorted.length > 0;
  /**
   * Whether the codes are known to be good (or cannot be checked: the lookup failed, and the API will say): screens
   * wait for it before asking for data, so a stale code in a link is dropped before any request carries it.
   */
  const settled =
    sorted.length === 0 ||
    first.isError ||
    second.isError ||
    (first.isSuccess && (missing.length === 0 || second.isSuccess) && stale.length === 0);
  return { chosen, stale, pending, settled };
}

/**
 * Whether these codes are already known good in the query cache (a unit picked in the filter bar is): a screen may
 * then ask for the data of new filters at once, before it re-renders (see the pages' prefetch on change).
 */
export function localitiesKnown(client: QueryClient, codes: readonly string[] | undefined, era: Era): boolean {
  if (!codes?.length) return true;
  const sorted = [...new Set(codes)].sort();
  const known = client.getQueryData(localityLookupQueries.byCodes(era, sorted).queryKey);
  return Boolean(known && sorted.every((c) => known.items.some((u) => u.code === c)));
}
