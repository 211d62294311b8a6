import type { Principal, Role } from "../access/principal.ts";
import { applyRollups } from "../analytics/rollup.ts";
import { type Actor, recordAudit } from "../audit/audit.ts";
import * as clock from "../config/clock.ts";
import type { Conn } from "../db/client.ts";
import { nfc } from "../domain/format/index.ts";
import { isLate, parsePeriod, vietnamDate } from "../domain/period/index.ts";
import { AppError, invalid } from "../errors/app-error.ts";
import { noticeReturned } from "../notifications/returned.ts";
import { authorize, exemptFromLock } from "./access.ts";
import { type FormContext, fitFormContext, loadFormContextById } from "./context.ts";
import { editCheck, orThrow, submitCheck } from "./gate.ts";
import { actions, issues, lockedReport, statusNames } from "./messages.ts";
import { periodDates, type ReportPeriod } from "./period.ts";
import type { Status, TransitionResult } from "./schema.ts";
import type { WriteOptions } from "./service.ts";
import { assertVersion, loadValues, lockSubmission, type SubmissionRow, updateSubmission } from "./store.ts";
import { unitOf } from "./units.ts";

type Action = keyof typeof actions;

interface Step {
  tx: Conn;
  row: SubmissionRow;
  form: FormContext;
  dates: ReportPeriod;
  now: Date;
}

/**
 * Runs one transition: locks the report, checks the caller's role over its unit (in the tree of
 * the period's end), the version and the current status, then lets `apply` change it.
 */
async function transition(
  db: Conn,
  principal: Principal | null,
  id: number,
  version: number,
  gate: { roles: readonly Role[]; action: Action; from: readonly Status[] },
  options: WriteOptions,
  apply: (step: Step) => Promise<{ row: SubmissionRow; warnings?: TransitionResult["warnings"] }>,
): Promise<TransitionResult> {
  return db.transaction(async (tx) => {
    const row = await lockSubmission(tx, id);
    const loaded =
      options.context?.id === row.formId ? options.context : await loadFormContextById(tx, row.formId);
    const form = fitFormContext(loaded, row.period, row.unitId);
    const dates = periodDates(form, parsePeriod(row.period));
    await authorize(tx, principal, gate.roles, await unitOf(tx, row.unitId), dates.end);
    assertVersion(row, version);
    if (!gate.from.includes(row.status)) {
      if (row.status === "approved" && gate.action !== "approve") throw lockedReport(null);
      throw new AppError("INVALID_TRANSITION", {
        action: actions[gate.action],
        status: statusNames[row.status],
      });
    }
    const done = await apply({ tx, row, form, dates, now: options.now ?? clock.now() });
    return {
      id: done.row.id,
      status: done.row.status,
      version: done.row.version,
      late: done.row.late,
      dueDate: done.row.dueDate,
      reopenedUntil: done.row.reopenedUntil?.toISOString() ?? null,
      warnings: done.warnings ?? [],
    };
  });
}

async function audited(
  step: Step,
  actor: Actor,
  action: string,
  changes: Partial<SubmissionRow>,
  extra = {},
) {
  const row = await updateSubmission(step.tx, step.row, changes);
  await recordAudit(step.tx, actor, {
    action,
    objectType: "submission",
    objectId: row.id,
    before: { status: step.row.status, version: step.row.version },
    after: { status: row.status, version: row.version, ...extra },
  });
  return row;
}

/**
 * Nộp báo cáo: the period's data cut-off must have passed, the required metrics be filled and
 * every error rule hold (422 RULES_FAILED, nothing changed); warning rules are returned.
 * Timeliness is decided by the first submission: a resubmission after a return keeps it.
 */
