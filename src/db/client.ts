import { mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
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
  migrate(): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

/** The newest migration's timestamp, which drizzle stores as `created_at` once it is applied. */
function newestMigration(): number {
  const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, "utf8")) as {
    entries: { when: number }[];
  };
  return Math.max(...journal.entries.map((e) => e.when));
}

/**
 * Whether every migration is applied, in two small queries: drizzle's own migrate reads and
 * hashes every SQL file first, on every command. A database behind the journal is migrated.
 */
async function upToDate(rows: (sql: string) => Promise<Record<string, unknown>[]>): Promise<boolean> {
  const [table] = await rows("select to_regclass('drizzle.__drizzle_migrations') is not null as present");
  if (!table?.present) return false;
  const [last] = await rows("select max(created_at) as applied from drizzle.__drizzle_migrations");
  return last?.applied != null && Number(last.applied) >= newestMigration();
}

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
  return {
    db,
    kind: "postgresql",
    migrate: async () => {
      if (await upToDate(async (sql) => (await pool.query(sql)).rows)) return;
      await migrateNodePg(drizzleNodePg(pool), { migrationsFolder });
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
    return {
      db,
      kind: "pglite",
      migrate: async () => {
        if (await upToDate(async (sql) => (await client.query<Record<string, unknown>>(sql)).rows)) return;
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
