/**
 * The staging tables of a background import (src/db/schema/import-staging.ts): what it reads
 * into them, how it reads them back by report, the move to the live tables, the clean-up.
 */
import { type SQL, sql } from "drizzle-orm";
import { applyRollups } from "../analytics/rollup.ts";
import type { Conn, Db, Tx } from "../db/client.ts";
import { bulkTransaction, copyField, inPieces } from "../db/copy.ts";
import { queryRows } from "../db/rows.ts";
import { AppError } from "../errors/app-error.ts";
import type { DataValueIn } from "./schema.ts";
import type { Entry } from "./tally.ts";

const STAGING = [
  "import_entries",
  "import_staged_submissions",
  "import_staged_values",
  "import_staged_audit",
];

/** Makes the transaction's staged rows the job's (the tables' `job_key` default reads it). */
export async function stageAs(tx: Conn, key: string): Promise<void> {
  await tx.execute(sql`select set_config('chiso.import_job', ${key}, true)`);
}

/** Stores a run of the file's values as read, in one short transaction. */
export async function stageEntries(db: Db, key: string, entries: readonly Entry[]): Promise<void> {
  if (entries.length === 0) return;
  await bulkTransaction(db, async (tx, copy) => {
    await stageAs(tx, key);
    const lines = entries.map(
      (e) =>
        `${e.index}\t${copyField(e.unit)}\t${copyField(e.period)}\t${copyField(JSON.stringify(e.value))}\n`,
    );
    await copy("import_entries (idx, unit, period, value)", inPieces(lines));
  });
}

interface EntryRow {
  idx: number;
  unit: string;
  period: string;
  value: string;
}

const toEntry = (r: EntryRow): Entry => ({
  index: r.idx,
  unit: r.unit,
  period: r.period,
  value: JSON.parse(r.value) as DataValueIn,
});

/** Where a reading of the entries stopped: the last report read whole. */
export type ReportKey = { unit: string; period: string };

/** Up to `limit` entries after `after`, in report order (unit, period, then file order). */
export async function entriesAfter(
  conn: Conn,
  key: string,
  after: ReportKey | null,
  limit: number,
): Promise<Entry[]> {
  const from = after ? sql`and (unit, period) > (${after.unit}, ${after.period})` : sql``;
  const rows = await queryRows<EntryRow>(
    conn,
    sql`select idx, unit, period, value from import_entries
        where job_key = ${key} ${from}
        order by unit, period, idx limit ${limit}`,
  );
  return rows.map(toEntry);
}

/** Every entry of one report. */
export async function entriesOf(conn: Conn, key: string, report: ReportKey): Promise<Entry[]> {
  const rows = await queryRows<EntryRow>(
    conn,
    sql`select idx, unit, period, value from import_entries
        where job_key = ${key} and unit = ${report.unit} and period = ${report.period}
        order by idx`,
  );
  return rows.map(toEntry);
}

async function count(tx: Tx, query: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number }>(tx, query);
  return Number(row?.n ?? 0);
}

/**
 * Moves the job's staged reports, values and audit rows into the live tables, in the caller's
 * transaction, set-based. A report another writer created meanwhile for the same form, unit and
 * period fails the move with 409 STALE_VERSION, as a direct import does. Approved reports join
 * the roll-ups. Returns the reports moved.
 */
export async function moveStaged(tx: Tx, key: string): Promise<number> {
  const staged = await count(
    tx,
    sql`select count(*)::int as n from import_staged_submissions where job_key = ${key}`,
  );
  if (staged === 0) return 0;
  const moved = await count(
    tx,
    sql`with moved as (
          insert into submissions (id, form_id, unit_id, period, period_start, period_end, due_date, status, version,
                                   submitted_at, submitted_by, approved_at, approved_by, late, created_at, updated_at)
          select id, form_id, unit_id, period, period_start, period_end, due_date, status, version,
                 submitted_at, submitted_by, approved_at, approved_by, late, created_at, updated_at
          from import_staged_submissions where job_key = ${key}
          on conflict do nothing returning 1)
        select count(*)::int as n from moved`,
  );
  if (moved < staged) throw new AppError("STALE_VERSION", { current: 1, given: "—" });
  await tx.execute(
    sql`insert into data_values (submission_id, metric_id, unit_id, period, period_start, period_end,
                                 value, text_value, comment, updated_at)
        select submission_id, metric_id, unit_id, period, period_start, period_end,
               value, text_value, comment, updated_at
        from import_staged_values where job_key = ${key}`,
  );
  await tx.execute(
    sql`insert into audit_log (at, actor_user_id, actor_name, ip, action, object_type, object_id, before, after)
        select at, actor_user_id, actor_name, ip, action, object_type, object_id, before, after
        from import_staged_audit where job_key = ${key}`,
  );
  const approved = await queryRows<{ id: number }>(
    tx,
    sql`select id from import_staged_submissions where job_key = ${key} and status = 'approved'`,
  );
  if (approved.length)
    await applyRollups(
      tx,
      approved.map((r) => r.id),
      1,
    );
  return moved;
}

/** Deletes the job's staged rows (after its last step, whatever its outcome). */
export async function dropStaged(db: Conn, key: string): Promise<void> {
  for (const table of STAGING) {
    await db.execute(sql`delete from ${sql.identifier(table)} where job_key = ${key}`);
  }
}

/**
 * Deletes what imports that no longer run left staged (a crash, kill -9): every job key that is
 * not a running job's id. Run at start-up, after the jobs of stopped servers are failed.
 */
export async function dropAbandonedStaging(db: Conn): Promise<void> {
  for (const table of STAGING) {
    await db.execute(
      sql`delete from ${sql.identifier(table)}
          where job_key not in (select id::text from jobs where status = 'running')`,
    );
  }
}
