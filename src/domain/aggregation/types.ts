import type { Period } from "../period/index.ts";

/**
 * Cách tổng hợp: how values combine over units and periods. `sum` for flows; `last` for
 * stocks; `average` (weighted when a weight series is given); `none` for values that only
 * mean something for the exact unit and period; `formula` for ratios computed from parts
 * that were aggregated first.
 */
export type AggregationType = "sum" | "average" | "last" | "none" | "formula";

/** The aggregation types that work directly on records (a formula works on aggregated parts). */
export type RecordAggregation = Exclude<AggregationType, "formula">;

export const AGGREGATION_TYPES: readonly AggregationType[] = ["sum", "average", "last", "none", "formula"];

/** One reported value (giá trị) of one metric, for one unit and one period. */
export interface ValueRecord {
  readonly unitId: number;
  /** Period id in any accepted spelling: 202309, 2023-09, 2023Q3, 2023S2, 2023. */
  readonly period: string;
  /** First day of the period, `YYYY-MM-DD`; must agree with `period`. */
  readonly periodStart: string;
  readonly value: number;
}

export interface AggregateOptions {
  /** Only records whose period lies inside this one count; without it, all records count. */
  readonly within?: Period;
  /** For `average` only: weights matched to values by unit and period. */
  readonly weights?: readonly ValueRecord[];
}
