import { eq, sql } from "drizzle-orm";
import type { Principal } from "../access/principal.ts";
import { type Actor, recordAudit } from "../audit/audit.ts";
import * as clock from "../config/clock.ts";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { planDocuments, planKeyFigures, planPillars, plans } from "../db/schema/index.ts";
import { nfc } from "../domain/format/index.ts";
import { AppError, conflict, invalid } from "../errors/app-error.ts";
import { parseInput } from "../metrics/parse-input.ts";
import { unitsByCodes } from "../units/service.ts";
import { assertPlanManager } from "./access.ts";
import { issues, messages } from "./messages.ts";
import {
  type DocumentInput,
  documentInputSchema,
  type FigureInput,
  figureInputSchema,
  type PillarInput,
  type PlanInput,
  type PlanPatch,
  pillarInputSchema,
  planInputSchema,
  planPatchSchema,
} from "./schema.ts";
import { metricTypes, type PillarRow, type PlanRow, pillarsOf, planByCode } from "./store.ts";
import { checkFormula } from "./validate.ts";

/** Trimmed NFC text; empty optional text becomes null. */
export const text = (s: string | null | undefined): string | null => (s?.trim() ? nfc(s.trim()) : null);

/** Options of every service write: `at` prefixes error paths ("body." from the routes). */
export interface WriteContext {
  actor: Actor;
  principal: Principal | null;
  at?: string;
}

/** Tạo kế hoạch. Admins over the scope unit; the code is unique (409). */
export async function createPlan(db: Conn, ctx: WriteContext, input: PlanInput): Promise<PlanRow> {
  const at = ctx.at ?? "";
  const p = parseInput(planInputSchema, input, at.replace(/\.$/, ""));
  // A reused unit code names the unit holding it at the end of the plan's year.
  const found = await unitsByCodes(db, [p.reportingUnitCode, p.scopeUnitCode], {
    on: `${p.year}-12-31`,
    path: (c) => `${at}${c === p.scopeUnitCode ? "scopeUnitCode" : "reportingUnitCode"}`,
  });
  const reporting = found.get(p.reportingUnitCode);
  const scope = found.get(p.scopeUnitCode);
  const missing = [
    ...(reporting ? [] : [issues.noUnit(`${at}reportingUnitCode`, p.reportingUnitCode)]),
    ...(scope ? [] : [issues.noUnit(`${at}scopeUnitCode`, p.scopeUnitCode)]),
  ];
  if (!reporting || !scope) throw invalid(...missing);
  await assertPlanManager(db, ctx.principal, scope);
  return db.transaction(async (tx) => {
    const [clash] = await queryRows<{ id: number }>(tx, sql`select id from plans where code = ${p.code}`);
    if (clash) throw conflict(messages.planCode.vi, messages.planCode.en, p.code);
    const row = {
      code: p.code,
      nameVi: nfc(p.nameVi),
      nameEn: text(p.nameEn),
      year: p.year,
      status: p.status,
      issuingBodyVi: nfc(p.issuingBodyVi),
      issuingBodyEn: text(p.issuingBodyEn),
      documentRefVi: text(p.documentRefVi),
      reportingUnitId: reporting.id,
      scopeUnitId: scope.id,
    };
    await tx.insert(plans).values(row);
    await recordAudit(tx, ctx.actor, { action: "create", objectType: "plan", objectId: p.code, after: row });
    return planByCode(tx, p.code);
  });
}

/** Changes a plan's names, status or document reference (not its year or units). */
export async function updatePlan(
  db: Conn,
  ctx: WriteContext,
  code: string,
  patch: PlanPatch,
): Promise<PlanRow> {
  const changes = parseInput(planPatchSchema, patch, (ctx.at ?? "").replace(/\.$/, ""));
  const before = await planByCode(db, code);
  await assertPlanManager(db, ctx.principal, before.scopeUnit);
  const set = {
    ...(changes.nameVi === undefined ? {} : { nameVi: nfc(changes.nameVi) }),
    ...(changes.nameEn === undefined ? {} : { nameEn: text(changes.nameEn) }),
    ...(changes.status === undefined ? {} : { status: changes.status }),
    ...(changes.issuingBodyVi === undefined ? {} : { issuingBodyVi: nfc(changes.issuingBodyVi) }),
    ...(changes.issuingBodyEn === undefined ? {} : { issuingBodyEn: text(changes.issuingBodyEn) }),
    ...(changes.documentRefVi === undefined ? {} : { documentRefVi: text(changes.documentRefVi) }),
  };
  return db.transaction(async (tx) => {
    await tx
      .update(plans)
      .set({ ...set, updatedAt: clock.now() })
      .where(eq(plans.id, before.id));
    const after = await planByCode(tx, code);
    await recordAudit(tx, ctx.actor, { action: "update", objectType: "plan", objectId: code, before, after });
    return after;
  });
}

const nextPosition = (rows: { position: number }[]) => rows.reduce((m, r) => Math.max(m, r.position + 1), 0);

