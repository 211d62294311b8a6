/**
 * A process killed (SIGKILL) in the middle of a roll-up update leaves the roll-ups equal to a
 * rebuild from the values: they are written in the transaction of the values they summarise.
 * On PostgreSQL the child is held inside its roll-up upsert by a lock before it is killed; on
 * PGlite (one process at a time) it is killed while its transaction runs.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDataset } from "../../bench/load.ts";
import { expectSameAsRebuild, rollupRows } from "../../src/analytics/rollup.test-helper.ts";
import { rebuildRollups } from "../../src/analytics/rollup-rebuild.ts";
import type { Database } from "../../src/db/client.ts";
import { queryRows } from "../../src/db/rows.ts";
import { engine, type TestLocation, testLocation } from "../harness.ts";

let location: TestLocation;

beforeAll(async () => {
  location = await testLocation();
  const database = await location.open();
  try {
    await loadDataset(database, "mini", 7);
    // Keep the metadata, drop the reports: the child loads them again.
    await database.db.execute(sql`delete from submissions`);
    await rebuildRollups(database.db);
  } finally {
    await database.close();
  }
});
afterAll(() => location.dispose());

function child(mode: "load" | "approve"): ChildProcessWithoutNullStreams {
  const env = { ...process.env, ...location.env };
  if (!location.env.DATABASE_URL) delete env.DATABASE_URL;
  return spawn(process.execPath, ["--import", "tsx", "test/scale/rollup-kill-child.ts", mode], { env });
}

function exited(
  p: ChildProcessWithoutNullStreams,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => p.on("exit", (code, signal) => resolve({ code, signal })));
}

/** Resolves at the first line of the child's output that matches. */
function line(p: ChildProcessWithoutNullStreams, pattern: RegExp): Promise<string> {
  return new Promise((resolve) => {
    let seen = "";
    p.stdout.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      const match = pattern.exec(seen);
      if (match) resolve(match[0]);
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Kills the child in its roll-up write. PostgreSQL: a lock on `rollups` taken here holds the
 * child's upsert until it is killed. PGlite: after `delayMs`, wherever its transaction is.
 */
async function killInRollupWrite(
  p: ChildProcessWithoutNullStreams,
  holder: Database | null,
  delayMs: number,
) {
  const done = exited(p);
  if (!holder) {
    await sleep(delayMs);
    p.kill("SIGKILL");
    return done;
  }
  await holder.db.transaction(async (tx) => {
    await tx.execute(sql`lock table rollups in share row exclusive mode`);
    for (let i = 0; i < 600; i++) {
      const [w] = await queryRows<{ n: number }>(
        holder.db,
        sql`select count(*)::int as n from pg_locks where relation = 'rollups'::regclass and not granted`,
      );
      if ((w?.n ?? 0) > 0) break;
      await sleep(50);
    }
    p.kill("SIGKILL");
    await done;
  });
  return done;
}

async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const database = await location.open();
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

const count = (database: Database, status: string) =>
  queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from submissions where status = ${status}::submission_status`,
  ).then((rows) => rows[0]?.n ?? 0);

describe("killed during a roll-up update", () => {
  it("an approved bulk load killed half-way leaves neither values nor roll-ups; a full run gives both", async () => {
    const holder = engine === "postgresql" ? await location.open() : null;
    try {
      const p = child("load");
      await line(p, /loading \d+/);
      // The whole load takes about 1.4 s after "loading" on a quiet machine: 400 ms is inside it.
      expect((await killInRollupWrite(p, holder, 400)).signal).toBe("SIGKILL");
    } finally {
      await holder?.close();
    }
    await withDatabase(async (database) => {
      expect(await count(database, "approved")).toBe(0);
      expect(await expectSameAsRebuild(database.db)).toBe(0);
    });

    const full = child("load");
    expect((await exited(full)).code).toBe(0);
    await withDatabase(async (database) => {
      expect(await count(database, "approved")).toBe(8 * 60);
      expect(await expectSameAsRebuild(database.db)).toBeGreaterThan(0);
    });
  });

  it("an approval batch killed half-way leaves roll-ups equal to a rebuild", async () => {
    await withDatabase(async (database) => {
      await database.db.execute(sql`update submissions set status = 'submitted' where period like '2025%'`);
      await rebuildRollups(database.db);
    });
    const holder = engine === "postgresql" ? await location.open() : null;
    try {
      const p = child("approve");
      await line(p, /approved 10\b/);
      expect((await killInRollupWrite(p, holder, 0)).signal).toBe("SIGKILL");
    } finally {
      await holder?.close();
    }
    await withDatabase(async (database) => {
      const approved2025 = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from submissions where status = 'approved' and period like '2025%'`,
      );
      expect(approved2025[0]?.n).toBeGreaterThanOrEqual(10);
      expect(approved2025[0]?.n).toBeLessThan(8 * 12);
      expect(await expectSameAsRebuild(database.db)).toBeGreaterThan(0);
    });
  });

  it("chiso migrate backfills the roll-ups of a database that had values before them; rollups verify finds a wrong row, rebuild redoes it", async () => {
    // As the migration leaves a database that already held values: not built, no rows.
    await withDatabase(async (database) => {
      await database.db.execute(sql`update rollup_state set built = false`);
      await database.db.execute(sql`delete from rollups`);
    });
    const run = (args: string[]) => {
      const env = { ...process.env, ...location.env };
      if (!location.env.DATABASE_URL) delete env.DATABASE_URL;
      const p = spawn(process.execPath, ["bin/chiso.js", ...args], { env });
      let out = "";
      p.stdout.on("data", (c: Buffer) => {
        out += c.toString();
      });
      return exited(p).then(({ code }) => ({ code, out }));
    };
    expect((await run(["migrate"])).code).toBe(0);
    const good = await withDatabase(async (database) => {
      const [state] = await queryRows<{ built: boolean }>(database.db, sql`select built from rollup_state`);
      expect(state?.built).toBe(true);
      expect(await expectSameAsRebuild(database.db)).toBeGreaterThan(0);
      const rows = await rollupRows(database.db);
      await database.db.execute(sql`update rollups set value_sum = value_sum + 1`);
      return rows;
    });
    const wrong = await run(["rollups", "verify"]);
    expect(wrong.code).toBe(1);
    expect(wrong.out).toMatch(/\tvalue_sum\t\d+(\.\d+)?\t\d+(\.\d+)?\n/);
    expect(wrong.out).toContain(`${good.size} khác biệt / differences`);
    const rebuilt = await run(["rollups", "rebuild"]);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.out).toMatch(/roll-ups rebuilt: \d+ giá trị \/ values/);
    expect(await withDatabase((database) => rollupRows(database.db))).toEqual(good);
  }, 120_000);
});
