import { eq } from "drizzle-orm";
import type { Actor } from "../audit/audit.ts";
import { recordAudit } from "../audit/audit.ts";
import type { Conn } from "../db/client.ts";
import { formNoticeSettings } from "../db/schema/index.ts";
import { DEFAULT_SETTINGS } from "../domain/notices/index.ts";
import { formId } from "../forms/service.ts";
import type { FormSettingsBody, FormSettingsOut } from "./admin-schema.ts";

/** A form's reminder offsets and escalation days: its own row, or the defaults (3 and 1, 3, 7). */
export async function formSettingsOf(conn: Conn, code: string): Promise<FormSettingsOut> {
  const id = await formId(conn, code);
  const [row] = await conn.select().from(formNoticeSettings).where(eq(formNoticeSettings.formId, id));
  const s = row ?? DEFAULT_SETTINGS;
  return {
    form: code,
    remindDaysBefore: [...s.remindDaysBefore],
    escalateAfterDays: s.escalateAfterDays,
    escalateProvinceAfterDays: s.escalateProvinceAfterDays,
    isDefault: row === undefined,
  };
}

/**
 * Saves a form's settings (the offsets largest first), audited in the same transaction. The
 * next sweep uses them; notices already stored stay as they are.
 */
export async function saveFormSettings(
  db: Conn,
  actor: Actor,
  code: string,
  body: FormSettingsBody,
): Promise<FormSettingsOut> {
  return db.transaction(async (tx) => {
    const before = await formSettingsOf(tx, code);
    const id = await formId(tx, code);
    const values = { ...body, remindDaysBefore: [...body.remindDaysBefore].sort((a, b) => b - a) };
    await tx
      .insert(formNoticeSettings)
      .values({ formId: id, ...values })
      .onConflictDoUpdate({ target: formNoticeSettings.formId, set: values });
    const after = await formSettingsOf(tx, code);
    await recordAudit(tx, actor, {
      action: "update",
      objectType: "form_notice_settings",
      objectId: code,
      before,
      after,
    });
    return after;
  });
}
