import { CliStop } from "../cli/stop.ts";
import type { EngineKind } from "../db/client.ts";
import { currentSchema, migrationJournal } from "../db/journal.ts";
import { backupMessages as m } from "./messages.ts";

/** Written first in every backup file: what it holds, so a restore can check it before writing. */
export interface Manifest {
  format: "chiso-backup";
  formatVersion: 1;
  chisoVersion: string;
  engine: EngineKind;
  /** The last migration applied to the database backed up (its tag). */
  schema: string;
  /** When, by the server's clock (ISO 8601). */
  createdAt: string;
  /** Rows per table of the public schema, as in the backup's snapshot. */
  tables: Record<string, number>;
}

export const MANIFEST_ENTRY = "chiso-backup.json";

/** The manifest read from a file, checked: a chiso backup whose schema this chiso knows. */
export function checkManifest(text: string | null, file: string): Manifest {
  let manifest: Partial<Manifest> | null = null;
  try {
    manifest = text === null ? null : (JSON.parse(text) as Partial<Manifest>);
  } catch {
    manifest = null;
  }
  if (
    manifest?.format !== "chiso-backup" ||
    manifest.formatVersion !== 1 ||
    (manifest.engine !== "pglite" && manifest.engine !== "postgresql") ||
    typeof manifest.schema !== "string" ||
    typeof manifest.tables !== "object"
  ) {
    throw new CliStop(m.notABackup(file));
  }
  if (!migrationJournal().some((e) => e.tag === manifest.schema)) {
    throw new CliStop(m.newerSchema(manifest.schema, currentSchema()));
  }
  return manifest as Manifest;
}

/** Every table whose restored row count differs from the manifest's, as one line; null when all agree. */
export function countsDiffer(expected: Record<string, number>, found: Record<string, number>): string | null {
  for (const [table, rows] of Object.entries(expected)) {
    if ((found[table] ?? 0) !== rows) return m.countsDiffer(table, rows, found[table] ?? 0);
  }
  return null;
}

export const totalRows = (tables: Record<string, number>) =>
  Object.values(tables).reduce((sum, n) => sum + n, 0);
