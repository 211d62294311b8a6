import { type SQL, sql } from "drizzle-orm";
import type { Actor } from "../audit/audit.ts";
import { recordAudit } from "../audit/audit.ts";
import { intArray } from "../db/arrays.ts";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { outsideQuietHours } from "../domain/notices/index.ts";
import { AppError, notFound } from "../errors/app-error.ts";
import type { LogEntry } from "./admin-schema.ts";
import { noticeSettings } from "./store.ts";

export interface LogFilter {
  status?: LogEntry["status"];
  kind?: string;
  form?: string;
  unit?: string;
  userId?: number;
  /** The users whose notices the caller may read (an admin below the province: those it manages). */
  managed: "all" | number[];
}

/** A notice's delivery state from its e-mail's: none or delivered is sent (in-app is sent when stored). */
const state = sql`case when e.id is null or e.status = 'delivered' then 'sent'
                       when e.status = 'failed' then 'failed' else 'pending' end`;

function where(f: LogFilter): SQL {
  const parts: SQL[] = [sql`true`];
  if (f.managed !== "all") parts.push(sql`n.user_id = any(${intArray(f.managed)}::int[])`);
  if (f.status) parts.push(sql`${state} = ${f.status}`);
  if (f.kind) parts.push(sql`n.kind = ${f.kind}`);
  if (f.form) parts.push(sql`n.form_code = ${f.form}`);
  if (f.unit) parts.push(sql`n.unit_code = ${f.unit}`);
  if (f.userId !== undefined) parts.push(sql`n.user_id = ${f.userId}`);
  return sql.join(parts, sql` and `);
}

interface LogRow {
  id: number;
  kind: LogEntry["kind"];
  userId: number;
  username: string;
  displayName: string;
  form: string | null;
  period: string | null;
  unit: string | null;
  title: string;
  titleEn: string;
  createdAt: Date | string;
  readAt: Date | string | null;
  status: LogEntry["status"];
  emailId: number | null;
  address: string | null;
  emailStatus: NonNullable<LogEntry["email"]>["status"] | null;
  attempts: number | null;
  nextAttemptAt: Date | string | null;
  deliveredAt: Date | string | null;
  lastError: string | null;
}

const iso = (d: Date | string) => new Date(d).toISOString();

function entry(r: LogRow): LogEntry {
  return {
    id: r.id,
    kind: r.kind,
    recipient: { id: r.userId, username: r.username, displayName: r.displayName },
    form: r.form,
    period: r.period,
    unit: r.unit,
    title: r.title,
    title_en: r.titleEn,
    createdAt: iso(r.createdAt),
    readAt: r.readAt === null ? null : iso(r.readAt),
    status: r.status,
    email:
      r.emailId === null || r.address === null || r.emailStatus === null || r.nextAttemptAt === null
        ? null
        : {
            address: r.address,
            status: r.emailStatus,
            attempts: r.attempts ?? 0,
            nextAttemptAt: iso(r.nextAttemptAt),
            deliveredAt: r.deliveredAt === null ? null : iso(r.deliveredAt),
            lastError: r.lastError,
          },
  };
}

const from = sql`from notifications n join users u on u.id = n.user_id
                 left join notification_emails e on e.notification_id = n.id`;

const columns = sql`select n.id, n.kind, n.user_id as "userId", u.username, u.display_name as "displayName",
       n.form_code as form, n.period, n.unit_code as unit, n.title_vi as title, n.title_en as "titleEn",
       n.created_at as "createdAt", n.read_at as "readAt", ${state} as status,
       e.id as "emailId", e.address, e.status as "emailStatus", e.attempts,
       e.next_attempt_at as "nextAttemptAt", e.delivered_at as "deliveredAt", e.last_error as "lastError"
       ${from}`;

/** Nhật ký gửi: the notices stored, newest first, with their delivery; and how many match. */
export async function sentLog(
  conn: Conn,
  f: LogFilter,
  page: { limit: number; offset: number },
): Promise<{ items: LogEntry[]; total: number }> {
  const rows = await queryRows<LogRow>(
    conn,
    sql`${columns} where ${where(f)} order by n.id desc limit ${page.limit} offset ${page.offset}`,
  );
  const [count] = await queryRows<{ total: number }>(
    conn,
    sql`select count(*)::int as total ${from} where ${where(f)}`,
  );
  return { items: rows.map(entry), total: count?.total ?? 0 };
}

/** One notice of the log, when the caller may read it; 404 otherwise. */
export async function logEntry(conn: Conn, id: number, managed: "all" | number[]): Promise<LogEntry> {
  const rows = await queryRows<LogRow>(conn, sql`${columns} where n.id = ${id} and ${where({ managed })}`);
  const [row] = rows;
  if (!row) throw notFound("thông báo", "notice", String(id));
  return entry(row);
}

/**
 * Gửi lại: queues the notice's e-mail again, to the user's address of now, from the next instant
 * outside the quiet hours, with its attempts counted afresh; audited. 409 while a server is
 * sending it, or when the user has no address or turned e-mail off.
 */
export async function resend(
  db: Conn,
  actor: Actor,
  id: number,
  managed: "all" | number[],
  now: Date,
): Promise<LogEntry> {
  return db.transaction(async (tx) => {
    const before = await logEntry(tx, id, managed);
    if (before.email?.status === "sending") throw new AppError("NOTICE_BEING_SENT", { id });
    const s = (await noticeSettings(tx, [before.recipient.id])).get(before.recipient.id);
    if (!s?.email || !s.emailEnabled)
      throw new AppError("NOTICE_NO_ADDRESS", { user: before.recipient.username });
    const next = outsideQuietHours(now);
    await tx.execute(
      sql`insert into notification_emails (notification_id, address, status, attempts, next_attempt_at)
          values (${id}, ${s.email}, 'pending', 0, ${next})
          on conflict (notification_id) do update set address = excluded.address, status = 'pending',
            attempts = 0, next_attempt_at = excluded.next_attempt_at, lease_until = null,
            last_error = null, delivered_at = null`,
    );
    const after = await logEntry(tx, id, managed);
    await recordAudit(tx, actor, {
      action: "resend",
      objectType: "notification",
      objectId: id,
      before: before.email,
      after: after.email,
    });
    return after;
  });
}
