import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildLocalities } from '../../scripts/build-localities';
import type { Era, Locality } from '../../src/api/schemas';
import raw from '../../src/data/localities.json';
import { createLocalityIndex, type LocalityDataset, shortLocalityName, taskEra } from '../../src/domain/localities';
import { compareVi, fold } from '../../src/domain/text';

// Assigning the JSON import checks that a lazily imported dataset type-checks as a LocalityDataset.
const data: LocalityDataset = raw;
const index = createLocalityIndex(data);

function unit(code: string, era: Era): Locality {
  const found = index.get(code, era);
  if (!found) throw new Error(`missing ${era} ${code}`);
  return found;
}
const pre = (code: string) => unit(code, 'pre2025');
const post = (code: string) => unit(code, 'post2025');
const codes = (list: readonly Locality[]) => list.map((l) => l.code);

describe('the worked example of the admin-units README', () => {
  it('Bến Tre 83 → Chợ Lách 832 → its 11 communes', () => {
    expect(pre('83')).toMatchObject({ name: 'Tỉnh Bến Tre', level: 'province', parentCode: null, hasChildren: true });
    expect(codes(index.children('83', 'pre2025'))).toContain('832');
    expect(pre('832')).toMatchObject({
      name: 'Huyện Chợ Lách',
      shortName: 'Chợ Lách',
      level: 'district',
      era: 'pre2025',
      parentCode: '83',
      hasChildren: true,
    });
    const communes = index.children('832', 'pre2025');
    expect(communes.map((c) => `${c.code} ${c.name}`).sort()).toEqual([
      '28870 Thị trấn Chợ Lách',
      '28873 Xã Phú Phụng',
      '28876 Xã Sơn Định',
      '28879 Xã Vĩnh Bình',
      '28882 Xã Hòa Nghĩa',
      '28885 Xã Long Thới',
      '28888 Xã Phú Sơn',
      '28891 Xã Tân Thiềng',
      '28894 Xã Vĩnh Thành',
      '28897 Xã Vĩnh Hòa',
      '28900 Xã Hưng Khánh Trung B',
    ]);
    expect(communes.every((c) => c.level === 'commune' && c.parentCode === '832' && !c.hasChildren)).toBe(true);
  });

  it('maps each commune to the post-2025 commune that absorbed it', () => {
    const expected: Record<string, string> = {
      '28870': '28870',
      '28873': '28879',
      '28876': '28879',
      '28879': '28879',
      '28882': '28870',
      '28885': '28870',
      '28888': '28894',
      '28891': '28894',
      '28894': '28894',
      '28897': '28901',
      '28900': '28901',
    };
    for (const [old, now] of Object.entries(expected)) expect(pre(old).successorCodes).toEqual([now]);
    // 28870 relies on the "same code" rule: the dataset has no entry for it.
    expect(data.successors['28870']).toBeUndefined();
    expect(data.successors['28873']).toEqual(['28879']);
  });

  it('the district and province successors are the four communes in Vĩnh Long 86', () => {
    expect(pre('832').successorCodes).toEqual(['28870', '28879', '28894', '28901']);
    expect(pre('83').successorCodes).toEqual(['86']);
    expect(post('86')).toMatchObject({ name: 'Tỉnh Vĩnh Long', era: 'post2025', successorCodes: [] });
    expect(['28870', '28879', '28894', '28901'].map((c) => [post(c).name, post(c).parentCode])).toEqual([
      ['Xã Chợ Lách', '86'],
      ['Xã Phú Phụng', '86'],
      ['Xã Vĩnh Thành', '86'],
      ['Xã Hưng Khánh Trung', '86'],
    ]);
    expect(codes(index.currentUnits(pre('832')))).toEqual(['28870', '28879', '28894', '28901']);
    expect(codes(index.currentUnits(pre('83')))).toEqual(['86']);
    expect(index.currentUnits(post('28870'))).toEqual([post('28870')]);
  });

  it('codes collide between eras; the era disambiguates', () => {
    expect(pre('28870').name).toBe('Thị trấn Chợ Lách');
    expect(post('28870').name).toBe('Xã Chợ Lách');
    expect(pre('86').name).toBe('Tỉnh Vĩnh Long');
    expect(pre('86').successorCodes).toEqual(['86']);
    expect(post('86').hasChildren).toBe(true);
    expect(index.resolve('28870')).toBe(post('28870'));
    expect(index.resolve('832')).toBe(pre('832'));
    expect(index.resolve('86', 'pre2025')).toBe(pre('86'));
    expect(index.resolve('99999')).toBeUndefined();
    expect(index.get('832', 'post2025')).toBeUndefined();
  });
});

