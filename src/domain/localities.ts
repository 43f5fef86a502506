/**
 * The locality tree of both eras (before and after the reform of 1 July 2025) and the cross-era containment that
 * locality filters use. Pure: the dataset (`src/data/localities.json`, built by `scripts/build-localities.ts`) is
 * passed in, so the app can load it lazily.
 *
 * Cross-era comparisons go through footprints: the set of post-2025 commune codes a unit covers. A 2022 task of
 * huyện Chợ Lách (pre 832) covers the four post-2025 communes that absorbed its 11 communes, all inside today's
 * Vĩnh Long (post 86), so a filter on Vĩnh Long finds it.
 */
import type { Era, Locality, LocalityLevel } from '../api/schemas';
import { compareVi, fold } from './text';

/**
 * The shape of `src/data/localities.json` (version 1). Rows are `[code, fullName]` or `[code, fullName, parentCode]`.
 * `successors` omits a pre-2025 commune whose only successor is the post-2025 commune with the same code: the reader
 * falls back to `[code]`. `districtSuccessors` lists the districts that have no communes (island districts that
 * became special zones). Typed loosely enough that `import('…/localities.json')` is assignable to it.
 */
export interface LocalityDataset {
  readonly version: number;
  readonly sources?: Readonly<Record<string, string>>;
  readonly pre2025: {
    readonly provinces: readonly (readonly string[])[];
    readonly districts: readonly (readonly string[])[];
    readonly communes: readonly (readonly string[])[];
  };
  readonly post2025: {
    readonly provinces: readonly (readonly string[])[];
    readonly communes: readonly (readonly string[])[];
  };
  readonly successors: Readonly<Record<string, readonly string[]>>;
  readonly districtSuccessors: Readonly<Record<string, readonly string[]>>;
  readonly provinceSuccessors: Readonly<Record<string, readonly string[]>>;
}

export interface LocalityIndex {
  /** The unit with this code in this era. Codes collide between eras (pre 86 and post 86 are different units). */
  get(code: string, era: Era): Locality | undefined;
  /** With an era: `get`. Without: the post-2025 unit if the code exists there, else the pre-2025 unit. */
  resolve(code: string, era?: Era): Locality | undefined;
  /** Children sorted by name (Vietnamese order); `null` lists the provinces. Unknown parent: []. */
  children(parentCode: string | null, era: Era): Locality[];
  /** Root (province) first, the unit last; [] for an unknown code. */
  path(code: string, era: Era): Locality[];
  /** The post-2025 commune codes the unit covers. Memoised; do not mutate. */
  footprint(unit: Locality): ReadonlySet<string>;
  /**
   * Whether a task filed under `inner` matches a filter on `outer`.
   * Same era: `inner` is `outer` or lies under it in the tree.
   * Across eras: footprint(inner) ⊆ footprint(outer), or `inner` is a commune whose footprint meets footprint(outer)
   * (a split commune is found from each of its successors).
   */
  contains(outer: Locality, inner: Locality): boolean;
  /** `contains(outer, ·)` memoised per inner unit: use it to filter many tasks against one unit. */
  containmentTester(outer: Locality): (inner: Locality) => boolean;
  /** The era in which a task's locality codes are read, from its assignment date. */
  taskEra(dateIso: string): Era;
  /**
   * Accent- and case-insensitive substring search over names. Provinces, then districts, then communes; within a
   * level, units whose short name starts with the query first, then by name.
   */
  search(query: string, era: Era, limit?: number): Locality[];
  /** For a pre-2025 unit the post-2025 units that absorbed it (provinces for a province, else communes). A post-2025 unit: itself. */
  currentUnits(unit: Locality): Locality[];
}

/** The day the two-level system took effect. */
export const REFORM_DATE = '2025-07-01';

/** A task assigned before 1 July 2025 names pre-2025 units. Takes `YYYY-MM-DD` or an ISO date-time. */
export function taskEra(dateIso: string): Era {
  return dateIso.slice(0, 10) < REFORM_DATE ? 'pre2025' : 'post2025';
}

// Longest first where one prefix could start another.
const UNIT_TYPES = ['Thành phố', 'Thị trấn', 'Thị xã', 'Đặc khu', 'Phường', 'Huyện', 'Quận', 'Tỉnh', 'Xã'];
const UNIT_TYPE = new RegExp(`^(?:${UNIT_TYPES.join('|')})\\s+`, 'iu');

