import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { signIn, type TestApp, testActor, testApp } from "../../test/harness.ts";
import { TEST_NOW } from "../../test/test-clock.ts";
import { advanceClock, startClockAt } from "../config/clock.ts";
import { approvedReport, rateIndicator, seedTinyPlan } from "../plans/test-fixtures.ts";
import { createUnits } from "../units/service.ts";
import type { Summary } from "./schema.ts";

let t: TestApp;
let viewer: { cookie: string };

const summary = (query: string, headers: Record<string, string> = viewer) =>
  t.app.inject({ method: "GET", url: `/api/ioc/summary${query}`, headers });

beforeAll(async () => {
  t = await testApp();
  const { admin } = await seedTinyPlan(t);
  const post = (url: string, payload: object) =>
    t.app.inject({ method: "POST", url, payload, headers: admin });
  await post("/api/plans/KH-T/indicators", rateIndicator);
  await post("/api/plans/KH-T/pillars/A/figures", { code: "DONE", shareOf: "TOTAL" });
  // August: C11 9/11, C12 2/30 (D1), C21 missing. September: C11 10/12 only.
  await approvedReport(t.database.db, "C11", "202308", { DONE: 9, TOTAL: 11 });
  await approvedReport(t.database.db, "C12", "202308", { DONE: 2, TOTAL: 30 });
  await approvedReport(t.database.db, "C11", "202309", { DONE: 10, TOTAL: 12 });
  viewer = await signIn(t, "lanhdao", [{ role: "viewer", unitCode: "P" }]);
});
afterAll(() => t.close());

