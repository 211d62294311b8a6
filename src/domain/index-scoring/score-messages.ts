import type { Text } from "../period/index.ts";
import { numEn, numVi, quote } from "./numbers.ts";
import type { ScoringMethodKind } from "./types.ts";

/** The value each method expects, for "expected …" messages. */
const EXPECTED: Readonly<Record<ScoringMethodKind, Text>> = {
  yes_no: { vi: "giá trị Có/Không (true/false)", en: "a yes/no value (true/false)" },
  tiers: { vi: "mã của một phương án", en: "an option code" },
  ratio: { vi: "cặp số { a, b } (a trên tổng số b)", en: "a pair { a, b } (a of b)" },
  count_thresholds: { vi: "số lần (số nguyên không âm)", en: "a count (a whole number, 0 or more)" },
  numeric_thresholds: { vi: "một số", en: "a number" },
  manual: { vi: "số điểm", en: "a number of points" },
};

function scaleVi(min: number | null, max: number | null): string {
  if (min !== null && max !== null) return `thang từ ${numVi(min)} đến ${numVi(max)}`;
  return min !== null ? `thang từ ${numVi(min)} trở lên` : `thang tối đa ${numVi(max ?? 0)}`;
}

function scaleEn(min: number | null, max: number | null): string {
  if (min !== null && max !== null) return `the scale ${numEn(min)} to ${numEn(max)}`;
  return min !== null ? `the scale of ${numEn(min)} or more` : `the scale of at most ${numEn(max ?? 0)}`;
}

export const scoreMessages = {
  notApplicable: (criterion: string, group: string): Text => ({
    vi: `Tiêu chí ${criterion} không áp dụng cho nhóm ${group}`,
    en: `Criterion ${criterion} does not apply to group ${group}`,
  }),
  wrongType: (criterion: string, kind: ScoringMethodKind, value: unknown): Text => ({
    vi: `Tiêu chí ${criterion}: cần ${EXPECTED[kind].vi}, nhận được ${quote(value, "vi")}`,
    en: `Criterion ${criterion}: expected ${EXPECTED[kind].en}, got ${quote(value, "en")}`,
  }),
  outOfScale: (criterion: string, value: number, min: number | null, max: number | null): Text => ({
    vi: `Tiêu chí ${criterion}: giá trị ${numVi(value)} nằm ngoài ${scaleVi(min, max)}`,
    en: `Criterion ${criterion}: value ${numEn(value)} is outside ${scaleEn(min, max)}`,
  }),
  notWhole: (criterion: string, value: number): Text => ({
    vi: `Tiêu chí ${criterion}: số lần phải là số nguyên, nhận được ${numVi(value)}`,
    en: `Criterion ${criterion}: a count must be a whole number, got ${numEn(value)}`,
  }),
  numeratorExceeds: (criterion: string, a: number, b: number): Text => ({
    vi: `Tiêu chí ${criterion}: a = ${numVi(a)} lớn hơn tổng số b = ${numVi(b)}`,
    en: `Criterion ${criterion}: a = ${numEn(a)} exceeds the total b = ${numEn(b)}`,
  }),
  unknownOption: (criterion: string, option: string, known: readonly string[]): Text => ({
    vi: `Tiêu chí ${criterion}: phương án '${option}' không có trong danh sách (${known.join(", ")})`,
    en: `Criterion ${criterion}: option '${option}' is not one of ${known.join(", ")}`,
  }),
  unknownMethod: (criterion: string, kind: string): Text => ({
    vi: `Tiêu chí ${criterion}: cách tính điểm '${kind}' không được hỗ trợ`,
    en: `Criterion ${criterion}: scoring method '${kind}' is not supported`,
  }),
} as const;
