/**
 * Builds `src/data/localities.json`, the compact locality dataset the app ships, from the MIT-licensed admin-unit
 * files committed in `data/admin-units/` (sources, licences and README there).
 *
 *   npx tsx scripts/build-localities.ts            write src/data/localities.json and the two licence notices
 *   npx tsx scripts/build-localities.ts --check    exit 1 if the committed files differ from a fresh build
 *
 * Units are matched on their official codes only, never on names. Output format (version 1), read by
 * `src/domain/localities.ts`:
 *   pre2025.provinces  [code, fullName]
 *   pre2025.districts  [code, fullName, provinceCode]
 *   pre2025.communes   [code, fullName, districtCode]
 *   post2025.provinces [code, fullName]
 *   post2025.communes  [code, fullName, provinceCode]
 *   successors         pre-2025 commune code  -> post-2025 commune codes that absorbed it. RULE: a commune has no
 *                      entry when its only successor is the post-2025 commune with the same code (the reader
 *                      falls back to [code]); the build checks that such a code exists in post2025.
 *   districtSuccessors pre-2025 district code -> post-2025 commune codes, only for districts listed without
 *                      communes (the island districts that became special zones, đặc khu).
 *   provinceSuccessors pre-2025 province code -> post-2025 province codes (every province has an entry).
 * Rows are sorted by code and successor lists ascending, so a re-run gives byte-identical output.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ADMIN_UNITS_DIR = join(PROJECT_ROOT, 'data', 'admin-units');
const OUT_FILE = join(PROJECT_ROOT, 'src', 'data', 'localities.json');
const LICENCES = ['LICENSE-vietnamese-provinces-database', 'LICENSE-dvhcvn-20250701'] as const;

export const EXPECTED_COUNTS = {
  pre2025: { provinces: 63, districts: 696, communes: 10035 },
  post2025: { provinces: 34, communes: 3321 },
} as const;

/**
 * Known errors in the old→new mapping (dvhcvn/20250701 `splits.json`): it cites a "new" code that is not a
 * post-2025 code. Each fix names the post-2025 unit the statistics office actually coded; the build applies a fix
 * only where the cited code is absent from the post-2025 list, and checks that the replacement exists there.
 */
const NEW_CODE_CORRECTIONS: Readonly<Record<string, { code: string; why: string }>> = {
  '06970': {
    code: '06978',
    why: 'Xã Ba Chẽ (Quảng Ninh) is 06978 in the post-2025 list; 06970 was the pre-2025 code of Thị trấn Ba Chẽ',
  },
  '23737': {
    code: '23938',
    why: 'Xã Ia Mơ (Gia Lai) kept its code 23938; 23737 was the pre-2025 code of Xã Ia Mơ Nông',
  },
};

/**
 * Oddities of the sources that were looked at and are accepted as published, keyed by what the build finds. Each is
 * printed as a plain `known:` line. An oddity not listed here is a `warning:` (the sources changed: look at it), and
 * so is a listed one that no longer occurs (remove it here).
 */
const KNOWN_ODDITIES: Readonly<Record<string, string>> = {
  'cross-province 30622 -> 30259':
    'the mapping sends Xã Tân Phú (Huyện Châu Thành, An Giang) to Xã Tân Phú Trung in Đồng Tháp; kept as published, ' +
    'since the sources here cannot confirm another successor',
  'skipped 07693,07732,07744,16387,16411,18448,20176,20674,25102,25174,25177,25186':
    'communes merged away before the pre-2025 list was taken; nothing can be filed under them',
  'name post 06325': 'the post-2025 list writes "xã Bắc Sơn" in lower case',
};

export interface BuildResult {
  /** The file contents, keyed by path relative to the project root. */
  files: Record<string, string | Buffer>;
  summary: string[];
  /** Oddities of the sources not in KNOWN_ODDITIES, or known ones that no longer occur: each needs a look. */
  warnings: string[];
}

