import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { appliedWhen, migrationsFolder, newestMigration, type RawRows } from "./journal.ts";
import { acquireDataDirLock } from "./lock.ts";
import * as schema from "./schema/index.ts";

export type Schema = typeof schema;
/**
 * Both drivers share drizzle's PostgreSQL core, so services take this one type; `$client` is the
 * raw client drizzle was opened on (the bulk writers' COPY uses it, src/db/copy.ts).
 */
export type Db = PgDatabase<PgQueryResultHKT, Schema> & { $client: pg.Pool | PGlite };
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything a query can run on: the database or an open transaction. */
export type Conn = Db | Tx;

export type EngineKind = "pglite" | "postgresql";

export interface Database {
  db: Db;
  kind: EngineKind;
  /** Raw SQL with its rows, for statements outside drizzle (the migration journal, backups). */
  rows: RawRows;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/** Whether every migration is applied, in two small queries (drizzle's migrate reads and hashes every file). */
async function upToDate(rows: RawRows): Promise<boolean> {
  const applied = await appliedWhen(rows);
  return applied !== null && applied >= newestMigration();
}

/**
 * The key of the advisory lock that migrations on the PostgreSQL server take: several servers
 * starting at once queue on it, the first applies the migrations, the others find them applied.
 */
export const MIGRATION_LOCK = 7_252_020_311;

// int8 (count(*), bigserial) as a JS number, as PGlite already returns it, so both engines agree.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export function openPostgres(url: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection the server closes (a restart, an administrator) is dropped by the pool
  // and replaced on the next query; unheard, its error would end the process.
  pool.on("error", (error) =>
    process.stderr.write(`chiso: a database connection was closed: ${error.message}\n`),
  );
  // pool.end() resolves before its connections have finished closing: close waits for them, so
  // whoever drops or stops the database next does not cut a connection still saying goodbye.
  const ending = new Set<Promise<void>>();
  pool.on("connect", (client) => {
    const ended = new Promise<void>((resolve) => client.once("end", () => resolve()));
    ending.add(ended);
    void ended.then(() => ending.delete(ended));
  });
  const db = drizzleNodePg(pool, { schema }) as unknown as Db;
  const rows: RawRows = async (sql) => (await pool.query(sql)).rows;
  return {
    db,
    kind: "postgresql",
    rows,
    migrate: async () => {
      if (await upToDate(rows)) return;
      const client = await pool.connect();
      try {
        // Held for the session, so it covers every migration's own transaction.
        await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
        if (!(await upToDate(async (sql) => (await client.query(sql)).rows))) {
          await migrateNodePg(drizzleNodePg(client), { migrationsFolder });
        }
      } finally {
        await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
        client.release();
      }
    },
    close: async () => {
      await pool.end();
      await Promise.all(ending);
    },
  };
}

/** How the embedded database will be used. */
export interface PgliteUse {
  /**
   * A command or a test that opens, works a little and closes: PGlite zeroes its whole buffer
   * pool at every open (128 MB by default, a third of a second of CPU), more than such a process
   * ever fills, so it gets a small one. A server keeps the default.
   */
  shortLived?: boolean;
}

const SHORT_LIVED_PARAMS = [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"];

/** The embedded database: PGlite in `dataDir`, or in memory when dataDir is undefined. */
export async function openPglite(
  dataDir?: string,
  loadDataDir?: Blob,
  use: PgliteUse = {},
): Promise<Database> {
  let release = () => {};
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    release = acquireDataDirLock(dataDir);
  }
  try {
    const startParams = use.shortLived ? SHORT_LIVED_PARAMS : undefined;
    const client = await PGlite.create({ dataDir, loadDataDir, startParams });
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    const rows: RawRows = async (sql) => (await client.query<Record<string, unknown>>(sql)).rows;
    return {
      db,
      kind: "pglite",
      rows,
      migrate: async () => {
        if (await upToDate(rows)) return;
        await migratePglite(drizzlePglite(client), { migrationsFolder });
      },
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

export async function openDatabase(
  opts: { databaseUrl?: string; dataDir: string },
  use: PgliteUse = {},
): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir, undefined, use);
}
