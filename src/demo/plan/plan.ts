import type { DocumentInput, FigureInput, PillarInput, PlanInput } from "../../plans/schema.ts";

/**
 * Kế hoạch chuyển đổi số tỉnh Đồng Tháp năm 2023 as the September 2023 report of the Sở TT&TT
 * tracks it (shared/seed/FIGURES.md): seven pillars in the report's order, the documents issued
 * and the key figures each pillar states.
 */
export const demoPlanCode = "KH-CDS-2023";

export const demoPlan: PlanInput = {
  code: demoPlanCode,
  nameVi: "Kế hoạch chuyển đổi số tỉnh Đồng Tháp năm 2023",
  nameEn: "Đồng Tháp province digital-transformation plan 2023",
  year: 2023,
  status: "active",
  issuingBodyVi: "Ủy ban nhân dân tỉnh Đồng Tháp",
  issuingBodyEn: "Đồng Tháp Provincial People's Committee",
  documentRefVi: "Kế hoạch số 99/KH-UBND ngày 16/03/2023",
  reportingUnitCode: "S-TTTT",
  scopeUnitCode: "87",
};

export const demoPillars: PillarInput[] = [
  { code: "TC", nameVi: "Thể chế số", nameEn: "Digital institutions" },
  { code: "DL", nameVi: "Dữ liệu số", nameEn: "Digital data" },
  {
    code: "HT",
    nameVi: "Hạ tầng số và bảo đảm an toàn thông tin",
    nameEn: "Digital infrastructure and information security",
  },
  { code: "CQ", nameVi: "Chính quyền số", nameEn: "Digital government" },
  { code: "KT", nameVi: "Kinh tế số", nameEn: "Digital economy" },
  { code: "XH", nameVi: "Xã hội số", nameEn: "Digital society" },
  { code: "NL", nameVi: "Nhân lực số", nameEn: "Digital human resources" },
];

/**
 * Văn bản đã ban hành in 2023 (the institutional pillar). The source gives no number or date
 * for the catalogue of shared databases and open data: its date is assumed and marked sample.
 */
export const demoDocuments: DocumentInput[] = [
  {
    pillar: "TC",
    number: "Nghị quyết số 39/NQ-HĐND",
    date: "2023-07-18",
    issuerVi: "Hội đồng nhân dân tỉnh Đồng Tháp",
    summaryVi:
      "Quy định mức thu phí, lệ phí đối với hoạt động cung cấp dịch vụ công bằng hình thức trực tuyến trên địa bàn tỉnh, giảm 50% phí, lệ phí khi thực hiện thủ tục hành chính trực tuyến",
    summaryEn: "Fees for online public services in the province, 50% lower than at the counter",
  },
  {
    pillar: "TC",
    number: "Kế hoạch số 308/KH-UBND",
    date: "2023-09-18",
    issuerVi: "Ủy ban nhân dân tỉnh Đồng Tháp",
    summaryVi: "Hưởng ứng Ngày Chuyển đổi số quốc gia và Ngày Chuyển đổi số tỉnh Đồng Tháp",
    summaryEn: "Responding to the national and provincial digital-transformation days",
  },
  {
    pillar: "TC",
    number: "Quyết định số 1019/QĐ-UBND-HC",
    date: "2023-09-30",
    issuerVi: "Ủy ban nhân dân tỉnh Đồng Tháp",
    summaryVi: "Phê duyệt Báo cáo chỉ số đánh giá, xếp hạng chuyển đổi số năm 2022",
    summaryEn: "Approving the report of the 2022 digital-transformation index, evaluation and ranking",
  },
  {
    pillar: "TC",
    number: "Danh mục cơ sở dữ liệu dùng chung và danh mục dữ liệu mở",
    date: "2023-06-30",
    issuerVi: "Ủy ban nhân dân tỉnh Đồng Tháp",
    summaryVi:
      "Ban hành danh mục cơ sở dữ liệu dùng chung và danh mục dữ liệu mở theo Nghị định số 47/2020/NĐ-CP về quản lý, kết nối và chia sẻ dữ liệu số của cơ quan nhà nước, và Quy chế bảo đảm an toàn, an ninh mạng cho các hệ thống thông tin tại Trung tâm tích hợp dữ liệu tỉnh",
    summaryEn:
      "The catalogues of shared databases and of open data under Decree 47/2020/NĐ-CP, and the cyber-security rules of the provincial data centre",
    sample: true,
  },
];

/** Số liệu nổi bật per pillar; a share names the metric it is a part of. */
export const demoFigures: Record<string, FigureInput[]> = {
  DL: [{ code: "LGSP_CONNECTED", shareOf: "LGSP_TOTAL" }],
  HT: [
    { code: "BTS_STATIONS" },
    { code: "SMARTPHONE_SUBSCRIBERS" },
    { code: "HAMLETS_WITH_FIBRE", shareOf: "HAMLETS_TOTAL" },
    { code: "HOUSEHOLDS_FIBRE", shareOf: "HOUSEHOLDS_TOTAL" },
    { code: "DEVICES_MONITORED" },
    { code: "SECURITY_LAYERS" },
  ],
  CQ: [
    { code: "DVC_FULL", shareOf: "PROCEDURES_TOTAL" },
    { code: "DVC_PARTIAL", shareOf: "PROCEDURES_TOTAL" },
    { code: "FEEDBACK_RECEIVED" },
    { code: "FEEDBACK_ANSWERED", shareOf: "FEEDBACK_RECEIVED" },
    {
      code: "FEEDBACK_PENDING",
      formula: "#{FEEDBACK_RECEIVED} - #{FEEDBACK_ANSWERED}",
      shareOf: "FEEDBACK_RECEIVED",
      labelVi: "Số ý kiến phản ánh đang xử lý",
      labelEn: "Citizen feedback still being handled",
      unitOfMeasureVi: "ý kiến",
    },
  ],
  KT: [{ code: "DIGITAL_ECONOMY_GRDP_SHARE" }],
  NL: [
    // The source prints this share with one decimal: 45,8%.
    { code: "HAMLETS_WITH_TEAM", shareOf: "HAMLETS_TOTAL", decimals: 1 },
    {
      code: "YOUTH_DX_TEAM",
      labelVi: "Số huyện, xã có Tổ Thanh niên chuyển đổi số cộng đồng",
      labelEn: "Districts and communes with a youth digital-transformation team",
      unitOfMeasureVi: "đơn vị",
      // The source counts them per level: 12/12 huyện, 143/143 xã.
      byLevel: true,
    },
    { code: "YOUTH_DX_MEMBERS" },
    { code: "SUPPORT_ACTIVITIES" },
    { code: "CITIZEN_CONTACTS" },
  ],
};
