import { sql } from "drizzle-orm";
import { recordAudit } from "../audit/audit.ts";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { planProgressUpdates } from "../db/schema/index.ts";
import { codeDayOfPeriod } from "../domain/unit-codes/index.ts";
import { AppError, invalid, notFound } from "../errors/app-error.ts";
import { parseInput } from "../metrics/parse-input.ts";
import { unitsByCodes } from "../units/service.ts";
import { assertPlanReader, assertProgressAuthor } from "./access.ts";
import { checkEvidenceFile, type EvidenceFile } from "./evidence.ts";
import { issues, messages } from "./messages.ts";
import { planMonth } from "./periods.ts";
import { type ProgressInput, progressInputSchema } from "./schema.ts";
import { text, type WriteContext } from "./service.ts";
import { indicatorByCode, planByCode } from "./store.ts";
import { progressValueIssues } from "./validate.ts";

/** A progress update as listed and returned: the file's facts, never its bytes. */
export interface ProgressView {
  id: number;
  period: string;
  value: number;
  note: string | null;
  evidence: {
    number: string | null;
    date: string | null;
    link: string | null;
    file: { name: string; type: string; size: number; sha256: string } | null;
  };
  by: string;
  at: string;
}

interface ProgressRow {
  id: number;
  period: string;
  value: number;
  note: string | null;
  evidenceNumber: string | null;
  evidenceDate: string | null;
  evidenceLink: string | null;
  fileName: string | null;
  fileType: string | null;
  fileSize: number | null;
  fileSha256: string | null;
  by: string;
  at: string;
}

function view(r: ProgressRow): ProgressView {
  const file =
    r.fileName && r.fileType && r.fileSize !== null && r.fileSha256
      ? { name: r.fileName, type: r.fileType, size: r.fileSize, sha256: r.fileSha256 }
      : null;
  return {
    id: r.id,
    period: r.period,
    value: r.value,
    note: r.note,
    evidence: { number: r.evidenceNumber, date: r.evidenceDate, link: r.evidenceLink, file },
    by: r.by,
    at: new Date(r.at).toISOString(),
  };
}

/** The indicator's progress updates, oldest first. */
export async function progressOf(conn: Conn, indicatorId: number): Promise<ProgressView[]> {
  const rows = await queryRows<ProgressRow>(
    conn,
    sql`select id, period, value, note, evidence_number as "evidenceNumber",
               evidence_date::text as "evidenceDate", evidence_link as "evidenceLink",
               file_name as "fileName", file_type as "fileType", file_size as "fileSize",
               file_sha256 as "fileSha256", created_by_name as by, created_at as at
        from plan_progress_updates where indicator_id = ${indicatorId} order by period_end, id`,
  );
  return rows.map(view);
}

/**
 * Cập nhật tiến độ of a `progress` indicator for a month of the plan's year, with its evidence
 * (document number and date, a link, a file of at most 5 MB). Reporters and approvers of a
 * responsible unit (403 NOT_RESPONSIBLE_UNIT otherwise). Several updates of one month may be
 * entered; the latest counts.
 */
export async function addProgress(
  db: Conn,
  ctx: WriteContext,
  planCode: string,
  indicatorCode: string,
  input: ProgressInput,
): Promise<ProgressView> {
  const at = ctx.at ?? "";
  const p = parseInput(progressInputSchema, input, at.replace(/\.$/, ""));
  const plan = await planByCode(db, planCode);
  const indicator = await indicatorByCode(db, plan, indicatorCode);
  const units = await unitsByCodes(db, indicator.responsibleUnits, {
    on: codeDayOfPeriod(p.period, "month"),
    path: () => `${at}period`,
  });
  await assertProgressAuthor(
    db,
    ctx.principal,
    plan,
    indicator,
    [...units.values()].map((u) => u.id),
  );
  if (indicator.source !== "progress") throw invalid(issues.progressOnFormula(`${at}value`));
  const month = planMonth(p.period, plan.year, `${at}period`);
  const valueIssues = progressValueIssues(indicator, p.value, `${at}value`);
  if (valueIssues.length) throw invalid(...valueIssues);
  const file: EvidenceFile | null = p.evidence?.file
    ? checkEvidenceFile(p.evidence.file, `${at}evidence.file`)
    : null;
  const row = {
    indicatorId: indicator.id,
    period: month.id,
    periodEnd: month.end,
    value: p.value,
    note: text(p.note),
    evidenceNumber: text(p.evidence?.number),
    evidenceDate: p.evidence?.date ?? null,
    evidenceLink: p.evidence?.link ?? null,
    fileName: file?.name ?? null,
    fileType: file?.type ?? null,
    fileSize: file?.size ?? null,
    fileSha256: file?.sha256 ?? null,
    createdBy: ctx.actor.userId,
    createdByName: ctx.actor.name,
  };
  return db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(planProgressUpdates)
      .values({ ...row, fileContent: file?.content ?? null })
      .returning({ id: planProgressUpdates.id, createdAt: planProgressUpdates.createdAt });
    if (!inserted) throw new AppError("INTERNAL");
    await recordAudit(tx, ctx.actor, {
      action: "create",
      objectType: "plan_progress",
      objectId: inserted.id,
      after: { plan: plan.code, indicator: indicator.code, ...row },
    });
    const [created] = (await progressOf(tx, indicator.id)).filter((u) => u.id === inserted.id);
    if (!created) throw new AppError("INTERNAL");
    return created;
  });
}

/** A stored evidence file with what the download needs. 404 when the update has none. */
export async function evidenceFile(
  conn: Conn,
  ctx: Pick<WriteContext, "principal">,
  planCode: string,
  indicatorCode: string,
  updateId: number,
): Promise<{ name: string; type: string; size: number; sha256: string; content: Buffer }> {
  const plan = await planByCode(conn, planCode);
  await assertPlanReader(conn, ctx.principal, plan);
  const indicator = await indicatorByCode(conn, plan, indicatorCode);
  const [row] = await queryRows<{
    name: string;
    type: string;
    size: number;
    sha256: string;
    content: Uint8Array;
  }>(
    conn,
    sql`select file_name as name, file_type as type, file_size as size, file_sha256 as sha256,
               file_content as content
        from plan_progress_updates
        where id = ${updateId} and indicator_id = ${indicator.id} and file_content is not null`,
  );
  if (!row) throw notFound(messages.evidence.vi, messages.evidence.en, String(updateId));
  return { ...row, content: Buffer.from(row.content) };
}
