import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
} from "drizzle-orm/pg-core";

/**
 * Nhật ký: one row per write, inserted in the same transaction as the change.
 * A trigger in the migration refuses UPDATE and DELETE on this table.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    /** Null for the system itself (migrations, the demo loader run from the CLI). */
    actorUserId: integer("actor_user_id"),
    actorName: text("actor_name").notNull(),
    ip: text("ip"),
    action: text("action").notNull(),
    objectType: text("object_type").notNull(),
    objectId: text("object_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [
    index("audit_object_idx").on(t.objectType, t.objectId),
    index("audit_actor_idx").on(t.actorUserId, t.at),
    index("audit_at_idx").on(t.at),
  ],
);

/**
 * Phiên bản dữ liệu: one row whose counter goes up once per committed transaction that wrote
 * audited data. Bumped by a deferred trigger on audit_log at commit (migration 0012), so it
 * follows commit order: a transaction that drew a lower audit id but commits later still moves
 * it, which the newest audit id did not.
 */
export const dataVersion = pgTable(
  "data_version",
  {
    id: smallint("id").primaryKey().default(1),
    version: bigint("version", { mode: "number" }).notNull().default(0),
  },
  (t) => [check("data_version_one_row_ck", sql`${t.id} = 1`)],
);
