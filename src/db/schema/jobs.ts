import { sql } from "drizzle-orm";
import { bigserial, check, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { bytea } from "./columns.ts";
import { users } from "./users.ts";

/**
 * Công việc chạy nền: an import or a report build that runs after its request has answered.
 * The server that accepts a job runs it and writes its progress here; `runner` names that
 * process and `heartbeatAt` says it is still alive, so a job whose process died is marked
 * failed instead of showing "running" forever.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    kind: text("kind").notNull(),
    status: text("status").notNull().default("queued"),
    progressDone: integer("progress_done").notNull().default(0),
    progressTotal: integer("progress_total").notNull().default(0),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    /** The roles and units the creator held when the job was accepted: the authority it runs with. */
    scope: jsonb("scope").notNull(),
    /** What was asked: file name, format, form, dry run… (the uploaded file itself stays in memory). */
    params: jsonb("params").notNull(),
    /** The import summary, or the built report's metadata. */
    result: jsonb("result"),
    fileBytes: bytea("file_bytes"),
    fileName: text("file_name"),
    contentType: text("content_type"),
    errorCode: text("error_code"),
    errorVi: text("error_vi"),
    errorEn: text("error_en"),
    runner: text("runner"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("jobs_creator_idx").on(t.createdBy, t.id),
    index("jobs_open_idx").on(t.status).where(sql`${t.status} in ('queued', 'running')`),
    check("jobs_kind_ck", sql`${t.kind} in ('import', 'report')`),
    check("jobs_status_ck", sql`${t.status} in ('queued', 'running', 'succeeded', 'failed')`),
  ],
);
