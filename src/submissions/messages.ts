import { formatDateVi } from "../domain/format/index.ts";
import type { FieldIssue } from "../errors/app-error.ts";
import { AppError, fieldIssue } from "../errors/app-error.ts";

/** The report's field-level messages, in Vietnamese and English. */
export const issues = {
  notInForm: (path: string, metric: string, form: string): FieldIssue =>
    fieldIssue(
      path,
      `Chỉ số ${metric} không có trong biểu mẫu ${form}`,
      `Metric ${metric} is not on form ${form}`,
    ),
  repeated: (path: string, metric: string): FieldIssue =>
    fieldIssue(path, `Chỉ số ${metric} được nhập hai lần`, `Metric ${metric} is given twice`),
  notNumber: (path: string): FieldIssue =>
    fieldIssue(path, "Giá trị phải là số", "The value must be a number"),
  notInteger: (path: string): FieldIssue =>
    fieldIssue(path, "Giá trị phải là số nguyên", "The value must be a whole number"),
  notBoolean: (path: string): FieldIssue =>
    fieldIssue(
      path,
      "Giá trị phải là có/không (true/false, 1/0)",
      "The value must be yes/no (true/false, 1/0)",
    ),
  notText: (path: string): FieldIssue =>
    fieldIssue(path, "Giá trị phải là văn bản", "The value must be text"),
  textTooLong: (path: string, max: number): FieldIssue =>
    fieldIssue(path, `Văn bản dài quá ${max} ký tự`, `The text is longer than ${max} characters`),
  belowMin: (path: string, min: number): FieldIssue =>
    fieldIssue(path, `Giá trị phải từ ${min} trở lên`, `The value must be at least ${min}`),
  aboveMax: (path: string, max: number): FieldIssue =>
    fieldIssue(path, `Giá trị không được vượt quá ${max}`, `The value must be at most ${max}`),
  unknownSection: (path: string, code: string): FieldIssue =>
    fieldIssue(
      path,
      `Biểu mẫu không có phần thuyết minh ${code}`,
      `The form has no narrative section ${code}`,
    ),
  unitNotAssigned: (unit: string, form: string): FieldIssue =>
    fieldIssue(
      "unit",
      `Đơn vị ${unit} không được giao biểu mẫu ${form}`,
      `Unit ${unit} does not report form ${form}`,
    ),
  beforeOpen: (period: string, openFrom: string): FieldIssue =>
    fieldIssue(
      "period",
      `Kỳ ${period} trước kỳ đầu tiên của biểu mẫu (${openFrom})`,
      `Period ${period} is before the form's first period (${openFrom})`,
    ),
  notStarted: (period: string): FieldIssue =>
    fieldIssue("period", `Kỳ ${period} chưa bắt đầu`, `Period ${period} has not started yet`),
  notEnded: (period: string, end: string): FieldIssue =>
    fieldIssue(
      "period",
      `Kỳ ${period} chưa kết thúc (chốt số liệu ngày ${end}); chưa nộp được`,
      `Period ${period} has not ended (data cut-off ${end}); it cannot be submitted yet`,
    ),
  requiredMissing: (metric: string, name: string): FieldIssue =>
    fieldIssue(
      `metrics.${metric}`,
      `Chưa nhập chỉ số bắt buộc ${metric} (${name})`,
      `Required metric ${metric} (${name}) has no value`,
    ),
  toBeforeFrom: (): FieldIssue =>
    fieldIssue(
      "to",
      "Kỳ cuối (to) phải từ kỳ đầu (from) trở đi",
      "The last period (to) must not precede the first (from)",
    ),
  tooManyPeriods: (max: number): FieldIssue =>
    fieldIssue("to", `Tối đa ${max} kỳ mỗi lần`, `At most ${max} periods at a time`),
  reasonRequired: (): FieldIssue =>
    fieldIssue("reason", "Cần ghi lý do trả lại báo cáo", "A reason is required to return a report"),
};

/** Names of the transitions, for INVALID_TRANSITION messages. */
export const actions = {
  edit: { vi: "sửa", en: "edit" },
  submit: { vi: "nộp", en: "submit" },
  approve: { vi: "phê duyệt", en: "approve" },
  return: { vi: "trả lại", en: "return" },
} as const;

export const statusNames = {
  draft: { vi: "nháp", en: "draft" },
  submitted: { vi: "đã nộp", en: "submitted" },
  approved: { vi: "đã phê duyệt", en: "approved" },
  returned: { vi: "bị trả lại", en: "returned" },
} as const;

/** 423 LOCKED saying why: approved, or its period locked on a date (dd/mm/yyyy). */
export function lockedReport(lockedOn: string | null): AppError {
  const why = lockedOn
    ? {
        vi: `kỳ báo cáo đã khóa từ ngày ${formatDateVi(lockedOn)}`,
        en: `its period locked on ${formatDateVi(lockedOn)}`,
      }
    : { vi: "đã phê duyệt", en: "approved" };
  return new AppError("LOCKED", { why });
}
