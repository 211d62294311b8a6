import { sql } from "drizzle-orm";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { notFound } from "../errors/app-error.ts";
import type { FormSummary, FormView } from "./schema.ts";

const summaries = (where: ReturnType<typeof sql>) => sql`
  select f.code, f.name_vi as "nameVi", f.name_en as "nameEn", f.period_type as "periodType",
         f.due_rule as "dueRule", f.lock_after_days as "lockAfterDays", f.open_from as "openFrom",
         f.submitter_may_approve as "submitterMayApprove",
         (select count(*)::int from form_metrics fm where fm.form_id = f.id) as "metricCount",
         (select count(*)::int from form_units fu where fu.form_id = f.id) as "unitCount"
  from forms f where ${where} order by f.code`;

/** Every form (biểu mẫu) with its size. */
export async function listForms(conn: Conn): Promise<FormSummary[]> {
  return queryRows<FormSummary>(conn, summaries(sql`true`));
}

/** A form with its metrics in order, narrative sections, rules and assigned units. */
export async function formByCode(conn: Conn, code: string): Promise<FormView> {
  const [form] = await queryRows<FormSummary & { id: number; sections: FormView["sections"] }>(
    conn,
    sql`select s.*, f.id, f.sections from (${summaries(sql`f.code = ${code}`)}) s join forms f on f.code = s.code`,
  );
  if (!form) throw notFound("biểu mẫu", "form", code);
  const { id, ...rest } = form;
  // One after another: `conn` may be a transaction, which runs one query at a time.
  const metrics = await queryRows<FormView["metrics"][number]>(
    conn,
    sql`select m.code, m.name_vi as "nameVi", m.name_en as "nameEn", m.value_type as "valueType",
                 m.unit_of_measure as "unitOfMeasure", m.min_value as "minValue", m.max_value as "maxValue",
                 fm.required, fm.position
          from form_metrics fm join metrics m on m.id = fm.metric_id
          where fm.form_id = ${id} order by fm.position`,
  );
  const rules = await queryRows<FormView["rules"][number]>(
    conn,
    sql`select code, expression, severity, message_vi as "messageVi", message_en as "messageEn"
          from validation_rules where form_id = ${id} order by code`,
  );
  const units = await queryRows<{ code: string }>(
    conn,
    sql`select u.code from form_units fu join units u on u.id = fu.unit_id where fu.form_id = ${id} order by u.code`,
  );
  return { ...rest, metrics, rules, unitCodes: units.map((u) => u.code) };
}
