/**
 * Forms and metrics as a setup bundle holds them: read from the database (to export, or to
 * compare with a bundle) and, from a bundle, normalised as the services store them.
 */
import { sql } from "drizzle-orm";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import type { UnitGroup } from "../domain/forms/index.ts";
import { notFound } from "../errors/app-error.ts";
import { formByCode, listForms } from "../forms/queries.ts";
import type { RuleInput } from "../forms/schema.ts";
import { cleanRule, formSettings, storedPeriod } from "../forms/service.ts";
import { parseChecked } from "../metrics/expression.ts";
import type { MetricView } from "../metrics/schema.ts";
import { listMetrics } from "../metrics/service.ts";
import { type BundleForm, SETUP_FORMAT, SETUP_VERSION, type SetupBundle } from "./schema.ts";

type VersionMetric = { code: string; required: boolean; groups: UnitGroup[] | null };
/** A form as the bundle and the comparison hold it. */
export type FormRecord = {
  code: string;
  settings: Omit<BundleForm, "code" | "versions">;
  versions: StoredVersion[];
};
type StoredVersion = { validFrom: string | null; metrics: VersionMetric[]; rules: RuleInput[] };

/** Every version of a form (`id`), oldest first: its metrics in order and its rules by code. */
async function versionsOf(conn: Conn, id: number): Promise<StoredVersion[]> {
  const metrics = await queryRows<VersionMetric & { validFrom: string }>(
    conn,
    sql`select fm.valid_from as "validFrom", m.code, fm.required, fm.groups
          from form_metrics fm join metrics m on m.id = fm.metric_id
          where fm.form_id = ${id} order by fm.valid_from, fm.position`,
  );
  const rules = await queryRows<RuleInput & { validFrom: string }>(
    conn,
    sql`select valid_from as "validFrom", code, expression, severity,
               message_vi as "messageVi", message_en as "messageEn"
          from validation_rules where form_id = ${id} order by valid_from, code`,
  );
  const starts = [...new Set(metrics.map((m) => m.validFrom))];
  return starts.map((start) => ({
    validFrom: start || null,
    metrics: metrics.filter((m) => m.validFrom === start).map(({ validFrom: _v, ...m }) => m),
    rules: rules.filter((r) => r.validFrom === start).map(({ validFrom: _v, ...r }) => r),
  }));
}

/** A stored form with its settings and versions, or null when there is none with the code. */
export async function storedForm(conn: Conn, code: string): Promise<FormRecord | null> {
  const [found] = await queryRows<{ id: number }>(conn, sql`select id from forms where code = ${code}`);
  if (!found) return null;
  const view = await formByCode(conn, code);
  const settings = {
    nameVi: view.nameVi,
    nameEn: view.nameEn,
    periodType: view.periodType,
    dueRule: view.dueRule,
    lockAfterDays: view.lockAfterDays,
    submitterMayApprove: view.submitterMayApprove,
    sections: view.sections,
    openFrom: view.openFrom,
  };
  return { code, settings, versions: await versionsOf(conn, found.id) };
}

/** A bundle's form normalised as createForm and changeFormVersion would store it. */
export function formRecord(form: BundleForm): FormRecord {
  const { code, versions, ...given } = form;
  return {
    code,
    settings: formSettings(given),
    versions: versions.map((v) => ({
      validFrom: v.validFrom === null ? null : storedPeriod(v.validFrom, given.periodType),
      metrics: v.metrics.map((m) => ({ code: m.code, required: m.required, groups: m.groups ?? null })),
      rules: v.rules.map(cleanRule),
    })),
  };
}

/** The metrics `codes` name, with those their formulas and weights name, and so on. */
function withDependencies(all: MetricView[], codes: string[]): MetricView[] {
  const byCode = new Map(all.map((m) => [m.code, m]));
  const wanted = new Set<string>();
  const visit = (code: string) => {
    const metric = byCode.get(code);
    if (!metric || wanted.has(code)) return;
    wanted.add(code);
    const parsed = metric.formula ? parseChecked(metric.formula) : null;
    for (const ref of parsed?.ok ? parsed.refs : []) visit(ref);
    if (metric.weightMetricCode) visit(metric.weightMetricCode);
  };
  codes.forEach(visit);
  return all.filter((m) => wanted.has(m.code));
}

/**
 * The bundle of the forms `codes` (every form when empty) and the metrics they need (every
 * metric when no form is named); 404 for an unknown form.
 */
export async function exportSetup(conn: Conn, codes: string[]): Promise<SetupBundle> {
  const named = codes.length > 0;
  const formCodes = named ? [...new Set(codes)] : (await listForms(conn)).map((f) => f.code);
  const forms: BundleForm[] = [];
  for (const code of formCodes) {
    const stored = await storedForm(conn, code);
    if (!stored) throw notFound("biểu mẫu", "form", code);
    forms.push({ code, ...stored.settings, versions: stored.versions });
  }
  const all = await listMetrics(conn);
  const used = forms.flatMap((f) => f.versions.flatMap((v) => v.metrics.map((m) => m.code)));
  const metrics = named ? withDependencies(all, used) : all;
  return { format: SETUP_FORMAT, version: SETUP_VERSION, metrics, forms };
}
