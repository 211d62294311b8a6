import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { EngineKind, Tx } from "../db/client.ts";
import { submissions } from "../db/schema/index.ts";
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

/** COPY's text format: backslash, tab and line breaks escaped; \N is null. */
function copyField(value: string | number | null): string {
  if (value === null) return "\\N";
  if (typeof value === "number") return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r",
  );
}

/** The values as COPY text, in large pieces; the report's own columns are formatted once. */
function* copyLines(reports: readonly CheckedReport[], ids: readonly number[], now: Date): Generator<string> {
  // Every row of a load carries the same moment: format it once.
  const stamp = now.toISOString();
  let buffer = "";
  for (const [i, r] of reports.entries()) {
    const unit = `\t${r.unitId}\t${r.dates.id}\t${r.dates.start}\t${r.dates.end}\t`;
    const id = ids[i] ?? 0;
    for (const v of r.values) {
      buffer += `${id}\t${v.metricId}${unit}${copyField(v.value)}\t${copyField(v.textValue)}\t${copyField(v.comment)}\t${stamp}\n`;
    }
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

const copyValues = `copy data_values (submission_id, metric_id, unit_id, period, period_start, period_end,
                                     value, text_value, comment, updated_at)`;

/**
 * Writes the values by COPY, in the caller's transaction (a failure rolls everything back):
 * FROM STDIN (pg-copy-streams) on the PostgreSQL server; FROM '/dev/blob' on PGlite, which takes
 * the rows as one Blob (about 10 times faster there than multi-row INSERTs).
 */
export async function insertValues(
  tx: Tx,
  engine: EngineKind,
  reports: readonly CheckedReport[],
  ids: readonly number[],
  now: Date,
): Promise<number> {
  if (engine === "postgresql") {
    const stream = clientOf(tx).query(copyFrom(`${copyValues} from stdin`));
    await pipeline(Readable.from(copyLines(reports, ids, now)), stream);
    return stream.rowCount;
  }
  const blob = new Blob([...copyLines(reports, ids, now)]);
  if (blob.size === 0) return 0;
  const pglite = (tx as unknown as { session: { client: PGliteTx } }).session.client;
  const result = await pglite.query(`${copyValues} from '/dev/blob'`, [], { blob });
  return result.affectedRows ?? 0;
}

/** The PGlite transaction a drizzle transaction runs on: query with the `blob` option. */
interface PGliteTx {
  query(sql: string, params: unknown[], options: { blob: Blob }): Promise<{ affectedRows?: number }>;
}
