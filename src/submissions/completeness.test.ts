import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedTinyTree, signIn, type TestApp, testActor, testApp } from "../../test/harness.ts";
import { seedReporting } from "../forms/test-fixtures.ts";
import { saveDraft } from "./service.ts";
import { type Headers, http } from "./test-helpers.ts";
import { approve, submit } from "./workflow.ts";

let t: TestApp;
let api: ReturnType<typeof http>;
let admin: Headers;
const values = [
  { metric: "RECEIVED", value: 10 },
  { metric: "ANSWERED", value: 8 },
];

/** Writes and submits a 202309 report (due 2023-10-05) at `at`, as the system would. */
async function submitAt(unit: string, at: string) {
  const now = new Date(at);
  const saved = await saveDraft(
    t.database.db,
    testActor,
    null,
    { form: "CDS_XA", unit, period: "202309", values },
    { now },
  );
  return submit(t.database.db, testActor, null, saved.id, saved.version, { now });
}

beforeAll(async () => {
  t = await testApp();
  api = http(t);
  await seedTinyTree(t.database);
  await seedReporting(t.database.db);
  admin = await signIn(t, "admin", [{ role: "admin", unitCode: "P" }]);
  // 23:00 on the due date in Việt Nam is on time; 00:30 the next day is late.
  const onTime = await submitAt("C11", "2023-10-05T16:00:00Z");
  await approve(t.database.db, testActor, null, onTime.id, onTime.version, {
    now: new Date("2023-10-07T03:00:00Z"),
  });
  await submitAt("C12", "2023-10-05T17:30:00Z");
});
afterAll(() => t.close());

describe("completeness and timeliness", () => {
  it("counts one on-time, one late and one missing unit", async () => {
    const res = await api.get("/api/completeness?form=CDS_XA&period=202309", admin);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      dueDate: "2023-10-05",
      expected: 3,
      submitted: 2,
      approved: 1,
      onTime: 1,
      late: 1,
      missing: 1,
      rate: 66.67,
      onTimeRate: 33.33,
    });
    expect(res.json().byUnit).toEqual([
      {
        unit: "C11",
        name: "Xã Một Một",
        status: "approved",
        submittedAt: "2023-10-05T16:00:00.000Z",
        late: false,
      },
      {
        unit: "C12",
        name: "Xã Một Hai",
        status: "submitted",
        submittedAt: "2023-10-05T17:30:00.000Z",
        late: true,
      },
      { unit: "C21", name: "Xã Hai Một", status: "missing", submittedAt: null, late: null },
    ]);
  });

  it("narrows to a subtree and to the caller's scope", async () => {
    const d1 = await api.get("/api/completeness?form=CDS_XA&period=202309&unit=D1", admin);
    expect(d1.json()).toMatchObject({ expected: 2, submitted: 2, missing: 0 });
    const viewer = await signIn(t, "viewer_d2", [{ role: "viewer", unitCode: "D2" }]);
    const own = await api.get("/api/completeness?form=CDS_XA&period=202309", viewer);
    expect(own.json()).toMatchObject({ expected: 1, missing: 1 });
    const other = await api.get("/api/completeness?form=CDS_XA&period=202309&unit=D1", viewer);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe("OUT_OF_SCOPE");
  });

  it("refuses a period of another type", async () => {
    const res = await api.get("/api/completeness?form=CDS_XA&period=2023Q3", admin);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe("period");
  });

  it("stores the due date and lateness on the report", async () => {
    const list = (await api.get("/api/submissions?form=CDS_XA&period=202309", admin)).json();
    expect(
      list.map((s: { unit: string; dueDate: string; late: boolean }) => [s.unit, s.dueDate, s.late]),
    ).toEqual([
      ["C11", "2023-10-05", false],
      ["C12", "2023-10-05", true],
    ]);
  });
});
