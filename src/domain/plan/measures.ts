import { daysBetween } from "../period/index.ts";
import type { IndicatorSpec } from "./types.ts";

/** The average Gregorian month in days, so paces read "per month" whatever the month. */
export const DAYS_PER_MONTH = 365.2425 / 12;

/**
 * Slack for float comparisons, scaled by the threshold only: a computed 79.99999999999999%
 * meets 80%, and raising the compared value can never turn "met" into "not met".
 */
function slack(threshold: number): number {
  return 1e-12 * Math.max(1, Math.abs(threshold));
}

/** A result that is not a finite number cannot be shown: null instead of NaN or Infinity. */
export function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** Whether `value` meets the target: ≥ for up (and milestones, target 1), ≤ for down. */
export function meetsTarget(spec: IndicatorSpec, value: number): boolean {
  return spec.direction === "up"
    ? value >= spec.target - slack(spec.target)
    : value <= spec.target + slack(spec.target);
}

/** `a ≥ b`, allowing float slack scaled by b. */
export function atLeast(a: number, b: number): boolean {
  return a >= b - slack(b);
}

/**
 * Share of the way from baseline to target. Null when the baseline is unknown, or when it
 * already meets the target (target = baseline, or beyond it): then there is no way to measure.
 */
export function progressOf(spec: IndicatorSpec, baseline: number | null, current: number): number | null {
  if (baseline === null) return null;
  const span = spec.target - baseline;
  const towards = spec.direction === "up" ? span > 0 : span < 0;
  return towards ? finiteOrNull((current - baseline) / span) : null;
}

/**
 * Share of the time from baselineDate to deadline elapsed at `date`, clamped to 0..1. When
 * both dates are the same day, the time is all gone from that day on (no division by zero).
 */
export function expectedProgressAt(spec: IndicatorSpec, date: string): number {
  const total = daysBetween(spec.baselineDate, spec.deadline);
  const elapsed = daysBetween(spec.baselineDate, date);
  if (elapsed >= total) return 1;
  if (elapsed <= 0) return 0;
  return elapsed / total;
}

/**
 * Change per month needed from `current` at `asOf` to meet the target by the deadline:
 * 0 when already met, null for milestones (no pace) or when no time is left.
 */
export function requiredPaceOf(spec: IndicatorSpec, current: number, asOf: string): number | null {
  if (spec.kind === "milestone") return null;
  if (meetsTarget(spec, current)) return 0;
  const days = daysBetween(asOf, spec.deadline);
  if (days <= 0) return null;
  return finiteOrNull((spec.target - current) / (days / DAYS_PER_MONTH));
}

/** Keeps a projected value where the kind allows it: a share in 0–100, a count in 0–total. */
export function capForKind(spec: IndicatorSpec, value: number): number {
  switch (spec.kind) {
    case "percent":
      return clamp(value, 0, 100);
    case "unit_count":
      return clamp(value, 0, spec.unitTotal ?? Number.POSITIVE_INFINITY);
    default:
      return value;
  }
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
