/**
 * Administrative units named in text: a unit type (`huyện`, `Huyện ủy`, `xã`, `phường`, `thị trấn`, `thị xã`,
 * `thành phố`, `TP.`, `tỉnh`, `quận`) followed by a capitalised name (`huyện Chợ Lách`, `Huyện ủy Chợ Lách`,
 * `xã Hưng Khánh Trung B`, `Phường 7`). Names are resolved against a locality index of the article's era; when a
 * name exists in several places, the units inside the provinces and districts the article names win, and a name that
 * stays ambiguous resolves to nothing (better no locality than a wrong one).
 */
import type { Era, LocalityLevel } from '../api/schemas';
import { fold } from '../domain/text';
import { type Token, tokenize } from './tokens';

/** The part of a locality the extractor reads (the project's `Locality` satisfies it). */
export interface LocalityLike {
  readonly code: string;
  /** Full name with its type: `Huyện Chợ Lách`. */
  readonly name: string;
  readonly level: LocalityLevel;
  readonly parentCode: string | null;
}

/**
 * What the extractor needs from a locality index (`createLocalityIndex` in `src/domain/localities.ts` satisfies it):
 * a name search within an era and a look-up by code (to walk up to the province).
 */
export interface LocalityIndexLike {
  search(query: string, era: Era, limit?: number): readonly LocalityLike[];
  get(code: string, era: Era): LocalityLike | undefined;
}

/**
 * Units by folded full name (`huyen cho lach`), built once per index and era. The index only answers substring
 * searches; every unit name contains a vowel, so the searches for the six vowels enumerate it. A full scan of the
 * index per name looked up cost more than half of the extraction time; this makes a look-up constant-time. Null when
 * the index cannot be enumerated that way (then each look-up searches).
 */
const EXACT_NAMES = new WeakMap<LocalityIndexLike, Map<Era, Map<string, LocalityLike[]> | null>>();
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'y'];

function exactNames(index: LocalityIndexLike, era: Era): Map<string, LocalityLike[]> | null {
  let byEra = EXACT_NAMES.get(index);
  if (!byEra) {
    byEra = new Map();
    EXACT_NAMES.set(index, byEra);
  }
  const known = byEra.get(era);
  if (known !== undefined) return known;
  let map: Map<string, LocalityLike[]> | null = new Map();
  try {
    const seen = new Set<string>();
    for (const v of VOWELS) {
      for (const u of index.search(v, era, 1_000_000)) {
        if (seen.has(u.code)) continue;
        seen.add(u.code);
        const key = fold(u.name);
        const list = map.get(key);
        if (list) list.push(u);
        else map.set(key, [u]);
      }
    }
    if (seen.size === 0) map = null;
  } catch {
    map = null;
  }
  byEra.set(era, map);
  return map;
}

export interface LocalityRef {
  code: string;
  name: string;
}

export interface LocalityMention {
  /** The unit type as a folded key: `huyen`, `xa`, `thanh pho`, … */
  type: string;
  /** The name as written: `Chợ Lách`, or `Phường 7` for a numbered unit. */
  name: string;
  start: number;
  end: number;
}

/** Unit type words, folded, with the folded prefixes a matching unit's full name must start with. */
const TYPES: Record<string, readonly string[]> = {
  huyen: ['huyen'],
  quan: ['quan'],
  'thi xa': ['thi xa'],
  'thanh pho': ['thanh pho'],
  tp: ['thanh pho'],
  tinh: ['tinh', 'thanh pho'],
  xa: ['xa'],
  phuong: ['phuong'],
  'thi tran': ['thi tran'],
  'dac khu': ['dac khu'],
  'thanh uy': ['thanh pho'],
  'thi uy': ['thi xa'],
};
/** `Huyện ủy Chợ Lách`, `Đảng ủy xã …`: the `ủy` after the type is skipped. */
const PARTY_SUFFIX = new Set(['ủy', 'uỷ']);
const NUMBERED_TYPES = new Set(['phuong', 'quan']);
const ALIASES: Record<string, { type: string; name: string }> = {
  'tp.hcm': { type: 'thanh pho', name: 'Hồ Chí Minh' },
  tphcm: { type: 'thanh pho', name: 'Hồ Chí Minh' },
  'tp.hn': { type: 'thanh pho', name: 'Hà Nội' },
};
const MAX_NAME_SYLLABLES = 5;

/** First syllables of the unit types, folded. */
const TYPE_FIRSTS = new Set(Object.keys(TYPES).map((t) => t.split(' ')[0]!));
const FOLDED = new Map<string, string>();

