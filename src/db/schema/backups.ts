import { date, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Sao lưu định kỳ: one row per Vietnam day on which the scheduled backup is due. The server that
 * inserts the day's row (or takes over one whose attempt failed or whose server died, once
 * `retryAfter` has passed) makes the backup, so several servers on one database make one a day.
 */
export const scheduledBackups = pgTable("scheduled_backups", {
  /** The Vietnam date the backup is for. */
  day: date("day", { mode: "string" }).primaryKey(),
  /** The server process that claimed it (host:pid). */
  server: text("server").notNull(),
  claimedAt: timestamp("claimed_at", { withTimezone: true }).notNull(),
  /** Until when the claim holds: another server may take the day over after it, unless it finished. */
  retryAfter: timestamp("retry_after", { withTimezone: true }).notNull(),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
  /** The backup's file name in CHISO_BACKUP_DIR. */
  file: text("file"),
  /** Why the last attempt failed. */
  error: text("error"),
});
