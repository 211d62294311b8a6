import { type FrameworkProblem, problem } from "./errors.ts";
import { frameworkMessages as m, ORDER_RULES } from "./framework-messages.ts";
import type { ScoringMethod } from "./types.ts";
import { checkAward, checkReachable, type GroupMax, pointsIncrease } from "./validate-award.ts";

type Of<K extends ScoringMethod["kind"]> = Extract<ScoringMethod, { kind: K }>;

/** Problems of a criterion's scoring method at `path` (`criteria.3.method`). */
export function validateMethod(
  method: ScoringMethod,
  path: string,
  maxima: readonly GroupMax[],
): FrameworkProblem[] {
  switch (method.kind) {
    case "yes_no":
    case "manual":
      return [];
    case "tiers":
      return validateTiers(method, path, maxima);
    case "ratio":
      return validateRatio(method, path);
    case "count_thresholds":
      return validateCounts(method, path, maxima);
    case "numeric_thresholds":
      return validateNumeric(method, path, maxima);
    default: {
      const kind = String((method as { kind: unknown }).kind);
      return [problem(`${path}.kind`, "UNKNOWN_METHOD", m.unknownMethod(kind))];
    }
  }
}

function validateTiers(method: Of<"tiers">, path: string, maxima: readonly GroupMax[]) {
  if (method.options.length === 0) return [problem(`${path}.options`, "EMPTY", m.empty("options"))];
  const problems: FrameworkProblem[] = [];
  const seen = new Map<string, number>();
  method.options.forEach((option, k) => {
    const at = `${path}.options.${k}`;
    const first = seen.get(option.code);
    if (option.code.trim() === "") problems.push(problem(`${at}.code`, "BLANK_CODE", m.blankCode()));
    else if (first !== undefined) {
      const text = m.duplicateCode(option.code, `${path}.options.${first}.code`);
      problems.push(problem(`${at}.code`, "DUPLICATE_CODE", text));
    } else seen.set(option.code, k);
    problems.push(...checkAward(option, at, maxima));
  });
  if (problems.length > 0) return problems;
  return checkReachable(method.options, `${path}.options`, maxima);
}

function validateRatio(method: Of<"ratio">, path: string): FrameworkProblem[] {
  const fullAt = method.fullAt;
  if (fullAt === undefined || (Number.isFinite(fullAt) && fullAt > 0 && fullAt <= 1)) return [];
  return [problem(`${path}.fullAt`, "INVALID_THRESHOLD", m.invalidFullAt(fullAt))];
}

function validateCounts(method: Of<"count_thresholds">, path: string, maxima: readonly GroupMax[]) {
  const list = method.thresholds;
  if (list.length === 0) return [problem(`${path}.thresholds`, "EMPTY", m.empty("thresholds"))];
  const problems: FrameworkProblem[] = [];
  list.forEach((t, k) => {
    const at = `${path}.thresholds.${k}`;
    if (!Number.isInteger(t.atLeast) || t.atLeast < 0) {
      problems.push(problem(`${at}.atLeast`, "INVALID_THRESHOLD", m.invalidCount(t.atLeast)));
    }
    problems.push(...checkAward(t, at, maxima));
  });
  if (problems.length > 0) return problems;
  list.forEach((t, k) => {
    const previous = list[k - 1];
    if (previous === undefined) return;
    const at = `${path}.thresholds.${k}`;
    if (t.atLeast >= previous.atLeast || pointsIncrease(previous, t, maxima)) {
      problems.push(problem(at, "UNORDERED_THRESHOLDS", m.unordered(ORDER_RULES.atLeastDescending)));
    }
  });
  return problems.length > 0 ? problems : checkReachable(list, `${path}.thresholds`, maxima);
}

function validateNumeric(method: Of<"numeric_thresholds">, path: string, maxima: readonly GroupMax[]) {
  const problems = validateScale(method, path);
  const list = method.thresholds;
  if (list.length === 0) return [...problems, problem(`${path}.thresholds`, "EMPTY", m.empty("thresholds"))];
  const min = method.scale?.min ?? Number.NEGATIVE_INFINITY;
  const max = method.scale?.max ?? Number.POSITIVE_INFINITY;
  list.forEach((t, k) => {
    const at = `${path}.thresholds.${k}`;
    if (!Number.isFinite(t.limit) || t.limit < min || t.limit > max) {
      problems.push(problem(`${at}.limit`, "INVALID_THRESHOLD", m.limitOutsideScale(t.limit)));
    }
    problems.push(...checkAward(t, at, maxima));
  });
  if (problems.length > 0) return problems;
  const atLeast = method.direction === "at_least";
  list.forEach((t, k) => {
    const previous = list[k - 1];
    if (previous === undefined) return;
    const wrongWay = atLeast ? t.limit >= previous.limit : t.limit <= previous.limit;
    if (wrongWay || pointsIncrease(previous, t, maxima)) {
      const rule = atLeast ? ORDER_RULES.atLeastLimits : ORDER_RULES.atMostLimits;
      problems.push(problem(`${path}.thresholds.${k}`, "UNORDERED_THRESHOLDS", m.unordered(rule)));
    }
  });
  return problems.length > 0 ? problems : checkReachable(list, `${path}.thresholds`, maxima);
}

function validateScale(method: Of<"numeric_thresholds">, path: string): FrameworkProblem[] {
  const { min, max } = method.scale ?? {};
  const bad = (x: number | undefined) => x !== undefined && !Number.isFinite(x);
  if (bad(min) || bad(max) || (min !== undefined && max !== undefined && min > max)) {
    return [problem(`${path}.scale`, "INVALID_SCALE", m.invalidScale())];
  }
  return [];
}
