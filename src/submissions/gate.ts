import type { Principal, Role } from "../access/principal.ts";
import type { Conn } from "../db/client.ts";
import { vietnamDate } from "../domain/period/index.ts";
import { editRefusal, isTimeLocked, type ReportStatus } from "../domain/report/index.ts";
import { AppError, type FieldIssue, invalid } from "../errors/app-error.ts";
import { authorize } from "./access.ts";
import type { FormContext } from "./context.ts";
import { actions, issues, lockedReport, statusNames } from "./messages.ts";
import { type ReportPeriod, reportPeriod } from "./period.ts";
import { missingRequired, ruleFailures } from "./rules.ts";
import type { ValueRecord } from "./store.ts";

/**
 * The single entry points of the write rules (their order is the domain's, see
 * `src/domain/report/write-rules.ts`): `placeReport` then `editCheck`. The web save, the
 * importer and the bulk loader all call them; each returns the refusal rather than throwing,
 * so the importer can turn it into conflicts.
 */

/** Refusals come back as values: the AppError a thrown check would raise. */
async function caught<T>(check: () => T | Promise<T>): Promise<T | AppError> {
  try {
    return await check();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

/** May the principal write the unit's reports as of `asOf`: null, or the refusal. */
export type ScopeCheck = (unit: { id: number; code: string }, asOf: string) => Promise<AppError | null>;

/** One of the roles over the unit in the tree of `asOf` (the system's authority when null). */
export function roleScope(
  conn: Conn,
  principal: Principal | null,
  roles: readonly Role[] = ["reporter"],
): ScopeCheck {
  return async (unit, asOf) => {
    const refused = await caught(() => authorize(conn, principal, roles, unit, asOf));
    return refused instanceof AppError ? refused : null;
  };
}

/**
 * The `period`, `scope` and `assignment` checks of a write: the period is one the form may be
 * reported for today (400 at `period`), the writer may write the unit's reports (403), the unit
 * is assigned the form (400 at `unit`). Returns the report's dates or the refusal.
 */
export async function placeReport(
  form: FormContext,
  unit: { id: number; code: string },
  period: string,
  today: string,
  scope: ScopeCheck,
): Promise<ReportPeriod | AppError> {
  const dates = await caught(() => reportPeriod(form, period, today));
  if (dates instanceof AppError) return dates;
  const refused = await scope(unit, dates.end);
  if (refused) return refused;
  if (!form.unitIds.has(unit.id)) return invalid(issues.unitNotAssigned(unit.code, form.code));
  return dates;
}

export interface EditFacts {
  dates: ReportPeriod;
  /** The stored report, if any. */
  existing: { status: ReportStatus; reopenedUntil: Date | null } | undefined;
  now: Date;
  /** The writer is not bound by the time lock (admin over the unit, the system). */
  exempt: () => Promise<boolean>;
  /** Problems of the given values (and narrative), at their paths. */
  problems: readonly FieldIssue[];
  changed: boolean;
}

/** The `status`, `lock` and `values` checks (`editRefusal`): null, or the refusal. */
export async function editCheck(facts: EditFacts): Promise<AppError | null> {
  const pastLock = isTimeLocked({
    today: vietnamDate(facts.now),
    lock: facts.dates.lock,
    now: facts.now,
    reopenedUntil: facts.existing?.reopenedUntil ?? null,
  });
  const refusal = editRefusal({
    status: facts.existing?.status ?? null,
    locked: pastLock && !(await facts.exempt()),
    invalid: facts.problems.length > 0,
    changed: facts.changed,
  });
  switch (refusal) {
    case null:
      return null;
    case "approved":
      return lockedReport(null);
    case "locked":
      return lockedReport(facts.dates.lock);
    case "submitted":
      return new AppError("INVALID_TRANSITION", { action: actions.edit, status: statusNames.submitted });
    case "values":
      return invalid(...facts.problems);
  }
}

/** Throws a refusal, or passes the value on. */
export function orThrow<T>(result: T | AppError): T {
  if (result instanceof AppError) throw result;
  return result;
}

/**
 * The checks a submission adds to a write's (after `editCheck`): the period's data cut-off has
 * passed (400 at `period`), required metrics are filled and error rules hold (422
 * RULES_FAILED). Returns the refusal, or the warnings of the warning rules.
 */
export function submitCheck(
  form: FormContext,
  dates: ReportPeriod,
  values: ReadonlyMap<number, ValueRecord>,
  today: string,
): AppError | FieldIssue[] {
  if (today <= dates.cutOff) return invalid(issues.notEnded(dates.id, dates.cutOff));
  const failed = ruleFailures(form, values);
  const blocking = [...missingRequired(form, values), ...failed.errors];
  return blocking.length
    ? new AppError("RULES_FAILED", {}, [...blocking, ...failed.warnings])
    : failed.warnings;
}

/** A submit refusal without its warnings: what blocks a report loaded or imported as approved. */
export function blockingOnly(error: AppError): AppError {
  return new AppError(
    error.code,
    error.params,
    error.details.filter((d) => d.code !== "warning"),
  );
}
