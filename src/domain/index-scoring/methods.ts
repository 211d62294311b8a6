import { nearlyEqual } from "../expression/index.ts";
import { type ScoreIssue, scoreIssue } from "./errors.ts";
import { awardValue, criterionMax, roundPoints } from "./points.ts";
import { scoreMessages as m } from "./score-messages.ts";
import type { Award, Criterion, CriterionValue, ScoringMethod } from "./types.ts";

/** A criterion's points for one unit, or why its value cannot be scored. */
export type CriterionScore =
  | { readonly ok: true; readonly points: number; readonly maxPoints: number }
  | { readonly ok: false; readonly error: ScoreIssue };

/**
 * Scores one value of one unit in `group`. The value's shape is checked against the method
 * (values come from forms and spreadsheets, whatever their declared type). Points are rounded
 * to 2 decimals, half away from zero, and kept within [0, maximum].
 */
export function scoreCriterion(criterion: Criterion, group: string, value: CriterionValue): CriterionScore {
  const max = criterionMax(criterion, group);
  if (max === null) {
    return { ok: false, error: scoreIssue("NOT_APPLICABLE", m.notApplicable(criterion.code, group)) };
  }
  const raw = rawPoints(criterion.code, criterion.method, max, value);
  if (typeof raw !== "number") return { ok: false, error: raw };
  // The clamp only matters for a framework that failed validation (an award above the maximum).
  return { ok: true, points: Math.min(max, roundPoints(Math.max(0, raw))), maxPoints: max };
}

type Raw = number | ScoreIssue;

function rawPoints(code: string, method: ScoringMethod, max: number, value: unknown): Raw {
  switch (method.kind) {
    case "yes_no":
      return typeof value === "boolean" ? (value ? max : 0) : wrongType(code, method, value);
    case "tiers":
      return tierPoints(code, method, max, value);
    case "ratio":
      return ratioPoints(code, method, max, value);
    case "count_thresholds":
      return countPoints(code, method, max, value);
    case "numeric_thresholds":
      return numericPoints(code, method, max, value);
    case "manual":
      return manualPoints(code, method, max, value);
    default:
      // Reachable when a definition bypassed validation: JSON can name any method.
      return scoreIssue("UNKNOWN_METHOD", m.unknownMethod(code, String((method as { kind: unknown }).kind)));
  }
}

function wrongType(code: string, method: ScoringMethod, value: unknown): ScoreIssue {
  return scoreIssue("WRONG_VALUE_TYPE", m.wrongType(code, method.kind, value));
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

type Tiers = Extract<ScoringMethod, { kind: "tiers" }>;

function tierPoints(code: string, method: Tiers, max: number, value: unknown): Raw {
  if (typeof value !== "string") return wrongType(code, method, value);
  const option = method.options.find((o) => o.code === value);
  if (option === undefined) {
    const known = method.options.map((o) => o.code);
    return scoreIssue("UNKNOWN_OPTION", m.unknownOption(code, value, known));
  }
  return awardValue(option, max) ?? 0;
}

type Ratio = Extract<ScoringMethod, { kind: "ratio" }>;

function ratioPoints(code: string, method: Ratio, max: number, value: unknown): Raw {
  if (typeof value !== "object" || value === null) return wrongType(code, method, value);
  const { a, b } = value as { a?: unknown; b?: unknown };
  if (!isFiniteNumber(a) || !isFiniteNumber(b)) return wrongType(code, method, value);
  if (a < 0) return scoreIssue("OUT_OF_SCALE", m.outOfScale(code, a, 0, null));
  if (b < 0) return scoreIssue("OUT_OF_SCALE", m.outOfScale(code, b, 0, null));
  if (a > b) return scoreIssue("NUMERATOR_EXCEEDS_DENOMINATOR", m.numeratorExceeds(code, a, b));
  // b = 0 means nothing was required: full points only when the criterion says so.
  if (b === 0) return method.zeroDenominator === "full" ? max : 0;
  // a × max ÷ b rounds once, so 1 of 8 at 10 points is exactly 1.25.
  const fullAt = method.fullAt ?? 1;
  return Math.min(max, (a * max) / (b * fullAt));
}

type Counts = Extract<ScoringMethod, { kind: "count_thresholds" }>;

function countPoints(code: string, method: Counts, max: number, value: unknown): Raw {
  if (!isFiniteNumber(value)) return wrongType(code, method, value);
  if (value < 0) return scoreIssue("OUT_OF_SCALE", m.outOfScale(code, value, 0, null));
  if (!Number.isInteger(value)) return scoreIssue("NOT_WHOLE_NUMBER", m.notWhole(code, value));
  return best(
    method.thresholds.filter((t) => value >= t.atLeast),
    max,
  );
}

type Numeric = Extract<ScoringMethod, { kind: "numeric_thresholds" }>;

function numericPoints(code: string, method: Numeric, max: number, value: unknown): Raw {
  if (!isFiniteNumber(value)) return wrongType(code, method, value);
  const min = method.scale?.min ?? null;
  const top = method.scale?.max ?? null;
  if ((min !== null && value < min) || (top !== null && value > top)) {
    return scoreIssue("OUT_OF_SCALE", m.outOfScale(code, value, min, top));
  }
  // A computed share such as 0.57 × 100 = 56.99999999999999 still reaches the threshold 57.
  const reached = method.thresholds.filter((t) =>
    method.direction === "at_least"
      ? value >= t.limit || nearlyEqual(value, t.limit)
      : value <= t.limit || nearlyEqual(value, t.limit),
  );
  return best(reached, max);
}

function manualPoints(code: string, method: ScoringMethod, max: number, value: unknown): Raw {
  if (!isFiniteNumber(value)) return wrongType(code, method, value);
  if (value < 0 || value > max) return scoreIssue("OUT_OF_SCALE", m.outOfScale(code, value, 0, max));
  return value;
}

/**
 * The best award among those reached. With thresholds in their validated order this is the
 * first one reached; taking the best keeps the result right even if they were not ordered.
 */
function best(reached: readonly Award[], max: number): number {
  let points = 0;
  for (const award of reached) points = Math.max(points, awardValue(award, max) ?? 0);
  return points;
}