/**
 * The name without its unit type: "Huyện Chợ Lách" → "Chợ Lách", "Thành phố Hồ Chí Minh" → "Hồ Chí Minh",
 * "Phường Phường Đúc" → "Phường Đúc". A numbered unit keeps its type ("Phường 1", "Quận 12"): a bare number names nothing.
 */
export function shortLocalityName(fullName: string): string {
  const rest = fullName.replace(UNIT_TYPE, '');
  return rest === fullName || rest === '' || /^\d/.test(rest) ? fullName : rest;
}

interface Node {
  readonly code: string;
  readonly name: string;
  readonly level: LocalityLevel;
  readonly era: Era;
  readonly parentCode: string | null;
  readonly children: string[];
  locality?: Locality;
  folded?: string;
  foldedShort?: string;
}

const LEVEL_RANK: Record<LocalityLevel, number> = { province: 0, district: 1, commune: 2 };
const key = (era: Era, code: string) => (era === 'pre2025' ? `a${code}` : `b${code}`);

export function createLocalityIndex(data: LocalityDataset): LocalityIndex {
  if (data.version !== 1) throw new Error(`Unsupported locality dataset version ${String(data.version)}`);

  const nodes: Record<Era, Map<string, Node>> = { pre2025: new Map(), post2025: new Map() };
  const roots: Record<Era, string[]> = { pre2025: [], post2025: [] };

  const add = (era: Era, level: LocalityLevel, rows: readonly (readonly string[])[], parentLevel?: LocalityLevel) => {
    const map = nodes[era];
    for (const row of rows) {
      const [code, name, parentCode] = row;
      if (code === undefined || name === undefined) throw new Error(`Bad ${era} ${level} row: ${JSON.stringify(row)}`);
      if (map.has(code)) throw new Error(`Duplicate ${era} code ${code}`);
      const node: Node = {
        code,
        name,
        level,
        era,
        parentCode: parentLevel ? (parentCode ?? null) : null,
        children: [],
      };
      map.set(code, node);
      if (!parentLevel) {
        roots[era].push(code);
        continue;
      }
      const parent = parentCode === undefined ? undefined : map.get(parentCode);
      if (!parent || parent.level !== parentLevel) {
        throw new Error(`${era} ${level} ${code}: unknown parent ${String(parentCode)}`);
      }
      parent.children.push(code);
    }
  };
  add('pre2025', 'province', data.pre2025.provinces);
  add('pre2025', 'district', data.pre2025.districts, 'province');
  add('pre2025', 'commune', data.pre2025.communes, 'district');
  add('post2025', 'province', data.post2025.provinces);
  add('post2025', 'commune', data.post2025.communes, 'province');

  const node = (code: string, era: Era) => nodes[era].get(code);

  /** Post-2025 successors of a pre-2025 unit, at its own level's meaning (provinces for a province). */
  const successorsOf = (n: Node): readonly string[] => {
    if (n.era === 'post2025') return [];
    if (n.level === 'province') return data.provinceSuccessors[n.code] ?? [];
    if (n.level === 'commune') return data.successors[n.code] ?? [n.code];
    return [...footprintOf(n)].sort();
  };

  const footprints = new Map<string, ReadonlySet<string>>();
  const footprintOf = (n: Node): ReadonlySet<string> => {
    const k = key(n.era, n.code);
    let set = footprints.get(k);
    if (set) return set;
    if (n.era === 'post2025') {
      set = n.level === 'commune' ? new Set([n.code]) : new Set(n.children);
    } else if (n.level === 'commune') {
      set = new Set(successorsOf(n));
    } else {
      const union = new Set<string>(n.level === 'district' ? (data.districtSuccessors[n.code] ?? []) : []);
      for (const child of n.children) for (const c of footprintOf(node(child, n.era)!)) union.add(c);
      set = union;
    }
    footprints.set(k, set);
    return set;
  };

  const toLocality = (n: Node): Locality => {
    if (!n.locality) {
      n.locality = Object.freeze({
        code: n.code,
        name: n.name,
        shortName: shortLocalityName(n.name),
        level: n.level,
        era: n.era,
        parentCode: n.parentCode,
        hasChildren: n.children.length > 0,
        successorCodes: Object.freeze([...successorsOf(n)]) as string[],
      });
    }
    return n.locality;
  };

  const nodeOf = (unit: Locality): Node => {
    const n = node(unit.code, unit.era);
    if (!n) throw new Error(`Unknown ${unit.era} locality ${unit.code}`);
    return n;
  };

  const get = (code: string, era: Era) => {
    const n = node(code, era);
    return n ? toLocality(n) : undefined;
  };

  const byName = (a: Node, b: Node) => compareVi(a.name, b.name) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  const sortedChildren = new Map<string, readonly Node[]>();
  const childNodes = (parentCode: string | null, era: Era): readonly Node[] => {
    const k = parentCode === null ? `${era}:*` : key(era, parentCode);
    let list = sortedChildren.get(k);
    if (!list) {
      const codes = parentCode === null ? roots[era] : (node(parentCode, era)?.children ?? []);
      list = codes.map((c) => node(c, era)!).sort(byName);
      sortedChildren.set(k, list);
    }
    return list;
  };

  const isUnder = (outer: Node, inner: Node): boolean => {
    for (let n: Node | undefined = inner; n; n = n.parentCode === null ? undefined : node(n.parentCode, n.era)) {
      if (n === outer) return true;
    }
    return false;
  };

  const containsNodes = (outer: Node, inner: Node): boolean => {
    if (outer.era === inner.era) return isUnder(outer, inner);
    const fo = footprintOf(outer);
    const fi = footprintOf(inner);
    if (fi.size === 0) return false;
    let all = true;
    let some = false;
    for (const c of fi) {
      if (fo.has(c)) some = true;
      else all = false;
    }
    return all || (inner.level === 'commune' && some);
  };

  // Search: per era, nodes ordered by level then name, with folded names computed on first use.
  const searchOrder: Partial<Record<Era, Node[]>> = {};
  const searchList = (era: Era): Node[] => {
    let list = searchOrder[era];
    if (!list) {
      list = [...nodes[era].values()].sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || byName(a, b));
      for (const n of list) {
        n.folded = fold(n.name);
        n.foldedShort = fold(shortLocalityName(n.name));
      }
      searchOrder[era] = list;
    }
    return list;
  };

  return {
    get,
    resolve(code, era) {
      return era ? get(code, era) : (get(code, 'post2025') ?? get(code, 'pre2025'));
    },
    children(parentCode, era) {
      return childNodes(parentCode, era).map(toLocality);
    },
    path(code, era) {
      const out: Locality[] = [];
      for (let n = node(code, era); n; n = n.parentCode === null ? undefined : node(n.parentCode, era)) {
        out.unshift(toLocality(n));
      }
      return out;
    },
    footprint(unit) {
      return footprintOf(nodeOf(unit));
    },
    contains(outer, inner) {
      return containsNodes(nodeOf(outer), nodeOf(inner));
    },
    containmentTester(outer) {
      const o = nodeOf(outer);
      const memo = new Map<string, boolean>();
      return (inner) => {
        const k = key(inner.era, inner.code);
        let result = memo.get(k);
        if (result === undefined) {
          result = containsNodes(o, nodeOf(inner));
          memo.set(k, result);
        }
        return result;
      };
    },
    taskEra,
    search(query, era, limit = 20) {
      const q = fold(query);
      if (q === '' || limit <= 0) return [];
      const out: Locality[] = [];
      const list = searchList(era);
      let i = 0;
      while (i < list.length && out.length < limit) {
        // One level at a time: prefix matches of the short name, then the other matches.
        const level = list[i]!.level;
        let end = i;
        while (end < list.length && list[end]!.level === level) end++;
        const rest: Node[] = [];
        for (let j = i; j < end; j++) {
          const n = list[j]!;
          if (n.foldedShort!.startsWith(q)) {
            if (out.length < limit) out.push(toLocality(n));
          } else if (n.folded!.includes(q)) {
            rest.push(n);
          }
        }
        for (const n of rest) {
          if (out.length >= limit) break;
          out.push(toLocality(n));
        }
        i = end;
      }
      return out;
    },
    currentUnits(unit) {
      const n = nodeOf(unit);
      if (n.era === 'post2025') return [toLocality(n)];
      return successorsOf(n).flatMap((code) => {
        const s = get(code, 'post2025');
        return s ? [s] : [];
      });
    },
  };
}
