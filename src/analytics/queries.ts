import { sql } from "drizzle-orm";
import { intArray } from "../db/arrays.ts";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import type { PlacementRow } from "./tree.ts";

export type Aggregation = "sum" | "average" | "last" | "formula" | "none";

export interface MetricRow {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string | null;
  aggregation: Aggregation;
  formula: string | null;
  weightMetricId: number | null;
}

export interface UnitRow {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string | null;
}

/** One stored numeric value (giá trị số liệu) with the unit and period it was reported for. */
export interface StoredValue {
  metricId: number;
  unitId: number;
  period: string;
  periodStart: string;
  periodEnd: string;
  value: number;
}

/**
 * Every metric. The catalogue is small (hundreds, thousands nationally) and formulas may
 * reference any of them at any depth, so one read beats a recursive walk.
 */
export function loadMetrics(conn: Conn): Promise<MetricRow[]> {
  return queryRows<MetricRow>(
    conn,
    sql`select id, code, name_vi as "nameVi", name_en as "nameEn", aggregation::text as aggregation, formula,
               weight_metric_id as "weightMetricId"
        from metrics`,
  );
}

/** Every unit's code and names, for resolving `ou` items and naming them in the answer. */
export function loadUnits(conn: Conn): Promise<UnitRow[]> {
  return queryRows<UnitRow>(conn, sql`select id, code, name_vi as "nameVi", name_en as "nameEn" from units`);
}

/** Every placement that began by `lastDate`: enough to build the tree of any date up to it. */
export function loadPlacements(conn: Conn, lastDate: string): Promise<PlacementRow[]> {
  return queryRows<PlacementRow>(
    conn,
    sql`select unit_id as "unitId", parent_id as "parentId", level, valid_from::text as "validFrom",
               valid_to::text as "validTo"
        from unit_placements where valid_from <= ${lastDate}::date`,
  );
}

export interface ValueFilter {
  metricIds: number[];
  unitIds: number[];
  /** Requested periods as inclusive date ranges; a value counts when it lies inside one. */
  ranges: { start: string; end: string }[];
  includeUnapproved: boolean;
}

/**
 * Values inside one of `ranges` (columns period_start/period_end of `alias`), and the span of all
 * ranges. The span, redundant with them, lets PostgreSQL use the (…, period_start) indexes: it does
 * not derive a range from a disjunction of ranges.
 */
export function periodFilter(ranges: readonly { start: string; end: string }[], alias: string) {
  const table = sql.raw(alias);
  const within = sql.join(
    ranges.map(
      (r) => sql`(${table}.period_start >= ${r.start}::date and ${table}.period_end <= ${r.end}::date)`,
    ),
    sql` or `,
  );
  const first = ranges.map((r) => r.start).sort()[0];
  const last = ranges
    .map((r) => r.end)
    .sort()
    .at(-1);
  return { within, first, last };
}

/**
 * The one read of reported figures per request: values of the metrics, units and periods
 * asked for, from approved reports only unless unapproved ones are asked for too. One value
 * per metric, unit and period: when two reports (forms) carry the same metric, the approved
 * one counts, then the latest changed, so a figure is never counted twice.
 */
export async function loadValues(conn: Conn, filter: ValueFilter): Promise<StoredValue[]> {
  if (filter.metricIds.length === 0 || filter.unitIds.length === 0 || filter.ranges.length === 0) return [];
  const { within, first, last } = periodFilter(filter.ranges, "dv");
  const status = filter.includeUnapproved ? sql`true` : sql`s.status = 'approved'`;
  return queryRows<StoredValue>(
    conn,
    sql`select distinct on (dv.metric_id, dv.unit_id, dv.period)
               dv.metric_id as "metricId", dv.unit_id as "unitId", dv.period,
               dv.period_start::text as "periodStart", dv.period_end::text as "periodEnd", dv.value
        from data_values dv join submissions s on s.id = dv.submission_id
        where dv.metric_id = any(${intArray(filter.metricIds)}::int[])
          and dv.unit_id = any(${intArray(filter.unitIds)}::int[])
          and dv.value is not null
          and dv.value not in ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8)
          and dv.period_start between ${first}::date and ${last}::date
          and (${within})
          and ${status}
        order by dv.metric_id, dv.unit_id, dv.period, (s.status = 'approved') desc, dv.updated_at desc,
                 dv.submission_id desc`,
  );
}
