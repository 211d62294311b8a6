/** Loại kỳ báo cáo: the length of a reporting period. */
export type PeriodType = "month" | "quarter" | "half_year" | "year";

export const PERIOD_TYPES: readonly PeriodType[] = ["month", "quarter", "half_year", "year"];

/**
 * Kỳ báo cáo: one reporting period. `index` counts from 1 within the year: the month
 * (1–12), the quarter (1–4), the half (1–2); always 1 for a year.
 */
export interface Period {
  readonly type: PeriodType;
  readonly year: number;
  readonly index: number;
}

/** How many calendar months a period of each type spans. */
export const MONTHS_IN: Readonly<Record<PeriodType, number>> = {
  month: 1,
  quarter: 3,
  half_year: 6,
  year: 12,
};

/** Years a period may fall in; outside them an id is almost surely a typing mistake. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

export function periodsPerYear(type: PeriodType): number {
  return 12 / MONTHS_IN[type];
}

export function isPeriodType(value: string): value is PeriodType {
  return (PERIOD_TYPES as readonly string[]).includes(value);
}

/** A date range, both ends inclusive, as ISO dates `YYYY-MM-DD`. */
export interface DateWindow {
  readonly start: string;
  readonly end: string;
}
