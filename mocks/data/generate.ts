/**
 * Deterministic generator of synthetic tasks for scale tests (10,000 and 100,000 tasks).
 * The same count and seed always give the same tasks, so benchmarks and screenshots are repeatable.
 */
import { CATEGORIES, type Category, type StoredTask, type TaskStatus } from '../../src/api/schemas';
import { addDays, daysBetween } from '../../src/domain/dates';

/** mulberry32: a tiny, fast, seedable PRNG. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORKS: Record<Category, readonly string[]> = {
  infrastructure: [
    'Nâng cấp tuyến đường liên xã',
    'Xây dựng cầu giao thông nông thôn',
    'Nạo vét kênh thủy lợi',
    'Cải tạo hệ thống thoát nước',
    'Xây dựng trạm cấp nước sạch',
  ],
  economy: [
    'Thu hút đầu tư vào cụm công nghiệp',
    'Phát triển hợp tác xã kiểu mới',
    'Hỗ trợ doanh nghiệp nhỏ và vừa',
    'Đẩy mạnh giải ngân vốn đầu tư công',
  ],
  agriculture: [
    'Chuyển đổi cơ cấu cây trồng thích ứng xâm nhập mặn',
    'Xây dựng vùng nguyên liệu đạt chuẩn',
    'Phát triển sản phẩm OCOP',
    'Tiêm phòng dịch bệnh trên đàn gia súc',
  ],
  culture_tourism: ['Phát triển du lịch cộng đồng', 'Trùng tu di tích lịch sử', 'Tổ chức lễ hội văn hóa truyền thống'],
  social_affairs: [
    'Xóa nhà tạm, nhà dột nát cho hộ nghèo',
    'Nâng cao chất lượng khám chữa bệnh tuyến cơ sở',
    'Xây dựng trường học đạt chuẩn quốc gia',
  ],
  party_building: [
    'Kiện toàn tổ chức cơ sở đảng',
    'Phát triển đảng viên mới',
    'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  ],
  citizen_affairs: ['Giải quyết dứt điểm đơn thư khiếu nại tồn đọng', 'Tổ chức tiếp công dân định kỳ'],
  environment: ['Xử lý rác thải sinh hoạt', 'Trồng cây xanh phân tán', 'Kiểm soát ô nhiễm môi trường làng nghề'],
  administration: ['Đẩy mạnh chuyển đổi số trong cơ quan nhà nước', 'Cải cách thủ tục hành chính'],
  security: ['Bảo đảm an ninh trật tự trên địa bàn', 'Phòng, chống tội phạm ma túy'],
};

const ASSIGNEES = [
  'UBND cấp huyện',
  'UBND cấp xã',
  'Sở Giao thông vận tải',
  'Sở Nông nghiệp và Phát triển nông thôn',
  'Sở Kế hoạch và Đầu tư',
  'Sở Văn hóa, Thể thao và Du lịch',
  'Ban Tuyên giáo',
  'Ban Tổ chức',
  'Công an tỉnh',
  'Sở Tài nguyên và Môi trường',
];
const ISSUERS = ['Ban Thường vụ Tỉnh ủy', 'UBND tỉnh', 'Chủ tịch UBND tỉnh', 'Thường trực HĐND tỉnh'];
const REFORM_DATE = '2025-07-01';
const FIRST_DATE = '2021-01-04';

export interface GenerateOptions {
  count: number;
  seed?: number;
  /** Numbers the tasks from offset + 1 (ids g-000001…), so batches and later additions never collide. */
  offset?: number;
  /** The date of evaluation; no task is created or completed after it. */
  today: string;
  /** Pre-2025 unit codes (districts and communes) for tasks assigned before the reform. */
  preCodes: readonly string[];
  /** Post-2025 commune codes for tasks assigned after it. */
  postCodes: readonly string[];
}

function quarterText(date: string): { text: string; date: string } {
  const y = Number(date.slice(0, 4));
  const q = Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
  const ends = ['03-31', '06-30', '09-30', '12-31'];
  return { text: `quý ${['I', 'II', 'III', 'IV'][q - 1]}/${y}`, date: `${y}-${ends[q - 1]}` };
}

export function generateTasks(opts: GenerateOptions): StoredTask[] {
  return [...iterateTasks(opts)];
}

/** The same tasks one at a time, so millions can be written in batches without holding them all. */
export function* iterateTasks(opts: GenerateOptions): Generator<StoredTask> {
  const offset = opts.offset ?? 0;
  const rnd = createRandom((opts.seed ?? 20220322) + offset);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const span = Math.max(1, daysBetween(FIRST_DATE, opts.today));
  for (let n = 0; n < opts.count; n += 1) {
    const i = offset + n;
    const category = pick(CATEGORIES);
    const created = addDays(FIRST_DATE, Math.floor(rnd() * span));
    const pre = created < REFORM_DATE;
    const code = pick(pre ? opts.preCodes : opts.postCodes);
    const hasDeadline = rnd() < 0.85;
    let deadline: StoredTask['deadline'] = null;
    if (hasDeadline) {
      const due = addDays(created, 20 + Math.floor(rnd() * 540));
      deadline =
        rnd() < 0.5
          ? quarterText(due)
          : { date: due, text: `trước ${due.slice(8, 10)}/${due.slice(5, 7)}/${due.slice(0, 4)}` };
    }
    const age = daysBetween(created, opts.today);
    const r = rnd();
    let status: TaskStatus;
    if (r < 0.03) status = 'cancelled';
    else if (age > 60 && r < 0.6) status = 'done';
    else if (r < 0.68) status = 'paused';
    else if (age < 30 && r < 0.85) status = 'not_started';
    else status = r < 0.75 ? 'not_started' : 'in_progress';
    let completedAt: string | null = null;
    let progress = 0;
    if (status === 'done') {
      const latest = Math.min(age, deadline ? daysBetween(created, deadline.date) + 120 : age);
      completedAt = addDays(created, Math.max(1, Math.floor(rnd() * Math.max(1, latest))));
      if (completedAt > opts.today) completedAt = opts.today;
      progress = 100;
    } else if (status === 'in_progress' || status === 'paused') {
      progress = 5 + Math.floor(rnd() * 90);
    } else if (status === 'cancelled') {
      progress = Math.floor(rnd() * 40);
    }
    const updated = completedAt ?? addDays(created, Math.floor(rnd() * Math.max(1, age)));
    const work = pick(WORKS[category]);
    yield {
      id: `g-${String(i + 1).padStart(6, '0')}`,
      title: `${work} (${String(i + 1).padStart(6, '0')})`,
      description: `Nhiệm vụ tổng hợp sinh tự động để thử tải: ${work.toLowerCase()}.`,
      articleId: null,
      quote: null,
      issuer: pick(ISSUERS),
      assignee: pick(ASSIGNEES),
      localityCodes: [code],
      category,
      flagship: rnd() < 0.04,
      deadline,
      status,
      progress,
      completedAt,
      createdAt: `${created}T08:00:00+07:00`,
      updatedAt: `${updated}T16:30:00+07:00`,
      version: 1,
    };
  }
}
