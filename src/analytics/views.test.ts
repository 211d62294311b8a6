/**
 * The worked example of docs/analytics.md ("Two views of the same figures"): on the tiny tree
 * plus D3 (C31), C12 moves from D1 to D2 on 01/07/2024 and D3 closes on 01/10/2024 (C31 goes to
 * D2). Every commune reports FLOW each month of 2024: C11 10, C12 20, C21 30, C31 40. C12 reports
 * the stock STOCK 100 in June and 120 in December, C31 50 in September. The reports are approved
 * before the tree changes, so the roll-ups are realigned by them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedTinyTree, signIn, type TestApp, testActor, testApp } from "../../test/harness.ts";
import { closeUnit, createUnits, moveUnit } from "../units/service.ts";
import { report, setupReporting } from "./fixtures.test-helper.ts";
import { expectSameAsRebuild } from "./rollup.test-helper.ts";

let t: TestApp;
let viewer: { cookie: string };

const FLOWS: Record<string, number> = { C11: 10, C12: 20, C21: 30, C31: 40 };
const MONTHS = Array.from({ length: 12 }, (_, i) => `2024${String(i + 1).padStart(2, "0")}`);

beforeAll(async () => {
  t = await testApp();
  await seedTinyTree(t.database);
  await createUnits(t.database.db, testActor, [
    {
      code: "D3",
      nameVi: "Huyện Ba",
      kind: "territorial",
      type: "huyện",
      parentCode: "P",
      validFrom: "2020-01-01",
    },
    {
      code: "C31",
      nameVi: "Xã Ba Một",
      kind: "territorial",
      type: "xã",
      parentCode: "D3",
      validFrom: "2020-01-01",
    },
  ]);
  await setupReporting(
    t.database.db,
    [
      { code: "FLOW", aggregation: "sum" },
      { code: "STOCK", aggregation: "last" },
    ],
    Object.keys(FLOWS),
  );
  const stocks: Record<string, number> = { "C12|202406": 100, "C12|202412": 120, "C31|202409": 50 };
  for (const [unit, flow] of Object.entries(FLOWS)) {
    for (const period of MONTHS) {
      const stock = stocks[`${unit}|${period}`];
      await report(t.database.db, {
        unit,
        period,
        values: stock === undefined ? { FLOW: flow } : { FLOW: flow, STOCK: stock },
      });
    }
  }
  await moveUnit(t.database.db, testActor, "C12", "D2", "2024-07-01");
  await moveUnit(t.database.db, testActor, "C31", "D2", "2024-10-01");
  await closeUnit(t.database.db, testActor, "D3", {
    date: "2024-10-01",
    kind: "merge",
    successorCodes: ["D2"],
  });
  viewer = await signIn(t, "viewer", [{ role: "viewer", unitCode: "P" }]);
});
afterAll(() => t.close());

async function ask(query: string, headers = viewer) {
  const res = await t.app.inject({ method: "GET", url: `/api/analytics?${query}`, headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { rows: string[][]; metaData: { view: string; asOf: string | null } };
}

const PERIODS = "pe:2024;2024Q1;2024Q2;2024Q3;2024Q4";

describe("the two views of the worked example", () => {
  it("counts each value where its unit stood in its own month: the year is the sum of its quarters", async () => {
    const answer = await ask(`dimension=ou:P;LEVEL-2&dimension=${PERIODS}&filter=dx:FLOW`);
    expect(answer.metaData).toMatchObject({ view: "own-period", asOf: null });
    expect(answer.rows).toEqual([
      ["D1", "2024", "240"],
      ["D1", "2024Q1", "90"],
      ["D1", "2024Q2", "90"],
      ["D1", "2024Q3", "30"],
      ["D1", "2024Q4", "30"],
      ["D2", "2024", "600"],
      ["D2", "2024Q1", "90"],
      ["D2", "2024Q2", "90"],
      ["D2", "2024Q3", "150"],
      ["D2", "2024Q4", "270"],
      ["D3", "2024", "360"],
      ["D3", "2024Q1", "120"],
      ["D3", "2024Q2", "120"],
      ["D3", "2024Q3", "120"],
    ]);
    expect((await ask(`dimension=ou:P&dimension=pe:2024&filter=dx:FLOW`)).rows).toEqual([
      ["P", "2024", "1200"],
    ]);
    await expectSameAsRebuild(t.database.db);
  });

  it("restates every value on the tree of asOf: like for like in today's units, the closed district gone", async () => {
    const answer = await ask(`dimension=ou:P;LEVEL-2&dimension=${PERIODS}&filter=dx:FLOW&asOf=2024-12-31`);
    expect(answer.metaData).toMatchObject({ view: "asOf", asOf: "2024-12-31" });
    expect(answer.rows).toEqual([
      ["D1", "2024", "120"],
      ["D1", "2024Q1", "30"],
      ["D1", "2024Q2", "30"],
      ["D1", "2024Q3", "30"],
      ["D1", "2024Q4", "30"],
      ["D2", "2024", "1080"],
      ["D2", "2024Q1", "270"],
      ["D2", "2024Q2", "270"],
      ["D2", "2024Q3", "270"],
      ["D2", "2024Q4", "270"],
    ]);
    // The same answer from the raw values (asOf across the changes reads them).
    const raw = await ask(
      `dimension=ou:P;LEVEL-2&dimension=${PERIODS}&filter=dx:FLOW&asOf=2024-12-31&includeUnapproved=true`,
    );
    expect(raw.rows).toEqual(answer.rows);
  });

  it("takes a stock's last value in the period, where its unit stood at that value", async () => {
    const q = `dimension=ou:P;LEVEL-2&dimension=pe:2024;2024Q2;2024Q3&filter=dx:STOCK`;
    expect((await ask(q)).rows).toEqual([
      ["D1", "2024Q2", "100"],
      ["D2", "2024", "120"],
      ["D3", "2024", "50"],
      ["D3", "2024Q3", "50"],
    ]);
    expect((await ask(`${q}&asOf=2024-12-31`)).rows).toEqual([
      ["D2", "2024", "170"],
      ["D2", "2024Q2", "100"],
      ["D2", "2024Q3", "50"],
    ]);
  });

  it("answers a district's viewer for a commune only while it stood in the district all period", async () => {
    const district = await signIn(t, "d1.viewer", [{ role: "viewer", unitCode: "D1" }]);
    // C12 left D1 on 01/07/2024: its 2024 figure holds values reported in D2.
    const res = await t.app.inject({
      method: "GET",
      url: "/api/analytics?dimension=ou:C12&dimension=pe:2024&filter=dx:FLOW",
      headers: district,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("OUT_OF_SCOPE");
    expect(
      (await ask("dimension=ou:D1;LEVEL-3&dimension=pe:2024;2024Q2&filter=dx:FLOW", district)).rows,
    ).toEqual([
      ["C11", "2024", "120"],
      ["C11", "2024Q2", "30"],
      ["C12", "2024Q2", "60"],
    ]);
    // The district's own figure still counts C12's January–June.
    expect((await ask("dimension=ou:D1&dimension=pe:2024&filter=dx:FLOW", district)).rows).toEqual([
      ["D1", "2024", "240"],
    ]);
  });
});