// ---------- input shapes (only the fields used) ----------
interface PreWard {
  Code: string;
  FullName: string;
}
interface PreDistrict {
  Code: string;
  FullName: string;
  Ward: PreWard[] | null;
}
interface PreProvince {
  Code: string;
  FullName: string;
  District: PreDistrict[] | null;
}
interface PostWard {
  Code: string;
  FullName: string;
  ProvinceCode: string;
}
interface PostProvince {
  Code: string;
  FullName: string;
  Wards: PostWard[] | null;
}
interface Split {
  new_id: string;
  name: string;
}
interface MappingProvince {
  level1_id: string;
  splits: Split[];
  level2s?: { level2_id: string; splits: Split[] }[];
  level3s: { level3_id: string; splits: Split[] }[];
}

class BuildError extends Error {}
function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new BuildError(message);
}
function isString(v: unknown): v is string {
  return typeof v === 'string';
}
function checkCode(code: unknown, digits: number, where: string): string {
  check(isString(code) && new RegExp(`^\\d{${digits}}$`).test(code), `${where}: bad code ${JSON.stringify(code)}`);
  return code;
}

const TYPE_PREFIXES = ['Thành phố', 'Thị xã', 'Thị trấn', 'Tỉnh', 'Huyện', 'Quận', 'Xã', 'Phường', 'Đặc khu'];

/** NFC, single spaces, and the unit type capitalised as the statistics office writes it ("xã Bắc Sơn" → "Xã Bắc Sơn"). */
function cleanName(raw: unknown, where: string, fixes: Oddity[]): string {
  check(isString(raw) && raw.trim() !== '', `${where}: missing name`);
  let name = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  const prefix = TYPE_PREFIXES.find((p) => name.toLowerCase().startsWith(`${p.toLowerCase()} `));
  check(prefix, `${where}: name without a unit type: ${name}`);
  if (!name.startsWith(prefix)) {
    const fixed = prefix + name.slice(prefix.length);
    fixes.push({ key: `name ${where}`, text: `name fixed: ${where}: "${name}" → "${fixed}"` });
    name = fixed;
  }
  return name;
}

interface Oddity {
  /** Stable key, matched against KNOWN_ODDITIES. */
  key: string;
  text: string;
}

function byCode(a: readonly unknown[], b: readonly unknown[]): number {
  const x = String(a[0]);
  const y = String(b[0]);
  return x < y ? -1 : x > y ? 1 : 0;
}
function sortedCodes(codes: Iterable<string>): string[] {
  return [...new Set(codes)].sort();
}

/** One row per line: readable diffs, about 25 kB more than a single line, nothing more once gzipped. */
function serialise(dataset: {
  version: number;
  sources: Record<string, string>;
  pre2025: Record<string, string[][]>;
  post2025: Record<string, string[][]>;
  successors: [string, string[]][];
  districtSuccessors: [string, string[]][];
  provinceSuccessors: [string, string[]][];
}): string {
  const j = (v: unknown) => JSON.stringify(v);
  const rows = (list: unknown[]) => (list.length === 0 ? '[]' : `[\n${list.map(j).join(',\n')}\n]`);
  const era = (e: Record<string, string[][]>) =>
    `{\n${Object.entries(e)
      .map(([k, v]) => `${j(k)}:${rows(v)}`)
      .join(',\n')}\n}`;
  const map = (entries: [string, string[]][]) =>
    entries.length === 0 ? '{}' : `{\n${entries.map(([k, v]) => `${j(k)}:${j(v)}`).join(',\n')}\n}`;
  return (
    `{"version":${dataset.version},\n"sources":${j(dataset.sources)},\n` +
    `"pre2025":${era(dataset.pre2025)},\n"post2025":${era(dataset.post2025)},\n` +
    `"successors":${map(dataset.successors)},\n"districtSuccessors":${map(dataset.districtSuccessors)},\n` +
    `"provinceSuccessors":${map(dataset.provinceSuccessors)}}\n`
  );
}

