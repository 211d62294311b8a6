import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { units } from "./units.ts";

export const role = pgEnum("role", ["admin", "reporter", "approver", "viewer", "appraiser"]);

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    /** argon2id PHC string; null until the user sets one through a password link (users import). */
    passwordHash: text("password_hash"),
    email: text("email"),
    locale: text("locale").notNull().default("vi"),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_username_uq").on(t.username)],
);

/** A role held over a unit and its subtree. */
export const userGrants = pgTable(
  "user_grants",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: role("role").notNull(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
  },
  (t) => [uniqueIndex("user_grants_uq").on(t.userId, t.role, t.unitId)],
);

/** Server-side sessions; the cookie carries a random token, the table its SHA-256. */
export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Personal API tokens, sent as `Authorization: Bearer`; stored hashed. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("api_tokens_hash_uq").on(t.tokenHash)],
);

/**
 * One-time password-setting links (users import, or an admin's fresh link): the link carries a
 * random token, the table its SHA-256; used once, before it expires.
 */
export const passwordLinks = pgTable(
  "password_links",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("password_links_hash_uq").on(t.tokenHash),
    index("password_links_user_idx").on(t.userId),
  ],
);

/** Failed logins, kept in the database so several servers share one limit. */
export const loginFailures = pgTable(
  "login_failures",
  {
    id: serial("id").primaryKey(),
    username: text("username").notNull(),
    ip: text("ip").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("login_failures_user_idx").on(t.username, t.at),
    index("login_failures_ip_idx").on(t.ip, t.at),
  ],
);

/**
 * The request limits' token buckets on PostgreSQL, shared by every server of one database
 * (src/http/limit-store.ts): tokens left and when they were counted (the servers' clock, ms).
 */
export const requestLimits = pgTable("request_limits", {
  key: text("key").primaryKey(),
  tokens: doublePrecision("tokens").notNull(),
  atMs: bigint("at_ms", { mode: "number" }).notNull(),
  /** Whether the last request counted was let through (what the atomic upsert returns). */
  granted: boolean("granted").notNull(),
});
