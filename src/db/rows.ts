import { type SQL, sql } from "drizzle-orm";
import type { Conn } from "./client.ts";
import type { RawRows } from "./journal.ts";

/** Runs raw SQL on either engine and returns its rows (both drivers answer `{ rows }`). */
export async function queryRows<T>(conn: Conn, query: SQL): Promise<T[]> {
  const result = (await conn.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Raw SQL text on a connection or a transaction (statements drizzle does not model). */
export const rawRows =
  (conn: Conn): RawRows =>
  (text) =>
    queryRows<Record<string, unknown>>(conn, sql.raw(text));
