import { sql } from "drizzle-orm";
import * as clock from "../config/clock.ts";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { writesSoFar } from "./audit.ts";

/** How long a read data version is trusted: read data is fresh within a second. */
const VERSION_TTL_MS = 1000;

const memo = new WeakMap<object, { at: number; writes: number; value: Promise<number> }>();

/**
 * The data version (phiên bản dữ liệu): the newest audit row's id. Every write records its audit
 * row in the same transaction, so a new id means the data may have changed. Logins and logouts
 * change no data and are skipped (a meeting room signing in must not empty the cache). Read at
 * most once a second per database, so thousands of summary requests cost one cheap query, and
 * again at once after a write of this process, so its own user sees their change.
 */
export function dataVersion(conn: Conn, now = clock.nowMs()): Promise<number> {
  const hit = memo.get(conn);
  if (hit && now - hit.at < VERSION_TTL_MS && hit.writes === writesSoFar()) return hit.value;
  const value = queryRows<{ v: number | null }>(
    conn,
    sql`select max(id)::int8 as v from audit_log where action not in ('login', 'logout')`,
  ).then(([row]) => Number(row?.v ?? 0));
  memo.set(conn, { at: now, writes: writesSoFar(), value });
  value.catch(() => memo.delete(conn));
  return value;
}
