import { sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { outsideQuietHours } from "../domain/notices/index.ts";

/** A claimed e-mail whose server died is taken again after this long. */
export const LEASE_MS = 5 * 60_000;
/** Attempts before an e-mail is failed for good. */
export const MAX_ATTEMPTS = 5;
/** Wait before attempt 2, 3, 4, 5 (minutes): back-off after a transient failure. */
export const BACKOFF_MINUTES = [1, 5, 30, 120];

/** What sends one message: nodemailer's SMTP transport in the server, the same in the tests. */
export interface MailTransport {
  sendMail(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    messageId: string;
  }): Promise<unknown>;
}

export interface Mailer {
  transport: MailTransport;
  from: string;
}

/** An SMTP transport from a URL: `smtp://user:pass@host:587`, `smtps://host:465`. */
export function smtpMailer(url: string, from: string): Mailer {
  return { transport: nodemailer.createTransport(url), from };
}

interface Claimed {
  id: number;
  notificationId: number;
  address: string;
  attempts: number;
  subject: string;
  body: string;
}

/**
 * Claims up to `limit` e-mails due at `now`: pending ones whose time has come, and ones claimed by
 * a server whose lease ran out. `for update skip locked` lets servers claim side by side without
 * ever taking the same row.
 */
async function claim(db: Conn, now: Date, limit: number): Promise<Claimed[]> {
  const lease = new Date(now.getTime() + LEASE_MS);
  return queryRows<Claimed>(
    db,
    sql`with c as (
          select id from notification_emails
          where (status = 'pending' and next_attempt_at <= ${now})
             or (status = 'sending' and lease_until < ${now})
          order by id limit ${limit} for update skip locked
        ), e as (
          update notification_emails e set status = 'sending', attempts = e.attempts + 1, lease_until = ${lease}
          from c where e.id = c.id
          returning e.id, e.notification_id, e.address, e.attempts
        )
        select e.id, e.notification_id as "notificationId", e.address, e.attempts,
               case when u.locale = 'en' then n.title_en else n.title_vi end as subject,
               case when u.locale = 'en' then n.body_en else n.body_vi end as body
        from e join notifications n on n.id = e.notification_id join users u on u.id = n.user_id
        order by e.id`,
  );
}

async function settle(db: Conn, id: number, changes: Record<string, unknown>): Promise<void> {
  const set = sql.join(
    Object.entries(changes).map(([column, value]) => sql`${sql.identifier(column)} = ${value}`),
    sql`, `,
  );
  await db.execute(sql`update notification_emails set ${set} where id = ${id} and status = 'sending'`);
}

/** A 5xx answer from the SMTP server will not change on a retry. */
function permanent(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

export interface SendTally {
  delivered: number;
  retried: number;
  failed: number;
}

/**
 * Sends the e-mails due at `now`, batch after batch, each ending delivered, back to pending with
 * a later attempt (back-off, never in the quiet hours), or failed with the reason. Nothing is
 * sent in the quiet hours.
 */
export async function sendDueEmails(db: Conn, mailer: Mailer, now: Date, batch = 50): Promise<SendTally> {
  const tally: SendTally = { delivered: 0, retried: 0, failed: 0 };
  if (outsideQuietHours(now).getTime() !== now.getTime()) return tally;
  for (;;) {
    const claimed = await claim(db, now, batch);
    if (claimed.length === 0) return tally;
    for (const e of claimed) {
      try {
        await mailer.transport.sendMail({
          from: mailer.from,
          to: e.address,
          subject: e.subject,
          text: e.body,
          messageId: `<notice-${e.notificationId}@chiso>`,
        });
        await settle(db, e.id, { status: "delivered", delivered_at: now, last_error: null });
        tally.delivered++;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        if (permanent(error) || e.attempts >= MAX_ATTEMPTS) {
          await settle(db, e.id, { status: "failed", last_error: reason });
          tally.failed++;
        } else {
          const wait = (BACKOFF_MINUTES[e.attempts - 1] ?? 120) * 60_000;
          const next = outsideQuietHours(new Date(now.getTime() + wait));
          await settle(db, e.id, { status: "pending", next_attempt_at: next, last_error: reason });
          tally.retried++;
        }
      }
    }
  }
}
