import type { Principal } from "../access/principal.ts";
import type { Conn } from "../db/client.ts";
import { formatPeriod, type Period, shiftPeriod } from "../domain/period/index.ts";
import { codesOf, figureValue, metricNames, shareOf } from "../plans/figures.ts";
import { unitValues } from "../plans/observations.ts";
import type { FigureRow } from "../plans/queries.ts";
import type { Figure } from "./schema.ts";

/** How many months the small trend of a key figure shows. */
export const TREND_MONTHS = 12;

/** The months ending with `period`, oldest first. */
export function monthsUpTo(period: Period, count: number): string[] {
  return Array.from({ length: count }, (_, i) => formatPeriod(shiftPeriod(period, i - count + 1)));
}

/**
 * Số liệu nổi bật: each key figure of the plan for the screen's unit (the province, a district,
 * a commune) at the period, the month before and the months of its trend, in ONE analytics
 * request read as `reader` (a viewer over that unit).
 */
export async function figuresWithTrend(
  conn: Conn,
  reader: Principal,
  unitCode: string,
  rows: readonly FigureRow[],
  period: Period,
): Promise<Figure[]> {
  const months = monthsUpTo(period, TREND_MONTHS);
  const values = await unitValues(conn, reader, unitCode, rows.flatMap(codesOf), months);
  const names = await metricNames(
    conn,
    rows.map((f) => f.code),
  );
  return rows.map((f) => {
    const trend = months.map((m) => ({ period: m, value: figureValue(f, values.get(m)) }));
    const value = trend.at(-1)?.value ?? null;
    const whole = f.shareOf ? (values.get(months.at(-1) ?? "")?.get(f.shareOf) ?? null) : null;
    const metric = names.get(f.code);
    return {
      code: f.code,
      pillar: f.pillar,
      labelVi: f.labelVi ?? metric?.nameVi ?? f.code,
      labelEn: f.labelEn ?? metric?.nameEn ?? null,
      unitOfMeasureVi: f.unitOfMeasureVi ?? metric?.unitOfMeasure ?? null,
      value,
      previousValue: trend.at(-2)?.value ?? null,
      sharePercent: shareOf(value, whole),
      trend,
    };
  });
}