describe('contains', () => {
  it('finds a 2022 district task from today’s province, and today’s communes from the old district', () => {
    expect(index.contains(post('86'), pre('832'))).toBe(true);
    expect(index.contains(post('86'), pre('83'))).toBe(true);
    for (const c of ['28870', '28879', '28894', '28901']) expect(index.contains(pre('832'), post(c))).toBe(true);
    expect(index.contains(pre('83'), post('28870'))).toBe(true);
    expect(index.contains(pre('83'), pre('28870'))).toBe(true);
  });

  it('does not widen: a province-wide task is not a district task, a district task is not a commune task', () => {
    expect(index.contains(pre('832'), pre('83'))).toBe(false);
    expect(index.contains(post('28870'), pre('832'))).toBe(false);
    expect(index.contains(post('86'), pre('01'))).toBe(false);
    expect(index.contains(pre('832'), post('86'))).toBe(false);
    expect(index.contains(pre('83'), post('86'))).toBe(false); // Vĩnh Long 86 also took old Vĩnh Long and Trà Vinh
    expect(index.contains(pre('832'), post('00070'))).toBe(false);
  });

  it('within one era it follows the tree, not the footprints', () => {
    // Post 28901 absorbed 28897 and 28900 of Chợ Lách and 28901 (Hưng Khánh Trung A) of Mỏ Cày Bắc 838.
    expect(pre('28901').parentCode).toBe('838');
    expect(index.contains(pre('832'), pre('28901'))).toBe(false);
    expect(index.contains(pre('832'), post('28901'))).toBe(true);
    // Phú Phụng and Sơn Định both went into post 28879, but one old commune does not contain the other.
    expect(index.contains(pre('28873'), pre('28876'))).toBe(false);
    expect(index.contains(post('28879'), pre('28876'))).toBe(true);
    expect(index.contains(post('86'), post('28870'))).toBe(true);
    expect(index.contains(post('79'), post('28870'))).toBe(false);
    expect(index.contains(pre('832'), pre('832'))).toBe(true);
  });

  it('finds a split commune from each of its successors, but not a district it was part of', () => {
    const split = pre('00019'); // Phường Điện Biên, Hà Nội: split between four new wards
    expect(split.successorCodes.length).toBeGreaterThan(1);
    for (const s of split.successorCodes) expect(index.contains(post(s), split)).toBe(true);
    expect(index.contains(post(split.successorCodes[0]!), pre(split.parentCode!))).toBe(false);
    expect(index.contains(post('01'), pre(split.parentCode!))).toBe(true);
  });

  it('handles the island districts that have no communes', () => {
    const conDao = pre('755');
    expect(conDao).toMatchObject({ name: 'Huyện Côn Đảo', hasChildren: false, successorCodes: ['26732'] });
    expect(index.children('755', 'pre2025')).toEqual([]);
    expect(index.contains(post('79'), conDao)).toBe(true); // Bà Rịa - Vũng Tàu went into Hồ Chí Minh
    expect(index.contains(post('79'), pre('77'))).toBe(true);
    expect(index.contains(conDao, post('26732'))).toBe(true);
    expect(index.contains(pre('77'), post('26732'))).toBe(true);
  });

  it('containmentTester agrees with contains and memoises', () => {
    const outers = [post('86'), pre('83'), pre('832'), post('28870')];
    const inners = [
      ...index.children('83', 'pre2025'),
      ...index.children('832', 'pre2025'),
      ...index.children('86', 'post2025'),
      pre('83'),
      pre('84'),
      post('86'),
    ];
    for (const outer of outers) {
      const test = index.containmentTester(outer);
      for (const inner of inners) {
        expect(test(inner)).toBe(index.contains(outer, inner));
        expect(test(inner)).toBe(index.contains(outer, inner));
      }
    }
  });

  it('filters 100,000 task localities quickly', () => {
    const pool = [...index.children('83', 'pre2025').flatMap((d) => index.children(d.code, 'pre2025'))];
    pool.push(...index.children('86', 'post2025'), ...index.children('79', 'post2025'));
    const test = index.containmentTester(post('86'));
    const started = performance.now();
    let hits = 0;
    for (let i = 0; i < 100_000; i++) if (test(pool[(i * 7919) % pool.length]!)) hits++;
    expect(performance.now() - started).toBeLessThan(1000);
    expect(hits).toBeGreaterThan(0);
    expect(hits).toBeLessThan(100_000);
  });

  it('throws for a unit that is not in the dataset', () => {
    const fake = { ...pre('832'), code: '999' };
    expect(() => index.contains(fake, pre('832'))).toThrow(/999/);
  });
});

