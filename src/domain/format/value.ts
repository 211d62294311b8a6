import { formatNumber, type Lang } from "./number.ts";
import { nfc } from "./text.ts";

/** Kiểu giá trị of a metric. */
export type ValueType = "integer" | "number" | "percent" | "boolean" | "text";

export interface FormatValueOptions {
  readonly lang?: Lang;
  /** Decimals for number and percent values; default 2 (integers always 0). */
  readonly digits?: number;
  /** What to show for no value; default "". */
  readonly empty?: string;
}

const BOOLEAN_WORDS = { vi: ["Không", "Có"], en: ["No", "Yes"] } as const;

/**
 * A metric value as shown in tables and reports: integer "1.205.780", number "83,66",
 * percent "47,54%", boolean "Có"/"Không" (stored as 1/0 or true/false), text in NFC.
 * Throws TypeError when the value does not fit the type.
 */
export function formatValue(
  value: number | boolean | string | null | undefined,
  valueType: ValueType,
  options: FormatValueOptions = {},
): string {
  const lang = options.lang ?? "vi";
  if (value === null || value === undefined) return options.empty ?? "";
  switch (valueType) {
    case "integer":
      return formatNumber(numeric(value, valueType), 0, lang);
    case "number":
      return formatNumber(numeric(value, valueType), options.digits ?? 2, lang);
    case "percent":
      return `${formatNumber(numeric(value, valueType), options.digits ?? 2, lang)}%`;
    case "boolean":
      return BOOLEAN_WORDS[lang][flag(value) ? 1 : 0];
    case "text":
      return nfc(String(value));
  }
}

function numeric(value: number | boolean | string, valueType: ValueType): number {
  if (typeof value !== "number")
    throw new TypeError(`A ${valueType} value must be a number, got ${typeof value}`);
  return value;
}

function flag(value: number | boolean | string): boolean {
  if (typeof value === "boolean") return value;
  if (value === 1 || value === 0) return value === 1;
  throw new TypeError(`A boolean value must be true, false, 1 or 0, got ${String(value)}`);
}
