import type { $ZodIssue } from "zod/v4/core";
import { formatNumber } from "../domain/format/index.ts";

/**
 * The validation library's issues in our words, Vietnamese and English: what the field must be,
 * with its bounds and every allowed value. zod's own locales leave words untranslated ("Quá
 * nhỏ: mong đợi number >0") and join allowed values with "|"; an issue not listed here falls
 * back to them.
 */
export interface Bilingual {
  vi: string;
  en: string;
}

const TYPES: Record<string, Bilingual> = {
  number: { vi: "một số", en: "a number" },
  int: { vi: "một số nguyên", en: "a whole number" },
  bigint: { vi: "một số nguyên", en: "a whole number" },
  string: { vi: "một chuỗi ký tự", en: "text" },
  boolean: { vi: "đúng hoặc sai (true/false)", en: "true or false" },
  array: { vi: "một danh sách", en: "a list" },
  object: { vi: "một đối tượng", en: "an object" },
  date: { vi: "một ngày", en: "a date" },
  null: { vi: "rỗng (null)", en: "null" },
};

const typeOf = (name: string): Bilingual => TYPES[name] ?? { vi: name, en: name };

function received(input: unknown): Bilingual {
  if (input === null) return TYPES.null as Bilingual;
  if (Array.isArray(input)) return TYPES.array as Bilingual;
  if (typeof input === "number" && Number.isFinite(input) && !Number.isInteger(input))
    return { vi: "một số thập phân", en: "a decimal number" };
  return typeOf(typeof input);
}

const UNITS: Record<string, Bilingual> = {
  string: { vi: "ký tự", en: "characters" },
  array: { vi: "phần tử", en: "items" },
  set: { vi: "phần tử", en: "items" },
  file: { vi: "byte", en: "bytes" },
};

/** 10.000 and 0,5 in Vietnamese; 10,000 and 0.5 in English. */
const shown = (n: number, lang: "vi" | "en") =>
  Number.isInteger(n) ? formatNumber(n, 0, lang) : formatNumber(n, 4, lang).replace(/0+$/, "");

type Bound = { origin: string; inclusive?: boolean; value: number | bigint | Date };

function bound(b: Bound, side: "min" | "max"): Bilingual {
  const n = typeof b.value === "object" ? b.value.toISOString().slice(0, 10) : Number(b.value);
  const vi = typeof n === "number" ? shown(n, "vi") : n;
  const en = typeof n === "number" ? shown(n, "en") : n;
  const unit = UNITS[b.origin];
  if (unit) {
    if (side === "min" && n === 1) return { vi: "Không được để trống", en: "Must not be empty" };
    return side === "min"
      ? { vi: `Phải có ít nhất ${vi} ${unit.vi}`, en: `Must have at least ${en} ${unit.en}` }
      : { vi: `Chỉ được có tối đa ${vi} ${unit.vi}`, en: `Must have at most ${en} ${unit.en}` };
  }
  if (side === "min")
    return b.inclusive
      ? { vi: `Phải lớn hơn hoặc bằng ${vi}`, en: `Must be at least ${en}` }
      : { vi: `Phải lớn hơn ${vi}`, en: `Must be greater than ${en}` };
  return b.inclusive
    ? { vi: `Phải nhỏ hơn hoặc bằng ${vi}`, en: `Must be at most ${en}` }
    : { vi: `Phải nhỏ hơn ${vi}`, en: `Must be less than ${en}` };
}

const FORMATS: Record<string, Bilingual> = {
  email: { vi: "Địa chỉ e-mail không hợp lệ", en: "Not a valid e-mail address" },
  url: { vi: "Liên kết không hợp lệ", en: "Not a valid link" },
  date: { vi: "Ngày không hợp lệ (dạng YYYY-MM-DD)", en: "Not a valid date (YYYY-MM-DD)" },
  datetime: {
    vi: "Thời điểm không hợp lệ (dạng ISO 8601)",
    en: "Not a valid date and time (ISO 8601)",
  },
  uuid: { vi: "Mã UUID không hợp lệ", en: "Not a valid UUID" },
};

const list = (values: readonly unknown[]) => values.map((v) => String(v)).join(", ");

/** Our message for a zod issue, or null when zod's own locale must speak. */
export function zodMessage(issue: $ZodIssue): Bilingual | null {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return { vi: "Thiếu giá trị bắt buộc", en: "A value is required" };
      return {
        vi: `Phải là ${typeOf(issue.expected).vi}, nhận được ${received(issue.input).vi}`,
        en: `Must be ${typeOf(issue.expected).en}, got ${received(issue.input).en}`,
      };
    case "too_small":
      return bound({ origin: issue.origin, inclusive: issue.inclusive, value: issue.minimum }, "min");
    case "too_big":
      return bound({ origin: issue.origin, inclusive: issue.inclusive, value: issue.maximum }, "max");
    case "invalid_value":
      return {
        vi: `Phải là một trong: ${list(issue.values)}`,
        en: `Must be one of: ${list(issue.values)}`,
      };
    case "invalid_format":
      return (
        FORMATS[issue.format] ?? {
          vi: `Không đúng dạng yêu cầu${issue.pattern ? ` (${issue.pattern})` : ""}`,
          en: `Does not have the required form${issue.pattern ? ` (${issue.pattern})` : ""}`,
        }
      );
    case "unrecognized_keys":
      return {
        vi: `Trường không được phép: ${list(issue.keys)}`,
        en: `Fields not allowed: ${list(issue.keys)}`,
      };
    case "not_multiple_of":
      return {
        vi: `Phải là bội số của ${String(issue.divisor)}`,
        en: `Must be a multiple of ${String(issue.divisor)}`,
      };
    case "invalid_union":
      return { vi: "Giá trị không hợp lệ", en: "Not a valid value" };
    default:
      return null;
  }
}
