import { inArray } from "drizzle-orm";
import type { Principal } from "../access/principal.ts";
import { analytics } from "../analytics/service.ts";
import { type Actor, recordAudit } from "../audit/audit.ts";
import type { Conn, Db } from "../db/client.ts";
import { metrics } from "../db/schema/index.ts";
import { parseExpression, referencedMetrics } from "../domain/expression/index.ts";
import {
  AUTOMATIC_METHODS,
  type Criterion,
  type CriterionValue,
  scoreCriterion,
  valueFromMetrics,
} from "../domain/index-scoring/index.ts";
import { selfBefore, writeSelfValues } from "./self.ts";
import type { AssessedUnit } from "./types.ts";
import { fillGate, type UnitContext, unitObjectId, unitWork } from "./unit-work.ts";
import { groupCriteria } from "./values.ts";

export interface RefreshResult {
  filled: { criterion: string; value: CriterionValue }[];
  skipped: { criterion: string; reason: string; reasonEn: string }[];
}

const automatic = (c: Criterion) =>
  c.metricExpression !== undefined && AUTOMATIC_METHODS.includes(c.method.kind);

function metricCodes(criteria: readonly Criterion[]): string[] {
  const codes = new Set<string>();
  for (const c of criteria) {
    const parsed = parseExpression(c.metricExpression ?? "");
    if (parsed.ok) for (const code of referencedMetrics(parsed.ast)) codes.add(code);
  }
  return [...codes];
}

/**
 * The unit's figures for the year from its approved reports, through the analytics service
 * (the same aggregation rules as every dashboard). The read is scoped to the unit itself: the
 * caller's right to act on the unit was checked before.
 */
async function yearFigures(
  conn: Conn,
  unit: AssessedUnit,
  year: number,
  codes: string[],
): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const known = await conn.select({ code: metrics.code }).from(metrics).where(inArray(metrics.code, codes));
  if (known.length === 0) return new Map();
  const reader: Principal = {
    userId: 0,
    username: "system",
    displayName: "system",
    locale: "vi",
    grants: [{ role: "viewer", unitId: unit.unitId, unitCode: unit.code }],
  };
  const answer = await analytics(conn, reader, {
    dimension: [`dx:${known.map((m) => m.code).join(";")}`],
    filter: [`pe:${year}`, `ou:${unit.code}`],
  });
  return new Map(answer.rows.map((row) => [row[0] ?? "", Number(row[1])]));
}

function fill(ctx: UnitContext, criteria: readonly Criterion[], figures: Map<string, number>): RefreshResult {
  const result: RefreshResult = { filled: [], skipped: [] };
  for (const c of criteria) {
    const value = valueFromMetrics(c, (code) => figures.get(code) ?? null);
    if (value === null) {
      result.skipped.push({
        criterion: c.code,
        reason: `Chưa đủ số liệu đã duyệt năm ${ctx.loaded.row.year} cho ${c.metricExpression}`,
        reasonEn: `Not enough approved ${ctx.loaded.row.year} figures for ${c.metricExpression}`,
      });
      continue;
    }
    const scored = scoreCriterion(c, ctx.unit.groupCode, value);
    if (scored.ok) result.filled.push({ criterion: c.code, value });
    else
      result.skipped.push({
        criterion: c.code,
        reason: scored.error.messageVi,
        reasonEn: scored.error.messageEn,
      });
  }
  return result;
}

/**
 * Lấy từ báo cáo: fills the unit's criteria that have a metric expression from its approved
 * monthly reports of the assessment year, by the unit's preparer while a draft. Criteria
 * without enough data are listed, not touched; the refresh and its sources are audited.
 */
export function refreshFromReports(
  db: Db,
  actor: Actor,
  principal: Principal | null,
  code: string,
  unitCode: string,
): Promise<RefreshResult> {
  return unitWork(db, principal, code, unitCode, fillGate, async (ctx) => {
    const criteria = groupCriteria(ctx.loaded.framework, ctx.unit.groupCode).filter(automatic);
    const figures = await yearFigures(ctx.tx, ctx.unit, ctx.loaded.row.year, metricCodes(criteria));
    const result = fill(ctx, criteria, figures);
    const note = `Lấy từ báo cáo định kỳ đã duyệt năm ${ctx.loaded.row.year}`;
    const before = await selfBefore(
      ctx.tx,
      ctx,
      result.filled.map((f) => f.criterion),
    );
    await writeSelfValues(
      ctx,
      principal?.userId ?? null,
      result.filled.map((f) => ({ ...f, note })),
      "reports",
    );
    await recordAudit(ctx.tx, actor, {
      action: "refresh_from_reports",
      objectType: "assessment_unit",
      objectId: unitObjectId(ctx),
      before,
      after: { figures: Object.fromEntries(figures), filled: result.filled, skipped: result.skipped },
    });
    return result;
  });
}
