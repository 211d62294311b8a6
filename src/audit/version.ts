import { sql } from "drizzle-orm";
import * as clock from "../config/clock.ts";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { writesSoFar } from "./audit.ts";

/** How long a read data version is trusted: read data is fresh within a second. */
const VERSION_TTL_MS = 1000;

const memo = new WeakMap<object, { at: number; writes: number; value: Promise<number> }>();

/**
 * The data version (phiên bản dữ liệu): a counter every committed write moves (table
 * data_version, bumped at commit by a trigger on audit_log; every write records its audit row
 * in its own transaction). It follows commit order, so a write that drew an older audit id but
 * committed last is not missed. Logins and logouts change no data and leave it alone (a meeting
 * room signing in must not empty the cache). Read at most once a second per database, so
 * thousands of summary requests cost one cheap query, and again at once after a write of this
 * process, so its own user sees their change.
 */
export function dataVersion(conn: Conn, now = clock.nowMs()): Promise<number> {
  const hit = memo.get(conn);
  if (hit && now - hit.at < VERSION_TTL_MS && hit.writes === writesSoFar()) return hit.value;
  const value = queryRows<{ v: number | null }>(
    conn,
    sql`select version as v from data_version where id = 1`,
  ).then(([row]) => Number(row?.v ?? 0));
  memo.set(conn, { at: now, writes: writesSoFar(), value });
  value.catch(() => memo.delete(conn));
  return value;
}
