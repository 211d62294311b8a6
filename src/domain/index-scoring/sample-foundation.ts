import type { Criterion } from "./types.ts";

// SAMPLE (MẪU) criteria of the foundation pillars (nhóm chỉ số nền tảng) for
// SAMPLE_FRAMEWORK: wording modelled on published provincial indices ("BCĐ họp 4 lần/năm
// 20đ", "Điểm = a/b × Điểm tối đa"), not copied from one.
export const ALL = ["SO_DVC", "SO_KHAC", "HUYEN"];
export const STTTT = "Sở Thông tin và Truyền thông";
export const REPORT = "Báo cáo của đơn vị";

const HEAD_OPTIONS = [
  {
    code: "NGUOI_DUNG_DAU",
    labelVi: "Người đứng đầu là Trưởng ban",
    labelEn: "The head chairs it",
    share: 1,
  },
  { code: "CAP_PHO", labelVi: "Cấp phó là Trưởng ban", labelEn: "A deputy chairs it", share: 0.5 },
  { code: "KHONG", labelVi: "Chưa thành lập", labelEn: "None", share: 0 },
];

const awareness: Criterion[] = [
  {
    code: "1.1",
    pillar: "NTS",
    groups: ALL,
    nameVi: "Người đứng đầu là Trưởng Ban chỉ đạo chuyển đổi số",
    nameEn: "The head of the unit chairs the digital transformation steering committee",
    maxPoints: 20,
    method: { kind: "tiers", options: HEAD_OPTIONS },
    methodNoteVi: "Người đứng đầu: điểm tối đa; cấp phó: 1/2 điểm tối đa; chưa thành lập: 0 điểm",
    evidenceRequired: "Số hiệu, ngày, trích yếu quyết định thành lập/kiện toàn Ban chỉ đạo",
    dataSource: REPORT,
    verifyingUnit: STTTT,
  },
  {
    code: "1.2",
    pillar: "NTS",
    groups: ALL,
    nameVi: "Số cuộc họp của Ban chỉ đạo chuyển đổi số trong năm",
    nameEn: "Meetings of the steering committee in the year",
    maxPoints: 20,
    method: {
      kind: "count_thresholds",
      thresholds: [
        { atLeast: 4, points: 20 },
        { atLeast: 3, points: 15 },
        { atLeast: 2, points: 10 },
        { atLeast: 1, points: 5 },
      ],
    },
    methodNoteVi: "Họp 4 lần/năm: 20 điểm; 3 lần: 15; 2 lần: 10; 1 lần: 5; không họp: 0",
    evidenceRequired: "Thông báo kết luận các cuộc họp",
    dataSource: REPORT,
    verifyingUnit: STTTT,
    metricExpression: "#{CDS_SO_CUOC_HOP}",
  },
  {
    code: "1.3",
    pillar: "NTS",
    groups: ALL,
    nameVi: "Tỷ lệ văn bản chỉ đạo về chuyển đổi số do người đứng đầu ký",
    nameEn: "Share of digital transformation directives signed by the head",
    maxPoints: 30,
    method: { kind: "ratio" },
    methodNoteVi: "Tỷ lệ = a/b; Điểm = Tỷ lệ × Điểm tối đa",
    evidenceRequired: "Danh mục văn bản: số hiệu, tên, ngày ban hành, trích yếu",
    dataSource: "Hệ thống quản lý văn bản và điều hành",
    verifyingUnit: STTTT,
  },
  {
    code: "1.4",
    pillar: "NTS",
    groups: ALL,
    nameVi: "Số tin, bài tuyên truyền về chuyển đổi số trên cổng/trang thông tin điện tử",
    nameEn: "News items on digital transformation on the unit's web portal",
    maxPoints: 30,
    method: {
      kind: "count_thresholds",
      thresholds: [
        { atLeast: 24, points: 30 },
        { atLeast: 12, points: 20 },
        { atLeast: 4, points: 10 },
      ],
    },
    evidenceRequired: "Đường dẫn các tin, bài",
    dataSource: "Đo lường tự động trên cổng thông tin điện tử",
    verifyingUnit: STTTT,
    metricExpression: "#{CDS_TIN_BAI}",
  },
];

