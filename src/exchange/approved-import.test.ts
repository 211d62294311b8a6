import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Headers, http, seedTinyTree, signIn, type TestApp, testApp } from "../../test/harness.ts";
import { LAST_MONTH, THIS_MONTH } from "../../test/test-clock.ts";
import { queryRows } from "../db/rows.ts";
import { seedReporting } from "../forms/test-fixtures.ts";

/** Issue 12.7: admins import a past period's data as approved, named as such in the audit trail. */
let t: TestApp;
let api: ReturnType<typeof http>;
let provinceAdmin: Headers;
let districtAdmin: Headers;
let reporter: Headers;

beforeAll(async () => {
  t = await testApp();
  api = http(t);
  await seedTinyTree(t.database);
  await seedReporting(t.database.db);
  provinceAdmin = await signIn(t, "tinh", [{ role: "admin", unitCode: "P" }]);
  districtAdmin = await signIn(t, "huyen", [{ role: "admin", unitCode: "D1" }]);
  reporter = await signIn(t, "xa", [{ role: "reporter", unitCode: "P" }]);
});
afterAll(() => t.close());

const report = (unit: string, period: string, received = "10") => [
  { dataElement: "RECEIVED", orgUnit: unit, period, value: received },
  { dataElement: "ANSWERED", orgUnit: unit, period, value: "8" },
];
const set = (...values: ReturnType<typeof report>[]) => ({ dataSet: "CDS_XA", dataValues: values.flat() });
const approved = "/api/dataValueSets?approve=true&reason=S%E1%BB%91%20li%E1%BB%87u%20c%C5%A9";

async function stored(unit: string, period: string) {
  return queryRows<{ status: string; approvedBy: number | null; action: string; reason: string | null }>(
    t.database.db,
    sql`select s.status, s.approved_by as "approvedBy", a.action, a.after->>'reason' as reason
        from submissions s join units u on u.id = s.unit_id
        join audit_log a on a.object_type = 'submission' and a.object_id = s.id::text
        where u.code = ${unit} and s.period = ${period} order by a.id`,
  );
}

describe("importing a past period as approved", () => {
  it("stores the province admin's reports approved, each audited as imported-as-approved with the reason", async () => {
    const res = await api.post(
      approved,
      provinceAdmin,
      set(report("C11", "202609"), report("C21", "202609")),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().importCount.imported).toBe(4);
    const rows = await stored("C11", "202609");
    expect(rows.map((r) => r.action)).toEqual(["create", "submit", "import_approved"]);
    expect(rows.at(-1)).toMatchObject({ status: "approved", reason: "Số liệu cũ" });
    expect(rows[0]?.approvedBy).not.toBeNull();
    expect((await stored("C21", "202609")).at(-1)?.action).toBe("import_approved");
    // Approved data is what the leaders' figures read.
    const out = await api.get("/api/dataValueSets?dataSet=CDS_XA&period=202609&orgUnit=C11", provinceAdmin);
    expect(out.json().dataValues).toHaveLength(2);
  });

  it("refuses the whole file when the admin does not administer every unit in it", async () => {
    const res = await api.post(
      approved,
      districtAdmin,
      set(report("C12", "202608"), report("C21", "202608")),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().conflicts.map((c: { property: string }) => c.property)).toEqual([
      "OUT_OF_SCOPE",
      "OUT_OF_SCOPE",
    ]);
    expect(await stored("C12", "202608")).toEqual([]);
  });

  it("is for admins only, with a reason, for ended periods, reports that pass the submit gate and do not exist yet", async () => {
    const byReporter = await api.post(approved, reporter, set(report("C12", "202607")));
    expect(byReporter.json().conflicts[0].property).toBe("FORBIDDEN");
    const noReason = await api.post(
      "/api/dataValueSets?approve=true",
      provinceAdmin,
      set(report("C12", "202607")),
    );
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].path).toBe("body.reason");
    const open = await api.post(approved, provinceAdmin, set(report("C12", THIS_MONTH)));
    expect(open.json().conflicts[0].property).toBe("period");
    const rulesFail = await api.post(approved, provinceAdmin, set(report("C12", "202607", "5")));
    expect(rulesFail.json().conflicts[0].property).toBe("rules.ANSWERED_LE_RECEIVED");
    await api.post("/api/dataValueSets", provinceAdmin, set(report("C12", LAST_MONTH)));
    const existing = await api.post(approved, provinceAdmin, set(report("C12", LAST_MONTH)));
    expect(existing.json().conflicts[0].property).toBe("period");
    expect((await stored("C12", LAST_MONTH)).at(-1)).toMatchObject({ status: "draft", action: "create" });
    expect(await stored("C12", "202607")).toEqual([]);
  });
});
