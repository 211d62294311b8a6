import { PlanError, validateSpec } from "../domain/plan/index.ts";
import { type FieldIssue, fieldIssue } from "../errors/app-error.ts";
import { type ParsedExpression, parseChecked } from "../metrics/expression.ts";
import { issues } from "./messages.ts";
import type { IndicatorRow } from "./store.ts";

/** A formula that parses and names only known numeric or yes/no metrics. */
export type FormulaCheck = { ok: true; parsed: ParsedExpression } | { ok: false; issues: FieldIssue[] };

/** Checks a formula over metric codes against the catalogue; `path` names the field. */
export function checkFormula(
  text: string,
  metricTypes: ReadonlyMap<string, string>,
  path: string,
): FormulaCheck {
  const parsed = parseChecked(text);
  if (!parsed.ok) return { ok: false, issues: [issues.badFormula(path, parsed.vi, parsed.en)] };
  if (parsed.refs.length === 0) return { ok: false, issues: [issues.noMetricInFormula(path)] };
  const found = parsed.refs.flatMap((code) => {
    const type = metricTypes.get(code);
    if (type === undefined) return [issues.noMetric(path, code)];
    return type === "text" ? [issues.textMetric(path, code)] : [];
  });
  return found.length ? { ok: false, issues: found } : { ok: true, parsed };
}

/** The indicator's target, baseline and dates as the status rules read them. */
export function specOf(
  i: Pick<
    IndicatorRow,
    "kind" | "direction" | "baseline" | "baselineDate" | "target" | "deadline" | "unitTotal"
  >,
) {
  return {
    kind: i.kind,
    direction: i.direction,
    baseline: i.baseline,
    baselineDate: i.baselineDate,
    target: i.target,
    deadline: i.deadline,
    ...(i.unitTotal === null ? {} : { unitTotal: i.unitTotal }),
  };
}

/** The domain's spec paths (`spec.target`, or `spec` for a milestone) as input fields. */
function specPath(path: string): string {
  return path === "spec" ? "target" : path.replace(/^spec\./, "");
}

type Checked = Pick<
  IndicatorRow,
  | "kind"
  | "direction"
  | "baseline"
  | "baselineDate"
  | "target"
  | "deadline"
  | "unitTotal"
  | "source"
  | "formula"
>;

/**
 * Every problem of an indicator before it is stored: the spec by the domain's rules (percent
 * within 0–100, a milestone aimed at 1, a unit count within its total, the deadline after the
 * baseline date), and a formula exactly when the source is `formula`, parsed and resolved.
 */
export function indicatorIssues(
  i: Checked,
  metricTypes: ReadonlyMap<string, string>,
  at: string,
): FieldIssue[] {
  const found: FieldIssue[] = [];
  try {
    validateSpec(specOf(i));
  } catch (error) {
    if (!(error instanceof PlanError)) throw error;
    found.push(fieldIssue(`${at}${specPath(error.path)}`, error.messageVi, error.messageEn, error.code));
  }
  if (i.source === "formula") {
    if (!i.formula) found.push(issues.formulaRequired(`${at}formula`));
    else {
      const check = checkFormula(i.formula, metricTypes, `${at}formula`);
      if (!check.ok) found.push(...check.issues);
    }
  } else if (i.formula) {
    found.push(issues.formulaNotAllowed(`${at}formula`));
  }
  return found;
}

/** A progress value the indicator's kind can hold (the rules refuse others when they read it). */
export function progressValueIssues(
  i: Pick<IndicatorRow, "kind" | "unitTotal">,
  value: number,
  path: string,
): FieldIssue[] {
  switch (i.kind) {
    case "milestone":
      return value === 0 || value === 1 ? [] : [issues.milestoneValue(path)];
    case "percent":
      return value >= 0 && value <= 100 ? [] : [issues.percentValue(path)];
    case "unit_count": {
      const total = i.unitTotal ?? 0;
      return Number.isInteger(value) && value >= 0 && value <= total
        ? []
        : [issues.unitCountValue(path, total)];
    }
    case "numeric":
      return [];
  }
}
