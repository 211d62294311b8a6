import { applyRollups } from "../analytics/rollup.ts";
import { type Actor, recordAuditBulk } from "../audit/audit.ts";
import * as clock from "../config/clock.ts";
import type { Database } from "../db/client.ts";
import { bulkTransaction } from "../db/copy.ts";
import { invalid } from "../errors/app-error.ts";
import { loadFormContext } from "../submissions/context.ts";
import { type BulkReport, checkReports } from "./validate.ts";
import { insertReports, insertValues, type LoadStatus } from "./write.ts";

export type { BulkReport } from "./validate.ts";

export interface BulkOptions {
  /** The status the reports are stored in: as if submitted, or submitted and approved. */
  status: LoadStatus;
  /** The moment of the load (submittedAt, approvedAt, lateness); defaults to now. */
  now?: Date;
}

export interface BulkResult {
  reports: number;
  values: number;
}

/**
 * Nạp hàng loạt: new reports of one form, with their values, on the system's authority (CLI,
 * benchmark, migrations from another system). Each report is checked with the submissions
 * service's rules (the same messages, paths `reports.N.…`), then everything is written in one
 * transaction: the reports with their status, the values by COPY on the PostgreSQL server, and
 * one audit row per report. Any problem (400 VALIDATION_FAILED, at most 100 listed) writes
 * nothing. Existing reports are never overwritten: updates go through saveDraft.
 */
export async function bulkLoadReports(
  database: Database,
  actor: Actor,
  formCode: string,
  reports: readonly BulkReport[],
  options: BulkOptions,
): Promise<BulkResult> {
  const now = options.now ?? clock.now();
  return bulkTransaction(database.db, async (tx, copy) => {
    const form = await loadFormContext(tx, formCode);
    const { checked, issues } = await checkReports(tx, form, reports, now);
    if (issues.length) throw invalid(...issues);
    const ids = await insertReports(tx, form.id, checked, options.status, now);
    const values = await insertValues(copy, checked, ids, now);
    if (options.status === "approved") await applyRollups(tx, ids, 1);
    const audit = checked.map((r, i) => ({
      action: "bulk_load",
      objectType: "submission",
      objectId: ids[i] ?? 0,
      after: {
        form: form.code,
        unit: r.unitCode,
        period: r.dates.id,
        status: options.status,
        // The values are new rows of data_values under this report id, never changed by the load.
        values: r.values.length,
      },
    }));
    await recordAuditBulk(copy, actor, audit);
    return { reports: checked.length, values };
  });
}
