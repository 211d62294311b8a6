import { sql } from "drizzle-orm";
import { type Principal, requireRole, scopeRoots } from "../access/principal.ts";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { roundHalfAway } from "../domain/number/index.ts";
import { tryParsePeriod } from "../domain/period/index.ts";
import { fieldIssue, invalid } from "../errors/app-error.ts";
import { unitByCode } from "../units/service.ts";
import { subtreeIds } from "../units/tree.ts";
import { authorize, readerRoles } from "./access.ts";
import { loadFormContext } from "./context.ts";
import { periodDates } from "./period.ts";
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

/**
 * Units expected to report: assigned to the form, existing during the period, and in `within`
 * (a subtree) when given.
 */
async function expectedUnits(
  conn: Conn,
  formId: number,
  dates: { id: string; start: string; end: string },
  within: number[] | null,
) {
  if (within?.length === 0) return [];
  return queryRows<{
    id: number;
    code: string;
    name: string;
    status: Status | null;
    submittedAt: string | null;
    late: boolean | null;
  }>(
    conn,
    sql`select u.id, u.code, u.name_vi as name, s.status, s.submitted_at as "submittedAt", s.late
        from form_units fu join units u on u.id = fu.unit_id
        left join submissions s on s.form_id = fu.form_id and s.unit_id = u.id and s.period = ${dates.id}
        where fu.form_id = ${formId} and u.valid_from <= ${dates.end}::date
          and (u.valid_to is null or u.valid_to > ${dates.start}::date)
          ${within ? sql`and fu.unit_id in ${within}` : sql``}
        order by u.code`,
  );
}

/**
 * The units to count: the subtree of `unit` (checked to be in the caller's scope, so it lies
 * wholly inside it), else the caller's scope; everyone for the system.
 */
async function countedSubtree(
  conn: Conn,
  principal: Principal | null,
  unitCode: string | undefined,
  asOf: string,
): Promise<number[] | null> {
  if (principal) requireRole(principal, readerRoles);
  if (unitCode) {
    const unit = await unitByCode(conn, unitCode);
    await authorize(conn, principal, readerRoles, unit, asOf);
    return subtreeIds(conn, [unit.id], asOf);
  }
  return principal ? subtreeIds(conn, scopeRoots(principal, readerRoles), asOf) : null;
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
) {
  const form = await loadFormContext(conn, query.form);
  const parsed = tryParsePeriod(query.period, form.periodType);
  if (!parsed.ok) throw invalid(fieldIssue("period", parsed.error.messageVi, parsed.error.messageEn));
  const dates = periodDates(form, parsed.period);
  const within = await countedSubtree(conn, principal, query.unit, dates.end);
  const rows = await expectedUnits(conn, form.id, dates, within);
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
