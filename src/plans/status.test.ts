import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { http, signIn, type TestApp, testApp } from "../../test/harness.ts";
import { buildPlanReportData } from "./report-data-builder.ts";
import { approvedReport, milestoneIndicator, rateIndicator, seedTinyPlan } from "./test-fixtures.ts";

let t: TestApp;
let admin: { cookie: string };

const get = (url: string, headers = admin) => http(t).get(url, headers);
const post = (url: string, payload: object, headers = admin) => http(t).post(url, headers, payload);

beforeAll(async () => {
  t = await testApp();
  ({ admin } = await seedTinyPlan(t));
  const db = t.database.db;
  await approvedReport(db, "C11", "202308", { DONE: 6, TOTAL: 10 });
  await approvedReport(db, "C12", "202308", { DONE: 6, TOTAL: 10 });
  await approvedReport(
    db,
    "C11",
    "202309",
    { DONE: 8, TOTAL: 10 },
    {
      difficulties: "Thiếu máy tính. Đường truyền chậm.",
      proposals: "Đề nghị cấp thêm máy tính.",
    },
  );
  await approvedReport(db, "C12", "202309", { DONE: 7, TOTAL: 10 }, { difficulties: "Thiếu máy tính." });
  await approvedReport(db, "C21", "202309", { DONE: 0, TOTAL: 0 });
  await post("/api/plans/KH-T/indicators", rateIndicator);
  await post("/api/plans/KH-T/indicators", milestoneIndicator);
  await post("/api/plans/KH-T/indicators", {
    ...rateIndicator,
    code: "Z-01",
    nameVi: "Tỷ lệ hồ sơ của xã Hai Một",
    formula: "#{DONE} / (#{TOTAL} - #{TOTAL}) * 100",
  });
  await post("/api/plans/KH-T/pillars/A/figures", { code: "DONE", shareOf: "TOTAL" });
});
afterAll(() => t.close());

const indicator = (body: { indicators: { code: string }[] }, code: string) =>
  body.indicators.find((i) => i.code === code);

describe("statuses computed from the approved reports", () => {
  it("aggregates the formula over the province and judges it against the target", async () => {
    const res = await get("/api/plans/KH-T/status?period=202309");
    expect(res.statusCode).toBe(200);
    // (8 + 7 + 0) / (10 + 10 + 0): a ratio of summed parts, 75%, rising 15 points a month.
    expect(indicator(res.json(), "R-01")).toMatchObject({
      value: 75,
      valuePeriod: "202309",
      status: "likely",
      ruleId: "R4",
      decidedBy: "computed",
      overridden: false,
    });
  });

  it("gives no value, never NaN, for a division by zero", async () => {
    const res = await get("/api/plans/KH-T/status?period=202309");
    expect(indicator(res.json(), "Z-01")).toMatchObject({ value: null, status: "no_data", ruleId: "R1" });
    expect(res.body).not.toMatch(/NaN|Infinity/);
  });

  it("counts per pillar and in total", async () => {
    const body = (await get("/api/plans/KH-T/status?period=202309")).json();
    expect(body.pillars).toEqual([
      {
        code: "A",
        nameVi: "Trụ cột A",
        nameEn: "Pillar A",
        counts: { total: 3, done: 0, likely: 1, at_risk: 0, dependent: 0, discontinued: 0, no_data: 2 },
      },
    ]);
    expect(body.totals.total).toBe(3);
  });

  it("refuses a period outside the plan's year, or not a month, with 400 at period", async () => {
    for (const period of ["202401", "2023Q3", "2023-13"]) {
      const res = await get(`/api/plans/KH-T/status?period=${period}`);
      expect([res.statusCode, res.json().error.details[0].path], period).toEqual([400, "querystring.period"]);
    }
  });

  it("lets a commune viewer read the province's plan, not a stranger", async () => {
    const viewer = await signIn(t, "c21-viewer", [{ role: "viewer", unitCode: "C21" }]);
    expect((await get("/api/plans/KH-T/status?period=202309", viewer)).statusCode).toBe(200);
    expect((await get("/api/plans/KH-T/status?period=202309", { cookie: "" })).statusCode).toBe(401);
  });

  it("tells the page who may override: admins and the reporting unit's approvers, not a viewer", async () => {
    const canJudge = async (headers: { cookie: string }) =>
      (await get("/api/plans/KH-T/status?period=202309", headers)).json().canJudge;
    const viewer = await signIn(t, "p-viewer", [{ role: "viewer", unitCode: "P" }]);
    const leader = await signIn(t, "s1-approver", [{ role: "approver", unitCode: "S1" }]);
    const district = await signIn(t, "d1-approver", [{ role: "approver", unitCode: "D1" }]);
    expect(await canJudge(admin)).toBe(true);
    expect(await canJudge(leader)).toBe(true);
    expect(await canJudge(viewer)).toBe(false);
    expect(await canJudge(district)).toBe(false);
    const override = { period: "202309", status: "done", reason: "Thử quyền" };
    expect((await post("/api/plans/KH-T/indicators/R-01/overrides", override, district)).statusCode).toBe(
      403,
    );
  });
});

