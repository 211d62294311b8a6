import { createHmac } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Actor } from "../audit/audit.ts";
import { recordAudit } from "../audit/audit.ts";
import { intArray } from "../db/arrays.ts";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { noticeWebhook } from "../db/schema/index.ts";
import { fieldIssue, invalid } from "../errors/app-error.ts";
import { deliverDue, type SendTally } from "./outbox.ts";
import type { WebhookBody, WebhookOut } from "./webhook-schema.ts";

/** The header carrying the signature: `sha256=` and the hex HMAC-SHA256 of the body with the secret. */
export const SIGNATURE_HEADER = "X-Chiso-Signature";
/** A receiver that does not answer within this long is retried later. */
const TIMEOUT_MS = 10_000;

/** `sha256=<hex>`: the HMAC-SHA256 of `body` keyed with `secret`. */
export function signature(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

interface Config {
  url: string;
  secret: string;
  enabled: boolean;
}

export async function webhookConfig(conn: Conn): Promise<Config | null> {
  const [row] = await conn.select().from(noticeWebhook).where(eq(noticeWebhook.id, 1));
  return row ?? null;
}

/** The webhook as an admin reads it: the secret's last 4 characters only. */
export async function webhookOf(conn: Conn): Promise<WebhookOut> {
  const c = await webhookConfig(conn);
  return c
    ? { url: c.url, enabled: c.enabled, secretEnd: c.secret.slice(-4) }
    : { url: null, enabled: false, secretEnd: null };
}

/** Saves the webhook (a secret left out keeps the one stored), audited without the secret. */
export async function saveWebhook(db: Conn, actor: Actor, body: WebhookBody, now: Date): Promise<WebhookOut> {
  return db.transaction(async (tx) => {
    const before = await webhookOf(tx);
    const secret = body.secret ?? (await webhookConfig(tx))?.secret;
    if (!secret) throw missingSecret();
    const values = { url: body.url, secret, enabled: body.enabled, updatedAt: now };
    await tx
      .insert(noticeWebhook)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: noticeWebhook.id, set: values });
    const after = await webhookOf(tx);
    await recordAudit(tx, actor, { action: "update", objectType: "webhook", objectId: 1, before, after });
    return after;
  });
}

function missingSecret() {
  return invalid(
    fieldIssue("body.secret", "Cần khóa bí mật cho webhook mới", "A new webhook needs a secret"),
  );
}

/** Queues the webhook delivery of each notice just stored, when a webhook is on. */
export async function queueWebhooks(conn: Conn, notificationIds: number[], now: Date): Promise<void> {
  if (notificationIds.length === 0) return;
  const c = await webhookConfig(conn);
  if (!c?.enabled) return;
  await conn.execute(
    sql`insert into notification_webhooks (notification_id, next_attempt_at)
        select unnest(${intArray(notificationIds)}::int[]), ${now} on conflict do nothing`,
  );
}

interface Payload {
  id: number;
  kind: string;
  form: string | null;
  period: string | null;
  unit: string | null;
  recipient: { id: number; username: string };
  title: string;
  title_en: string;
  body: string;
  body_en: string;
  mandatory: boolean;
  createdAt: string;
}

async function payloadOf(conn: Conn, notificationId: number): Promise<Payload> {
  const [r] = await queryRows<
    Omit<Payload, "recipient" | "createdAt"> & { userId: number; username: string; createdAt: Date | string }
  >(
    conn,
    sql`select n.id, n.kind, n.form_code as form, n.period, n.unit_code as unit, n.user_id as "userId",
               u.username, n.title_vi as title, n.title_en, n.body_vi as body, n.body_en, n.mandatory,
               n.created_at as "createdAt"
        from notifications n join users u on u.id = n.user_id where n.id = ${notificationId}`,
  );
  if (!r) throw new Error(`no notice ${notificationId}`);
  const { userId, username, createdAt, ...rest } = r;
  return { ...rest, recipient: { id: userId, username }, createdAt: new Date(createdAt).toISOString() };
}

class HttpError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

/** A 4xx answer (but 408 and 429) will not change on a retry; 5xx, timeouts and refusals may. */
function permanent(error: unknown): boolean {
  return (
    error instanceof HttpError &&
    error.status >= 400 &&
    error.status < 500 &&
    ![408, 429].includes(error.status)
  );
}

/**
 * POSTs each notice due to the webhook as JSON, signed (`X-Chiso-Signature: sha256=…`), with the
 * e-mails' claims, leases and back-off (src/notifications/outbox.ts): once across servers, ending
 * delivered (a 2xx answer) or failed with the reason. Nothing is sent while the webhook is off.
 */
export async function sendDueWebhooks(db: Conn, now: Date, batch = 50): Promise<SendTally> {
  const c = await webhookConfig(db);
  if (!c?.enabled) return { delivered: 0, retried: 0, failed: 0 };
  return deliverDue(
    db,
    {
      table: "notification_webhooks",
      permanent,
      retryAt: (at) => at,
      deliver: async (d) => {
        const body = JSON.stringify(await payloadOf(db, d.notificationId));
        const res = await fetch(c.url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            [SIGNATURE_HEADER]: signature(c.secret, body),
            "X-Chiso-Delivery": String(d.id),
          },
          body,
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        await res.body?.cancel();
        if (!res.ok) throw new HttpError(res.status);
      },
    },
    now,
    batch,
  );
}
