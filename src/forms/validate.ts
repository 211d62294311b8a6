import { tryParsePeriod } from "../domain/period/index.ts";
import { type FieldIssue, fieldIssue } from "../errors/app-error.ts";
import { parseChecked } from "../metrics/expression.ts";
import type { RuleInput } from "./schema.ts";

/** Issues for entries whose `key` repeats an earlier one, e.g. two sections with one code. */
export function duplicateIssues<T>(list: readonly T[], key: (t: T) => string, path: (i: number) => string) {
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  list.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) issues.push(fieldIssue(path(i), `Mã ${k} bị trùng`, `Code ${k} is repeated`));
    seen.add(k);
  });
  return issues;
}

/**
 * A rule must parse, state a condition and name only numeric or yes/no metrics of its form
 * (`formMetrics`: code → value type); `path` names its expression.
 */
export function ruleIssues(
  rule: RuleInput,
  formMetrics: ReadonlyMap<string, string>,
  path: string,
): FieldIssue[] {
  const parsed = parseChecked(rule.expression);
  if (!parsed.ok) return [fieldIssue(path, parsed.vi, parsed.en)];
  if (parsed.type === "number") {
    return [
      fieldIssue(
        path,
        "Quy tắc phải là một phép so sánh hoặc điều kiện, ví dụ #{A} <= #{B}",
        "A rule must be a comparison or condition, e.g. #{A} <= #{B}",
      ),
    ];
  }
  const unknown = parsed.refs.filter((code) => !formMetrics.has(code)).join(", ");
  if (unknown)
    return [fieldIssue(path, `Biểu mẫu không có chỉ số ${unknown}`, `The form has no metric ${unknown}`)];
  const text = parsed.refs.filter((code) => formMetrics.get(code) === "text").join(", ");
  if (!text) return [];
  return [
    fieldIssue(
      path,
      `Chỉ số dạng văn bản không dùng được trong quy tắc: ${text}`,
      `Text metrics cannot be used in a rule: ${text}`,
    ),
  ];
}

export function openFromIssues(
  openFrom: string | null | undefined,
  type: Parameters<typeof tryParsePeriod>[1],
) {
  if (!openFrom) return [];
  const parsed = tryParsePeriod(openFrom, type);
  return parsed.ok ? [] : [fieldIssue("openFrom", parsed.error.messageVi, parsed.error.messageEn)];
}
