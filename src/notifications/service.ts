import { eq } from "drizzle-orm";
import type { Actor } from "../audit/audit.ts";
import { recordAudit } from "../audit/audit.ts";
import type { Conn } from "../db/client.ts";
import { userNoticeSettings } from "../db/schema/index.ts";
import { nfc } from "../domain/format/index.ts";
import type { SettingsBody } from "./schema.ts";

const DEFAULTS: SettingsBody = { email: null, emailEnabled: true, muted: [] };

/** A user's address and choices (the defaults until they set them). */
export async function settingsOf(conn: Conn, userId: number): Promise<SettingsBody> {
  const [row] = await conn.select().from(userNoticeSettings).where(eq(userNoticeSettings.userId, userId));
  return row ? { email: row.email, emailEnabled: row.emailEnabled, muted: row.muted } : DEFAULTS;
}

/** Saves a user's own address and choices, audited in the same transaction. */
export async function saveSettings(
  db: Conn,
  actor: Actor,
  userId: number,
  body: SettingsBody,
): Promise<SettingsBody> {
  const next = {
    ...body,
    email: body.email === null ? null : nfc(body.email.trim()),
    muted: [...new Set(body.muted)],
  };
  return db.transaction(async (tx) => {
    const before = await settingsOf(tx, userId);
    await tx
      .insert(userNoticeSettings)
      .values({ userId, ...next })
      .onConflictDoUpdate({ target: userNoticeSettings.userId, set: next });
    await recordAudit(tx, actor, {
      action: "update",
      objectType: "notice_settings",
      objectId: userId,
      before,
      after: next,
    });
    return next;
  });
}
