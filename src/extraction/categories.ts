/**
 * The field of a task (one of the contract's CATEGORIES), from keywords of its clause. Keywords are matched on the
 * folded text (no tone marks, lower case) as whole words; each carries a weight; the best score wins, ties go to the
 * earlier category in the list below, and a clause without any keyword is `administration`.
 *
 * What each category covers in this project:
 * - party_building: Party organisations, cadres, resolutions and their themes, emulation movements, the Party
 *   committees' own reports and leadership work;
 * - citizen_affairs: receiving citizens, complaints and denunciations, mass mobilisation (`vận động nhân dân`);
 * - infrastructure: roads, bridges, national highways, works, site clearance, public buildings;
 * - agriculture: crops, seedlings, ornamental plants, livestock, fisheries, new rural areas;
 * - culture_tourism: culture, tourism, heritage, festivals, sport;
 * - social_affairs: education, health, social security, poverty, jobs, religion, ethnic affairs;
 * - environment: pollution, waste, salinity, climate change, erosion, natural disasters;
 * - security: defence, public order, crime, drugs, traffic safety, fire;
 * - economy: growth, investment, budget, disbursement, enterprises, cooperatives, trade;
 * - administration: administrative reform, digital transformation, plans and reports, apparatus.
 */
import type { Category } from '../api/schemas';
import { fold } from '../domain/text';

