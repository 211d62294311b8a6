import { sql } from "drizzle-orm";
import { recordAudit } from "../audit/audit.ts";
import type { Conn, Tx } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { planStatusDeclarations, planStatusOverrides } from "../db/schema/index.ts";
import { nfc } from "../domain/format/index.ts";
import { AppError, invalid } from "../errors/app-error.ts";
import { parseInput } from "../metrics/parse-input.ts";
import { assertStatusJudge } from "./access.ts";
import { issues } from "./messages.ts";
import { planMonth } from "./periods.ts";
import {
  type DeclarationInput,
  declarationInputSchema,
  type OverrideInput,
  overrideInputSchema,
} from "./schema.ts";
import { text, type WriteContext } from "./service.ts";
import { indicatorByCode, planByCode } from "./store.ts";

/** A declaration as stored and shown: in force from `fromPeriod` until a later one. */
export interface DeclarationView {
  id: number;
  indicatorId: number;
  kind: "dependent" | "discontinued" | "cleared";
  body: string | null;
  decision: string | null;
  reason: string;
  fromPeriod: string;
  by: string;
  at: string;
}

export interface OverrideView {
  id: number;
  indicatorId: number;
  period: string;
  status: "done" | "likely" | "at_risk";
  reason: string;
  by: string;
  at: string;
}

const iso = (at: string | Date) => new Date(at).toISOString();

/** The declarations of the given indicators, oldest first. */
export async function declarationsOf(conn: Conn, indicatorIds: number[]): Promise<DeclarationView[]> {
  if (indicatorIds.length === 0) return [];
  const rows = await queryRows<DeclarationView>(
    conn,
    sql`select id, indicator_id as "indicatorId", kind::text as kind, body, decision, reason,
               from_period as "fromPeriod", declared_by_name as by, declared_at as at
        from plan_status_declarations where indicator_id in ${indicatorIds} order by from_date, declared_at, id`,
  );
  return rows.map((r) => ({ ...r, at: iso(r.at) }));
}

/** The overrides of the given indicators, oldest first. */
export async function overridesOf(conn: Conn, indicatorIds: number[]): Promise<OverrideView[]> {
  if (indicatorIds.length === 0) return [];
  const rows = await queryRows<OverrideView>(
    conn,
    sql`select id, indicator_id as "indicatorId", period, status::text as status, reason,
               overridden_by_name as by, overridden_at as at
        from plan_status_overrides where indicator_id in ${indicatorIds} order by period, overridden_at, id`,
  );
  return rows.map((r) => ({ ...r, at: iso(r.at) }));
}

/**
 * Khai báo: the indicator depends on an outside body (phụ thuộc) or was dropped by a decision
 * (không tiếp tục đánh giá) from a month of the plan's year on; `cleared` ends an earlier
 * declaration. A fact, so it outranks the computed status and any override.
 */
export async function declareStatus(
  db: Conn,
  ctx: WriteContext,
  planCode: string,
  indicatorCode: string,
  input: DeclarationInput,
): Promise<DeclarationView> {
  const at = ctx.at ?? "";
  const d = parseInput(declarationInputSchema, input, at.replace(/\.$/, ""));
  const plan = await planByCode(db, planCode);
  await assertStatusJudge(db, ctx.principal, plan);
  const indicator = await indicatorByCode(db, plan, indicatorCode);
  const month = planMonth(d.fromPeriod, plan.year, `${at}fromPeriod`);
  const body = text(d.body);
  const decision = text(d.decision);
  if (d.kind === "dependent" && !body) throw invalid(issues.bodyRequired(`${at}body`));
  if (d.kind === "discontinued" && !decision) throw invalid(issues.decisionRequired(`${at}decision`));
  const row = {
    indicatorId: indicator.id,
    kind: d.kind,
    body: d.kind === "dependent" ? body : null,
    decision: d.kind === "discontinued" ? decision : null,
    reason: nfc(d.reason),
    fromPeriod: month.id,
    fromDate: month.start,
    declaredBy: ctx.actor.userId,
    declaredByName: ctx.actor.name,
  };
  const inserted = await writeJudgement(db, ctx, "declare", `${plan.code}/${indicator.code}`, row, (tx) =>
    tx
      .insert(planStatusDeclarations)
      .values(row)
      .returning({ id: planStatusDeclarations.id, at: planStatusDeclarations.declaredAt }),
  );
  return {
    id: inserted.id,
    indicatorId: indicator.id,
    kind: row.kind,
    body: row.body,
    decision: row.decision,
    reason: row.reason,
    fromPeriod: row.fromPeriod,
    by: ctx.actor.name,
    at: iso(inserted.at),
  };
}

/**
 * Điều chỉnh trạng thái for one month: a person's judgement (done, likely, at risk) replacing
 * the computed one, with a required reason (400 at `reason`). Shown as overridden; audited.
 */
export async function overrideStatus(
  db: Conn,
  ctx: WriteContext,
  planCode: string,
  indicatorCode: string,
  input: OverrideInput,
): Promise<OverrideView> {
  const at = ctx.at ?? "";
  const o = parseInput(overrideInputSchema, input, at.replace(/\.$/, ""));
  const plan = await planByCode(db, planCode);
  await assertStatusJudge(db, ctx.principal, plan);
  const indicator = await indicatorByCode(db, plan, indicatorCode);
  const month = planMonth(o.period, plan.year, `${at}period`);
  const row = {
    indicatorId: indicator.id,
    period: month.id,
    status: o.status,
    reason: nfc(o.reason),
    overriddenBy: ctx.actor.userId,
    overriddenByName: ctx.actor.name,
  };
  const inserted = await writeJudgement(db, ctx, "override", `${plan.code}/${indicator.code}`, row, (tx) =>
    tx
      .insert(planStatusOverrides)
      .values(row)
      .returning({ id: planStatusOverrides.id, at: planStatusOverrides.overriddenAt }),
  );
  return {
    id: inserted.id,
    indicatorId: indicator.id,
    period: month.id,
    status: o.status,
    reason: row.reason,
    by: ctx.actor.name,
    at: iso(inserted.at),
  };
}

/** Writes a declaration or override row and its audit row in one transaction. */
async function writeJudgement(
  db: Conn,
  ctx: WriteContext,
  action: "declare" | "override",
  objectId: string,
  row: object,
  insert: (tx: Tx) => Promise<{ id: number; at: Date }[]>,
): Promise<{ id: number; at: Date }> {
  return db.transaction(async (tx) => {
    const [inserted] = await insert(tx);
    if (!inserted) throw new AppError("INTERNAL");
    await recordAudit(tx, ctx.actor, { action, objectType: "plan_indicator", objectId, after: row });
    return inserted;
  });
}
