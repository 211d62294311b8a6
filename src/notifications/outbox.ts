import { sql } from "drizzle-orm";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";

/** A claimed delivery whose server died is taken again after this long. */
export const LEASE_MS = 5 * 60_000;
/** Attempts before a delivery is failed for good. */
export const MAX_ATTEMPTS = 5;
/** Wait before attempt 2, 3, 4, 5 (minutes): back-off after a transient failure. */
export const BACKOFF_MINUTES = [1, 5, 30, 120];

/** The tables of deliveries of a notice, one per channel, alike in their states and claims. */
export type Outbox = "notification_emails" | "notification_webhooks";

export interface Claimed {
  id: number;
  notificationId: number;
  attempts: number;
}

export interface SendTally {
  delivered: number;
  retried: number;
  failed: number;
}

/**
 * Claims up to `limit` deliveries due at `now`: pending ones whose time has come, and ones claimed
 * by a server whose lease ran out. `for update skip locked` lets servers claim side by side
 * without ever taking the same row.
 */
async function claim(db: Conn, table: Outbox, now: Date, limit: number): Promise<Claimed[]> {
  const lease = new Date(now.getTime() + LEASE_MS);
  const t = sql.identifier(table);
  return queryRows<Claimed>(
    db,
    sql`with c as (
          select id from ${t}
          where (status = 'pending' and next_attempt_at <= ${now})
             or (status = 'sending' and lease_until < ${now})
          order by id limit ${limit} for update skip locked
        )
        update ${t} d set status = 'sending', attempts = d.attempts + 1, lease_until = ${lease}
        from c where d.id = c.id
        returning d.id, d.notification_id as "notificationId", d.attempts`,
  );
}

async function settle(db: Conn, table: Outbox, id: number, changes: Record<string, unknown>): Promise<void> {
  const set = sql.join(
    Object.entries(changes).map(([column, value]) => sql`${sql.identifier(column)} = ${value}`),
    sql`, `,
  );
  await db.execute(sql`update ${sql.identifier(table)} set ${set} where id = ${id} and status = 'sending'`);
}

export interface Channel {
  table: Outbox;
  /** Sends one delivery; throws on failure. */
  deliver(claimed: Claimed): Promise<void>;
  /** A failure a retry will not mend (a 5xx SMTP answer, a 4xx HTTP one). */
  permanent(error: unknown): boolean;
  /** When a retry after `waitMs` may happen (e-mail: never in the quiet hours). */
  retryAt(at: Date): Date;
}

/**
 * Sends the deliveries of `channel` due at `now`, batch after batch, each ending delivered, back
 * to pending with a later attempt (back-off), or failed with the reason.
 */
export async function deliverDue(db: Conn, channel: Channel, now: Date, batch = 50): Promise<SendTally> {
  const tally: SendTally = { delivered: 0, retried: 0, failed: 0 };
  for (;;) {
    const claimed = await claim(db, channel.table, now, batch);
    if (claimed.length === 0) return tally;
    for (const c of claimed) {
      try {
        await channel.deliver(c);
        await settle(db, channel.table, c.id, { status: "delivered", delivered_at: now, last_error: null });
        tally.delivered++;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        if (channel.permanent(error) || c.attempts >= MAX_ATTEMPTS) {
          await settle(db, channel.table, c.id, { status: "failed", last_error: reason });
          tally.failed++;
        } else {
          const wait = (BACKOFF_MINUTES[c.attempts - 1] ?? 120) * 60_000;
          const next = channel.retryAt(new Date(now.getTime() + wait));
          await settle(db, channel.table, c.id, {
            status: "pending",
            next_attempt_at: next,
            last_error: reason,
          });
          tally.retried++;
        }
      }
    }
  }
}
