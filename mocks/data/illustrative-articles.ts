/**
 * Illustrative sample articles written by the project team (not real news): provincial working sessions and
 * meeting conclusions in several former districts of Bến Tre, in Đồng Tháp, Quảng Ninh and Cần Thơ, and, after the
 * reform of 1 July 2025, in communes of Vĩnh Long and Cần Thơ. They give every chart something to say.
 *
 * Rules the data follows (checked by tests/unit/sample-data.test.ts):
 * - every quote occurs verbatim in its body, and the deadline text occurs in the quote;
 * - locality codes are read in the era of the article's date (pre-2025 codes before 2025-07-01, post-2025 after);
 * - updates are chronological, dated from the article's date to 2026-11-26 at the latest; the last one gives the
 *   task its status and progress, and a done task's completedAt is the date of its last update;
 * - evaluated on 2026-11-26, the tasks cover every timeliness class (done on time, done late, overdue, due soon,
 *   on track, no deadline, cancelled) at least three times.
 */
import type { TaskStatus } from '../../src/api/schemas';
import type { SampleArticleDef, SampleUpdate } from './sample-types';

const PUBLISHER = 'Bài mẫu minh họa';

function update(date: string, status: TaskStatus, progress: number, note: string, author: string): SampleUpdate {
  return { date, status, progress, note, author };
}

// Authors that recur across articles (after 1 July 2025 the provincial departments of the merged provinces).
const SO_NN_VINH_LONG = 'Sở Nông nghiệp và Môi trường tỉnh Vĩnh Long';
const SO_XD_VINH_LONG = 'Sở Xây dựng tỉnh Vĩnh Long';

// ---------------------------------------------------------------------------------------------------------------
// a-001 · 12/05/2022 · huyện Mỏ Cày Nam (833), Bến Tre
// ---------------------------------------------------------------------------------------------------------------
const A001_ISSUER = 'UBND tỉnh Bến Tre (Chủ tịch UBND tỉnh)';
const A001_ASSIGNEE = 'UBND huyện Mỏ Cày Nam';
const UBND_MO_CAY_NAM = 'UBND huyện Mỏ Cày Nam';

