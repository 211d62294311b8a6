import { and, eq, sql } from "drizzle-orm";
import type { Principal } from "../access/principal.ts";
import { type Actor, recordAudit } from "../audit/audit.ts";
import * as clock from "../config/clock.ts";
import type { Db, Tx } from "../db/client.ts";
import { assessmentUnits, assessmentValues } from "../db/schema/index.ts";
import { nfc } from "../domain/format/index.ts";
import type { CriterionValue } from "../domain/index-scoring/index.ts";
import { AppError, fieldIssue, invalid } from "../errors/app-error.ts";
import { issues } from "./messages.ts";
import { incomplete } from "./steps.ts";
import { valueRows } from "./store.ts";
import { fillGate, type UnitContext, unitObjectId, unitWork } from "./unit-work.ts";
import { checkValues, groupCriteria, normaliseValue, selfValues, type ValueInput } from "./values.ts";

export interface SelfValueInput extends ValueInput {
  note?: string | null;
  /** The version of this answer the person started from (0: none yet); checked when given. */
  version?: number;
}

/**
 * 409 STALE_ANSWER when an answer was saved by someone else since the person loaded it: their
 * save would silently overwrite it. Each stale answer is named at `values.<i>.version`.
 */
async function assertFresh(ctx: UnitContext, items: readonly SelfValueInput[]): Promise<void> {
  const stored = new Map(
    (await valueRows(ctx.tx, ctx.loaded.row.id, [ctx.unit.unitId])).map((r) => [
      r.criterionCode,
      r.selfVersion,
    ]),
  );
  const stale = items.flatMap((item, i) => {
    const current = stored.get(item.criterion) ?? 0;
    return item.version === undefined || item.version === current ? [] : [{ i, item, current }];
  });
  const [first] = stale;
  if (!first) return;
  throw new AppError(
    "STALE_ANSWER",
    { current: first.current, given: first.item.version },
    stale.map(({ i, item, current }) => issues.staleAnswer(i, item.criterion, current)),
  );
}

/** Writes self-assessed values; `source` says whether a person or the reports gave them. */
export async function writeSelfValues(
  ctx: UnitContext,
  userId: number | null,
  items: readonly { criterion: string; value: CriterionValue | null; note?: string | null }[],
  source: "manual" | "reports",
): Promise<void> {
  if (items.length === 0) return;
  const now = clock.now();
  await ctx.tx
    .insert(assessmentValues)
    .values(
      items.map((i) => ({
        assessmentId: ctx.loaded.row.id,
        unitId: ctx.unit.unitId,
        criterionCode: i.criterion,
        selfValue: i.value,
        selfNote: i.note ?? null,
        selfSource: source,
        selfUpdatedAt: now,
        selfUpdatedBy: userId,
        selfVersion: 1,
      })),
    )
    .onConflictDoUpdate({
      target: [assessmentValues.assessmentId, assessmentValues.unitId, assessmentValues.criterionCode],
      set: {
        selfValue: sql`excluded.self_value`,
        selfNote: sql`excluded.self_note`,
        selfSource: sql`excluded.self_source`,
        selfUpdatedAt: sql`excluded.self_updated_at`,
        selfUpdatedBy: sql`excluded.self_updated_by`,
        selfVersion: sql`${assessmentValues.selfVersion} + 1`,
      },
    });
}

/** The stored self values of some criteria, for the audit's "before". */
export async function selfBefore(tx: Tx, ctx: UnitContext, codes: readonly string[]) {
  const rows = await valueRows(tx, ctx.loaded.row.id, [ctx.unit.unitId]);
  const before = selfValues(rows);
  return Object.fromEntries(codes.map((c) => [c, before.get(c) ?? null]));
}

/**
 * Tự đánh giá: the unit's preparer (reporter over the unit) records values, while the
 * self-assessment step is open and the unit has not submitted. Each value is checked against
 * its scoring rule (400 naming `values.<i>.value`); nothing is written when one is wrong.
 */
