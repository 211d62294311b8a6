import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { forms } from "./reporting.ts";
import { users } from "./users.ts";

/**
 * Thông báo: one notice to one user, in-app. `key` (kind, form, period, unit, recipient, step)
 * is unique, so a notice is stored once however many sweeps or servers make it. The words are
 * kept as they were sent, in both languages.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: serial("id").primaryKey(),
    key: text("key").notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    formCode: text("form_code"),
    period: text("period"),
    unitCode: text("unit_code"),
    titleVi: text("title_vi").notNull(),
    bodyVi: text("body_vi").notNull(),
    titleEn: text("title_en").notNull(),
    bodyEn: text("body_en").notNull(),
    mandatory: boolean("mandatory").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("notifications_key_uq").on(t.key), index("notifications_user_idx").on(t.userId, t.id)],
);

/**
 * The e-mail of a notice: `pending` until a server claims it (`sending`, with a lease), then
 * `delivered`, or back to `pending` with a later `nextAttemptAt` after a transient failure, or
 * `failed` with the reason. A claim whose lease ran out (its server died) is taken again.
 */
export const notificationEmails = pgTable(
  "notification_emails",
  {
    id: serial("id").primaryKey(),
    notificationId: integer("notification_id")
      .notNull()
      .references(() => notifications.id, { onDelete: "cascade" }),
    address: text("address").notNull(),
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull(),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    lastError: text("last_error"),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("notification_emails_notification_uq").on(t.notificationId),
    index("notification_emails_due_idx").on(t.status, t.nextAttemptAt),
    check("notification_emails_status_ck", sql`${t.status} in ('pending', 'sending', 'delivered', 'failed')`),
  ],
);

/**
 * A user's choices: e-mail on or off, and the non-mandatory kinds muted. The address itself is
 * the user's (`users.email`), the one the users import and the admin set.
 */
export const userNoticeSettings = pgTable("user_notice_settings", {
  userId: integer("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  emailEnabled: boolean("email_enabled").notNull().default(true),
  muted: text("muted").array().notNull().default(sql`'{}'::text[]`),
});

/** A form's reminder offsets and escalation days; a form without a row uses the defaults. */
export const formNoticeSettings = pgTable(
  "form_notice_settings",
  {
    formId: integer("form_id")
      .primaryKey()
      .references(() => forms.id, { onDelete: "cascade" }),
    remindDaysBefore: integer("remind_days_before").array().notNull(),
    escalateAfterDays: integer("escalate_after_days").notNull(),
    escalateProvinceAfterDays: integer("escalate_province_after_days").notNull(),
  },
  (t) => [
    check(
      "form_notice_settings_days_ck",
      sql`${t.escalateAfterDays} between 0 and 366 and ${t.escalateProvinceAfterDays} between 0 and 366`,
    ),
  ],
);

/**
 * The province's outgoing webhook (one row, id 1): every notice stored is also POSTed there as
 * JSON signed with HMAC-SHA256 of `secret`. The secret is never answered in full.
 */
export const noticeWebhook = pgTable(
  "notice_webhook",
  {
    id: integer("id").primaryKey(),
    url: text("url").notNull(),
    secret: text("secret").notNull(),
    enabled: boolean("enabled").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [check("notice_webhook_one_ck", sql`${t.id} = 1`)],
);

/** A notice's webhook delivery: the same states, claims, leases and back-off as its e-mail. */
export const notificationWebhooks = pgTable(
  "notification_webhooks",
  {
    id: serial("id").primaryKey(),
    notificationId: integer("notification_id")
      .notNull()
      .references(() => notifications.id, { onDelete: "cascade" }),
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull(),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    lastError: text("last_error"),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("notification_webhooks_notification_uq").on(t.notificationId),
    index("notification_webhooks_due_idx").on(t.status, t.nextAttemptAt),
    check(
      "notification_webhooks_status_ck",
      sql`${t.status} in ('pending', 'sending', 'delivered', 'failed')`,
    ),
  ],
);
