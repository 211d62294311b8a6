import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import { type Actor, recordAudit } from "../audit/audit.ts";
import * as clock from "../config/clock.ts";
import type { Conn } from "../db/client.ts";
import { formMetrics, forms, formUnits, metrics, validationRules } from "../db/schema/index.ts";
import { nfc } from "../domain/format/index.ts";
import { formatPeriod, tryParsePeriod } from "../domain/period/index.ts";
import { AppError, conflict, type FieldIssue, fieldIssue, invalid, notFound } from "../errors/app-error.ts";
import { parseInput } from "../metrics/parse-input.ts";
import { unitsByCodes } from "../units/service.ts";
import { formByCode } from "./queries.ts";
import {
  defaultSections,
  type FormInput,
  type FormView,
  formInputSchema,
  type RuleInput,
  ruleSchema,
} from "./schema.ts";
import { duplicateIssues, openFromIssues, ruleIssues } from "./validate.ts";

type CleanForm = z.output<typeof formInputSchema>;

export const cleanRule = (r: RuleInput): RuleInput => ({
  ...r,
  expression: nfc(r.expression),
  messageVi: nfc(r.messageVi),
  messageEn: nfc(r.messageEn),
});

type KnownMetric = { id: number; valueType: string; computed: boolean };

/** The form's metrics by code, with their value type and whether each is computed by a formula. */
async function metricsByCode(conn: Conn, codes: string[]): Promise<Map<string, KnownMetric>> {
  if (codes.length === 0) return new Map();
  const rows = await conn
    .select({
      id: metrics.id,
      code: metrics.code,
      aggregation: metrics.aggregation,
      valueType: metrics.valueType,
    })
    .from(metrics)
    .where(inArray(metrics.code, codes));
  return new Map(
    rows.map((r) => [r.code, { id: r.id, valueType: r.valueType, computed: r.aggregation === "formula" }]),
  );
}

/** The metrics and rules of a form version, as given (created with the form or changed later). */
type Content = Pick<CleanForm, "metrics" | "rules">;

/** A form asks for reported metrics only: a formula metric is computed from them, never entered. */
function formMetricIssues(def: Content, known: Map<string, KnownMetric>): FieldIssue[] {
  return def.metrics.flatMap((m, i) => {
    const path = `metrics.${i}.code`;
    const metric = known.get(m.code);
    if (!metric) return [fieldIssue(path, `Không có chỉ số mã ${m.code}`, `No metric with code ${m.code}`)];
    if (!metric.computed) return [];
    return [
      fieldIssue(
        path,
        `Chỉ số ${m.code} được tính theo công thức, không nhập trong biểu mẫu`,
        `Metric ${m.code} is computed by a formula and cannot be on a form`,
      ),
    ];
  });
}

async function unitIdsOrIssues(conn: Conn, codes: string[], path: string) {
  // A form is assigned to the units holding the codes today (codes are reused across time).
  const found = await unitsByCodes(conn, codes, {
    on: clock.today(),
    path: (c) => `${path}.${codes.indexOf(c)}`,
  });
  const issues = codes.flatMap((c, i) =>
    found.has(c) ? [] : [fieldIssue(`${path}.${i}`, `Không có đơn vị mã ${c}`, `No unit with code ${c}`)],
  );
  return { ids: [...new Set(codes.map((c) => found.get(c)?.id ?? 0))].filter((id) => id > 0), issues };
}

/** Issues of a version's metrics and rules: known reported metrics, each once, rules over them. */
export async function contentIssues(conn: Conn, def: Content) {
  const known = await metricsByCode(
    conn,
    def.metrics.map((m) => m.code),
  );
  const types = new Map(def.metrics.map((m) => [m.code, known.get(m.code)?.valueType ?? "unknown"]));
  const issues = [
    ...formMetricIssues(def, known),
    ...duplicateIssues(
      def.metrics,
      (m) => m.code,
      (i) => `metrics.${i}.code`,
    ),
    ...duplicateIssues(
      def.rules,
      (r) => r.code,
      (i) => `rules.${i}.code`,
    ),
    ...def.rules.flatMap((r, i) => ruleIssues(r, types, `rules.${i}.expression`)),
  ];
  return { known, issues };
}

/** Writes a version's metrics (in the given order) and rules, starting at `validFrom` ('' first). */
export async function insertContent(
  tx: Conn,
  formId: number,
  validFrom: string,
  def: Content,
  known: Map<string, KnownMetric>,
) {
  await tx.insert(formMetrics).values(
    def.metrics.map((m, position) => ({
      formId,
      validFrom,
      metricId: known.get(m.code)?.id ?? 0,
      position,
      required: m.required,
      groups: m.groups ?? null,
    })),
  );
  if (def.rules.length) {
    await tx.insert(validationRules).values(def.rules.map((r) => ({ formId, validFrom, ...cleanRule(r) })));
  }
}

type Settings = Omit<CleanForm, "code" | "metrics" | "rules" | "unitCodes">;

/** A period id as stored (`2024-01` → `202401`); as given when it does not parse (checked elsewhere). */
export const storedPeriod = (id: string, type: CleanForm["periodType"]) => {
  const parsed = tryParsePeriod(id, type);
  return parsed.ok ? formatPeriod(parsed.period) : id;
};

