import type { MetricInput } from "../../metrics/schema.ts";

/**
 * The chỉ số behind every figure of the September 2023 report. Stocks and year-to-date
 * counts aggregate with `last` (the latest month, summed over units); shares are formulas
 * over the aggregated parts, so the province's 47,54% is 763 / 1.605, not an average of
 * departments' percentages. Two genuine monthly flows (`sum`) show aggregation over months.
 */
type Def = Omit<MetricInput, "code" | "nameVi" | "nameEn">;

const count = (unitOfMeasure: string, extra: Partial<Def> = {}): Def => ({
  valueType: "integer",
  aggregation: "last",
  unitOfMeasure,
  minValue: 0,
  ...extra,
});

const ratio = (formula: string): Def => ({
  valueType: "percent",
  aggregation: "formula",
  unitOfMeasure: "%",
  formula,
});
const share = (numerator: string, denominator: string) => ratio(`#{${numerator}} / #{${denominator}} * 100`);

const flow = (unitOfMeasure: string): Def => ({ ...count(unitOfMeasure), aggregation: "sum" });

function metric(code: string, nameVi: string, nameEn: string, def: Def): MetricInput {
  return { code, nameVi, nameEn, ...def };
}

const ytd = { vi: " (lũy kế từ đầu năm)", en: " (year to date)" };

