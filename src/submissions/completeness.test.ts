import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Headers,
  http,
  seedTinyTree,
  signIn,
  type TestApp,
  testActor,
  testApp,
} from "../../test/harness.ts";
import { seedReporting } from "../forms/test-fixtures.ts";
import { moveUnit } from "../units/service.ts";
import { saveDraft } from "./service.ts";
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
    expect(res.json().error.details[0].path).toBe("querystring.period");
  });

  it("answers several periods at once, each as the one-period answer, within the caller's scope", async () => {
    const periods = ["202308", "202309", "202310"];
    const res = await api.get("/api/completeness/periods?form=CDS_XA&from=202308&to=202310&unit=D1", admin);
    expect(res.statusCode).toBe(200);
    const one = (p: string) => api.get(`/api/completeness?form=CDS_XA&period=${p}&unit=D1`, admin);
    expect(res.json()).toEqual(await Promise.all(periods.map(async (p) => (await one(p)).json())));
    expect(res.json().map((a: { submitted: number }) => a.submitted)).toEqual([0, 2, 0]);
    const viewer = await signIn(t, "viewer_d2_grid", [{ role: "viewer", unitCode: "D2" }]);
    const own = await api.get("/api/completeness/periods?form=CDS_XA&from=202309&to=202310", viewer);
    expect(own.json().map((a: { byUnit: { unit: string }[] }) => a.byUnit.map((u) => u.unit))).toEqual([
      ["C21"],
      ["C21"],
    ]);
    const other = await api.get(
      "/api/completeness/periods?form=CDS_XA&from=202309&to=202310&unit=D1",
      viewer,
    );
    expect(other.statusCode).toBe(403);
  });

  it("refuses periods that end before they start, too many of them, or of another type", async () => {
    const cases = [
      ["from=202310&to=202309", "querystring.to"],
      ["from=202001&to=202312", "querystring.to"],
      ["from=2023Q3&to=202312", "querystring.from"],
    ];
    for (const [range, path] of cases) {
      const res = await api.get(`/api/completeness/periods?form=CDS_XA&${range}`, admin);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0]).toMatchObject({ path });
      expect(res.json().error.details[0].message_en).toMatch(/period/i);
    }
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

  it("judges each period in its own tree: a commune moved away counts where it stood then", async () => {
    await moveUnit(t.database.db, testActor, "C12", "D2", "2023-10-01");
    const viewer = await signIn(t, "viewer_d1", [{ role: "viewer", unitCode: "D1" }]);
    const grid = await api.get("/api/completeness/periods?form=CDS_XA&from=202309&to=202310", viewer);
    expect(grid.json().map((a: { byUnit: { unit: string }[] }) => a.byUnit.map((u) => u.unit))).toEqual([
      ["C11", "C12"],
      ["C11"],
    ]);
    const september = "/api/completeness/periods?form=CDS_XA&from=202309&to=202309&unit=C12";
    expect((await api.get(september, viewer)).statusCode).toBe(200);
    const both = "/api/completeness/periods?form=CDS_XA&from=202309&to=202310&unit=C12";
    expect((await api.get(both, viewer)).json().error.code).toBe("OUT_OF_SCOPE");
  });
});
