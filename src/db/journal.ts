import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

/** One migration of drizzle's journal: its file's tag and the timestamp stored once applied. */
export interface JournalEntry {
  tag: string;
  when: number;
}

/** The migrations this chiso knows, oldest first. */
export function migrationJournal(): JournalEntry[] {
  const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, "utf8")) as {
    entries: JournalEntry[];
  };
  return journal.entries.map(({ tag, when }) => ({ tag, when })).sort((a, b) => a.when - b.when);
}

/** The newest migration's timestamp, which drizzle stores as `created_at` once it is applied. */
export function newestMigration(): number {
  return Math.max(...migrationJournal().map((e) => e.when));
}

/** The schema version this chiso writes: its newest migration's tag. */
export function currentSchema(): string {
  return migrationJournal().at(-1)?.tag ?? "";
}

/** A raw query on either engine, for the few statements run before drizzle's migrator. */
export type RawRows = (sql: string) => Promise<Record<string, unknown>[]>;

/** The timestamp of the newest migration applied to a database, or null for none. */
export async function appliedWhen(rows: RawRows): Promise<number | null> {
  const [table] = await rows("select to_regclass('drizzle.__drizzle_migrations') is not null as present");
  if (!table?.present) return null;
  const [last] = await rows("select max(created_at) as applied from drizzle.__drizzle_migrations");
  return last?.applied == null ? null : Number(last.applied);
}

/** Where a database stands: its last applied migration's tag (null: none) and what is still to run. */
export interface SchemaState {
  applied: string | null;
  /** The applied timestamp matches no migration of this chiso: a newer chiso wrote it. */
  newer: boolean;
  pending: string[];
}

export async function schemaState(rows: RawRows): Promise<SchemaState> {
  const when = await appliedWhen(rows);
  const journal = migrationJournal();
  const known = journal.find((e) => e.when === when);
  return {
    applied: when === null ? null : (known?.tag ?? String(when)),
    newer: when !== null && !known && when > newestMigration(),
    pending: journal.filter((e) => when === null || e.when > when).map((e) => e.tag),
  };
}
