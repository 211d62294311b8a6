import { sql } from "drizzle-orm";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { fitForm, type UnitGroup } from "../domain/forms/index.ts";
import { notFound } from "../errors/app-error.ts";
import { parseChecked } from "../metrics/expression.ts";
import type { FormSummary, FormView } from "./schema.ts";

/** The first period of the form's version in force for `period` (the latest one when null). */
const versionStart = (formId: ReturnType<typeof sql>, period: string | null) => sql`
  (select max(v.valid_from) from form_metrics v where v.form_id = ${formId}
     and (${period}::text is null or v.valid_from <= ${period}::text))`;

const summaries = (where: ReturnType<typeof sql>) => sql`
  select f.code, f.name_vi as "nameVi", f.name_en as "nameEn", f.period_type as "periodType",
         f.due_rule as "dueRule", f.lock_after_days as "lockAfterDays", f.open_from as "openFrom",
         f.submitter_may_approve as "submitterMayApprove",
         (select count(*)::int from form_metrics fm
            where fm.form_id = f.id and fm.valid_from = ${versionStart(sql`f.id`, null)}) as "metricCount",
         (select count(*)::int from form_units fu where fu.form_id = f.id) as "unitCount"
  from forms f where ${where} order by f.code`;

/** Every form (biểu mẫu) with its size (its latest version's metrics). */
export async function listForms(conn: Conn): Promise<FormSummary[]> {
  return queryRows<FormSummary>(conn, summaries(sql`true`));
}

/** Who and when a form is read for: the version in force for `period`, the metrics of `group`. */
export interface FormFit {
  period: string | null;
  group: UnitGroup | null;
}

const refsOf = (rule: { expression: string }) => {
  const parsed = parseChecked(rule.expression);
  return parsed.ok ? parsed.refs : [];
};

/**
 * A form with its metrics in order, narrative sections, rules, assigned units and versions: its
 * latest version, or with `fit` the version in force for a period and the metrics of a group.
 */
export async function formByCode(conn: Conn, code: string, fit?: FormFit): Promise<FormView> {
  const [form] = await queryRows<FormSummary & { id: number; sections: FormView["sections"] }>(
    conn,
    sql`select s.*, f.id, f.sections from (${summaries(sql`f.code = ${code}`)}) s join forms f on f.code = s.code`,
  );
  if (!form) throw notFound("biểu mẫu", "form", code);
  const { id, ...rest } = form;
  const start = versionStart(sql`${id}`, fit?.period ?? null);
  // One after another: `conn` may be a transaction, which runs one query at a time.
  const metrics = await queryRows<FormView["metrics"][number]>(
    conn,
    sql`select m.code, m.name_vi as "nameVi", m.name_en as "nameEn", m.value_type as "valueType",
                 m.unit_of_measure as "unitOfMeasure", m.min_value as "minValue", m.max_value as "maxValue",
                 fm.required, fm.position, fm.groups
          from form_metrics fm join metrics m on m.id = fm.metric_id
          where fm.form_id = ${id} and fm.valid_from = ${start} order by fm.position`,
  );
  const rules = await queryRows<FormView["rules"][number]>(
    conn,
    sql`select code, expression, severity, message_vi as "messageVi", message_en as "messageEn"
          from validation_rules where form_id = ${id} and valid_from = ${start} order by code`,
  );
  const units = await queryRows<{ code: string }>(
    conn,
    sql`select u.code from form_units fu join units u on u.id = fu.unit_id where fu.form_id = ${id} order by u.code`,
  );
  const versions = await queryRows<{ validFrom: string; metricCount: number }>(
    conn,
    sql`select valid_from as "validFrom", count(*)::int as "metricCount" from form_metrics
          where form_id = ${id} group by valid_from order by valid_from`,
  );
  const [shown] = await queryRows<{ validFrom: string }>(conn, sql`select ${start} as "validFrom"`);
  const version = { validFrom: shown?.validFrom || null, metrics, rules };
  const fitted = fitForm([version], fit?.period ?? "", fit?.group ?? null, refsOf);
  return {
    ...rest,
    ...fitted,
    metricCount: fitted.metrics.length,
    unitCodes: units.map((u) => u.code),
    versions: versions.map((v) => ({ validFrom: v.validFrom || null, metricCount: v.metricCount })),
  };
}
