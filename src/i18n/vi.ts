import { accountsVi } from './vi/accounts';
import { dashboardVi } from './vi/dashboard';
import { exportVi } from './vi/export';
import { filtersVi } from './vi/filters';
import { liveVi } from './vi/live';
import { settingsVi } from './vi/settings';
import type { viMore } from './vi-more';

/**
 * Vietnamese messages: the interface's first language. Keys are shared with en.ts (checked by its type). These are
 * the messages of the layout and the overview, in the first screen's code; the other screens' sections are in
 * vi-more.ts, a chunk loaded once the app has started (src/i18n/i18n.ts), and `Messages` is the whole of both.
 */
export const vi = {
  app: {
    title: 'Theo dõi nhiệm vụ chỉ đạo',
    shortTitle: 'Nhiệm vụ chỉ đạo',
    skipToContent: 'Chuyển đến nội dung chính',
    nav: { label: 'Điều hướng chính', overview: 'Tổng quan' },
    language: 'Ngôn ngữ',
    languageName: { vi: 'Tiếng Việt', en: 'English' },
    dataAt: 'Số liệu lúc {{time}}',
    evaluatedAt: 'Tính đến ngày {{date}}',
    footer:
      'Đơn vị hành chính: thanglequoc/vietnamese-provinces-database và dvhcvn (giấy phép MIT). Các bài viết đánh dấu “Bài mẫu” là dữ liệu minh họa do nhóm phát triển soạn.',
    notFound: 'Không tìm thấy trang này.',
    backHome: 'Về trang tổng quan',
  },
  demo: {
    label: 'Dữ liệu demo',
    dataset: {
      sample: 'Bài viết mẫu',
      'synthetic-10k': 'Mẫu + 10.000 nhiệm vụ',
      'synthetic-100k': 'Mẫu + 100.000 nhiệm vụ',
    },
    switching: 'Đang tạo dữ liệu…',
    mockBadge: 'API giả lập trong trình duyệt',
  },
  timeliness: {
    done_on_time: 'Hoàn thành đúng hạn',
    done_late: 'Hoàn thành quá hạn',
    on_track: 'Đang thực hiện trong hạn',
    due_soon: 'Sắp đến hạn',
    overdue: 'Đang thực hiện quá hạn',
    no_deadline: 'Không có thời hạn',
    cancelled: 'Đã hủy',
  },
  status: {
    not_started: 'Chưa thực hiện',
    in_progress: 'Đang thực hiện',
    paused: 'Tạm dừng',
    done: 'Hoàn thành',
    cancelled: 'Đã hủy',
  },
  category: {
    party_building: 'Xây dựng Đảng',
    economy: 'Kinh tế',
    infrastructure: 'Hạ tầng, giao thông',
    agriculture: 'Nông nghiệp',
    culture_tourism: 'Văn hóa, du lịch',
    social_affairs: 'Văn hóa - xã hội',
    citizen_affairs: 'Tiếp dân, khiếu nại',
    environment: 'Môi trường',
    administration: 'Cải cách hành chính',
    security: 'Quốc phòng, an ninh',
  },
  era: {
    label: 'Đơn vị hành chính',
    pre2025: 'Trước 1/7/2025 (3 cấp)',
    post2025: 'Hiện nay (2 cấp)',
  },
  overview: {
    heading: 'Tổng quan tiến độ nhiệm vụ',
    intro: 'Nhiệm vụ được giao trong các bài viết và kết luận, theo tình trạng thực hiện tính đến ngày {{date}}.',
    kpi: {
      label: 'Chỉ số chính',
      total: 'Tổng số nhiệm vụ',
      doneOnTime: 'Hoàn thành đúng hạn',
      doneLate: 'Hoàn thành quá hạn',
      onTrack: 'Đang thực hiện trong hạn',
      overdue: 'Đang thực hiện quá hạn',
      dueSoon: 'Sắp đến hạn (7 ngày)',
      share: '{{percent}} tổng số',
    },
    donut: { title: 'Tình trạng thực hiện', centre: 'nhiệm vụ' },
    locality: {
      titleProvinces: 'Theo tỉnh, thành phố',
      titleChildren: 'Theo đơn vị thuộc {{name}}',
      unit: 'Đơn vị',
      spanning: 'Nhiều đơn vị / cấp trên',
      others: 'Các đơn vị khác',
    },
    category: { title: 'Theo lĩnh vực', field: 'Lĩnh vực' },
    monthly: {
      title: 'Giao và hoàn thành theo tháng',
      titleQuarter: 'Giao và hoàn thành theo quý',
      quarterLabel: 'Quý {{quarter}}/{{year}}',
      month: 'Tháng',
      assigned: 'Được giao',
      completed: 'Hoàn thành',
    },
    overdueList: {
      title: 'Nhiệm vụ quá hạn lâu nhất',
      empty: 'Không có nhiệm vụ nào đang quá hạn.',
      task: 'Nhiệm vụ',
      assignee: 'Đơn vị thực hiện',
      deadline: 'Thời hạn',
      daysLate: 'Quá hạn',
      days_one: '{{count}} ngày',
      days_other: '{{count}} ngày',
      progress: 'Tiến độ',
    },
  },
  chart: {
    loading: 'Đang tải số liệu…',
    empty: 'Không có nhiệm vụ nào để thống kê.',
    error: 'Không tải được số liệu.',
    retry: 'Thử lại',
    tableCaption: 'Bảng số liệu: {{title}}',
    total: 'Tổng',
    count: 'Số nhiệm vụ',
    showTable: 'Xem bảng số liệu',
    hideTable: 'Ẩn bảng số liệu',
  },
  errors: {
    network: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
    timeout: 'Máy chủ phản hồi quá lâu. Vui lòng thử lại.',
    invalid_response: 'Máy chủ trả về dữ liệu không hợp lệ.',
    http_400: 'Yêu cầu không hợp lệ: {{detail}}',
    http_404: 'Không tìm thấy dữ liệu được yêu cầu.',
    http_5xx: 'Máy chủ đang gặp sự cố (mã {{status}}). Vui lòng thử lại sau.',
    http_other: 'Máy chủ từ chối yêu cầu (mã {{status}}).',
    unknown: 'Đã xảy ra lỗi không mong muốn.',
    stale: 'Không cập nhật được số liệu mới. Đang hiển thị số liệu lúc {{time}}.',
    boundary: 'Phần này gặp lỗi khi hiển thị. Các phần khác vẫn hoạt động.',
    reload: 'Tải lại trang',
  },
  common: { illustrative: 'Bài mẫu', percent: '{{value}}%' },
  live: liveVi,
  filters: filtersVi,
  dashboard: dashboardVi,
  export: exportVi,
  settings: settingsVi,
  accounts: accountsVi,
  // The navigation's labels of the screens whose messages are in vi-more.ts: the same texts (checked by the type).
  present: { nav: 'Trình chiếu' },
  tasks: { nav: 'Nhiệm vụ' },
  compare: { nav: 'So sánh' },
  articles: { nav: 'Bài viết' },
  deadlines: { nav: 'Hạn xử lý' },
} as const satisfies Record<string, unknown> & {
  [K in keyof typeof viMore]?: Pick<(typeof viMore)[K], 'nav' & keyof (typeof viMore)[K]>;
};

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** Every message: the first screen's (above) and the other screens' (vi-more.ts), whose sections are whole there. */
export type Messages = Widen<Omit<typeof vi, keyof typeof viMore> & typeof viMore>;