const KEYWORDS: ReadonlyArray<readonly [Category, ReadonlyArray<readonly [string, number]>]> = [
  [
    'citizen_affairs',
    [
      ['tiep cong dan', 3],
      ['khieu nai', 3],
      ['to cao', 2],
      ['tam tu nguyen vong', 2],
      ['nguyen vong', 1],
      ['doi thoai', 2],
      ['dan van', 2],
      ['van dong nhan dan', 3],
      ['van dong nguoi dan', 3],
      ['phan anh', 1],
      ['kien nghi cua', 1],
      ['hoa giai', 2],
      ['lay y kien', 2],
      ['cong dong dan cu', 2],
      ['y kien nhan dan', 2],
    ],
  ],
  [
    'party_building',
    [
      ['dang bo', 2],
      ['chi bo', 2],
      ['to chuc co so dang', 3],
      ['co so dang', 2],
      ['dang vien', 2],
      ['cap uy', 1],
      ['xay dung dang', 3],
      ['chinh don dang', 3],
      ['nghi quyet', 1],
      ['chu de nam', 3],
      ['huyen uy', 1],
      ['tinh uy', 1],
      ['thanh uy', 1],
      ['ban thuong vu', 1],
      ['cong tac can bo', 3],
      ['can bo', 1],
      ['hoc tap va lam theo', 3],
      ['tu tuong', 1],
      ['trong sach, vung manh', 2],
      ['trong sach vung manh', 2],
      ['dai hoi', 2],
      ['thi dua', 2],
      ['phong trao thi dua', 1],
      ['lanh dao, chi dao', 1],
      ['kiem tra, giam sat', 1],
      ['ky luat dang', 3],
      ['mat tran', 1],
      ['doan the', 1],
      ['he thong chinh tri', 2],
    ],
  ],
  [
    'infrastructure',
    [
      ['cau', 2],
      ['quoc lo', 3],
      ['duong giao thong', 3],
      ['nang cap duong', 2],
      ['cang bien', 3],
      ['ke chong sat lo', 2],
      ['duong tinh', 3],
      ['giao thong', 2],
      ['ha tang', 2],
      ['cong trinh', 2],
      ['thi cong', 2],
      ['nang cap', 1],
      ['khoi cong', 2],
      ['giai phong mat bang', 3],
      ['mat bang', 1],
      ['boi thuong', 1],
      ['cao toc', 3],
      ['ben xe', 2],
      ['luoi dien', 2],
      ['cap nuoc', 1],
      ['thuy loi', 1],
      ['do thi', 1],
      ['tru so', 1],
      ['nha may', 1],
      ['san bay', 3],
      ['xay dung co ban', 2],
      ['quy hoach', 2],
      ['quy hoach do thi', 3],
      ['khu do thi', 2],
    ],
  ],
  [
    'agriculture',
    [
      ['nong nghiep', 3],
      ['cay giong', 3],
      ['hoa kieng', 3],
      ['cay trong', 2],
      ['vat nuoi', 2],
      ['chan nuoi', 3],
      ['thuy san', 3],
      ['trai cay', 2],
      ['cay lua', 3],
      ['lua gao', 3],
      ['cay dua', 3],
      ['cay an trai', 3],
      ['nong dan', 2],
      ['nong thon moi', 3],
      ['nong thon', 1],
      ['ocop', 2],
      ['giong', 1],
      ['khuyen nong', 3],
      ['dich ta heo', 3],
      ['lo mom long mong', 3],
      ['dong vat', 1],
      ['vu mua', 2],
      ['san xuat nong nghiep', 2],
      ['nuoi trong', 2],
      ['tom', 1],
    ],
  ],
  [
    'culture_tourism',
    [
      ['van hoa', 2],
      ['du lich', 3],
      ['di tich', 3],
      ['le hoi', 4],
      ['the thao', 3],
      ['lang van hoa', 2],
      ['bao ton', 1],
      ['ton tao', 1],
      ['nghe thuat', 2],
      ['lang nghe', 2],
      ['di san', 3],
      ['bao tang', 2],
      ['thu vien', 2],
    ],
  ],
  [
    'social_affairs',
    [
      ['giao duc', 3],
      ['y te', 3],
      ['benh vien', 2],
      ['truong hoc', 2],
      ['hoc sinh', 2],
      ['nam hoc', 2],
      ['an sinh', 3],
      ['ho ngheo', 3],
      ['giam ngheo', 3],
      ['viec lam', 2],
      ['lao dong', 1],
      ['chinh sach xa hoi', 2],
      ['nguoi co cong', 3],
      ['bao hiem', 2],
      ['ton giao', 3],
      ['dan toc', 2],
      ['tre em', 2],
      ['covid', 3],
      ['dich benh', 2],
      ['tiem chung', 3],
      ['vac xin', 3],
      ['suc khoe', 2],
      ['nha o', 1],
      ['gia dinh chinh sach', 3],
      ['tu thien', 2],
      ['sot xuat huyet', 3],
      ['lang quang', 3],
      ['bo gay', 3],
      ['diet muoi', 3],
      ['dieu tri', 2],
      ['benh nhan', 2],
      ['giuong benh', 2],
      ['thuoc', 1],
      ['phong benh', 2],
    ],
  ],
  [
    'environment',
    [
      ['moi truong', 3],
      ['rac thai', 3],
      ['chat thai', 3],
      ['o nhiem', 3],
      ['xam nhap man', 3],
      ['han man', 3],
      ['bien doi khi hau', 3],
      ['sat lo', 3],
      ['cay xanh', 2],
      ['nuoc thai', 3],
      ['thien tai', 3],
      ['tai nguyen', 2],
      ['nuoc ngot', 2],
      ['khai thac cat', 3],
      ['trieu cuong', 3],
      ['do man', 3],
      ['tru nuoc', 2],
      ['rung phong ho', 3],
      ['bao ve rung', 3],
      ['dat rung', 2],
      ['chay rung', 3],
    ],
  ],
  [
    'security',
    [
      ['an ninh', 3],
      ['quoc phong', 3],
      ['trat tu', 2],
      ['toi pham', 3],
      ['ma tuy', 3],
      ['tai nan giao thong', 4],
      ['an toan giao thong', 4],
      ['phong chay', 3],
      ['chua chay', 3],
      ['chay , no', 3],
      ['chay no', 3],
      ['thoat nan', 3],
      ['cuu nan', 3],
      ['cuu ho', 3],
      ['buon lau', 3],
      ['quan su', 2],
      ['tuyen quan', 3],
      ['giao quan', 3],
      ['co bac', 3],
      ['tin dung den', 3],
    ],
  ],
  [
    'economy',
    [
      ['kinh te', 2],
      ['dau tu', 1],
      ['dau tu cong', 3],
      ['giai ngan', 3],
      ['thu ngan sach', 3],
      ['ngan sach', 2],
      ['doanh nghiep', 2],
      ['thuong mai', 2],
      ['hop tac xa', 2],
      ['kinh te hop tac', 3],
      ['tang truong', 2],
      ['san xuat kinh doanh', 3],
      ['xuat khau', 2],
      ['thu hut dau tu', 3],
      ['cong nghiep', 2],
      ['khoi nghiep', 2],
      ['tieu thu', 1],
      ['thi truong', 1],
      ['grdp', 3],
      ['thu nhap', 1],
      ['tin dung', 1],
      ['von', 1],
      ['kinh phi', 2],
    ],
  ],
  [
    'administration',
    [
      ['cai cach hanh chinh', 3],
      ['thu tuc hanh chinh', 3],
      ['hanh chinh', 1],
      ['chuyen doi so', 3],
      ['chinh quyen so', 3],
      ['dich vu cong', 3],
      ['bao cao', 1],
      ['ke hoach', 1],
      ['bo may', 2],
      ['sap xep', 1],
      ['van ban', 1],
      ['dat dai', 1],
      ['ky cuong', 1],
      ['cong vu', 2],
      ['sap nhap', 2],
      ['tinh gon', 2],
      ['so hoa', 2],
      ['vi tri viec lam', 4],
      ['cong chuc', 2],
      ['vien chuc', 2],
      ['bien che', 3],
      ['to chuc bo may', 3],
    ],
  ],
];

