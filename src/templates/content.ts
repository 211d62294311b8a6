import { sql } from "drizzle-orm";
import type { Principal } from "../access/principal.ts";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { formatPeriod, labelVi, type Period, periodEnd, previousPeriod } from "../domain/period/index.ts";
import { fieldIssue, invalid } from "../errors/app-error.ts";
import { formForUnit, formPeriod } from "../forms/fit.ts";
import type { FormView } from "../forms/schema.ts";
import { authorize, readerRoles } from "../submissions/access.ts";
import { submissionDetail } from "../submissions/queries.ts";
import { unitByCode } from "../units/service.ts";
import type { TemplateContent } from "./write.ts";

/** The form, unit and period a template is for, checked: 404 unknown, 400 at `unit` / `period`. */
export async function templateTarget(conn: Conn, code: string, unitCode: string, periodId: string) {
  const form = await formForUnit(conn, code, { unit: unitCode, period: periodId });
  const period = await formPeriod(conn, code, periodId);
  // A reused unit code names the unit holding it on the period's last day.
  const unit = await unitByCode(conn, unitCode, periodEnd(period), "unit");
  if (!form.unitCodes.includes(unit.code)) {
    throw invalid(
      fieldIssue(
        "unit",
        `Đơn vị ${unit.code} không được giao biểu mẫu ${form.code}`,
        `Unit ${unit.code} does not report form ${form.code}`,
      ),
    );
  }
  return { form, unit, period };
}

async function reportId(
  conn: Conn,
  formCode: string,
  unitId: number,
  period: Period,
): Promise<number | null> {
  const [row] = await queryRows<{ id: number }>(
    conn,
    sql`select s.id from submissions s join forms f on f.id = s.form_id
        where f.code = ${formCode} and s.unit_id = ${unitId} and s.period = ${formatPeriod(period)}`,
  );
  return row?.id ?? null;
}

/**
 * What a template shows: the form's metrics with the report's current values (when a draft
 * exists) and last period's values, and the narrative sections. Readers of the unit only.
 */
export async function templateContent(
  conn: Conn,
  principal: Principal,
  target: { form: FormView; unit: { id: number; code: string; nameVi: string }; period: Period },
): Promise<TemplateContent> {
  const { form, unit, period } = target;
  await authorize(conn, principal, readerRoles, unit, periodEnd(period));
  const currentId = await reportId(conn, form.code, unit.id, period);
  const previousId = await reportId(conn, form.code, unit.id, previousPeriod(period));
  const current = currentId ? await submissionDetail(conn, principal, currentId) : null;
  const previous = previousId ? await submissionDetail(conn, principal, previousId) : null;
  const now = new Map(current?.values.map((v) => [v.metric, v]));
  const before = new Map(previous?.values.map((v) => [v.metric, v.value]));
  return {
    form: { code: form.code, nameVi: form.nameVi, nameEn: form.nameEn },
    unit: { code: unit.code, nameVi: unit.nameVi },
    period: { id: formatPeriod(period), labelVi: labelVi(period) },
    metrics: form.metrics.map((m) => ({
      ...m,
      value: now.get(m.code)?.value ?? null,
      comment: now.get(m.code)?.comment ?? null,
      previousValue: now.get(m.code)?.previousValue ?? before.get(m.code) ?? null,
    })),
    sections: form.sections.map((s) => ({ ...s, text: current?.narrative[s.code] ?? null })),
  };
}
