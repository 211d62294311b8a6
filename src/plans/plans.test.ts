import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, type TestApp, testApp } from "../../test/harness.ts";
import { queryRows } from "../db/rows.ts";
import { milestoneIndicator, rateIndicator, seedTinyPlan, tinyPlan } from "./test-fixtures.ts";

let t: TestApp;
let admin: { cookie: string };

beforeAll(async () => {
  t = await testApp();
  ({ admin } = await seedTinyPlan(t));
});
afterAll(() => t.close());

const send = (method: "GET" | "POST" | "PATCH", url: string, payload?: object, headers = admin) =>
  t.app.inject({ method, url, payload, headers });
const count = async (table: string) =>
  (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0]
    ?.n;
const firstIssue = (res: { json(): { error: { details: { path: string; code?: string }[] } } }) =>
  res.json().error.details[0];

describe("plans", () => {
  it("creates a plan with its units and lists it", async () => {
    const res = await send("GET", "/api/plans/KH-T");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      code: "KH-T",
      year: 2023,
      status: "active",
      reportingUnit: { code: "S1" },
      scopeUnit: { code: "P" },
      pillars: [{ code: "A", nameVi: "Trụ cột A", position: 0, figures: [] }],
      indicators: [],
    });
    expect((await send("GET", "/api/plans")).json().map((p: { code: string }) => p.code)).toEqual(["KH-T"]);
  });

  it("refuses a duplicate code (409), an unknown unit (400) and a non-admin (403)", async () => {
    expect((await send("POST", "/api/plans", tinyPlan)).statusCode).toBe(409);
    const unknown = await send("POST", "/api/plans", { ...tinyPlan, code: "KH-X", scopeUnitCode: "NOPE" });
    expect(unknown.statusCode).toBe(400);
    expect(firstIssue(unknown)?.path).toBe("body.scopeUnitCode");
    const viewer = await signIn(t, "plan-viewer", [{ role: "viewer", unitCode: "P" }]);
    const refused = await send("POST", "/api/plans", { ...tinyPlan, code: "KH-Y" }, viewer);
    expect(refused.statusCode).toBe(403);
    expect(await count("plans")).toBe(1);
  });

  it("adds documents and key figures, checking metric codes and formulas", async () => {
    const doc = await send("POST", "/api/plans/KH-T/documents", {
      pillar: "A",
      number: "Nghị quyết số 1/NQ-HĐND",
      date: "2023-07-18",
      issuerVi: "HĐND tỉnh",
      summaryVi: "Về phí dịch vụ công trực tuyến",
    });
    expect(doc.statusCode).toBe(201);
    const figure = await send("POST", "/api/plans/KH-T/pillars/A/figures", {
      code: "DONE",
      shareOf: "TOTAL",
    });
    expect(figure.json()).toMatchObject({ code: "DONE", shareOf: "TOTAL", position: 0 });
    const unknown = await send("POST", "/api/plans/KH-T/pillars/A/figures", { code: "NOPE_METRIC" });
    expect([unknown.statusCode, firstIssue(unknown)?.path]).toEqual([400, "body.code"]);
    const computed = await send("POST", "/api/plans/KH-T/pillars/A/figures", {
      code: "OPEN_FILES",
      formula: "#{TOTAL} - #{DONE}",
      labelVi: "Số hồ sơ chưa giải quyết",
    });
    expect(computed.statusCode).toBe(201);
    expect(await count("plan_key_figures")).toBe(2);
  });
});

describe("the API contract", () => {
  it("documents the plan routes in the OpenAPI", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    expect(Object.keys(doc.paths).filter((p) => p.startsWith("/api/plans"))).toEqual(
      expect.arrayContaining([
        "/api/plans",
        "/api/plans/{code}",
        "/api/plans/{code}/status",
        "/api/plans/{code}/report-data",
        "/api/plans/{code}/indicators/{indicator}/progress",
        "/api/plans/{code}/indicators/{indicator}/evidence/{id}",
        "/api/plans/{code}/indicators/{indicator}/overrides",
        "/api/plans/{code}/indicators/{indicator}/history",
      ]),
    );
  });
});

describe("indicators: bad input is refused and nothing is written", () => {
  const cases: [string, object, string, string?][] = [
    ["an unparsable formula", { formula: "#{DONE} / * 100" }, "body.formula", "invalid_formula"],
    ["an unknown metric", { formula: "#{DONE} / #{NOPE} * 100" }, "body.formula", "unknown_metric"],
    ["a text metric", { formula: "#{REMARK}" }, "body.formula"],
    ["a percent target of 150", { target: 150 }, "body.target", "INVALID_SPEC"],
    ["a deadline before the baseline date", { deadline: "2022-06-30" }, "body.deadline", "INVALID_SPEC"],
    ["an unknown pillar", { pillar: "Z" }, "body.pillar"],
    ["an unknown responsible unit", { responsibleUnits: ["S1", "NOPE"] }, "body.responsibleUnits.1"],
    ["a formula source without formula", { formula: null }, "body.formula"],
  ];
  for (const [what, change, path, code] of cases) {
    it(`refuses ${what} with 400 at ${path}`, async () => {
      const res = await send("POST", "/api/plans/KH-T/indicators", { ...rateIndicator, ...change });
      expect(res.statusCode).toBe(400);
      expect(firstIssue(res)).toMatchObject({ path, ...(code ? { code } : {}) });
      expect(await count("plan_indicators")).toBe(0);
    });
  }

  it("refuses a milestone target of 2 and a progress indicator with a formula", async () => {
    const two = await send("POST", "/api/plans/KH-T/indicators", { ...milestoneIndicator, target: 2 });
    expect([two.statusCode, firstIssue(two)?.path]).toEqual([400, "body.target"]);
    const withFormula = await send("POST", "/api/plans/KH-T/indicators", {
      ...milestoneIndicator,
      formula: "#{DONE}",
    });
    expect([withFormula.statusCode, firstIssue(withFormula)?.path]).toEqual([400, "body.formula"]);
    expect(await count("plan_indicators")).toBe(0);
  });
});

