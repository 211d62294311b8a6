import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedTinyTree, signIn, type TestApp, testActor, testApp } from "../../test/harness.ts";
import { moveUnit } from "../units/service.ts";
import { report, setupReporting } from "./fixtures.test-helper.ts";

let t: TestApp;
let viewer: { cookie: string };

/**
 * Figures on the tiny tree P > D1 (C11, C12), D2 (C21), S1; every report approved unless said.
 * SERVICES is a flow, SUBSCRIBERS a stock, SCORE an average weighted by POP, RATE = DONE/TOTAL,
 * SHARE = RATE/100, TARGET is not rolled up, FLAG is a yes/no.
 */
async function seedFigures() {
  const metrics = [
    { code: "SERVICES", aggregation: "sum", valueType: "integer" },
    { code: "SUBSCRIBERS", aggregation: "last", valueType: "integer" },
    { code: "POP", aggregation: "sum", valueType: "integer" },
    { code: "SCORE", aggregation: "average", weightMetricCode: "POP" },
    { code: "DONE", aggregation: "sum", valueType: "integer" },
    { code: "TOTAL", aggregation: "sum", valueType: "integer" },
    { code: "RATE", aggregation: "formula", valueType: "percent", formula: "#{DONE} / #{TOTAL} * 100" },
    { code: "SHARE", aggregation: "formula", formula: "#{RATE} / 100" },
    { code: "TARGET", aggregation: "none" },
    { code: "FLAG", aggregation: "sum", valueType: "boolean" },
  ] as const;
  await setupReporting(t.database.db, [...metrics], ["C11", "C12", "C21", "S1", "D1"]);
  const reports: [string, string, Record<string, number>, ("draft" | "submitted")?][] = [
    ["C11", "202307", { SERVICES: 10, SUBSCRIBERS: 100 }],
    ["C11", "202308", { SERVICES: 20, SUBSCRIBERS: 110 }],
    ["C11", "202309", { SERVICES: 30, SCORE: 80, POP: 1000, DONE: 9, TOTAL: 11, TARGET: 5, FLAG: 1 }],
    ["C11", "202312", { SERVICES: 40 }],
    ["C12", "202307", { SUBSCRIBERS: 50 }],
    ["C12", "202309", { SERVICES: 5, SUBSCRIBERS: 70, SCORE: 50, POP: 3000, DONE: 2, TOTAL: 30, FLAG: 0 }],
    ["C21", "202309", { SERVICES: 7, SCORE: 90, POP: 1000, DONE: 0, TOTAL: 0, FLAG: 1 }],
    ["S1", "202309", { SERVICES: 100 }],
    ["D1", "202309", { TARGET: 50 }],
    ["C21", "202308", { SERVICES: 1000 }, "draft"],
    ["C12", "202308", { SERVICES: 3 }, "submitted"],
  ];
  for (const [unit, period, values, status] of reports) {
    await report(t.database.db, { unit, period, values, status });
  }
}

beforeAll(async () => {
  t = await testApp();
  await seedTinyTree(t.database);
  await seedFigures();
  viewer = await signIn(t, "viewer", [{ role: "viewer", unitCode: "P" }]);
});
afterAll(() => t.close());

async function ask(query: string) {
  const res = await t.app.inject({ method: "GET", url: `/api/analytics?${query}`, headers: viewer });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { rows: string[][]; height: number };
}

const rows = async (query: string) => (await ask(query)).rows;

