import { type FieldIssue, fieldIssue } from "../errors/app-error.ts";
import { checkRuleValues } from "../metrics/expression.ts";
import type { FormContext } from "./context.ts";
import { issues } from "./messages.ts";
import type { ValueRecord } from "./store.ts";

export interface RuleFailures {
  /** Failed rules of severity error: they block submission. */
  errors: FieldIssue[];
  /** Failed rules of severity warning: shown, never blocking. */
  warnings: FieldIssue[];
}

/** Numbers the rules can see: numeric and yes/no (1/0) values by metric code. */
function numbersByCode(form: FormContext, values: ReadonlyMap<number, ValueRecord>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [metricId, v] of values) {
    const metric = form.byId.get(metricId);
    if (metric && v.value !== null) out.set(metric.code, v.value);
  }
  return out;
}

/** Evaluates the form's rules with the skip_if_any_missing strategy; the path is `rules.CODE`. */
export function ruleFailures(form: FormContext, values: ReadonlyMap<number, ValueRecord>): RuleFailures {
  const numbers = numbersByCode(form, values);
  const failures: RuleFailures = { errors: [], warnings: [] };
  for (const rule of form.rules) {
    if (checkRuleValues(rule.check, numbers) !== "fail") continue;
    const issue = fieldIssue(`rules.${rule.code}`, rule.messageVi, rule.messageEn, rule.severity);
    (rule.severity === "error" ? failures.errors : failures.warnings).push(issue);
  }
  return failures;
}

/** Required metrics without a value, at `metrics.CODE`. */
export function missingRequired(form: FormContext, values: ReadonlyMap<number, ValueRecord>): FieldIssue[] {
  return form.metrics
    .filter((m) => m.required)
    .filter((m) => {
      const v = values.get(m.id);
      return !v || (v.value === null && !v.textValue);
    })
    .map((m) => issues.requiredMissing(m.code, m.nameVi));
}