describe("indicators: create and change", () => {
  it("creates indicators with their responsible units, audited", async () => {
    const rate = await send("POST", "/api/plans/KH-T/indicators", rateIndicator);
    expect(rate.statusCode).toBe(201);
    expect(rate.json()).toMatchObject({ code: "R-01", pillar: "A", position: 0, responsibleUnits: ["S1"] });
    const ms = await send("POST", "/api/plans/KH-T/indicators", milestoneIndicator);
    expect(ms.json()).toMatchObject({ position: 1, responsibleUnits: ["D1"] });
    expect((await send("POST", "/api/plans/KH-T/indicators", rateIndicator)).statusCode).toBe(409);
    const [audit] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_log where object_type = 'plan_indicator' and action = 'create'`,
    );
    expect(audit?.n).toBe(2);
  });

  it("checks a change against the whole indicator and keeps the stored one when refused", async () => {
    const bad = await send("PATCH", "/api/plans/KH-T/indicators/R-01", { target: 150 });
    expect([bad.statusCode, firstIssue(bad)?.path]).toEqual([400, "body.target"]);
    const ok = await send("PATCH", "/api/plans/KH-T/indicators/R-01", {
      target: 85,
      responsibleUnits: ["S1", "D2"],
    });
    expect(ok.json()).toMatchObject({ target: 85, responsibleUnits: ["D2", "S1"] });
    // A field left out keeps its stored value: no default stands in for it.
    const back = await send("PATCH", "/api/plans/KH-T/indicators/R-01", { target: 80 });
    expect(back.json()).toMatchObject({ target: 80, responsibleUnits: ["D2", "S1"] });
    const down = await send("PATCH", "/api/plans/KH-T/indicators/R-01", { direction: "down", sample: true });
    expect(down.json()).toMatchObject({ direction: "down", sample: true });
    const renamed = await send("PATCH", "/api/plans/KH-T/indicators/R-01", { nameEn: "Renamed" });
    expect(renamed.json()).toMatchObject({ direction: "down", sample: true, responsibleUnits: ["D2", "S1"] });
  });
});

describe("overrides and declarations", () => {
  it("needs a reason: 400 at body.reason and nothing written", async () => {
    for (const reason of ["", "   "]) {
      const res = await send("POST", "/api/plans/KH-T/indicators/R-01/overrides", {
        period: "202309",
        status: "done",
        reason,
      });
      expect([res.statusCode, firstIssue(res)?.path]).toEqual([400, "body.reason"]);
      expect(res.json().error.details[0].message_en).toBe("A reason is required");
    }
    expect(await count("plan_status_overrides")).toBe(0);
  });

  it("is refused to a viewer (403) and to a reporter (403)", async () => {
    const viewer = await signIn(t, "override-viewer", [{ role: "viewer", unitCode: "P" }]);
    const reporter = await signIn(t, "override-reporter", [{ role: "reporter", unitCode: "S1" }]);
    for (const who of [viewer, reporter]) {
      const res = await send(
        "POST",
        "/api/plans/KH-T/indicators/R-01/overrides",
        { period: "202309", status: "done", reason: "Đã xác minh" },
        who,
      );
      expect([res.statusCode, res.json().error.code]).toEqual([403, "FORBIDDEN"]);
    }
    expect(await count("plan_status_overrides")).toBe(0);
  });

  it("lets the reporting unit's approver override, out-of-year periods refused", async () => {
    const approver = await signIn(t, "s1-approver", [{ role: "approver", unitCode: "S1" }]);
    const outside = await send(
      "POST",
      "/api/plans/KH-T/indicators/R-01/overrides",
      { period: "202401", status: "done", reason: "x" },
      approver,
    );
    expect([outside.statusCode, firstIssue(outside)?.path]).toEqual([400, "body.period"]);
    const res = await send(
      "POST",
      "/api/plans/KH-T/indicators/R-01/overrides",
      { period: "202309", status: "likely", reason: "Đã có kế hoạch tăng tốc" },
      approver,
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ period: "202309", status: "likely", by: "s1-approver" });
  });

  it("declares a dependent indicator only with the body it waits on", async () => {
    const noBody = await send("POST", "/api/plans/KH-T/indicators/M-01/declarations", {
      kind: "dependent",
      reason: "Chờ Bộ",
      fromPeriod: "202308",
    });
    expect([noBody.statusCode, firstIssue(noBody)?.path]).toEqual([400, "body.body"]);
    const noDecision = await send("POST", "/api/plans/KH-T/indicators/M-01/declarations", {
      kind: "discontinued",
      reason: "Dừng",
      fromPeriod: "202308",
    });
    expect([noDecision.statusCode, firstIssue(noDecision)?.path]).toEqual([400, "body.decision"]);
    expect(await count("plan_status_declarations")).toBe(0);
  });
});