/** Tie order: the order of KEYWORDS. */
const COMPILED = KEYWORDS.map(([category, words]) => ({
  category,
  words: words.map(([w, weight]) => ({ w: w.replace(/,/g, ' , ').trim().split(/\s+/), weight })),
}));

interface Entry {
  /** Index into COMPILED. */
  category: number;
  /** Index of the keyword inside its category (a keyword scores once). */
  keyword: number;
  words: readonly string[];
  weight: number;
}

/** Keywords by their first folded word: a clause is scanned once, word by word. */
const BY_FIRST = new Map<string, Entry[]>();
COMPILED.forEach(({ words }, category) => {
  words.forEach(({ w, weight }, keyword) => {
    const list = BY_FIRST.get(w[0]!) ?? [];
    list.push({ category, keyword, words: w, weight });
    BY_FIRST.set(w[0]!, list);
  });
});
/** `yêu cầu`, `nhu cầu`, `toàn cầu`, `cơ cấu`… are no bridges (`cầu` is a field word). */
const NOT_BRIDGE = new Set(['yeu', 'nhu', 'toan', 'co']);

/** The category of a clause, and its keyword score (0: no field word at all, the category is the default). */
export function categorize(clause: string): { category: Category; score: number } {
  const all = fold(clause)
    .replace(/[^a-z0-9,]+/g, ' ')
    .replace(/,/g, ' , ')
    .split(' ')
    .filter(Boolean);
  const words: string[] = [];
  for (let i = 0; i < all.length; i++) {
    if (NOT_BRIDGE.has(all[i]!) && all[i + 1] === 'cau') {
      i++;
      continue;
    }
    words.push(all[i]!);
  }
  const scores = new Array<number>(COMPILED.length).fill(0);
  const hit = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    const entries = BY_FIRST.get(words[i]!);
    if (!entries) continue;
    for (const e of entries) {
      const id = e.category * 10_000 + e.keyword;
      if (hit.has(id)) continue;
      let ok = i + e.words.length <= words.length;
      for (let k = 1; ok && k < e.words.length; k++) ok = words[i + k] === e.words[k];
      if (!ok) continue;
      hit.add(id);
      scores[e.category]! += e.weight;
    }
  }
  let best: Category = 'administration';
  let bestScore = 0;
  COMPILED.forEach(({ category }, idx) => {
    if (scores[idx]! > bestScore) {
      best = category;
      bestScore = scores[idx]!;
    }
  });
  return { category: best, score: bestScore };
}
