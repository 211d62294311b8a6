import type { Principal } from "../access/principal.ts";
import { analytics } from "../analytics/service.ts";
import type { Conn } from "../db/client.ts";
import { boundariesVersion } from "../map/boundaries.ts";
import { shareOf } from "../plans/figures.ts";
import type { FigureRow } from "../plans/queries.ts";
import type { Summary } from "./schema.ts";
import type { ChildUnit } from "./tree.ts";

type MapPart = Summary["map"];

/**
 * The map's figures for the territorial units below the screen's unit (the province's districts,
 * a district's communes) among `children` (those the caller is shown), read as `reader` (a viewer
 * over the unit). Only figures that are a metric (not a formula of the plan) can be split by
 * unit; figures no unit reported are left out.
 */
export async function mapPart(
  conn: Conn,
  reader: Principal,
  scopeCode: string,
  figures: readonly FigureRow[],
  children: readonly ChildUnit[],
  labels: ReadonlyMap<string, { labelVi: string; labelEn: string | null }>,
  period: string,
): Promise<MapPart> {
  const units = children.filter((c) => c.kind === "territorial");
  const shown = figures.filter((f) => !f.formula);
  const level = units[0]?.level;
  if (!level || shown.length === 0) return { figures: [], units: [], level: level ?? null, boundaries: null };
  const codes = [...new Set(shown.flatMap((f) => (f.shareOf ? [f.code, f.shareOf] : [f.code])))];
  const answer = await analytics(conn, reader, {
    dimension: [`dx:${codes.join(";")}`, `ou:${scopeCode};LEVEL-${level}`],
    filter: [`pe:${period}`],
  });
  const byUnit = new Map<string, Map<string, number>>();
  for (const [dx, ou, value] of answer.rows) {
    if (dx === undefined || ou === undefined || value === undefined) continue;
    const own = byUnit.get(ou) ?? new Map<string, number>();
    own.set(dx, Number(value));
    byUnit.set(ou, own);
  }
  const inScope = new Set(answer.metaData.dimensions.ou);
  const territorial = new Set(units.map((u) => u.code));
  const reported = new Set(answer.rows.filter((r) => territorial.has(r[1] ?? "")).map((r) => r[0]));
  const mapped = shown.filter((f) => reported.has(f.code));
  return {
    level,
    boundaries: await boundariesVersion(conn, level),
    figures: mapped.map((f) => ({
      code: f.code,
      labelVi: labels.get(f.code)?.labelVi ?? f.code,
      labelEn: labels.get(f.code)?.labelEn ?? null,
    })),
    units: units
      .filter((u) => inScope.has(u.code))
      .map((u) => {
        const own = byUnit.get(u.code);
        const values: MapPart["units"][number]["values"] = {};
        for (const f of mapped) {
          const value = own?.get(f.code) ?? null;
          const whole = f.shareOf ? (own?.get(f.shareOf) ?? null) : null;
          values[f.code] = { value, share: shareOf(value, whole) };
        }
        return { code: u.code, nameVi: u.nameVi, nameEn: u.nameEn, values };
      }),
  };
}
