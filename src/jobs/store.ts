import { and, desc, eq, inArray, lt, notInArray, type SQL, sql } from "drizzle-orm";
import { managedUsers } from "../access/managed-users.ts";
import type { Principal } from "../access/principal.ts";
import type { Actor } from "../audit/audit.ts";
import { recordAudit } from "../audit/audit.ts";
import * as clock from "../config/clock.ts";
import type { Conn, Db } from "../db/client.ts";
import { jobs, users } from "../db/schema/index.ts";
import { notFound } from "../errors/app-error.ts";
import type { JobOut } from "./schema.ts";

export const JOB_KINDS = ["import", "report"] as const;
export type JobKind = (typeof JOB_KINDS)[number];
export const JOB_STATUSES = ["queued", "running", "succeeded", "failed"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface JobError {
  code: string;
  message: string;
  message_en: string;
}

/** A job as the API shows it (never the file's bytes). */
export interface JobView {
  id: number;
  kind: JobKind;
  status: JobStatus;
  progress: { done: number; total: number };
  createdBy: string;
  params: Record<string, unknown>;
  result: JobOut["result"];
  error: JobError | null;
  file: { name: string; contentType: string; size: number } | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** Said of a job whose server stopped (crash, restart, deploy) before it finished. */
export const INTERRUPTED: JobError = {
  code: "JOB_INTERRUPTED",
  message: "Máy chủ đã dừng khi đang chạy công việc này; chưa có gì được ghi. Hãy chạy lại công việc.",
  message_en: "The server stopped during this job; nothing was written. Run it again.",
};

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

const viewColumns = {
  id: jobs.id,
  kind: jobs.kind,
  status: jobs.status,
  done: jobs.progressDone,
  total: jobs.progressTotal,
  createdBy: users.username,
  createdById: jobs.createdBy,
  params: jobs.params,
  result: jobs.result,
  errorCode: jobs.errorCode,
  errorVi: jobs.errorVi,
  errorEn: jobs.errorEn,
  fileName: jobs.fileName,
  contentType: jobs.contentType,
  fileSize: sql<number | null>`octet_length(${jobs.fileBytes})`,
  createdAt: jobs.createdAt,
  startedAt: jobs.startedAt,
  finishedAt: jobs.finishedAt,
};

function selectViews(conn: Conn, where: SQL | undefined, limit = 1, offset = 0) {
  return conn
    .select(viewColumns)
    .from(jobs)
    .innerJoin(users, eq(users.id, jobs.createdBy))
    .where(where)
    .orderBy(desc(jobs.id))
    .limit(limit)
    .offset(offset);
}
type ViewRow = Awaited<ReturnType<typeof selectViews>>[number];

function toView(row: ViewRow): JobView {
  return {
    id: row.id,
    kind: row.kind as JobKind,
    status: row.status as JobStatus,
    progress: { done: row.done, total: row.total },
    createdBy: row.createdBy,
    params: row.params as Record<string, unknown>,
    result: (row.result as JobOut["result"]) ?? null,
    error: row.errorCode
      ? { code: row.errorCode, message: row.errorVi ?? "", message_en: row.errorEn ?? "" }
      : null,
    file:
      row.fileName && row.contentType && row.fileSize !== null
        ? { name: row.fileName, contentType: row.contentType, size: Number(row.fileSize) }
        : null,
    createdAt: iso(row.createdAt) as string,
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
  };
}

/**
 * Only the creator, or an admin who manages the creator (access/managed-users.ts), may see a job;
 * anyone else is told it does not exist.
 */
async function visibleTo(conn: Conn, principal: Principal): Promise<SQL | undefined> {
  const managed = await managedUsers(conn, principal, clock.today());
  if (managed === "all") return undefined;
  return inArray(jobs.createdBy, [principal.userId, ...managed]);
}

const jobNotFound = (id: number | string) => notFound("công việc", "job", String(id));

/** Records a new job (audited) and answers it, queued. */
export async function createJob(
  db: Db,
  actor: Actor,
  principal: Principal,
  kind: JobKind,
  params: Record<string, unknown>,
  runner: string,
): Promise<JobView> {
  const id = await db.transaction(async (tx) => {
    const scope = principal.grants.map((g) => ({ role: g.role, unit: g.unitCode }));
    const [row] = await tx
      .insert(jobs)
      .values({ kind, createdBy: principal.userId, scope, params, runner })
      .returning({ id: jobs.id });
    if (!row) throw new Error("insert returned nothing");
    await recordAudit(tx, actor, {
      action: "create",
      objectType: "job",
      objectId: row.id,
      after: { kind, params },
    });
    return row.id;
  });
  return jobById(db, principal, id);
}

export async function jobById(conn: Conn, principal: Principal, id: number): Promise<JobView> {
  const [row] = await selectViews(conn, and(eq(jobs.id, id), await visibleTo(conn, principal)));
  if (!row) throw jobNotFound(id);
  return toView(row);
}

/** One page of the caller's jobs (an admin's: those of the users it manages), newest first, and their total. */
export async function listJobs(
  conn: Conn,
  principal: Principal,
  filter: { kind?: JobKind; limit: number; offset: number; mine?: boolean },
): Promise<{ items: JobView[]; total: number }> {
  const whose = filter.mine ? eq(jobs.createdBy, principal.userId) : await visibleTo(conn, principal);
  const where = and(whose, filter.kind ? eq(jobs.kind, filter.kind) : undefined);
  const rows = await selectViews(conn, where, filter.limit, filter.offset);
  const [counted] = await conn.select({ total: sql<number>`count(*)::int` }).from(jobs).where(where);
  return { items: rows.map(toView), total: counted?.total ?? 0 };
}

/** The built report of a finished job the caller may see, or 404. */
export async function jobFile(
  conn: Conn,
  principal: Principal,
  id: number,
): Promise<{ bytes: Buffer; name: string; contentType: string }> {
  const [row] = await conn
    .select({ bytes: jobs.fileBytes, name: jobs.fileName, contentType: jobs.contentType })
    .from(jobs)
    .where(and(eq(jobs.id, id), await visibleTo(conn, principal)));
  if (!row?.bytes || !row.name || !row.contentType)
    throw notFound("tệp của công việc", "file of job", String(id));
  return { bytes: row.bytes, name: row.name, contentType: row.contentType };
}

export async function markRunning(db: Db, id: number, total: number): Promise<void> {
  await db
    .update(jobs)
    .set({ status: "running", startedAt: sql`now()`, heartbeatAt: sql`now()`, progressTotal: total })
    .where(eq(jobs.id, id));
}

export async function writeProgress(db: Db, id: number, done: number, total: number): Promise<void> {
  await db
    .update(jobs)
    .set({ progressDone: done, progressTotal: total, heartbeatAt: sql`now()` })
    .where(and(eq(jobs.id, id), eq(jobs.status, "running")));
}

export interface Outcome {
  status: "succeeded" | "failed";
  done: number;
  total: number;
  result?: Record<string, unknown> | null;
  error?: JobError | null;
  file?: { bytes: Buffer; name: string; contentType: string } | null;
}

export async function finishJob(db: Db, id: number, outcome: Outcome): Promise<void> {
  await db
    .update(jobs)
    .set({
      status: outcome.status,
      progressDone: outcome.done,
      progressTotal: outcome.total,
      result: outcome.result ?? null,
      errorCode: outcome.error?.code ?? null,
      errorVi: outcome.error?.message ?? null,
      errorEn: outcome.error?.message_en ?? null,
      fileBytes: outcome.file?.bytes ?? null,
      fileName: outcome.file?.name ?? null,
      contentType: outcome.file?.contentType ?? null,
      finishedAt: sql`now()`,
      heartbeatAt: sql`now()`,
    })
    .where(eq(jobs.id, id));
}

/**
 * Marks failed the queued and running jobs no live process is working on: those of other
 * runners whose heartbeat is older than `staleAfterMs` (0: every job not in `live`, for an
 * engine only one process can open). Imports run in one transaction, so nothing was written.
 * Answers how many were marked.
 */
export async function failAbandonedJobs(
  db: Db,
  live: readonly number[],
  staleAfterMs: number,
): Promise<number> {
  const marked = await db
    .update(jobs)
    .set({
      status: "failed",
      errorCode: INTERRUPTED.code,
      errorVi: INTERRUPTED.message,
      errorEn: INTERRUPTED.message_en,
      finishedAt: sql`now()`,
    })
    .where(
      and(
        inArray(jobs.status, ["queued", "running"]),
        live.length > 0 ? notInArray(jobs.id, [...live]) : undefined,
        staleAfterMs > 0
          ? lt(jobs.heartbeatAt, sql`now() - make_interval(secs => ${staleAfterMs / 1000})`)
          : undefined,
      ),
    )
    .returning({ id: jobs.id });
  return marked.length;
}
