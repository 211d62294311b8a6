import { sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { outsideQuietHours } from "../domain/notices/index.ts";
import { deliverDue, type SendTally } from "./outbox.ts";

export { BACKOFF_MINUTES, LEASE_MS, MAX_ATTEMPTS, type SendTally } from "./outbox.ts";

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

interface Message {
  address: string;
  subject: string;
  body: string;
}

/** The address and the words of a claimed e-mail, in its user's language. */
async function messageOf(db: Conn, id: number): Promise<Message> {
  const [m] = await queryRows<Message>(
    db,
    sql`select e.address,
               case when u.locale = 'en' then n.title_en else n.title_vi end as subject,
               case when u.locale = 'en' then n.body_en else n.body_vi end as body
        from notification_emails e join notifications n on n.id = e.notification_id
        join users u on u.id = n.user_id where e.id = ${id}`,
  );
  if (!m) throw new Error(`no e-mail ${id}`);
  return m;
}

/** A 5xx answer from the SMTP server will not change on a retry. */
function permanent(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

/**
 * Sends the e-mails due at `now`, batch after batch, each ending delivered, back to pending with
 * a later attempt (back-off, never in the quiet hours), or failed with the reason. Nothing is
 * sent in the quiet hours.
 */
export async function sendDueEmails(db: Conn, mailer: Mailer, now: Date, batch = 50): Promise<SendTally> {
  if (outsideQuietHours(now).getTime() !== now.getTime()) return { delivered: 0, retried: 0, failed: 0 };
  return deliverDue(
    db,
    {
      table: "notification_emails",
      permanent,
      retryAt: outsideQuietHours,
      deliver: async (e) => {
        const m = await messageOf(db, e.id);
        await mailer.transport.sendMail({
          from: mailer.from,
          to: m.address,
          subject: m.subject,
          text: m.body,
          messageId: `<notice-${e.notificationId}@chiso>`,
        });
      },
    },
    now,
    batch,
  );
}
