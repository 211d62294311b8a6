import { nfc } from "../format/index.ts";

/** How a metric's value is typed (loại giá trị), as stored on the metric. */
export type ValueType = "integer" | "number" | "percent" | "boolean" | "text";

/** What a report's value must satisfy: its type and bounds. */
export interface ValueRule {
  valueType: ValueType;
  minValue: number | null;
  maxValue: number | null;
}

/** How a value sits in data_values: numbers and booleans (1/0) in `value`, text in `textValue`. */
export interface StoredValue {
  value: number | null;
  textValue: string | null;
}

export type RawValue = number | string | boolean | null | undefined;

/** Why a value cannot be stored; `code` is the stable code every path reports. */
export type ValueProblem =
  | { code: "not_number" }
  | { code: "not_integer" }
  | { code: "not_boolean" }
  | { code: "not_text" }
  | { code: "below_min"; bound: number }
  | { code: "above_max"; bound: number }
  | { code: "text_too_long"; bound: number };

export type ReadValue = { ok: true; stored: StoredValue } | { ok: false; problem: ValueProblem };

export const maxTextLength = 50_000;
const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Null, undefined and "" mean "no value": saving them removes a stored value. */
export function isEmptyValue(raw: RawValue): boolean {
  return raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "");
}

/** Percentages lie in 0..100 unless the metric sets its own bounds. */
export function valueBounds(rule: ValueRule): { min: number | null; max: number | null } {
  const percent = rule.valueType === "percent";
  return { min: rule.minValue ?? (percent ? 0 : null), max: rule.maxValue ?? (percent ? 100 : null) };
}

/** The first problem of a number for a numeric metric (whole number, bounds), or null. */
export function numberProblem(rule: ValueRule, n: number): ValueProblem | null {
  if (!Number.isFinite(n)) return { code: "not_number" };
  if (rule.valueType === "integer" && !Number.isInteger(n)) return { code: "not_integer" };
  const { min, max } = valueBounds(rule);
  if (min !== null && n < min) return { code: "below_min", bound: min };
  if (max !== null && n > max) return { code: "above_max", bound: max };
  return null;
}

const stored = (value: number | null, textValue: string | null = null): ReadValue => ({
  ok: true,
  stored: { value, textValue },
});
const refused = (problem: ValueProblem): ReadValue => ({ ok: false, problem });

function readText(raw: RawValue): ReadValue {
  if (typeof raw !== "string") return refused({ code: "not_text" });
  const text = nfc(raw);
  return text.length > maxTextLength
    ? refused({ code: "text_too_long", bound: maxTextLength })
    : stored(null, text);
}

function readBoolean(raw: RawValue): ReadValue {
  const text = typeof raw === "string" ? raw.trim().toLowerCase() : raw;
  if (text === true || text === 1 || text === "true" || text === "1") return stored(1);
  if (text === false || text === 0 || text === "false" || text === "0") return stored(0);
  return refused({ code: "not_boolean" });
}

function readNumber(rule: ValueRule, raw: RawValue): ReadValue {
  const n =
    typeof raw === "number"
      ? raw
      : typeof raw === "string" && NUMERIC.test(raw.trim())
        ? Number(raw)
        : Number.NaN;
  const problem = numberProblem(rule, n);
  return problem ? refused(problem) : stored(n);
}

/**
 * Reads a non-empty value for a metric, as JSON (numbers, booleans) or as text (DHIS2 and CSV
 * send strings): its stored form, or the problem. Every write path (the form, the API, the
 * importer, the bulk loader) and the browser's live check read values with it.
 */
export function readValue(rule: ValueRule, raw: RawValue): ReadValue {
  switch (rule.valueType) {
    case "text":
      return readText(raw);
    case "boolean":
      return readBoolean(raw);
    default:
      return readNumber(rule, raw);
  }
}
