import { asc, eq } from "drizzle-orm";
import type { z } from "zod";
import { type Principal, requireProvinceAdmin } from "../access/principal.ts";
import { type Actor, recordAudit } from "../audit/audit.ts";
import * as clock from "../config/clock.ts";
import type { Conn, Db } from "../db/client.ts";
import { indexFrameworks } from "../db/schema/index.ts";
import { nfc } from "../domain/format/index.ts";
import { type Framework, type frameworkSchema, parseFramework } from "../domain/index-scoring/index.ts";
import { AppError, conflict, fieldIssue, invalid, notFound } from "../errors/app-error.ts";
import { frameworkFromWorkbook, sheetPath } from "./framework-excel.ts";

/** A definition as read back from the database (validated when it was saved). */
export type FrameworkDefinition = z.output<typeof frameworkSchema>;

/** A stored framework as the API shows it. */
export interface FrameworkView {
  code: string;
  lineage: string;
  year: number;
  nameVi: string;
  nameEn: string;
  definition: FrameworkDefinition;
}

/** Every string of parsed JSON in NFC, so "Nhận thức số" typed on any keyboard compares equal. */
export function nfcDeep(value: unknown): unknown {
  if (typeof value === "string") return nfc(value);
  if (Array.isArray(value)) return value.map(nfcDeep);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [nfc(k), nfcDeep(v)]));
  }
  return value;
}

/**
 * The lineage a framework belongs to when none is given: its code without the trailing year,
 * so MAU-DTI-2022 and MAU-DTI-2023 compare year on year.
 */
export function defaultLineage(code: string, year: number): string {
  const suffix = new RegExp(`[-_ ]?${year}$`);
  const stripped = code.replace(suffix, "");
  return stripped === "" ? code : stripped;
}

/**
 * Checks a definition with the domain's `parseFramework`; 400 with each problem's path (as
 * `pathOf` presents it: a sheet row for a workbook).
 */
export function checkFramework(input: unknown, pathOf: (path: string) => string = (p) => p): Framework {
  const parsed = parseFramework(nfcDeep(input));
  if (parsed.ok) return parsed.framework;
  throw invalid(...parsed.problems.map((p) => fieldIssue(pathOf(p.path), p.messageVi, p.messageEn, p.code)));
}

export interface WorkbookMeta {
  code: string;
  year: number;
  nameVi: string;
  nameEn: string;
}

/** A framework from the published workbook (framework-excel.ts); problems name sheet rows. */
export async function createFrameworkFromWorkbook(
  db: Db,
  actor: Actor,
  principal: Principal | null,
  bytes: Buffer,
  meta: WorkbookMeta,
  lineage?: string,
): Promise<FrameworkView> {
  if (principal) await requireProvinceAdmin(db, principal, clock.today());
  const sheet = await readWorkbook(bytes, meta);
  const framework = checkFramework(sheet.definition, (path) => sheetPath(path, sheet.rowOf));
  return saveFramework(db, actor, principal, framework, lineage);
}

async function readWorkbook(bytes: Buffer, meta: WorkbookMeta) {
  try {
    return await frameworkFromWorkbook(bytes, meta);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw invalid(
      fieldIssue(
        "body",
        "Không đọc được tệp Excel (.xlsx)",
        "The file is not a readable Excel workbook (.xlsx)",
      ),
    );
  }
}

const toView = (row: typeof indexFrameworks.$inferSelect): FrameworkView => ({
  code: row.code,
  lineage: row.lineage,
  year: row.year,
  nameVi: row.nameVi,
  nameEn: row.nameEn,
  definition: row.definition as FrameworkDefinition,
});

/**
 * Saves a framework (bộ chỉ số) after validating it; nothing is written when it has problems.
 * Frameworks are kept as published: a correction is a new code.
 */
export async function createFramework(
  db: Db,
  actor: Actor,
  principal: Principal | null,
  input: unknown,
  lineage?: string,
): Promise<FrameworkView> {
  if (principal) await requireProvinceAdmin(db, principal, clock.today());
  return saveFramework(db, actor, principal, checkFramework(input), lineage);
}

async function saveFramework(
  db: Db,
  actor: Actor,
  principal: Principal | null,
  framework: Framework,
  lineage?: string,
): Promise<FrameworkView> {
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: indexFrameworks.id })
      .from(indexFrameworks)
      .where(eq(indexFrameworks.code, framework.code));
    if (existing) throw conflict("bộ chỉ số", "framework", framework.code);
    const [row] = await tx
      .insert(indexFrameworks)
      .values({
        code: framework.code,
        lineage: lineage ? nfc(lineage.trim()) : defaultLineage(framework.code, framework.year),
        year: framework.year,
        nameVi: framework.nameVi,
        nameEn: framework.nameEn,
        definition: framework,
        createdBy: principal?.userId ?? null,
      })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    const view = toView(row);
    await recordAudit(tx, actor, {
      action: "create",
      objectType: "index_framework",
      objectId: view.code,
      after: { lineage: view.lineage, year: view.year, criteria: framework.criteria.length },
    });
    return view;
  });
}

export async function frameworkByCode(conn: Conn, code: string): Promise<FrameworkView & { id: number }> {
  const [row] = await conn.select().from(indexFrameworks).where(eq(indexFrameworks.code, code));
  if (!row) throw notFound("bộ chỉ số", "framework", code);
  return { id: row.id, ...toView(row) };
}

export async function listFrameworks(conn: Conn): Promise<Omit<FrameworkView, "definition">[]> {
  const rows = await conn
    .select()
    .from(indexFrameworks)
    .orderBy(asc(indexFrameworks.year), asc(indexFrameworks.code));
  return rows.map(({ code, lineage, year, nameVi, nameEn }) => ({ code, lineage, year, nameVi, nameEn }));
}