const a001: SampleArticleDef = {
  id: 'a-001',
  title: 'Chủ tịch UBND tỉnh làm việc với huyện Mỏ Cày Nam về đầu tư công và xây dựng nông thôn mới',
  publisher: PUBLISHER,
  date: '2022-05-12',
  url: null,
  illustrative: true,
  body: [
    'Chủ tịch UBND tỉnh làm việc với huyện Mỏ Cày Nam về đầu tư công và xây dựng nông thôn mới',
    '12/05/2022 - 16:45',
    'Ngày 12-5-2022, Chủ tịch UBND tỉnh Bến Tre cùng lãnh đạo các sở, ngành tỉnh đã có buổi làm việc với UBND huyện Mỏ Cày Nam về tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội 4 tháng đầu năm 2022, tiến độ giải ngân vốn đầu tư công và xây dựng nông thôn mới.',
    'Theo báo cáo của UBND huyện, 4 tháng đầu năm, giá trị sản xuất nông nghiệp của huyện tăng 3,2% so với cùng kỳ; diện tích dừa chuyển đổi sang canh tác hữu cơ đạt hơn 2.100 ha. Tuy nhiên, tỷ lệ giải ngân vốn đầu tư công mới đạt 21% kế hoạch; công tác bồi thường, giải phóng mặt bằng một số công trình còn chậm.',
    'Kết luận buổi làm việc, Chủ tịch UBND tỉnh yêu cầu huyện tập trung đẩy nhanh tiến độ giải ngân vốn đầu tư công, phấn đấu giải ngân 100% kế hoạch vốn được giao trong năm 2022. Huyện phối hợp với Sở Giao thông vận tải hoàn thành công tác bồi thường, giải phóng mặt bằng Dự án nâng cấp, mở rộng Đường tỉnh 882 trong quý IV/2022.',
    'Đối với xây dựng nông thôn mới, huyện chỉ đạo xã Định Thủy hoàn thiện các tiêu chí, đạt chuẩn xã nông thôn mới nâng cao trong năm 2023. Đồng thời, tiếp tục nhân rộng mô hình canh tác dừa hữu cơ gắn với liên kết tiêu thụ sản phẩm, nâng cao thu nhập cho người dân.',
  ].join('\n\n'),
  tasks: [
    {
      id: 't-001-01',
      quote:
        'tập trung đẩy nhanh tiến độ giải ngân vốn đầu tư công, phấn đấu giải ngân 100% kế hoạch vốn được giao trong năm 2022',
      title: 'Giải ngân 100% kế hoạch vốn đầu tư công năm 2022',
      description:
        'Đẩy nhanh tiến độ giải ngân vốn đầu tư công, phấn đấu giải ngân 100% kế hoạch vốn được giao năm 2022.',
      issuer: A001_ISSUER,
      assignee: A001_ASSIGNEE,
      localityCodes: ['833'],
      category: 'economy',
      flagship: false,
      deadline: { date: '2022-12-31', text: 'trong năm 2022' },
      status: 'done',
      progress: 100,
      completedAt: '2022-12-28',
      updates: [
        update(
          '2022-07-15',
          'in_progress',
          45,
          'Giải ngân đạt 47% kế hoạch; thành lập tổ công tác đôn đốc các chủ đầu tư chậm giải ngân.',
          UBND_MO_CAY_NAM,
        ),
        update(
          '2022-10-20',
          'in_progress',
          78,
          'Giải ngân đạt 78%; điều chuyển vốn từ 2 công trình chậm sang các công trình có khối lượng.',
          UBND_MO_CAY_NAM,
        ),
        update('2022-12-28', 'done', 100, 'Giải ngân đạt 100% kế hoạch vốn đầu tư công năm 2022.', UBND_MO_CAY_NAM),
      ],
    },
    {
      id: 't-001-02',
      quote: 'chỉ đạo xã Định Thủy hoàn thiện các tiêu chí, đạt chuẩn xã nông thôn mới nâng cao trong năm 2023',
      title: 'Xã Định Thủy đạt chuẩn nông thôn mới nâng cao',
      description: 'Hoàn thiện các tiêu chí còn thiếu để xã Định Thủy đạt chuẩn xã nông thôn mới nâng cao năm 2023.',
      issuer: A001_ISSUER,
      assignee: A001_ASSIGNEE,
      localityCodes: ['28930'],
      category: 'agriculture',
      flagship: false,
      deadline: { date: '2023-12-31', text: 'trong năm 2023' },
      status: 'done',
      progress: 100,
      completedAt: '2024-03-15',
      updates: [
        update(
          '2022-11-30',
          'in_progress',
          30,
          'Rà soát: xã Định Thủy đạt 12/19 tiêu chí xã nông thôn mới nâng cao.',
          'UBND xã Định Thủy',
        ),
        update(
          '2023-12-20',
          'in_progress',
          85,
          'Đạt 17/19 tiêu chí; tiêu chí thu nhập và môi trường chưa đạt, đề nghị gia hạn sang quý I/2024.',
          'UBND xã Định Thủy',
        ),
        update(
          '2024-03-15',
          'done',
          100,
          'UBND tỉnh công nhận xã Định Thủy đạt chuẩn nông thôn mới nâng cao, chậm khoảng 2,5 tháng so với kế hoạch.',
          UBND_MO_CAY_NAM,
        ),
      ],
    },
    {
      id: 't-001-03',
      quote:
        'hoàn thành công tác bồi thường, giải phóng mặt bằng Dự án nâng cấp, mở rộng Đường tỉnh 882 trong quý IV/2022',
      title: 'Bồi thường, giải phóng mặt bằng Dự án nâng cấp, mở rộng Đường tỉnh 882',
      description:
        'Phối hợp Sở Giao thông vận tải hoàn thành bồi thường, giải phóng mặt bằng, bàn giao mặt bằng sạch cho Dự án nâng cấp, mở rộng Đường tỉnh 882.',
      issuer: A001_ISSUER,
      assignee: A001_ASSIGNEE,
      localityCodes: ['833'],
      category: 'infrastructure',
      flagship: true,
      deadline: { date: '2022-12-31', text: 'quý IV/2022' },
      status: 'done',
      progress: 100,
      completedAt: '2023-04-20',
      updates: [
        update(
          '2022-08-10',
          'in_progress',
          30,
          'Hoàn thành kiểm đếm 214 hộ bị ảnh hưởng; niêm yết phương án bồi thường.',
          UBND_MO_CAY_NAM,
        ),
        update(
          '2022-12-29',
          'in_progress',
          80,
          'Chi trả bồi thường cho 171/214 hộ; 43 hộ chưa đồng thuận đơn giá bồi thường.',
          UBND_MO_CAY_NAM,
        ),
        update(
          '2023-04-20',
          'done',
          100,
          'Điều chỉnh đơn giá bồi thường; bàn giao toàn bộ mặt bằng cho chủ đầu tư.',
          UBND_MO_CAY_NAM,
        ),
      ],
    },
    {
      id: 't-001-04',
      quote: 'tiếp tục nhân rộng mô hình canh tác dừa hữu cơ gắn với liên kết tiêu thụ sản phẩm',
      title: 'Nhân rộng mô hình canh tác dừa hữu cơ gắn với liên kết tiêu thụ',
      description:
        'Mở rộng diện tích dừa canh tác hữu cơ được chứng nhận, gắn với hợp đồng liên kết tiêu thụ với doanh nghiệp.',
      issuer: A001_ISSUER,
      assignee: A001_ASSIGNEE,
      localityCodes: ['833'],
      category: 'agriculture',
      flagship: false,
      deadline: null,
      status: 'in_progress',
      progress: 75,
      completedAt: null,
      updates: [
        update(
          '2022-12-15',
          'in_progress',
          25,
          'Diện tích dừa hữu cơ đạt 2.600 ha; 2 doanh nghiệp ký hợp đồng bao tiêu.',
          UBND_MO_CAY_NAM,
        ),
        update(
          '2024-06-20',
          'in_progress',
          55,
          '4.100 ha dừa được chứng nhận hữu cơ; thành lập thêm 3 tổ hợp tác.',
          UBND_MO_CAY_NAM,
        ),
        update(
          '2026-03-10',
          'in_progress',
          75,
          'Sau sắp xếp, Sở hỗ trợ các xã duy trì chứng nhận hữu cơ cho 5.000 ha dừa.',
          SO_NN_VINH_LONG,
        ),
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// a-002 · 18/08/2022 · huyện Giồng Trôm (834), Bến Tre
// ---------------------------------------------------------------------------------------------------------------
const A002_ISSUER = 'Ban Thường vụ Tỉnh ủy Bến Tre (Bí thư Tỉnh ủy)';
const A002_ASSIGNEE = 'Ban Thường vụ Huyện ủy Giồng Trôm';
const UBND_GIONG_TROM = 'UBND huyện Giồng Trôm';

const a002: SampleArticleDef = {
  id: 'a-002',
  title: 'Bí thư Tỉnh ủy làm việc với Ban Thường vụ Huyện ủy Giồng Trôm',
  publisher: PUBLISHER,
  date: '2022-08-18',
  url: null,
  illustrative: true,
  body: [
    'Bí thư Tỉnh ủy làm việc với Ban Thường vụ Huyện ủy Giồng Trôm',
    '18/08/2022 - 17:10',
    'Ngày 18-8-2022, đoàn công tác của Ban Thường vụ Tỉnh ủy do Bí thư Tỉnh ủy làm trưởng đoàn đã làm việc với Ban Thường vụ Huyện ủy Giồng Trôm về kết quả thực hiện nghị quyết 6 tháng đầu năm và nhiệm vụ trọng tâm 6 tháng cuối năm 2022.',
    'Báo cáo cho thấy, huyện đã cơ bản hoàn thành các chỉ tiêu 6 tháng; tình hình an ninh, trật tự được giữ vững. Bên cạnh đó, hạn mặn mùa khô vừa qua khiến nhiều hộ dân các xã ven sông Hàm Luông thiếu nước sinh hoạt; tiến độ Cụm công nghiệp Phong Nẫm còn chậm; một số vụ khiếu nại về đất đai kéo dài chưa được giải quyết dứt điểm.',
    'Phát biểu kết luận, Bí thư Tỉnh ủy đề nghị huyện chủ động phương án trữ nước ngọt, bảo đảm nước sinh hoạt cho người dân trước 31/12/2022. Huyện phối hợp với các sở, ngành đẩy nhanh tiến độ xây dựng hạ tầng Cụm công nghiệp Phong Nẫm, phấn đấu hoàn thành trong quý II/2024 để thu hút doanh nghiệp vào đầu tư.',
    'Bí thư Tỉnh ủy cũng yêu cầu Huyện ủy rà soát, sắp xếp, kiện toàn đội ngũ cán bộ chủ chốt cấp xã trong 6 tháng đầu năm 2023; chỉ đạo giải quyết dứt điểm vụ khiếu nại đất đai kéo dài tại xã Lương Hòa trong quý IV, không để phát sinh điểm nóng.',
  ].join('\n\n'),
  tasks: [
    {
      id: 't-002-01',
      quote: 'chủ động phương án trữ nước ngọt, bảo đảm nước sinh hoạt cho người dân trước 31/12/2022',
      title: 'Trữ nước ngọt, bảo đảm nước sinh hoạt mùa khô cho người dân',
      description:
        'Chủ động phương án trữ nước ngọt, bảo đảm nước sinh hoạt cho các hộ dân ven sông Hàm Luông trong mùa khô.',
      issuer: A002_ISSUER,
      assignee: A002_ASSIGNEE,
      localityCodes: ['834'],
      category: 'social_affairs',
      flagship: false,
      deadline: { date: '2022-12-31', text: 'trước 31/12/2022' },
      status: 'done',
      progress: 100,
      completedAt: '2022-12-20',
      updates: [
        update(
          '2022-10-05',
          'in_progress',
          40,
          'Cấp 1.150 bồn, lu chứa nước cho hộ nghèo ven sông Hàm Luông.',
          UBND_GIONG_TROM,
        ),
        update(
          '2022-12-20',
          'done',
          100,
          'Nạo vét xong 12 kênh trữ ngọt, nâng cấp 2 trạm cấp nước; sẵn sàng cho mùa khô 2022-2023.',
          UBND_GIONG_TROM,
        ),
      ],
    },
    {
      id: 't-002-02',
      quote: 'đẩy nhanh tiến độ xây dựng hạ tầng Cụm công nghiệp Phong Nẫm, phấn đấu hoàn thành trong quý II/2024',
      title: 'Xây dựng hạ tầng Cụm công nghiệp Phong Nẫm',
      description:
        'Phối hợp các sở, ngành hoàn thành hạ tầng Cụm công nghiệp Phong Nẫm để thu hút doanh nghiệp vào đầu tư.',
      issuer: A002_ISSUER,
      assignee: A002_ASSIGNEE,
      localityCodes: ['28987'],
      category: 'infrastructure',
      flagship: true,
      deadline: { date: '2024-06-30', text: 'quý II/2024' },
      status: 'paused',
      progress: 35,
      completedAt: null,
      updates: [
        update(
          '2023-03-22',
          'in_progress',
          15,
          'Phê duyệt điều chỉnh quy hoạch chi tiết; khởi công hạng mục san lấp.',
          UBND_GIONG_TROM,
        ),
        update(
          '2024-05-28',
          'in_progress',
          35,
          'San lấp xong giai đoạn 1; giao thông nội bộ, xử lý nước thải chưa triển khai do thiếu vốn.',
          UBND_GIONG_TROM,
        ),
        update(
          '2024-11-12',
          'paused',
          35,
          'Tạm dừng thi công: nhà đầu tư hạ tầng xin rút khỏi dự án; huyện đề nghị tỉnh tìm nhà đầu tư thay thế.',
          UBND_GIONG_TROM,
        ),
        update(
          '2026-04-16',
          'paused',
          35,
          'Rà soát lại cụm công nghiệp trong quy hoạch tỉnh; chưa bố trí được vốn để tiếp tục.',
          'Sở Công Thương tỉnh Vĩnh Long',
        ),
      ],
    },
    {
      id: 't-002-03',
      quote: 'rà soát, sắp xếp, kiện toàn đội ngũ cán bộ chủ chốt cấp xã trong 6 tháng đầu năm 2023',
      title: 'Kiện toàn đội ngũ cán bộ chủ chốt cấp xã',
      description: 'Rà soát, sắp xếp, kiện toàn đội ngũ cán bộ chủ chốt của các xã, thị trấn trong huyện.',
      issuer: A002_ISSUER,
      assignee: A002_ASSIGNEE,
      localityCodes: ['834'],
      category: 'party_building',
      flagship: false,
      deadline: { date: '2023-06-30', text: '6 tháng đầu năm 2023' },
      status: 'done',
      progress: 100,
      completedAt: '2023-06-28',
      updates: [
        update(
          '2023-01-12',
          'in_progress',
          40,
          'Rà soát cán bộ chủ chốt 21 xã, thị trấn; xây dựng phương án điều động, luân chuyển.',
          'Ban Tổ chức Huyện ủy Giồng Trôm',
        ),
        update(
          '2023-06-28',
          'done',
          100,
          'Kiện toàn 9 chức danh chủ chốt cấp xã; luân chuyển 6 cán bộ.',
          'Ban Tổ chức Huyện ủy Giồng Trôm',
        ),
      ],
    },
    {
      id: 't-002-04',
      quote: 'giải quyết dứt điểm vụ khiếu nại đất đai kéo dài tại xã Lương Hòa trong quý IV',
      title: 'Giải quyết dứt điểm vụ khiếu nại đất đai kéo dài tại xã Lương Hòa',
      description:
        'Xác minh, đối thoại và giải quyết dứt điểm vụ khiếu nại đất đai kéo dài, không để phát sinh điểm nóng.',
      issuer: A002_ISSUER,
      assignee: A002_ASSIGNEE,
      localityCodes: ['28999'],
      category: 'citizen_affairs',
      flagship: false,
      deadline: { date: '2022-12-31', text: 'quý IV' },
      status: 'cancelled',
      progress: 40,
      completedAt: null,
      updates: [
        update(
          '2022-09-20',
          'in_progress',
          30,
          'Đối thoại với người khiếu nại; giao Phòng Tài nguyên và Môi trường xác minh lại nguồn gốc đất.',
          UBND_GIONG_TROM,
        ),
        update(
          '2022-11-25',
          'cancelled',
          40,
          'Đương sự khởi kiện vụ việc ra Tòa án nhân dân tỉnh; theo quy định, huyện đình chỉ giải quyết khiếu nại.',
          UBND_GIONG_TROM,
        ),
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// a-003 · 09/03/2023 · thành phố Sa Đéc (867), Đồng Tháp
// ---------------------------------------------------------------------------------------------------------------
const A003_ISSUER = 'UBND tỉnh Đồng Tháp (Chủ tịch UBND tỉnh)';
const A003_ASSIGNEE = 'UBND thành phố Sa Đéc';

const a003: SampleArticleDef = {
  id: 'a-003',
  title: 'Chủ tịch UBND tỉnh Đồng Tháp làm việc với thành phố Sa Đéc',
  publisher: PUBLISHER,
  date: '2023-03-09',
  url: null,
  illustrative: true,
  body: [
    'Chủ tịch UBND tỉnh Đồng Tháp làm việc với thành phố Sa Đéc',
    '09/03/2023 - 15:30',
    'Ngày 9-3-2023, Chủ tịch UBND tỉnh Đồng Tháp đã làm việc với UBND thành phố Sa Đéc về tình hình phát triển kinh tế - xã hội, du lịch và công tác phòng, chống sạt lở bờ sông.',
    'Năm 2022, thành phố đón hơn 900.000 lượt khách; làng hoa Sa Đéc tiếp tục là điểm đến hấp dẫn của tỉnh. Tuy vậy, hạ tầng du lịch tại Khu du lịch làng hoa phường Tân Quy Đông chưa đồng bộ; bờ sông Tiền đoạn qua xã Tân Khánh Đông sạt lở phức tạp, đe dọa nhà cửa của nhiều hộ dân.',
    'Chủ tịch UBND tỉnh giao thành phố Sa Đéc chủ trì, phối hợp với Sở Văn hóa, Thể thao và Du lịch triển khai Đề án phát triển làng hoa Sa Đéc gắn với du lịch, hoàn thành các hạng mục trong năm 2024. Thành phố hoàn thành chỉnh trang Khu du lịch làng hoa Tân Quy Đông trước 30/9/2023 để phục vụ mùa hoa Tết.',
    'Đối với sạt lở, thành phố phối hợp với Sở Nông nghiệp và Phát triển nông thôn khẩn trương xây dựng kè chống sạt lở bờ sông Tiền đoạn qua xã Tân Khánh Đông, hoàn thành trong quý IV/2024; di dời các hộ dân ra khỏi vùng nguy hiểm. Ngoài ra, thành phố tiếp tục đẩy mạnh cải cách hành chính, nâng cao chỉ số hài lòng của người dân và doanh nghiệp.',
  ].join('\n\n'),
  tasks: [
    {
      id: 't-003-01',
      quote: 'triển khai Đề án phát triển làng hoa Sa Đéc gắn với du lịch, hoàn thành các hạng mục trong năm 2024',
      title: 'Đề án phát triển làng hoa Sa Đéc gắn với du lịch',
      description: 'Chủ trì, phối hợp Sở Văn hóa, Thể thao và Du lịch triển khai và hoàn thành các hạng mục của Đề án.',
      issuer: A003_ISSUER,
      assignee: A003_ASSIGNEE,
      localityCodes: ['867'],
      category: 'culture_tourism',
      flagship: true,
      deadline: { date: '2024-12-31', text: 'trong năm 2024' },
      status: 'done',
      progress: 100,
      completedAt: '2024-12-20',
      updates: [
        update(
          '2023-06-30',
          'in_progress',
          25,
          'Đề án được phê duyệt; khởi công đường hoa và bến thuyền du lịch.',
          A003_ASSIGNEE,
        ),
        update(
          '2024-01-25',
          'in_progress',
          60,
          'Đưa vào khai thác bến thuyền và 3 điểm tham quan; lễ hội hoa Xuân đón 120.000 lượt khách.',
          A003_ASSIGNEE,
        ),
        update(
          '2024-12-20',
          'done',
          100,
          'Hoàn thành các hạng mục của Đề án; làng hoa có 25 điểm du lịch đạt chuẩn.',
          A003_ASSIGNEE,
        ),
      ],
    },
    {
      id: 't-003-02',
      quote: 'hoàn thành chỉnh trang Khu du lịch làng hoa Tân Quy Đông trước 30/9/2023',
      title: 'Chỉnh trang Khu du lịch làng hoa Tân Quy Đông',
      description:
        'Nâng cấp đường nội khu, bãi đỗ xe, nhà vệ sinh công cộng của Khu du lịch làng hoa để phục vụ mùa hoa Tết.',
      issuer: A003_ISSUER,
      assignee: A003_ASSIGNEE,
      localityCodes: ['29917'],
      category: 'culture_tourism',
      flagship: false,
      deadline: { date: '2023-09-30', text: 'trước 30/9/2023' },
      status: 'done',
      progress: 100,
      completedAt: '2023-11-10',
      updates: [
        update(
          '2023-05-15',
          'in_progress',
          35,
          'Khởi công nâng cấp đường nội khu, bãi đỗ xe và nhà vệ sinh công cộng.',
          'UBND phường Tân Quy Đông',
        ),
        update(
          '2023-09-28',
          'in_progress',
          80,
          'Mưa kéo dài làm chậm thi công bãi đỗ xe; dự kiến hoàn thành đầu tháng 11.',
          'UBND phường Tân Quy Đông',
        ),
        update(
          '2023-11-10',
          'done',
          100,
          'Hoàn thành chỉnh trang, kịp phục vụ mùa hoa Tết Giáp Thìn.',
          'UBND phường Tân Quy Đông',
        ),
      ],
    },
    {
      id: 't-003-03',
      quote: 'xây dựng kè chống sạt lở bờ sông Tiền đoạn qua xã Tân Khánh Đông, hoàn thành trong quý IV/2024',
      title: 'Xây dựng kè chống sạt lở bờ sông Tiền đoạn qua xã Tân Khánh Đông',
      description: 'Phối hợp ngành nông nghiệp xây dựng kè chống sạt lở, di dời các hộ dân ra khỏi vùng nguy hiểm.',
      issuer: A003_ISSUER,
      assignee: A003_ASSIGNEE,
      localityCodes: ['29914'],
      category: 'environment',
      flagship: false,
      deadline: { date: '2024-12-31', text: 'quý IV/2024' },
      status: 'in_progress',
      progress: 85,
      completedAt: null,
      updates: [
        update(
          '2023-04-20',
          'in_progress',
          10,
          'Di dời khẩn cấp 37 hộ dân ra khỏi vùng sạt lở nguy hiểm.',
          A003_ASSIGNEE,
        ),
        update('2023-12-15', 'in_progress', 30, 'Khởi công kè chống sạt lở dài 1,2 km.', A003_ASSIGNEE),
        update(
          '2024-12-27',
          'in_progress',
          65,
          'Hoàn thành 700 m kè; phần còn lại chậm do chưa được bố trí đủ vốn Trung ương.',
          A003_ASSIGNEE,
        ),
        update('2025-06-20', 'in_progress', 75, 'Được bổ sung vốn; thi công đoạn kè còn lại.', A003_ASSIGNEE),
        update(
          '2026-09-15',
          'in_progress',
          85,
          'Đôn đốc nhà thầu tăng ca; đoạn kè cuối dự kiến hoàn thành trong quý I/2027.',
          'Sở Nông nghiệp và Môi trường tỉnh Đồng Tháp',
        ),
      ],
    },
    {
      id: 't-003-04',
      quote: 'tiếp tục đẩy mạnh cải cách hành chính, nâng cao chỉ số hài lòng của người dân và doanh nghiệp',
      title: 'Đẩy mạnh cải cách hành chính, nâng cao chỉ số hài lòng',
      description:
        'Nâng cao chỉ số hài lòng của người dân, doanh nghiệp; tăng tỷ lệ hồ sơ giải quyết đúng hạn và trực tuyến.',
      issuer: A003_ISSUER,
      assignee: A003_ASSIGNEE,
      localityCodes: ['867'],
      category: 'administration',
      flagship: false,
      deadline: null,
      status: 'in_progress',
      progress: 70,
      completedAt: null,
      updates: [
        update(
          '2023-12-28',
          'in_progress',
          40,
          'Chỉ số hài lòng của người dân, doanh nghiệp năm 2023 đạt 88%.',
          A003_ASSIGNEE,
        ),
        update(
          '2024-12-26',
          'in_progress',
          60,
          'Chỉ số hài lòng đạt 91%; 98% hồ sơ được giải quyết đúng hạn.',
          A003_ASSIGNEE,
        ),
        update(
          '2025-12-20',
          'in_progress',
          70,
          'Sau sắp xếp, phường duy trì tỷ lệ hồ sơ trực tuyến toàn trình trên 80%.',
          'UBND phường Sa Đéc',
        ),
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// a-004 · 15/06/2023 · huyện Ba Tri (836), Bến Tre
// ---------------------------------------------------------------------------------------------------------------
const A004_ISSUER = 'UBND tỉnh Bến Tre (Chủ tịch UBND tỉnh)';
const A004_ASSIGNEE = 'UBND huyện Ba Tri';

const a004: SampleArticleDef = {
  id: 'a-004',
  title: 'Thông báo kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với huyện Ba Tri',
  publisher: PUBLISHER,
  date: '2023-06-15',
  url: null,
  illustrative: true,
  body: [
    'Thông báo kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với huyện Ba Tri',
    '15/06/2023 - 10:05',
    'Văn phòng UBND tỉnh Bến Tre vừa ban hành thông báo kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với UBND huyện Ba Tri ngày 15-6-2023 về tiến độ các công trình trọng điểm và tình hình phát triển kinh tế - xã hội của huyện.',
    'Chủ tịch UBND tỉnh ghi nhận huyện đã có nhiều cố gắng trong chỉ đạo sản xuất, nhất là chăn nuôi bò và nuôi trồng thủy sản ven biển. Tuy nhiên, tình trạng sạt lở bờ biển xã Bảo Thuận ngày càng nghiêm trọng; một số hạng mục tôn tạo di tích chậm tiến độ; nhiều hộ dân vùng ven biển chưa được sử dụng nước sạch.',
    'Chủ tịch UBND tỉnh giao UBND huyện Ba Tri phối hợp với Sở Nông nghiệp và Phát triển nông thôn thi công Dự án kè chống sạt lở bờ biển xã Bảo Thuận, hoàn thành trước 30/6/2025. Huyện phối hợp với Sở Văn hóa, Thể thao và Du lịch hoàn thành nâng cấp Khu di tích Mộ và Khu tưởng niệm Nhà thơ Nguyễn Đình Chiểu trong quý IV/2024.',
    'Huyện xây dựng Đề án phát triển đàn bò theo hướng nâng cao chất lượng, gắn với liên kết tiêu thụ. Đồng thời, hoàn thành đầu tư tuyến ống cấp nước sạch cho các xã ven biển vào cuối năm 2023.',
  ].join('\n\n'),
  tasks: [
    {
      id: 't-004-01',
      quote: 'thi công Dự án kè chống sạt lở bờ biển xã Bảo Thuận, hoàn thành trước 30/6/2025',
      title: 'Dự án kè chống sạt lở bờ biển xã Bảo Thuận',
      description:
        'Phối hợp ngành nông nghiệp thi công kè chống sạt lở bờ biển dài 2,8 km và trồng rừng phòng hộ phía sau kè.',
      issuer: A004_ISSUER,
      assignee: A004_ASSIGNEE,
      localityCodes: ['29152'],
      category: 'infrastructure',
      flagship: true,
      deadline: { date: '2025-06-30', text: 'trước 30/6/2025' },
      status: 'done',
      progress: 100,
      completedAt: '2025-06-25',
      updates: [
        update(
          '2023-11-08',
          'in_progress',
          15,
          'Khởi công kè chống sạt lở bờ biển xã Bảo Thuận, dài 2,8 km.',
          A004_ASSIGNEE,
        ),
        update(
          '2024-09-26',
          'in_progress',
          55,
          'Hoàn thành 1,6 km thân kè; trồng bổ sung 5 ha rừng phòng hộ phía sau kè.',
          A004_ASSIGNEE,
        ),
        update(
          '2025-06-25',
          'done',
          100,
          'Nghiệm thu, đưa công trình vào sử dụng trước khi kết thúc hoạt động cấp huyện.',
          A004_ASSIGNEE,
        ),
      ],
    },
    {
      id: 't-004-02',
      quote: 'hoàn thành nâng cấp Khu di tích Mộ và Khu tưởng niệm Nhà thơ Nguyễn Đình Chiểu trong quý IV/2024',
      title: 'Nâng cấp Khu di tích Mộ và Khu tưởng niệm Nhà thơ Nguyễn Đình Chiểu',
      description: 'Phối hợp ngành văn hóa hoàn thành nâng cấp nhà trưng bày, cảnh quan Khu di tích.',
      issuer: A004_ISSUER,
      assignee: A004_ASSIGNEE,
      localityCodes: ['29173'],
      category: 'culture_tourism',
      flagship: false,
      deadline: { date: '2024-12-31', text: 'quý IV/2024' },
      status: 'done',
      progress: 100,
      completedAt: '2025-05-15',
      updates: [
        update(
          '2023-09-12',
          'in_progress',
          20,
          'Phê duyệt thiết kế; khởi công tu bổ khu mộ và nhà bia.',
          A004_ASSIGNEE,
        ),
        update(
          '2024-12-18',
          'in_progress',
          75,
          'Còn nhà trưng bày và cảnh quan; nhà thầu đề nghị gia hạn đến tháng 5/2025.',
          A004_ASSIGNEE,
        ),
        update(
          '2025-05-15',
          'done',
          100,
          'Hoàn thành nâng cấp Khu di tích, mở cửa đón khách tham quan.',
          A004_ASSIGNEE,
        ),
      ],
    },
    {
      id: 't-004-03',
      quote: 'xây dựng Đề án phát triển đàn bò theo hướng nâng cao chất lượng, gắn với liên kết tiêu thụ',
      title: 'Đề án phát triển đàn bò gắn với liên kết tiêu thụ',
      description: 'Cải tạo giống, nâng cao chất lượng đàn bò, hình thành chuỗi liên kết tiêu thụ.',
      issuer: A004_ISSUER,
      assignee: A004_ASSIGNEE,
      localityCodes: ['836'],
      category: 'agriculture',
      flagship: false,
      deadline: null,
      status: 'in_progress',
      progress: 60,
      completedAt: null,
      updates: [
        update('2023-12-22', 'in_progress', 25, 'Đề án được phê duyệt; hỗ trợ 320 hộ cải tạo giống bò.', A004_ASSIGNEE),
        update(
          '2024-12-20',
          'in_progress',
          50,
          'Đàn bò đạt 120.000 con, bò lai chiếm 85%; hình thành 2 chuỗi liên kết tiêu thụ.',
          A004_ASSIGNEE,
        ),
        update(
          '2026-05-14',
          'in_progress',
          60,
          'Các xã Ba Tri, Tân Xuân, Bảo Thạnh tiếp tục thực hiện; giá bò giảm làm chậm việc tái đàn.',
          'UBND xã Ba Tri',
        ),
      ],
    },
    {
      id: 't-004-04',
      quote: 'hoàn thành đầu tư tuyến ống cấp nước sạch cho các xã ven biển vào cuối năm 2023',
      title: 'Đầu tư tuyến ống cấp nước sạch cho các xã ven biển',
      description: 'Đầu tư tuyến ống cấp nước sạch cho các hộ dân vùng ven biển chưa được sử dụng nước sạch.',
      issuer: A004_ISSUER,
      assignee: A004_ASSIGNEE,
      localityCodes: ['836'],
      category: 'infrastructure',
      flagship: false,
      deadline: { date: '2023-12-31', text: 'cuối năm 2023' },
      status: 'cancelled',
      progress: 20,
      completedAt: null,
      updates: [
        update('2023-08-30', 'in_progress', 20, 'Hoàn thành khảo sát, thiết kế tuyến ống dài 18 km.', A004_ASSIGNEE),
        update(
          '2023-10-16',
          'cancelled',
          20,
          'Dừng đầu tư: tuyến ống được đưa vào dự án cấp nước sạch vùng ven biển do tỉnh làm chủ đầu tư, tránh trùng lắp.',
          A004_ASSIGNEE,
        ),
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// a-005 · 20/10/2023 · huyện Vân Đồn (203), Quảng Ninh
// ---------------------------------------------------------------------------------------------------------------
const A005_ISSUER = 'Ban Thường vụ Tỉnh ủy Quảng Ninh (Bí thư Tỉnh ủy)';
const A005_ASSIGNEE = 'Ban Thường vụ Huyện ủy Vân Đồn';
const UBND_VAN_DON = 'UBND huyện Vân Đồn';

const a005: SampleArticleDef = {
  id: 'a-005',
  title: 'Bí thư Tỉnh ủy Quảng Ninh làm việc với Ban Thường vụ Huyện ủy Vân Đồn',
  publisher: PUBLISHER,
  date: '2023-10-20',
  url: null,
  illustrative: true,
  body: [
    'Bí thư Tỉnh ủy Quảng Ninh làm việc với Ban Thường vụ Huyện ủy Vân Đồn',
    '20/10/2023 - 18:20',
    'Ngày 20-10-2023, Bí thư Tỉnh ủy Quảng Ninh đã làm việc với Ban Thường vụ Huyện ủy Vân Đồn về tình hình thực hiện nhiệm vụ chính trị 9 tháng năm 2023 và định hướng phát triển Khu kinh tế Vân Đồn.',
    'Huyện đã thu hút nhiều dự án du lịch, dịch vụ; lượng khách đến các xã đảo tăng mạnh so với cùng kỳ. Tuy nhiên, công tác bồi thường, giải phóng mặt bằng một số dự án còn chậm; tình trạng lấn chiếm đất rừng phòng hộ, rừng ngập mặn vẫn xảy ra ở một số địa phương.',
    'Bí thư Tỉnh ủy yêu cầu huyện tập trung hoàn thành bồi thường, giải phóng mặt bằng các dự án trọng điểm trong quý I/2024, bàn giao mặt bằng sạch cho nhà đầu tư. Huyện rà soát, xử lý dứt điểm các trường hợp lấn chiếm đất rừng, rừng ngập mặn trước 31/12/2023, không để phát sinh vi phạm mới.',
    'Về lâu dài, huyện phối hợp với các sở, ngành hoàn thiện và triển khai Đề án phát triển Vân Đồn thành trung tâm du lịch biển đảo chất lượng cao, hoàn thành trong năm 2025, gắn với bảo tồn các giá trị văn hóa, sinh thái của các xã đảo Quan Lạn, Minh Châu.',
  ].join('\n\n'),
  tasks: [
    {
      id: 't-005-01',
      quote: 'hoàn thành bồi thường, giải phóng mặt bằng các dự án trọng điểm trong quý I/2024',
      title: 'Bồi thường, giải phóng mặt bằng các dự án trọng điểm',
      description:
        'Hoàn thành bồi thường, giải phóng mặt bằng và bàn giao mặt bằng sạch cho nhà đầu tư các dự án trọng điểm.',
      issuer: A005_ISSUER,
      assignee: A005_ASSIGNEE,
      localityCodes: ['203'],
      category: 'infrastructure',
      flagship: false,
      deadline: { date: '2024-03-31', text: 'quý I/2024' },
      status: 'done',
      progress: 100,
      completedAt: '2024-03-29',
      updates: [
        update('2023-12-15', 'in_progress', 60, 'Bàn giao 42/68 ha mặt bằng cho các nhà đầu tư.', UBND_VAN_DON),
        update('2024-03-29', 'done', 100, 'Hoàn thành bồi thường, bàn giao toàn bộ 68 ha mặt bằng sạch.', UBND_VAN_DON),
      ],
    },
    {
      id: 't-005-02',
      quote: 'rà soát, xử lý dứt điểm các trường hợp lấn chiếm đất rừng, rừng ngập mặn trước 31/12/2023',
      title: 'Xử lý dứt điểm các trường hợp lấn chiếm đất rừng, rừng ngập mặn',
      description:
        'Rà soát, xử lý dứt điểm các trường hợp lấn chiếm đất rừng phòng hộ, rừng ngập mặn; không để phát sinh vi phạm mới.',
      issuer: A005_ISSUER,
      assignee: A005_ASSIGNEE,
      localityCodes: ['203'],
      category: 'environment',
      flagship: false,
      deadline: { date: '2023-12-31', text: 'trước 31/12/2023' },
      status: 'done',
      progress: 100,
      completedAt: '2024-02-05',
      updates: [
        update(
          '2023-11-30',
          'in_progress',
          50,
          'Lập hồ sơ 27 trường hợp lấn chiếm; cưỡng chế tháo dỡ 9 công trình.',
          UBND_VAN_DON,
        ),
        update(
          '2023-12-29',
          'in_progress',
          80,
          'Xử lý xong 22/27 trường hợp; 5 trường hợp đang khiếu nại quyết định xử phạt.',
          UBND_VAN_DON,
        ),
        update(
          '2024-02-05',
          'done',
          100,
          'Xử lý dứt điểm 27 trường hợp; trả lại hiện trạng 14 ha rừng ngập mặn.',
          UBND_VAN_DON,
        ),
      ],
    },
    {
      id: 't-005-03',
      quote:
        'triển khai Đề án phát triển Vân Đồn thành trung tâm du lịch biển đảo chất lượng cao, hoàn thành trong năm 2025',
      title: 'Đề án phát triển Vân Đồn thành trung tâm du lịch biển đảo chất lượng cao',
      description:
        'Hoàn thiện và triển khai Đề án, gắn với bảo tồn giá trị văn hóa, sinh thái của các xã đảo Quan Lạn, Minh Châu.',
      issuer: A005_ISSUER,
      assignee: A005_ASSIGNEE,
      localityCodes: ['203'],
      category: 'culture_tourism',
      flagship: true,
      deadline: { date: '2025-12-31', text: 'trong năm 2025' },
      status: 'in_progress',
      progress: 80,
      completedAt: null,
      updates: [
        update(
          '2024-04-18',
          'in_progress',
          20,
          'Hoàn thiện dự thảo Đề án, lấy ý kiến các sở, ngành và doanh nghiệp du lịch.',
          UBND_VAN_DON,
        ),
        update(
          '2024-12-30',
          'in_progress',
          45,
          'Tỉnh phê duyệt Đề án; mở các tuyến du lịch Quan Lạn, Minh Châu.',
          UBND_VAN_DON,
        ),
        update(
          '2025-06-25',
          'in_progress',
          60,
          'Đưa vào khai thác 2 bến tàu du lịch; cảng tàu khách quốc tế vướng thủ tục đất rừng.',
          UBND_VAN_DON,
        ),
        update(
          '2025-12-29',
          'in_progress',
          75,
          'Đặc khu tiếp nhận thực hiện Đề án; còn cảng tàu khách quốc tế chưa hoàn thành.',
          'UBND đặc khu Vân Đồn',
        ),
        update(
          '2026-10-20',
          'in_progress',
          80,
          'Cảng tàu khách vẫn chậm do thủ tục chuyển mục đích sử dụng đất rừng; đề nghị tỉnh gia hạn sang năm 2027.',
          'UBND đặc khu Vân Đồn',
        ),
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// a-006 · 27/02/2024 · huyện Thạnh Phú (837), Bến Tre
// ---------------------------------------------------------------------------------------------------------------
const A006_ISSUER = 'Ban Thường vụ Tỉnh ủy Bến Tre (Bí thư Tỉnh ủy)';
const A006_ASSIGNEE = 'Ban Thường vụ Huyện ủy Thạnh Phú';
const UBND_THANH_PHU = 'UBND huyện Thạnh Phú';

const a006: SampleArticleDef = {
  id: 'a-006',
  title: 'Bí thư Tỉnh ủy làm việc với huyện Thạnh Phú về phát triển kinh tế biển',
  publisher: PUBLISHER,
  date: '2024-02-27',
  url: null,
  illustrative: true,
  body: [
    'Bí thư Tỉnh ủy làm việc với huyện Thạnh Phú về phát triển kinh tế biển',
    '27/02/2024 - 16:00',
    'Ngày 27-2-2024, Bí thư Tỉnh ủy Bến Tre cùng đoàn công tác của Ban Thường vụ Tỉnh ủy đã làm việc với Ban Thường vụ Huyện ủy Thạnh Phú về tình hình thực hiện nghị quyết năm 2024, trọng tâm là phát triển kinh tế biển.',
    'Thạnh Phú có lợi thế về điện gió, nuôi tôm công nghệ cao và du lịch sinh thái ven biển. Tuy nhiên, hạ tầng giao thông vùng ven biển còn thiếu; công tác bồi thường cho các dự án điện gió còn vướng mắc; đời sống một bộ phận người dân còn khó khăn, vẫn còn hộ ở nhà tạm, nhà dột nát.',
    'Bí thư Tỉnh ủy đề nghị huyện hỗ trợ nhà đầu tư hoàn thành bồi thường, giải phóng mặt bằng các dự án điện gió ven biển trong quý III/2024. Huyện phối hợp chặt chẽ với Sở Giao thông vận tải thi công Dự án đường giao thông ven biển đoạn qua huyện Thạnh Phú, phấn đấu thông xe toàn tuyến cuối năm 2026.',
    'Huyện xây dựng vùng nuôi tôm siêu thâm canh tập trung tại xã Thạnh Hải, đưa vào khai thác trong năm 2024; huy động các nguồn lực xóa nhà tạm, nhà dột nát cho hộ nghèo, hộ cận nghèo, hoàn thành trong năm 2025.',
  ].join('\n\n'),
  tasks: [
    {
      id: 't-006-01',
      quote:
        'hỗ trợ nhà đầu tư hoàn thành bồi thường, giải phóng mặt bằng các dự án điện gió ven biển trong quý III/2024',
      title: 'Bồi thường, giải phóng mặt bằng các dự án điện gió ven biển',
      description: 'Hỗ trợ nhà đầu tư hoàn thành bồi thường, giải phóng mặt bằng các dự án điện gió ven biển.',
      issuer: A006_ISSUER,
      assignee: A006_ASSIGNEE,
      localityCodes: ['837'],
      category: 'economy',
      flagship: false,
      deadline: { date: '2024-09-30', text: 'quý III/2024' },
      status: 'done',
      progress: 100,
      completedAt: '2024-12-10',
      updates: [
        update(
          '2024-06-14',
          'in_progress',
          50,
          'Chi trả bồi thường cho 96/158 hộ bị ảnh hưởng bởi 3 dự án điện gió.',
          UBND_THANH_PHU,
        ),
        update(
          '2024-09-30',
          'in_progress',
          85,
          'Còn 11 hộ chưa nhận tiền bồi thường do tranh chấp thừa kế.',
          UBND_THANH_PHU,
        ),
        update(
          '2024-12-10',
          'done',
          100,
          'Giải quyết xong tranh chấp; bàn giao toàn bộ mặt bằng cho nhà đầu tư.',
          UBND_THANH_PHU,
        ),
      ],
    },
    {
      id: 't-006-02',
      quote:
        'thi công Dự án đường giao thông ven biển đoạn qua huyện Thạnh Phú, phấn đấu thông xe toàn tuyến cuối năm 2026',
      title: 'Dự án đường giao thông ven biển đoạn qua Thạnh Phú',
      description: 'Phối hợp ngành giao thông thi công đường giao thông ven biển, thông xe toàn tuyến.',
      issuer: A006_ISSUER,
      assignee: A006_ASSIGNEE,
      localityCodes: ['837'],
      category: 'infrastructure',
      flagship: true,
      deadline: { date: '2026-12-31', text: 'cuối năm 2026' },
      status: 'in_progress',
      progress: 92,
      completedAt: null,
      updates: [
        update('2024-07-20', 'in_progress', 20, 'Bàn giao 80% mặt bằng; khởi công gói thầu nền đường.', UBND_THANH_PHU),
        update(
          '2025-05-28',
          'in_progress',
          50,
          'Hoàn thành nền đường 14 km; thi công 2 cầu trên tuyến.',
          UBND_THANH_PHU,
        ),
        update(
          '2025-11-18',
          'in_progress',
          75,
          'Tiếp nhận dự án sau sắp xếp; thảm bê tông nhựa 9 km.',
          SO_XD_VINH_LONG,
        ),
        update(
          '2026-10-30',
          'in_progress',
          92,
          'Hoàn thành 2 cầu trên tuyến; đang thảm nhựa 4 km cuối, dự kiến thông xe trước 25/12/2026.',
          SO_XD_VINH_LONG,
        ),
      ],
    },
    {
      id: 't-006-03',
      quote: 'xây dựng vùng nuôi tôm siêu thâm canh tập trung tại xã Thạnh Hải, đưa vào khai thác trong năm 2024',
      title: 'Vùng nuôi tôm siêu thâm canh tập trung xã Thạnh Hải',
      description: 'Quy hoạch, đầu tư hạ tầng và kêu gọi doanh nghiệp đầu tư vùng nuôi tôm siêu thâm canh tập trung.',
      issuer: A006_ISSUER,
      assignee: A006_ASSIGNEE,
      localityCodes: ['29221'],
      category: 'agriculture',
      flagship: false,
      deadline: { date: '2024-12-31', text: 'trong năm 2024' },
      status: 'paused',
      progress: 30,
      completedAt: null,
      updates: [
        update(
          '2024-05-22',
          'in_progress',
          20,
          'Quy hoạch 150 ha vùng nuôi; kêu gọi 4 doanh nghiệp tham gia.',
          UBND_THANH_PHU,
        ),
        update(
          '2024-10-15',
          'in_progress',
          30,
          'Hoàn thành kênh cấp nước; doanh nghiệp chậm đầu tư ao nuôi do giá tôm giảm.',
          UBND_THANH_PHU,
        ),
        update(
          '2025-03-20',
          'paused',
          30,
          'Tạm dừng: nhà đầu tư chính rút khỏi dự án; huyện rà soát lại phương án.',
          UBND_THANH_PHU,
        ),
        update(
          '2025-10-08',
          'paused',
          30,
          'Đề xuất UBND tỉnh Vĩnh Long chuyển sang mô hình tôm - rừng; đang chờ ý kiến.',
          'UBND xã Thạnh Hải',
        ),
      ],
    },
    {
      id: 't-006-04',
      quote: 'huy động các nguồn lực xóa nhà tạm, nhà dột nát cho hộ nghèo, hộ cận nghèo, hoàn thành trong năm 2025',
      title: 'Xóa nhà tạm, nhà dột nát cho hộ nghèo, hộ cận nghèo',
      description:
        'Huy động ngân sách, doanh nghiệp và cộng đồng xóa toàn bộ nhà tạm, nhà dột nát của hộ nghèo, hộ cận nghèo.',
      issuer: A006_ISSUER,
      assignee: A006_ASSIGNEE,
      localityCodes: ['837'],
      category: 'social_affairs',
      flagship: false,
      deadline: { date: '2025-12-31', text: 'trong năm 2025' },
      status: 'done',
      progress: 100,
      completedAt: '2025-08-25',
      updates: [
        update('2024-08-30', 'in_progress', 30, 'Khởi công 186/412 căn nhà.', UBND_THANH_PHU),
        update('2025-04-29', 'in_progress', 75, 'Bàn giao 310 căn nhà cho hộ nghèo, hộ cận nghèo.', UBND_THANH_PHU),
        update(
          '2025-08-25',
          'done',
          100,
          'Hoàn thành 412 căn; các xã Thạnh Phú, Đại Điền, Quới Điền, Thạnh Hải, An Qui, Thạnh Phong không còn nhà tạm.',
          'UBND xã Thạnh Phú',
        ),
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// a-007 · 10/09/2024 · huyện Phong Điền (926), Cần Thơ
// ---------------------------------------------------------------------------------------------------------------
const A007_ISSUER = 'UBND thành phố Cần Thơ (Chủ tịch UBND thành phố)';
const A007_ASSIGNEE = 'UBND huyện Phong Điền';

const a007: SampleArticleDef = {
  id: 'a-007',
  title: 'Chủ tịch UBND thành phố Cần Thơ làm việc với huyện Phong Điền',
  publisher: PUBLISHER,
  date: '2024-09-10',
  url: null,
  illustrative: true,
  body: [
    'Chủ tịch UBND thành phố Cần Thơ làm việc với huyện Phong Điền',
    '10/09/2024 - 11:15',
    'Ngày 10-9-2024, Chủ tịch UBND thành phố Cần Thơ đã làm việc với UBND huyện Phong Điền về tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2024 và định hướng phát triển du lịch sinh thái.',
    'Phong Điền có hệ thống vườn cây ăn trái, chợ nổi và nhiều điểm du lịch sinh thái, homestay thu hút đông du khách. Tuy nhiên, sản phẩm du lịch chưa đa dạng, hạ tầng kết nối còn hạn chế; nhiều đoạn bờ sông Cần Thơ qua thị trấn Phong Điền bị sạt lở, ảnh hưởng đến nhà dân và các điểm du lịch.',
    'Chủ tịch UBND thành phố giao huyện hoàn chỉnh Đề án phát triển du lịch sinh thái miệt vườn Phong Điền, trình UBND thành phố phê duyệt trong 6 tháng đầu năm 2025. Huyện phối hợp với Sở Giao thông vận tải đẩy nhanh tiến độ nâng cấp, mở rộng Đường tỉnh 923, hoàn thành trong năm 2026.',
    'Về phòng, chống thiên tai, huyện khẩn trương hoàn thành xử lý khẩn cấp các điểm sạt lở bờ sông Cần Thơ trên địa bàn trước 31/12/2024, bảo đảm an toàn tính mạng, tài sản của người dân.',
  ].join('\n\n'),
  tasks: [
    {
      id: 't-007-01',
      quote:
        'hoàn chỉnh Đề án phát triển du lịch sinh thái miệt vườn Phong Điền, trình UBND thành phố phê duyệt trong 6 tháng đầu năm 2025',
      title: 'Đề án phát triển du lịch sinh thái miệt vườn Phong Điền',
      description: 'Hoàn chỉnh Đề án phát triển du lịch sinh thái miệt vườn, trình UBND thành phố phê duyệt.',
      issuer: A007_ISSUER,
      assignee: A007_ASSIGNEE,
      localityCodes: ['926'],
      category: 'culture_tourism',
      flagship: true,
      deadline: { date: '2025-06-30', text: '6 tháng đầu năm 2025' },
      status: 'done',
      progress: 100,
      completedAt: '2025-06-20',
      updates: [
        update(
          '2024-12-05',
          'in_progress',
          40,
          'Hoàn thành dự thảo Đề án; lấy ý kiến các nhà vườn, homestay.',
          A007_ASSIGNEE,
        ),
        update(
          '2025-04-10',
          'in_progress',
          80,
          'Sở Văn hóa, Thể thao và Du lịch thẩm định, đề nghị bổ sung tuyến du lịch đường sông.',
          A007_ASSIGNEE,
        ),
        update(
          '2025-06-20',
          'done',
          100,
          'UBND thành phố phê duyệt Đề án trước khi huyện kết thúc hoạt động.',
          A007_ASSIGNEE,
        ),
      ],
    },
    {
      id: 't-007-02',
      quote: 'đẩy nhanh tiến độ nâng cấp, mở rộng Đường tỉnh 923, hoàn thành trong năm 2026',
      title: 'Nâng cấp, mở rộng Đường tỉnh 923',
      description: 'Phối hợp ngành giao thông đẩy nhanh bồi thường và thi công nâng cấp, mở rộng Đường tỉnh 923.',
      issuer: A007_ISSUER,
      assignee: A007_ASSIGNEE,
      localityCodes: ['926'],
      category: 'infrastructure',
      flagship: false,
      deadline: { date: '2026-12-31', text: 'trong năm 2026' },
      status: 'in_progress',
      progress: 80,
      completedAt: null,
      updates: [
        update(
          '2024-12-20',
          'in_progress',
          25,
          'Hoàn thành bồi thường đoạn qua thị trấn Phong Điền; thi công nền đường.',
          A007_ASSIGNEE,
        ),
        update(
          '2025-09-18',
          'in_progress',
          55,
          'Tiếp nhận dự án sau sắp xếp; hoàn thành 5 km mặt đường.',
          'Sở Xây dựng thành phố Cần Thơ',
        ),
        update(
          '2026-10-22',
          'in_progress',
          80,
          'Còn 1,5 km qua xã Phong Điền chưa thảm nhựa; nhà thầu cam kết xong trong tháng 12.',
          'Sở Xây dựng thành phố Cần Thơ',
        ),
      ],
    },
    {
      id: 't-007-03',
      quote: 'hoàn thành xử lý khẩn cấp các điểm sạt lở bờ sông Cần Thơ trên địa bàn trước 31/12/2024',
      title: 'Xử lý khẩn cấp các điểm sạt lở bờ sông Cần Thơ',
      description: 'Xử lý khẩn cấp các điểm sạt lở bờ sông Cần Thơ, bảo đảm an toàn tính mạng, tài sản của người dân.',
      issuer: A007_ISSUER,
      assignee: A007_ASSIGNEE,
      localityCodes: ['31299'],
      category: 'environment',
      flagship: false,
      deadline: { date: '2024-12-31', text: 'trước 31/12/2024' },
      status: 'in_progress',
      progress: 70,
      completedAt: null,
      updates: [
        update('2024-10-25', 'in_progress', 30, 'Gia cố tạm 4/9 điểm sạt lở bằng cừ tràm, bao cát.', A007_ASSIGNEE),
        update(
          '2024-12-30',
          'in_progress',
          50,
          'Xử lý xong 6/9 điểm; 3 điểm cần kè kiên cố, đang chờ vốn.',
          A007_ASSIGNEE,
        ),
        update(
          '2025-11-12',
          'in_progress',
          60,
          'Được giao tiếp tục thực hiện; khởi công kè kiên cố tại 3 điểm còn lại.',
          'UBND xã Phong Điền',
        ),
        update(
          '2026-09-24',
          'in_progress',
          70,
          'Kè kiên cố đạt 70% khối lượng; các điểm mới phát sinh được gia cố tạm theo chỉ đạo ngày 8/7/2026.',
          'UBND xã Phong Điền',
        ),
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// a-008 · 18/03/2025 · huyện Bình Đại (835), Bến Tre (before the reform)
// ---------------------------------------------------------------------------------------------------------------
const A008_ISSUER = 'Ban Thường vụ Tỉnh ủy Bến Tre (Bí thư Tỉnh ủy)';
const A008_ASSIGNEE = 'Ban Thường vụ Huyện ủy Bình Đại';
const HUYEN_UY_BINH_DAI = 'Văn phòng Huyện ủy Bình Đại';

const a008: SampleArticleDef = {
  id: 'a-008',
  title: 'Thông báo kết luận của Bí thư Tỉnh ủy tại buổi làm việc với Ban Thường vụ Huyện ủy Bình Đại',
  publisher: PUBLISHER,
  date: '2025-03-18',
  url: null,
  illustrative: true,
  body: [
    'Thông báo kết luận của Bí thư Tỉnh ủy tại buổi làm việc với Ban Thường vụ Huyện ủy Bình Đại',
    '18/03/2025 - 09:40',
    'Văn phòng Tỉnh ủy Bến Tre vừa ban hành thông báo kết luận của Bí thư Tỉnh ủy tại buổi làm việc với Ban Thường vụ Huyện ủy Bình Đại ngày 18-3-2025 về việc thực hiện chủ trương sắp xếp tổ chức bộ máy và nhiệm vụ phát triển kinh tế - xã hội năm 2025.',
    'Bí thư Tỉnh ủy ghi nhận Huyện ủy đã chủ động quán triệt chủ trương kết thúc hoạt động cấp huyện, sắp xếp đơn vị hành chính cấp xã; tư tưởng cán bộ, đảng viên cơ bản ổn định. Kinh tế thủy sản tiếp tục là thế mạnh, tuy nhiên hạ tầng cảng cá, khu neo đậu tàu thuyền chưa đáp ứng yêu cầu.',
    'Bí thư Tỉnh ủy yêu cầu Ban Thường vụ Huyện ủy lãnh đạo hoàn thành việc sắp xếp tổ chức bộ máy, chuẩn bị nhân sự cho các xã mới trước 30/6/2025. Huyện rà soát, bàn giao đầy đủ hồ sơ, tài sản, trụ sở cho các xã mới trong quý III/2025, không để thất thoát, lãng phí.',
    'Huyện tiếp tục phối hợp với các sở, ngành đẩy nhanh tiến độ Dự án khu neo đậu tránh trú bão kết hợp cảng cá Bình Thắng, hoàn thành cuối năm 2025. Đồng thời, tăng cường tuyên truyền, kiểm soát tàu cá, chống khai thác hải sản bất hợp pháp, không báo cáo và không theo quy định (IUU).',
  ].join('\n\n'),
  tasks: [
    {
      id: 't-008-01',
      quote: 'lãnh đạo hoàn thành việc sắp xếp tổ chức bộ máy, chuẩn bị nhân sự cho các xã mới trước 30/6/2025',
      title: 'Sắp xếp tổ chức bộ máy, chuẩn bị nhân sự cho các xã mới',
      description:
        'Hoàn thành sắp xếp tổ chức bộ máy và bố trí nhân sự cho các xã mới trước khi kết thúc hoạt động cấp huyện.',
      issuer: A008_ISSUER,
      assignee: A008_ASSIGNEE,
      localityCodes: ['835'],
      category: 'party_building',
      flagship: false,
      deadline: { date: '2025-06-30', text: 'trước 30/6/2025' },
      status: 'done',
      progress: 100,
      completedAt: '2025-06-28',
      updates: [
        update(
          '2025-04-25',
          'in_progress',
          50,
          'Xây dựng phương án sắp xếp 19 xã, thị trấn thành 7 xã mới; 96% cử tri đồng thuận.',
          HUYEN_UY_BINH_DAI,
        ),
        update(
          '2025-06-28',
          'done',
          100,
          'Hoàn thành bố trí nhân sự cho 7 xã mới; Huyện ủy kết thúc hoạt động theo kế hoạch.',
          HUYEN_UY_BINH_DAI,
        ),
      ],
    },
    {
      id: 't-008-02',
      quote: 'rà soát, bàn giao đầy đủ hồ sơ, tài sản, trụ sở cho các xã mới trong quý III/2025',
      title: 'Bàn giao hồ sơ, tài sản, trụ sở cho các xã mới',
      description: 'Rà soát, bàn giao đầy đủ hồ sơ, tài sản, trụ sở cho các xã mới; không để thất thoát, lãng phí.',
      issuer: A008_ISSUER,
      assignee: A008_ASSIGNEE,
      localityCodes: ['835'],
      category: 'administration',
      flagship: false,
      deadline: { date: '2025-09-30', text: 'quý III/2025' },
      status: 'done',
      progress: 100,
      completedAt: '2025-10-20',
      updates: [
        update(
          '2025-06-30',
          'in_progress',
          60,
          'Bàn giao hồ sơ lưu trữ, con dấu; tài sản, trụ sở chưa có phương án sử dụng.',
          'UBND huyện Bình Đại',
        ),
        update(
          '2025-09-29',
          'in_progress',
          85,
          'Còn 5 trụ sở dôi dư chưa có phương án xử lý được duyệt.',
          'UBND xã Bình Đại',
        ),
        update(
          '2025-10-20',
          'done',
          100,
          'UBND tỉnh Vĩnh Long phê duyệt phương án sử dụng trụ sở dôi dư; hoàn thành bàn giao.',
          'UBND xã Bình Đại',
        ),
      ],
    },
    {
      id: 't-008-03',
      quote: 'đẩy nhanh tiến độ Dự án khu neo đậu tránh trú bão kết hợp cảng cá Bình Thắng, hoàn thành cuối năm 2025',
      title: 'Dự án khu neo đậu tránh trú bão kết hợp cảng cá Bình Thắng',
      description: 'Phối hợp các sở, ngành đẩy nhanh thi công khu neo đậu tránh trú bão cho tàu cá kết hợp cảng cá.',
      issuer: A008_ISSUER,
      assignee: A008_ASSIGNEE,
      localityCodes: ['29092'],
      category: 'infrastructure',
      flagship: true,
      deadline: { date: '2025-12-31', text: 'cuối năm 2025' },
      status: 'in_progress',
      progress: 80,
      completedAt: null,
      updates: [
        update(
          '2025-05-15',
          'in_progress',
          55,
          'Hoàn thành nạo vét vũng neo đậu; thi công kè bảo vệ.',
          'UBND huyện Bình Đại',
        ),
        update(
          '2025-12-22',
          'in_progress',
          70,
          'Xong kè bảo vệ và luồng vào; cầu cảng chậm do thiếu đá xây dựng.',
          SO_NN_VINH_LONG,
        ),
        update(
          '2026-09-10',
          'in_progress',
          80,
          'Thi công cầu cảng đạt 60%; dự kiến hoàn thành trong quý II/2027.',
          SO_NN_VINH_LONG,
        ),
      ],
    },
    {
      id: 't-008-04',
      quote: 'tăng cường tuyên truyền, kiểm soát tàu cá, chống khai thác hải sản bất hợp pháp',
      title: 'Kiểm soát tàu cá, chống khai thác hải sản bất hợp pháp (IUU)',
      description:
        'Tuyên truyền ngư dân, kiểm soát tàu cá ra vào cửa biển, chống khai thác hải sản bất hợp pháp, không báo cáo và không theo quy định.',
      issuer: A008_ISSUER,
      assignee: A008_ASSIGNEE,
      localityCodes: ['835'],
      category: 'agriculture',
      flagship: false,
      deadline: null,
      status: 'in_progress',
      progress: 65,
      completedAt: null,
      updates: [
        update(
          '2025-05-30',
          'in_progress',
          40,
          '100% tàu cá dài từ 15 m trở lên lắp thiết bị giám sát hành trình.',
          'UBND huyện Bình Đại',
        ),
        update(
          '2026-07-16',
          'in_progress',
          65,
          'Các xã ven biển phối hợp Bộ đội Biên phòng kiểm soát tàu cá; không phát sinh tàu vi phạm vùng biển nước ngoài.',
          'UBND xã Bình Đại',
        ),
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// a-009 · 12/08/2025 · xã Chợ Lách (28870), xã Phú Phụng (28879), tỉnh Vĩnh Long (after the reform)
// ---------------------------------------------------------------------------------------------------------------
const A009_ISSUER = 'UBND tỉnh Vĩnh Long (Chủ tịch UBND tỉnh)';
const UBND_CHO_LACH = 'UBND xã Chợ Lách';
const UBND_PHU_PHUNG = 'UBND xã Phú Phụng';
const BOTH_COMMUNES = 'UBND xã Chợ Lách, UBND xã Phú Phụng';

const a009: SampleArticleDef = {
  id: 'a-009',
  title: 'Chủ tịch UBND tỉnh Vĩnh Long làm việc với xã Chợ Lách và xã Phú Phụng',
  publisher: PUBLISHER,
  date: '2025-08-12',
  url: null,
  illustrative: true,
  body: [
    'Chủ tịch UBND tỉnh Vĩnh Long làm việc với xã Chợ Lách và xã Phú Phụng',
    '12/08/2025 - 17:30',
    'Ngày 12-8-2025, Chủ tịch UBND tỉnh Vĩnh Long đã làm việc với Đảng ủy, UBND xã Chợ Lách và xã Phú Phụng về tình hình vận hành chính quyền địa phương hai cấp và phát triển kinh tế - xã hội sau sắp xếp đơn vị hành chính.',
    'Sau hơn một tháng đi vào hoạt động, bộ máy hai xã vận hành ổn định; Trung tâm phục vụ hành chính công xã Chợ Lách đã tiếp nhận, giải quyết hơn 1.200 hồ sơ. Tuy vậy, trụ sở làm việc còn chật, trang thiết bị chưa đồng bộ; dữ liệu đất đai chưa được số hóa đầy đủ; vùng sản xuất cây giống, hoa kiểng còn manh mún.',
    'Chủ tịch UBND tỉnh yêu cầu xã Chợ Lách hoàn thiện cơ sở vật chất, trang thiết bị Trung tâm phục vụ hành chính công xã trước 30/9/2025. Hai xã phối hợp với Sở Nông nghiệp và Môi trường hoàn thành số hóa hồ sơ địa chính trong tháng 12/2025, phục vụ cấp giấy chứng nhận quyền sử dụng đất trực tuyến.',
    'Xã Phú Phụng xây dựng Đề án vùng sản xuất cây giống, hoa kiểng chất lượng cao, trình UBND tỉnh trước 30/11/2026. Hai xã cùng các sở, ngành đầu tư tuyến đường liên xã Chợ Lách - Phú Phụng, hoàn thành trong năm 2027, kết nối các vườn cây giống với Quốc lộ 57.',
  ].join('\n\n'),
  tasks: [
    {
      id: 't-009-01',
      quote: 'hoàn thiện cơ sở vật chất, trang thiết bị Trung tâm phục vụ hành chính công xã trước 30/9/2025',
      title: 'Hoàn thiện cơ sở vật chất Trung tâm phục vụ hành chính công xã Chợ Lách',
      description: 'Bố trí trụ sở, trang thiết bị cho Trung tâm phục vụ hành chính công xã.',
      issuer: A009_ISSUER,
      assignee: UBND_CHO_LACH,
      localityCodes: ['28870'],
      category: 'administration',
      flagship: false,
      deadline: { date: '2025-09-30', text: 'trước 30/9/2025' },
      status: 'done',
      progress: 100,
      completedAt: '2025-09-25',
      updates: [
        update(
          '2025-08-29',
          'in_progress',
          50,
          'Bố trí thêm 4 quầy tiếp nhận, lắp đặt máy lấy số tự động.',
          UBND_CHO_LACH,
        ),
        update(
          '2025-09-25',
          'done',
          100,
          'Hoàn thành bố trí trụ sở, trang thiết bị; Trung tâm vận hành đầy đủ.',
          UBND_CHO_LACH,
        ),
      ],
    },
    {
      id: 't-009-02',
      quote: 'hoàn thành số hóa hồ sơ địa chính trong tháng 12/2025',
      title: 'Số hóa hồ sơ địa chính xã Chợ Lách và xã Phú Phụng',
      description:
        'Phối hợp Sở Nông nghiệp và Môi trường số hóa hồ sơ địa chính, phục vụ cấp giấy chứng nhận trực tuyến.',
      issuer: A009_ISSUER,
      assignee: BOTH_COMMUNES,
      localityCodes: ['28870', '28879'],
      category: 'administration',
      flagship: false,
      deadline: { date: '2025-12-31', text: 'tháng 12/2025' },
      status: 'done',
      progress: 100,
      completedAt: '2026-02-10',
      updates: [
        update('2025-10-15', 'in_progress', 40, 'Số hóa 40% hồ sơ địa chính của hai xã.', UBND_CHO_LACH),
        update(
          '2025-12-30',
          'in_progress',
          80,
          'Số hóa 82% hồ sơ; phần còn lại là hồ sơ giấy cũ bị hư hỏng, cần phục hồi.',
          UBND_CHO_LACH,
        ),
        update('2026-02-10', 'done', 100, 'Hoàn thành số hóa, kết nối cơ sở dữ liệu đất đai của tỉnh.', UBND_PHU_PHUNG),
      ],
    },
    {
      id: 't-009-03',
      quote: 'xây dựng Đề án vùng sản xuất cây giống, hoa kiểng chất lượng cao, trình UBND tỉnh trước 30/11/2026',
      title: 'Đề án vùng sản xuất cây giống, hoa kiểng chất lượng cao xã Phú Phụng',
      description: 'Xây dựng Đề án vùng sản xuất cây giống, hoa kiểng chất lượng cao, trình UBND tỉnh phê duyệt.',
      issuer: A009_ISSUER,
      assignee: UBND_PHU_PHUNG,
      localityCodes: ['28879'],
      category: 'agriculture',
      flagship: true,
      deadline: { date: '2026-11-30', text: 'trước 30/11/2026' },
      status: 'in_progress',
      progress: 85,
      completedAt: null,
      updates: [
        update(
          '2025-11-20',
          'in_progress',
          20,
          'Khảo sát 1.350 hộ sản xuất cây giống, hoa kiểng; xác định vùng lõi 420 ha.',
          UBND_PHU_PHUNG,
        ),
        update(
          '2026-05-22',
          'in_progress',
          55,
          'Hoàn thành dự thảo Đề án, lấy ý kiến nhà vườn và các hợp tác xã.',
          UBND_PHU_PHUNG,
        ),
        update(
          '2026-11-18',
          'in_progress',
          85,
          'Sở Nông nghiệp và Môi trường góp ý lần cuối; còn chỉnh sửa nhiều nội dung, dự kiến trình UBND tỉnh trong tháng 12/2026.',
          UBND_PHU_PHUNG,
        ),
      ],
    },
    {
      id: 't-009-04',
      quote: 'đầu tư tuyến đường liên xã Chợ Lách - Phú Phụng, hoàn thành trong năm 2027',
      title: 'Đầu tư tuyến đường liên xã Chợ Lách - Phú Phụng',
      description: 'Cùng các sở, ngành đầu tư tuyến đường liên xã kết nối các vườn cây giống với Quốc lộ 57.',
      issuer: A009_ISSUER,
      assignee: BOTH_COMMUNES,
      localityCodes: ['28870', '28879'],
      category: 'infrastructure',
      flagship: false,
      deadline: { date: '2027-12-31', text: 'trong năm 2027' },
      status: 'in_progress',
      progress: 30,
      completedAt: null,
      updates: [
        update(
          '2026-03-12',
          'in_progress',
          10,
          'UBND tỉnh phê duyệt chủ trương đầu tư tuyến đường dài 6,5 km.',
          SO_XD_VINH_LONG,
        ),
        update(
          '2026-10-05',
          'in_progress',
          30,
          'Hoàn thành kiểm đếm, niêm yết phương án bồi thường cho 146 hộ.',
          UBND_CHO_LACH,
        ),
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// a-010 · 20/01/2026 · xã Ba Tri (29110), xã Giồng Trôm (28984), tỉnh Vĩnh Long
// ---------------------------------------------------------------------------------------------------------------
const A010_ISSUER = 'Ban Thường vụ Tỉnh ủy Vĩnh Long (Bí thư Tỉnh ủy)';
const DANG_UY_BA_TRI = 'Ban Thường vụ Đảng ủy xã Ba Tri';
const DANG_UY_GIONG_TROM = 'Ban Thường vụ Đảng ủy xã Giồng Trôm';

const a010: SampleArticleDef = {
  id: 'a-010',
  title: 'Bí thư Tỉnh ủy Vĩnh Long làm việc với Đảng ủy xã Giồng Trôm và xã Ba Tri',
  publisher: PUBLISHER,
  date: '2026-01-20',
  url: null,
  illustrative: true,
  body: [
    'Bí thư Tỉnh ủy Vĩnh Long làm việc với Đảng ủy xã Giồng Trôm và xã Ba Tri',
    '20/01/2026 - 18:05',
    'Ngày 20-1-2026, Bí thư Tỉnh ủy Vĩnh Long đã làm việc với Ban Thường vụ Đảng ủy xã Giồng Trôm và xã Ba Tri về kết quả thực hiện nhiệm vụ năm 2025 và nhiệm vụ trọng tâm năm 2026.',
    'Năm 2025, hai xã hoàn thành 17/19 chỉ tiêu nghị quyết; chính quyền địa phương hai cấp vận hành thông suốt. Tuy nhiên, hạ tầng giao thông kết nối vùng ven biển còn hạn chế, chuyển đổi số ở cơ sở chưa đồng bộ, một số khoản thu ngân sách đạt thấp.',
    'Bí thư Tỉnh ủy đề nghị xã Ba Tri phối hợp với Sở Xây dựng hoàn thành bồi thường, giải phóng mặt bằng và thi công Dự án nâng cấp Đường tỉnh 885 đoạn qua xã trong quý I/2027; phấn đấu thu ngân sách đạt trên 55% dự toán trong 6 tháng đầu năm 2026.',
    'Xã Giồng Trôm hoàn thành kết nối, vận hành hệ thống quản lý văn bản và hồ sơ công việc liên thông từ tỉnh đến ấp trước 01/12/2026; hoàn thành cải tạo, nâng cấp chợ Giồng Trôm trước 30/6/2026; xây dựng Trung tâm Văn hóa - Thể thao xã, đưa vào sử dụng trong quý III/2026.',
  ].join('\n\n'),
  tasks: [
    {
      id: 't-010-01',
      quote:
        'hoàn thành bồi thường, giải phóng mặt bằng và thi công Dự án nâng cấp Đường tỉnh 885 đoạn qua xã trong quý I/2027',
      title: 'Dự án nâng cấp Đường tỉnh 885 đoạn qua xã Ba Tri',
      description:
        'Phối hợp Sở Xây dựng hoàn thành bồi thường, giải phóng mặt bằng và thi công nâng cấp Đường tỉnh 885.',
      issuer: A010_ISSUER,
      assignee: DANG_UY_BA_TRI,
      localityCodes: ['29110'],
      category: 'infrastructure',
      flagship: true,
      deadline: { date: '2027-03-31', text: 'quý I/2027' },
      status: 'in_progress',
      progress: 45,
      completedAt: null,
      updates: [
        update(
          '2026-03-25',
          'in_progress',
          20,
          'Chi trả bồi thường cho 88/120 hộ; khởi công gói thầu nền đường.',
          'UBND xã Ba Tri',
        ),
        update(
          '2026-09-30',
          'in_progress',
          45,
          'Bàn giao toàn bộ mặt bằng; hoàn thành 3/7 km nền đường.',
          SO_XD_VINH_LONG,
        ),
      ],
    },
    {
      id: 't-010-02',
      quote: 'phấn đấu thu ngân sách đạt trên 55% dự toán trong 6 tháng đầu năm 2026',
      title: 'Thu ngân sách xã Ba Tri đạt trên 55% dự toán 6 tháng đầu năm 2026',
      description: 'Tăng cường quản lý nguồn thu, phấn đấu thu ngân sách 6 tháng đầu năm đạt trên 55% dự toán.',
      issuer: A010_ISSUER,
      assignee: DANG_UY_BA_TRI,
      localityCodes: ['29110'],
      category: 'economy',
      flagship: false,
      deadline: { date: '2026-06-30', text: '6 tháng đầu năm 2026' },
      status: 'done',
      progress: 100,
      completedAt: '2026-06-26',
      updates: [
        update('2026-03-31', 'in_progress', 50, 'Thu ngân sách quý I đạt 29% dự toán.', 'UBND xã Ba Tri'),
        update('2026-06-26', 'done', 100, 'Thu ngân sách 6 tháng đạt 57,4% dự toán.', 'UBND xã Ba Tri'),
      ],
    },
    {
      id: 't-010-03',
      quote:
        'hoàn thành kết nối, vận hành hệ thống quản lý văn bản và hồ sơ công việc liên thông từ tỉnh đến ấp trước 01/12/2026',
      title: 'Vận hành hệ thống quản lý văn bản và hồ sơ công việc liên thông',
      description: 'Kết nối, vận hành hệ thống quản lý văn bản và hồ sơ công việc liên thông từ tỉnh đến ấp.',
      issuer: A010_ISSUER,
      assignee: DANG_UY_GIONG_TROM,
      localityCodes: ['28984'],
      category: 'administration',
      flagship: false,
      deadline: { date: '2026-12-01', text: 'trước 01/12/2026' },
      status: 'in_progress',
      progress: 90,
      completedAt: null,
      updates: [
        update('2026-04-14', 'in_progress', 40, 'Cấp chữ ký số cho 100% cán bộ, công chức xã.', 'UBND xã Giồng Trôm'),
        update(
          '2026-11-20',
          'in_progress',
          90,
          'Đã kết nối 14/16 ấp; 2 ấp còn chờ nâng cấp đường truyền.',
          'UBND xã Giồng Trôm',
        ),
      ],
    },
    {
      id: 't-010-04',
      quote: 'hoàn thành cải tạo, nâng cấp chợ Giồng Trôm trước 30/6/2026',
      title: 'Cải tạo, nâng cấp chợ Giồng Trôm',
      description: 'Cải tạo, nâng cấp nhà lồng chợ và hệ thống phòng cháy, chữa cháy của chợ Giồng Trôm.',
      issuer: A010_ISSUER,
      assignee: DANG_UY_GIONG_TROM,
      localityCodes: ['28984'],
      category: 'economy',
      flagship: false,
      deadline: { date: '2026-06-30', text: 'trước 30/6/2026' },
      status: 'cancelled',
      progress: 10,
      completedAt: null,
      updates: [
        update(
          '2026-02-24',
          'in_progress',
          10,
          'Lập hồ sơ kêu gọi đầu tư cải tạo chợ theo hình thức xã hội hóa.',
          'UBND xã Giồng Trôm',
        ),
        update(
          '2026-05-08',
          'cancelled',
          10,
          'Dừng thực hiện: UBND tỉnh chủ trương xây dựng chợ mới tại vị trí khác theo quy hoạch.',
          'UBND xã Giồng Trôm',
        ),
      ],
    },
    {
      id: 't-010-05',
      quote: 'xây dựng Trung tâm Văn hóa - Thể thao xã, đưa vào sử dụng trong quý III/2026',
      title: 'Xây dựng Trung tâm Văn hóa - Thể thao xã Giồng Trôm',
      description: 'Xây dựng Trung tâm Văn hóa - Thể thao xã và đưa vào sử dụng.',
      issuer: A010_ISSUER,
      assignee: DANG_UY_GIONG_TROM,
      localityCodes: ['28984'],
      category: 'culture_tourism',
      flagship: false,
      deadline: { date: '2026-09-30', text: 'quý III/2026' },
      status: 'in_progress',
      progress: 75,
      completedAt: null,
      updates: [
        update(
          '2026-03-05',
          'in_progress',
          15,
          'Khởi công Trung tâm Văn hóa - Thể thao xã trên khuôn viên trụ sở huyện cũ.',
          'UBND xã Giồng Trôm',
        ),
        update(
          '2026-09-28',
          'in_progress',
          60,
          'Xong nhà thi đấu; sân bóng và hệ thống điện chậm do mưa kéo dài.',
          'UBND xã Giồng Trôm',
        ),
        update(
          '2026-11-16',
          'in_progress',
          75,
          'Còn hạng mục sân bóng; dự kiến đưa vào sử dụng trong tháng 1/2027.',
          'UBND xã Giồng Trôm',
        ),
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// a-011 · 08/07/2026 · phường Cái Răng (31186), xã Phong Điền (31299), thành phố Cần Thơ
// ---------------------------------------------------------------------------------------------------------------
const A011_ISSUER = 'UBND thành phố Cần Thơ (Chủ tịch UBND thành phố)';
const UBND_CAI_RANG = 'UBND phường Cái Răng';
const UBND_PHONG_DIEN = 'UBND xã Phong Điền';

const a011: SampleArticleDef = {
  id: 'a-011',
  title:
    'Thông báo kết luận của Chủ tịch UBND thành phố Cần Thơ tại buổi làm việc với phường Cái Răng và xã Phong Điền',
  publisher: PUBLISHER,
  date: '2026-07-08',
  url: null,
  illustrative: true,
  body: [
    'Thông báo kết luận của Chủ tịch UBND thành phố Cần Thơ tại buổi làm việc với phường Cái Răng và xã Phong Điền',
    '08/07/2026 - 15:20',
    'Văn phòng UBND thành phố Cần Thơ vừa ban hành thông báo kết luận của Chủ tịch UBND thành phố tại buổi làm việc với UBND phường Cái Răng và UBND xã Phong Điền ngày 8-7-2026 về phát triển du lịch sông nước và phòng, chống sạt lở.',
    'Chợ nổi Cái Răng và các vườn cây ăn trái ở xã Phong Điền là những sản phẩm du lịch chủ lực của thành phố. Tuy nhiên, số ghe xuồng buôn bán trên chợ nổi ngày càng giảm; bờ sông Cần Thơ đoạn qua xã Phong Điền tiếp tục sạt lở vào mùa mưa; giao thông kết nối giữa phường và xã còn khó khăn.',
    'Chủ tịch UBND thành phố giao UBND phường Cái Răng hoàn chỉnh Đề án bảo tồn và phát triển Chợ nổi Cái Răng, trình UBND thành phố trước 30/11/2026. UBND xã Phong Điền khẩn trương gia cố các điểm sạt lở bờ sông Cần Thơ, hoàn thành trước 15/8/2026, trước mùa triều cường; hoàn thiện hồ sơ công nhận điểm du lịch cộng đồng Mỹ Khánh trong tháng 11/2026.',
    'Phường Cái Răng và xã Phong Điền phối hợp với Sở Xây dựng hoàn thành bồi thường, giải phóng mặt bằng tuyến đường kết nối phường Cái Răng với xã Phong Điền trong quý II/2027.',
  ].join('\n\n'),
  tasks: [
    {
      id: 't-011-01',
      quote: 'hoàn chỉnh Đề án bảo tồn và phát triển Chợ nổi Cái Răng, trình UBND thành phố trước 30/11/2026',
      title: 'Đề án bảo tồn và phát triển Chợ nổi Cái Răng',
      description: 'Hoàn chỉnh Đề án bảo tồn và phát triển Chợ nổi Cái Răng, trình UBND thành phố phê duyệt.',
      issuer: A011_ISSUER,
      assignee: UBND_CAI_RANG,
      localityCodes: ['31186'],
      category: 'culture_tourism',
      flagship: true,
      deadline: { date: '2026-11-30', text: 'trước 30/11/2026' },
      status: 'in_progress',
      progress: 80,
      completedAt: null,
      updates: [
        update(
          '2026-08-20',
          'in_progress',
          35,
          'Khảo sát 312 hộ buôn bán trên chợ nổi; tổ chức tọa đàm với các chuyên gia văn hóa.',
          UBND_CAI_RANG,
        ),
        update(
          '2026-11-10',
          'in_progress',
          80,
          'Hoàn thành dự thảo Đề án; đang lấy ý kiến các sở, ngành trước khi trình.',
          UBND_CAI_RANG,
        ),
      ],
    },
    {
      id: 't-011-02',
      quote: 'khẩn trương gia cố các điểm sạt lở bờ sông Cần Thơ, hoàn thành trước 15/8/2026',
      title: 'Gia cố các điểm sạt lở bờ sông Cần Thơ trước mùa triều cường',
      description: 'Gia cố các điểm sạt lở mới phát sinh trên bờ sông Cần Thơ đoạn qua xã, trước mùa triều cường.',
      issuer: A011_ISSUER,
      assignee: UBND_PHONG_DIEN,
      localityCodes: ['31299'],
      category: 'environment',
      flagship: false,
      deadline: { date: '2026-08-15', text: 'trước 15/8/2026' },
      status: 'done',
      progress: 100,
      completedAt: '2026-08-12',
      updates: [
        update(
          '2026-07-24',
          'in_progress',
          60,
          'Gia cố bằng cừ tràm, bao cát 3/5 điểm sạt lở mới phát sinh.',
          UBND_PHONG_DIEN,
        ),
        update(
          '2026-08-12',
          'done',
          100,
          'Hoàn thành gia cố 5/5 điểm; cắm biển cảnh báo, di dời 6 hộ dân.',
          UBND_PHONG_DIEN,
        ),
      ],
    },
    {
      id: 't-011-03',
      quote: 'hoàn thiện hồ sơ công nhận điểm du lịch cộng đồng Mỹ Khánh trong tháng 11/2026',
      title: 'Hồ sơ công nhận điểm du lịch cộng đồng Mỹ Khánh',
      description: 'Hoàn thiện hồ sơ đề nghị công nhận điểm du lịch cộng đồng gắn với vườn cây ăn trái.',
      issuer: A011_ISSUER,
      assignee: UBND_PHONG_DIEN,
      localityCodes: ['31299'],
      category: 'culture_tourism',
      flagship: false,
      deadline: { date: '2026-11-30', text: 'tháng 11/2026' },
      status: 'in_progress',
      progress: 70,
      completedAt: null,
      updates: [
        update('2026-09-08', 'in_progress', 30, 'Thành lập tổ du lịch cộng đồng với 18 hộ tham gia.', UBND_PHONG_DIEN),
        update(
          '2026-11-05',
          'in_progress',
          70,
          'Hoàn thiện bảng chỉ dẫn, nhà vệ sinh đạt chuẩn; đang hoàn chỉnh thuyết minh hồ sơ.',
          UBND_PHONG_DIEN,
        ),
      ],
    },
    {
      id: 't-011-04',
      quote:
        'hoàn thành bồi thường, giải phóng mặt bằng tuyến đường kết nối phường Cái Răng với xã Phong Điền trong quý II/2027',
      title: 'Bồi thường, giải phóng mặt bằng tuyến đường kết nối Cái Răng - Phong Điền',
      description: 'Phối hợp Sở Xây dựng hoàn thành bồi thường, giải phóng mặt bằng tuyến đường kết nối phường và xã.',
      issuer: A011_ISSUER,
      assignee: `${UBND_CAI_RANG}, ${UBND_PHONG_DIEN}`,
      localityCodes: ['31186', '31299'],
      category: 'infrastructure',
      flagship: false,
      deadline: { date: '2027-06-30', text: 'quý II/2027' },
      status: 'in_progress',
      progress: 25,
      completedAt: null,
      updates: [
        update(
          '2026-10-15',
          'in_progress',
          25,
          'Hoàn thành đo đạc, kiểm đếm 204 hộ bị ảnh hưởng.',
          'Sở Xây dựng thành phố Cần Thơ',
        ),
      ],
    },
  ],
};

export const illustrativeArticles: SampleArticleDef[] = [
  a001,
  a002,
  a003,
  a004,
  a005,
  a006,
  a007,
  a008,
  a009,
  a010,
  a011,
];