describe("GET /api/ioc/summary", () => {
  test("refuses anonymous callers", async () => {
    const res = await summary("?plan=KH-T", {});
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("UNAUTHENTICATED");
  });

  test("opens on the latest month whose reports are due, not the latest with approved reports", async () => {
    // 20/10/2023, in the plan's year: September's reports were due on 05/10 (5 days after the
    // month), October's are not yet.
    startClockAt(new Date("2023-10-20T02:00:00Z"));
    try {
      const s: Summary = (await summary("")).json();
      expect(s.period).toEqual({ id: "202309", labelVi: "Tháng 9/2023", labelEn: "September 2023" });
      expect(s.completeness.months.at(-1)).toBe("202309");
      // On 05/10/2023, September's due day, the screen still opens on August.
      startClockAt(new Date("2023-10-05T02:00:00Z"));
      const before: Summary = (await summary("")).json();
      expect(before.period.id).toBe("202308");
      expect(before.periods).toEqual(["202309", "202308"]);
    } finally {
      startClockAt(TEST_NOW);
    }
  });

  test("once the plan's year is over, opens on its last month with approved reports", async () => {
    const res = await summary("");
    expect(res.statusCode).toBe(200);
    const s: Summary = res.json();
    expect(s.period).toEqual({ id: "202309", labelVi: "Tháng 9/2023", labelEn: "September 2023" });
    expect(s.periods).toEqual(["202309", "202308"]);
  });

  test("answers every panel for the month asked", async () => {
    const res = await summary("?period=202309");
    expect(res.statusCode).toBe(200);
    const s: Summary = res.json();
    expect(s.plan.code).toBe("KH-T");
    expect(s.period).toEqual({ id: "202309", labelVi: "Tháng 9/2023", labelEn: "September 2023" });
    expect(s.periods).toEqual(["202309", "202308"]);
    expect(s.unit).toEqual({ code: "P", nameVi: "Tỉnh Thử", nameEn: null });
    expect(s.reach).toBe("full");
    // Which view the figures use (docs/analytics.md, "Two views of the same figures").
    expect(s.view).toEqual({ kind: "own-period", asOf: null });
    expect(s.units.map((u) => u.code)).toEqual(["P"]);
    // R-01 at September: C11 10/12 alone counts for the province (C12 has no September report).
    expect(s.status?.pillars).toEqual([
      {
        code: "A",
        nameVi: "Trụ cột A",
        nameEn: "Pillar A",
        counts: { total: 1, done: 1, likely: 0, at_risk: 0, dependent: 0, discontinued: 0, no_data: 0 },
      },
    ]);
    const [done] = s.figures;
    expect(done).toMatchObject({
      code: "DONE",
      value: 10,
      previousValue: 11,
      labelVi: "Số hồ sơ đã giải quyết",
    });
    expect(done?.sharePercent).toBeCloseTo((10 / 12) * 100, 10);
    expect(done?.trend).toHaveLength(12);
    expect(done?.trend.slice(-3)).toEqual([
      { period: "202307", value: null },
      { period: "202308", value: 11 },
      { period: "202309", value: 10 },
    ]);
  });

  test("sends the same answer gzipped to a browser that accepts it", async () => {
    const plain = await summary("?period=202309");
    const zipped = await summary("?period=202309", { ...viewer, "accept-encoding": "gzip, deflate, br" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length);
    expect(JSON.parse(gunzipSync(zipped.rawPayload).toString("utf8"))).toEqual(plain.json());
  });

  test("counts reports on time, late and missing by district and month", async () => {
    const s: Summary = (await summary("?plan=KH-T&period=202309")).json();
    expect(s.completeness.forms).toEqual(["TINY_MONTHLY"]);
    expect(s.completeness.months).toEqual(["202304", "202305", "202306", "202307", "202308", "202309"]);
    const row = (code: string) => s.completeness.rows.find((r) => r.code === code)?.cells.slice(-2);
    expect(row("D1")).toEqual([
      { period: "202308", expected: 2, onTime: 2, late: 0, missing: 0 },
      { period: "202309", expected: 2, onTime: 1, late: 0, missing: 1 },
    ]);
    expect(row("D2")).toEqual([
      { period: "202308", expected: 1, onTime: 0, late: 0, missing: 1 },
      { period: "202309", expected: 1, onTime: 0, late: 0, missing: 1 },
    ]);
    // S1 reports nothing: no row. The totals add up the rows.
    expect(s.completeness.rows.map((r) => r.code)).toEqual(["D1", "D2"]);
    expect(s.completeness.totals.at(-1)).toEqual({
      period: "202309",
      expected: 3,
      onTime: 1,
      late: 0,
      missing: 2,
    });
  });

  test("gives the map's figures by district, with the share of the whole", async () => {
    const s: Summary = (await summary("?plan=KH-T&period=202308")).json();
    expect(s.map.figures).toEqual([{ code: "DONE", labelVi: "Số hồ sơ đã giải quyết", labelEn: null }]);
    const d1 = s.map.units.find((u) => u.code === "D1");
    expect(d1?.values.DONE?.value).toBe(11);
    expect(d1?.values.DONE?.share).toBeCloseTo((11 / 41) * 100, 10);
    expect(s.map.units.find((u) => u.code === "D2")?.values.DONE).toEqual({ value: null, share: null });
    expect(s.ranking).toBeNull();
  });

  test("leaves the statuses out for a month outside the plan's year, and refuses a bad month", async () => {
    const outside: Summary = (await summary("?plan=KH-T&period=202401")).json();
    expect(outside.status).toBeNull();
    expect(outside.period.id).toBe("202401");
    const bad = await summary("?plan=KH-T&period=202313");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe("querystring.period");
  });

  test("answers 304 while the data is unchanged, and the new figure once a report is approved", async () => {
    const first = await summary("?plan=KH-T&period=202309");
    const etag = String(first.headers.etag);
    expect(first.headers["cache-control"]).toBe("private, no-cache");
    const again = await summary("?plan=KH-T&period=202309", { ...viewer, "if-none-match": etag });
    expect(again.statusCode).toBe(304);

    await approvedReport(t.database.db, "C12", "202309", { DONE: 5, TOTAL: 30 });
    advanceClock(1100); // the data version is read at most once a second
    const fresh = await summary("?plan=KH-T&period=202309", { ...viewer, "if-none-match": etag });
    expect(fresh.statusCode).toBe(200);
    expect(fresh.headers.etag).not.toBe(etag);
    expect(fresh.json().figures[0].value).toBe(15);
  });

  test("opens on each user's own scope: a district's on the district, a commune's on the commune", async () => {
    const district = await signIn(t, "huyen1", [{ role: "approver", unitCode: "D1" }]);
    const d1: Summary = (await summary("?period=202308", district)).json();
    expect(d1.unit).toEqual({ code: "D1", nameVi: "Huyện Một", nameEn: null });
    expect(d1.reach).toBe("full");
    expect(d1.units.map((u) => u.code)).toEqual(["P", "D1"]);
    // D1's own figure: C11 9/11 and C12 2/30 in August (the province's is the same, D2 sent nothing).
    expect(d1.figures[0]).toMatchObject({ code: "DONE", value: 11, previousValue: null });
    expect(d1.completeness.rows.map((r) => r.code)).toEqual(["C11", "C12"]);
    expect(d1.completeness.totals.at(-1)).toEqual({
      period: "202308",
      expected: 2,
      onTime: 2,
      late: 0,
      missing: 0,
    });
    expect(d1.map.level).toBe(3);
    expect(d1.map.units.map((u) => [u.code, u.values.DONE?.value])).toEqual([
      ["C11", 9],
      ["C12", 2],
    ]);

    const commune = await signIn(t, "xa21", [{ role: "reporter", unitCode: "C21" }]);
    const c21: Summary = (await summary("?period=202309", commune)).json();
    expect(c21.unit.code).toBe("C21");
    expect(c21.figures[0]?.value).toBeNull();
    expect(c21.completeness.rows).toEqual([]);
    expect(c21.completeness.totals.at(-1)).toMatchObject({ expected: 1, missing: 1 });
    expect(c21.map).toEqual({ level: null, boundaries: null, figures: [], units: [] });
  });

  test("shows a department's user the province as the plan publishes it, with only its own rows", async () => {
    const department = await signIn(t, "so1", [{ role: "reporter", unitCode: "S1" }]);
    const res = await summary("?period=202308", department);
    expect(res.statusCode).toBe(200);
    const s: Summary = res.json();
    expect(s.unit.code).toBe("P");
    expect(s.reach).toBe("plan");
    expect(s.units.map((u) => u.code)).toEqual(["P", "S1"]);
    expect(s.figures[0]).toMatchObject({ code: "DONE", value: 11 });
    expect(s.status?.totals.total).toBe(1);
    // The province's totals (published in the plan report) but no district's row or tile.
    expect(s.completeness.totals.at(-1)).toMatchObject({ expected: 3, onTime: 2, missing: 1 });
    expect(s.completeness.rows).toEqual([]);
    expect(s.map.units).toEqual([]);
    // Its own unit, asked for: S1's own reports (none expected).
    const own: Summary = (await summary("?period=202308&unit=S1", department)).json();
    expect(own.reach).toBe("full");
    expect(own.figures[0]?.value).toBeNull();
  });

  test("refuses a unit asked for outside the caller's scope, and names an unknown one", async () => {
    const district = await signIn(t, "huyen1b", [{ role: "viewer", unitCode: "D1" }]);
    const sibling = await summary("?unit=D2", district);
    expect(sibling.statusCode).toBe(403);
    expect(sibling.json().error).toMatchObject({
      code: "OUT_OF_SCOPE",
      message_en: "Unit D2 is outside your assigned scope",
    });
    const below = await summary("?unit=C21", district);
    expect(below.statusCode).toBe(403);
    expect(below.json().error.code).toBe("OUT_OF_SCOPE");
    const commune = await signIn(t, "xa11", [{ role: "reporter", unitCode: "C11" }]);
    const above = await summary("?unit=D1", commune);
    expect(above.statusCode).toBe(403);
    expect(above.json().error.code).toBe("OUT_OF_SCOPE");
    // The plan's scope unit is open to every reader of the plan, limited to what it publishes.
    const province: Summary = (await summary("?unit=P&period=202308", district)).json();
    expect(province.reach).toBe("plan");
    expect(province.completeness.rows.map((r) => r.code)).toEqual(["D1"]);
    expect(province.map.units.map((u) => u.code)).toEqual(["D1"]);
    const unknown = await summary("?unit=KHONG", district);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe("NOT_FOUND");
  });

  test("refuses a user of another province, and names an unknown plan", async () => {
    await createUnits(t.database.db, testActor, [
      { code: "Q", nameVi: "Tỉnh Khác", kind: "territorial", type: "tỉnh", validFrom: "2020-01-01" },
    ]);
    const outsider = await signIn(t, "ngoai", [{ role: "viewer", unitCode: "Q" }]);
    const refused = await summary("?plan=KH-T", outsider);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe("OUT_OF_SCOPE");
    const unknown = await summary("?plan=NOPE");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe("NOT_FOUND");
  });
});

describe("GET /api/ioc/periods", () => {
  test("lists the months with approved reports, newest first", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/ioc/periods", headers: viewer });
    expect(res.json()).toEqual({ periods: ["202309", "202308"] });
  });
});
