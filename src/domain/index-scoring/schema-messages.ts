import type { z } from "zod";
import type { Text } from "../period/index.ts";

const TYPE_NAMES: Readonly<Record<string, Text>> = {
  string: { vi: "chuỗi ký tự", en: "text" },
  number: { vi: "số", en: "a number" },
  object: { vi: "đối tượng", en: "an object" },
  array: { vi: "danh sách", en: "a list" },
  boolean: { vi: "giá trị đúng/sai", en: "true or false" },
};

/** zod speaks English only: its issues are described again in both languages. */
export function describeIssue(issue: z.core.$ZodIssue): Text {
  switch (issue.code) {
    case "invalid_type": {
      const name = TYPE_NAMES[issue.expected] ?? { vi: issue.expected, en: issue.expected };
      return { vi: `cần ${name.vi}`, en: `expected ${name.en}` };
    }
    case "unrecognized_keys": {
      const keys = issue.keys.join(", ");
      return { vi: `trường không được hỗ trợ: ${keys}`, en: `unknown field: ${keys}` };
    }
    case "too_small":
      return { vi: "không được để trống", en: "must not be empty" };
    case "invalid_value": {
      const allowed = issue.values.map(String).join(", ");
      return { vi: `cần một trong: ${allowed}`, en: `expected one of: ${allowed}` };
    }
    default:
      return { vi: "giá trị không hợp lệ", en: "invalid value" };
  }
}