export function buildLocalities(dir: string = ADMIN_UNITS_DIR): BuildResult {
  const read = (file: string): unknown => JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const oddities: Oddity[] = [];
  const nameFixes: Oddity[] = [];

  // ---------- pre-2025: 3 levels ----------
  const preRaw = read('pre-2025-units.json');
  check(Array.isArray(preRaw), 'pre-2025-units.json: expected an array');
  const preProvinces: string[][] = [];
  const preDistricts: string[][] = [];
  const preCommunes: string[][] = [];
  const preProvinceOf = new Map<string, string>(); // commune or district → province
  const preCommuneDistrict = new Map<string, string>();
  const districtsWithoutCommunes: string[] = [];
  for (const p of preRaw as PreProvince[]) {
    const pc = checkCode(p.Code, 2, 'pre province');
    preProvinces.push([pc, cleanName(p.FullName, `pre ${pc}`, nameFixes)]);
    check(Array.isArray(p.District) && p.District.length > 0, `pre province ${pc} has no districts`);
    for (const d of p.District) {
      const dc = checkCode(d.Code, 3, `pre district of ${pc}`);
      preDistricts.push([dc, cleanName(d.FullName, `pre ${dc}`, nameFixes), pc]);
      preProvinceOf.set(dc, pc);
      if (!d.Ward || d.Ward.length === 0) districtsWithoutCommunes.push(dc);
      for (const w of d.Ward ?? []) {
        const wc = checkCode(w.Code, 5, `pre commune of ${dc}`);
        preCommunes.push([wc, cleanName(w.FullName, `pre ${wc}`, nameFixes), dc]);
        preProvinceOf.set(wc, pc);
        preCommuneDistrict.set(wc, dc);
      }
    }
  }

  // ---------- post-2025: 2 levels ----------
  const postRaw = read('post-2025-units.json');
  check(Array.isArray(postRaw), 'post-2025-units.json: expected an array');
  const postProvinces: string[][] = [];
  const postCommunes: string[][] = [];
  const postCommuneProvince = new Map<string, string>();
  for (const p of postRaw as PostProvince[]) {
    const pc = checkCode(p.Code, 2, 'post province');
    postProvinces.push([pc, cleanName(p.FullName, `post ${pc}`, nameFixes)]);
    check(Array.isArray(p.Wards) && p.Wards.length > 0, `post province ${pc} has no communes`);
    for (const w of p.Wards) {
      const wc = checkCode(w.Code, 5, `post commune of ${pc}`);
      check(w.ProvinceCode === pc, `post commune ${wc}: ProvinceCode ${w.ProvinceCode} but listed under ${pc}`);
      postCommunes.push([wc, cleanName(w.FullName, `post ${wc}`, nameFixes), pc]);
      postCommuneProvince.set(wc, pc);
    }
  }

  // ---------- uniqueness and counts ----------
  const unique = (rows: string[][], what: string) => {
    const codes = new Set(rows.map((r) => r[0]!));
    check(codes.size === rows.length, `${what}: duplicate codes`);
    return codes;
  };
  const preProvinceCodes = unique(preProvinces, 'pre provinces');
  const preDistrictCodes = unique(preDistricts, 'pre districts');
  const preCommuneCodes = unique(preCommunes, 'pre communes');
  const postProvinceCodes = unique(postProvinces, 'post provinces');
  const postCommuneCodes = unique(postCommunes, 'post communes');
  const counts = {
    pre2025: { provinces: preProvinces.length, districts: preDistricts.length, communes: preCommunes.length },
    post2025: { provinces: postProvinces.length, communes: postCommunes.length },
  };
  check(
    JSON.stringify(counts) === JSON.stringify(EXPECTED_COUNTS),
    `unit counts ${JSON.stringify(counts)} differ from the README's ${JSON.stringify(EXPECTED_COUNTS)}`,
  );

  // ---------- old → new mapping ----------
  const mappingRaw = read('old-to-new-wards.json') as { data?: unknown };
  check(Array.isArray(mappingRaw.data), 'old-to-new-wards.json: expected {data: [...]}');
  const corrected = new Map<string, number>();
  const newCommuneCodes = (splits: Split[] | undefined, where: string): string[] => {
    check(Array.isArray(splits) && splits.length > 0, `${where}: no successors`);
    return sortedCodes(
      splits.map((s) => {
        let code = checkCode(s.new_id, 5, where);
        const fix = NEW_CODE_CORRECTIONS[code];
        if (!postCommuneCodes.has(code) && fix) {
          const note = `${code} → ${fix.code}: ${fix.why}`;
          corrected.set(note, (corrected.get(note) ?? 0) + 1);
          code = fix.code;
        }
        check(postCommuneCodes.has(code), `${where}: successor ${code} is not a post-2025 commune`);
        return code;
      }),
    );
  };

  const provinceSuccessors = new Map<string, string[]>();
  const communeSuccessors = new Map<string, string[]>();
  const districtSuccessors = new Map<string, string[]>();
  const unknownOldCommunes: string[] = [];
  for (const p of mappingRaw.data as MappingProvince[]) {
    const pc = checkCode(p.level1_id, 2, 'mapping province');
    check(preProvinceCodes.has(pc), `mapping: province ${pc} is not a pre-2025 province`);
    check(!provinceSuccessors.has(pc), `mapping: province ${pc} listed twice`);
    check(Array.isArray(p.splits) && p.splits.length > 0, `mapping: province ${pc} has no successor`);
    const succ = sortedCodes(p.splits.map((s) => checkCode(s.new_id, 2, `mapping province ${pc}`)));
    for (const s of succ) check(postProvinceCodes.has(s), `mapping: province ${pc} → ${s}, not a post-2025 province`);
    provinceSuccessors.set(pc, succ);

    for (const d of p.level2s ?? []) {
      const dc = checkCode(d.level2_id, 3, `mapping district of ${pc}`);
      check(preDistrictCodes.has(dc), `mapping: district ${dc} is not a pre-2025 district`);
      check(preProvinceOf.get(dc) === pc, `mapping: district ${dc} listed under ${pc}`);
      districtSuccessors.set(dc, newCommuneCodes(d.splits, `mapping district ${dc}`));
    }
    check(Array.isArray(p.level3s), `mapping: province ${pc} has no level3s`);
    for (const c of p.level3s) {
      const cc = checkCode(c.level3_id, 5, `mapping commune of ${pc}`);
      if (!preCommuneCodes.has(cc)) {
        // Communes dissolved before the pre-2025 list was taken: nothing can be filed under them.
        unknownOldCommunes.push(cc);
        continue;
      }
      check(preProvinceOf.get(cc) === pc, `mapping: commune ${cc} listed under ${pc}`);
      check(!communeSuccessors.has(cc), `mapping: commune ${cc} listed twice`);
      communeSuccessors.set(cc, newCommuneCodes(c.splits, `mapping commune ${cc}`));
    }
  }
  const missingProvinces = [...preProvinceCodes].filter((c) => !provinceSuccessors.has(c));
  check(missingProvinces.length === 0, `mapping: no successor for provinces ${missingProvinces.join(', ')}`);
  const missingCommunes = [...preCommuneCodes].filter((c) => !communeSuccessors.has(c));
  check(missingCommunes.length === 0, `mapping: no successor for communes ${missingCommunes.join(', ')}`);
  for (const dc of districtsWithoutCommunes) {
    check(districtSuccessors.has(dc), `district ${dc} has neither communes nor a successor`);
  }
  for (const dc of districtSuccessors.keys()) {
    check(districtsWithoutCommunes.includes(dc), `mapping: district ${dc} has communes and a district successor`);
  }

  // Every post-2025 commune must come from some pre-2025 unit.
  const covered = new Set([...communeSuccessors.values(), ...districtSuccessors.values()].flat());
  const orphans = [...postCommuneCodes].filter((c) => !covered.has(c));
  check(orphans.length === 0, `post-2025 communes without a predecessor: ${orphans.join(', ')}`);

  // A commune's successors should lie in its province's successors; report (do not guess a fix) when not.
  for (const [cc, succ] of communeSuccessors) {
    const allowed = provinceSuccessors.get(preProvinceOf.get(cc)!)!;
    for (const s of succ) {
      const sp = postCommuneProvince.get(s)!;
      if (!allowed.includes(sp)) {
        oddities.push({
          key: `cross-province ${cc} -> ${s}`,
          text: `pre commune ${cc} (province ${preProvinceOf.get(cc)} → ${allowed.join(',')}) maps to ${s} in province ${sp}`,
        });
      }
    }
  }
  if (unknownOldCommunes.length > 0) {
    unknownOldCommunes.sort();
    oddities.push({
      key: `skipped ${unknownOldCommunes.join(',')}`,
      text: `${unknownOldCommunes.length} mapping communes are not in the pre-2025 list and were skipped: ${unknownOldCommunes.join(', ')}`,
    });
  }
  oddities.push(...nameFixes);
  const known: string[] = [];
  const warnings: string[] = [];
  for (const { key, text } of oddities) {
    const why = KNOWN_ODDITIES[key];
    if (why) known.push(`known: ${text} (${why})`);
    else warnings.push(text);
  }
  for (const key of Object.keys(KNOWN_ODDITIES)) {
    if (!oddities.some((o) => o.key === key)) warnings.push(`listed in KNOWN_ODDITIES but no longer found: ${key}`);
  }

  // ---------- output ----------
  for (const rows of [preProvinces, preDistricts, preCommunes, postProvinces, postCommunes]) rows.sort(byCode);
  const successorEntries = [...communeSuccessors]
    .filter(([cc, succ]) => !(succ.length === 1 && succ[0] === cc && postCommuneCodes.has(cc)))
    .sort(byCode);
  const dataset = {
    version: 1,
    sources: {
      units:
        'thanglequoc/vietnamese-provinces-database (MIT): v2.4.1 (to 30/06/2025) and commit cd58063 (from 01/07/2025)',
      mapping: 'dvhcvn/20250701 (MIT), commit dd94887, mapping/splits.json',
    },
    pre2025: { provinces: preProvinces, districts: preDistricts, communes: preCommunes },
    post2025: { provinces: postProvinces, communes: postCommunes },
    successors: successorEntries,
    districtSuccessors: [...districtSuccessors].sort(byCode),
    provinceSuccessors: [...provinceSuccessors].sort(byCode),
  };
  const json = serialise(dataset);

  const files: BuildResult['files'] = { 'src/data/localities.json': json };
  for (const licence of LICENCES) files[`src/data/${licence}`] = readFileSync(join(dir, licence));

  const splitCounts = new Map<number, number>();
  for (const succ of communeSuccessors.values()) splitCounts.set(succ.length, (splitCounts.get(succ.length) ?? 0) + 1);
  const summary = [
    `pre-2025:  ${counts.pre2025.provinces} provinces, ${counts.pre2025.districts} districts (${districtsWithoutCommunes.length} without communes), ${counts.pre2025.communes} communes`,
    `post-2025: ${counts.post2025.provinces} provinces, ${counts.post2025.communes} communes`,
    `successors: ${successorEntries.length} explicit entries, ${communeSuccessors.size - successorEntries.length} implied (same code); ` +
      `communes by number of successors: ${[...splitCounts]
        .sort((a, b) => a[0] - b[0])
        .map(([n, c]) => `${n}:${c}`)
        .join(' ')}`,
    `provinces merged: ${[...provinceSuccessors].filter(([pc, s]) => s.length !== 1 || s[0] !== pc).length} of 63 changed code or merged`,
    ...[...corrected].map(([fix, n]) => `corrected ${n}× ${fix}`),
    ...known,
  ];
  return { files, summary, warnings };
}

function main(): void {
  const { files, summary, warnings } = buildLocalities();
  const checkOnly = process.argv.includes('--check');
  let stale = false;
  for (const [rel, content] of Object.entries(files)) {
    const path = join(PROJECT_ROOT, rel);
    const current = existsSync(path) ? readFileSync(path) : null;
    const same = current?.equals(Buffer.from(content));
    if (checkOnly) {
      if (!same) {
        stale = true;
        console.error(`stale: ${rel}`);
      }
    } else if (!same) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    }
  }
  // The check (part of `npm test`) says only how it ended; the build also says what it found in the sources.
  if (!checkOnly) for (const line of summary) console.log(line);
  for (const line of warnings) console.warn(`warning: ${line}`);
  const json = files['src/data/localities.json']!;
  const rel = relative(PROJECT_ROOT, OUT_FILE);
  if (!checkOnly) console.log(`wrote ${rel} (${Buffer.byteLength(json)} bytes)`);
  else if (!stale) console.log(`${rel} and its licence notices are up to date with data/admin-units`);
  if (stale) process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    main();
  } catch (error) {
    if (error instanceof BuildError) {
      console.error(`build-localities: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
