/**
 * The child process of rollup-kill.test.ts, killed with SIGKILL while it writes:
 * `load` bulk-loads every month of the mini benchmark dataset as approved, in one transaction;
 * `approve` approves every submitted report, one transaction each, printing `approved N`.
 */

import { sql } from "drizzle-orm";
import { buildTree, FORM, periodReports, periods } from "../../bench/dataset.ts";
import { actor } from "../../bench/load.ts";
import { openDatabase } from "../../src/db/client.ts";
import { queryRows } from "../../src/db/rows.ts";
import { bulkLoadReports } from "../../src/scale/bulk.ts";
import { approve } from "../../src/submissions/workflow.ts";

const database = await openDatabase({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: process.env.CHISO_DATA_DIR ?? "",
});
const say = (line: string) => process.stdout.write(`${line}\n`);

if (process.argv[2] === "load") {
  const tree = buildTree("mini");
  const reports = periods.flatMap((_, i) => periodReports(tree, 7, i));
  say(`loading ${reports.length}`);
  await bulkLoadReports(database, actor, FORM, reports, { status: "approved" });
  say("loaded");
} else {
  const waiting = await queryRows<{ id: number; version: number }>(
    database.db,
    sql`select id, version from submissions where status = 'submitted' order by id`,
  );
  for (const [i, s] of waiting.entries()) {
    await approve(database.db, actor, null, s.id, s.version);
    say(`approved ${i + 1}`);
  }
}
await database.close();
