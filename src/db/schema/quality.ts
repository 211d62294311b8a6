import { sql } from "drizzle-orm";
import { check, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./users.ts";

/**
 * Theo dõi cảnh báo chất lượng: what became of a flagged value — confirmed as true (with a
 * note why) or corrected in the report — with who said so and when. One row per report and
 * metric; the audit log keeps every change. No foreign key to data_values: the value may be
 * corrected away, the follow-up stays.
 */
export const qualityFollowUps = pgTable(
  "quality_follow_ups",
  {
    submissionId: integer("submission_id").notNull(),
    metricId: integer("metric_id").notNull(),
    status: text("status").notNull(),
    note: text("note"),
    byUser: integer("by_user").references(() => users.id),
    byName: text("by_name").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.submissionId, t.metricId] }),
    check("quality_follow_ups_status_ck", sql`${t.status} in ('confirmed', 'corrected')`),
  ],
);
