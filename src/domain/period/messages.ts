import type { PeriodType } from "./types.ts";

/** A message in both languages. */
export interface Text {
  readonly vi: string;
  readonly en: string;
}

const TYPE_NAMES: Readonly<Record<PeriodType, Text>> = {
  month: { vi: "tháng", en: "month" },
  quarter: { vi: "quý", en: "quarter" },
  half_year: { vi: "6 tháng", en: "half-year" },
  year: { vi: "năm", en: "year" },
};

/** The name of a period type, e.g. { vi: "quý", en: "quarter" }. */
export function periodTypeName(type: PeriodType): Text {
  return TYPE_NAMES[type];
}

/** Shortens what the user typed so a hostile input cannot flood a message. */
function shown(input: string): string {
  return input.length > 24 ? `${input.slice(0, 24)}…` : input;
}

export const periodMessages = {
  invalidPeriod: (input: string): Text => ({
    vi: `Kỳ báo cáo '${shown(input)}' không hợp lệ; dùng dạng 202309, 2023Q3, 2023S2 hoặc 2023`,
    en: `Invalid period '${shown(input)}'; use 202309, 2023Q3, 2023S2 or 2023`,
  }),
  yearOutOfRange: (year: number, min: number, max: number): Text => ({
    vi: `Năm ${year} nằm ngoài khoảng ${min}–${max}`,
    en: `Year ${year} is outside ${min}–${max}`,
  }),
  wrongType: (id: string, expected: PeriodType): Text => ({
    vi: `Kỳ ${id} không phải kỳ ${TYPE_NAMES[expected].vi}`,
    en: `Period ${id} is not a ${TYPE_NAMES[expected].en}`,
  }),
  mixedTypes: (from: string, to: string): Text => ({
    vi: `Kỳ ${from} và kỳ ${to} không cùng loại`,
    en: `Periods ${from} and ${to} are not of the same type`,
  }),
  invalidDate: (input: string): Text => ({
    vi: `Ngày '${shown(input)}' không hợp lệ; dùng dạng YYYY-MM-DD`,
    en: `Invalid date '${shown(input)}'; use YYYY-MM-DD`,
  }),
  invalidDays: (days: number, max: number): Text => ({
    vi: `Số ngày ${days} không hợp lệ; phải là số nguyên từ 0 đến ${max}`,
    en: `Invalid number of days ${days}; it must be a whole number from 0 to ${max}`,
  }),
  invalidDueRule: (): Text => ({
    vi: "Quy tắc hạn nộp không hợp lệ",
    en: "Invalid due-date rule",
  }),
} as const;
