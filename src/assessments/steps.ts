import type { Principal } from "../access/principal.ts";
import { type Actor, recordAudit } from "../audit/audit.ts";
import * as clock from "../config/clock.ts";
import type { Db, Tx } from "../db/client.ts";
import { nfc } from "../domain/format/index.ts";
import { criterionMax } from "../domain/index-scoring/index.ts";
import { AppError, type FieldIssue, invalid } from "../errors/app-error.ts";
import { assertAssessmentAdmin } from "./access.ts";
import { type AssessmentView, assessmentView } from "./assessments.ts";
import { type ActionName, actionNames, issues, statusNames } from "./messages.ts";
import { assessedUnits, loadAssessment, updateAssessment, valueRows } from "./store.ts";
import {
  type AssessedUnit,
  type AssessmentRow,
  type AssessmentStatus,
  type LoadedAssessment,
  STEPS,
} from "./types.ts";

/** 409 ASSESSMENT_STEP_CLOSED unless the assessment is at one of `from`. */
export function assertStep(
  loaded: LoadedAssessment,
  action: ActionName,
  from: readonly AssessmentStatus[],
): void {
  if (from.includes(loaded.row.status)) return;
  throw new AppError("ASSESSMENT_STEP_CLOSED", {
    assessment: loaded.row.code,
    status: statusNames[loaded.row.status],
    action: actionNames[action],
  });
}

export function incomplete(action: ActionName, details: FieldIssue[]): AppError {
  return new AppError(
    "ASSESSMENT_INCOMPLETE",
    { action: actionNames[action], count: details.length },
    details,
  );
}

/** Audit action names in the log's style (snake case). */
const auditActions: Partial<Record<ActionName, string>> = {
  closeSelf: "close_self_assessment",
  closeAppraisal: "close_appraisal",
};

interface StepContext {
  tx: Tx;
  loaded: LoadedAssessment;
  units: AssessedUnit[];
}

type Apply = (
  ctx: StepContext,
) => Promise<{ changes: Partial<AssessmentRow>; extra?: Record<string, unknown> }>;

/**
 * One change of step, by an admin over every assessed unit: locks the assessment, checks the
 * current step, applies the change and writes its audit row, all in one transaction.
 */
async function step(
  db: Db,
  actor: Actor,
  principal: Principal | null,
  code: string,
  gate: { action: ActionName; from: readonly AssessmentStatus[] },
  apply: Apply,
): Promise<AssessmentView> {
  await db.transaction(async (tx) => {
    const loaded = await loadAssessment(tx, code, "update");
    const units = await assessedUnits(tx, loaded.row.id);
    await assertAssessmentAdmin(
      tx,
      principal,
      units.map((u) => u.unitId),
      loaded.asOf,
    );
    assertStep(loaded, gate.action, gate.from);
    const { changes, extra } = await apply({ tx, loaded, units });
    const row = await updateAssessment(tx, loaded.row, changes);
    await recordAudit(tx, actor, {
      action: auditActions[gate.action] ?? gate.action,
      objectType: "assessment",
      objectId: code,
      before: { status: loaded.row.status },
      after: { status: row.status, ...extra },
    });
  });
  return assessmentView(db, code);
}

/** Mở cho tự đánh giá: units may now fill in their values. */
export function startSelfAssessment(db: Db, actor: Actor, principal: Principal | null, code: string) {
  return step(db, actor, principal, code, { action: "start", from: ["open"] }, async () => ({
    changes: { status: "self_assessment" },
  }));
}

/** Kết thúc tự đánh giá: every unit must have submitted (409 naming those that have not). */
export function closeSelfAssessment(db: Db, actor: Actor, principal: Principal | null, code: string) {
  return step(db, actor, principal, code, { action: "closeSelf", from: ["self_assessment"] }, async (ctx) => {
    const late = ctx.units.filter((u) => u.status !== "submitted").map((u) => issues.notSubmitted(u.code));
    if (late.length) throw incomplete("closeSelf", late);
    return { changes: { status: "appraisal" } };
  });
}

