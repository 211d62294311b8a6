import { ensureRollups } from "../analytics/rollup-rebuild.ts";
import { systemActor } from "../audit/audit.ts";
import { loadConfig } from "../config/config.ts";
import { type Database, openDatabase } from "../db/client.ts";
import { type DemoLogin, isDatabaseEmpty, loadDemo } from "../demo/load.ts";
import { endProgress, progressPrinter } from "./progress.ts";

/** Opens the configured database (PostgreSQL or the embedded one) with migrations applied. */
export async function openMigrated(): Promise<Database> {
  const database = await openDatabase(loadConfig());
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

export async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openMigrated();
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

export async function migrate(): Promise<number> {
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
