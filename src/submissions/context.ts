import { eq, sql } from "drizzle-orm";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { type DueRule, forms, type NarrativeSection } from "../db/schema/index.ts";
import { fitForm, type UnitGroup, unitGroups } from "../domain/forms/index.ts";
import type { PeriodType } from "../domain/period/index.ts";
import { notFound } from "../errors/app-error.ts";
import { unitGroupsOf } from "../forms/unit-groups.ts";
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
  /** The unit groups that report it; null: every group. */
  groups: UnitGroup[] | null;
}

export interface FormRule {
  code: string;
  severity: "error" | "warning";
  messageVi: string;
  messageEn: string;
  check: ParsedExpression;
}

/** A version of the form's metrics and rules, in force from `validFrom` (null: the first). */
export interface FormVersion {
  validFrom: string | null;
  metrics: FormMetric[];
  rules: FormRule[];
}

/**
 * Everything about a form that reading and writing its reports needs, loaded once. `metrics`,
 * `byCode`, `byId` and `rules` are those a report reads and checks: the latest version, every
 * group, as loaded; `fitFormContext` narrows them to one unit and period.
 */
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
  /** Every version, oldest first. */
  versions: FormVersion[];
  /** The group of each assigned unit. */
  unitGroups: Map<number, UnitGroup>;
}

type VersionRow<T> = T & { validFrom: string };

/** Rows of every version → the versions, oldest first ('' is the first version's validFrom). */
function byVersion<M, R>(metrics: VersionRow<M>[], rules: VersionRow<R>[]) {
  const starts = [...new Set(metrics.map((m) => m.validFrom))].sort();
  return starts.map((start) => ({
    validFrom: start === "" ? null : start,
    metrics: metrics.filter((m) => m.validFrom === start),
    rules: rules.filter((r) => r.validFrom === start),
  }));
}

function withMetrics(form: FormContext, version: Pick<FormVersion, "metrics" | "rules">): FormContext {
  return {
    ...form,
    metrics: version.metrics,
    byCode: new Map(version.metrics.map((m) => [m.code, m])),
    byId: new Map(version.metrics.map((m) => [m.id, m])),
    rules: version.rules,
  };
}

/**
 * The form as one unit reports it for one period: the version in force for the period, the
 * metrics of the unit's group and the rules over them only (see `fitForm`).
 */
export function fitFormContext(form: FormContext, period: string, unitId: number): FormContext {
  const fit = fitForm(form.versions, period, form.unitGroups.get(unitId) ?? null, (r) => r.check.refs);
  return withMetrics(form, fit);
}

/**
 * Whether a unit has anything to report on the form for the period: its group reports at least
 * one metric of the version in force (a unit of no known group is expected, as before groups).
 */
export function expectsReport(form: FormContext, period: string): (unitId: number) => boolean {
  const reporting = new Set(
    unitGroups.filter((g) => fitForm(form.versions, period, g, (r) => r.check.refs).metrics.length > 0),
  );
  return (unitId) => {
    const group = form.unitGroups.get(unitId);
    return group === undefined || reporting.has(group);
  };
}

async function contextWhere(conn: Conn, form: typeof forms.$inferSelect | undefined, label: string) {
  if (!form) throw notFound("biểu mẫu", "form", label);
  const metrics = await queryRows<VersionRow<FormMetric>>(
    conn,
    sql`select m.id, m.code, m.name_vi as "nameVi", m.value_type as "valueType", m.min_value as "minValue",
               m.max_value as "maxValue", fm.required, fm.position, fm.groups, fm.valid_from as "validFrom"
        from form_metrics fm join metrics m on m.id = fm.metric_id
        where fm.form_id = ${form.id} order by fm.position`,
  );
  const rules = await queryRows<VersionRow<Omit<FormRule, "check"> & { expression: string }>>(
    conn,
    sql`select code, severity, message_vi as "messageVi", message_en as "messageEn", expression,
               valid_from as "validFrom"
        from validation_rules where form_id = ${form.id} order by code`,
  );
  const units = await unitGroupsOf(conn, { formId: form.id });
  const versions = byVersion(metrics, rules.flatMap(checked));
  const latest = versions.at(-1) ?? { metrics: [], rules: [] };
  const context: FormContext = {
    id: form.id,
    code: form.code,
    periodType: form.periodType,
    dueRule: form.dueRule,
    lockAfterDays: form.lockAfterDays,
    openFrom: form.openFrom,
    submitterMayApprove: form.submitterMayApprove,
    sections: form.sections,
    metrics: [],
    byCode: new Map(),
    byId: new Map(),
    rules: [],
    unitIds: new Set(units.keys()),
    versions,
    unitGroups: units,
  };
  return withMetrics(context, latest);
}

/** Rules were parsed when saved; one that no longer parses is skipped rather than blocking reports. */
function checked<R extends { expression: string }>({ expression, ...r }: R) {
  const parsed = parseChecked(expression);
  return parsed.ok ? [{ ...r, check: { ast: parsed.ast, refs: parsed.refs } }] : [];
}

export async function loadFormContext(conn: Conn, code: string): Promise<FormContext> {
  const [form] = await conn.select().from(forms).where(eq(forms.code, code));
  return contextWhere(conn, form, code);
}

export async function loadFormContextById(conn: Conn, id: number): Promise<FormContext> {
  const [form] = await conn.select().from(forms).where(eq(forms.id, id));
  return contextWhere(conn, form, String(id));
}
