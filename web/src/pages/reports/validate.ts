import {
  checkRule,
  type Expr,
  parseExpression,
  referencedMetrics,
} from "../../../../src/domain/expression/index.ts";
import { numberProblem, readValue, type ValueProblem } from "../../../../src/domain/report/index.ts";
import { parseTyped, typedText } from "../../format.ts";
import type { Lang } from "../../i18n/index.tsx";
import type { FormMetric, FormView, Value } from "./types.ts";

export type Parsed = { ok: true; value: Value } | { ok: false; problem: ValueProblem };

/**
 * What a field's text means for its metric: null when empty, or the first problem. Numbers are
 * typed the user's way (1.205,5 in Vietnamese), then checked with the server's own rule.
 */
export function parseField(m: FormMetric, text: string, lang: Lang): Parsed {
  if (text.trim() === "") return { ok: true, value: null };
  if (m.valueType === "boolean") return { ok: true, value: text === "true" };
  if (m.valueType === "text") {
    const read = readValue(m, text);
    return read.ok ? { ok: true, value: read.stored.textValue } : { ok: false, problem: read.problem };
  }
  const n = parseTyped(text, lang);
  const problem = numberProblem(m, n);
  return problem ? { ok: false, problem } : { ok: true, value: n };
}

/** A stored value as the text its field shows. */
export function fieldText(value: Value, lang: Lang): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return typedText(value, lang);
  return value;
}

export interface Rule {
  code: string;
  severity: "error" | "warning";
  messageVi: string;
  messageEn: string;
  ast: Expr;
  metrics: string[];
}

/** The form's validation rules, parsed once (the same expression language as the server). */
export function parseRules(form: FormView): Rule[] {
  return form.rules.flatMap((r) => {
    const parsed = parseExpression(r.expression);
    if (!parsed.ok) return [];
    return [{ ...r, ast: parsed.ast, metrics: referencedMetrics(parsed.ast) }];
  });
}

/**
 * The rules that fail on these values, as the server checks them on submission: a rule naming
 * a metric without a value is skipped; yes/no counts as 1/0.
 */
export function failingRules(rules: readonly Rule[], values: ReadonlyMap<string, Value>): Rule[] {
  const lookup = (code: string) => {
    const v = values.get(code);
    if (typeof v === "boolean") return v ? 1 : 0;
    return typeof v === "number" ? v : null;
  };
  return rules.filter((r) => checkRule(r.ast, lookup, "skip_if_any_missing") === "fail");
}
