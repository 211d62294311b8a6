import { referencedMetrics } from "./analyze.ts";
import type { Expr } from "./ast.ts";
import { evaluate, type Lookup, truthy } from "./evaluate.ts";

/**
 * What to do when a rule's metrics have no value (as DHIS2's missing value strategy):
 * `skip_if_any_missing` skips the rule when any is missing; `skip_if_all_missing` skips it
 * only when all are missing and otherwise counts the missing ones as 0; `never_skip`
 * always checks, counting missing values as 0.
 */
export type MissingValueStrategy = "skip_if_any_missing" | "skip_if_all_missing" | "never_skip";

export type RuleOutcome = "pass" | "fail" | "skipped";

/**
 * Checks a validation rule (quy tắc kiểm tra). A rule that cannot be evaluated (null, e.g.
 * division by zero) is "skipped". A numeric result passes when it is not zero.
 */
export function checkRule(ast: Expr, lookup: Lookup, strategy: MissingValueStrategy): RuleOutcome {
  const codes = referencedMetrics(ast);
  const missing = codes.filter((code) => !isPresent(lookup(code)));
  if (strategy === "skip_if_any_missing" && missing.length > 0) return "skipped";
  if (strategy === "skip_if_all_missing" && codes.length > 0 && missing.length === codes.length) {
    return "skipped";
  }
  const value = evaluate(ast, lookup, { missingAsZero: strategy !== "skip_if_any_missing" });
  if (value === null) return "skipped";
  return truthy(value) ? "pass" : "fail";
}

function isPresent(value: unknown): boolean {
  return typeof value === "number" && Number.isFinite(value);
}
