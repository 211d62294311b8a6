import { and, eq, inArray, sql } from "drizzle-orm";
import * as clock from "../config/clock.ts";
import type { Conn } from "../db/client.ts";
import { dataValues, submissions } from "../db/schema/index.ts";
import { AppError, fieldIssue, invalid, notFound } from "../errors/app-error.ts";
import type { StoredValue } from "./values.ts";

export type SubmissionRow = typeof submissions.$inferSelect;

/** A stored value with its note, keyed by metric id. */
export interface ValueRecord extends StoredValue {
  comment: string | null;
}

/** The submission, locked for the rest of the transaction so concurrent writes queue. */
export async function lockSubmission(conn: Conn, id: number): Promise<SubmissionRow> {
  const [row] = await conn.select().from(submissions).where(eq(submissions.id, id)).for("update");
  if (!row) throw notFound("báo cáo", "report", String(id));
  return row;
}

export async function getSubmission(conn: Conn, id: number): Promise<SubmissionRow> {
  const [row] = await conn.select().from(submissions).where(eq(submissions.id, id));
  if (!row) throw notFound("báo cáo", "report", String(id));
  return row;
}

export async function findSubmission(conn: Conn, formId: number, unitId: number, period: string) {
  const [row] = await conn
    .select()
    .from(submissions)
    .where(
      and(eq(submissions.formId, formId), eq(submissions.unitId, unitId), eq(submissions.period, period)),
    )
    .for("update");
  return row;
}

/**
 * 409 STALE_VERSION unless the client saw the current version; a version not given at all for
 * a report that exists is a 400 naming the field, not somebody else's change.
 */
export function assertVersion(row: SubmissionRow, given: number | null | undefined): void {
  if (given === null || given === undefined) {
    throw invalid(
      fieldIssue(
        "version",
        `Báo cáo đã có (phiên bản ${row.version}): gửi kèm phiên bản đang sửa (version), hoặc tải lại báo cáo`,
        `The report exists (version ${row.version}): send the version you are changing, or reload the report`,
      ),
    );
  }
  if (given !== row.version)
    throw new AppError("STALE_VERSION", { current: row.version, given: given ?? "—" });
}

export async function loadValues(conn: Conn, submissionId: number): Promise<Map<number, ValueRecord>> {
  const rows = await conn
    .select({
      metricId: dataValues.metricId,
      value: dataValues.value,
      textValue: dataValues.textValue,
      comment: dataValues.comment,
    })
    .from(dataValues)
    .where(eq(dataValues.submissionId, submissionId));
  return new Map(rows.map(({ metricId, ...v }) => [metricId, v]));
}

/** Writes changed values in one statement and removes cleared ones in another. */
export async function writeValues(
  conn: Conn,
  sub: SubmissionRow,
  upserts: (ValueRecord & { metricId: number })[],
  removals: number[],
): Promise<void> {
  if (upserts.length) {
    const keyed = {
      unitId: sub.unitId,
      period: sub.period,
      periodStart: sub.periodStart,
      periodEnd: sub.periodEnd,
    };
    await conn
      .insert(dataValues)
      .values(upserts.map((v) => ({ ...v, ...keyed, submissionId: sub.id })))
      .onConflictDoUpdate({
        target: [dataValues.submissionId, dataValues.metricId],
        set: {
          value: sql`excluded.value`,
          textValue: sql`excluded.text_value`,
          comment: sql`excluded.comment`,
          updatedAt: sql`now()`,
        },
      });
  }
  if (removals.length) {
    await conn
      .delete(dataValues)
      .where(and(eq(dataValues.submissionId, sub.id), inArray(dataValues.metricId, removals)));
  }
}

/** Bumps the version with the other changes; the version guard makes a lost update impossible. */
export async function updateSubmission(
  conn: Conn,
  row: SubmissionRow,
  changes: Partial<Omit<SubmissionRow, "id" | "version">>,
): Promise<SubmissionRow> {
  const [updated] = await conn
    .update(submissions)
    .set({ ...changes, version: row.version + 1, updatedAt: clock.now() })
    .where(and(eq(submissions.id, row.id), eq(submissions.version, row.version)))
    .returning();
  if (!updated) throw new AppError("STALE_VERSION", { current: row.version + 1, given: row.version });
  return updated;
}
