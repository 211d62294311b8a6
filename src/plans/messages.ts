import { fieldIssue } from "../errors/app-error.ts";

/** The plan service's words, in Vietnamese and English. */
export const messages = {
  plan: { vi: "kế hoạch", en: "plan" },
  pillar: { vi: "trụ cột", en: "pillar" },
  indicator: { vi: "chỉ tiêu", en: "indicator" },
  evidence: { vi: "tệp minh chứng", en: "evidence file" },
  planCode: { vi: "mã kế hoạch", en: "plan code" },
  pillarCode: { vi: "mã trụ cột", en: "pillar code" },
  indicatorCode: { vi: "mã chỉ tiêu", en: "indicator code" },
  figureCode: { vi: "số liệu nổi bật", en: "key figure" },
} as const;

export const issues = {
  noUnit: (path: string, code: string) =>
    fieldIssue(path, `Không có đơn vị mã ${code}`, `No unit with code ${code}`),
  noPillar: (path: string, code: string) =>
    fieldIssue(path, `Kế hoạch không có trụ cột mã ${code}`, `The plan has no pillar ${code}`),
  noMetric: (path: string, code: string) =>
    fieldIssue(path, `Không có chỉ số mã ${code}`, `No metric with code ${code}`, "unknown_metric"),
  textMetric: (path: string, code: string) =>
    fieldIssue(
      path,
      `Chỉ số ${code} là văn bản, không dùng trong công thức được`,
      `Metric ${code} is text and cannot be used in a formula`,
    ),
  noMetricInFormula: (path: string) =>
    fieldIssue(path, "Công thức phải dùng ít nhất một chỉ số", "The formula must name at least one metric"),
  badFormula: (path: string, vi: string, en: string) =>
    fieldIssue(path, `Công thức không hợp lệ: ${vi}`, `Invalid formula: ${en}`, "invalid_formula"),
  formulaRequired: (path: string) =>
    fieldIssue(
      path,
      "Chỉ tiêu tính theo công thức phải có công thức",
      "An indicator computed by formula needs a formula",
    ),
  formulaNotAllowed: (path: string) =>
    fieldIssue(
      path,
      "Chỉ tiêu cập nhật tiến độ không có công thức",
      "An indicator measured by progress updates has no formula",
    ),
  periodOutsidePlan: (path: string, period: string, year: number) =>
    fieldIssue(
      path,
      `Kỳ ${period} nằm ngoài năm ${year} của kế hoạch`,
      `Period ${period} is outside the plan's year ${year}`,
    ),
  badPeriod: (path: string, vi: string, en: string) => fieldIssue(path, vi, en),
  bodyRequired: (path: string) =>
    fieldIssue(path, "Phải nêu cơ quan mà chỉ tiêu phụ thuộc", "Name the body the indicator depends on"),
  decisionRequired: (path: string) =>
    fieldIssue(
      path,
      "Phải nêu văn bản dừng đánh giá chỉ tiêu",
      "Name the decision that dropped the indicator",
    ),
  progressOnFormula: (path: string) =>
    fieldIssue(
      path,
      "Chỉ tiêu này được tính từ số liệu báo cáo, không nhập tiến độ",
      "This indicator is computed from the reports; progress cannot be entered",
    ),
  milestoneValue: (path: string) =>
    fieldIssue(path, "Giá trị của chỉ tiêu dạng mốc phải là 0 hoặc 1", "A milestone's value must be 0 or 1"),
  percentValue: (path: string) =>
    fieldIssue(path, "Tỷ lệ phải từ 0 đến 100", "A percentage must be from 0 to 100"),
  unitCountValue: (path: string, total: number) =>
    fieldIssue(
      path,
      `Giá trị phải là số nguyên từ 0 đến ${total}`,
      `The value must be a whole number from 0 to ${total}`,
    ),
  figureFormulaName: (path: string, code: string) =>
    fieldIssue(
      path,
      `Số liệu tính theo công thức không được trùng mã chỉ số ${code}`,
      `A computed figure must not reuse the metric code ${code}`,
    ),
};
