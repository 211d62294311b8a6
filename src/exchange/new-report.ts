import { assertUnitInScope, type Principal } from "../access/principal.ts";
import type { Conn } from "../db/client.ts";
import { isLate } from "../domain/period/index.ts";
import { AppError, invalid } from "../errors/app-error.ts";
import type { NewReport } from "../scale/import-write.ts";
import { exemptFromLock } from "../submissions/access.ts";
import { type FormContext, fitFormContext } from "../submissions/context.ts";
import { diffValues, parseValues } from "../submissions/diff.ts";
import { issues } from "../submissions/messages.ts";
import { assertEnded, isTimeLocked, type ReportPeriod, reportPeriod } from "../submissions/period.ts";
import { missingRequired, ruleFailures } from "../submissions/rules.ts";
import type { Entry, Tally } from "./tally.ts";

/** Per `unitId|asOf`: why the principal may not write there (null: may), and whether exempt from the lock. */
export type Permissions = Map<string, { refused: AppError | null; exempt: boolean }>;

export interface NewReportRun {
  tx: Conn;
  principal: Principal | null;
  form: FormContext;
  tally: Tally;
  atomic: boolean;
  /** The set has a completeDate: the report is submitted too when it passes the submit gate. */
  complete: boolean;
  now: Date;
  permissions: Permissions;
}

async function permission(run: NewReportRun, unit: { id: number; code: string }, asOf: string) {
  const key = `${unit.id}|${asOf}`;
  const cached = run.permissions.get(key);
  if (cached) return cached;
  let refused: AppError | null = null;
  if (run.principal) {
    try {
      await assertUnitInScope(run.tx, run.principal, ["reporter"], unit, asOf);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      refused = error;
    }
  }
  const exempt = refused ? false : await exemptFromLock(run.tx, run.principal, unit.id, asOf);
  const result = { refused, exempt };
  run.permissions.set(key, result);
  return result;
}

/** saveDraft's checks of a report that does not exist yet, in its order: an error or the period. */
async function reportChecks(
  run: NewReportRun,
  unit: { id: number; code: string },
  period: string,
  today: string,
): Promise<AppError | ReportPeriod> {
  let dates: ReportPeriod;
  try {
    dates = reportPeriod(run.form, period, today);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  const allowed = await permission(run, unit, dates.end);
  if (allowed.refused) return allowed.refused;
  if (!run.form.unitIds.has(unit.id)) return invalid(issues.unitNotAssigned(unit.code, run.form.code));
  if (isTimeLocked(dates, today, run.now, null) && !allowed.exempt) return new AppError("LOCKED");
  return dates;
}

/** submit's gate on the new values: the period ended, required metrics present, error rules hold. */
function submitGate(
  form: FormContext,
  dates: ReportPeriod,
  merged: Parameters<typeof missingRequired>[1],
  today: string,
) {
  try {
    assertEnded(dates, today);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  const failed = ruleFailures(form, merged);
  const blocking = [...missingRequired(form, merged), ...failed.errors];
  return blocking.length ? new AppError("RULES_FAILED", {}, [...blocking, ...failed.warnings]) : null;
}

/**
 * Checks a new report of an import as saveDraft (and submit, with a completeDate) would, with
 * the same messages: refused values become conflicts. Returns the report to write, or null.
 */
export async function checkNewReport(
  run: NewReportRun,
  unit: { id: number; code: string },
  group: { unit: string; period: string; entries: Entry[] },
  today: string,
): Promise<NewReport | null> {
  const dates = await reportChecks(run, unit, group.period, today);
  if (dates instanceof AppError) {
    run.tally.rejectFrom(dates, group.entries);
    return null;
  }
  const form = fitFormContext(run.form, dates.id, unit.id);
  let entries = group.entries;
  let parsed = parseValues(form, inputs(entries));
  if (parsed.issues.length) {
    const refused = run.tally.rejectFrom(invalid(...parsed.issues), entries);
    if (run.atomic) return null;
    // As saveDraft's second try: the values it did not refuse.
    entries = entries.filter((e) => !refused.has(e));
    parsed = parseValues(form, inputs(entries));
    if (parsed.issues.length || entries.length === 0) return null;
  }
  const diff = diffValues(new Map(), parsed.parsed);
  run.tally.count(diff);
  let submitted = false;
  if (run.complete) {
    const refusal = submitGate(form, dates, diff.merged, today);
    if (refusal) run.tally.failCompletion(refusal, group.unit, group.period);
    else submitted = true;
  }
  return {
    unitId: unit.id,
    unitCode: unit.code,
    dates,
    late: isLate(today, dates.due),
    values: diff.upserts,
    submitted,
    shown: diff.after,
  };
}

function inputs(entries: readonly Entry[]) {
  return entries.map((e) => ({
    metric: e.value.dataElement,
    value: e.value.value ?? null,
    comment: e.value.comment,
  }));
}