describe("analytics: aggregation rules", () => {
  it("sums a flow over communes into districts and the province (agencies included)", async () => {
    expect(await rows("dimension=dx:SERVICES&dimension=pe:202309&dimension=ou:C11;C12;D1;D2;P")).toEqual([
      ["SERVICES", "202309", "C11", "30"],
      ["SERVICES", "202309", "C12", "5"],
      ["SERVICES", "202309", "D1", "35"],
      ["SERVICES", "202309", "D2", "7"],
      ["SERVICES", "202309", "P", "142"],
    ]);
  });

  it("sums months into quarters, half-years and years", async () => {
    const query =
      "dimension=dx:SERVICES&dimension=pe:2023-07;202308;202309;2023Q3;2023Q4;2023S2;2023&dimension=ou:C11;P";
    expect(await rows(query)).toEqual([
      ["SERVICES", "202307", "C11", "10"],
      ["SERVICES", "202307", "P", "10"],
      ["SERVICES", "202308", "C11", "20"],
      ["SERVICES", "202308", "P", "20"],
      ["SERVICES", "202309", "C11", "30"],
      ["SERVICES", "202309", "P", "142"],
      ["SERVICES", "2023Q3", "C11", "60"],
      ["SERVICES", "2023Q3", "P", "172"],
      ["SERVICES", "2023Q4", "C11", "40"],
      ["SERVICES", "2023Q4", "P", "40"],
      ["SERVICES", "2023S2", "C11", "100"],
      ["SERVICES", "2023S2", "P", "212"],
      ["SERVICES", "2023", "C11", "100"],
      ["SERVICES", "2023", "P", "212"],
    ]);
  });

  it("takes each unit's latest month of a stock within the quarter, then sums the units", async () => {
    expect(
      await rows("dimension=dx:SUBSCRIBERS&dimension=pe:2023Q3;202308&dimension=ou:C11;C12;D1;P"),
    ).toEqual([
      ["SUBSCRIBERS", "2023Q3", "C11", "110"],
      ["SUBSCRIBERS", "2023Q3", "C12", "70"],
      ["SUBSCRIBERS", "2023Q3", "D1", "180"],
      ["SUBSCRIBERS", "2023Q3", "P", "180"],
      ["SUBSCRIBERS", "202308", "C11", "110"],
      ["SUBSCRIBERS", "202308", "D1", "110"],
      ["SUBSCRIBERS", "202308", "P", "110"],
    ]);
  });

  it("weights an average by the weight metric of the same unit and period", async () => {
    // D1: (80·1000 + 50·3000) / 4000 = 57.5, not the plain mean 65.
    expect(await rows("dimension=dx:SCORE&dimension=pe:202309&dimension=ou:D1;D2;P")).toEqual([
      ["SCORE", "202309", "D1", "57.5"],
      ["SCORE", "202309", "D2", "90"],
      ["SCORE", "202309", "P", "64"],
    ]);
  });

  it("computes a ratio from summed parts, not the average of the units' ratios", async () => {
    // D1 = (9 + 2) / (11 + 30) · 100 = 26.8293; the mean of 81.8182 and 6.6667 would be 44.2424.
    // D2 has 0/0: no row rather than NaN.
    expect(await rows("dimension=dx:RATE&dimension=pe:202309&dimension=ou:C11;C12;D1;D2;P")).toEqual([
      ["RATE", "202309", "C11", "81.8182"],
      ["RATE", "202309", "C12", "6.6667"],
      ["RATE", "202309", "D1", "26.8293"],
      ["RATE", "202309", "P", "26.8293"],
    ]);
  });

  it("evaluates a formula over another formula's aggregate", async () => {
    expect(await rows("dimension=dx:SHARE&dimension=pe:202309&dimension=ou:D1")).toEqual([
      ["SHARE", "202309", "D1", "0.2683"],
    ]);
  });

  it("does not roll up a `none` metric: only the exact unit and period", async () => {
    expect(await rows("dimension=dx:TARGET&dimension=pe:202309;2023Q3&dimension=ou:C11;D1;P")).toEqual([
      ["TARGET", "202309", "C11", "5"],
      ["TARGET", "202309", "D1", "50"],
    ]);
  });

  it("counts the yeses of a yes/no metric", async () => {
    expect(await rows("dimension=dx:FLAG&dimension=pe:202309&dimension=ou:D1;P")).toEqual([
      ["FLAG", "202309", "D1", "1"],
      ["FLAG", "202309", "P", "2"],
    ]);
  });

  it("counts only approved reports unless unapproved ones are asked for", async () => {
    const base = "dimension=dx:SERVICES&dimension=pe:2023Q3;202308&dimension=ou:D2;P";
    expect(await rows(base)).toEqual([
      ["SERVICES", "2023Q3", "D2", "7"],
      ["SERVICES", "2023Q3", "P", "172"],
      ["SERVICES", "202308", "P", "20"],
    ]);
    expect(await rows(`${base}&includeUnapproved=true`)).toEqual([
      ["SERVICES", "2023Q3", "D2", "1007"],
      ["SERVICES", "2023Q3", "P", "1175"],
      ["SERVICES", "202308", "D2", "1000"],
      ["SERVICES", "202308", "P", "1023"],
    ]);
  });

  it("aggregates over filter items, counting a value reached twice only once", async () => {
    expect(await rows("dimension=dx:SERVICES&dimension=ou:D1;D2&filter=pe:202307;202308;202309")).toEqual([
      ["SERVICES", "D1", "65"],
      ["SERVICES", "D2", "7"],
    ]);
    expect(await rows("dimension=dx:SERVICES&dimension=pe:2023Q3&filter=ou:D1;C11")).toEqual([
      ["SERVICES", "2023Q3", "65"],
    ]);
  });

  it("rolls a moved commune up under its old district for 2023 and its new one for 2025-08", async () => {
    await moveUnit(t.database.db, testActor, "C12", "D2", "2025-07-01");
    await report(t.database.db, {
      unit: "C12",
      period: "202508",
      values: { SERVICES: 8 },
    });
    await report(t.database.db, {
      unit: "C11",
      period: "202508",
      values: { SERVICES: 4 },
    });
    expect(await rows("dimension=dx:SERVICES&dimension=pe:202309;202508;2023&dimension=ou:D1;D2")).toEqual([
      ["SERVICES", "202309", "D1", "35"],
      ["SERVICES", "202309", "D2", "7"],
      ["SERVICES", "202508", "D1", "4"],
      ["SERVICES", "202508", "D2", "8"],
      ["SERVICES", "2023", "D1", "105"],
      ["SERVICES", "2023", "D2", "7"],
    ]);
    // Asked alone, D2 still finds C12's 2025 value although 2023's D2 had no C12 below it.
    expect(await rows("dimension=dx:SERVICES&dimension=pe:202309;202508&dimension=ou:D2")).toEqual([
      ["SERVICES", "202309", "D2", "7"],
      ["SERVICES", "202508", "D2", "8"],
    ]);
    // asOf reads 2023 in today's tree instead: C12's 5 now counts for D2.
    expect(await rows("dimension=dx:SERVICES&dimension=pe:2023&dimension=ou:D1;D2&asOf=2026-01-01")).toEqual([
      ["SERVICES", "2023", "D1", "100"],
      ["SERVICES", "2023", "D2", "12"],
    ]);
  });

  it("judges scope in each period's tree: D1 still sees the moved commune's 2023 figures", async () => {
    const d1 = await signIn(t, "d1-viewer", [{ role: "viewer", unitCode: "D1" }]);
    const ask = (pe: string) =>
      t.app.inject({
        method: "GET",
        url: `/api/analytics?dimension=dx:SERVICES&dimension=pe:${pe}&dimension=ou:C12`,
        headers: d1,
      });
    const y2023 = await ask("2023");
    expect(y2023.statusCode).toBe(200);
    expect(y2023.json().rows).toEqual([["SERVICES", "2023", "C12", "5"]]);
    const aug2025 = await ask("202508");
    expect(aug2025.statusCode).toBe(403);
    expect(aug2025.json().error.message_en).toBe("Unit C12 is outside your assigned scope");
  });
});
