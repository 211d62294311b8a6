import { z } from "zod";

export const webhookBody = z.object({
  /** Where each notice is POSTed (http or https). */
  url: z
    .url({
      protocol: /^https?$/,
      message: "Cần một địa chỉ http hoặc https|An http or https address is needed",
    })
    .max(2000),
  /** The HMAC key; left out, the stored one is kept. Never answered back. */
  secret: z
    .string()
    .min(16, "Khóa bí mật cần ít nhất 16 ký tự|The secret needs at least 16 characters")
    .max(200)
    .optional(),
  enabled: z.boolean(),
});
export type WebhookBody = z.infer<typeof webhookBody>;

export const webhookOut = z.object({
  url: z.string().nullable(),
  enabled: z.boolean(),
  /** The secret's last 4 characters, to recognise it; null without a webhook. */
  secretEnd: z.string().nullable(),
});
export type WebhookOut = z.infer<typeof webhookOut>;
