import type { Principal } from "../access/principal.ts";
import type { Conn } from "../db/client.ts";
import { isLate } from "../domain/period/index.ts";
import { AppError, invalid } from "../errors/app-error.ts";
import type { NewReport } from "../scale/import-write.ts";
import { exemptFromLock } from "../submissions/access.ts";
import { type FormContext, fitFormContext } from "../submissions/context.ts";
import { diffValues, parseValues } from "../submissions/diff.ts";
import {
  blockingOnly,
  editCheck,
  placeReport,
  roleScope,
  type ScopeCheck,
  submitCheck,
} from "../submissions/gate.ts";
import type { ReportPeriod } from "../submissions/period.ts";
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
  /** Imported as approved (admins, past periods): the reason, or null. */
  approve: string | null;
  now: Date;
  permissions: Permissions;
}

/** The reporter scope of the run's principal, asked once per unit and date. */
function cachedScope(run: NewReportRun): ScopeCheck {
  const scope = roleScope(run.tx, run.principal, run.approve === null ? ["reporter"] : ["admin"]);
  return async (unit, asOf) => {
    const key = `${unit.id}|${asOf}`;
    let known = run.permissions.get(key);
    if (!known) {
      const refused = await scope(unit, asOf);
      const exempt = refused ? false : await exemptFromLock(run.tx, run.principal, unit.id, asOf);
      known = { refused, exempt };
      run.permissions.set(key, known);
    }
    return known.refused;
  };
}

/**
 * The write checks of a report that does not exist yet, as saveDraft runs them (placeReport,
 * then editCheck on the values): the refusal, or the report's dates.
 */
async function reportRefusal(
  run: NewReportRun,
  unit: { id: number; code: string },
  group: { period: string; entries: Entry[] },
  today: string,
): Promise<AppError | ReportPeriod> {
  const dates = await placeReport(run.form, unit, group.period, today, cachedScope(run));
  if (dates instanceof AppError) return dates;
  const exempt = async () => run.permissions.get(`${unit.id}|${dates.end}`)?.exempt ?? false;
  // Value problems become conflicts value by value (checkNewReport); here status and lock.
  const facts = { dates, existing: undefined, now: run.now, exempt, problems: [], changed: true };
  return (await editCheck(facts)) ?? dates;
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
  const dates = await reportRefusal(run, unit, group, today);
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
  let submitted = false;
  if (run.complete || run.approve !== null) {
    const checked = submitCheck(form, dates, diff.merged, today);
    if (!(checked instanceof AppError)) submitted = true;
    // Approved data must pass the submit gate: a refusal refuses the report's values.
    else if (run.approve !== null) {
      run.tally.rejectFrom(blockingOnly(checked), entries);
      return null;
    } else run.tally.failCompletion(checked, group.unit, group.period);
  }
  run.tally.count(diff);
  return {
    unitId: unit.id,
    unitCode: unit.code,
    dates,
    late: isLate(today, dates.due),
    values: diff.upserts,
    submitted,
    approved: submitted && run.approve !== null,
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
