import { z } from "zod";
import { NOTICE_KINDS } from "../domain/notices/index.ts";
import { pageQuery } from "../http/paging.ts";

const kind = z.enum(NOTICE_KINDS as [string, ...string[]]);
const recipient = z.object({ id: z.number(), username: z.string(), displayName: z.string() });

export const upcomingQuery = z.object({
  /** How many days ahead, today included (1–31, default 7). */
  days: z.coerce.number().int().min(1).max(31).default(7),
  kind: kind.optional(),
  form: z.string().max(50).optional(),
  ...pageQuery(100, 1000),
});

export const upcomingOut = z.array(
  z.object({
    /** The day (Việt Nam) of the first sweep that will make it. */
    day: z.string(),
    kind,
    recipient,
    form: z.string().nullable(),
    period: z.string().nullable(),
    unit: z.string().nullable(),
    units: z.array(z.string()),
    dueDate: z.string().nullable(),
    title: z.string(),
    title_en: z.string(),
  }),
);
export type UpcomingOut = z.infer<typeof upcomingOut>;

/** A notice's delivery: `pending` (its e-mail waits or is being sent), `sent`, `failed` (with the reason). */
export const deliveryStates = ["pending", "sent", "failed"] as const;

export const logQuery = z.object({
  status: z.enum(deliveryStates).optional(),
  kind: kind.optional(),
  form: z.string().max(50).optional(),
  unit: z.string().max(50).optional(),
  userId: z.coerce.number().int().positive().optional(),
  ...pageQuery(50, 500),
});

export const logEntryOut = z.object({
  id: z.number(),
  kind,
  recipient,
  form: z.string().nullable(),
  period: z.string().nullable(),
  unit: z.string().nullable(),
  title: z.string(),
  title_en: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  /** pending, sent or failed: in-app is sent when stored; with an e-mail, the e-mail's state. */
  status: z.enum(deliveryStates),
  /** The e-mail, when one was queued. */
  email: z
    .object({
      address: z.string(),
      status: z.enum(["pending", "sending", "delivered", "failed"]),
      attempts: z.number(),
      nextAttemptAt: z.string(),
      deliveredAt: z.string().nullable(),
      lastError: z.string().nullable(),
    })
    .nullable(),
});
export type LogEntry = z.infer<typeof logEntryOut>;

export const noticeIdParams = z.object({ id: z.coerce.number().int().positive() });

const days = () =>
  z
    .number({ message: "Cần một số ngày nguyên|A whole number of days is needed" })
    .int("Cần một số ngày nguyên|A whole number of days is needed")
    .min(0, "Số ngày không được âm|The days cannot be negative")
    .max(366, "Không quá 366 ngày|At most 366 days");

/** A form's reminder offsets and escalation days (thiết lập nhắc việc của biểu mẫu). */
const settingsFields = z.object({
  /** Days before the due date when reporters are reminded (distinct, 1–366, at most 10). */
  remindDaysBefore: z
    .array(
      z
        .number()
        .int("Cần một số ngày nguyên|A whole number of days is needed")
        .min(1, "Nhắc trước ít nhất 1 ngày|Remind at least 1 day before")
        .max(366, "Không quá 366 ngày|At most 366 days"),
    )
    .max(10, "Nhiều nhất 10 lần nhắc|At most 10 reminders"),
  /** Days after the due date when the approvers above get the units still late. */
  escalateAfterDays: days(),
  /** Days after the due date when the province's admins get them. */
  escalateProvinceAfterDays: days(),
});

export const formSettingsBody = settingsFields.superRefine((b, ctx) => {
  b.remindDaysBefore.forEach((d, i) => {
    if (b.remindDaysBefore.indexOf(d) !== i)
      ctx.addIssue({
        code: "custom",
        path: ["remindDaysBefore", i],
        message: "Số ngày nhắc bị lặp|This reminder day is repeated",
      });
  });
  if (b.escalateProvinceAfterDays < b.escalateAfterDays)
    ctx.addIssue({
      code: "custom",
      path: ["escalateProvinceAfterDays"],
      message:
        "Báo lên tỉnh không được sớm hơn báo lên cấp trên trực tiếp|The province cannot be told before the approvers above",
    });
});
export type FormSettingsBody = z.infer<typeof formSettingsBody>;

export const formSettingsOut = settingsFields.extend({
  form: z.string(),
  /** True when the form has no row of its own and uses the defaults (3 and 1, 3, 7). */
  isDefault: z.boolean(),
});
export type FormSettingsOut = z.infer<typeof formSettingsOut>;

export const formCodeParams = z.object({ code: z.string().max(50) });
