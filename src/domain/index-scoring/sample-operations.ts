import { ALL, REPORT, STTTT } from "./sample-foundation.ts";
import type { Criterion } from "./types.ts";

// SAMPLE (MẪU) criteria of the operations pillars (nhóm chỉ số hoạt động) for
// SAMPLE_FRAMEWORK. Digital government is worth 500 / 300 / 200 points by group, so several
// criteria carry their maximum per group; the economy and society pillars are districts' only.
const DVC = ["SO_DVC", "HUYEN"];
const HUYEN = ["HUYEN"];
const TTHC = "Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh";

const government: Criterion[] = [
  {
    code: "6.1",
    pillar: "CQS",
    groups: DVC,
    nameVi: "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận trực tuyến (%)",
    nameEn: "Share of administrative procedure files received online (%)",
    maxPoints: { SO_DVC: 150, HUYEN: 60 },
    method: {
      kind: "numeric_thresholds",
      direction: "at_least",
      scale: { min: 0, max: 100 },
      thresholds: [
        { limit: 80, share: 1 },
        { limit: 50, share: 0.5 },
        { limit: 30, share: 0.25 },
      ],
    },
    methodNoteVi: "Từ 80%: điểm tối đa; từ 50%: 1/2; từ 30%: 1/4; dưới 30%: 0",
    evidenceRequired: "Số liệu trích xuất từ hệ thống",
    dataSource: TTHC,
    verifyingUnit: "Văn phòng UBND tỉnh",
    metricExpression: "#{HS_TRUC_TUYEN} / #{HS_TIEP_NHAN} * 100",
  },
  {
    code: "6.2",
    pillar: "CQS",
    groups: DVC,
    nameVi: "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn",
    nameEn: "Share of administrative procedure files settled on time",
    maxPoints: { SO_DVC: 150, HUYEN: 40 },
    method: { kind: "ratio" },
    methodNoteVi: "Tỷ lệ = a/b; Điểm = Tỷ lệ × Điểm tối đa",
    evidenceRequired: "Số liệu trích xuất từ hệ thống",
    dataSource: TTHC,
    verifyingUnit: "Văn phòng UBND tỉnh",
  },
  {
    code: "6.3",
    pillar: "CQS",
    groups: ALL,
    nameVi: "Tỷ lệ văn bản đi được ký số và gửi, nhận trên môi trường mạng",
    nameEn: "Share of outgoing documents digitally signed and sent online",
    maxPoints: { SO_DVC: 100, SO_KHAC: 150, HUYEN: 50 },
    method: { kind: "ratio" },
    evidenceRequired: "Số liệu trích xuất từ hệ thống",
    dataSource: "Hệ thống quản lý văn bản và điều hành",
    verifyingUnit: STTTT,
  },
  {
    code: "6.4",
    pillar: "CQS",
    groups: ALL,
    nameVi: "Cập nhật dữ liệu lên kho dữ liệu dùng chung của tỉnh",
    nameEn: "Data published to the province's shared data store",
    maxPoints: { SO_DVC: 100, SO_KHAC: 150, HUYEN: 50 },
    method: {
      kind: "tiers",
      options: [
        { code: "DAY_DU", labelVi: "Đầy đủ, kịp thời", labelEn: "Complete and on time", share: 1 },
        { code: "CHUA_DAY_DU", labelVi: "Có, chưa đầy đủ", labelEn: "Partly", share: 0.5 },
        { code: "KHONG", labelVi: "Không cập nhật", labelEn: "Not at all", share: 0 },
      ],
    },
    evidenceRequired: "Danh mục dữ liệu đã cập nhật",
    dataSource: "Kho dữ liệu dùng chung của tỉnh",
    verifyingUnit: STTTT,
  },
];

const economy: Criterion[] = [
  {
    code: "7.1",
    pillar: "KTS",
    groups: HUYEN,
    nameVi: "Tỷ lệ doanh nghiệp, hộ kinh doanh sử dụng hóa đơn điện tử (%)",
    nameEn: "Share of businesses using e-invoices (%)",
    maxPoints: 50,
    method: {
      kind: "numeric_thresholds",
      direction: "at_least",
      scale: { min: 0, max: 100 },
      thresholds: [
        { limit: 80, points: 50 },
        { limit: 50, points: 25 },
      ],
    },
    evidenceRequired: "Số liệu của cơ quan thuế",
    dataSource: "Chi cục Thuế",
    verifyingUnit: "Cục Thuế tỉnh",
  },
  {
    code: "7.2",
    pillar: "KTS",
    groups: HUYEN,
    nameVi: "Số sản phẩm OCOP được đưa lên sàn thương mại điện tử",
    nameEn: "OCOP products listed on e-commerce platforms",
    maxPoints: 50,
    method: {
      kind: "count_thresholds",
      thresholds: [
        { atLeast: 20, points: 50 },
        { atLeast: 10, points: 30 },
        { atLeast: 1, points: 10 },
      ],
    },
    evidenceRequired: "Đường dẫn gian hàng, sản phẩm",
    dataSource: REPORT,
    verifyingUnit: "Sở Công Thương",
  },
];

const society: Criterion[] = [
  {
    code: "8.1",
    pillar: "XHS",
    groups: HUYEN,
    nameVi: "Tỷ lệ dân số trưởng thành có tài khoản định danh điện tử mức 2 (%)",
    nameEn: "Share of adults with a level-2 electronic identity (%)",
    maxPoints: 40,
    method: {
      kind: "numeric_thresholds",
      direction: "at_least",
      scale: { min: 0, max: 100 },
      thresholds: [
        { limit: 80, points: 40 },
        { limit: 60, points: 20 },
      ],
    },
    evidenceRequired: "Số liệu của Công an",
    dataSource: "Cơ sở dữ liệu quốc gia về dân cư",
    verifyingUnit: "Công an tỉnh",
  },
  {
    code: "8.2",
    pillar: "XHS",
    groups: HUYEN,
    nameVi: "Tỷ lệ xã, thị trấn có Tổ công nghệ số cộng đồng hoạt động",
    nameEn: "Share of communes with an active community digital technology team",
    maxPoints: 30,
    method: { kind: "ratio" },
    evidenceRequired: "Quyết định thành lập, báo cáo hoạt động của các Tổ",
    dataSource: REPORT,
    verifyingUnit: STTTT,
  },
  {
    code: "8.3",
    pillar: "XHS",
    groups: HUYEN,
    nameVi: "Tỷ lệ trường học, cơ sở y tế công lập thu phí không dùng tiền mặt",
    nameEn: "Share of public schools and clinics taking cashless payments",
    maxPoints: 30,
    method: { kind: "ratio" },
    evidenceRequired: "Danh sách cơ sở và hình thức thanh toán",
    dataSource: REPORT,
    verifyingUnit: "Sở Giáo dục và Đào tạo",
  },
];

const smartCity: Criterion[] = [
  {
    code: "9.1",
    pillar: "DTTM",
    groups: HUYEN,
    nameVi: "Có đề án, kế hoạch phát triển đô thị thông minh (không tính điểm)",
    nameEn: "A smart city plan exists (information only, not scored)",
    maxPoints: 0,
    method: { kind: "yes_no" },
    evidenceRequired: "Số hiệu, ngày ban hành đề án hoặc kế hoạch",
    dataSource: REPORT,
    verifyingUnit: "Sở Xây dựng",
  },
];

export const SAMPLE_OPERATIONS: readonly Criterion[] = [...government, ...economy, ...society, ...smartCity];
