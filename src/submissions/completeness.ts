import { sql } from "drizzle-orm";
import { type Principal, requireRole, scopeRoots } from "../access/principal.ts";
import { textArray } from "../db/arrays.ts";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { roundHalfAway } from "../domain/number/index.ts";
import { comparePeriods, type Period, shiftPeriod, tryParsePeriod } from "../domain/period/index.ts";
import { fieldIssue, invalid } from "../errors/app-error.ts";
import { unitByCode } from "../units/service.ts";
import { subtreeWalk } from "../units/tree.ts";
import { authorize, readerRoles } from "./access.ts";
import { expectsReport, type FormContext, loadFormContext } from "./context.ts";
import { issues } from "./messages.ts";
import { periodDates, type ReportPeriod } from "./period.ts";
import type { Status } from "./schema.ts";

export interface UnitCompleteness {
  unit: string;
  name: string;
  status: Status | "missing";
  submittedAt: string | null;
  late: boolean | null;
}

const isIn = (status: UnitCompleteness["status"]) => status === "submitted" || status === "approved";
const percent = (part: number, whole: number) =>
  whole === 0 ? null : roundHalfAway((part / whole) * 100, 2);

interface ExpectedRow {
  period: string;
  unitId: number;
  code: string;
  name: string;
  status: Status | null;
  submittedAt: string | null;
  late: boolean | null;
}

/**
 * Units assigned to the form, for each period at once: existing during the period, and below one of `roots` in the tree of the period's end (everyone when `roots` is null).
 * Each report is looked up by its unique key (the lateral subquery, kept whole by `offset 0`):
 * joined plainly, the planner read every report of each unit (45 ms for a province's year, 19 ms so).
 */
async function expectedUnits(
  conn: Conn,
  formId: number,
  periods: readonly ReportPeriod[],
  roots: readonly number[] | null,
): Promise<ExpectedRow[]> {
  if (roots?.length === 0) return [];
  const [ids, starts, ends] = [
    periods.map((p) => p.id),
    periods.map((p) => p.start),
    periods.map((p) => p.end),
  ];
  const below = roots ? sql`and exists (select 1 from down d where d.id = u.id and d.as_of = p.pe)` : sql``;
  return queryRows<ExpectedRow>(
    conn,
    sql`with recursive p(period, ps, pe) as (
          select * from unnest(${textArray(ids)}::text[], ${textArray(starts)}::date[], ${textArray(ends)}::date[])
        ), ${subtreeWalk(roots ?? [], sql`select pe from p`)}
        select p.period, u.id as "unitId", u.code, u.name_vi as name, s.status, s.submitted_at as "submittedAt", s.late
        from p cross join form_units fu join units u on u.id = fu.unit_id
        left join lateral (
          select s.status, s.submitted_at, s.late from submissions s
          where s.form_id = fu.form_id and s.unit_id = u.id and s.period = p.period offset 0) s on true
        where fu.form_id = ${formId} and u.valid_from <= p.pe and (u.valid_to is null or u.valid_to > p.ps)
          ${below}
        order by p.period, u.code`,
  );
}

/**
 * The roots of the units to count: `unit` (checked to be in the caller's scope on every period's
 * end, so its subtree lies wholly inside it), else the caller's scope; null (everyone) for the system.
 */
async function countedRoots(
  conn: Conn,
  principal: Principal | null,
  unitCode: string | undefined,
  periods: readonly ReportPeriod[],
): Promise<number[] | null> {
  if (principal) requireRole(principal, readerRoles);
  if (unitCode) {
    // A reused code names the unit holding it at the end of the last period asked.
    const unit = await unitByCode(conn, unitCode, periods.at(-1)?.end, "unit");
    await authorize(
      conn,
      principal,
      readerRoles,
      unit,
      periods.map((p) => p.end),
    );
    return [unit.id];
  }
  return principal ? scopeRoots(principal, readerRoles) : null;
}

/** One period's answer from its expected units. */
function summarize(form: FormContext, dates: ReportPeriod, rows: readonly ExpectedRow[]) {
  const byUnit: UnitCompleteness[] = rows.map((r) => ({
    unit: r.code,
    name: r.name,
    status: r.status ?? "missing",
    submittedAt: r.submittedAt ? new Date(r.submittedAt).toISOString() : null,
    late: r.status ? r.late : null,
  }));
  const submitted = byUnit.filter((u) => isIn(u.status));
  const onTime = submitted.filter((u) => !u.late).length;
  return {
    form: form.code,
    period: dates.id,
    dueDate: dates.due,
    expected: byUnit.length,
    submitted: submitted.length,
    approved: byUnit.filter((u) => u.status === "approved").length,
    onTime,
    late: submitted.length - onTime,
    missing: byUnit.length - submitted.length,
    rate: percent(submitted.length, byUnit.length),
    onTimeRate: percent(onTime, byUnit.length),
    byUnit,
  };
}

export type Completeness = ReturnType<typeof summarize>;

/** The answers for these periods of the form, read together (one query whatever their number). */
async function answers(
  conn: Conn,
  principal: Principal | null,
  form: FormContext,
  periods: readonly Period[],
  unit: string | undefined,
): Promise<Completeness[]> {
  const dates = periods.map((p) => periodDates(form, p));
  const roots = await countedRoots(conn, principal, unit, dates);
  const rows = await expectedUnits(conn, form.id, dates, roots);
  return dates.map((d) => {
    const expected = expectsReport(form, d.id);
    return summarize(
      form,
      d,
      rows.filter((r) => r.period === d.id && expected(r.unitId)),
    );
  });
}

function parsedPeriod(form: FormContext, field: string, id: string): Period {
  const parsed = tryParsePeriod(id, form.periodType);
  if (!parsed.ok) throw invalid(fieldIssue(field, parsed.error.messageVi, parsed.error.messageEn));
  return parsed.period;
}

/**
 * Tính đầy đủ, kịp thời (DHIS2's reporting rate): of the units expected to report the form for
 * the period (within the caller's scope and the subtree of `unit`), how many submitted (status
 * submitted or approved), were approved, on time or late, and which are missing.
 */
export async function completeness(
  conn: Conn,
  principal: Principal | null,
  query: { form: string; period: string; unit?: string },
): Promise<Completeness> {
  const form = await loadFormContext(conn, query.form);
  const [answer] = await answers(
    conn,
    principal,
    form,
    [parsedPeriod(form, "period", query.period)],
    query.unit,
  );
  if (!answer) throw new Error("one period gives one answer");
  return answer;
}

/** Periods one request may span: three years of months. */
export const MAX_PERIODS = 36;

/**
 * Completeness of every period of the form from `from` to `to` (a grid of units by period), as
 * `completeness` gives each: one read whatever the number of periods. 400 (paths `from`, `to`)
 * for a period that does not parse, `to` before `from`, or more than MAX_PERIODS periods.
 */
export async function completenessOver(
  conn: Conn,
  principal: Principal | null,
  query: { form: string; from: string; to: string; unit?: string },
): Promise<Completeness[]> {
  const form = await loadFormContext(conn, query.form);
  const from = parsedPeriod(form, "from", query.from);
  const to = parsedPeriod(form, "to", query.to);
  const periods: Period[] = [];
  for (let p = from; comparePeriods(p, to) <= 0 && periods.length <= MAX_PERIODS; p = shiftPeriod(p, 1)) {
    periods.push(p);
  }
  if (periods.length === 0) throw invalid(issues.toBeforeFrom());
  if (periods.length > MAX_PERIODS) throw invalid(issues.tooManyPeriods(MAX_PERIODS));
  return answers(conn, principal, form, periods, query.unit);
}
