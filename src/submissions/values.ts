import { type RawValue, readValue, type StoredValue, type ValueProblem } from "../domain/report/index.ts";
import type { FieldIssue } from "../errors/app-error.ts";
import type { FormMetric } from "./context.ts";
import { issues } from "./messages.ts";

export type { RawValue, StoredValue } from "../domain/report/index.ts";
export type ApiValue = number | boolean | string | null;

/** The field issue of a value problem, at `path`, carrying the problem's code. */
function problemIssue(problem: ValueProblem, path: string): FieldIssue {
  const issue = (() => {
    switch (problem.code) {
      case "not_number":
        return issues.notNumber(path);
      case "not_integer":
        return issues.notInteger(path);
      case "not_boolean":
        return issues.notBoolean(path);
      case "not_text":
        return issues.notText(path);
      case "below_min":
        return issues.belowMin(path, problem.bound);
      case "above_max":
        return issues.aboveMax(path, problem.bound);
      case "text_too_long":
        return issues.textTooLong(path, problem.bound);
    }
  })();
  return { ...issue, code: problem.code };
}

/** Reads a value for a metric with the domain's rule (`readValue`); the problem at `path`. */
export function parseValue(metric: FormMetric, raw: RawValue, path: string): StoredValue | FieldIssue {
  const read = readValue(metric, raw);
  return read.ok ? read.stored : problemIssue(read.problem, path);
}

export function isIssue(v: StoredValue | FieldIssue): v is FieldIssue {
  return "path" in v;
}

/** The value as the API shows it: a number, a boolean or text. */
export function apiValue(metric: Pick<FormMetric, "valueType">, stored: StoredValue): ApiValue {
  if (metric.valueType === "text") return stored.textValue;
  if (stored.value === null) return null;
  return metric.valueType === "boolean" ? stored.value !== 0 : stored.value;
}

/** The value as DHIS2 carries it: always a string. */
export function exchangeValue(metric: Pick<FormMetric, "valueType">, stored: StoredValue): string {
  const v = apiValue(metric, stored);
  return v === null ? "" : String(v);
}
