import type { Period } from "../domain/period/index.ts";

/** What a caller asks for, as it arrives from the query string or the CLI. */
export interface AnalyticsRequest {
  /** DHIS2-style `dx:A;B`, `pe:202309;2023Q3`, `ou:P;LEVEL-2`: each becomes a column of the rows. */
  dimension?: readonly string[];
  /** The same syntax; a filter's items are aggregated together and do not appear as a column. */
  filter?: readonly string[];
  /** Also count draft, submitted and returned reports (default: approved only). */
  includeUnapproved?: boolean;
  /**
   * The date of the one unit tree every value is read in (the restated view). Default: each value
   * counts in the tree of its own period's last day (the own-period view).
   */
  asOf?: string;
}

export type DimensionName = "dx" | "pe" | "ou";

/** One item of the `ou` dimension as written. */
export type OuItem =
  | { kind: "unit"; code: string }
  | { kind: "level"; level: number }
  | { kind: "children"; code: string }
  | { kind: "user" }
  | { kind: "userChildren" };

interface Axis<T> {
  items: T[];
  /** A filter is aggregated over its items instead of giving a column. */
  filter: boolean;
  /** Where it came from, for error messages: `dimension.1`, `filter.0`. */
  path: string;
}

/** A parsed, well-formed request; codes are not yet checked against the database. */
export interface AnalyticsQuery {
  /** The dimensions that are columns of the rows, in the order they were asked. */
  columns: DimensionName[];
  dx: Axis<string>;
  pe: Axis<Period>;
  ou: Axis<OuItem>;
  includeUnapproved: boolean;
  asOf: string | null;
}