/** `fold` of one syllable, remembered (syllables repeat: the map stays small; it is cleared when it grows). */
function foldSyllable(syllable: string): string {
  let f = FOLDED.get(syllable);
  if (f === undefined) {
    if (FOLDED.size > 20_000) FOLDED.clear();
    f = fold(syllable);
    FOLDED.set(syllable, f);
  }
  return f;
}

function typeAt(tokens: readonly Token[], i: number): { type: string; len: number } | null {
  const t = tokens[i]!;
  if (!t.word) return null;
  const a = foldSyllable(t.text);
  if (!TYPE_FIRSTS.has(a)) return null;
  const next = tokens[i + 1];
  const b = next?.word ? foldSyllable(next.text) : '';
  if ((a === 'thi' || a === 'thanh' || a === 'dac') && b) {
    const two = `${a} ${b}`;
    if (TYPES[two]) return { type: two, len: 2 };
  }
  if (a === 'tp') return { type: 'tp', len: next?.text === '.' ? 2 : 1 };
  if (TYPES[a] && a !== 'tp') return { type: a, len: 1 };
  return null;
}

function readName(tokens: readonly Token[], j: number): number {
  const start = j;
  while (
    j < tokens.length &&
    j - start < MAX_NAME_SYLLABLES &&
    tokens[j]!.word &&
    (tokens[j]!.cap || (/^\d{1,2}$/.test(tokens[j]!.text) && j === start))
  ) {
    j++;
  }
  return j;
}

/**
 * Every typed unit name in `text.slice(from, to)`; offsets absolute. After a plural type (`các xã Tân Thạch,
 * Quới Thành, Giao Long`) every name of the list counts.
 */
export function findLocalityMentions(text: string, from = 0, to = text.length): LocalityMention[] {
  const tokens = tokenize(text, from, to);
  const out: LocalityMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const alias = tokens[i]!.word ? ALIASES[tokens[i]!.text.toLowerCase()] : undefined;
    if (alias) {
      out.push({ type: alias.type, name: alias.name, start: tokens[i]!.start, end: tokens[i]!.end });
      continue;
    }
    const ty = typeAt(tokens, i);
    if (!ty) continue;
    let j = i + ty.len;
    if (tokens[j]?.word && PARTY_SUFFIX.has(tokens[j]!.text.toLowerCase())) j++;
    const plural = i > 0 && tokens[i - 1]!.word && tokens[i - 1]!.key === 'các';
    let nameStart = j;
    j = readName(tokens, nameStart);
    if (j === nameStart) continue;
    for (;;) {
      const first = tokens[nameStart]!;
      const last = tokens[j - 1]!;
      let name = text.slice(first.start, last.end);
      if (/^\d/.test(name)) {
        if (!NUMBERED_TYPES.has(ty.type)) break;
        name = `${ty.type === 'phuong' ? 'Phường' : 'Quận'} ${name}`;
      }
      out.push({ type: ty.type, name, start: first.start, end: last.end });
      // `các xã A, B và C`: the next name of the list, unless it carries its own type.
      const sep = tokens[j];
      if (!plural || !sep || !(sep.text === ',' || (sep.word && sep.key === 'và'))) break;
      const nextStart = j + 1;
      if (!tokens[nextStart]?.cap || typeAt(tokens, nextStart)) break;
      const nextEnd = readName(tokens, nextStart);
      if (nextEnd === nextStart) break;
      nameStart = nextStart;
      j = nextEnd;
    }
    i = j - 1;
  }
  return out;
}

/** Resolves mentions to units of one era, with the article's own provinces and districts as tie-breakers. */
export class LocalityResolver {
  private readonly cache = new Map<string, LocalityLike | null>();
  private readonly hintProvinces = new Set<string>();
  private readonly hintDistricts = new Set<string>();
  private lookups = 0;
  /** Upper bound on index searches per article (each search scans the index). */
  static readonly MAX_LOOKUPS = 400;

  constructor(
    private readonly index: LocalityIndexLike,
    private readonly era: Era,
  ) {}

