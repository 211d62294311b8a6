import { Readable } from "node:stream";
import { type FieldIssue, fieldIssue } from "../errors/app-error.ts";

/** Deeper JSON than any form of ours sends: refused before it reaches a schema or a query. */
export const MAX_JSON_DEPTH = 32;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a text cannot be stored (PostgreSQL refuses NUL; a lone surrogate is no character), or null. */
export function textProblem(text: string): "nul" | "surrogate" | null {
  if (text.includes("\u0000")) return "nul";
  if (LONE_SURROGATE.test(text)) return "surrogate";
  return null;
}

/** The field issue for a text that cannot be stored, in both languages. */
export function textIssue(path: string, problem: "nul" | "surrogate"): FieldIssue {
  return problem === "nul"
    ? fieldIssue(
        path,
        "Có ký tự rỗng (NUL, mã 0) không được phép",
        "Contains a NUL character (code 0), which is not allowed",
        "nul_character",
      )
    : fieldIssue(
        path,
        "Có ký tự Unicode không hợp lệ (nửa cặp thay thế UTF-16)",
        "Contains an invalid Unicode character (a lone UTF-16 surrogate)",
        "lone_surrogate",
      );
}

/**
 * The first text in a parsed request part (body, query, params) that cannot be stored, or a
 * nesting deeper than MAX_JSON_DEPTH, as a field issue naming where it is; null when all is well.
 * Keys are checked too: they become JSON object keys in audit rows.
 */
export function hostileInput(value: unknown, path: string, depth = 0): FieldIssue | null {
  if (typeof value === "string") {
    const problem = textProblem(value);
    return problem ? textIssue(path, problem) : null;
  }
  // A streamed upload (the import job's file) is read, and checked value by value, by its importer.
  if (value === null || typeof value !== "object" || Buffer.isBuffer(value) || value instanceof Readable) {
    return null;
  }
  if (depth >= MAX_JSON_DEPTH) {
    return fieldIssue(
      path,
      `Dữ liệu lồng nhau quá ${MAX_JSON_DEPTH} cấp`,
      `Nested more than ${MAX_JSON_DEPTH} levels deep`,
    );
  }
  const entries = Array.isArray(value) ? value.entries() : Object.entries(value);
  for (const [key, item] of entries) {
    const at = path ? `${path}.${key}` : String(key);
    if (typeof key === "string") {
      const problem = textProblem(key);
      if (problem) return textIssue(at, problem);
    }
    const found = hostileInput(item, at, depth + 1);
    if (found) return found;
  }
  return null;
}

/** For zod's refine: text PostgreSQL can store, with our "vi|en" message. */
export const storableText = [
  (text: string) => textProblem(text) === null,
  "Có ký tự không lưu được (NUL hoặc nửa cặp thay thế UTF-16)|Contains a character that cannot be stored (NUL or a lone UTF-16 surrogate)",
] as const;
