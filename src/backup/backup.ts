import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { now } from "../config/clock.ts";
import { chisoVersion } from "../config/version.ts";
import type { Database } from "../db/client.ts";
import { schemaState } from "../db/journal.ts";
import { rawRows } from "../db/rows.ts";
import { backupFileName } from "../domain/backup/index.ts";
import { writeBackup } from "./archive.ts";
import type { Manifest } from "./manifest.ts";
import { pgliteClient } from "./move.ts";
import { connectionEnv, pgTool, runPgTool, serverMajor } from "./pg-tools.ts";
import { rowCounts } from "./tables.ts";

/** A scratch folder for one command, removed when `work` ends. */
export async function withScratch<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), "chiso-backup-"));
  try {
    return await work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function manifestOf(database: Pick<Database, "kind">, rows: Database["rows"]): Promise<Manifest> {
  const state = await schemaState(rows);
  return {
    format: "chiso-backup",
    formatVersion: 1,
    chisoVersion,
    engine: database.kind,
    schema: state.applied ?? "",
    createdAt: now().toISOString(),
    tables: await rowCounts(rows),
  };
}

/**
 * PostgreSQL: pg_dump (custom format) of a snapshot that a read-only transaction exports and
 * holds, so the manifest's counts are exactly the dump's, while servers go on writing.
 */
async function backupPostgres(database: Database, url: string, out: string): Promise<Manifest> {
  return withScratch((dir) =>
    database.db.transaction(
      async (tx) => {
        const rows = rawRows(tx);
        const [snapshot] = await rows("select pg_export_snapshot() as id");
        const manifest = await manifestOf(database, rows);
        const tool = pgTool("pg_dump", await serverMajor(rows));
        const { dbname, env } = connectionEnv(url);
        const payload = join(dir, "database.pgdump");
        const args = [
          "--format=custom",
          `--snapshot=${snapshot?.id}`,
          `--file=${payload}`,
          `--dbname=${dbname}`,
        ];
        await runPgTool(tool, args, env);
        await writeBackup(out, manifest, payload);
        return manifest;
      },
      { isolationLevel: "repeatable read", accessMode: "read only" },
    ),
  );
}

/** The embedded database: PGlite's data directory as a gzipped tarball (its queries wait meanwhile). */
async function backupPglite(database: Database, out: string): Promise<Manifest> {
  const manifest = await manifestOf(database, database.rows);
  const dump = await pgliteClient(database).dumpDataDir("gzip");
  return withScratch(async (dir) => {
    const payload = join(dir, "pgdata.tar.gz");
    writeFileSync(payload, Buffer.from(await dump.arrayBuffer()));
    await writeBackup(out, manifest, payload);
    return manifest;
  });
}

/** Backs `database` up to the file `out`; `url` is the PostgreSQL server's (unused for the embedded one). */
export function backup(database: Database, out: string, url?: string): Promise<Manifest> {
  return database.kind === "postgresql" && url
    ? backupPostgres(database, url, out)
    : backupPglite(database, out);
}

/** Now by the server's clock, for file names: `20261120T020000Z`. */
export function stamp(): string {
  return now().toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
}

/** `chiso-backup-20261120T020000Z.tar`, the name the scheduled backups' retention recognises. */
export const defaultBackupName = () => backupFileName(now());
