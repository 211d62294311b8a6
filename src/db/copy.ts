/**
 * COPY into a table inside the caller's transaction (a failure rolls everything back), for bulk
 * writes: FROM STDIN (pg-copy-streams) on the PostgreSQL server; FROM '/dev/blob' on PGlite, which
 * takes the rows as one Blob (about 10 times faster there than multi-row INSERTs).
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Tx } from "./client.ts";

/** COPY's text format: backslash, tab and line breaks escaped; \N is null. */
export function copyField(value: string | number | null): string {
  if (value === null) return "\\N";
  if (typeof value === "number") return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r",
  );
}

/** The node-postgres client a drizzle transaction runs on (drizzle keeps it on its session). */
function clientOf(tx: Tx): pg.PoolClient {
  return (tx as unknown as { session: { client: pg.PoolClient } }).session.client;
}

/** The PGlite transaction a drizzle transaction runs on: query with the `blob` option. */
interface PGliteTx {
  query(sql: string, params: unknown[], options: { blob: Blob }): Promise<{ affectedRows?: number }>;
  exec: unknown;
}

/** PGlite's transaction, or null on node-postgres (only PGlite's client has `exec`). */
function pgliteOf(tx: Tx): PGliteTx | null {
  const client = (tx as unknown as { session?: { client?: Partial<PGliteTx> } }).session?.client;
  return typeof client?.exec === "function" ? (client as PGliteTx) : null;
}

/**
 * Copies text-format rows (`pieces`: whole lines, in large pieces) into `target`, a constant
 * `table (columns)` of the caller's (COPY takes no bind parameters). Returns the rows written.
 */
export async function copyRows(tx: Tx, target: string, pieces: Iterable<string>) {
  const pglite = pgliteOf(tx);
  if (!pglite) {
    const stream = clientOf(tx).query(copyFrom(`copy ${target} from stdin`));
    await pipeline(Readable.from(pieces), stream);
    return stream.rowCount;
  }
  const blob = new Blob([...pieces]);
  if (blob.size === 0) return 0;
  const result = await pglite.query(`copy ${target} from '/dev/blob'`, [], { blob });
  return result.affectedRows ?? 0;
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