describe('footprint', () => {
  it('is the set of post-2025 communes covered', () => {
    expect([...index.footprint(pre('832'))].sort()).toEqual(['28870', '28879', '28894', '28901']);
    expect([...index.footprint(post('28870'))]).toEqual(['28870']);
    expect(new Set(index.footprint(post('86')))).toEqual(new Set(codes(index.children('86', 'post2025'))));
    expect(index.footprint(pre('83'))).toBe(index.footprint(pre('83')));
  });

  it('the old provinces cover every post-2025 commune, and each stays inside its successor provinces but one', () => {
    const all = new Set<string>();
    const outside: string[] = [];
    for (const p of index.children(null, 'pre2025')) {
      const allowed = new Set(p.successorCodes.flatMap((s) => [...index.footprint(post(s))]));
      for (const c of index.footprint(p)) {
        all.add(c);
        if (!allowed.has(c)) outside.push(`${p.code}:${c}`);
      }
    }
    expect(all.size).toBe(3321);
    // Known error of the source mapping: An Giang's xã Tân Phú (30622) is mapped to Đồng Tháp's Tân Phú Trung.
    expect(outside).toEqual(['89:30259']);
  });
});

describe('tree navigation', () => {
  it('lists 63 old and 34 new provinces, sorted by name', () => {
    const old = index.children(null, 'pre2025');
    const now = index.children(null, 'post2025');
    expect(old).toHaveLength(63);
    expect(now).toHaveLength(34);
    for (const list of [old, now, index.children('86', 'post2025'), index.children('832', 'pre2025')]) {
      const names = list.map((l) => l.name);
      expect(names).toEqual([...names].sort(compareVi));
    }
    expect(now.every((p) => p.level === 'province' && p.era === 'post2025' && p.hasChildren)).toBe(true);
    expect(index.children('28870', 'pre2025')).toEqual([]);
    expect(index.children('nope', 'post2025')).toEqual([]);
  });

  it('counts every unit of both eras', () => {
    const count = (era: Era) => {
      let n = 0;
      const walk = (parent: string | null) => {
        for (const c of index.children(parent, era)) {
          n++;
          walk(c.code);
        }
      };
      walk(null);
      return n;
    };
    expect(count('pre2025')).toBe(63 + 696 + 10035);
    expect(count('post2025')).toBe(34 + 3321);
  });

  it('path goes from the province to the unit', () => {
    expect(index.path('28870', 'pre2025').map((l) => l.name)).toEqual([
      'Tỉnh Bến Tre',
      'Huyện Chợ Lách',
      'Thị trấn Chợ Lách',
    ]);
    expect(index.path('28870', 'post2025').map((l) => l.name)).toEqual(['Tỉnh Vĩnh Long', 'Xã Chợ Lách']);
    expect(codes(index.path('83', 'pre2025'))).toEqual(['83']);
    expect(index.path('99999', 'pre2025')).toEqual([]);
  });
});

describe('names', () => {
  it('strips the unit type', () => {
    expect(shortLocalityName('Thành phố Hồ Chí Minh')).toBe('Hồ Chí Minh');
    expect(shortLocalityName('Huyện Chợ Lách')).toBe('Chợ Lách');
    expect(shortLocalityName('Thị trấn Chợ Lách')).toBe('Chợ Lách');
    expect(shortLocalityName('Thị xã Ba Đồn')).toBe('Ba Đồn');
    expect(shortLocalityName('Đặc khu Côn Đảo')).toBe('Côn Đảo');
    expect(shortLocalityName('Tỉnh Bà Rịa - Vũng Tàu')).toBe('Bà Rịa - Vũng Tàu');
    expect(shortLocalityName('Phường Phường Đúc')).toBe('Phường Đúc');
    expect(shortLocalityName('Xã Hưng Khánh Trung B')).toBe('Hưng Khánh Trung B');
  });

  it('keeps the type of a numbered unit, and a name without a type', () => {
    expect(shortLocalityName('Quận 1')).toBe('Quận 1');
    expect(shortLocalityName('Phường 12')).toBe('Phường 12');
    expect(shortLocalityName('Phường 1 Bảo Lộc')).toBe('Phường 1 Bảo Lộc');
    expect(shortLocalityName('Côn Đảo')).toBe('Côn Đảo');
  });

  it('gives every unit a short name that ends its full name', () => {
    expect(post('79').shortName).toBe('Hồ Chí Minh');
    expect(post('06325')).toMatchObject({ name: 'Xã Bắc Sơn', shortName: 'Bắc Sơn' }); // "xã" fixed by the build
    for (const era of ['pre2025', 'post2025'] as const) {
      for (const p of index.children(null, era)) {
        const units = [p, ...index.children(p.code, era).flatMap((d) => [d, ...index.children(d.code, era)])];
        for (const u of units) {
          expect(u.shortName.length).toBeGreaterThan(0);
          expect(u.name.endsWith(u.shortName)).toBe(true);
          expect(u.name.normalize('NFC')).toBe(u.name);
        }
      }
    }
  });
});

