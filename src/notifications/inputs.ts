import { sql } from "drizzle-orm";
import { textArray } from "../db/arrays.ts";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import {
  candidatePeriods,
  DEFAULT_SETTINGS,
  daysFrom,
  type NoticeAssignment,
  type NoticeForm,
  type NoticeInput,
  type NoticeNames,
  type NoticeReport,
} from "../domain/notices/index.ts";
import { formatPeriod } from "../domain/period/index.ts";

interface FormRow extends Omit<NoticeForm, "settings"> {
  nameVi: string;
  nameEn: string | null;
  remind: number[] | null;
  m: number | null;
  m2: number | null;
}

interface AssignedRow {
  form: string;
  unitId: number;
  unit: string;
  nameVi: string;
  nameEn: string | null;
  validFrom: string;
  validTo: string | null;
}

interface GrantRow {
  unitId: number;
  depth: number;
  role: "reporter" | "approver";
  userId: number;
}

async function formsWithSettings(conn: Conn): Promise<FormRow[]> {
  return queryRows<FormRow>(
    conn,
    sql`select f.code, f.name_vi as "nameVi", f.name_en as "nameEn", f.period_type::text as "periodType",
               f.due_rule as "dueRule", f.open_from as "openFrom", s.remind_days_before as remind,
               s.escalate_after_days as m, s.escalate_province_after_days as m2
        from forms f left join form_notice_settings s on s.form_id = f.id order by f.code`,
  );
}

async function assignedUnits(conn: Conn): Promise<AssignedRow[]> {
  return queryRows<AssignedRow>(
    conn,
    sql`select f.code as form, u.id as "unitId", u.code as unit, u.name_vi as "nameVi", u.name_en as "nameEn",
               u.valid_from::text as "validFrom", u.valid_to::text as "validTo"
        from form_units fu join forms f on f.id = fu.form_id join units u on u.id = fu.unit_id
        order by f.code, u.code`,
  );
}

/** The reporter and approver grants on each assigned unit and its ancestors (tree of `today`). */
async function grantsAbove(conn: Conn, today: string): Promise<GrantRow[]> {
  return queryRows<GrantRow>(
    conn,
    sql`with recursive up(unit_id, anc_id, depth) as (
          select distinct unit_id, unit_id, 0 from form_units
          union all
          select up.unit_id, p.parent_id, up.depth + 1 from unit_placements p join up on p.unit_id = up.anc_id
          where p.parent_id is not null and p.valid_from <= ${today}::date
            and (p.valid_to is null or p.valid_to > ${today}::date) and up.depth < 12
        )
        select up.unit_id as "unitId", up.depth, g.role::text as role, g.user_id as "userId"
        from up join user_grants g on g.unit_id = up.anc_id join users u on u.id = g.user_id
        where u.active and g.role in ('reporter', 'approver')
        order by up.unit_id, up.depth, g.user_id`,
  );
}

/** The users of `role` at the nearest level (the unit itself, else the closest ancestor) that has some. */
function nearest(grants: GrantRow[], unitId: number, role: GrantRow["role"]): number[] {
  const mine = grants.filter((g) => g.unitId === unitId && g.role === role);
  const depth = Math.min(...mine.map((g) => g.depth));
  return mine.filter((g) => g.depth === depth).map((g) => g.userId);
}

async function provinceAdmins(conn: Conn, today: string): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(
    conn,
    sql`select distinct g.user_id as id from user_grants g join users u on u.id = g.user_id
        join unit_placements p on p.unit_id = g.unit_id
        where g.role = 'admin' and u.active and p.parent_id is null and p.valid_from <= ${today}::date
          and (p.valid_to is null or p.valid_to > ${today}::date)
        order by 1`,
  );
  return rows.map((r) => r.id);
}

async function reportsOf(conn: Conn, periods: string[]): Promise<NoticeReport[]> {
  return queryRows<NoticeReport>(
    conn,
    sql`select f.code as form, u.code as unit, s.period, s.status::text as status
        from submissions s join forms f on f.id = s.form_id join units u on u.id = s.unit_id
        where s.status = 'submitted' or s.period = any(${textArray(periods)}::text[])`,
  );
}

export interface SweepInput {
  input: NoticeInput;
  names: NoticeNames;
}

/**
 * What the notices of `today` are made from, read from the database, and the names to show.
 * `days` > 1 reads the reports of the periods the next days' sweeps will look at too.
 */
export async function sweepInput(conn: Conn, today: string, hour: number, days = 1): Promise<SweepInput> {
  const formRows = await formsWithSettings(conn);
  const forms: NoticeForm[] = formRows.map(({ nameVi, nameEn, remind, m, m2, ...f }) => ({
    ...f,
    settings:
      remind === null || m === null || m2 === null
        ? DEFAULT_SETTINGS
        : { remindDaysBefore: remind, escalateAfterDays: m, escalateProvinceAfterDays: m2 },
  }));
  const assigned = await assignedUnits(conn);
  const grants = await grantsAbove(conn, today);
  const assignments: NoticeAssignment[] = assigned.map((a) => ({
    form: a.form,
    unit: a.unit,
    validFrom: a.validFrom,
    validTo: a.validTo,
    reporters: nearest(grants, a.unitId, "reporter"),
    approvers: nearest(grants, a.unitId, "approver"),
  }));
  const periods = [
    ...new Set(
      daysFrom(today, days).flatMap((day) =>
        forms.flatMap((f) => candidatePeriods(f, day).map(formatPeriod)),
      ),
    ),
  ];
  const input: NoticeInput = {
    today,
    hour,
    forms,
    assignments,
    reports: await reportsOf(conn, periods),
    provinceAdmins: await provinceAdmins(conn, today),
  };
  const formNames = new Map(formRows.map((f) => [f.code, f]));
  const unitNames = new Map(assigned.map((a) => [a.unit, a]));
  const pick = (row: { nameVi: string; nameEn: string | null } | undefined, code: string, lang: string) =>
    (lang === "en" ? row?.nameEn : null) ?? row?.nameVi ?? code;
  const names: NoticeNames = {
    form: (code, lang) => pick(formNames.get(code), code, lang),
    unit: (code, lang) => pick(unitNames.get(code), code, lang),
  };
  return { input, names };
}
