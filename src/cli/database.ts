import { existsSync } from "node:fs";
import { join } from "node:path";
import { ensureRollups } from "../analytics/rollup-rebuild.ts";
import { systemActor } from "../audit/audit.ts";
import { loadConfig } from "../config/config.ts";
import { type Database, openDatabase, type PgliteUse } from "../db/client.ts";
import { schemaState } from "../db/journal.ts";
import type { DemoLogin } from "../demo/load.ts";
import { AppError } from "../errors/app-error.ts";
import { endProgress, progressPrinter } from "./progress.ts";
import { type ApiEquivalent, type CliStop, dataDirLocked, noDatabase } from "./stop.ts";

/** How a command uses the database. */
export interface DatabaseUse {
  /** It only reads: it never creates a database where there is none. */
  readOnly?: boolean;
  /** The server's HTTP request doing the same, offered when the server holds the database. */
  api?: ApiEquivalent;
  /** What to say instead when another process holds the embedded database (its pid). */
  held?: (pid: string) => CliStop;
}

/**
 * Opens the configured database (PostgreSQL or the embedded one) as it is. Throws a one-line
 * CliStop when a read-only command finds no embedded database, or when another process (the
 * server) holds the embedded one.
 */
export async function openConfigured(use: DatabaseUse = {}, pglite: PgliteUse = {}): Promise<Database> {
  const config = loadConfig();
  // An embedded data directory holds a database once PostgreSQL's PG_VERSION is written.
  if (use.readOnly && !config.databaseUrl && !existsSync(join(config.dataDir, "PG_VERSION"))) {
    throw noDatabase(config.dataDir);
  }
  try {
    return await openDatabase(config, pglite);
  } catch (error) {
    if (error instanceof AppError && error.code === "DATA_DIR_LOCKED") {
      throw (
        use.held?.(String(error.params.pid ?? "?")) ??
        dataDirLocked(config, String(error.params.pid ?? "?"), use.api)
      );
    }
    throw error;
  }
}

/** As openConfigured, with migrations applied. */
export async function openMigrated(use: DatabaseUse = {}, pglite: PgliteUse = {}): Promise<Database> {
  const database = await openConfigured(use, pglite);
  try {
    await database.migrate();
    // A database that held values before roll-ups existed gets them computed once.
    await ensureRollups(database.db);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

export async function withDatabase<T>(
  work: (database: Database) => Promise<T>,
  use: DatabaseUse = {},
): Promise<T> {
  const database = await openMigrated(use, { shortLived: true });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

/** `chiso migrate --dry-run`: the migrations that would run, without running them. */
async function pendingMigrations(): Promise<number> {
  const database = await openConfigured({ readOnly: true }, { shortLived: true });
  try {
    const { pending, applied } = await schemaState(database.rows);
    if (pending.length === 0) {
      process.stdout.write(
        `Không có migration nào cần áp dụng / No migration to apply (${database.kind}, ${applied})\n`,
      );
    } else {
      process.stdout.write(
        `Migration sẽ áp dụng / Migrations to apply (${database.kind}): ${pending.length}\n`,
      );
      for (const tag of pending) process.stdout.write(`  ${tag}\n`);
    }
    return 0;
  } finally {
    await database.close();
  }
}

export async function migrate(values: { "dry-run"?: unknown } = {}): Promise<number> {
  if (values["dry-run"] === true) return pendingMigrations();
  await withDatabase(async (database) => {
    process.stdout.write(`Đã áp dụng migration / migrations applied (${database.kind})\n`);
  });
  return 0;
}

export function printLogins(logins: DemoLogin[]): void {
  process.stdout.write("\nTài khoản dùng thử / Demo logins (mật khẩu / password: chiso-demo):\n");
  for (const l of logins) {
    process.stdout.write(`  ${l.username.padEnd(18)} ${l.role.padEnd(9)} ${l.unit} ${l.unitName}\n`);
  }
  process.stdout.write("\n");
}

/** Loads the demo into an empty database; returns false (and says why) when it is not empty. */
export async function loadDemoIfEmpty(database: Database): Promise<boolean> {
  // The demo's loader and its data (a second to load) only for the commands that load it.
  const { isDatabaseEmpty, loadDemo } = await import("../demo/load.ts");
  if (!(await isDatabaseEmpty(database.db))) return false;
  const started = Date.now();
  const { logins } = await loadDemo(database.db, systemActor("demo"), progressPrinter("Demo"));
  endProgress();
  process.stdout.write(
    `Đã nạp dữ liệu mẫu Đồng Tháp 2023 / Đồng Tháp 2023 demo loaded in ${Date.now() - started} ms\n`,
  );
  printLogins(logins);
  return true;
}

export async function demo(): Promise<number> {
  return withDatabase(async (database) => {
    if (await loadDemoIfEmpty(database)) return 0;
    process.stderr.write(
      "Cơ sở dữ liệu đã có dữ liệu, không nạp dữ liệu mẫu / The database is not empty; the demo was not loaded\n",
    );
    return 1;
  });
}
