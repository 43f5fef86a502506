/** Vietnamese messages of the settings page (/settings) and of the stored-data notice in the layout. */
export const settingsVi = {
  nav: 'Cài đặt',
  heading: 'Cài đặt',
  realApi: 'Ứng dụng đang kết nối với máy chủ thật. Các chức năng dữ liệu mẫu chỉ dùng cho API giả lập.',
  loading: 'Đang tải…',
  mock: {
    title: 'Dữ liệu của API giả lập',
    intro:
      'Ứng dụng đang chạy trên API giả lập trong trình duyệt. Các cập nhật bạn ghi được lưu trong trình duyệt này và vẫn còn sau khi tải lại trang.',
    storage: 'Nơi lưu',
    kind: {
      indexeddb: 'IndexedDB của trình duyệt này',
      memory: 'Bộ nhớ tạm (mất khi tải lại trang)',
      none: 'Không lưu được (mất khi tải lại trang)',
    },
    editedLabel: 'Đã cập nhật',
    edited_one: '{{count}} nhiệm vụ',
    edited_other: '{{count}} nhiệm vụ',
    editedNone: 'Chưa có thay đổi so với dữ liệu mẫu',
    savedAt: 'Lưu lần cuối',
    never: 'Chưa lưu',
    dataset: 'Bộ dữ liệu',
    today: 'Ngày tính thời hạn',
  },
  setAside: {
    title: 'Bản ghi đã để riêng',
    intro:
      'Những bản ghi lưu trong trình duyệt không đọc được khi mở ứng dụng được để riêng tại đây, không bị xóa. Các cập nhật khác vẫn dùng bình thường.',
    kind: { task: 'Cập nhật của nhiệm vụ {{ref}}', article: 'Bài viết đã nhập {{ref}}', store: 'Toàn bộ bản lưu cũ' },
    reason: {
      old_version: 'của phiên bản cũ',
      corrupted: 'không đọc được',
      invalid: 'sai định dạng',
      inconsistent: 'số liệu không khớp nhau',
    },
    at: 'để riêng lúc {{time}}',
    download: 'Tải về (JSON)',
    restore: 'Khôi phục',
    restored: 'Đã khôi phục.',
    unrestorable:
      'Không khôi phục được bản ghi này (dữ liệu hiện tại mới hơn hoặc bản ghi hỏng); bạn vẫn có thể tải nó về.',
  },
  scenario: {
    title: 'Mô phỏng sự cố (trình diễn)',
    intro:
      'Cho API giả lập hoạt động như một máy chủ chậm, lỗi hoặc trả dữ liệu xấu, để xem ứng dụng báo lỗi và giữ số liệu ra sao. Chọn “Bình thường” để trở lại.',
    label: 'Tình huống',
    switching: 'Đang chuyển…',
    active: 'Đang mô phỏng sự cố: {{name}}.',
    turnOff: 'Tắt mô phỏng',
    names: {
      none: 'Bình thường',
      slow: 'Máy chủ chậm (5 giây)',
      'server-error': 'Máy chủ lỗi (500)',
      timeout: 'Máy chủ không trả lời',
      'malformed-json': 'Dữ liệu hỏng (JSON sai)',
      'schema-break': 'Dữ liệu sai cấu trúc',
      empty: 'Không có dữ liệu',
      'long-titles': 'Tiêu đề rất dài (10.000 ký tự)',
      markup: 'Mã HTML/<script> trong dữ liệu',
      'unknown-locality': 'Mã địa bàn không tồn tại',
    },
  },
  reset: {
    title: 'Khôi phục dữ liệu mẫu',
    description:
      'Xóa mọi cập nhật đã ghi trong trình duyệt này và trở về dữ liệu mẫu ban đầu. Thao tác này không hoàn tác được.',
    button: 'Khôi phục dữ liệu mẫu',
    confirm: 'Xóa các cập nhật đã ghi và khôi phục dữ liệu mẫu?',
    confirmButton: 'Xóa và khôi phục',
    cancel: 'Hủy',
    working: 'Đang khôi phục…',
    done: 'Đã khôi phục dữ liệu mẫu.',
  },
  notice: {
    old_version:
      'Dữ liệu lưu trong trình duyệt thuộc phiên bản cũ của ứng dụng nên không dùng được. Đã khôi phục dữ liệu mẫu; bản lưu cũ được giữ riêng.',
    corrupted:
      'Dữ liệu lưu trong trình duyệt bị hỏng, không đọc được. Đã khôi phục dữ liệu mẫu; bản lưu hỏng được giữ riêng.',
    unavailable: 'Trình duyệt không cho lưu dữ liệu: các cập nhật chỉ còn đến khi tải lại trang.',
    save_failed:
      'Trình duyệt vừa từ chối lưu (bộ nhớ đầy hoặc dữ liệu bị xóa): thay đổi đó chưa được ghi, nội dung đã nhập vẫn còn trong biểu mẫu. Các cập nhật đã lưu trước đó không mất.',
    set_aside:
      'Một số bản ghi lưu trong trình duyệt không đọc được nên đã được để riêng; các cập nhật khác vẫn dùng bình thường. Có thể tải về hoặc khôi phục chúng trong Cài đặt.',
    dismiss: 'Đã hiểu',
    settings: 'Xem cài đặt',
  },
} as const;