/** Parts before the formulas that name them. */
export const demoMetrics: MetricInput[] = [
  metric(
    "PROCEDURES_TOTAL",
    "Tổng số thủ tục hành chính",
    "Administrative procedures in total",
    count("thủ tục"),
  ),
  metric(
    "DVC_FULL",
    "Số dịch vụ công trực tuyến toàn trình",
    "Full-process online public services",
    count("dịch vụ"),
  ),
  metric(
    "DVC_PARTIAL",
    "Số dịch vụ công trực tuyến một phần",
    "Partial online public services",
    count("dịch vụ"),
  ),
  metric(
    "DVC_FULL_SHARE",
    "Tỷ lệ dịch vụ công trực tuyến toàn trình",
    "Share of full-process online public services",
    share("DVC_FULL", "PROCEDURES_TOTAL"),
  ),
  metric(
    "DVC_PARTIAL_SHARE",
    "Tỷ lệ dịch vụ công trực tuyến một phần",
    "Share of partial online public services",
    share("DVC_PARTIAL", "PROCEDURES_TOTAL"),
  ),
  metric(
    "FEEDBACK_RECEIVED",
    `Số ý kiến phản ánh tiếp nhận qua Tổng đài 1022${ytd.vi}`,
    `Citizen feedback received by the 1022 hotline${ytd.en}`,
    count("ý kiến"),
  ),
  metric(
    "FEEDBACK_ANSWERED",
    `Số ý kiến phản ánh đã trả lời${ytd.vi}`,
    `Citizen feedback answered${ytd.en}`,
    count("ý kiến"),
  ),
  metric(
    "FEEDBACK_ANSWERED_SHARE",
    "Tỷ lệ ý kiến phản ánh đã trả lời",
    "Share of citizen feedback answered",
    share("FEEDBACK_ANSWERED", "FEEDBACK_RECEIVED"),
  ),
  metric(
    "FEEDBACK_PENDING_SHARE",
    "Tỷ lệ ý kiến phản ánh đang xử lý",
    "Share of citizen feedback still being handled",
    ratio("(#{FEEDBACK_RECEIVED} - #{FEEDBACK_ANSWERED}) / #{FEEDBACK_RECEIVED} * 100"),
  ),
  metric("HAMLETS_TOTAL", "Số khóm, ấp", "Hamlets (khóm, ấp)", count("khóm, ấp")),
  metric(
    "HAMLETS_WITH_TEAM",
    "Số khóm, ấp có Tổ công nghệ số cộng đồng",
    "Hamlets with a community digital-technology team",
    count("khóm, ấp"),
  ),
  metric(
    "HAMLETS_WITH_TEAM_SHARE",
    "Tỷ lệ khóm, ấp có Tổ công nghệ số cộng đồng",
    "Share of hamlets with a community digital-technology team",
    share("HAMLETS_WITH_TEAM", "HAMLETS_TOTAL"),
  ),
  metric(
    "HAMLETS_WITH_FIBRE",
    "Số khóm, ấp có internet cáp quang",
    "Hamlets with fibre internet",
    count("khóm, ấp"),
  ),
  metric(
    "HAMLETS_WITH_FIBRE_SHARE",
    "Tỷ lệ khóm, ấp có internet cáp quang",
    "Share of hamlets with fibre internet",
    share("HAMLETS_WITH_FIBRE", "HAMLETS_TOTAL"),
  ),
  metric("HOUSEHOLDS_TOTAL", "Số hộ gia đình", "Households", count("hộ")),
  metric(
    "HOUSEHOLDS_FIBRE",
    "Số hộ gia đình sử dụng internet cáp quang",
    "Households using fibre internet",
    count("hộ"),
  ),
  metric(
    "HOUSEHOLDS_FIBRE_SHARE",
    "Tỷ lệ hộ gia đình sử dụng internet cáp quang",
    "Share of households using fibre internet",
    share("HOUSEHOLDS_FIBRE", "HOUSEHOLDS_TOTAL"),
  ),
  metric(
    "SMARTPHONE_SUBSCRIBERS",
    "Số thuê bao sử dụng điện thoại thông minh",
    "Smartphone subscribers",
    count("thuê bao"),
  ),
  metric("BTS_STATIONS", "Số trạm thu, phát sóng di động (BTS)", "Mobile base stations (BTS)", count("trạm")),
  metric(
    "DEVICES_MONITORED",
    "Số thiết bị được giám sát mã độc",
    "Devices monitored for malware",
    count("thiết bị"),
  ),
  metric(
    "SECURITY_LAYERS",
    "Số lớp bảo đảm an toàn thông tin được duy trì (mô hình 4 lớp)",
    "Information-security layers kept (four-layer model)",
    count("lớp", { maxValue: 4 }),
  ),
  metric(
    "LGSP_CONNECTED",
    "Số CSDL, hệ thống thông tin quốc gia đã kết nối nền tảng LGSP của tỉnh",
    "National databases and systems connected to the provincial LGSP",
    count("hệ thống"),
  ),
  metric(
    "LGSP_TOTAL",
    "Số CSDL, hệ thống thông tin quốc gia cần kết nối nền tảng LGSP",
    "National databases and systems to connect to the LGSP",
    count("hệ thống"),
  ),
  metric(
    "DIGITAL_ECONOMY_GRDP_SHARE",
    "Tỷ trọng kinh tế số trong GRDP (ước tính của Bộ TT&TT)",
    "Digital economy share of GRDP (ministry estimate)",
    { valueType: "percent", aggregation: "average", unitOfMeasure: "%", minValue: 0, maxValue: 100 },
  ),
  metric(
    "YOUTH_DX_TEAM",
    "Đã thành lập Tổ Thanh niên chuyển đổi số cộng đồng",
    "Has a youth digital-transformation team",
    { valueType: "boolean", aggregation: "last", unitOfMeasure: "đơn vị" },
  ),
  metric(
    "YOUTH_DX_MEMBERS",
    "Số đoàn viên tham gia Tổ Thanh niên chuyển đổi số cộng đồng",
    "Members of youth digital-transformation teams",
    count("đoàn viên"),
  ),
  metric(
    "SUPPORT_ACTIVITIES",
    `Số hoạt động hỗ trợ chuyển đổi số cho người dân${ytd.vi}`,
    `Digital-transformation support activities held${ytd.en}`,
    count("hoạt động"),
  ),
  metric(
    "CITIZEN_CONTACTS",
    `Số lượt người dân, hộ gia đình được tiếp cận, hỗ trợ${ytd.vi}`,
    `Citizen and household contacts${ytd.en}`,
    count("lượt"),
  ),
  metric(
    "DX_TRAININGS_HELD",
    "Số lớp tập huấn, bồi dưỡng kỹ năng số tổ chức trong tháng",
    "Digital-skills trainings held in the month",
    flow("lớp"),
  ),
  metric(
    "DOCUMENTS_ISSUED",
    "Số văn bản chỉ đạo, điều hành về chuyển đổi số ban hành trong tháng",
    "Digital-transformation directives issued in the month",
    flow("văn bản"),
  ),
];

/** Metrics units type in; formulas are computed from them. */
export const reportedMetricCodes = demoMetrics.filter((m) => m.aggregation !== "formula").map((m) => m.code);
