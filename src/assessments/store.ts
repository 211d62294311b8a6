import { and, eq, inArray } from "drizzle-orm";
import * as clock from "../config/clock.ts";
import type { Conn } from "../db/client.ts";
import {
  assessments,
  assessmentUnits,
  assessmentValues,
  indexFrameworks,
  units,
} from "../db/schema/index.ts";
import type { Framework } from "../domain/index-scoring/index.ts";
import { AppError, notFound } from "../errors/app-error.ts";
import type { AssessedUnit, AssessmentRow, LoadedAssessment, ValueRow } from "./types.ts";

type Lock = "update" | "share";

export const assessmentNotFound = (code: string) => notFound("kỳ đánh giá", "assessment", code);

/** The last day of the assessed year: the unit tree of that day decides who may act. */
export const yearEnd = (year: number) => `${year}-12-31`;

/**
 * The assessment and its framework. Writers lock the row: `update` for a change of step,
 * `share` for work within a step, so a step cannot close while a unit is writing in it.
 */
export async function loadAssessment(conn: Conn, code: string, lock?: Lock): Promise<LoadedAssessment> {
  const query = conn.select().from(assessments).where(eq(assessments.code, code));
  const [row] = lock ? await query.for(lock) : await query;
  if (!row) throw assessmentNotFound(code);
  return withFramework(conn, row);
}

export async function withFramework(conn: Conn, row: AssessmentRow): Promise<LoadedAssessment> {
  const [fw] = await conn.select().from(indexFrameworks).where(eq(indexFrameworks.id, row.frameworkId));
  if (!fw) throw new AppError("INTERNAL");
  // Validated by parseFramework when it was saved; the column holds nothing else.
  const framework = fw.definition as Framework;
  return { row, framework, lineage: fw.lineage, asOf: yearEnd(row.year) };
}

const unitColumns = {
  unitId: assessmentUnits.unitId,
  code: units.code,
  nameVi: units.nameVi,
  nameEn: units.nameEn,
  groupCode: assessmentUnits.groupCode,
  status: assessmentUnits.status,
  submittedAt: assessmentUnits.submittedAt,
};

/** The participating units, in code order. */
export async function assessedUnits(conn: Conn, assessmentId: number): Promise<AssessedUnit[]> {
  const rows = await conn
    .select(unitColumns)
    .from(assessmentUnits)
    .innerJoin(units, eq(units.id, assessmentUnits.unitId))
    .where(eq(assessmentUnits.assessmentId, assessmentId));
  return rows.sort((a, b) => a.code.localeCompare(b.code, "en", { numeric: true }));
}

/** One participating unit by code (404 when it takes no part), optionally locked for a write. */
export async function assessedUnit(
  conn: Conn,
  loaded: LoadedAssessment,
  unitCode: string,
  lock?: Lock,
): Promise<AssessedUnit> {
  const query = conn
    .select(unitColumns)
    .from(assessmentUnits)
    .innerJoin(units, eq(units.id, assessmentUnits.unitId))
    .where(and(eq(assessmentUnits.assessmentId, loaded.row.id), eq(units.code, unitCode)));
  const [row] = lock ? await query.for(lock, { of: assessmentUnits }) : await query;
  if (!row) {
    throw notFound(
      `đơn vị trong kỳ đánh giá ${loaded.row.code}:`,
      `unit in assessment ${loaded.row.code}:`,
      unitCode,
    );
  }
  return row;
}

/** The stored criterion rows of some units (all when `unitIds` is omitted). */
export async function valueRows(conn: Conn, assessmentId: number, unitIds?: number[]): Promise<ValueRow[]> {
  const where =
    unitIds === undefined
      ? eq(assessmentValues.assessmentId, assessmentId)
      : and(eq(assessmentValues.assessmentId, assessmentId), inArray(assessmentValues.unitId, unitIds));
  if (unitIds !== undefined && unitIds.length === 0) return [];
  return conn.select().from(assessmentValues).where(where);
}

/** Moves the assessment to another step (or changes its publication fields). */
export async function updateAssessment(
  conn: Conn,
  row: AssessmentRow,
  changes: Partial<AssessmentRow>,
): Promise<AssessmentRow> {
  const [updated] = await conn
    .update(assessments)
    .set({ ...changes, updatedAt: clock.now() })
    .where(eq(assessments.id, row.id))
    .returning();
  if (!updated) throw new AppError("INTERNAL");
  return updated;
}
