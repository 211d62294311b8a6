import type { Text } from "../period/index.ts";
import { numEn, numVi } from "./numbers.ts";

/** Names of the lists a framework holds, for "must not be empty" and "duplicate" messages. */
export const LIST_NAMES = {
  groups: { vi: "nhóm đơn vị", en: "unit groups" },
  pillars: { vi: "chỉ số chính", en: "pillars" },
  criteria: { vi: "chỉ số thành phần", en: "criteria" },
  criterionGroups: { vi: "nhóm áp dụng", en: "groups it applies to" },
  options: { vi: "phương án", en: "options" },
  thresholds: { vi: "ngưỡng", en: "thresholds" },
} as const satisfies Record<string, Text>;

export type ListName = keyof typeof LIST_NAMES;

export const frameworkMessages = {
  shape: (detail: Text): Text => ({
    vi: `Sai cấu trúc: ${detail.vi}`,
    en: `Invalid structure: ${detail.en}`,
  }),
  empty: (list: ListName): Text => ({
    vi: `Danh sách ${LIST_NAMES[list].vi} không được rỗng`,
    en: `The list of ${LIST_NAMES[list].en} must not be empty`,
  }),
  blankCode: (): Text => ({ vi: "Mã không được để trống", en: "The code must not be blank" }),
  invalidYear: (year: number): Text => ({
    vi: `Năm đánh giá ${numVi(year)} không hợp lệ (cần từ 1900 đến 2100)`,
    en: `Evaluation year ${numEn(year)} is invalid (expected 1900 to 2100)`,
  }),
  duplicateCode: (code: string, firstPath: string): Text => ({
    vi: `Mã '${code}' bị trùng (đã dùng tại ${firstPath})`,
    en: `Code '${code}' is a duplicate (already used at ${firstPath})`,
  }),
  unknownGroup: (code: string): Text => ({
    vi: `Không có nhóm đơn vị '${code}'`,
    en: `There is no unit group '${code}'`,
  }),
  unknownPillar: (code: string): Text => ({
    vi: `Không có chỉ số chính '${code}'`,
    en: `There is no pillar '${code}'`,
  }),
  pillarNotInGroup: (pillar: string, group: string): Text => ({
    vi: `Chỉ số chính '${pillar}' không áp dụng cho nhóm '${group}'`,
    en: `Pillar '${pillar}' does not apply to group '${group}'`,
  }),
  pointsForOtherGroup: (group: string): Text => ({
    vi: `Có điểm cho nhóm '${group}' nhưng chỉ số không áp dụng cho nhóm này`,
    en: `Points are given for group '${group}', which the criterion does not apply to`,
  }),
  missingPoints: (group: string): Text => ({
    vi: `Thiếu điểm tối đa cho nhóm '${group}'`,
    en: `Maximum points for group '${group}' are missing`,
  }),
  invalidPoints: (value: number): Text => ({
    vi: `Điểm ${numVi(value)} không hợp lệ (cần số không âm, tối đa 2 chữ số thập phân)`,
    en: `Points ${numEn(value)} are invalid (expected 0 or more, at most 2 decimals)`,
  }),
  invalidTotal: (value: number): Text => ({
    vi: `Tổng điểm tối đa ${numVi(value)} không hợp lệ (cần số dương, tối đa 2 chữ số thập phân)`,
    en: `Maximum total ${numEn(value)} is invalid (expected more than 0, at most 2 decimals)`,
  }),
  pillarsSum: (group: string, sum: number, total: number): Text => ({
    vi: `Tổng điểm các chỉ số chính của nhóm '${group}' là ${numVi(sum)}, khác tổng điểm tối đa ${numVi(total)}`,
    en: `The pillars of group '${group}' add up to ${numEn(sum)}, not the maximum total ${numEn(total)}`,
  }),
  criteriaSum: (group: string, sum: number, max: number): Text => ({
    vi: `Tổng điểm các chỉ số thành phần cho nhóm '${group}' là ${numVi(sum)}, khác điểm tối đa ${numVi(max)}`,
    en: `The criteria for group '${group}' add up to ${numEn(sum)}, not the pillar's ${numEn(max)}`,
  }),
  unknownMethod: (kind: string): Text => ({
    vi: `Cách tính điểm '${kind}' không được hỗ trợ`,
    en: `Scoring method '${kind}' is not supported`,
  }),
  awardNeitherOrBoth: (): Text => ({
    vi: "Cần đúng một trong hai: số điểm (points) hoặc tỷ lệ điểm tối đa (share)",
    en: "Give exactly one of points or share (of the maximum)",
  }),
  invalidShare: (share: number): Text => ({
    vi: `Tỷ lệ ${numVi(share)} không hợp lệ (cần từ 0 đến 1)`,
    en: `Share ${numEn(share)} is invalid (expected 0 to 1)`,
  }),
  pointsAboveMax: (points: number, max: number, group: string): Text => ({
    vi: `Số điểm ${numVi(points)} vượt điểm tối đa ${numVi(max)} của nhóm '${group}'`,
    en: `Points ${numEn(points)} exceed the maximum ${numEn(max)} for group '${group}'`,
  }),
  maxUnreachable: (best: number, max: number, group: string): Text => ({
    vi: `Mức cao nhất chỉ được ${numVi(best)} điểm, không đạt điểm tối đa ${numVi(max)} của nhóm '${group}'`,
    en: `The best level gives ${numEn(best)} points, short of the maximum ${numEn(max)} for group '${group}'`,
  }),
  invalidCount: (value: number): Text => ({
    vi: `Ngưỡng ${numVi(value)} không hợp lệ (cần số nguyên không âm)`,
    en: `Threshold ${numEn(value)} is invalid (expected a whole number, 0 or more)`,
  }),
  limitOutsideScale: (value: number): Text => ({
    vi: `Ngưỡng ${numVi(value)} nằm ngoài thang giá trị`,
    en: `Threshold ${numEn(value)} is outside the scale`,
  }),
  invalidFullAt: (value: number): Text => ({
    vi: `Tỷ lệ đạt điểm tối đa ${numVi(value)} không hợp lệ (cần lớn hơn 0 và không quá 1)`,
    en: `Full-points ratio ${numEn(value)} is invalid (expected more than 0, at most 1)`,
  }),
  unordered: (order: Text): Text => ({
    vi: `Các ngưỡng không theo thứ tự: ${order.vi}`,
    en: `Thresholds are out of order: ${order.en}`,
  }),
  invalidScale: (): Text => ({
    vi: "Thang giá trị không hợp lệ: cần số hữu hạn, giá trị nhỏ nhất không lớn hơn giá trị lớn nhất",
    en: "Invalid scale: expected finite numbers with the minimum not above the maximum",
  }),
  invalidExpression: (error: { messageVi: string; messageEn: string }): Text => ({
    vi: `Biểu thức không hợp lệ: ${error.messageVi}`,
    en: `Invalid expression: ${error.messageEn}`,
  }),
  expressionNotSupported: (kind: string): Text => ({
    vi: `Cách tính điểm '${kind}' không lấy giá trị tự động từ biểu thức`,
    en: `Scoring method '${kind}' cannot take its value from an expression`,
  }),
} as const;

/** Ordering rules quoted by `unordered`. */
export const ORDER_RULES = {
  atLeastDescending: {
    vi: "số lần phải giảm dần, điểm không được tăng",
    en: "counts must decrease and points must not increase",
  },
  atLeastLimits: {
    vi: "ngưỡng (≥) phải giảm dần, điểm không được tăng",
    en: "limits (≥) must decrease and points must not increase",
  },
  atMostLimits: {
    vi: "ngưỡng (≤) phải tăng dần, điểm không được tăng",
    en: "limits (≤) must increase and points must not increase",
  },
} as const satisfies Record<string, Text>;
