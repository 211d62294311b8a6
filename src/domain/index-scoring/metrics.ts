import { evaluate, type Lookup, parseExpression, truthy } from "../expression/index.ts";
import type { Criterion, CriterionValue, ScoringMethodKind } from "./types.ts";

/** Methods whose value is one number or truth value, so an expression can supply it. */
export const AUTOMATIC_METHODS: readonly ScoringMethodKind[] = [
  "yes_no",
  "count_thresholds",
  "numeric_thresholds",
];

/**
 * The value a criterion's `metricExpression` gives from reported metrics: a boolean for
 * yes_no (non-zero numbers are true), a number otherwise. Null when there is no expression,
 * it does not parse, the method takes no automatic value, or a metric is missing: the value
 * must then be entered by hand. The result still goes through `scoreCriterion`'s checks.
 */
export function valueFromMetrics(criterion: Criterion, lookup: Lookup): CriterionValue | null {
  const text = criterion.metricExpression;
  if (text === undefined || !AUTOMATIC_METHODS.includes(criterion.method.kind)) return null;
  const parsed = parseExpression(text);
  if (!parsed.ok) return null;
  const value = evaluate(parsed.ast, lookup);
  if (value === null) return null;
  if (criterion.method.kind === "yes_no") return truthy(value);
  return typeof value === "boolean" ? (value ? 1 : 0) : value;
}
