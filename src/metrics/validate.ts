import { type FieldIssue, fieldIssue } from "../errors/app-error.ts";
import { parseChecked } from "./expression.ts";
import type { Aggregation, ValueType } from "./schema.ts";

/** What the checks need to know of a metric, stored or about to be. */
export interface MetricFacts {
  code: string;
  valueType: ValueType;
  aggregation: Aggregation;
  minValue?: number | null;
  maxValue?: number | null;
  formula?: string | null;
  weightMetricCode?: string | null;
}

const numericTypes: readonly ValueType[] = ["integer", "number", "percent"];

/**
 * The problems of one metric against every known metric (stored ones and the rest of its
 * batch, itself included). `at` prefixes each path, e.g. "3." in a bulk load.
 */
export function metricIssues(m: MetricFacts, known: ReadonlyMap<string, MetricFacts>, at = ""): FieldIssue[] {
  return [
    ...rangeIssues(m, at),
    ...aggregationIssues(m, at),
    ...formulaIssues(m, known, at),
    ...weightIssues(m, known, at),
  ];
}

function rangeIssues(m: MetricFacts, at: string): FieldIssue[] {
  const hasRange = m.minValue != null || m.maxValue != null;
  if (hasRange && !numericTypes.includes(m.valueType)) {
    return [
      fieldIssue(
        `${at}minValue`,
        "Chỉ số không phải số thì không có khoảng giá trị",
        "Only numeric metrics have a range",
      ),
    ];
  }
  if (m.minValue != null && m.maxValue != null && m.minValue > m.maxValue) {
    return [
      fieldIssue(
        `${at}minValue`,
        "Giá trị nhỏ nhất lớn hơn giá trị lớn nhất",
        "The minimum is above the maximum",
      ),
    ];
  }
  return [];
}

function aggregationIssues(m: MetricFacts, at: string): FieldIssue[] {
  if (m.valueType === "text" && !["none", "last"].includes(m.aggregation)) {
    return [
      fieldIssue(
        `${at}aggregation`,
        "Chỉ số dạng văn bản chỉ tổng hợp kiểu none hoặc last",
        "A text metric aggregates only as none or last",
      ),
    ];
  }
  if (m.aggregation === "formula" && !numericTypes.includes(m.valueType)) {
    return [
      fieldIssue(
        `${at}valueType`,
        "Chỉ số tính theo công thức phải là số",
        "A formula metric must be numeric",
      ),
    ];
  }
  return [];
}

function formulaIssues(m: MetricFacts, known: ReadonlyMap<string, MetricFacts>, at: string): FieldIssue[] {
  const path = `${at}formula`;
  const formula = m.formula?.trim() ? m.formula : null;
  if (m.aggregation !== "formula") {
    return formula
      ? [
          fieldIssue(
            path,
            "Chỉ chỉ số tổng hợp kiểu formula mới có công thức",
            "Only formula metrics have a formula",
          ),
        ]
      : [];
  }
  if (!formula)
    return [fieldIssue(path, "Chỉ số kiểu formula cần công thức", "A formula metric needs a formula")];
  const parsed = parseChecked(formula);
  if (!parsed.ok) return [fieldIssue(path, parsed.vi, parsed.en)];
  if (parsed.type === "boolean") {
    return [fieldIssue(path, "Công thức phải cho ra một số", "A formula must compute a number")];
  }
  for (const ref of parsed.refs) {
    const target = known.get(ref);
    if (ref === m.code)
      return [fieldIssue(path, "Công thức không được tự tham chiếu", "A formula cannot refer to itself")];
    if (!target) return [fieldIssue(path, `Không có chỉ số mã ${ref}`, `No metric with code ${ref}`)];
    if (!numericTypes.includes(target.valueType) && target.valueType !== "boolean") {
      return [fieldIssue(path, `Chỉ số ${ref} không phải số`, `Metric ${ref} is not numeric`)];
    }
  }
  const cycle = formulaCycle(m.code, known);
  return cycle
    ? [
        fieldIssue(
          path,
          `Công thức tạo vòng lặp: ${cycle.join(" → ")}`,
          `The formula is circular: ${cycle.join(" → ")}`,
        ),
      ]
    : [];
}

/** A chain of formula references from `start` back to itself, or null. */
function formulaCycle(start: string, known: ReadonlyMap<string, MetricFacts>): string[] | null {
  const refsOf = (code: string): string[] => {
    const formula = known.get(code)?.formula;
    if (!formula) return [];
    const parsed = parseChecked(formula);
    return parsed.ok ? parsed.refs : [];
  };
  const seen = new Set<string>();
  const walk = (code: string, chain: string[]): string[] | null => {
    for (const next of refsOf(code)) {
      if (next === start) return [...chain, next];
      if (seen.has(next)) continue;
      seen.add(next);
      const found = walk(next, [...chain, next]);
      if (found) return found;
    }
    return null;
  };
  return walk(start, [start]);
}

function weightIssues(m: MetricFacts, known: ReadonlyMap<string, MetricFacts>, at: string): FieldIssue[] {
  const code = m.weightMetricCode;
  if (!code) return [];
  const path = `${at}weightMetricCode`;
  if (m.aggregation !== "average") {
    return [
      fieldIssue(
        path,
        "Chỉ số trọng số chỉ dùng cho kiểu average",
        "A weight applies only to average metrics",
      ),
    ];
  }
  const weight = known.get(code);
  if (!weight || code === m.code)
    return [fieldIssue(path, `Không có chỉ số mã ${code}`, `No metric with code ${code}`)];
  if (!numericTypes.includes(weight.valueType)) {
    return [fieldIssue(path, `Chỉ số ${code} không phải số`, `Metric ${code} is not numeric`)];
  }
  return [];
}
