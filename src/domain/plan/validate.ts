import { daysBetween, isIsoDate } from "../period/index.ts";
import { PlanError } from "./errors.ts";
import { planMessages } from "./messages.ts";
import { INDICATOR_KINDS, type IndicatorSpec, type StatusOptions } from "./types.ts";

/** Defaults of `StatusOptions`, documented in README. */
export const DEFAULT_TOLERANCE = 0.9;
export const DEFAULT_TREND_WINDOW = 6;
export const DEFAULT_MILESTONE_RISK_DAYS = 60;

export type ResolvedOptions = Required<StatusOptions>;

/** Throws INVALID_DATE unless `value` is a real `YYYY-MM-DD` date. */
export function assertDate(value: unknown, path: string): asserts value is string {
  if (typeof value !== "string" || !isIsoDate(value)) {
    throw new PlanError("INVALID_DATE", path, planMessages.invalidDate(path, value));
  }
}

function assertFinite(value: unknown, path: string): asserts value is number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new PlanError("INVALID_SPEC", path, planMessages.notFinite(path));
  }
}

/**
 * Checks a spec before any rule reads it: specs come from stored JSON, so the types alone
 * do not guarantee a target is a number or a deadline a date.
 */
export function validateSpec(spec: IndicatorSpec): void {
  if (!INDICATOR_KINDS.includes(spec.kind)) {
    throw new PlanError("INVALID_SPEC", "spec.kind", planMessages.unknownKind(spec.kind));
  }
  if (spec.direction !== "up" && spec.direction !== "down") {
    throw new PlanError("INVALID_SPEC", "spec.direction", planMessages.unknownDirection(spec.direction));
  }
  assertFinite(spec.target, "spec.target");
  if (spec.baseline !== null) assertFinite(spec.baseline, "spec.baseline");
  assertDate(spec.baselineDate, "spec.baselineDate");
  assertDate(spec.deadline, "spec.deadline");
  if (daysBetween(spec.baselineDate, spec.deadline) < 0) {
    throw new PlanError("INVALID_SPEC", "spec.deadline", planMessages.deadlineBeforeBaseline());
  }
  validateKind(spec);
}

function validateKind(spec: IndicatorSpec): void {
  const bounded: Array<[number | null, string]> = [
    [spec.target, "spec.target"],
    [spec.baseline, "spec.baseline"],
  ];
  switch (spec.kind) {
    case "percent":
      for (const [value, path] of bounded) {
        if (value !== null && (value < 0 || value > 100)) {
          throw new PlanError("INVALID_SPEC", path, planMessages.percentRange(path));
        }
      }
      return;
    case "unit_count": {
      const total = spec.unitTotal;
      if (total === undefined || !Number.isSafeInteger(total) || total <= 0) {
        throw new PlanError("INVALID_SPEC", "spec.unitTotal", planMessages.unitTotal());
      }
      for (const [value, path] of bounded) {
        if (value !== null && !isUnitCount(value, total)) {
          throw new PlanError("INVALID_SPEC", path, planMessages.unitRange(path, total));
        }
      }
      return;
    }
    case "milestone":
      // A milestone is reached or not: anything but "up to 1" would make R2 meaningless.
      if (
        spec.direction !== "up" ||
        spec.target !== 1 ||
        (spec.baseline !== null && !isFlag(spec.baseline))
      ) {
        throw new PlanError("INVALID_SPEC", "spec", planMessages.milestoneSpec());
      }
      return;
    case "numeric":
      return;
  }
}

export function isUnitCount(value: number, total: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= total;
}

export function isFlag(value: number): boolean {
  return value === 0 || value === 1;
}

/** Fills the defaults and rejects options that would make a rule meaningless. */
export function resolveOptions(options: StatusOptions = {}): ResolvedOptions {
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const trendWindow = options.trendWindow ?? DEFAULT_TREND_WINDOW;
  const milestoneRiskDays = options.milestoneRiskDays ?? DEFAULT_MILESTONE_RISK_DAYS;
  if (!Number.isFinite(tolerance) || tolerance <= 0) {
    throw optionError("tolerance", { vi: "phải là số dương", en: "must be a positive number" });
  }
  if (!Number.isSafeInteger(trendWindow) || trendWindow < 2) {
    throw optionError("trendWindow", { vi: "phải là số nguyên từ 2", en: "must be a whole number from 2" });
  }
  if (!Number.isSafeInteger(milestoneRiskDays) || milestoneRiskDays < 0) {
    throw optionError("milestoneRiskDays", {
      vi: "phải là số nguyên không âm",
      en: "must be a whole number from 0",
    });
  }
  return { tolerance, trendWindow, milestoneRiskDays };
}

function optionError(name: string, rule: { vi: string; en: string }): PlanError {
  return new PlanError("INVALID_OPTION", `options.${name}`, planMessages.invalidOption(name, rule));
}
