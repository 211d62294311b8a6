import { nfc } from "../domain/format/index.ts";
import type { FieldIssue } from "../errors/app-error.ts";
import type { FormMetric } from "./context.ts";
import { issues } from "./messages.ts";

/** How a value sits in data_values: numbers and booleans (1/0) in `value`, text in `textValue`. */
export interface StoredValue {
  value: number | null;
  textValue: string | null;
}

export type RawValue = number | string | boolean | null | undefined;
export type ApiValue = number | boolean | string | null;

export const maxTextLength = 50_000;
const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Null, undefined and "" mean "no value": saving them removes a stored value. */
export function isEmptyValue(raw: RawValue): boolean {
  return raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "");
}

/**
 * Reads a value for a metric, as JSON (numbers, booleans) or as text (DHIS2 and CSV send
 * strings). Returns the stored form or the problem at `path`.
 */
export function parseValue(metric: FormMetric, raw: RawValue, path: string): StoredValue | FieldIssue {
  switch (metric.valueType) {
    case "text":
      return parseText(raw, path);
    case "boolean":
      return parseBoolean(raw, path);
    default:
      return parseNumber(metric, raw, path);
  }
}

function parseText(raw: RawValue, path: string): StoredValue | FieldIssue {
  if (typeof raw !== "string") return issues.notText(path);
  const text = nfc(raw);
  return text.length > maxTextLength
    ? issues.textTooLong(path, maxTextLength)
    : { value: null, textValue: text };
}

function parseBoolean(raw: RawValue, path: string): StoredValue | FieldIssue {
  const text = typeof raw === "string" ? raw.trim().toLowerCase() : raw;
  if (text === true || text === 1 || text === "true" || text === "1") return { value: 1, textValue: null };
  if (text === false || text === 0 || text === "false" || text === "0") return { value: 0, textValue: null };
  return issues.notBoolean(path);
}

/** Percentages lie in 0..100 unless the metric sets its own bounds. */
function bounds(metric: FormMetric): { min: number | null; max: number | null } {
  const percent = metric.valueType === "percent";
  return { min: metric.minValue ?? (percent ? 0 : null), max: metric.maxValue ?? (percent ? 100 : null) };
}

function parseNumber(metric: FormMetric, raw: RawValue, path: string): StoredValue | FieldIssue {
  const n =
    typeof raw === "number"
      ? raw
      : typeof raw === "string" && NUMERIC.test(raw.trim())
        ? Number(raw)
        : Number.NaN;
  if (!Number.isFinite(n)) return issues.notNumber(path);
  if (metric.valueType === "integer" && !Number.isInteger(n)) return issues.notInteger(path);
  const { min, max } = bounds(metric);
  if (min !== null && n < min) return issues.belowMin(path, min);
  if (max !== null && n > max) return issues.aboveMax(path, max);
  return { value: n, textValue: null };
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
