import { createHash } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { Principal } from "../access/principal.ts";
import { type Actor, recordAudit } from "../audit/audit.ts";
import type { Conn, Db } from "../db/client.ts";
import { assessmentEvidence, units } from "../db/schema/index.ts";
import { nfc } from "../domain/format/index.ts";
import { AppError, invalid, notFound } from "../errors/app-error.ts";
import { ALLOWED_LABEL, acceptedType, EVIDENCE_MAX_BYTES, sanitizeFileName } from "../files/evidence-file.ts";
import { appraisableCriteria, isAssessmentAdmin, isUnitMember } from "./access.ts";
import { issues } from "./messages.ts";
import { assessedUnits, loadAssessment } from "./store.ts";
import { fillGate, type UnitContext, unitObjectId, unitWork } from "./unit-work.ts";
import { checkValues } from "./values.ts";

export interface EvidenceInput {
  criterion: string;
  documentNumber?: string | null;
  documentDate?: string | null;
  summary?: string | null;
  url?: string | null;
}

export interface FileInput extends EvidenceInput {
  fileName: string;
  declaredType?: string;
  bytes: Buffer;
}

export interface EvidenceView {
  id: number;
  criterion: string;
  documentNumber: string | null;
  documentDate: string | null;
  summary: string | null;
  url: string | null;
  file: { name: string; contentType: string; size: number; sha256: string } | null;
  createdAt: string;
}

const clean = (s: string | null | undefined) => (s?.trim() ? nfc(s.trim()) : null);