/** Kết thúc thẩm định: every criterion of every unit must be confirmed or adjusted. */
export function closeAppraisal(db: Db, actor: Actor, principal: Principal | null, code: string) {
  return step(db, actor, principal, code, { action: "closeAppraisal", from: ["appraisal"] }, async (ctx) => {
    const rows = await valueRows(ctx.tx, ctx.loaded.row.id);
    const done = new Set(
      rows.filter((r) => r.appraisalAction !== null).map((r) => `${r.unitId}/${r.criterionCode}`),
    );
    const open = ctx.units.flatMap((u) => {
      const left = ctx.loaded.framework.criteria.filter(
        (c) => criterionMax(c, u.groupCode) !== null && !done.has(`${u.unitId}/${c.code}`),
      );
      return left.length ? [issues.notAppraised(u.code, left.length)] : [];
    });
    if (open.length) throw incomplete("closeAppraisal", open);
    return { changes: { status: "council" } };
  });
}

/** Hội đồng chốt kết quả: the appraised (and council-adjusted) values become final. */
export function finalise(db: Db, actor: Actor, principal: Principal | null, code: string, now = clock.now()) {
  return step(db, actor, principal, code, { action: "finalise", from: ["council"] }, async (ctx) => {
    if (ctx.loaded.row.finalisedAt !== null)
      throw new AppError("ASSESSMENT_STEP_CLOSED", stepParams(ctx, "finalise"));
    return { changes: { finalisedAt: now, finalisedBy: principal?.userId ?? null } };
  });
}

function stepParams(ctx: StepContext, action: ActionName) {
  return {
    assessment: ctx.loaded.row.code,
    status: statusNames[ctx.loaded.row.status],
    action: actionNames[action],
  };
}

export interface Publication {
  decisionNumber: string;
  decisionDate: string;
  announcedOn: string;
}

/** Công bố: the People's Committee's decision approved the finalised results. */
export function publish(
  db: Db,
  actor: Actor,
  principal: Principal | null,
  code: string,
  input: Publication,
  now = clock.now(),
) {
  return step(db, actor, principal, code, { action: "publish", from: ["council"] }, async (ctx) => {
    if (ctx.loaded.row.finalisedAt === null) throw incomplete("publish", [issues.notFinalised()]);
    if (input.announcedOn < input.decisionDate) throw invalid(issues.announcedBeforeDecision("announcedOn"));
    const decisionNumber = nfc(input.decisionNumber.trim());
    return {
      changes: {
        status: "published",
        decisionNumber,
        decisionDate: input.decisionDate,
        announcedOn: input.announcedOn,
        publishedAt: now,
        publishedBy: principal?.userId ?? null,
      },
      extra: { decisionNumber, decisionDate: input.decisionDate, announcedOn: input.announcedOn },
    };
  });
}

/**
 * Mở lại: an admin takes the assessment back to an earlier step, with a reason. Going back
 * before the council withdraws the finalisation; going back from publication withdraws it.
 */
export function reopenStep(
  db: Db,
  actor: Actor,
  principal: Principal | null,
  code: string,
  input: { to: AssessmentStatus; reason: string },
) {
  if (input.to === "published") throw invalid(issues.notEarlierStep("to"));
  const later = STEPS.slice(STEPS.indexOf(input.to) + 1);
  return step(db, actor, principal, code, { action: "reopen", from: later }, async () => {
    const unpublish = {
      decisionNumber: null,
      decisionDate: null,
      announcedOn: null,
      publishedAt: null,
      publishedBy: null,
    };
    const unfinalise = input.to === "council" ? {} : { finalisedAt: null, finalisedBy: null };
    return {
      changes: { status: input.to, ...unpublish, ...unfinalise },
      extra: { reason: nfc(input.reason.trim()) },
    };
  });
}