/** Thêm trụ cột, at the end unless a position is given. */
export async function addPillar(
  db: Conn,
  ctx: WriteContext,
  planCode: string,
  input: PillarInput,
): Promise<PillarRow> {
  const p = parseInput(pillarInputSchema, input, (ctx.at ?? "").replace(/\.$/, ""));
  const plan = await planByCode(db, planCode);
  await assertPlanManager(db, ctx.principal, plan.scopeUnit);
  return db.transaction(async (tx) => {
    const existing = await pillarsOf(tx, plan.id);
    if (existing.some((x) => x.code === p.code)) {
      throw conflict(messages.pillarCode.vi, messages.pillarCode.en, `${plan.code}/${p.code}`);
    }
    const row = {
      planId: plan.id,
      code: p.code,
      nameVi: nfc(p.nameVi),
      nameEn: text(p.nameEn),
      position: p.position ?? nextPosition(existing),
    };
    const [inserted] = await tx.insert(planPillars).values(row).returning({ id: planPillars.id });
    if (!inserted) throw new AppError("INTERNAL");
    await recordAudit(tx, ctx.actor, {
      action: "create",
      objectType: "plan_pillar",
      objectId: `${plan.code}/${p.code}`,
      after: row,
    });
    return {
      id: inserted.id,
      code: row.code,
      nameVi: row.nameVi,
      nameEn: row.nameEn,
      position: row.position,
    };
  });
}

/** The pillar of the plan with this code, or a 400 at `path`. */
export async function pillarOrIssue(
  conn: Conn,
  plan: PlanRow,
  code: string,
  path: string,
): Promise<PillarRow> {
  const pillar = (await pillarsOf(conn, plan.id)).find((p) => p.code === code);
  if (!pillar) throw invalid(issues.noPillar(path, code));
  return pillar;
}

/** Văn bản đã ban hành under the plan, optionally under one pillar. */
export async function addDocument(db: Conn, ctx: WriteContext, planCode: string, input: DocumentInput) {
  const at = ctx.at ?? "";
  const d = parseInput(documentInputSchema, input, at.replace(/\.$/, ""));
  const plan = await planByCode(db, planCode);
  await assertPlanManager(db, ctx.principal, plan.scopeUnit);
  const pillar = d.pillar ? await pillarOrIssue(db, plan, d.pillar, `${at}pillar`) : null;
  return db.transaction(async (tx) => {
    const row = {
      planId: plan.id,
      pillarId: pillar?.id ?? null,
      number: nfc(d.number),
      date: d.date,
      issuerVi: nfc(d.issuerVi),
      summaryVi: nfc(d.summaryVi),
      summaryEn: text(d.summaryEn),
      sample: d.sample,
    };
    const [inserted] = await tx.insert(planDocuments).values(row).returning({ id: planDocuments.id });
    if (!inserted) throw new AppError("INTERNAL");
    await recordAudit(tx, ctx.actor, {
      action: "create",
      objectType: "plan_document",
      objectId: inserted.id,
      after: row,
    });
    return { id: inserted.id, pillar: pillar?.code ?? null, ...row };
  });
}

/**
 * Số liệu nổi bật of a pillar: a metric, or a formula over metrics under a new name, with
 * optionally the metric it is a share of. Codes and formulas are checked against the catalogue.
 */
export async function addFigure(
  db: Conn,
  ctx: WriteContext,
  planCode: string,
  pillarCode: string,
  input: FigureInput,
) {
  const at = ctx.at ?? "";
  const f = parseInput(figureInputSchema, input, at.replace(/\.$/, ""));
  const plan = await planByCode(db, planCode);
  await assertPlanManager(db, ctx.principal, plan.scopeUnit);
  const pillar = (await pillarsOf(db, plan.id)).find((p) => p.code === pillarCode);
  if (!pillar) throw invalid(issues.noPillar("pillar", pillarCode));
  const types = await metricTypes(db);
  const formula = text(f.formula);
  const found = [
    ...(formula ? formulaIssues(formula, f.code, types, at) : metricIssue(f.code, types, `${at}code`)),
    ...(f.shareOf ? metricIssue(f.shareOf, types, `${at}shareOf`) : []),
  ];
  if (found.length) throw invalid(...found);
  return db.transaction(async (tx) => {
    const [clash] = await queryRows<{ id: number }>(
      tx,
      sql`select id from plan_key_figures where pillar_id = ${pillar.id} and code = ${f.code}`,
    );
    if (clash) throw conflict(messages.figureCode.vi, messages.figureCode.en, `${pillarCode}/${f.code}`);
    const count = await queryRows<{ n: number }>(
      tx,
      sql`select coalesce(max(position) + 1, 0)::int as n from plan_key_figures where pillar_id = ${pillar.id}`,
    );
    const row = {
      pillarId: pillar.id,
      code: f.code,
      formula,
      shareOfMetricCode: f.shareOf ?? null,
      labelVi: text(f.labelVi),
      labelEn: text(f.labelEn),
      unitOfMeasureVi: text(f.unitOfMeasureVi),
      decimals: f.decimals ?? null,
      byLevel: f.byLevel ?? false,
      position: f.position ?? count[0]?.n ?? 0,
    };
    const [inserted] = await tx.insert(planKeyFigures).values(row).returning({ id: planKeyFigures.id });
    if (!inserted) throw new AppError("INTERNAL");
    await recordAudit(tx, ctx.actor, {
      action: "create",
      objectType: "plan_figure",
      objectId: `${plan.code}/${pillarCode}/${f.code}`,
      after: row,
    });
    const { pillarId: _, shareOfMetricCode, ...rest } = row;
    return { id: inserted.id, pillar: pillarCode, ...rest, shareOf: shareOfMetricCode };
  });
}

function metricIssue(code: string, types: ReadonlyMap<string, string>, path: string) {
  return types.has(code) ? [] : [issues.noMetric(path, code)];
}

function formulaIssues(formula: string, code: string, types: ReadonlyMap<string, string>, at: string) {
  const check = checkFormula(formula, types, `${at}formula`);
  const clash = types.has(code) ? [issues.figureFormulaName(`${at}code`, code)] : [];
  return [...(check.ok ? [] : check.issues), ...clash];
}
