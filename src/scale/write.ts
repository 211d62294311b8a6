import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { EngineKind, Tx } from "../db/client.ts";
import { dataValues, submissions } from "../db/schema/index.ts";
import type { CheckedReport } from "./validate.ts";

/** Rows per multi-row INSERT: well under PostgreSQL's 65,535 parameters for these tables. */
const CHUNK = 2_000;

export type LoadStatus = "submitted" | "approved";

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Inserts the reports (báo cáo) with their final status; returns their ids in the same order. */
export async function insertReports(
  tx: Tx,
  formId: number,
  reports: readonly CheckedReport[],
  status: LoadStatus,
  now: Date,
): Promise<number[]> {
  const ids: number[] = [];
  for (const part of chunks(reports)) {
    const rows = await tx
      .insert(submissions)
      .values(
        part.map((r) => ({
          formId,
          unitId: r.unitId,
          period: r.dates.id,
          periodStart: r.dates.start,
          periodEnd: r.dates.end,
          dueDate: r.dates.due,
          status,
          submittedAt: now,
          late: r.late,
          approvedAt: status === "approved" ? now : null,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .returning({ id: submissions.id });
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

interface ValueRow {
  submissionId: number;
  metricId: number;
  unitId: number;
  period: string;
  periodStart: string;
  periodEnd: string;
  value: number | null;
  textValue: string | null;
  comment: string | null;
  updatedAt: Date;
}

function* valueRows(reports: readonly CheckedReport[], ids: readonly number[], now: Date) {
  for (const [i, r] of reports.entries()) {
    const keyed = {
      unitId: r.unitId,
      period: r.dates.id,
      periodStart: r.dates.start,
      periodEnd: r.dates.end,
    };
    for (const v of r.values) yield { ...v, ...keyed, submissionId: ids[i] ?? 0, updatedAt: now };
  }
}

/** COPY's text format: backslash, tab and line breaks escaped; \N is null. */
function copyField(value: string | number | null): string {
  if (value === null) return "\\N";
  if (typeof value === "number") return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r",
  );
}

function* copyLines(rows: Iterable<ValueRow>, now: Date): Generator<string> {
  // Every row of a load carries the same moment: format it once.
  const stamp = now.toISOString();
  let buffer = "";
  for (const r of rows) {
    buffer += `${r.submissionId}\t${r.metricId}\t${r.unitId}\t${r.period}\t${r.periodStart}\t${r.periodEnd}\t`;
    buffer += `${copyField(r.value)}\t${copyField(r.textValue)}\t${copyField(r.comment)}\t${stamp}\n`;
    // Big writes keep the stream's per-chunk overhead negligible.
    if (buffer.length > 1 << 16) {
      yield buffer;
      buffer = "";
    }
  }
  if (buffer) yield buffer;
}

/** The node-postgres client a drizzle transaction runs on (drizzle keeps it on its session). */
function clientOf(tx: Tx): pg.PoolClient {
  return (tx as unknown as { session: { client: pg.PoolClient } }).session.client;
}

/**
 * Writes the values: COPY FROM STDIN on the PostgreSQL server (same transaction, so a failure
 * rolls everything back); multi-row INSERTs on PGlite, which has no client-side COPY stream.
 */
export async function insertValues(
  tx: Tx,
  engine: EngineKind,
  reports: readonly CheckedReport[],
  ids: readonly number[],
  now: Date,
): Promise<number> {
  const rows = valueRows(reports, ids, now);
  if (engine === "postgresql") {
    const stream = clientOf(tx).query(
      copyFrom(
        `copy data_values (submission_id, metric_id, unit_id, period, period_start, period_end, value,
                           text_value, comment, updated_at) from stdin`,
      ),
    );
    await pipeline(Readable.from(copyLines(rows, now)), stream);
    return stream.rowCount;
  }
  let count = 0;
  for (const part of chunks([...rows])) {
    await tx.insert(dataValues).values(part);
    count += part.length;
  }
  return count;
}
