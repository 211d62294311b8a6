import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { submissionStatus } from "./reporting.ts";

/**
 * A background import's rows before its last step (issue 14.5, docs/jobs.md): written in short
 * transactions so that other requests get the database between them, read by nothing but the
 * import, moved to the live tables in one last transaction and then deleted. Unlogged: after a
 * crash the import is failed and its rows are deleted anyway.
 *
 * `job_key` is the transaction's `chiso.import_job` setting, so that COPY into these tables
 * takes the live tables' column lists unchanged.
 */
const jobKey = () => text("job_key").notNull().default(sql`current_setting('chiso.import_job')`);

/** The file's values as read, sorted later by report: idx is the value's index in the file. */
export const importEntries = pgTable(
  "import_entries",
  {
    jobKey: jobKey(),
    idx: integer("idx").notNull(),
    unit: text("unit").notNull(),
    period: text("period").notNull(),
    /** The data value as JSON text (text keeps what jsonb refuses, such as an escaped NUL). */
    value: text("value").notNull(),
  },
  (t) => [index("import_entries_report_idx").on(t.jobKey, t.unit, t.period, t.idx)],
);

/** New reports checked and waiting, with ids already taken from the reports' sequence. */
export const importStagedSubmissions = pgTable(
  "import_staged_submissions",
  {
    jobKey: jobKey(),
    id: integer("id").notNull(),
    formId: integer("form_id").notNull(),
    unitId: integer("unit_id").notNull(),
    period: text("period").notNull(),
    periodStart: date("period_start").notNull(),
    periodEnd: date("period_end").notNull(),
    dueDate: date("due_date").notNull(),
    status: submissionStatus("status").notNull(),
    version: integer("version").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    submittedBy: integer("submitted_by"),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    approvedBy: integer("approved_by"),
    late: boolean("late").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("import_staged_submissions_job_idx").on(t.jobKey)],
);

/** The staged reports' values, as data_values holds them. */
export const importStagedValues = pgTable(
  "import_staged_values",
  {
    jobKey: jobKey(),
    submissionId: integer("submission_id").notNull(),
    metricId: integer("metric_id").notNull(),
    unitId: integer("unit_id").notNull(),
    period: text("period").notNull(),
    periodStart: date("period_start").notNull(),
    periodEnd: date("period_end").notNull(),
    value: doublePrecision("value"),
    textValue: text("text_value"),
    comment: text("comment"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("import_staged_values_job_idx").on(t.jobKey)],
);

/** The staged reports' audit rows, as audit_log holds them. */
export const importStagedAudit = pgTable(
  "import_staged_audit",
  {
    jobKey: jobKey(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    actorUserId: integer("actor_user_id"),
    actorName: text("actor_name").notNull(),
    ip: text("ip"),
    action: text("action").notNull(),
    objectType: text("object_type").notNull(),
    objectId: text("object_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [index("import_staged_audit_job_idx").on(t.jobKey)],
);
