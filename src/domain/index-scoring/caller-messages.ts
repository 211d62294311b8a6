import type { Text } from "../period/index.ts";

/** Messages of IndexScoringError: mistakes in how a caller uses the functions. */
export const callerMessages = {
  unknownGroup: (framework: string, group: string): Text => ({
    vi: `Bộ chỉ số ${framework} không có nhóm đơn vị '${group}'`,
    en: `Framework ${framework} has no unit group '${group}'`,
  }),
  duplicateUnit: (unit: string): Text => ({
    vi: `Đơn vị '${unit}' xuất hiện hơn một lần trong danh sách xếp hạng`,
    en: `Unit '${unit}' appears more than once in the ranking`,
  }),
  invalidTotal: (unit: string): Text => ({
    vi: `Điểm của đơn vị '${unit}' không phải là số hữu hạn`,
    en: `The points of unit '${unit}' are not a finite number`,
  }),
  mismatchedScores: (self: string, appraised: string): Text => ({
    vi: `Không thể so sánh: bản tự đánh giá (${self}) và bản thẩm định (${appraised}) khác bộ chỉ số hoặc nhóm`,
    en: `Cannot compare: the self-assessment (${self}) and the appraisal (${appraised}) differ in framework or group`,
  }),
} as const;