export async function submit(
  db: Conn,
  actor: Actor,
  principal: Principal | null,
  id: number,
  version: number,
  options: WriteOptions = {},
): Promise<TransitionResult> {
  const gate = { roles: ["reporter"], action: "submit", from: ["draft", "returned"] } as const;
  return transition(db, principal, id, version, gate, options, async (step) => {
    const today = vietnamDate(step.now);
    const exempt = () => exemptFromLock(step.tx, principal, step.row.unitId, step.dates.end);
    const facts = {
      dates: step.dates,
      existing: step.row,
      now: step.now,
      exempt,
      problems: [],
      changed: true,
    };
    orThrow(await editCheck(facts));
    const warnings = orThrow(
      submitCheck(step.form, step.dates, await loadValues(step.tx, step.row.id), today),
    );
    const first = step.row.submittedAt === null;
    const late = first ? isLate(today, step.row.dueDate) : step.row.late;
    const row = await audited(
      step,
      actor,
      "submit",
      {
        status: "submitted",
        submittedAt: first ? step.now : step.row.submittedAt,
        submittedBy: principal?.userId ?? null,
        late,
      },
      { late },
    );
    return { row, warnings };
  });
}

/** Phê duyệt: an approver over the unit accepts a submitted report; its data locks. */
export async function approve(
  db: Conn,
  actor: Actor,
  principal: Principal | null,
  id: number,
  version: number,
  options: WriteOptions = {},
): Promise<TransitionResult> {
  const gate = { roles: ["approver"], action: "approve", from: ["submitted"] } as const;
  return transition(db, principal, id, version, gate, options, async (step) => {
    if (principal && !step.form.submitterMayApprove && step.row.submittedBy === principal.userId) {
      throw new AppError("OWN_REPORT_APPROVAL");
    }
    const row = await audited(step, actor, "approve", {
      status: "approved",
      approvedAt: step.now,
      approvedBy: principal?.userId ?? null,
    });
    await applyRollups(step.tx, [row.id], 1);
    return { row };
  });
}

function reasonText(reason: string): string {
  const text = nfc(reason.trim());
  if (!text) throw invalid(issues.reasonRequired());
  return text;
}

/** Trả lại: an approver sends a submitted report back to its unit with a reason. */
export async function returnSubmission(
  db: Conn,
  actor: Actor,
  principal: Principal | null,
  id: number,
  version: number,
  reason: string,
  options: WriteOptions = {},
): Promise<TransitionResult> {
  const text = reasonText(reason);
  const gate = { roles: ["approver"], action: "return", from: ["submitted"] } as const;
  return transition(db, principal, id, version, gate, options, async (step) => {
    const row = await audited(
      step,
      actor,
      "return",
      { status: "returned", returnedAt: step.now, returnedBy: principal?.userId ?? null, returnReason: text },
      { reason: text },
    );
    await noticeReturned(step.tx, row.id, step.now);
    return { row };
  });
}

/**
 * Mở lại (admin): lets the unit edit past the form's lock date for `days` days. An approved
 * report goes back to `returned` with the admin's reason, so it must be submitted and approved
 * again; a report in any other status keeps it.
 */
export async function reopen(
  db: Conn,
  actor: Actor,
  principal: Principal | null,
  id: number,
  version: number,
  reason: string,
  days: number,
  options: WriteOptions = {},
): Promise<TransitionResult> {
  const text = reasonText(reason);
  const gate = {
    roles: ["admin"],
    action: "edit",
    from: ["draft", "submitted", "approved", "returned"],
  } as const;
  return transition(db, principal, id, version, gate, options, async (step) => {
    const until = new Date(step.now.getTime() + days * 86_400_000);
    const sentBack = step.row.status === "approved";
    const changes: Partial<SubmissionRow> = sentBack
      ? {
          reopenedUntil: until,
          status: "returned",
          returnedAt: step.now,
          returnedBy: principal?.userId ?? null,
          returnReason: text,
        }
      : { reopenedUntil: until };
    const extra = { reason: text, reopenedUntil: until.toISOString() };
    const row = await audited(step, actor, "reopen", changes, extra);
    if (sentBack) await applyRollups(step.tx, [row.id], -1);
    return { row };
  });
}
