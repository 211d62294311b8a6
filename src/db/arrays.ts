/**
 * PostgreSQL array literals, each passed as one bind parameter whatever the count (`= any($1)`,
 * `unnest($1, $2)`): a statement with thousands of ids stays one small plan.
 */

/** `{1,2,3}` for `::int[]`. */
export function intArray(ids: Iterable<number>): string {
  return `{${[...ids].join(",")}}`;
}

/** `{1.5,NaN}` for `::float8[]` (PostgreSQL reads NaN and ±Infinity as written by String). */
export function floatArray(items: Iterable<number>): string {
  return `{${[...items].map(String).join(",")}}`;
}

/** `{"a","b \"c\""}` for `::text[]` or `::date[]`: every item quoted, so commas and braces stay text. */
export function textArray(items: Iterable<string>): string {
  return `{${[...items].map((s) => `"${s.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
}
