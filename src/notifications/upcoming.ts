import { sql } from "drizzle-orm";
import { intArray, textArray } from "../db/arrays.ts";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { noticeText, upcomingNotices, vietnamHour } from "../domain/notices/index.ts";
import { vietnamDate } from "../domain/period/index.ts";
import type { UpcomingOut } from "./admin-schema.ts";
import { sweepInput } from "./inputs.ts";
import { noticeSettings, notMuted } from "./store.ts";

export interface Recipient {
  id: number;
  username: string;
  displayName: string;
}

/** The users' names, by id. */
export async function recipients(conn: Conn, ids: number[]): Promise<Map<number, Recipient>> {
  const rows = await queryRows<Recipient>(
    conn,
    sql`select id, username, display_name as "displayName" from users where id = any(${intArray(ids)}::int[])`,
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** The keys among `keys` already stored. */
async function storedKeys(conn: Conn, keys: string[]): Promise<Set<string>> {
  const rows = await queryRows<{ key: string }>(
    conn,
    sql`select key from notifications where key = any(${textArray(keys)}::text[])`,
  );
  return new Set(rows.map((r) => r.key));
}

/**
 * Sắp gửi: what the sweeps of the next `days` days will store if nothing changes, to the users
 * in `managed` (an admin below the province sees those of the users it manages), less the kinds
 * they muted, each with its words as they would be sent.
 */
export async function upcoming(
  conn: Conn,
  now: Date,
  opts: { days: number; managed: "all" | number[]; kind?: string; form?: string },
): Promise<UpcomingOut> {
  const { input, names } = await sweepInput(conn, vietnamDate(now), vietnamHour(now), opts.days);
  const mine = (id: number) => opts.managed === "all" || opts.managed.includes(id);
  const ahead = upcomingNotices(input, opts.days, new Set()).filter(
    ({ notice: n }) =>
      mine(n.recipient) &&
      (opts.kind === undefined || n.kind === opts.kind) &&
      (opts.form === undefined || n.form === opts.form),
  );
  const stored = await storedKeys(
    conn,
    ahead.map((a) => a.notice.key),
  );
  const ids = [...new Set(ahead.map((a) => a.notice.recipient))];
  const settings = await noticeSettings(conn, ids);
  const people = await recipients(conn, ids);
  const wanted = notMuted(
    ahead
      .filter((a) => !stored.has(a.notice.key))
      .map((a) => ({ ...a, kind: a.notice.kind, recipient: a.notice.recipient })),
    settings,
  );
  return wanted.map(({ day, notice: n }) => ({
    day,
    kind: n.kind,
    recipient: people.get(n.recipient) ?? { id: n.recipient, username: "", displayName: "" },
    form: n.form,
    period: n.period,
    unit: n.unit,
    units: n.units,
    dueDate: n.dueDate,
    title: noticeText(n, names, "vi").title,
    title_en: noticeText(n, names, "en").title,
  }));
}
