import type { UnitGroup } from "../../domain/forms/index.ts";
import type { DueRule } from "../../domain/period/index.ts";
import type { FormInput, RuleInput } from "../../forms/schema.ts";
import { reportedMetricCodes } from "./metrics.ts";

export const demoFormCode = "CDS_MONTHLY";

/** Every unit reports these two monthly flows; the rest each unit fills in only if it reports them. */
const requiredMetrics = new Set(["DX_TRAININGS_HELD", "DOCUMENTS_ISSUED"]);

const departments: UnitGroup[] = ["department"];
const localities: UnitGroup[] = ["district", "commune"];

/**
 * Who reports what (as the dataset's values): departments their procedures and the province-wide
 * figures Sở TT&TT keeps, districts the 1022 hotline and subscribers, communes their hamlets and
 * households; a metric not listed (the monthly flows) is on every unit's form.
 */
export const demoMetricGroups: Record<string, UnitGroup[]> = {
  PROCEDURES_TOTAL: departments,
  DVC_FULL: departments,
  DVC_PARTIAL: departments,
  BTS_STATIONS: departments,
  SECURITY_LAYERS: departments,
  LGSP_CONNECTED: departments,
  LGSP_TOTAL: departments,
  DIGITAL_ECONOMY_GRDP_SHARE: departments,
  DEVICES_MONITORED: ["department", "district"],
  FEEDBACK_RECEIVED: ["district"],
  FEEDBACK_ANSWERED: ["district"],
  SMARTPHONE_SUBSCRIBERS: ["district"],
  YOUTH_DX_TEAM: localities,
  YOUTH_DX_MEMBERS: localities,
  HAMLETS_TOTAL: ["commune"],
  HAMLETS_WITH_TEAM: ["commune"],
  HAMLETS_WITH_FIBRE: ["commune"],
  HOUSEHOLDS_TOTAL: ["commune"],
  HOUSEHOLDS_FIBRE: ["commune"],
  SUPPORT_ACTIVITIES: ["commune"],
  CITIZEN_CONTACTS: ["commune"],
};

const atMost = (code: string, part: string, whole: string, vi: string, en: string): RuleInput => ({
  code,
  expression: `${part} <= ${whole}`,
  severity: "error",
  messageVi: vi,
  messageEn: en,
});

/** Quy tắc kiểm tra. A rule naming a metric the unit left blank is skipped. */
export const demoRules: RuleInput[] = [
  atMost(
    "FEEDBACK_ANSWERED_LE_RECEIVED",
    "#{FEEDBACK_ANSWERED}",
    "#{FEEDBACK_RECEIVED}",
    "Số ý kiến đã trả lời không được vượt số ý kiến tiếp nhận",
    "Feedback answered cannot exceed feedback received",
  ),
  atMost(
    "DVC_WITHIN_PROCEDURES",
    "#{DVC_FULL} + #{DVC_PARTIAL}",
    "#{PROCEDURES_TOTAL}",
    "Tổng dịch vụ công trực tuyến toàn trình và một phần không được vượt tổng số thủ tục hành chính",
    "Full and partial online services together cannot exceed the procedures in total",
  ),
  atMost(
    "HAMLET_TEAMS_WITHIN_HAMLETS",
    "#{HAMLETS_WITH_TEAM}",
    "#{HAMLETS_TOTAL}",
    "Số khóm, ấp có Tổ công nghệ số cộng đồng không được vượt số khóm, ấp",
    "Hamlets with a team cannot exceed the hamlets",
  ),
  atMost(
    "HAMLET_FIBRE_WITHIN_HAMLETS",
    "#{HAMLETS_WITH_FIBRE}",
    "#{HAMLETS_TOTAL}",
    "Số khóm, ấp có cáp quang không được vượt số khóm, ấp",
    "Hamlets with fibre cannot exceed the hamlets",
  ),
  atMost(
    "HOUSEHOLD_FIBRE_WITHIN_HOUSEHOLDS",
    "#{HOUSEHOLDS_FIBRE}",
    "#{HOUSEHOLDS_TOTAL}",
    "Số hộ dùng cáp quang không được vượt số hộ gia đình",
    "Households on fibre cannot exceed the households",
  ),
  atMost(
    "LGSP_WITHIN_TOTAL",
    "#{LGSP_CONNECTED}",
    "#{LGSP_TOTAL}",
    "Số hệ thống đã kết nối LGSP không được vượt số hệ thống cần kết nối",
    "Systems connected to the LGSP cannot exceed the systems to connect",
  ),
  {
    code: "FEEDBACK_ANSWER_RATE",
    expression: "#{FEEDBACK_ANSWERED} >= 0.9 * #{FEEDBACK_RECEIVED}",
    severity: "warning",
    messageVi: "Tỷ lệ ý kiến phản ánh đã trả lời dưới 90%, đề nghị kiểm tra lại",
    messageEn: "Less than 90% of feedback answered; please check",
  },
  {
    code: "CONTACTS_PER_ACTIVITY",
    expression: "#{CITIZEN_CONTACTS} <= 200 * #{SUPPORT_ACTIVITIES}",
    severity: "warning",
    messageVi: "Bình quân hơn 200 lượt tiếp cận mỗi hoạt động hỗ trợ, đề nghị kiểm tra lại",
    messageEn: "More than 200 contacts per support activity on average; please check",
  },
];

/**
 * Due 5 days after the month: the figures are "to the end of the month" (đến hết tháng), so the
 * calendar month is the data window rather than Decree 09's 15th-to-14th cut-off.
 */
export const demoDueRule: DueRule = { kind: "days_after_end", days: 5 };

/**
 * The monthly report (báo cáo tình hình chuyển đổi số hằng tháng) that departments and
 * localities send from 08/2023, editable for 30 days after the due date.
 */
export function demoForm(unitCodes: string[]): FormInput {
  return {
    code: demoFormCode,
    nameVi: "Báo cáo tình hình chuyển đổi số hằng tháng",
    nameEn: "Monthly digital-transformation report",
    periodType: "month",
    dueRule: demoDueRule,
    lockAfterDays: 30,
    openFrom: "202308",
    metrics: reportedMetricCodes.map((code) => ({
      code,
      required: requiredMetrics.has(code),
      groups: demoMetricGroups[code] ?? null,
    })),
    unitCodes,
    rules: demoRules,
  };
}
