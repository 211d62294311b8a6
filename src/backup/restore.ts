import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { CliStop } from "../cli/stop.ts";
import { type Database, openPglite, openPostgres } from "../db/client.ts";
import { acquireDataDirLock } from "../db/lock.ts";
import { readBackup } from "./archive.ts";
import { stamp, withScratch } from "./backup.ts";
import { countsDiffer, type Manifest } from "./manifest.ts";
import { backupMessages as m } from "./messages.ts";
import { copyDatabase } from "./move.ts";
import { connectionEnv, pgTool, runPgTool, serverMajor } from "./pg-tools.ts";
import { clearSchema, holdsNoRows, rowCounts } from "./tables.ts";

export interface RestoreTarget {
  /** A PostgreSQL server; else the embedded database in dataDir. */
  url?: string;
  dataDir: string;
  /** Replace a database that holds data. */
  force?: boolean;
}

export interface Restored {
  manifest: Manifest;
  /** Where the embedded database that was replaced is kept. */
  aside?: string;
}

function checkCounts(expected: Record<string, number>, found: Record<string, number>): void {
  const differ = countsDiffer(expected, found);
  if (differ) throw new CliStop(differ);
}

/** Stops unless the target holds no rows or --force was given. */
async function mayReplace(database: Database, force: boolean | undefined, where: string): Promise<void> {
  if (!force && !(await holdsNoRows(database.rows))) throw new CliStop(m.notEmpty(where));
}

const databaseName = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

/**
 * The embedded database `source` (at this chiso's schema) copied into the PostgreSQL database
 * at `url`, which is cleared and migrated first; refused when it holds rows, unless `force`.
 * Returns the rows per table, the same on both sides.
 */
export async function moveToPostgres(source: Database, url: string, force?: boolean) {
  const target = openPostgres(url, 2);
  try {
    await mayReplace(target, force, databaseName(url));
    await clearSchema(target.rows);
    await target.migrate();
    const tables = await rowCounts(source.rows);
    checkCounts(tables, await copyDatabase(source, target));
    return tables;
  } finally {
    await target.close();
  }
}

/** An embedded backup opened in memory, checked against its manifest and migrated to this chiso's schema. */
async function openEmbeddedBackup(payload: string, manifest: Manifest, dataDir?: string): Promise<Database> {
  const blob = new Blob([readFileSync(payload)]);
  const database = await openPglite(dataDir, blob, { shortLived: true });
  try {
    checkCounts(manifest.tables, await rowCounts(database.rows));
    await database.migrate();
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Into PostgreSQL: pg_restore of a PostgreSQL backup, or the rows of an embedded one copied over. */
async function restorePostgres(url: string, file: string, target: RestoreTarget): Promise<Restored> {
  return withScratch(async (dir) => {
    const payload = join(dir, "payload");
    const manifest = await readBackup(file, payload);
    if (manifest.engine === "pglite") {
      const source = await openEmbeddedBackup(payload, manifest);
      try {
        await moveToPostgres(source, url, target.force);
      } finally {
        await source.close();
      }
      return { manifest };
    }
    const database = openPostgres(url, 2);
    try {
      await mayReplace(database, target.force, databaseName(url));
      await clearSchema(database.rows);
      const tool = pgTool("pg_restore", await serverMajor(database.rows));
      const { dbname, env } = connectionEnv(url);
      const args = [
        "--no-owner",
        "--no-privileges",
        "--exit-on-error",
        "--single-transaction",
        `--dbname=${dbname}`,
      ];
      await runPgTool(tool, [...args, payload], env);
      checkCounts(manifest.tables, await rowCounts(database.rows));
      await database.migrate();
      return { manifest };
    } finally {
      await database.close();
    }
  });
}

/**
 * Into the embedded database: the backup is loaded into a new data directory beside it, checked
 * and migrated, then put in its place; the directory it replaces is kept aside, not deleted.
 */
async function restorePglite(file: string, target: RestoreTarget): Promise<Restored> {
  const { dataDir } = target;
  if (existsSync(join(dataDir, "PG_VERSION"))) {
    const current = await openPglite(dataDir, undefined, { shortLived: true });
    try {
      await mayReplace(current, target.force, dataDir);
    } finally {
      await current.close();
    }
  }
  return withScratch(async (dir) => {
    const payload = join(dir, "payload");
    const manifest = await readBackup(file, payload, (found) => {
      if (found.engine === "postgresql") throw new CliStop(m.postgresToEmbedded());
    });
    const restoring = `${dataDir}.restoring`;
    rmSync(restoring, { recursive: true, force: true });
    await (await openEmbeddedBackup(payload, manifest, restoring)).close();
    let aside: string | undefined;
    if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
      // Held while it moves aside, so no server opens it meanwhile; the lock goes with it.
      const release = acquireDataDirLock(dataDir);
      aside = asideName(dataDir);
      renameSync(dataDir, aside);
      release();
      rmSync(join(aside, "chiso.lock"), { force: true });
    } else {
      rmSync(dataDir, { recursive: true, force: true });
    }
    renameSync(restoring, dataDir);
    return { manifest, aside };
  });
}

/**
 * A name beside the data directory for the one a restore replaces, never one already there: two
 * restores within one second (the stamp's precision) keep both replaced directories.
 */
function asideName(dataDir: string): string {
  const base = `${dataDir}.before-restore-${stamp()}`;
  let name = base;
  for (let n = 2; existsSync(name); n++) name = `${base}-${n}`;
  return name;
}

/** Restores a backup file into the target; refuses an unrelated file, a newer schema, a target with data. */
export function restore(file: string, target: RestoreTarget): Promise<Restored> {
  return target.url ? restorePostgres(target.url, file, target) : restorePglite(file, target);
}
