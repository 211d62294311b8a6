import { type FieldIssue, fieldIssue } from "../errors/app-error.ts";
import type { Bilingual } from "../errors/catalogue.ts";
import type { AssessmentStatus } from "./types.ts";

/** The steps of the cycle as users call them. */
export const statusNames: Record<AssessmentStatus, Bilingual> = {
  open: { vi: "mở kỳ đánh giá", en: "open" },
  self_assessment: { vi: "tự đánh giá", en: "self-assessment" },
  appraisal: { vi: "thẩm định", en: "appraisal" },
  council: { vi: "hội đồng thẩm định", en: "appraisal council" },
  published: { vi: "đã công bố", en: "published" },
};

/** What a caller tried to do, for ASSESSMENT_STEP_CLOSED and ASSESSMENT_INCOMPLETE. */
export const actionNames = {
  start: { vi: "bắt đầu tự đánh giá", en: "start the self-assessment" },
  closeSelf: { vi: "kết thúc tự đánh giá", en: "close the self-assessment" },
  closeAppraisal: { vi: "kết thúc thẩm định", en: "close the appraisal" },
  fill: { vi: "nhập kết quả tự đánh giá", en: "fill in the self-assessment" },
  submit: { vi: "nộp kết quả tự đánh giá", en: "submit the self-assessment" },
  reopenUnit: { vi: "mở lại phần tự đánh giá", en: "reopen the self-assessment" },
  appraise: { vi: "thẩm định", en: "appraise" },
  council: { vi: "điều chỉnh của hội đồng", en: "record the council's adjustment" },
  finalise: { vi: "chốt kết quả", en: "finalise the results" },
  publish: { vi: "công bố kết quả", en: "publish the results" },
  reopen: { vi: "mở lại bước", en: "reopen the step" },
} satisfies Record<string, Bilingual>;

export type ActionName = keyof typeof actionNames;

/** Field-level problems of the assessment's inputs, in Vietnamese and English. */
export const issues = {
  staleAnswer: (i: number, code: string, current: number): FieldIssue =>
    fieldIssue(
      `values.${i}.version`,
      `Tiêu chí ${code} đã được lưu ở nơi khác (phiên bản ${current}); tải lại để xem trước khi sửa`,
      `Criterion ${code} was saved elsewhere (version ${current}); reload to see it before changing it`,
    ),
  unknownCriterion: (path: string, code: string): FieldIssue =>
    fieldIssue(path, `Không có tiêu chí ${code} trong bộ chỉ số`, `The framework has no criterion ${code}`),
  notForGroup: (path: string, code: string, group: string): FieldIssue =>
    fieldIssue(
      path,
      `Tiêu chí ${code} không áp dụng cho nhóm ${group}`,
      `Criterion ${code} does not apply to group ${group}`,
    ),
  repeated: (path: string, code: string): FieldIssue =>
    fieldIssue(path, `Tiêu chí ${code} được nhập hai lần`, `Criterion ${code} is given twice`),
  reasonRequired: (path: string): FieldIssue =>
    fieldIssue(path, "Điều chỉnh phải có lý do", "An adjustment needs a reason"),
  valueRequired: (path: string): FieldIssue =>
    fieldIssue(path, "Điều chỉnh phải có giá trị mới", "An adjustment needs the corrected value"),
  valueNotAllowed: (path: string): FieldIssue =>
    fieldIssue(path, "Xác nhận không kèm giá trị mới", "A confirmation takes no new value"),
  unknownGroup: (path: string, group: string): FieldIssue =>
    fieldIssue(path, `Bộ chỉ số không có nhóm ${group}`, `The framework has no group ${group}`),
  unknownUnit: (path: string, unit: string): FieldIssue =>
    fieldIssue(path, `Không có đơn vị ${unit}`, `No unit ${unit}`),
  repeatedUnit: (path: string, unit: string): FieldIssue =>
    fieldIssue(path, `Đơn vị ${unit} được liệt kê hai lần`, `Unit ${unit} is listed twice`),
  dueOrder: (path: string): FieldIssue =>
    fieldIssue(
      path,
      "Hạn thẩm định phải sau hạn tự đánh giá",
      "The appraisal deadline must come after the self-assessment deadline",
    ),
  announcedBeforeDecision: (path: string): FieldIssue =>
    fieldIssue(
      path,
      "Ngày công bố không được trước ngày ban hành quyết định",
      "The announcement cannot precede the decision",
    ),
  notEarlierStep: (path: string): FieldIssue =>
    fieldIssue(path, "Chỉ mở lại được một bước trước đó", "Only an earlier step can be reopened"),
  missingValue: (code: string): FieldIssue =>
    fieldIssue(`criteria.${code}`, `Tiêu chí ${code} chưa có giá trị`, `Criterion ${code} has no value`),
  notSubmitted: (unit: string): FieldIssue =>
    fieldIssue(`units.${unit}`, `Đơn vị ${unit} chưa nộp tự đánh giá`, `Unit ${unit} has not submitted`),
  notAppraised: (unit: string, count: number): FieldIssue =>
    fieldIssue(
      `units.${unit}`,
      `Đơn vị ${unit} còn ${count} tiêu chí chưa thẩm định`,
      `Unit ${unit} has ${count} criteria not yet appraised`,
    ),
  notFinalised: (): FieldIssue =>
    fieldIssue("status", "Hội đồng chưa chốt kết quả", "The council has not finalised the results"),
  unsafeUrl: (path: string): FieldIssue =>
    fieldIssue(
      path,
      "Đường dẫn phải bắt đầu bằng http:// hoặc https://",
      "A link must start with http:// or https://",
    ),
  unknownVerifier: (path: string, unit: string): FieldIssue =>
    fieldIssue(path, `Không có đơn vị thẩm định ${unit}`, `No verifying unit ${unit}`),
};
