/** The benchmark's database: a PostgreSQL database made afresh, or a PGlite data directory. */
import { rmSync } from "node:fs";
import { type Database, openPglite, openPostgres } from "../src/db/client.ts";

export const defaultUrl = "postgres://postgres@127.0.0.1:5432/chiso_bench";

export interface Target {
  /** The PostgreSQL URL, or null for PGlite in `dataDir`. */
  url: string | null;
  dataDir: string;
}

export function benchTarget(env: NodeJS.ProcessEnv = process.env): Target {
  const pglite = env.BENCH_PGLITE_DIR;
  return pglite ? { url: null, dataDir: pglite } : { url: env.DATABASE_URL || defaultUrl, dataDir: "" };
}

/** Drops and creates the database (or empties the data directory), then migrates it. */
export async function freshDatabase(target: Target): Promise<Database> {
  if (!target.url) {
    rmSync(target.dataDir, { recursive: true, force: true });
    const database = await openPglite(target.dataDir);
    await database.migrate();
    return database;
  }
  const url = new URL(target.url);
  const name = url.pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe database name: ${name}`);
  const adminUrl = new URL(target.url);
  adminUrl.pathname = "/postgres";
  const admin = openPostgres(adminUrl.toString(), 1);
  // The name is checked above: identifiers cannot be bound as parameters.
  await admin.db.execute(`drop database if exists ${name} with (force)`);
  await admin.db.execute(`create database ${name}`);
  await admin.close();
  const database = openPostgres(target.url, 4);
  await database.migrate();
  return database;
}

export async function openTarget(target: Target): Promise<Database> {
  return target.url ? openPostgres(target.url, 4) : openPglite(target.dataDir);
}
