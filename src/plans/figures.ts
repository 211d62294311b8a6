import { sql } from "drizzle-orm";
import type { Principal } from "../access/principal.ts";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { parsePeriod, periodEnd } from "../domain/period/index.ts";
import { parseChecked } from "../metrics/expression.ts";
import { subtreeIds } from "../units/tree.ts";
import { formulaValue, type MonthlyValues, scopeValues } from "./observations.ts";
import type { FigureRow } from "./queries.ts";
import type { KeyFigure, LevelCount } from "./report-data.ts";
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
  month: { id: string; end: string },
  previous: string,
): Promise<Map<string, KeyFigure[]>> {
  const names = await metricNames(
    conn,
    figures.flatMap((f) => [f.code, ...(f.shareOf ? [f.shareOf] : [])]),
  );
  const values: MonthlyValues = await scopeValues(conn, reader, plan, figures.flatMap(codesOf), [
    previous,
    month.id,
  ]);
  const byPillar = new Map<string, KeyFigure[]>();
  for (const f of figures) {
    const metric = names.get(f.code);
    const now = values.get(month.id);
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
      levels: f.byLevel ? await levelCounts(conn, plan, f.code, month) : null,
      previousLevels: f.byLevel ? await levelCounts(conn, plan, f.code, monthOf(previous)) : null,
    };
    byPillar.set(f.pillar, [...(byPillar.get(f.pillar) ?? []), figure]);
  }
  return byPillar;
}

const monthOf = (id: string) => ({ id, end: periodEnd(parsePeriod(id)) });

/**
 * A metric counted per level of the plan's territory on the month's last day: for each level
 * below the scope unit where some unit reported it, the approved values' sum over the level's
 * units, named by the level's most common type ("12/12 huyện, 143/143 xã").
 */
export async function levelCounts(
  conn: Conn,
  plan: PlanRow,
  metric: string,
  month: { id: string; end: string },
): Promise<LevelCount[]> {
  const ids = await subtreeIds(conn, [plan.scopeUnit.id], month.end);
  const rows = await queryRows<{
    level: number;
    type: string;
    units: number;
    value: number;
    reported: number;
  }>(
    conn,
    sql`select p.level, u.type, count(*)::int as units, coalesce(sum(v.value), 0)::float8 as value,
               count(v.value)::int as reported
        from units u
        join unit_placements p on p.unit_id = u.id and p.valid_from <= ${month.end}
          and (p.valid_to is null or p.valid_to > ${month.end})
        left join (
          select dv.unit_id, dv.value from data_values dv
          join submissions s on s.id = dv.submission_id join metrics m on m.id = dv.metric_id
          where m.code = ${metric} and dv.period = ${month.id} and s.status = 'approved'
        ) v on v.unit_id = u.id
        where u.id in ${ids} and u.kind = 'territorial' and u.id <> ${plan.scopeUnit.id}
        group by p.level, u.type`,
  );
  return byLevel(rows);
}

/** The rows per level and type folded into one count per level, the most common type naming it. */
function byLevel(
  rows: readonly { level: number; type: string; units: number; value: number; reported: number }[],
): LevelCount[] {
  const levels = new Map<number, LevelCount & { reported: number; typeUnits: number }>();
  for (const r of rows) {
    const l = levels.get(r.level) ?? {
      level: r.level,
      type: r.type,
      value: 0,
      units: 0,
      reported: 0,
      typeUnits: 0,
    };
    l.value += Number(r.value);
    l.units += r.units;
    l.reported += r.reported;
    if (r.units > l.typeUnits) Object.assign(l, { type: r.type, typeUnits: r.units });
    levels.set(r.level, l);
  }
  return [...levels.values()]
    .filter((l) => l.reported > 0)
    .sort((a, b) => a.level - b.level)
    .map(({ level, type, value, units }) => ({ level, type, value, units }));
}