/** Shared checks: the criterion applies to the unit's group; a link is http(s) only. */
function checkEvidence(ctx: UnitContext, input: EvidenceInput) {
  const found = checkValues(
    ctx.loaded.framework,
    ctx.unit.groupCode,
    [{ criterion: input.criterion, value: null }],
    "x",
  ).issues.map((i) => ({ ...i, path: "criterion" }));
  const url = clean(input.url);
  if (url && !/^https?:\/\//i.test(url)) found.push(issues.unsafeUrl("url"));
  if (found.length) throw invalid(...found);
}

async function insertEvidence(
  ctx: UnitContext,
  actor: Actor,
  principal: Principal | null,
  input: EvidenceInput,
  file?: FileFields,
) {
  const [row] = await ctx.tx
    .insert(assessmentEvidence)
    .values({
      assessmentId: ctx.loaded.row.id,
      unitId: ctx.unit.unitId,
      criterionCode: input.criterion,
      documentNumber: clean(input.documentNumber),
      documentDate: input.documentDate ?? null,
      summary: clean(input.summary),
      url: clean(input.url),
      ...file,
      createdBy: principal?.userId ?? null,
    })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  const view = toView(row);
  await recordAudit(ctx.tx, actor, {
    action: "add_evidence",
    objectType: "assessment_unit",
    objectId: unitObjectId(ctx),
    after: view,
  });
  return view;
}

interface FileFields {
  fileName: string;
  contentType: string;
  fileSize: number;
  sha256: string;
  content: Buffer;
}

/** Tài liệu kiểm chứng: a document reference or a link, by the unit's preparer while a draft. */
export function addEvidence(
  db: Db,
  actor: Actor,
  principal: Principal | null,
  code: string,
  unitCode: string,
  input: EvidenceInput,
) {
  return unitWork(db, principal, code, unitCode, fillGate, async (ctx) => {
    checkEvidence(ctx, input);
    return insertEvidence(ctx, actor, principal, input);
  });
}

/**
 * An uploaded file: at most 5 MB (413), of an accepted type checked by extension and content
 * (415); stored in the database with its SHA-256 under a sanitised name. Nothing is written
 * when it is refused.
 */
export function uploadEvidenceFile(
  db: Db,
  actor: Actor,
  principal: Principal | null,
  code: string,
  unitCode: string,
  input: FileInput,
) {
  return unitWork(db, principal, code, unitCode, fillGate, async (ctx) => {
    checkEvidence(ctx, input);
    if (input.bytes.length > EVIDENCE_MAX_BYTES) throw new AppError("EVIDENCE_TOO_LARGE", { max: "5 MB" });
    const fileName = sanitizeFileName(input.fileName);
    const contentType = acceptedType(fileName, input.declaredType, input.bytes);
    if (contentType === null) throw new AppError("EVIDENCE_TYPE_REFUSED", { allowed: ALLOWED_LABEL });
    const sha256 = createHash("sha256").update(input.bytes).digest("hex");
    const file = { fileName, contentType, fileSize: input.bytes.length, sha256, content: input.bytes };
    return insertEvidence(ctx, actor, principal, input, file);
  });
}

async function evidenceUnit(conn: Conn, assessmentId: number, id: number) {
  const [row] = await conn
    .select({
      unitCode: units.code,
      criterion: assessmentEvidence.criterionCode,
      unitId: assessmentEvidence.unitId,
    })
    .from(assessmentEvidence)
    .innerJoin(units, eq(units.id, assessmentEvidence.unitId))
    .where(and(eq(assessmentEvidence.id, id), eq(assessmentEvidence.assessmentId, assessmentId)));
  if (!row) throw notFound("tài liệu kiểm chứng", "evidence", String(id));
  return row;
}

/** Removes an evidence item, by the unit's preparer while the unit's self-assessment is a draft. */
export async function deleteEvidence(
  db: Db,
  actor: Actor,
  principal: Principal | null,
  code: string,
  id: number,
) {
  const { unitCode } = await evidenceUnit(db, (await loadAssessment(db, code)).row.id, id);
  await unitWork(db, principal, code, unitCode, fillGate, async (ctx) => {
    const [gone] = await ctx.tx.delete(assessmentEvidence).where(eq(assessmentEvidence.id, id)).returning();
    if (!gone) throw notFound("tài liệu kiểm chứng", "evidence", String(id));
    await recordAudit(ctx.tx, actor, {
      action: "delete_evidence",
      objectType: "assessment_unit",
      objectId: unitObjectId(ctx),
      before: toView(gone),
    });
  });
}

const listColumns = {
  id: assessmentEvidence.id,
  unitId: assessmentEvidence.unitId,
  criterionCode: assessmentEvidence.criterionCode,
  documentNumber: assessmentEvidence.documentNumber,
  documentDate: assessmentEvidence.documentDate,
  summary: assessmentEvidence.summary,
  url: assessmentEvidence.url,
  fileName: assessmentEvidence.fileName,
  contentType: assessmentEvidence.contentType,
  fileSize: assessmentEvidence.fileSize,
  sha256: assessmentEvidence.sha256,
  createdAt: assessmentEvidence.createdAt,
};

type ListRow = { [K in keyof typeof listColumns]: (typeof assessmentEvidence.$inferSelect)[K] };

function toView(r: ListRow): EvidenceView {
  const file =
    r.fileName && r.contentType && r.fileSize !== null && r.sha256
      ? { name: r.fileName, contentType: r.contentType, size: r.fileSize, sha256: r.sha256 }
      : null;
  return {
    id: r.id,
    criterion: r.criterionCode,
    documentNumber: r.documentNumber,
    documentDate: r.documentDate,
    summary: r.summary,
    url: r.url,
    file,
    createdAt: r.createdAt.toISOString(),
  };
}

/** Evidence of some units, without the file bytes, by criterion in insertion order. */
export async function evidenceOf(
  conn: Conn,
  assessmentId: number,
  unitIds: number[],
): Promise<Map<string, EvidenceView[]>> {
  if (unitIds.length === 0) return new Map();
  const rows = await conn
    .select(listColumns)
    .from(assessmentEvidence)
    .where(
      and(eq(assessmentEvidence.assessmentId, assessmentId), inArray(assessmentEvidence.unitId, unitIds)),
    )
    .orderBy(assessmentEvidence.id);
  const out = new Map<string, EvidenceView[]>();
  for (const r of rows) {
    const key = `${r.unitId}/${r.criterionCode}`;
    out.set(key, [...(out.get(key) ?? []), toView(r)]);
  }
  return out;
}

/**
 * A stored file for download: by admins over the assessment, anyone with a role over the unit,
 * and the appraisers of its criterion. The bytes are served only as an attachment.
 */
export async function downloadEvidence(conn: Conn, principal: Principal | null, code: string, id: number) {
  const loaded = await loadAssessment(conn, code);
  const owner = await evidenceUnit(conn, loaded.row.id, id);
  const unitIds = (await assessedUnits(conn, loaded.row.id)).map((u) => u.unitId);
  const allowed =
    (await isUnitMember(conn, principal, owner.unitId, loaded.asOf)) ||
    (await appraisableCriteria(conn, principal, loaded, unitIds)).has(owner.criterion) ||
    (await isAssessmentAdmin(conn, principal, unitIds, loaded.asOf));
  if (!allowed) throw new AppError("FORBIDDEN");
  const [row] = await conn.select().from(assessmentEvidence).where(eq(assessmentEvidence.id, id));
  if (!row?.content || !row.fileName || !row.contentType)
    throw notFound("tệp kiểm chứng", "evidence file", String(id));
  return {
    fileName: row.fileName,
    contentType: row.contentType,
    sha256: row.sha256 ?? "",
    content: row.content,
  };
}