const institutions: Criterion[] = [
  {
    code: "2.1",
    pillar: "TCS",
    groups: ALL,
    nameVi: "Ban hành kế hoạch chuyển đổi số năm",
    nameEn: "An annual digital transformation plan is issued",
    maxPoints: 30,
    method: { kind: "yes_no" },
    evidenceRequired: "Số hiệu, ngày ban hành kế hoạch",
    dataSource: REPORT,
    verifyingUnit: STTTT,
    metricExpression: "#{CDS_KH_NAM} == 1",
  },
  {
    code: "2.2",
    pillar: "TCS",
    groups: ALL,
    nameVi: "Tỷ lệ nhiệm vụ của kế hoạch chuyển đổi số năm hoàn thành đúng hạn",
    nameEn: "Share of the annual plan's tasks completed on time",
    maxPoints: 40,
    method: { kind: "ratio", fullAt: 0.9 },
    methodNoteVi: "Tỷ lệ từ 90% trở lên: điểm tối đa; dưới 90%: Tỷ lệ/90% × Điểm tối đa",
    evidenceRequired: "Báo cáo kết quả thực hiện kế hoạch (Phụ lục I)",
    dataSource: REPORT,
    verifyingUnit: STTTT,
  },
  {
    code: "2.3",
    pillar: "TCS",
    groups: ALL,
    nameVi: "Ban hành quy chế quản lý, vận hành, sử dụng hệ thống thông tin",
    nameEn: "Rules for running and using the unit's information systems are issued",
    maxPoints: 30,
    method: { kind: "yes_no" },
    evidenceRequired: "Số hiệu, ngày ban hành quy chế",
    dataSource: REPORT,
    verifyingUnit: STTTT,
  },
];

const infrastructure: Criterion[] = [
  {
    code: "3.1",
    pillar: "HTS",
    groups: ALL,
    nameVi: "Tỷ lệ máy tính kết nối mạng truyền số liệu chuyên dùng",
    nameEn: "Share of computers on the government's dedicated data network",
    maxPoints: 40,
    method: { kind: "ratio" },
    evidenceRequired: "Danh sách máy tính kết nối",
    dataSource: REPORT,
    verifyingUnit: STTTT,
  },
  {
    code: "3.2",
    pillar: "HTS",
    groups: ALL,
    nameVi: "Tỷ lệ cán bộ, công chức, viên chức được trang bị máy tính (%)",
    nameEn: "Share of staff equipped with a computer (%)",
    maxPoints: 30,
    method: {
      kind: "numeric_thresholds",
      direction: "at_least",
      scale: { min: 0, max: 100 },
      thresholds: [
        { limit: 100, points: 30 },
        { limit: 90, points: 20 },
        { limit: 80, points: 10 },
      ],
    },
    evidenceRequired: "Báo cáo thống kê trang thiết bị",
    dataSource: REPORT,
    verifyingUnit: STTTT,
    metricExpression: "#{MAY_TINH_CBCCVC} / #{TONG_CBCCVC} * 100",
  },
  {
    code: "3.3",
    pillar: "HTS",
    groups: ALL,
    nameVi: "Băng thông Internet của cơ quan (Mbps)",
    nameEn: "Internet bandwidth of the office (Mbps)",
    maxPoints: 30,
    method: {
      kind: "numeric_thresholds",
      direction: "at_least",
      scale: { min: 0 },
      thresholds: [
        { limit: 300, points: 30 },
        { limit: 100, points: 20 },
        { limit: 50, points: 10 },
      ],
    },
    evidenceRequired: "Hợp đồng dịch vụ Internet",
    dataSource: REPORT,
    verifyingUnit: STTTT,
  },
];

