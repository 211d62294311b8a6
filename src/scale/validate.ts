import { sql } from "drizzle-orm";
import { intArray, textArray } from "../db/arrays.ts";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { isLate, vietnamDate } from "../domain/period/index.ts";
import { codeDayOfPeriod } from "../domain/unit-codes/index.ts";
import { AppError, type FieldIssue, fieldIssue } from "../errors/app-error.ts";
import { type FormContext, fitFormContext } from "../submissions/context.ts";
import { parseValues, type ValueInput } from "../submissions/diff.ts";
import { blockingOnly, editCheck, placeReport, type ScopeCheck, submitCheck } from "../submissions/gate.ts";
import type { ReportPeriod } from "../submissions/period.ts";
import type { ValueRecord } from "../submissions/store.ts";
import { isIssue, UnitCodes } from "../units/codes.ts";

/** One report of a bulk load: a (unit, period) of the form with its values. */
export interface BulkReport {
  unit: string;
  period: string;
  values: ValueInput[];
}

/** A report that passed every check, ready to be written. */
export interface CheckedReport {
  unitId: number;
  unitCode: string;
  dates: ReportPeriod;
  late: boolean;
  values: (ValueRecord & { metricId: number })[];
}

/** Past this many problems the rest would only repeat them; the caller fixes and retries. */
const MAX_ISSUES = 100;

const prefixed = (at: string, list: FieldIssue[]): FieldIssue[] =>
  list.map((i) => ({ ...i, path: `${at}.${i.path}` }));

/** The system's authority: the bulk loader may write every unit's reports. */
const anyUnit: ScopeCheck = async () => null;
const exempt = async () => true;

/** The write checks (placeReport, editCheck) then the submit gate (submitCheck); issues at `reports.N.*`. */
async function checkOne(
  form: FormContext,
  report: BulkReport,
  unit: { id: number; code: string } | undefined,
  now: Date,
  at: string,
): Promise<CheckedReport | FieldIssue[]> {
  if (unit === undefined)
    return [
      fieldIssue(`${at}.unit`, `Không có đơn vị mã ${report.unit}`, `No unit with code ${report.unit}`),
    ];
  const today = vietnamDate(now);
  const dates = await placeReport(form, unit, report.period, today, anyUnit);
  if (dates instanceof AppError) return prefixed(at, dates.details);
  const fit = fitFormContext(form, dates.id, unit.id);
  const parsed = parseValues(fit, report.values);
  const facts = { dates, existing: undefined, now, exempt, problems: parsed.issues, changed: true };
  const refused = await editCheck(facts);
  if (refused) return prefixed(at, refused.details);
  const values = parsed.parsed.flatMap((p) =>
    p.stored ? [{ ...p.stored, comment: p.comment ?? null, metricId: p.metric.id }] : [],
  );
  // Loaded reports are submitted at least: the submit gate (period ended, required metrics, error rules) holds.
  const submittable = submitCheck(fit, dates, new Map(values.map((v) => [v.metricId, v])), today);
  if (submittable instanceof AppError) return prefixed(at, blockingOnly(submittable).details);
  return { unitId: unit.id, unitCode: report.unit, dates, late: isLate(today, dates.due), values };
}

/**
 * Checks every report with the submissions service's rules (unit assigned to the form, period
 * open and ended, values of the form's metrics in type and bounds, each once, required metrics,
 * error rules) and that no report of the same (unit, period) exists. Returns the checked
 * reports, or the issues found (at most 100), paths `reports.N.…`.
 */
export async function checkReports(
  conn: Conn,
  form: FormContext,
  reports: readonly BulkReport[],
  now: Date,
): Promise<{ checked: CheckedReport[]; issues: FieldIssue[] }> {
  const units = await UnitCodes.load(
    conn,
    reports.map((r) => r.unit),
  );
  const taken = await existingReports(conn, form.id, [...new Set(reports.map((r) => r.period))]);
  const checked: CheckedReport[] = [];
  const problems: FieldIssue[] = [];
  const seen = new Set<string>();
  for (const [i, report] of reports.entries()) {
    if (problems.length >= MAX_ISSUES) break;
    // A reused code names the unit holding it on the last day of the report's period.
    const unit = units.resolve(
      report.unit,
      codeDayOfPeriod(report.period, form.periodType),
      `reports.${i}.unit`,
    );
    if (isIssue(unit)) {
      problems.push(unit);
      continue;
    }
    const result = await checkOne(form, report, unit, now, `reports.${i}`);
    if (Array.isArray(result)) {
      problems.push(...result);
      continue;
    }
    const key = `${result.unitId}|${result.dates.id}`;
    if (taken.has(key) || seen.has(key)) problems.push(duplicate(i, report));
    seen.add(key);
    checked.push(result);
  }
  return { checked, issues: problems.slice(0, MAX_ISSUES) };
}

function duplicate(i: number, report: BulkReport): FieldIssue {
  return fieldIssue(
    `reports.${i}.period`,
    `Đã có báo cáo của ${report.unit} kỳ ${report.period}`,
    `A report of ${report.unit} for ${report.period} already exists`,
  );
}

/** `unitId|period` of the reports of the form already stored for these periods (and units). */
export async function existingReports(
  conn: Conn,
  formId: number,
  periods: readonly string[],
  unitIds?: readonly number[],
): Promise<Set<string>> {
  if (periods.length === 0 || unitIds?.length === 0) return new Set();
  const ofUnits = unitIds ? sql`and unit_id = any(${intArray(unitIds)}::int[])` : sql``;
  const rows = await queryRows<{ key: string }>(
    conn,
    sql`select unit_id::text || '|' || period as key from submissions
        where form_id = ${formId} and period = any(${textArray(periods)}::text[]) ${ofUnits}`,
  );
  return new Set(rows.map((r) => r.key));
}
