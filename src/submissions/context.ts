import { eq, sql } from "drizzle-orm";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { type DueRule, forms, type NarrativeSection } from "../db/schema/index.ts";
import type { PeriodType } from "../domain/period/index.ts";
import { notFound } from "../errors/app-error.ts";
import { type ParsedExpression, parseChecked } from "../metrics/expression.ts";
import type { ValueType } from "../metrics/schema.ts";

/** A metric as a form asks for it. */
export interface FormMetric {
  id: number;
  code: string;
  nameVi: string;
  valueType: ValueType;
  minValue: number | null;
  maxValue: number | null;
  required: boolean;
  position: number;
}

export interface FormRule {
  code: string;
  severity: "error" | "warning";
  messageVi: string;
  messageEn: string;
  check: ParsedExpression;
}

/** Everything about a form that reading and writing its reports needs, loaded once. */
export interface FormContext {
  id: number;
  code: string;
  periodType: PeriodType;
  dueRule: DueRule;
  lockAfterDays: number | null;
  openFrom: string | null;
  /** False: whoever submitted a report may not approve it. */
  submitterMayApprove: boolean;
  sections: NarrativeSection[];
  metrics: FormMetric[];
  byCode: Map<string, FormMetric>;
  byId: Map<number, FormMetric>;
  rules: FormRule[];
  unitIds: Set<number>;
}

async function contextWhere(conn: Conn, form: typeof forms.$inferSelect | undefined, label: string) {
  if (!form) throw notFound("biểu mẫu", "form", label);
  const metrics = await queryRows<FormMetric>(
    conn,
    sql`select m.id, m.code, m.name_vi as "nameVi", m.value_type as "valueType", m.min_value as "minValue",
               m.max_value as "maxValue", fm.required, fm.position
        from form_metrics fm join metrics m on m.id = fm.metric_id
        where fm.form_id = ${form.id} order by fm.position`,
  );
  const rules = await queryRows<Omit<FormRule, "check"> & { expression: string }>(
    conn,
    sql`select code, severity, message_vi as "messageVi", message_en as "messageEn", expression
        from validation_rules where form_id = ${form.id} order by code`,
  );
  const units = await queryRows<{ unitId: number }>(
    conn,
    sql`select unit_id as "unitId" from form_units where form_id = ${form.id}`,
  );
  return {
    id: form.id,
    code: form.code,
    periodType: form.periodType,
    dueRule: form.dueRule,
    lockAfterDays: form.lockAfterDays,
    openFrom: form.openFrom,
    submitterMayApprove: form.submitterMayApprove,
    sections: form.sections,
    metrics,
    byCode: new Map(metrics.map((m) => [m.code, m])),
    byId: new Map(metrics.map((m) => [m.id, m])),
    rules: rules.flatMap(({ expression, ...r }) => {
      // Rules were parsed when saved; one that no longer parses is skipped rather than blocking reports.
      const parsed = parseChecked(expression);
      return parsed.ok ? [{ ...r, check: { ast: parsed.ast, refs: parsed.refs } }] : [];
    }),
    unitIds: new Set(units.map((u) => u.unitId)),
  };
}

export async function loadFormContext(conn: Conn, code: string): Promise<FormContext> {
  const [form] = await conn.select().from(forms).where(eq(forms.code, code));
  return contextWhere(conn, form, code);
}

export async function loadFormContextById(conn: Conn, id: number): Promise<FormContext> {
  const [form] = await conn.select().from(forms).where(eq(forms.id, id));
  return contextWhere(conn, form, String(id));
}