const humanResources: Criterion[] = [
  {
    code: "4.1",
    pillar: "NLS",
    groups: ALL,
    nameVi: "Có công chức phụ trách công nghệ thông tin, chuyển đổi số",
    nameEn: "A civil servant is in charge of IT and digital transformation",
    maxPoints: 30,
    method: { kind: "yes_no" },
    evidenceRequired: "Quyết định phân công",
    dataSource: REPORT,
    verifyingUnit: "Sở Nội vụ",
  },
  {
    code: "4.2",
    pillar: "NLS",
    groups: ALL,
    nameVi: "Tỷ lệ cán bộ, công chức, viên chức được tập huấn kỹ năng số",
    nameEn: "Share of staff trained in digital skills",
    maxPoints: 40,
    method: { kind: "ratio" },
    methodNoteVi: "Tỷ lệ = a/b; Điểm = Tỷ lệ × Điểm tối đa",
    evidenceRequired: "Danh sách học viên, giấy chứng nhận",
    dataSource: "Nền tảng học trực tuyến mở đại trà (OneTouch)",
    verifyingUnit: "Sở Nội vụ",
  },
  {
    code: "4.3",
    pillar: "NLS",
    groups: ALL,
    nameVi: "Mức độ tham gia các chương trình đào tạo, phổ biến kỹ năng số của tỉnh",
    nameEn: "Participation in the province's digital skills programmes",
    maxPoints: 30,
    method: { kind: "manual" },
    methodNoteVi: "Hội đồng thẩm định chấm điểm, tối đa 30 điểm",
    evidenceRequired: "Báo cáo kết quả tham gia",
    dataSource: REPORT,
    verifyingUnit: STTTT,
  },
];

const cyberSecurity: Criterion[] = [
  {
    code: "5.1",
    pillar: "ATTT",
    groups: ALL,
    nameVi: "Tỷ lệ hệ thống thông tin được phê duyệt hồ sơ đề xuất cấp độ",
    nameEn: "Share of information systems with an approved security level",
    maxPoints: 40,
    // A unit that runs no information system has nothing to approve: full points.
    method: { kind: "ratio", zeroDenominator: "full" },
    methodNoteVi: "Tỷ lệ = a/b; Điểm = Tỷ lệ × Điểm tối đa; không có hệ thống thông tin: điểm tối đa",
    evidenceRequired: "Quyết định phê duyệt hồ sơ đề xuất cấp độ",
    dataSource: REPORT,
    verifyingUnit: STTTT,
  },
  {
    code: "5.2",
    pillar: "ATTT",
    groups: ALL,
    nameVi: "Giám sát an toàn thông tin",
    nameEn: "Security monitoring",
    maxPoints: 30,
    method: {
      kind: "tiers",
      options: [
        {
          code: "SOC_TINH",
          labelVi: "Kết nối SOC của tỉnh",
          labelEn: "Connected to the provincial SOC",
          share: 1,
        },
        { code: "TU_GIAM_SAT", labelVi: "Tự giám sát", labelEn: "Monitors itself", share: 0.5 },
        { code: "CHUA", labelVi: "Chưa triển khai", labelEn: "Not in place", share: 0 },
      ],
    },
    evidenceRequired: "Biên bản kết nối hoặc báo cáo giám sát",
    dataSource: "Trung tâm giám sát an toàn thông tin (SOC) của tỉnh",
    verifyingUnit: STTTT,
  },
  {
    code: "5.3",
    pillar: "ATTT",
    groups: ALL,
    nameVi: "Thời gian khắc phục sự cố an toàn thông tin trung bình (giờ)",
    nameEn: "Average time to fix a security incident (hours)",
    maxPoints: 30,
    method: {
      kind: "numeric_thresholds",
      direction: "at_most",
      scale: { min: 0 },
      thresholds: [
        { limit: 24, points: 30 },
        { limit: 72, points: 15 },
      ],
    },
    methodNoteVi: "Không quá 24 giờ: 30 điểm; không quá 72 giờ: 15 điểm; trên 72 giờ: 0",
    evidenceRequired: "Nhật ký xử lý sự cố",
    dataSource: REPORT,
    verifyingUnit: "Công an tỉnh",
  },
];

export const SAMPLE_FOUNDATION: readonly Criterion[] = [
  ...awareness,
  ...institutions,
  ...infrastructure,
  ...humanResources,
  ...cyberSecurity,
];
