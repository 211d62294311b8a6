import {
  checkRule,
  type Expr,
  parseExpression,
  type ResultType,
  type RuleOutcome,
  referencedMetrics,
  resultType,
} from "../domain/expression/index.ts";

/** An expression that parsed, with the metric codes it names (in order of first mention). */
export interface ParsedExpression {
  ast: Expr;
  refs: string[];
}

export type ParseOutcome =
  | ({ ok: true; type: ResultType } & ParsedExpression)
  | { ok: false; vi: string; en: string };

/** Parses a formula or a validation rule; a syntax error comes back in both languages. */
export function parseChecked(text: string): ParseOutcome {
  const parsed = parseExpression(text);
  if (!parsed.ok) return { ok: false, vi: parsed.error.messageVi, en: parsed.error.messageEn };
  return { ok: true, ast: parsed.ast, refs: referencedMetrics(parsed.ast), type: resultType(parsed.ast) };
}

/**
 * Checks a validation rule with the skip_if_any_missing strategy: a rule naming a metric
 * without a value is skipped, so a half-filled report is not flooded with failures.
 */
export function checkRuleValues(rule: ParsedExpression, values: ReadonlyMap<string, number>): RuleOutcome {
  return checkRule(rule.ast, (code) => values.get(code) ?? null, "skip_if_any_missing");
}
