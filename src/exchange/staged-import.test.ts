import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedTinyTree, testActor, testDatabase } from "../../test/harness.ts";
import type { Database } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { seedReporting } from "../forms/test-fixtures.ts";
import { failJobsOfStoppedServers } from "../jobs/startup.ts";
import { importDataValueSet } from "./import.ts";
import type { DataValueIn, DataValueSetIn } from "./schema.ts";
import { payloadSource } from "./sources.ts";
import { importValuesStaged, type StagedImportOptions } from "./staged-import.ts";

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
  await seedTinyTree(database);
  await seedReporting(database.db);
});
afterAll(() => database.close());

const dv = (dataElement: string, orgUnit: string, value: string, period: string) => ({
  dataElement,
  period,
  orgUnit,
  value,
});

/** C11's and C12's reports of each period, their values interleaved (not report by report). */
function scattered(periods: string[]): DataValueSetIn & { dataValues: DataValueIn[] } {
  const first = periods.flatMap((p) => [dv("RECEIVED", "C11", "120", p), dv("RECEIVED", "C12", "7", p)]);
  const then = periods.flatMap((p) => [dv("ANSWERED", "C12", "7", p), dv("ANSWERED", "C11", "100", p)]);
  return { dataSet: "CDS_XA", dataValues: [...first, ...then] };
}

const stagedRows = async () => {
  const [row] = await queryRows<{ n: number }>(
    database.db,
    sql`select (select count(*) from import_entries) + (select count(*) from import_staged_submissions)
             + (select count(*) from import_staged_values) + (select count(*) from import_staged_audit) as n`,
  );
  return Number(row?.n);
};

async function stored(periods: string[]) {
  return queryRows<{ unit: string; period: string; version: number; values: number; audit: number }>(
    database.db,
    sql`select u.code as unit, s.period, s.version,
               (select count(*)::int from data_values v where v.submission_id = s.id) as values,
               (select count(*)::int from audit_log a where a.object_type = 'submission'
                  and a.object_id = s.id::text) as audit
        from submissions s join units u on u.id = s.unit_id
        where s.period in (${sql.join(
          periods.map((p) => sql`${p}`),
          sql`, `,
        )}) order by s.period, u.code`,
  );
}

let jobs = 0;
const staged = (payload: DataValueSetIn, options: Partial<StagedImportOptions> = {}) =>
  importValuesStaged(database.db, testActor, null, payloadSource(payload), {
    key: `test-${++jobs}`,
    pageValues: 1,
    ...options,
  });

describe("background import in short transactions (staged)", () => {
  it("writes what the direct import writes, values gathered by report whatever their order, and stages nothing visible", async () => {
    const seen: number[] = [];
    // Between its steps the database is free: another request reads it, and sees none of the import.
    const pause = async () => {
      const [row] = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from submissions where period in ('202401', '202402')`,
      );
      seen.push(Number(row?.n));
    };
    const summary = await staged(scattered(["202401", "202402"]), { pause });
    expect(summary).toMatchObject({
      status: "SUCCESS",
      importCount: { imported: 8, updated: 0, ignored: 0 },
    });
    expect(seen.length).toBeGreaterThan(4);
    expect(new Set(seen)).toEqual(new Set([0]));
    const direct = await importDataValueSet(database.db, testActor, null, scattered(["202403", "202404"]));
    expect(direct.importCount).toEqual(summary.importCount);
    const rows = (await stored(["202401", "202402"])).map(({ period, ...r }) => r);
    expect(rows).toEqual([
      { unit: "C11", version: 1, values: 2, audit: 1 },
      { unit: "C12", version: 1, values: 2, audit: 1 },
      { unit: "C11", version: 1, values: 2, audit: 1 },
      { unit: "C12", version: 1, values: 2, audit: 1 },
    ]);
    expect(await stagedRows()).toBe(0);
  });

  it("is all or nothing: one conflict writes nothing and lists it; a dry run writes nothing", async () => {
    const payload = scattered(["202405"]);
    payload.dataValues.push(dv("RECEIVED", "ZZ", "1", "202405"));
    const refused = await staged(payload);
    expect(refused).toMatchObject({ status: "ERROR", conflictCount: 1, rejectedIndexes: [4] });
    expect(refused.conflicts).toMatchObject([{ object: "ZZ", property: "orgUnit" }]);
    const dry = await staged(scattered(["202405"]), { dryRun: true });
    expect(dry).toMatchObject({ status: "SUCCESS", importCount: { imported: 4 } });
    expect(await stored(["202405"])).toEqual([]);
    // Not atomic: the valid values are written.
    const partial = await staged(payload, { atomic: false });
    expect(partial).toMatchObject({ status: "WARNING", importCount: { imported: 4 } });
    expect(await stored(["202405"])).toHaveLength(2);
    expect(await stagedRows()).toBe(0);
  });

  it("saves the reports that existed in its last step, through the workflow's save", async () => {
    await staged(scattered(["202406"]));
    const changed = scattered(["202406", "202407"]);
    changed.dataValues[0] = dv("RECEIVED", "C11", "121", "202406");
    const summary = await staged(changed);
    expect(summary.importCount).toEqual({ imported: 4, updated: 1, deleted: 0, ignored: 3 });
    expect((await stored(["202406"])).map((r) => [r.unit, r.version, r.audit])).toEqual([
      ["C11", 2, 2],
      ["C12", 1, 1],
    ]);
    // An existing report's refused value is listed too, and with atomic nothing is written.
    const bad = scattered(["202406", "202408"]);
    bad.dataValues[0] = dv("RECEIVED", "C11", "-5", "202406");
    const refused = await staged(bad);
    expect(refused).toMatchObject({ status: "ERROR", conflictCount: 1 });
    expect(await stored(["202408"])).toEqual([]);
  });

  it("fails with nothing written when another writer creates one of its reports meanwhile", async () => {
    let wrote = false;
    // Once both reports are checked and staged, before the last step.
    const pause = async () => {
      const [row] = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from import_staged_submissions`,
      );
      if (wrote || Number(row?.n) < 2) return;
      wrote = true;
      await importDataValueSet(database.db, testActor, null, {
        dataSet: "CDS_XA",
        dataValues: [dv("RECEIVED", "C12", "9", "202409")],
      });
    };
    await expect(staged(scattered(["202409"]), { pause })).rejects.toMatchObject({ code: "STALE_VERSION" });
    expect((await stored(["202409"])).map((r) => [r.unit, r.values])).toEqual([["C12", 1]]);
    expect(await stagedRows()).toBe(0);
  });

  it("leaves nothing staged when it stops midway, and start-up deletes what a crash left", async () => {
    let pauses = 0;
    const pause = async () => {
      if (++pauses === 3) throw new Error("stopped");
    };
    await expect(staged(scattered(["202410"]), { pause })).rejects.toThrow("stopped");
    expect(await stagedRows()).toBe(0);
    expect(await stored(["202410"])).toEqual([]);
    // A crash leaves rows no running job owns.
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('chiso.import_job', 'crashed', true)`);
      await tx.execute(
        sql`insert into import_entries (idx, unit, period, value) values (0, 'C11', '202410', '{}')`,
      );
    });
    expect(await stagedRows()).toBe(1);
    await failJobsOfStoppedServers(database);
    expect(await stagedRows()).toBe(0);
  });
});
