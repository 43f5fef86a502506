/**
 * Looking up administrative units by code (`GET /localities?era=&code=&code=`), and resolving codes to their path
 * from the province down ("Bến Tre › Chợ Lách"), in batches (short query strings, even for an export of thousands
 * of units), with every batch cached under the localities key. Owned by the analyst workspace (issue 3).
 */
import { keepPreviousData, type QueryClient, queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet } from './client';
import { localitiesQueries } from './localities';
import type { Era, Locality } from './schemas';

/** Codes per request. */
export const LOOKUP_BATCH = 100;

/** A unit code read in one era. */
export interface LocalityRef {
  era: Era;
  code: string;
}

/** Key of a unit in the maps below: "post2025:86". */
export const refKey = (era: Era, code: string) => `${era}:${code}`;

export const localityLookupQueries = {
  byCodes: (era: Era, codes: readonly string[]) =>
    queryOptions({
      queryKey: [...localitiesQueries.all(), era, 'codes', [...codes]] as const,
      queryFn: ({ signal }) => apiGet('/localities', (c) => c.LocalityList, { query: { era, code: codes }, signal }),
      staleTime: Number.POSITIVE_INFINITY,
    }),
  paths: (refs: readonly LocalityRef[], client: QueryClient) =>
    queryOptions({
      queryKey: [...localitiesQueries.all(), 'paths', refs.map((r) => refKey(r.era, r.code))] as const,
      queryFn: () => resolveLocalityPaths(client, refs),
      staleTime: Number.POSITIVE_INFINITY,
      placeholderData: keepPreviousData,
    }),
};

async function lookup(client: QueryClient, era: Era, codes: readonly string[]): Promise<Locality[]> {
  const out: Locality[] = [];
  const sorted = [...new Set(codes)].sort();
  for (let i = 0; i < sorted.length; i += LOOKUP_BATCH) {
    const list = await client.fetchQuery(localityLookupQueries.byCodes(era, sorted.slice(i, i + LOOKUP_BATCH)));
    out.push(...list.items);
  }
  return out;
}

/**
 * Each unit's path from its province down to itself, keyed by refKey(era, code); a code the API does not know is
 * absent. Three rounds at most (commune → district → province), one request per era and batch in each.
 */
export async function resolveLocalityPaths(
  client: QueryClient,
  refs: readonly LocalityRef[],
): Promise<Map<string, Locality[]>> {
  const units = new Map<string, Locality>();
  let pending: LocalityRef[] = [...refs];
  for (let round = 0; round < 3 && pending.length > 0; round += 1) {
    const byEra = new Map<Era, string[]>();
    for (const r of pending) byEra.set(r.era, [...(byEra.get(r.era) ?? []), r.code]);
    for (const [era, codes] of byEra) {
      for (const unit of await lookup(client, era, codes)) units.set(refKey(unit.era, unit.code), unit);
    }
    pending = [];
    for (const unit of units.values()) {
      if (unit.parentCode && !units.has(refKey(unit.era, unit.parentCode))) {
        pending.push({ era: unit.era, code: unit.parentCode });
      }
    }
  }
  const paths = new Map<string, Locality[]>();
  for (const r of refs) {
    const path: Locality[] = [];
    let unit = units.get(refKey(r.era, r.code));
    while (unit && path.length < 3) {
      path.unshift(unit);
      unit = unit.parentCode ? units.get(refKey(unit.era, unit.parentCode)) : undefined;
    }
    if (path.length > 0) paths.set(refKey(r.era, r.code), path);
  }
  return paths;
}

/** Paths (province first, the unit last) of these units; the previous answer stays while a new set resolves. */
export function useLocalityPaths(refs: readonly LocalityRef[], enabled = true) {
  const client = useQueryClient();
  return useQuery({ ...localityLookupQueries.paths(refs, client), enabled: enabled && refs.length > 0 });
}