/** A form's settings as stored: text in NFC, defaults filled in, `openFrom` a canonical period id. */
export function formSettings(def: Settings) {
  return {
    nameVi: nfc(def.nameVi),
    nameEn: def.nameEn ? nfc(def.nameEn) : null,
    periodType: def.periodType,
    dueRule: def.dueRule,
    lockAfterDays: def.lockAfterDays ?? null,
    submitterMayApprove: def.submitterMayApprove ?? false,
    sections: (def.sections ?? defaultSections).map((s) => ({
      ...s,
      nameVi: nfc(s.nameVi),
      nameEn: nfc(s.nameEn),
    })),
    openFrom: def.openFrom ? storedPeriod(def.openFrom, def.periodType) : null,
  };
}

/**
 * Creates a form (biểu mẫu) with its metrics in the given order, narrative sections (three
 * standard ones by default), validation rules and assigned units, in one transaction.
 */
export async function createForm(db: Conn, actor: Actor, input: FormInput): Promise<FormView> {
  const def = parseInput(formInputSchema, input);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: forms.id }).from(forms).where(eq(forms.code, def.code));
    if (existing) throw conflict("biểu mẫu", "form", def.code);
    const content = await contentIssues(tx, def);
    const units = await unitIdsOrIssues(tx, def.unitCodes, "unitCodes");
    const issues = [
      ...content.issues,
      ...duplicateIssues(
        def.sections ?? [],
        (s) => s.code,
        (i) => `sections.${i}.code`,
      ),
      ...openFromIssues(def.openFrom, def.periodType),
      ...units.issues,
    ];
    if (issues.length) throw invalid(...issues);
    const [form] = await tx
      .insert(forms)
      .values({
        code: def.code,
        ...formSettings(def),
      })
      .returning({ id: forms.id });
    if (!form) throw new AppError("INTERNAL");
    await insertContent(tx, form.id, "", def, content.known);
    if (units.ids.length)
      await tx.insert(formUnits).values(units.ids.map((unitId) => ({ formId: form.id, unitId })));
    const view = await formByCode(tx, def.code);
    await recordAudit(tx, actor, { action: "create", objectType: "form", objectId: def.code, after: view });
    return view;
  });
}

export async function formId(tx: Conn, code: string): Promise<number> {
  const [form] = await tx.select({ id: forms.id }).from(forms).where(eq(forms.code, code));
  if (!form) throw notFound("biểu mẫu", "form", code);
  return form.id;
}

/** Replaces the units that must report the form. */
export async function setFormUnits(
  db: Conn,
  actor: Actor,
  code: string,
  unitCodes: string[],
): Promise<FormView> {
  return db.transaction(async (tx) => {
    const id = await formId(tx, code);
    const before = (await formByCode(tx, code)).unitCodes;
    const units = await unitIdsOrIssues(tx, unitCodes, "unitCodes");
    if (units.issues.length) throw invalid(...units.issues);
    await tx.delete(formUnits).where(eq(formUnits.formId, id));
    if (units.ids.length)
      await tx.insert(formUnits).values(units.ids.map((unitId) => ({ formId: id, unitId })));
    const view = await formByCode(tx, code);
    await recordAudit(tx, actor, {
      action: "assign_units",
      objectType: "form",
      objectId: code,
      before: { unitCodes: before },
      after: { unitCodes: view.unitCodes },
    });
    return view;
  });
}

/** Adds a validation rule to the latest version; its expression may name only its metrics. */
export async function addRule(db: Conn, actor: Actor, code: string, input: RuleInput): Promise<FormView> {
  const rule = cleanRule(parseInput(ruleSchema, input));
  return db.transaction(async (tx) => {
    const id = await formId(tx, code);
    const form = await formByCode(tx, code);
    if (form.rules.some((r) => r.code === rule.code)) throw conflict("quy tắc", "rule", rule.code);
    const issues = ruleIssues(rule, new Map(form.metrics.map((m) => [m.code, m.valueType])), "expression");
    if (issues.length) throw invalid(...issues);
    await tx.insert(validationRules).values({ formId: id, validFrom: form.validFrom ?? "", ...rule });
    await recordAudit(tx, actor, { action: "add_rule", objectType: "form", objectId: code, after: rule });
    return formByCode(tx, code);
  });
}

export async function deleteRule(db: Conn, actor: Actor, code: string, ruleCode: string): Promise<void> {
  await db.transaction(async (tx) => {
    const id = await formId(tx, code);
    const latest = (await formByCode(tx, code)).validFrom ?? "";
    const removed = await tx
      .delete(validationRules)
      .where(
        and(
          eq(validationRules.formId, id),
          eq(validationRules.validFrom, latest),
          eq(validationRules.code, ruleCode),
        ),
      )
      .returning();
    const [before] = removed;
    if (!before) throw notFound("quy tắc", "rule", ruleCode);
    const { id: _id, formId: _formId, validFrom: _from, ...rule } = before;
    await recordAudit(tx, actor, { action: "delete_rule", objectType: "form", objectId: code, before: rule });
  });
}
