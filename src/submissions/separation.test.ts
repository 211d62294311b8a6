import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Headers, http, seedTinyTree, signIn, type TestApp, testApp } from "../../test/harness.ts";
import { seedReporting } from "../forms/test-fixtures.ts";
import { lastMonth } from "./test-helpers.ts";

// Tách bạch nhiệm vụ: the person who sent a report is not the one who approves it, unless the
// form allows it (a one-person office).
let t: TestApp;
let api: ReturnType<typeof http>;
let both: Headers;
let approver: Headers;
const period = lastMonth();

beforeAll(async () => {
  t = await testApp();
  api = http(t);
  await seedTinyTree(t.database);
  await seedReporting(t.database.db);
  both = await signIn(t, "one_person", [
    { role: "reporter", unitCode: "D1" },
    { role: "approver", unitCode: "D1" },
  ]);
  approver = await signIn(t, "approver_d1", [{ role: "approver", unitCode: "D1" }]);
});
afterAll(() => t.close());

async function submitted(unit: string): Promise<number> {
  const values = [
    { metric: "RECEIVED", value: 10 },
    { metric: "ANSWERED", value: 9 },
  ];
  const saved = await api.put("/api/submissions", both, { form: "CDS_XA", unit, period, values });
  expect(saved.statusCode, saved.body).toBe(201);
  const id = saved.json().id as number;
  expect((await api.post(`/api/submissions/${id}/submit`, both, { version: 1 })).statusCode).toBe(200);
  return id;
}

describe("separation of duties", () => {
  it("refuses the submitter's own approval, leaves the report submitted, and lets another approver approve", async () => {
    const id = await submitted("C11");
    const own = await api.post(`/api/submissions/${id}/approve`, both, { version: 2 });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe("OWN_REPORT_APPROVAL");
    expect((await api.get(`/api/submissions/${id}`, both)).json()).toMatchObject({
      status: "submitted",
      version: 2,
    });
    const other = await api.post(`/api/submissions/${id}/approve`, approver, { version: 2 });
    expect(other.statusCode).toBe(200);
  });

  it("lets the submitter approve on a form that allows it", async () => {
    // Set as POST /api/forms sets it (forms cannot be edited through the API yet: issue 12).
    await t.database.db.execute(sql`update forms set submitter_may_approve = true where code = 'CDS_XA'`);
    const form = (await api.get("/api/forms/CDS_XA", both)).json();
    expect(form.submitterMayApprove).toBe(true);
    const id = await submitted("C12");
    const own = await api.post(`/api/submissions/${id}/approve`, both, { version: 2 });
    expect(own.statusCode, own.body).toBe(200);
  });
});
