import { sql } from "drizzle-orm";
import { applyRollups } from "../analytics/rollup.ts";
import { type Actor, type AuditEntry, recordAuditBulk } from "../audit/audit.ts";
import { intArray, textArray } from "../db/arrays.ts";
import type { Tx } from "../db/client.ts";
import type { CopyIn } from "../db/copy.ts";
import { queryRows } from "../db/rows.ts";
import { AppError } from "../errors/app-error.ts";
import type { FormContext } from "../submissions/context.ts";
import type { CheckedReport } from "./validate.ts";
import { insertValues } from "./write.ts";

/**
 * A new report of an import, checked: a draft, submitted when the set had a completeDate, or
 * approved when an admin imported past data as approved.
 */
export interface NewReport extends CheckedReport {
  submitted: boolean;
  approved: boolean;
  /** The values as the audit trail shows them (by metric code), as saveDraft records them. */
  shown: Record<string, unknown>;
}

/**
 * The tables an import writes its new reports to: the live ones, or the staging tables of a
 * background import (same columns; `job_key` comes from the transaction's setting), which no
 * read looks at until the import's last step moves them (src/exchange/staging.ts).
 */
export interface ReportTables {
  submissions: string;
  values: string;
  audit: string;
  /** Live only: approved reports join the roll-ups as they are written. */
  live: boolean;
}

export const LIVE_TABLES: ReportTables = {
  submissions: "submissions",
  values: "data_values",
  audit: "audit_log",
  live: true,
};

export const STAGED_TABLES: ReportTables = {
  submissions: "import_staged_submissions",
  values: "import_staged_values",
  audit: "import_staged_audit",
  live: false,
};

/** Ids for `count` new reports, taken from the reports' own sequence (never reused). */
async function reserveIds(tx: Tx, count: number): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(
    tx,
    sql`select nextval(pg_get_serial_sequence('submissions', 'id'))::int as id from generate_series(1, ${count})`,
  );
  return rows.map((r) => r.id);
}

/** Reports per INSERT. */
const CHUNK = 2_000;

/**
 * Writes new reports of an import in the caller's transaction: the reports (one INSERT per
 * 2,000), then by COPY their values and the audit rows saveDraft and submit would have written
 * ("create", then "submit" for a submitted one, then "import_approved" with the reason for an
 * approved one, whose figures join the roll-ups at once). Reports created meanwhile by another writer make the
 * import fail with 409 STALE_VERSION, as saveDraft does.
 */
export async function insertNewReports(
  tx: Tx,
  copy: CopyIn,
  actor: Actor,
  by: { userId: number | null; approveReason: string | null },
  form: FormContext,
  reports: readonly NewReport[],
  now: Date,
  into: ReportTables = LIVE_TABLES,
): Promise<number> {
  const submittedBy = by.userId;
  const status = (r: NewReport) => (r.approved ? "approved" : r.submitted ? "submitted" : "draft");
  const ids: number[] = [];
  for (let i = 0; i < reports.length; i += CHUNK) {
    const part = reports.slice(i, i + CHUNK);
    const col = <T>(pick: (r: NewReport) => T) => part.map(pick);
    const reserved = await reserveIds(tx, part.length);
    // One array parameter per column (unnest): cheap to build and to plan, whatever the count.
    const rows = await queryRows<{ id: number }>(
      tx,
      sql`insert into ${sql.identifier(into.submissions)} (id, form_id, unit_id, period, period_start, period_end, due_date,
                                   status, version, submitted_at, submitted_by, approved_at, approved_by, late,
                                   created_at, updated_at)
          select i, ${form.id}, u, p, ps::date, pe::date, d::date, st::submission_status, v,
                 case when st <> 'draft' then ${now}::timestamptz end, case when st <> 'draft' then ${submittedBy}::int end,
                 case when st = 'approved' then ${now}::timestamptz end, case when st = 'approved' then ${submittedBy}::int end,
                 l, ${now}::timestamptz, ${now}::timestamptz
          from unnest(${intArray(reserved)}::int[], ${intArray(col((r) => r.unitId))}::int[],
                      ${textArray(col((r) => r.dates.id))}::text[],
                      ${textArray(col((r) => r.dates.start))}::text[], ${textArray(col((r) => r.dates.end))}::text[],
                      ${textArray(col((r) => r.dates.due))}::text[],
                      ${textArray(col(status))}::text[],
                      ${intArray(col((r) => (r.approved ? 3 : r.submitted ? 2 : 1)))}::int[],
                      ${textArray(col((r) => String(r.submitted && r.late)))}::boolean[])
               as t(i, u, p, ps, pe, d, st, v, l)
          on conflict do nothing
          returning id`,
    );
    if (rows.length < part.length) throw new AppError("STALE_VERSION", { current: 1, given: "—" });
    ids.push(...reserved);
  }
  const values = await insertValues(copy, reports, ids, now, into.values);
  const audit: AuditEntry[] = [];
  for (const [i, r] of reports.entries()) {
    const id = ids[i] ?? 0;
    audit.push({
      action: "create",
      objectType: "submission",
      objectId: id,
      before: null,
      after: { form: form.code, unit: r.unitCode, period: r.dates.id, values: r.shown, narrative: {} },
    });
    // The workflow's steps the import took for the report, each audited as the workflow would.
    const step = (action: string, from: string, to: string, version: number, extra: object) =>
      audit.push({
        action,
        objectType: "submission",
        objectId: id,
        before: { status: from, version: version - 1 },
        after: { status: to, version, ...extra },
      });
    if (r.submitted) step("submit", "draft", "submitted", 2, { late: r.late });
    if (r.approved) step("import_approved", "submitted", "approved", 3, { reason: by.approveReason });
  }
  await recordAuditBulk(copy, actor, audit, into.audit);
  const approved = ids.filter((_, i) => reports[i]?.approved);
  if (approved.length && into.live) await applyRollups(tx, approved, 1);
  return values;
}
