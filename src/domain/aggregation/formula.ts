import { type Expr, evaluate, referencedMetrics } from "../expression/index.ts";
import type { Period } from "../period/index.ts";
import { aggregate } from "./aggregate.ts";
import type { RecordAggregation, ValueRecord } from "./types.ts";

/**
 * The value of a formula metric from the already aggregated values of the metrics it
 * references: a ratio of sums, never an average of ratios. A missing code counts as no
 * value. A boolean result is returned as 1 or 0 (as boolean values are stored).
 */
export function aggregateFormula(
  ast: Expr,
  aggregatedByCode: ReadonlyMap<string, number | null>,
): number | null {
  const value = evaluate(ast, (code) => aggregatedByCode.get(code) ?? null);
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/** One referenced metric's records with its own aggregation rule. */
export interface FormulaPart {
  readonly aggregation: RecordAggregation;
  readonly records: readonly ValueRecord[];
  readonly weights?: readonly ValueRecord[];
}

/**
 * Aggregates each metric the formula references with its own rule over `within`, then
 * evaluates the formula. A referenced code without a part has no value. A part that is
 * itself a formula must be computed first and passed through aggregateFormula.
 */
export function aggregateFormulaFromParts(
  ast: Expr,
  parts: ReadonlyMap<string, FormulaPart>,
  within?: Period,
): number | null {
  const aggregated = new Map<string, number | null>();
  for (const code of referencedMetrics(ast)) {
    const part = parts.get(code);
    const options = { within, ...(part?.weights === undefined ? {} : { weights: part.weights }) };
    aggregated.set(code, part === undefined ? null : aggregate(part.aggregation, part.records, options));
  }
  return aggregateFormula(ast, aggregated);
}