  /**
   * Learns the provinces, districts and communes named unambiguously in the article: provinces first, then
   * districts, then communes (a unique commune tells its district and province), then districts again with what
   * the communes told.
   */
  learnHints(text: string): void {
    const mentions = findLocalityMentions(text);
    const passes = [
      ['tinh', 'thanh pho', 'tp'],
      ['huyen', 'quan', 'thi xa', 'thanh pho', 'thanh uy', 'thi uy'],
      ['xa', 'phuong', 'thi tran', 'dac khu'],
      ['huyen', 'quan', 'thi xa', 'thanh pho', 'thanh uy', 'thi uy', 'xa', 'phuong', 'thi tran'],
    ];
    for (const pass of passes) {
      let learnt = false;
      for (const m of mentions) {
        if (!pass.includes(m.type)) continue;
        const unit = this.resolveMention(m);
        if (!unit) continue;
        const before = this.hintProvinces.size + this.hintDistricts.size;
        if (unit.level === 'province') this.hintProvinces.add(unit.code);
        else {
          const up = this.ancestors(unit);
          if (unit.level === 'district') this.hintDistricts.add(unit.code);
          for (const code of up) {
            const u = this.index.get(code, this.era);
            if (u?.level === 'district') this.hintDistricts.add(code);
            if (u?.level === 'province') this.hintProvinces.add(code);
          }
        }
        learnt ||= this.hintProvinces.size + this.hintDistricts.size > before;
      }
      // Names that were ambiguous may resolve now.
      if (learnt) for (const [key, value] of this.cache) if (value === null) this.cache.delete(key);
    }
  }

  /**
   * The unit the article is about, when it names only one: its only district (directly or through its communes),
   * else its only province; null when it names several or none.
   */
  articleUnit(): LocalityRef | null {
    if (this.hintProvinces.size !== 1) return null;
    const [code] = this.hintDistricts.size === 1 ? this.hintDistricts : this.hintProvinces;
    const unit = this.index.get(code!, this.era);
    return unit ? { code: unit.code, name: unit.name } : null;
  }

  private ancestors(unit: LocalityLike): string[] {
    const out: string[] = [];
    let code = unit.parentCode;
    for (let depth = 0; code && depth < 3; depth++) {
      out.push(code);
      code = this.index.get(code, this.era)?.parentCode ?? null;
    }
    return out;
  }

  /** The unit a mention names; a name followed by more capitalised words is retried shorter (`xã Tân Phú Trần Văn A`). */
  resolveMention(m: LocalityMention): LocalityLike | null {
    const syllables = m.name.split(/\s+/u);
    const min = Math.min(2, syllables.length);
    for (let n = syllables.length; n >= min; n--) {
      const unit = this.lookup(m.type, syllables.slice(0, n).join(' '));
      if (unit) return unit;
    }
    return null;
  }

  private lookup(type: string, name: string): LocalityLike | null {
    const key = `${type}|${fold(name)}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    if (this.lookups >= LocalityResolver.MAX_LOOKUPS) return null;
    this.lookups++;
    const prefixes = TYPES[type] ?? [];
    const wanted = fold(name);
    const numbered = /^(phuong|quan) \d/.test(wanted);
    let found: LocalityLike[] = [];
    const exact = exactNames(this.index, this.era);
    if (exact) {
      for (const p of prefixes) for (const u of exact.get(`${p} ${wanted}`) ?? []) found.push(u);
      if (numbered) for (const u of exact.get(wanted) ?? []) if (!found.includes(u)) found.push(u);
    } else {
      try {
        found = this.index.search(name, this.era, 300).filter((u) => {
          const full = fold(u.name);
          return prefixes.some((p) => full === `${p} ${wanted}`) || (numbered && full === wanted);
        });
      } catch {
        found = [];
      }
    }
    let unit: LocalityLike | null = null;
    if (found.length === 1) unit = found[0]!;
    else if (found.length > 1) {
      const inside = found.filter((u) => {
        const up = this.ancestors(u);
        return up.some((c) => this.hintDistricts.has(c) || this.hintProvinces.has(c));
      });
      if (inside.length === 1) unit = inside[0]!;
      else if (type === 'tinh' || type === 'thanh pho' || type === 'tp') {
        // `thành phố Cần Thơ` (a province) rather than a district of the same name elsewhere.
        const provinces = found.filter((u) => u.level === 'province');
        if (provinces.length === 1) unit = provinces[0]!;
      }
    }
    this.cache.set(key, unit);
    return unit;
  }

  /** Units named in `text.slice(from, to)`, most specific last-mentioned kept; duplicates dropped. */
  resolveIn(text: string, from = 0, to = text.length): LocalityRef[] {
    const out: LocalityRef[] = [];
    const seen = new Set<string>();
    for (const m of findLocalityMentions(text, from, to)) {
      const unit = this.resolveMention(m);
      if (!unit || seen.has(unit.code)) continue;
      seen.add(unit.code);
      out.push({ code: unit.code, name: unit.name });
    }
    // A unit and its own province both named (`huyện Chợ Lách, tỉnh Bến Tre`): keep the unit only.
    if (out.length > 1) {
      const parents = new Set<string>();
      for (const r of out) {
        const u = this.index.get(r.code, this.era);
        if (u) for (const a of this.ancestors(u)) parents.add(a);
      }
      return out.filter((r) => !parents.has(r.code));
    }
    return out;
  }
}
