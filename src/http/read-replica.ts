import { sql } from "drizzle-orm";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Db } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";

/**
 * Reads off the primary (DATABASE_READ_URL): analytics, the IOC, exports and reports read from a
 * PostgreSQL hot standby, everything else from the primary. A user's own writes stay visible to
 * them: after each successful write the answer carries the primary's WAL position in a cookie, and
 * a read sent with it goes to the standby only once the standby has replayed that far, else to the
 * primary. Any server of several can check it: the position travels with the browser.
 */
export const WRITE_POSITION_COOKIE = "chiso_wal";

const LSN = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/;
const READS = new Set(["GET", "HEAD"]);

export function installReadReplica(app: FastifyInstance, replica: Db | undefined): void {
  app.decorate("readReplica", replica ?? null);
  if (!replica) return;
  app.addHook("onSend", async (request, reply, payload) => {
    if (READS.has(request.method) || reply.statusCode >= 400) return payload;
    const [row] = await queryRows<{ lsn: string }>(app.db, sql`select pg_current_wal_lsn()::text as lsn`);
    if (row) {
      reply.setCookie(WRITE_POSITION_COOKIE, row.lsn, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure: app.config.secureCookies,
        maxAge: 600,
      });
    }
    return payload;
  });
}

/** Where a read-only request reads: the standby when there is one and it has this caller's writes. */
export async function readConn(app: FastifyInstance, request: FastifyRequest): Promise<Db> {
  const replica = app.readReplica;
  if (!replica) return app.db;
  const wrote = request.cookies[WRITE_POSITION_COOKIE];
  if (!wrote || !LSN.test(wrote)) return replica;
  const [row] = await queryRows<{ caught: boolean }>(
    replica,
    sql`select coalesce(pg_last_wal_replay_lsn() >= ${wrote}::pg_lsn, false) as caught`,
  );
  return row?.caught ? replica : app.db;
}
