import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Headers, http, seedTinyTree, signIn, type TestApp, testApp } from "../../test/harness.ts";
import { queryRows } from "../db/rows.ts";
import { seedReporting } from "../forms/test-fixtures.ts";
import { lastMonth } from "./test-helpers.ts";

// Phê duyệt hàng loạt: many reports decided in one request, each as its own decision would be.
let t: TestApp;
let api: ReturnType<typeof http>;
let reporter: Headers;
let approver: Headers;
const period = lastMonth();
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await testApp();
  api = http(t);
  await seedTinyTree(t.database);
  await seedReporting(t.database.db);
  reporter = await signIn(t, "reporter_p", [{ role: "reporter", unitCode: "P" }]);
  approver = await signIn(t, "approver_d1", [{ role: "approver", unitCode: "D1" }]);
  for (const unit of ["C11", "C12", "C21"]) {
    const values = [
      { metric: "RECEIVED", value: 10 },
      { metric: "ANSWERED", value: 9 },
    ];
    const saved = await api.put("/api/submissions", reporter, { form: "CDS_XA", unit, period, values });
    ids[unit] = saved.json().id;
    await api.post(`/api/submissions/${ids[unit]}/submit`, reporter, { version: 1 });
  }
});
afterAll(() => t.close());

const decide = (body: object, who = approver) => api.post("/api/submissions/decisions", who, body);
const audited = (id: number) =>
  queryRows<{ action: string; after: { reason?: string } | null }>(
    t.database.db,
    sql`select action, after from audit_log where object_type = 'submission' and object_id = ${String(id)}
        and action in ('approve', 'return') order by id`,
  );

describe("deciding many reports at once", () => {
  it("approves a selection report by report: out of scope and changed-since are refused, the rest approved and audited", async () => {
    const res = await decide({
      action: "approve",
      reports: [
        { id: ids.C11, version: 2 },
        { id: ids.C21, version: 2 },
        { id: ids.C12, version: 1 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const { results, counts } = res.json();
    expect(counts).toEqual({ approved: 1, returned: 0, refused: 2 });
    expect(
      results.map((r: { outcome: string; error: { code: string } | null }) => [
        r.outcome,
        r.error?.code ?? null,
      ]),
    ).toEqual([
      ["approved", null],
      ["refused", "OUT_OF_SCOPE"],
      ["refused", "STALE_VERSION"],
    ]);
    expect((await audited(ids.C11 ?? 0)).map((a) => a.action)).toEqual(["approve"]);
    expect(await audited(ids.C21 ?? 0)).toEqual([]);
  });

  it("returns what a filter selects in the approver's scope, with one reason on each", async () => {
    const res = await decide({
      action: "return",
      reason: "Thiếu số liệu tháng",
      filter: { form: "CDS_XA", period },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().results.map((r: { id: number; outcome: string }) => [r.id, r.outcome])).toEqual([
      [ids.C12, "returned"],
    ]);
    const [row] = await audited(ids.C12 ?? 0);
    expect(row?.action).toBe("return");
    expect(JSON.stringify(row?.after)).toContain("Thiếu số liệu tháng");
    const c21 = (await api.get(`/api/submissions/${ids.C21}`, reporter)).json();
    expect(c21.status).toBe("submitted");
  });

  it("refuses a return without a reason, both a selection and a filter, and a non-approver", async () => {
    const noReason = await decide({ action: "return", filter: {} });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].path).toBe("body.reason");
    const both = await decide({ action: "approve", filter: {}, reports: [{ id: 1, version: 1 }] });
    expect(both.statusCode).toBe(400);
    expect((await decide({ action: "approve", filter: {} }, reporter)).statusCode).toBe(403);
  });
});
