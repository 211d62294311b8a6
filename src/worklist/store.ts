import { sql } from "drizzle-orm";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import type { DueRule } from "../db/schema/index.ts";
import type { PeriodType } from "../domain/period/index.ts";

/** A form a unit must report (biểu mẫu được giao). */
export interface Assignment {
  form: string;
  formNameVi: string;
  formNameEn: string | null;
  periodType: PeriodType;
  dueRule: DueRule;
  lockAfterDays: number | null;
  openFrom: string | null;
  unitId: number;
  unit: string;
  unitNameVi: string;
  unitNameEn: string | null;
}

export interface ReportRow {
  id: number;
  form: string;
  unit: string;
  period: string;
  status: "draft" | "submitted" | "approved" | "returned";
  version: number;
  dueDate: string;
  returnReason: string | null;
}

/** The forms assigned to these units, for units in force on `today`. */
export async function assignments(
  conn: Conn,
  unitIds: readonly number[],
  today: string,
): Promise<Assignment[]> {
  if (unitIds.length === 0) return [];
  return queryRows<Assignment>(
    conn,
    sql`select f.code as form, f.name_vi as "formNameVi", f.name_en as "formNameEn",
               f.period_type::text as "periodType", f.due_rule as "dueRule",
               f.lock_after_days as "lockAfterDays", f.open_from as "openFrom",
               u.id as "unitId", u.code as unit, u.name_vi as "unitNameVi", u.name_en as "unitNameEn"
        from form_units fu join forms f on f.id = fu.form_id join units u on u.id = fu.unit_id
        where fu.unit_id in ${[...unitIds]} and u.valid_from <= ${today}::date
          and (u.valid_to is null or u.valid_to > ${today}::date)
        order by f.code, u.code`,
  );
}

/** The reports of these units: every one still in play, and any of the given periods. */
export async function reportsOf(
  conn: Conn,
  unitIds: readonly number[],
  periods: readonly string[],
): Promise<ReportRow[]> {
  if (unitIds.length === 0) return [];
  return queryRows<ReportRow>(
    conn,
    sql`select s.id, f.code as form, u.code as unit, s.period, s.status::text as status, s.version,
               s.due_date::text as "dueDate", s.return_reason as "returnReason"
        from submissions s join forms f on f.id = s.form_id join units u on u.id = s.unit_id
        where s.unit_id in ${[...unitIds]}
          and (s.status <> 'approved' or s.period in ${periods.length ? [...periods] : [""]})`,
  );
}
