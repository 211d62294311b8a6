import { backup } from "../backup/backup.ts";
import { BackupScheduler, backupSchedule } from "../backup/schedule.ts";
import * as clock from "../config/clock.ts";
import { loadConfig } from "../config/config.ts";
import { openPostgres } from "../db/client.ts";
import { buildApp } from "../http/app.ts";
import { failJobsOfStoppedServers } from "../jobs/startup.ts";
import { NoticeScheduler, noticeConfig } from "../notifications/scheduler.ts";
import { loadDemoIfEmpty, openMigrated } from "./database.ts";

export async function serve(values: Record<string, unknown>): Promise<number> {
  const config = loadConfig();
  const schedule = backupSchedule();
  const database = await openMigrated();
  if (values["demo-if-empty"]) await loadDemoIfEmpty(database);
  const abandoned = await failJobsOfStoppedServers(database);
  if (abandoned > 0) process.stdout.write(`chiso: ${abandoned} job(s) of a stopped server marked failed\n`);
  // A hot standby of the PostgreSQL server for the read-only routes; the embedded database has none.
  const readDatabase =
    config.databaseUrl && config.databaseReadUrl ? openPostgres(config.databaseReadUrl) : undefined;
  const app = await buildApp({ database, readDatabase, config, logger: true });
  const notices = new NoticeScheduler(database.db, noticeConfig(), app.log);
  const make = async (file: string) => void (await backup(database, file, config.databaseUrl));
  const backups = schedule && new BackupScheduler(database.db, schedule, make, clock.now, app.log);
  const stop = async () => {
    await notices.close();
    await backups?.close();
    await app.close();
    await database.close();
    await readDatabase?.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  await app.listen({ port: config.port, host: config.host });
  notices.start();
  backups?.start();
  const where = config.databaseUrl ? "PostgreSQL" : `PGlite ${config.dataDir}`;
  process.stdout.write(`chiso: http://localhost:${config.port} (API docs /api/docs, ${where})\n`);
  return new Promise<number>(() => {});
}
