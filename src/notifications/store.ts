import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Conn } from "../db/client.ts";
import { notificationEmails, notifications, userNoticeSettings, users } from "../db/schema/index.ts";
import {
  MANDATORY_KINDS,
  type Notice,
  type NoticeNames,
  noticeText,
  outsideQuietHours,
} from "../domain/notices/index.ts";
import type { NotificationOut } from "./schema.ts";
import { queueWebhooks } from "./webhook.ts";

const CHUNK = 500;

export interface NoticeSettings {
  /** The user's address (`users.email`). */
  email: string | null;
  emailEnabled: boolean;
  muted: string[];
}

/** Each user's address and choices, the defaults (e-mail on, nothing muted) until they set them. */
export async function noticeSettings(conn: Conn, userIds: number[]): Promise<Map<number, NoticeSettings>> {
  if (userIds.length === 0) return new Map();
  const rows = await conn
    .select({
      userId: users.id,
      email: users.email,
      emailEnabled: userNoticeSettings.emailEnabled,
      muted: userNoticeSettings.muted,
    })
    .from(users)
    .leftJoin(userNoticeSettings, eq(userNoticeSettings.userId, users.id))
    .where(inArray(users.id, userIds));
  return new Map(
    rows.map((r) => [
      r.userId,
      { email: r.email, emailEnabled: r.emailEnabled ?? true, muted: r.muted ?? [] },
    ]),
  );
}

/** The notices their users want: the mandatory kinds, and the others unless the user muted them. */
export function notMuted<T extends Pick<Notice, "kind" | "recipient">>(
  notices: T[],
  settings: Map<number, NoticeSettings>,
): T[] {
  return notices.filter(
    (n) => MANDATORY_KINDS.includes(n.kind) || !settings.get(n.recipient)?.muted.includes(n.kind),
  );
}

/**
 * Stores the notices not stored yet (their key is unique: a notice made twice, by two sweeps or
 * two servers, is stored once), leaving out the non-mandatory kinds a user muted, and queues the
 * e-mail of each new one whose user has an address and e-mail on (it waits outside the quiet
 * hours) and, when the province's webhook is on, its webhook delivery. Answers how many were new.
 */
export async function storeNotices(
  conn: Conn,
  notices: Notice[],
  names: NoticeNames,
  now: Date,
): Promise<number> {
  const settings = await noticeSettings(conn, [...new Set(notices.map((n) => n.recipient))]);
  const wanted = notMuted(notices, settings);
  let stored = 0;
  for (let i = 0; i < wanted.length; i += CHUNK) {
    const rows = wanted.slice(i, i + CHUNK).map((n) => {
      const vi = noticeText(n, names, "vi");
      const en = noticeText(n, names, "en");
      return {
        key: n.key,
        userId: n.recipient,
        kind: n.kind,
        formCode: n.form,
        period: n.period,
        unitCode: n.unit,
        titleVi: vi.title,
        bodyVi: vi.body,
        titleEn: en.title,
        bodyEn: en.body,
        mandatory: MANDATORY_KINDS.includes(n.kind),
        createdAt: now,
      };
    });
    const added = await conn
      .insert(notifications)
      .values(rows)
      .onConflictDoNothing({ target: notifications.key })
      .returning({ id: notifications.id, userId: notifications.userId });
    stored += added.length;
    const emails = added.flatMap(({ id, userId }) => {
      const s = settings.get(userId);
      return s?.email && s.emailEnabled
        ? [{ notificationId: id, address: s.email, nextAttemptAt: outsideQuietHours(now) }]
        : [];
    });
    if (emails.length > 0) await conn.insert(notificationEmails).values(emails).onConflictDoNothing();
    await queueWebhooks(
      conn,
      added.map((a) => a.id),
      now,
    );
  }
  return stored;
}

/** A user's notices, newest first; `unread` keeps only those not read yet. */
export async function listOf(
  conn: Conn,
  userId: number,
  opts: { limit: number; before?: number; unread?: boolean },
): Promise<NotificationOut[]> {
  const n = notifications;
  const rows = await conn
    .select()
    .from(n)
    .where(
      and(
        eq(n.userId, userId),
        opts.before === undefined ? undefined : sql`${n.id} < ${opts.before}`,
        opts.unread ? isNull(n.readAt) : undefined,
      ),
    )
    .orderBy(sql`${n.id} desc`)
    .limit(opts.limit);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as NotificationOut["kind"],
    form: r.formCode,
    period: r.period,
    unit: r.unitCode,
    title: r.titleVi,
    title_en: r.titleEn,
    body: r.bodyVi,
    body_en: r.bodyEn,
    mandatory: r.mandatory,
    createdAt: r.createdAt.toISOString(),
    readAt: r.readAt?.toISOString() ?? null,
  }));
}

export async function unreadCount(conn: Conn, userId: number): Promise<number> {
  return countOf(conn, userId, true);
}

/** How many notices the user has (`unread`: not read yet), on every page. */
export async function countOf(conn: Conn, userId: number, unread: boolean): Promise<number> {
  const [row] = await conn
    .select({ count: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), unread ? isNull(notifications.readAt) : undefined));
  return row?.count ?? 0;
}

/** Marks read the user's notices among `ids` (all of them when `ids` is null); answers how many changed. */
export async function markRead(conn: Conn, userId: number, ids: number[] | null, now: Date): Promise<number> {
  const n = notifications;
  const changed = await conn
    .update(n)
    .set({ readAt: now })
    .where(and(eq(n.userId, userId), isNull(n.readAt), ids === null ? undefined : inArray(n.id, ids)))
    .returning({ id: n.id });
  return changed.length;
}
