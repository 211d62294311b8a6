import { and, eq, gte, sql } from "drizzle-orm";
import { type Actor, recordAudit } from "../audit/audit.ts";
import type { Conn, Tx } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { formMetrics, forms, validationRules } from "../db/schema/index.ts";
import { formatPeriod, tryParsePeriod } from "../domain/period/index.ts";
import { type FieldIssue, fieldIssue, invalid, notFound } from "../errors/app-error.ts";
import { parseInput } from "../metrics/parse-input.ts";
import { formByCode } from "./queries.ts";
import { type FormView, type VersionInput, versionInputSchema } from "./schema.ts";
import { contentIssues, insertContent } from "./service.ts";

/** The form's metrics and rules as an audit row shows a version. */
const content = (view: FormView) => ({
  validFrom: view.validFrom,
  metrics: view.metrics.map((m) => ({ code: m.code, required: m.required, groups: m.groups })),
  rules: view.rules,
});

/**
 * The version's first period, checked: a period of the form's type, after every period already
 * reported on the form (a report keeps the version it was made on), 400 at `validFrom`.
 */
async function startIssues(tx: Tx, form: { id: number; periodType: string }, validFrom: string) {
  const parsed = tryParsePeriod(validFrom, form.periodType as Parameters<typeof tryParsePeriod>[1]);
  if (!parsed.ok) {
    return { start: "", issues: [fieldIssue("validFrom", parsed.error.messageVi, parsed.error.messageEn)] };
  }
  const start = formatPeriod(parsed.period);
  const [reported] = await queryRows<{ last: string | null }>(
    tx,
    sql`select max(period) as last from submissions where form_id = ${form.id}`,
  );
  const last = reported?.last ?? null;
  const issues: FieldIssue[] =
    last !== null && last >= start
      ? [
          fieldIssue(
            "validFrom",
            `Đã có báo cáo đến kỳ ${last}: phiên bản mới phải áp dụng từ một kỳ sau kỳ đó`,
            `Reports exist up to ${last}: a new version must start after that period`,
          ),
        ]
      : [];
  return { start, issues };
}

/**
 * Changes a form's metrics (with their unit groups) and rules from a period on: a new version in
 * force from `validFrom`, replacing any version that would start at or after it (none has
 * reports). Earlier periods keep their version. 400 with the field path for any bad input, and
 * then nothing is written; audited with the version before and after.
 */
export async function changeFormVersion(
  db: Conn,
  actor: Actor,
  code: string,
  input: VersionInput,
): Promise<FormView> {
  const def = parseInput(versionInputSchema, input);
  return db.transaction(async (tx) => {
    const [form] = await tx
      .select({ id: forms.id, periodType: forms.periodType })
      .from(forms)
      .where(eq(forms.code, code));
    if (!form) throw notFound("biểu mẫu", "form", code);
    const start = await startIssues(tx, form, def.validFrom);
    const checked = await contentIssues(tx, def);
    if (start.issues.length || checked.issues.length) throw invalid(...start.issues, ...checked.issues);
    const before = await formByCode(tx, code);
    await tx
      .delete(formMetrics)
      .where(and(eq(formMetrics.formId, form.id), gte(formMetrics.validFrom, start.start)));
    await tx
      .delete(validationRules)
      .where(and(eq(validationRules.formId, form.id), gte(validationRules.validFrom, start.start)));
    await insertContent(tx, form.id, start.start, def, checked.known);
    const view = await formByCode(tx, code);
    await recordAudit(tx, actor, {
      action: "change_version",
      objectType: "form",
      objectId: code,
      before: content(before),
      after: content(view),
    });
    return view;
  });
}
