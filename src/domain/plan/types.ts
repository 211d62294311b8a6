/** How an indicator (chỉ tiêu) is measured. */
export type IndicatorKind =
  /** A quantity, e.g. 50 enterprises supported. */
  | "numeric"
  /** A share already in percent (0–100), e.g. 80%. */
  | "percent"
  /** Done or not (1 or 0), e.g. "platform launched". */
  | "milestone"
  /** How many of `unitTotal` units meet a condition, e.g. 12/12 districts. */
  | "unit_count";

export const INDICATOR_KINDS: readonly IndicatorKind[] = ["numeric", "percent", "milestone", "unit_count"];

/** "down" for targets to stay under, e.g. pending feedback below 1%. */
export type Direction = "up" | "down";

/** What an indicator aims at and from where; dates are ISO `YYYY-MM-DD`. */
export interface IndicatorSpec {
  readonly kind: IndicatorKind;
  readonly direction: Direction;
  /** The value at `baselineDate`; null when unknown (the first observation then stands in). */
  readonly baseline: number | null;
  readonly baselineDate: string;
  readonly target: number;
  /** The last day the target may be met (inclusive). */
  readonly deadline: string;
  /** For `unit_count`: how many units there are, e.g. 12 districts. */
  readonly unitTotal?: number;
}

/** One reported value of an indicator; `date` is the end date of `period`. */
export interface Observation {
  readonly period: string;
  readonly date: string;
  /** Null when the period was not reported: ignored, never read as 0. */
  readonly value: number | null;
}

/** What the data alone can say. */
export type ComputedStatus = "done" | "likely" | "at_risk" | "no_data";

/** The status shown in the monthly report, after declarations and overrides. */
export type FinalStatus = ComputedStatus | "dependent" | "discontinued";

export const FINAL_STATUSES: readonly FinalStatus[] = [
  "done",
  "likely",
  "at_risk",
  "dependent",
  "discontinued",
  "no_data",
];

/** A person may set only a judgement the data could also reach; facts go in a declaration. */
export type OverridableStatus = "done" | "likely" | "at_risk";

/** Which ordered rule decided the computed status (see README). */
export type RuleId = "R1" | "R2" | "R3" | "R4" | "R5" | "R6" | "M4" | "M5";

/** A fact about the indicator that no data can contradict. */
export type DeclaredStatus =
  /** phụ thuộc: waits on an outside body, e.g. a ministry. */
  | { readonly kind: "dependent"; readonly body: string; readonly reason: string }
  /** không tiếp tục đánh giá: dropped by a decision. */
  | { readonly kind: "discontinued"; readonly decision: string; readonly reason: string };

/** A person's judgement replacing the computed status; `at` is when it was made. */
export interface StatusOverride {
  readonly status: OverridableStatus;
  readonly reason: string;
  readonly by: string;
  readonly at: string;
}

export interface StatusOptions {
  /** R5 counts as on pace when progress ≥ expectedProgress × tolerance. Default 0.9. */
  readonly tolerance?: number;
  /** How many latest observations the trend is fitted to. Default 6, at least 2. */
  readonly trendWindow?: number;
  /** A milestone not done this many days or fewer before its deadline is at risk. Default 60. */
  readonly milestoneRiskDays?: number;
}

/** The computed status and the evidence behind it. Numbers that cannot be computed are null. */
export interface StatusResult {
  readonly status: ComputedStatus;
  readonly ruleId: RuleId;
  readonly asOf: string;
  /** The latest value at or before `asOf`. */
  readonly current: number | null;
  readonly currentPeriod: string | null;
  readonly currentDate: string | null;
  /** The baseline used: the spec's, or the first observation when the spec has none. */
  readonly baseline: number | null;
  readonly target: number;
  /** Share of the way from baseline to target (0..1, above 1 when exceeded). */
  readonly progress: number | null;
  /** Share of the time from baselineDate to deadline elapsed at `asOf` (0..1). */
  readonly expectedProgress: number;
  /** The value the trend reaches at the deadline. */
  readonly forecast: number | null;
  /** Change per month needed from `current` to reach the target by the deadline. */
  readonly requiredPace: number | null;
  /** Days from `asOf` to the deadline, negative once it has passed. */
  readonly daysToDeadline: number;
  readonly explanationVi: string;
  readonly explanationEn: string;
}

/** The final status and where it came from; the computed result is always kept beside it. */
export interface ResolvedStatus {
  readonly status: FinalStatus;
  readonly source: "declared" | "override" | "computed";
  /** True only when an override decided the status. */
  readonly overridden: boolean;
  /** The declaration's or override's reason; absent for a computed status. */
  readonly reason?: string;
  readonly declared?: DeclaredStatus;
  readonly override?: StatusOverride;
  readonly computed: StatusResult;
}

/** Indicators per status, as in the monthly report's table. */
export interface StatusCounts {
  readonly total: number;
  readonly done: number;
  readonly likely: number;
  readonly at_risk: number;
  readonly dependent: number;
  readonly discontinued: number;
  readonly no_data: number;
}

/** A point of a chart line; null where the line cannot be drawn. */
export interface LinePoint {
  readonly date: string;
  readonly value: number | null;
}
