import type { Database } from "../db/client.ts";
import { dropAbandonedStaging } from "../exchange/staging.ts";
import { STALE_AFTER_MS } from "./runner.ts";
import { failAbandonedJobs } from "./store.ts";

/**
 * At server start: the jobs a stopped server left queued or running are marked failed ("run it
 * again"); imports are all-or-nothing, so they wrote nothing. A PGlite data directory has one
 * process, so every such job is abandoned; on PostgreSQL other servers may be running theirs,
 * so only jobs without a heartbeat for STALE_AFTER_MS are. The rows their imports staged are
 * deleted. Answers how many were marked.
 */
export async function failJobsOfStoppedServers(database: Database): Promise<number> {
  const failed = await failAbandonedJobs(database.db, [], database.kind === "pglite" ? 0 : STALE_AFTER_MS);
  await dropAbandonedStaging(database.db);
  return failed;
}