describe("overrides and declarations change the final status, not the computed one", () => {
  it("shows an override as such, for its month only", async () => {
    await post("/api/plans/KH-T/indicators/R-01/overrides", {
      period: "202309",
      status: "at_risk",
      reason: "Số liệu tháng 9 chưa phản ánh việc thiếu nhân lực",
    });
    const sep = indicator((await get("/api/plans/KH-T/status?period=202309")).json(), "R-01");
    expect(sep).toMatchObject({
      status: "at_risk",
      computedStatus: "likely",
      decidedBy: "override",
      overridden: true,
      reason: "Số liệu tháng 9 chưa phản ánh việc thiếu nhân lực",
      override: { status: "at_risk", by: "admin" },
    });
    const aug = indicator((await get("/api/plans/KH-T/status?period=202308")).json(), "R-01");
    expect(aug).toMatchObject({ overridden: false, decidedBy: "computed" });
  });

  it("keeps a declaration in force from its month until it is cleared", async () => {
    await post("/api/plans/KH-T/indicators/M-01/declarations", {
      kind: "dependent",
      body: "Bộ Thông tin và Truyền thông",
      reason: "Chờ Bộ thẩm định",
      fromPeriod: "202308",
    });
    await post("/api/plans/KH-T/indicators/M-01/declarations", {
      kind: "cleared",
      reason: "Bộ đã thẩm định xong",
      fromPeriod: "202310",
    });
    const history = (await get("/api/plans/KH-T/indicators/M-01/history?to=202310")).json();
    expect(history.points.map((p: { period: string; status: string }) => `${p.period} ${p.status}`)).toEqual([
      ...["01", "02", "03", "04", "05", "06", "07"].map((m) => `2023${m} no_data`),
      "202308 dependent",
      "202309 dependent",
      "202310 no_data",
    ]);
  });
});

describe("history", () => {
  it("gives each month's status from the data as approved now, and the chart lines", async () => {
    const res = await get("/api/plans/KH-T/indicators/R-01/history?to=202309");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.points.slice(6)).toMatchObject([
      { period: "202307", value: null, status: "no_data" },
      { period: "202308", value: 60, status: "at_risk", ruleId: "R6", decidedBy: "computed" },
      { period: "202309", value: 75, status: "at_risk", computedStatus: "likely", overridden: true },
    ]);
    const at = (line: { date: string; value: number | null }[], date: string) =>
      line.find((p) => p.date === date)?.value;
    expect(at(body.lines.expected, "2023-12-31")).toBe(80);
    expect(at(body.lines.expected, "2022-12-31")).toBeUndefined();
    expect(at(body.lines.pace, "2023-09-30")).toBe(75);
    expect(at(body.lines.pace, "2023-12-31")).toBe(80);
    expect(at(body.lines.forecast, "2023-09-30")).toBeCloseTo(75, 6);
  });
});

describe("report data", () => {
  it("compiles the month's figures, narratives and completeness", async () => {
    const data = await buildPlanReportData(t.database.db, null, "KH-T", "202309");
    expect(data.reporter).toEqual({
      unitCode: "S1",
      nameVi: "Sở Một",
      nameEn: null,
      parentNameVi: "Tỉnh Thử",
      parentNameEn: "Thử Province",
      placeVi: "Thử",
    });
    expect(data.reportDate).toBe("2023-10-05");
    expect(data.pillars[0]?.figures).toEqual([
      {
        metricCode: "DONE",
        labelVi: "Số hồ sơ đã giải quyết",
        labelEn: null,
        value: 15,
        unitOfMeasureVi: null,
        sharePercent: 75,
        ofMetricCode: "TOTAL",
        ofValue: 20,
        previousValue: 12,
        decimals: null,
        levels: null,
        previousLevels: null,
      },
    ]);
    expect(data.difficulties).toEqual([
      {
        text: "Thiếu máy tính.",
        units: [
          { code: "C11", nameVi: "Xã Một Một" },
          { code: "C12", nameVi: "Xã Một Hai" },
        ],
      },
      { text: "Đường truyền chậm.", units: [{ code: "C11", nameVi: "Xã Một Một" }] },
    ]);
    expect(data.proposals.map((p) => p.text)).toEqual(["Đề nghị cấp thêm máy tính."]);
    expect(data.reporting).toEqual({ expected: 3, approved: 3, onTime: 3, late: 0, missing: 0 });
    const r01 = data.pillars[0]?.indicators.find((i) => i.code === "R-01");
    expect(r01).toMatchObject({
      status: "at_risk",
      overridden: true,
      reasonVi: "Số liệu tháng 9 chưa phản ánh việc thiếu nhân lực",
    });
  });

  it("says there is no approved data for a month without reports or progress (422)", async () => {
    const res = await get("/api/plans/KH-T/report-data?period=202307");
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: "NO_APPROVED_DATA",
      message: "Chưa có số liệu đã duyệt cho kỳ 202307 của kế hoạch KH-T",
      message_en: "No approved data for period 202307 of plan KH-T",
    });
  });

  it("answers the report data over HTTP, and 404 for an unknown plan", async () => {
    const res = await get("/api/plans/KH-T/report-data?period=202309&reportDate=2023-10-06");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      reportDate: "2023-10-06",
      period: { id: "202309", labelVi: "Tháng 9/2023" },
    });
    expect((await get("/api/plans/NOPE/report-data?period=202309")).statusCode).toBe(404);
  });
});
