/**
 * COPY into a table inside a transaction (a failure rolls everything back), for bulk writes:
 * FROM STDIN (pg-copy-streams) on the PostgreSQL server; FROM '/dev/blob' on PGlite, which takes
 * the rows as one Blob (about 10 times faster there than multi-row INSERTs).
 *
 * Only the libraries' public APIs: the database's raw client is drizzle's `$client` (the pg Pool
 * or the PGlite instance src/db/client.ts opened); on PostgreSQL the transaction runs on a client
 * checked out of that pool (drizzle over it), on PGlite inside PGlite's own transaction.
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { PGlite, Transaction } from "@electric-sql/pglite";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Conn, Tx } from "./client.ts";
import * as schema from "./schema/index.ts";

/** Copies text-format rows (`pieces`: whole lines) into `target`, a constant `table (columns)`; returns the rows written. */
export type CopyIn = (target: string, pieces: Iterable<string>) => Promise<number>;

/** COPY's text format: backslash, tab and line breaks escaped; \N is null. */
export function copyField(value: string | number | null): string {
  if (value === null) return "\\N";
  if (typeof value === "number") return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r",
  );
}

/**
 * Runs `work` in one transaction of `db` (the database, not an open transaction), giving it the
 * transaction and a COPY into it. `target` takes no bind parameters: a constant of the caller's.
 */
export async function bulkTransaction<T>(db: Conn, work: (tx: Tx, copy: CopyIn) => Promise<T>): Promise<T> {
  if (!("$client" in db)) throw new Error("bulkTransaction needs the database, not an open transaction");
  const raw = db.$client;
  return raw instanceof pg.Pool ? onPooledClient(raw, work) : inPgliteTransaction(raw, work);
}

async function onPooledClient<T>(pool: pg.Pool, work: (tx: Tx, copy: CopyIn) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    // drizzle over one client runs its transaction on that client: the COPY below is part of it.
    const db = drizzleNodePg(client, { schema });
    return await db.transaction((tx) =>
      work(tx as unknown as Tx, async (target, pieces) => {
        const stream = client.query(copyFrom(`copy ${target} from stdin`));
        await pipeline(Readable.from(pieces), stream);
        return stream.rowCount;
      }),
    );
  } finally {
    // As drizzle does with the client of a pool transaction: the ROLLBACK has run by now.
    client.release();
  }
}

/**
 * drizzle's PGlite driver runs its queries through `query` and a transaction through
 * `transaction`; inside PGlite's transaction both go to PGlite's transaction object.
 */
function pgliteClientIn(ptx: Transaction): PGlite {
  const client: Pick<PGlite, "query" | "transaction"> = {
    query: (text, params, options) => ptx.query(text, params, options),
    transaction: (run) => run(ptx),
  };
  return client as PGlite;
}

function inPgliteTransaction<T>(pglite: PGlite, work: (tx: Tx, copy: CopyIn) => Promise<T>): Promise<T> {
  return pglite.transaction(async (ptx) => {
    const db = drizzlePglite(pgliteClientIn(ptx), { schema });
    return db.transaction((tx) =>
      work(tx as unknown as Tx, async (target, pieces) => {
        const blob = new Blob([...pieces]);
        if (blob.size === 0) return 0;
        const result = await ptx.query(`copy ${target} from '/dev/blob'`, [], { blob });
        return result.affectedRows ?? 0;
      }),
    );
  });
}

/** Joins lines into pieces of about 64 KB: big writes keep the stream's per-chunk cost negligible. */
export function* inPieces(lines: Iterable<string>): Generator<string> {
  let buffer = "";
  for (const line of lines) {
    buffer += line;
    if (buffer.length > 1 << 16) {
      yield buffer;
      buffer = "";
    }
  }
  if (buffer) yield buffer;
}
