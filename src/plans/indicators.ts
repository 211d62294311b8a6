import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../audit/audit.ts";
import * as clock from "../config/clock.ts";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { planIndicators, planIndicatorUnits } from "../db/schema/index.ts";
import { nfc } from "../domain/format/index.ts";
import { conflict, invalid } from "../errors/app-error.ts";
import { parseInput } from "../metrics/parse-input.ts";
import { unitsByCodes } from "../units/service.ts";
import { assertPlanManager } from "./access.ts";
import { issues, messages } from "./messages.ts";
import {
  type IndicatorInput,
  type IndicatorPatch,
  indicatorInputSchema,
  indicatorPatchSchema,
} from "./schema.ts";
import { pillarOrIssue, text, type WriteContext } from "./service.ts";
import { type IndicatorRow, indicatorByCode, metricTypes, planByCode } from "./store.ts";
import { indicatorIssues } from "./validate.ts";

type Fields = Omit<z.output<typeof indicatorInputSchema>, "code">;

/** The stored columns of an indicator from its cleaned fields. */
function columns(f: Fields, pillarId: number) {
  return {
    pillarId,
    nameVi: nfc(f.nameVi),
    nameEn: text(f.nameEn),
    kind: f.kind,
    direction: f.direction,
    baseline: f.baseline ?? null,
    baselineDate: f.baselineDate,
    target: f.target,
    deadline: f.deadline,
    // Only a unit count has a unit total; elsewhere it would be a number nobody reads.
    unitTotal: f.kind === "unit_count" ? (f.unitTotal ?? null) : null,
    unitOfMeasureVi: text(f.unitOfMeasureVi),
    source: f.source,
    formula: text(f.formula),
    sample: f.sample,
    notes: text(f.notes),
  };
}

/** Checks the spec, the formula and the responsible units; throws one 400 with every issue. */
async function checked(conn: Conn, f: Fields, at: string): Promise<{ unitIds: number[] }> {
  const cols = columns(f, 0);
  const found = indicatorIssues(cols, await metricTypes(conn), at);
  const units = await unitsByCodes(conn, f.responsibleUnits);
  f.responsibleUnits.forEach((code, i) => {
    if (!units.has(code)) found.push(issues.noUnit(`${at}responsibleUnits.${i}`, code));
  });
  if (found.length) throw invalid(...found);
  return { unitIds: [...new Set(f.responsibleUnits.map((c) => units.get(c)?.id ?? 0))] };
}

async function setUnits(tx: Conn, indicatorId: number, unitIds: number[]): Promise<void> {
  await tx.delete(planIndicatorUnits).where(eq(planIndicatorUnits.indicatorId, indicatorId));
  if (unitIds.length) {
    await tx.insert(planIndicatorUnits).values(unitIds.map((unitId) => ({ indicatorId, unitId })));
  }
}

/**
 * Thêm chỉ tiêu. 400 with every problem (paths prefixed by `ctx.at`): a spec the status rules
 * refuse (percent target above 100, a milestone target other than 1, ...), a formula that does
 * not parse or names an unknown metric, an unknown pillar or unit. 409 for a duplicate code.
 */
export async function createIndicator(
  db: Conn,
  ctx: WriteContext,
  planCode: string,
  input: IndicatorInput,
): Promise<IndicatorRow> {
  const at = ctx.at ?? "";
  const f = parseInput(indicatorInputSchema, input, at.replace(/\.$/, ""));
  const plan = await planByCode(db, planCode);
  await assertPlanManager(db, ctx.principal, plan.scopeUnit);
  const pillar = await pillarOrIssue(db, plan, f.pillar, `${at}pillar`);
  const { unitIds } = await checked(db, f, at);
  return db.transaction(async (tx) => {
    const [clash] = await queryRows<{ id: number }>(
      tx,
      sql`select id from plan_indicators where plan_id = ${plan.id} and code = ${f.code}`,
    );
    if (clash) throw conflict(messages.indicatorCode.vi, messages.indicatorCode.en, `${plan.code}/${f.code}`);
    const [next] = await queryRows<{ n: number }>(
      tx,
      sql`select coalesce(max(position) + 1, 0)::int as n from plan_indicators where pillar_id = ${pillar.id}`,
    );
    const row = {
      planId: plan.id,
      code: f.code,
      position: f.position ?? next?.n ?? 0,
      ...columns(f, pillar.id),
    };
    const [inserted] = await tx.insert(planIndicators).values(row).returning({ id: planIndicators.id });
    await setUnits(tx, inserted?.id ?? 0, unitIds);
    const after = await indicatorByCode(tx, plan, f.code);
    await recordAudit(tx, ctx.actor, {
      action: "create",
      objectType: "plan_indicator",
      objectId: `${plan.code}/${f.code}`,
      after,
    });
    return after;
  });
}

/** The fields of a stored indicator, as an input a patch is merged into. */
function asFields(i: IndicatorRow): Fields {
  return {
    pillar: i.pillar,
    nameVi: i.nameVi,
    nameEn: i.nameEn,
    kind: i.kind,
    direction: i.direction,
    baseline: i.baseline,
    baselineDate: i.baselineDate,
    target: i.target,
    deadline: i.deadline,
    unitTotal: i.unitTotal,
    unitOfMeasureVi: i.unitOfMeasureVi,
    source: i.source,
    formula: i.formula,
    position: i.position,
    sample: i.sample,
    notes: i.notes,
    responsibleUnits: i.responsibleUnits,
  };
}

const defined = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * Changes an indicator: the patch is merged into the stored fields and the whole is checked
 * again, so a change of kind cannot leave an impossible target behind.
 */
export async function updateIndicator(
  db: Conn,
  ctx: WriteContext,
  planCode: string,
  code: string,
  patch: IndicatorPatch,
): Promise<IndicatorRow> {
  const at = ctx.at ?? "";
  const changes = parseInput(indicatorPatchSchema, patch, at.replace(/\.$/, ""));
  const plan = await planByCode(db, planCode);
  await assertPlanManager(db, ctx.principal, plan.scopeUnit);
  const before = await indicatorByCode(db, plan, code);
  const merged: Fields = { ...asFields(before), ...defined(changes) };
  const pillar = await pillarOrIssue(db, plan, merged.pillar, `${at}pillar`);
  const { unitIds } = await checked(db, merged, at);
  return db.transaction(async (tx) => {
    await tx
      .update(planIndicators)
      .set({
        ...columns(merged, pillar.id),
        position: merged.position ?? before.position,
        updatedAt: clock.now(),
      })
      .where(eq(planIndicators.id, before.id));
    if (changes.responsibleUnits !== undefined) await setUnits(tx, before.id, unitIds);
    const after = await indicatorByCode(tx, plan, code);
    await recordAudit(tx, ctx.actor, {
      action: "update",
      objectType: "plan_indicator",
      objectId: `${plan.code}/${code}`,
      before,
      after,
    });
    return after;
  });
}
