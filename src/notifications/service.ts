import { eq } from "drizzle-orm";
import type { Actor } from "../audit/audit.ts";
import { recordAudit } from "../audit/audit.ts";
import type { Conn } from "../db/client.ts";
import { userNoticeSettings, users } from "../db/schema/index.ts";
import { nfc } from "../domain/format/index.ts";
import type { SettingsBody } from "./schema.ts";
import { noticeSettings } from "./store.ts";

/** A user's address and choices (the defaults until they set them). */
export async function settingsOf(conn: Conn, userId: number): Promise<SettingsBody> {
  const found = (await noticeSettings(conn, [userId])).get(userId);
  return found ?? { email: null, emailEnabled: true, muted: [] };
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
    const choices = { emailEnabled: next.emailEnabled, muted: next.muted };
    await tx.update(users).set({ email: next.email }).where(eq(users.id, userId));
    await tx
      .insert(userNoticeSettings)
      .values({ userId, ...choices })
      .onConflictDoUpdate({ target: userNoticeSettings.userId, set: choices });
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
