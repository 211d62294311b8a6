import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Conn } from "./client.ts";
import type { RawRows } from "./journal.ts";

/** Runs raw SQL on either engine and returns its rows (both drivers answer `{ rows }`). */
export async function queryRows<T>(conn: Conn, query: SQL): Promise<T[]> {
  const result = (await conn.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * Runs raw SQL and parses every row with `schema`: a column of an unexpected type stops here,
 * at the boundary, instead of flowing into a figure.
 */
export async function parsedRows<S extends z.ZodType>(
  conn: Conn,
  schema: S,
  query: SQL,
): Promise<z.output<S>[]> {
  return z.array(schema).parse(await queryRows<unknown>(conn, query));
}

/** Raw SQL text on a connection or a transaction (statements drizzle does not model). */
export const rawRows =
  (conn: Conn): RawRows =>
  (text) =>
    queryRows<Record<string, unknown>>(conn, sql.raw(text));
