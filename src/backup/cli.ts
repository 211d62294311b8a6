import { resolve } from "node:path";
import { openConfigured, openMigrated } from "../cli/database.ts";
import { CliStop, dataDirLocked } from "../cli/stop.ts";
import { loadConfig } from "../config/config.ts";
import { currentSchema } from "../db/journal.ts";
import { AppError } from "../errors/app-error.ts";
import { backup, defaultBackupName } from "./backup.ts";
import { totalRows } from "./manifest.ts";
import { backupMessages as m } from "./messages.ts";
import { moveToPostgres, restore } from "./restore.ts";

/** `chiso backup [-o FILE]`: the configured database, as it is (no migration), to one file. */
export async function backupCommand(values: { output?: unknown }): Promise<number> {
  const config = loadConfig();
  const out = resolve(typeof values.output === "string" ? values.output : defaultBackupName());
  const held = (pid: string) => new CliStop(m.backupHeld(config.dataDir, pid));
  const database = await openConfigured({ readOnly: true, held }, { shortLived: true });
  try {
    const manifest = await backup(database, out, config.databaseUrl);
    process.stdout.write(m.backedUp(out, totalRows(manifest.tables), Object.keys(manifest.tables).length));
    return 0;
  } finally {
    await database.close();
  }
}

/** `chiso restore FILE [--force]`: into the configured database, then migrated to this chiso's schema. */
export async function restoreCommand(values: { force?: unknown }, [file]: string[]): Promise<number> {
  if (!file) throw new CliStop(m.fileNeeded("FILE"), 2);
  const config = loadConfig();
  try {
    const restored = await restore(resolve(file), {
      url: config.databaseUrl,
      dataDir: config.dataDir,
      force: values.force === true,
    });
    process.stdout.write(m.restored(file, totalRows(restored.manifest.tables), currentSchema()));
    if (restored.aside) process.stdout.write(m.keptAside(restored.aside));
    return 0;
  } catch (error) {
    if (error instanceof AppError && error.code === "DATA_DIR_LOCKED") {
      throw dataDirLocked(config, String(error.params.pid ?? "?"));
    }
    throw error;
  }
}

/** `chiso migrate-to-postgres URL [--force]`: the embedded database's rows into a PostgreSQL database. */
export async function migrateToPostgresCommand(
  values: { force?: unknown },
  [url]: string[],
): Promise<number> {
  if (!url) throw new CliStop(m.fileNeeded("URL"), 2);
  if (loadConfig().databaseUrl) throw new CliStop(m.embeddedOnly());
  const source = await openMigrated({ readOnly: true }, { shortLived: true });
  try {
    const tables = await moveToPostgres(source, url, values.force === true);
    process.stdout.write(m.moved(totalRows(tables), Object.keys(tables).length));
    return 0;
  } finally {
    await source.close();
  }
}
