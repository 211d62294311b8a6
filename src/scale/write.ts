import type { Tx } from "../db/client.ts";
import { type CopyIn, copyField, inPieces } from "../db/copy.ts";
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

/** The values as COPY lines; the report's own columns are formatted once. */
function* copyLines(reports: readonly CheckedReport[], ids: readonly number[], now: Date): Generator<string> {
  // Every row of a load carries the same moment: format it once.
  const stamp = now.toISOString();
  for (const [i, r] of reports.entries()) {
    const unit = `\t${r.unitId}\t${r.dates.id}\t${r.dates.start}\t${r.dates.end}\t`;
    const id = ids[i] ?? 0;
    let lines = "";
    for (const v of r.values) {
      lines += `${id}\t${v.metricId}${unit}${copyField(v.value)}\t${copyField(v.textValue)}\t${copyField(v.comment)}\t${stamp}\n`;
    }
    yield lines;
  }
}

const valueColumns = `(submission_id, metric_id, unit_id, period, period_start, period_end,
                                value, text_value, comment, updated_at)`;

/** Writes the values by COPY, in the caller's transaction; returns how many. */
export function insertValues(
  copy: CopyIn,
  reports: readonly CheckedReport[],
  ids: readonly number[],
  now: Date,
  table = "data_values",
): Promise<number> {
  return copy(`${table} ${valueColumns}`, inPieces(copyLines(reports, ids, now)));
}
