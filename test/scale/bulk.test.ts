import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/rows.ts";
import { seedTinyReporting } from "../../src/plans/test-fixtures.ts";
import { type BulkReport, bulkLoadReports } from "../../src/scale/bulk.ts";
import { seedTinyTree, signIn, type TestApp, testActor, testApp } from "../harness.ts";

const report = (unit: string, period: string, done: unknown, total: unknown): BulkReport => ({
  unit,
  period,
  values: [
    { metric: "DONE", value: done as number },
    { metric: "TOTAL", value: total as number },
  ],
});

let t: TestApp;
let admin: { cookie: string };

async function counts() {
  const [row] = await queryRows<{ reports: number; values: number; audit: number }>(
    t.database.db,
    sql`select (select count(*)::int from submissions) as reports,
               (select count(*)::int from data_values) as values,
               (select count(*)::int from audit_log where action = 'bulk_load') as audit`,
  );
  return row;
}

async function refusedPaths(reports: BulkReport[]): Promise<string[]> {
  const error = await bulkLoadReports(t.database, testActor, "TINY_MONTHLY", reports, {
    status: "approved",
  }).catch((e: unknown) => e);
  expect(error).toMatchObject({ code: "VALIDATION_FAILED" });
  return (error as { details: { path: string }[] }).details.map((d) => d.path);
}

beforeAll(async () => {
  t = await testApp();
  await seedTinyTree(t.database);
  await seedTinyReporting(t.database.db);
  admin = await signIn(t, "admin", [{ role: "admin", unitCode: "P" }]);
});
afterAll(() => t.close());

describe("bulk load of reports (nạp hàng loạt)", () => {
  it("refuses the whole batch with every bad report's path, and writes nothing", async () => {
    const paths = await refusedPaths([
      report("C11", "202309", 9, 11),
      report("C12", "202309", "chín", 30),
      report("D1", "202309", 1, 2),
      report("XX", "202309", 1, 2),
      { unit: "C21", period: "202309", values: [{ metric: "DONE", value: 1 }] },
      report("C21", "2099-01", 1, 2),
    ]);
    expect(paths).toEqual([
      "reports.1.values.0.value",
      "reports.2.unit",
      "reports.3.unit",
      "reports.4.metrics.TOTAL",
      "reports.5.period",
    ]);
    expect(await counts()).toEqual({ reports: 0, values: 0, audit: 0 });
  });

  it("stores approved reports with their values and one audit row each; analytics sees them at once", async () => {
    const result = await bulkLoadReports(
      t.database,
      testActor,
      "TINY_MONTHLY",
      [report("C11", "202309", 9, 11), report("C12", "202309", "2", "30")],
      { status: "approved" },
    );
    expect(result).toEqual({ reports: 2, values: 4 });
    expect(await counts()).toEqual({ reports: 2, values: 4, audit: 2 });
    const res = await t.app.inject({
      method: "GET",
      url: "/api/analytics?dimension=dx:DONE;TOTAL&dimension=pe:202309&dimension=ou:D1",
      headers: admin,
    });
    expect(res.json().rows).toEqual([
      ["DONE", "202309", "D1", "11"],
      ["TOTAL", "202309", "D1", "41"],
    ]);
  });

  it("never overwrites a stored report: the same (unit, period) again is refused at its period", async () => {
    expect(await refusedPaths([report("C21", "202309", 1, 2), report("C11", "202309", 1, 2)])).toEqual([
      "reports.1.period",
    ]);
    expect(await refusedPaths([report("C21", "202310", 1, 2), report("C21", "202310", 1, 2)])).toEqual([
      "reports.1.period",
    ]);
    expect(await counts()).toEqual({ reports: 2, values: 4, audit: 2 });
  });

  it("stores submitted reports as waiting for approval", async () => {
    await bulkLoadReports(t.database, testActor, "TINY_MONTHLY", [report("C21", "202309", 0, 0)], {
      status: "submitted",
    });
    const rows = await queryRows<{ status: string }>(
      t.database.db,
      sql`select s.status::text as status from submissions s join units u on u.id = s.unit_id where u.code = 'C21'`,
    );
    expect(rows).toEqual([{ status: "submitted" }]);
  });
});