export async function saveSelfValues(
  db: Db,
  actor: Actor,
  principal: Principal | null,
  code: string,
  unitCode: string,
  items: readonly SelfValueInput[],
): Promise<{ saved: number }> {
  return unitWork(db, principal, code, unitCode, fillGate, async (ctx) => {
    const normalised = items.map((i) => ({
      criterion: nfc(i.criterion.trim()),
      value: normaliseValue(i.value),
      note: i.note ? nfc(i.note.trim()) : null,
    }));
    const checked = checkValues(ctx.loaded.framework, ctx.unit.groupCode, normalised, "values");
    if (checked.issues.length) throw invalid(...checked.issues);
    await assertFresh(
      ctx,
      items.map((item, i) => ({ ...item, criterion: normalised[i]?.criterion ?? "" })),
    );
    const codes = normalised.map((i) => i.criterion);
    const before = await selfBefore(ctx.tx, ctx, codes);
    await writeSelfValues(ctx, principal?.userId ?? null, normalised, "manual");
    await recordAudit(ctx.tx, actor, {
      action: "self_assess",
      objectType: "assessment_unit",
      objectId: unitObjectId(ctx),
      before,
      after: Object.fromEntries(normalised.map((i) => [i.criterion, i.value])),
    });
    return { saved: normalised.length };
  });
}

/**
 * Nộp: the unit's approver (approver over the unit) submits; every criterion of its group must
 * have a value (409 naming those without). The self-assessment then locks (423 on edits).
 */
export async function submitUnit(
  db: Db,
  actor: Actor,
  principal: Principal | null,
  code: string,
  unitCode: string,
  now = clock.now(),
): Promise<{ status: "submitted" }> {
  const gate = { role: "approver", action: "submit", from: ["self_assessment"], draft: true } as const;
  return unitWork(db, principal, code, unitCode, gate, async (ctx) => {
    const values = selfValues(await valueRows(ctx.tx, ctx.loaded.row.id, [ctx.unit.unitId]));
    const missing = groupCriteria(ctx.loaded.framework, ctx.unit.groupCode).filter(
      (c) => (values.get(c.code) ?? null) === null,
    );
    if (missing.length)
      throw incomplete(
        "submit",
        missing.map((c) => issues.missingValue(c.code)),
      );
    await setUnitStatus(ctx, {
      status: "submitted",
      submittedAt: now,
      submittedBy: principal?.userId ?? null,
    });
    await recordAudit(ctx.tx, actor, {
      action: "submit",
      objectType: "assessment_unit",
      objectId: unitObjectId(ctx),
      before: { status: "draft" },
      after: { status: "submitted" },
    });
    return { status: "submitted" };
  });
}

/** Mở lại: an admin over the unit reopens a submitted self-assessment, with a reason. */
export async function reopenUnit(
  db: Db,
  actor: Actor,
  principal: Principal | null,
  code: string,
  unitCode: string,
  reason: string,
): Promise<{ status: "draft" }> {
  const gate = { role: "admin", action: "reopenUnit", from: ["self_assessment"] } as const;
  return unitWork(db, principal, code, unitCode, gate, async (ctx) => {
    if (ctx.unit.status !== "submitted") {
      throw invalid(
        fieldIssue(
          "unit",
          "Đơn vị chưa nộp, không cần mở lại",
          "The unit has not submitted; nothing to reopen",
        ),
      );
    }
    await setUnitStatus(ctx, { status: "draft", submittedAt: null, submittedBy: null });
    await recordAudit(ctx.tx, actor, {
      action: "reopen",
      objectType: "assessment_unit",
      objectId: unitObjectId(ctx),
      before: { status: "submitted" },
      after: { status: "draft", reason: nfc(reason.trim()) },
    });
    return { status: "draft" };
  });
}

async function setUnitStatus(
  ctx: UnitContext,
  changes: { status: "draft" | "submitted"; submittedAt: Date | null; submittedBy: number | null },
) {
  await ctx.tx
    .update(assessmentUnits)
    .set(changes)
    .where(
      and(eq(assessmentUnits.assessmentId, ctx.loaded.row.id), eq(assessmentUnits.unitId, ctx.unit.unitId)),
    );
}
