/**
 * `npm run bench [-- --scale province|national] [--seed N] [--reuse] [--only parts]`: makes the
 * dataset (unless --reuse), then measures (all, or the `--only` parts) analytics against plain SQL, freshness, import against raw COPY, HTTP
 * load and the server's memory, prints a table and writes bench/results/latest.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { Principal } from "../src/access/principal.ts";
import { ensureRollups } from "../src/analytics/rollup-rebuild.ts";
import { queryRows } from "../src/db/rows.ts";
import { startServer } from "../src/scale/server-process.ts";
import { createUser } from "../src/users/service.ts";
import { type BenchPart, benchArgs } from "./args.ts";
import { cliStartup } from "./cli.ts";
import { buildTree, PLAN, type Tree } from "./dataset.ts";
import { benchTarget, freshDatabase, openTarget, type Target } from "./db.ts";
import { freshness } from "./freshness.ts";
import { type HttpResult, load, login } from "./http.ts";
import { importBench } from "./import.ts";
import { jobLatencyBench } from "./job-latency.ts";
import { actor, type LoadStats, loadDataset } from "./load.ts";
import { differences, type Timing, time } from "./measure.ts";
import { type Answer, shapeRuns } from "./shapes.ts";
import { printTable } from "./table.ts";

const args = benchArgs(process.argv.slice(2));
const target = benchTarget();
const log = (line: string) => process.stderr.write(`${line}\n`);
const started = performance.now();

export interface ShapeResult {
  name: string;
  cells: number;
  chiso: Timing;
  sql: Timing;
  /** SQL p50 / chiso p50: above 1, chiso is faster. */
  speedup: number;
  mismatches: string[];
}

async function adminOver(conn: Parameters<typeof queryRows>[0], tree: Tree): Promise<Principal> {
  const [root] = await queryRows<{ id: number }>(conn, sql`select id from units where code = ${tree.root}`);
  const grant = { role: "admin" as const, unitId: root?.id ?? 0, unitCode: tree.root };
  return { userId: 0, username: "bench", displayName: "bench", locale: "vi", grants: [grant] };
}

async function shapes(conn: Parameters<typeof queryRows>[0], principal: Principal, tree: Tree) {
  // National baselines scan millions of rows: fewer runs keep the whole bench well under 30 minutes.
  const runs = args.scale === "national" ? 5 : 20;
  const results: ShapeResult[] = [];
  for (const shape of shapeRuns({ conn, principal, tree, scale: args.scale })) {
    const chisoAnswer: Answer = await shape.chiso();
    const mismatches = differences(chisoAnswer, await shape.sql());
    const chiso = await time(shape.chiso, runs);
    const plain = await time(shape.sql, runs);
    results.push({
      name: shape.name,
      cells: chisoAnswer.size,
      chiso,
      sql: plain,
      speedup: plain.p50 / chiso.p50,
      mismatches,
    });
    log(`  ${shape.name}: chiso p50 ${chiso.p50.toFixed(1)} ms, SQL p50 ${plain.p50.toFixed(1)} ms`);
  }
  return results;
}

const password = "bench-mat-khau-thu";

async function httpAndMemory(t: Target): Promise<{ http: HttpResult; rssMb: number }> {
  const where: Record<string, string> = t.url ? { DATABASE_URL: t.url } : { CHISO_DATA_DIR: t.dataDir };
  // The load is one user from one address, far past the request limits that protect a real
  // server (docs/security.md): the bench measures the served screen, not the 429s.
  const env = { ...where, CHISO_RATE_LIMIT_USER: "0", CHISO_RATE_LIMIT_IP: "0" };
  const server = await startServer(env);
  try {
    const cookie = await login(server, "bench", password);
    const path = `/api/ioc/summary?plan=${PLAN}&period=202512`;
    // One request first: the load measures the served screen, not its first computation.
    const warm = await fetch(`${server.url}${path}`, { headers: { cookie } });
    if (!warm.ok) throw new Error(`IOC summary: ${warm.status} ${await warm.text()}`);
    const http = await load(server, path, cookie);
    return { http, rssMb: server.rssMb() };
  } finally {
    await server.stop();
  }
}

const measures = (part: BenchPart) => args.only.has(part);
// The background-import part runs on its own embedded database: alone, it needs no dataset.
const onDataset = [...args.only].some((part) => part !== "jobs");
const onTarget = onDataset
  ? await measureOnDataset()
  : { loaded: null, analytics: [], freshMs: null, imported: null, cli: null, served: null };
if (measures("jobs")) log("jobs (a background import on PGlite, other requests meanwhile)");
const jobLatency = measures("jobs") ? await jobLatencyBench(log) : null;

async function measureOnDataset() {
  const database = args.reuse ? await openTarget(target) : await freshDatabase(target);
  // Data loaded by an older chiso gets this version's migrations (indexes, roll-ups backfilled) too.
  if (args.reuse) {
    await database.migrate();
    await ensureRollups(database.db);
  }
  let loaded: LoadStats | null = null;
  if (!args.reuse) {
    log(`bench:data ${args.scale}, seed ${args.seed}`);
    loaded = await loadDataset(database, args.scale, args.seed, log);
  }
  const tree = buildTree(args.scale);
  const principal = await adminOver(database.db, tree);
  if (measures("shapes")) log("analytics shapes");
  const analytics = measures("shapes") ? await shapes(database.db, principal, tree) : [];
  const freshMs = measures("freshness") ? await freshness(database.db, principal, tree) : null;
  if (measures("import")) log("import");
  const imported = measures("import") ? await importBench(database, target.url, tree, args.seed) : null;
  const [user] = await queryRows(database.db, sql`select 1 from users where username = 'bench'`);
  if (!user) {
    const grants = [{ role: "admin" as const, unitCode: tree.root }];
    await createUser(database.db, actor, null, { username: "bench", displayName: "Bench", password, grants });
  }
  await database.close();
  if (measures("cli")) log("cli");
  const cli = measures("cli") ? await cliStartup(target, tree) : null;
  if (measures("http")) log("http");
  const served = measures("http") ? await httpAndMemory(target) : null;
  return { loaded, analytics, freshMs, imported, cli, served };
}

const result = {
  scale: args.scale,
  seed: args.seed,
  engine: target.url ? "postgresql" : "pglite",
  machine: { cpus: (await import("node:os")).cpus().length, node: process.version },
  dataset: onTarget.loaded,
  analytics: onTarget.analytics,
  freshnessMs: onTarget.freshMs,
  import: onTarget.imported,
  cli: onTarget.cli,
  http: onTarget.served?.http ?? null,
  serverRssMb: onTarget.served?.rssMb ?? null,
  jobLatency,
  totalSeconds: (performance.now() - started) / 1000,
};
mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
writeFileSync(new URL("./results/latest.json", import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
printTable(result);
if (result.analytics.some((a) => a.mismatches.length > 0)) process.exitCode = 1;
