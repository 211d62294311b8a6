import { z } from "zod";
import { MANDATORY_KINDS, NOTICE_KINDS } from "../domain/notices/index.ts";

const flag = z.enum(["true", "false"]).transform((v) => v === "true");

export const listQuery = z.object({
  /** Only the notices not read yet. */
  unread: flag.default(false),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Paging: notices older than this id. */
  before: z.coerce.number().int().min(1).optional(),
});

export const notificationOut = z.object({
  id: z.number(),
  kind: z.enum(NOTICE_KINDS as [string, ...string[]]),
  form: z.string().nullable(),
  period: z.string().nullable(),
  unit: z.string().nullable(),
  title: z.string(),
  title_en: z.string(),
  body: z.string(),
  body_en: z.string(),
  /** Always delivered in-app (a report returned, overdue). */
  mandatory: z.boolean(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export type NotificationOut = z.infer<typeof notificationOut>;

/** `total`: the notices the filter matches (`unread` or all), on every page. */
export const listOut = z.object({ items: z.array(notificationOut), unread: z.number(), total: z.number() });
export const unreadOut = z.object({ unread: z.number() });

export const markReadBody = z.object({
  /** The notices to mark read; left out: all of the caller's. */
  ids: z.array(z.number().int().min(1)).max(500).optional(),
});
export const markReadOut = z.object({ changed: z.number(), unread: z.number() });

const optional = NOTICE_KINDS.filter((k) => !MANDATORY_KINDS.includes(k));

export const settingsBody = z.object({
  email: z.email("Địa chỉ thư điện tử không hợp lệ|Not a valid e-mail address").max(254).nullable(),
  emailEnabled: z.boolean(),
  /** Kinds the user does not want; the mandatory ones (returned, overdue) cannot be muted. */
  muted: z.array(
    z.enum(optional as [string, ...string[]], {
      message: "Không thể tắt loại thông báo này|This kind of notice cannot be turned off",
    }),
  ),
});
export type SettingsBody = z.infer<typeof settingsBody>;
