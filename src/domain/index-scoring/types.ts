/**
 * Bộ chỉ số đánh giá chuyển đổi số (DTI) as data: unit groups, pillars and criteria with
 * their scoring rules. A framework is loaded from JSON or from the sheet provinces publish
 * (STT · Chỉ số · Điểm tối đa · Cách xác định và tính điểm · Tài liệu kiểm chứng · Nguồn thu
 * thập dữ liệu · Đơn vị phối hợp xác minh), then checked with `validateFramework`.
 */

/**
 * Points that may differ per unit group: one number for every group, or one number per group
 * code. For a pillar, a group missing from the record means the pillar is absent for it.
 */
export type PointsByGroup = number | Readonly<Record<string, number>>;

/** Nhóm đơn vị: units ranked against each other (sở có DVC, sở không có DVC, huyện, xã). */
export interface UnitGroup {
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
  /** Tổng điểm tối đa of the group (1000, 800, 900…); the pillars must add up to it. */
  readonly maxTotal: number;
}

/** Chỉ số chính (trụ cột): nhận thức số, thể chế số, hạ tầng số… 0 points = không tính điểm. */
export interface Pillar {
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly maxPoints: PointsByGroup;
}

/** Points awarded by a tier or threshold: absolute `points`, or a `share` (0–1) of the maximum. */
export interface Award {
  readonly points?: number;
  readonly share?: number;
}

/** One choice of a tiered criterion (e.g. the steering committee's head is the chairman). */
export interface TierOption extends Award {
  readonly code: string;
  readonly labelVi: string;
  readonly labelEn: string;
}

/** Reached when the count is at least `atLeast`. */
export interface CountThreshold extends Award {
  readonly atLeast: number;
}

/** Reached when the value is ≥ `limit` (direction at_least) or ≤ `limit` (at_most). */
export interface NumericThreshold extends Award {
  readonly limit: number;
}

/** Cách tính điểm: the rule that turns a unit's reported value into points. */
export type ScoringMethod =
  | { readonly kind: "yes_no" }
  | { readonly kind: "tiers"; readonly options: readonly TierOption[] }
  | {
      readonly kind: "ratio";
      /** When b = 0 (nothing was required): "full" points or "zero" (the default). */
      readonly zeroDenominator?: "full" | "zero";
      /** Ratio (0–1] at which full points are reached, e.g. 0.9 for "≥ 90% đạt điểm tối đa". */
      readonly fullAt?: number;
    }
  | { readonly kind: "count_thresholds"; readonly thresholds: readonly CountThreshold[] }
  | {
      readonly kind: "numeric_thresholds";
      readonly direction: "at_least" | "at_most";
      readonly thresholds: readonly NumericThreshold[];
      /** The values that make sense, e.g. 0–100 for a percentage; others are refused. */
      readonly scale?: { readonly min?: number; readonly max?: number };
    }
  | { readonly kind: "manual" };

export type ScoringMethodKind = ScoringMethod["kind"];

export const SCORING_METHOD_KINDS: readonly ScoringMethodKind[] = [
  "yes_no",
  "tiers",
  "ratio",
  "count_thresholds",
  "numeric_thresholds",
  "manual",
];

/** Chỉ số thành phần / tiêu chí: one scored line of the sheet. */
export interface Criterion {
  /** STT as published, e.g. "1.1". */
  readonly code: string;
  readonly pillar: string;
  /** The unit groups it applies to. */
  readonly groups: readonly string[];
  readonly nameVi: string;
  readonly nameEn: string;
  readonly maxPoints: PointsByGroup;
  readonly method: ScoringMethod;
  /** Cách xác định và tính điểm, the published wording of the rule. */
  readonly methodNoteVi?: string;
  /** Tài liệu kiểm chứng. */
  readonly evidenceRequired: string;
  /** Nguồn thu thập dữ liệu. */
  readonly dataSource: string;
  /** Đơn vị phối hợp xác minh số liệu: a unit code or name. */
  readonly verifyingUnit: string;
  /**
   * An expression over reported metric codes (`#{CODE}`) that fills the value automatically;
   * only for yes_no, count_thresholds and numeric_thresholds (one number or truth value).
   */
  readonly metricExpression?: string;
}

export interface Framework {
  readonly code: string;
  /** The evaluation year (data of 1/1–31/12). */
  readonly year: number;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly groups: readonly UnitGroup[];
  readonly pillars: readonly Pillar[];
  readonly criteria: readonly Criterion[];
}

/** "a of b": a ratio criterion's value. */
export interface RatioValue {
  readonly a: number;
  readonly b: number;
}

/**
 * A unit's value for one criterion: a boolean (yes_no), an option code (tiers), a ratio,
 * a whole count (count_thresholds), a number (numeric_thresholds) or points (manual).
 */
export type CriterionValue = boolean | number | string | RatioValue;
