import { sql } from "drizzle-orm";
import type { Principal } from "../access/principal.ts";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { parseChecked } from "../metrics/expression.ts";
import { formulaValue, type MonthlyValues, scopeValues } from "./observations.ts";
import type { FigureRow } from "./queries.ts";
import type { KeyFigure } from "./report-data.ts";
import type { PlanRow } from "./store.ts";

export interface MetricName {
  code: string;
  nameVi: string;
  nameEn: string | null;
  unitOfMeasure: string | null;
}

/** Names and units of the given metrics, by code. */
export async function metricNames(conn: Conn, codes: readonly string[]): Promise<Map<string, MetricName>> {
  if (codes.length === 0) return new Map();
  const rows = await queryRows<MetricName>(
    conn,
    sql`select code, name_vi as "nameVi", name_en as "nameEn", unit_of_measure as "unitOfMeasure"
        from metrics where code in ${[...new Set(codes)]}`,
  );
  return new Map(rows.map((r) => [r.code, r]));
}

/** The metric codes a figure reads: its formula's references or its own code, and its whole. */
export function codesOf(f: FigureRow): string[] {
  const parsed = f.formula ? parseChecked(f.formula) : null;
  const own = f.formula ? (parsed?.ok ? parsed.refs : []) : [f.code];
  return f.shareOf ? [...own, f.shareOf] : own;
}

export function figureValue(f: FigureRow, values: ReadonlyMap<string, number> | undefined): number | null {
  if (!f.formula) return values?.get(f.code) ?? null;
  const parsed = parseChecked(f.formula);
  return parsed.ok ? formulaValue(parsed.ast, values) : null;
}

/** Part of a whole in percent; null without a whole or when it is zero (never NaN). */
export function shareOf(part: number | null, whole: number | null): number | null {
  if (part === null || whole === null || whole === 0) return null;
  const share = (part / whole) * 100;
  return Number.isFinite(share) ? share : null;
}

/**
 * Each key figure's value for the scope unit at the month and the month before, with its
 * share of its whole: "763 dịch vụ công trực tuyến toàn trình (chiếm 47,54%)". One analytics
 * request for all figures of the plan.
 */
export async function keyFigures(
  conn: Conn,
  reader: Principal,
  plan: PlanRow,
  figures: readonly FigureRow[],
  month: string,
  previous: string,
): Promise<Map<string, KeyFigure[]>> {
  const names = await metricNames(
    conn,
    figures.flatMap((f) => [f.code, ...(f.shareOf ? [f.shareOf] : [])]),
  );
  const values: MonthlyValues = await scopeValues(conn, reader, plan, figures.flatMap(codesOf), [
    previous,
    month,
  ]);
  const byPillar = new Map<string, KeyFigure[]>();
  for (const f of figures) {
    const metric = names.get(f.code);
    const now = values.get(month);
    const value = figureValue(f, now);
    const whole = f.shareOf ? (now?.get(f.shareOf) ?? null) : null;
    const figure: KeyFigure = {
      metricCode: f.code,
      labelVi: f.labelVi ?? metric?.nameVi ?? f.code,
      labelEn: f.labelEn ?? metric?.nameEn ?? null,
      value,
      unitOfMeasureVi: f.unitOfMeasureVi ?? metric?.unitOfMeasure ?? null,
      sharePercent: shareOf(value, whole),
      ofMetricCode: f.shareOf,
      ofValue: whole,
      previousValue: figureValue(f, values.get(previous)),
      decimals: f.decimals,
    };
    byPillar.set(f.pillar, [...(byPillar.get(f.pillar) ?? []), figure]);
  }
  return byPillar;
}
