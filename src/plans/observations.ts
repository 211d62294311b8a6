import { sql } from "drizzle-orm";
import type { Principal } from "../access/principal.ts";
import { analytics } from "../analytics/service.ts";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { aggregateFormula } from "../domain/aggregation/index.ts";
import type { Expr } from "../domain/expression/index.ts";
import type { Observation } from "../domain/plan/index.ts";
import { parseChecked } from "../metrics/expression.ts";
import { monthEnd, monthOf, monthsBetween } from "./periods.ts";
import type { IndicatorRow, PlanRow } from "./store.ts";

/** Per metric code, its aggregated value for the scope unit, per month id. */
export type MonthlyValues = Map<string, Map<string, number>>;

/**
 * The province's (scope unit's) aggregated values of `codes` for each month, from the approved
 * reports, in ONE analytics request: each metric with its own aggregation rule, over the
 * dated unit tree of each month. Months without data are absent.
 */
export function scopeValues(
  conn: Conn,
  reader: Principal,
  plan: PlanRow,
  codes: readonly string[],
  months: readonly string[],
): Promise<MonthlyValues> {
  return unitValues(conn, reader, plan.scopeUnit.code, codes, months);
}

/** As scopeValues, for any unit `reader` may read (a district's, a commune's own figures). */
export async function unitValues(
  conn: Conn,
  reader: Principal,
  unitCode: string,
  codes: readonly string[],
  months: readonly string[],
): Promise<MonthlyValues> {
  const byMonth: MonthlyValues = new Map(months.map((m) => [m, new Map()]));
  if (codes.length === 0 || months.length === 0) return byMonth;
  const answer = await analytics(conn, reader, {
    dimension: [`dx:${[...new Set(codes)].join(";")}`, `pe:${months.join(";")}`],
    filter: [`ou:${unitCode}`],
  });
  for (const [code, month, value] of answer.rows) {
    if (code !== undefined && month !== undefined && value !== undefined) {
      byMonth.get(month)?.set(code, Number(value));
    }
  }
  return byMonth;
}

/** The formula's value for one month; null when a part is missing or a division is by zero. */
export function formulaValue(ast: Expr, values: ReadonlyMap<string, number> | undefined): number | null {
  return aggregateFormula(ast, new Map(values ?? []));
}

/**
 * A formula indicator's observations are taken from the month of its baseline date, but at
 * most from January of the year before the plan: the trend reads only the latest six anyway.
 */
function firstMonth(plan: PlanRow, indicator: IndicatorRow): string {
  const earliest = `${plan.year - 1}01`;
  const own = monthOf(indicator.baselineDate);
  return own < earliest ? earliest : own;
}

/** A milestone's formula reads as reached (1) when its value is not zero. */
function asObservation(indicator: IndicatorRow, month: string, value: number | null): Observation {
  const v = value !== null && indicator.kind === "milestone" ? (value !== 0 ? 1 : 0) : value;
  return { period: month, date: monthEnd(month), value: v };
}

async function formulaObservations(
  conn: Conn,
  reader: Principal,
  plan: PlanRow,
  indicators: readonly IndicatorRow[],
  to: string,
): Promise<Map<number, Observation[]>> {
  const parsed = indicators.flatMap((i) => {
    const p = i.formula ? parseChecked(i.formula) : null;
    return p?.ok ? [{ indicator: i, ast: p.ast, refs: p.refs, from: firstMonth(plan, i) }] : [];
  });
  const out = new Map<number, Observation[]>(indicators.map((i) => [i.id, []]));
  if (parsed.length === 0) return out;
  const from = parsed.map((p) => p.from).sort()[0] ?? to;
  const values = await scopeValues(
    conn,
    reader,
    plan,
    parsed.flatMap((p) => p.refs),
    monthsBetween(from, to),
  );
  for (const p of parsed) {
    out.set(
      p.indicator.id,
      monthsBetween(p.from, to).map((m) => asObservation(p.indicator, m, formulaValue(p.ast, values.get(m)))),
    );
  }
  return out;
}

/** Progress updates up to the month; of several in one month the latest entered counts. */
async function progressObservations(
  conn: Conn,
  indicators: readonly IndicatorRow[],
  to: string,
): Promise<Map<number, Observation[]>> {
  const out = new Map<number, Observation[]>(indicators.map((i) => [i.id, []]));
  if (indicators.length === 0) return out;
  const rows = await queryRows<{ indicatorId: number; period: string; date: string; value: number }>(
    conn,
    sql`select distinct on (indicator_id, period) indicator_id as "indicatorId", period,
               period_end::text as date, value
        from plan_progress_updates
        where indicator_id in ${indicators.map((i) => i.id)} and period_end <= ${monthEnd(to)}::date
        order by indicator_id, period, created_at desc, id desc`,
  );
  for (const r of rows) out.get(r.indicatorId)?.push({ period: r.period, date: r.date, value: r.value });
  return out;
}

/**
 * Each indicator's observations up to the month `to`: a formula evaluated on the scope unit's
 * aggregates of each month (one analytics request for the whole plan), or the progress updates.
 */
export async function observationsOf(
  conn: Conn,
  reader: Principal,
  plan: PlanRow,
  indicators: readonly IndicatorRow[],
  to: string,
): Promise<Map<number, Observation[]>> {
  const formula = indicators.filter((i) => i.source === "formula");
  const progress = indicators.filter((i) => i.source === "progress");
  return new Map([
    ...(await formulaObservations(conn, reader, plan, formula, to)),
    ...(await progressObservations(conn, progress, to)),
  ]);
}
