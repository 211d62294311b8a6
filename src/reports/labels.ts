import type { ReportLang } from "./templates/index.ts";

/**
 * Column headings and sheet names: fixed labels of the tables, in the same catalogue style as
 * the error messages. The prose of the report lives in the editable templates instead.
 */
const labels = {
  vi: {
    tableColumns: ["STT", "Chỉ tiêu", "Kế hoạch", "Kết quả", "Tình trạng", "Lý do, ghi chú"],
    sheets: { indicators: "Chỉ tiêu", figures: "Số liệu", summary: "Tổng hợp" },
    indicatorColumns: [
      "Trụ cột",
      "Mã",
      "Chỉ tiêu",
      "Kế hoạch",
      "Kết quả",
      "Đơn vị tính",
      "Tình trạng",
      "Lý do",
      "Mẫu",
    ],
    figureColumns: ["Trụ cột", "Mã", "Số liệu", "Giá trị", "Đơn vị tính", "Tỷ lệ (%)", "Kỳ trước"],
    summaryFirstColumns: ["Trụ cột", "Tổng số"],
    wholePlan: "Toàn kế hoạch",
    yes: "Có",
  },
  en: {
    tableColumns: ["No.", "Indicator", "Target", "Value", "Status", "Reason, notes"],
    sheets: { indicators: "Indicators", figures: "Figures", summary: "Summary" },
    indicatorColumns: [
      "Pillar",
      "Code",
      "Indicator",
      "Target",
      "Value",
      "Unit",
      "Status",
      "Reason",
      "Sample",
    ],
    figureColumns: ["Pillar", "Code", "Figure", "Value", "Unit", "Share (%)", "Previous period"],
    summaryFirstColumns: ["Pillar", "Total"],
    wholePlan: "Whole plan",
    yes: "Yes",
  },
} as const;

export type ReportLabels = (typeof labels)[ReportLang];

export function labelsFor(lang: ReportLang): ReportLabels {
  return labels[lang];
}