describe('search', () => {
  it('finds Huyện Chợ Lách (pre) and Xã Chợ Lách (post) without accents', () => {
    const old = index.search('cho lach', 'pre2025');
    expect(codes(old).slice(0, 2)).toEqual(['832', '28870']);
    expect(old[0]!.name).toBe('Huyện Chợ Lách');
    const now = index.search('cho lach', 'post2025');
    expect(now[0]).toMatchObject({ code: '28870', name: 'Xã Chợ Lách' });
    expect(codes(index.search('  CHỢ   LÁCH ', 'post2025'))).toEqual(codes(now));
  });

  it('orders provinces before districts before communes, prefix matches first', () => {
    const found = index.search('ben tre', 'pre2025', 50);
    expect(found[0]!.code).toBe('83');
    const ranks = found.map((l) => ({ province: 0, district: 1, commune: 2 })[l.level]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const vinh = index.search('vinh', 'post2025', 500);
    const communes = vinh.filter((l) => l.level === 'commune');
    const prefixed = (l: Locality) => fold(l.shortName).startsWith('vinh');
    const firstNonPrefix = communes.findIndex((l) => !prefixed(l));
    expect(firstNonPrefix).toBeGreaterThan(0);
    expect(communes.slice(firstNonPrefix).some(prefixed)).toBe(false);
    expect(communes.slice(firstNonPrefix).every((l) => fold(l.name).includes('vinh'))).toBe(true);
  });

  it('matches the unit type too, honours the limit, and ignores an empty query', () => {
    expect(index.search('huyen cho lach', 'pre2025')[0]!.code).toBe('832');
    expect(index.search('xa', 'post2025', 5)).toHaveLength(5);
    expect(index.search('   ', 'post2025')).toEqual([]);
    expect(index.search('zzzz', 'post2025')).toEqual([]);
  });
});

describe('taskEra', () => {
  it('reads a task in the era in force on its assignment date', () => {
    expect(taskEra('2022-03-22')).toBe('pre2025');
    expect(taskEra('2025-06-30')).toBe('pre2025');
    expect(taskEra('2025-07-01')).toBe('post2025');
    expect(taskEra('2025-06-30T23:59:59.000Z')).toBe('pre2025');
    expect(index.taskEra('2026-01-15')).toBe('post2025');
  });
});

describe('createLocalityIndex', () => {
  it('rejects an unknown version and a dangling parent', () => {
    expect(() => createLocalityIndex({ ...data, version: 2 })).toThrow(/version/);
    expect(() =>
      createLocalityIndex({
        ...data,
        post2025: { provinces: [['86', 'Tỉnh Vĩnh Long']], communes: [['28870', 'Xã Chợ Lách', '83']] },
      }),
    ).toThrow(/28870/);
  });
});

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
describe('scripts/build-localities.ts', () => {
  it('rebuilds the committed files byte for byte from data/admin-units, with no unexplained oddity', () => {
    const first = buildLocalities();
    const second = buildLocalities();
    expect(first.warnings).toEqual([]);
    expect(Object.keys(first.files).sort()).toEqual([
      'src/data/LICENSE-dvhcvn-20250701',
      'src/data/LICENSE-vietnamese-provinces-database',
      'src/data/localities.json',
    ]);
    for (const [rel, content] of Object.entries(first.files)) {
      expect(Buffer.from(content).equals(Buffer.from(second.files[rel]!))).toBe(true);
      expect(readFileSync(join(root, rel)).equals(Buffer.from(content)), `${rel} is stale`).toBe(true);
    }
  });
});
