import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../test/harness.ts";
import { queryRows } from "../../db/rows.ts";
import { fixedDecimal } from "../../domain/number/index.ts";
import type { KeyFigure, PlanReportData } from "../../plans/report-data.ts";
import { buildPlanReportData } from "../../plans/report-data-builder.ts";
import { composeReport } from "../../reports/compose.ts";
import { renderMarkdown } from "../../reports/render/markdown.ts";
import { templateSet } from "../../reports/templates/index.ts";
import { loadDemo } from "../load.ts";

let t: TestApp;
let admin: { cookie: string };
let report: PlanReportData;

async function signIn(username: string) {
  const res = await t.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password: "chiso-demo" },
  });
  const cookie = res.cookies.find((c) => c.name === "chiso_session");
  return { cookie: `chiso_session=${cookie?.value}` };
}

const counts = (done: number, likely: number, atRisk: number, dependent: number, discontinued: number) => ({
  total: done + likely + atRisk + dependent + discontinued,
  done,
  likely,
  at_risk: atRisk,
  dependent,
  discontinued,
  no_data: 0,
});
const none = counts(0, 0, 0, 0, 0);

/** FIGURES.md's table of indicators by pillar, in the report's order. */
const published = {
  TC: none,
  DL: counts(5, 1, 0, 1, 0),
  HT: none,
  CQ: counts(7, 4, 1, 0, 0),
  KT: counts(3, 1, 2, 0, 0),
  XH: counts(6, 0, 2, 2, 2),
  NL: none,
};

const status = async () => {
  const res = await t.app.inject({
    method: "GET",
    url: "/api/plans/KH-CDS-2023/status?period=202309",
    headers: admin,
  });
  expect(res.statusCode).toBe(200);
  return res.json();
};

beforeAll(async () => {
  t = await testApp();
  await loadDemo(t.database.db);
  admin = await signIn("admin");
  report = await buildPlanReportData(t.database.db, null, "KH-CDS-2023", "202309");
});
afterAll(() => t.close());

function figure(pillar: string, code: string): KeyFigure {
  const found = report.pillars.find((p) => p.code === pillar)?.figures.find((f) => f.metricCode === code);
  if (!found) throw new Error(`no figure ${pillar}/${code}`);
  return found;
}
const share = (f: KeyFigure, digits = 2) => fixedDecimal(f.sharePercent ?? Number.NaN, digits);
const indicator = (code: string) => report.pillars.flatMap((p) => p.indicators).find((i) => i.code === code);

describe("the demo plan KH-CDS-2023 at 09/2023", () => {
  it("gives exactly the counts of FIGURES.md, pillar by pillar, with no override", async () => {
    const body = await status();
    expect(
      Object.fromEntries(body.pillars.map((p: { code: string; counts: object }) => [p.code, p.counts])),
    ).toEqual(published);
    expect(body.totals).toEqual(counts(21, 6, 5, 3, 2));
    expect(body.indicators).toHaveLength(37);
    expect(body.indicators.filter((i: { overridden: boolean }) => i.overridden)).toEqual([]);
    const declared = body.indicators.filter((i: { decidedBy: string }) => i.decidedBy === "declared");
    expect(declared.map((i: { code: string }) => i.code)).toEqual([
      "DL-07",
      "XH-09",
      "XH-10",
      "XH-11",
      "XH-12",
    ]);
  });

  it("names the likely, at-risk, dependent and dropped indicators of the source with their reasons", () => {
    expect(indicator("DL-06")).toMatchObject({ status: "likely", sample: false });
    expect(indicator("DL-06")?.reasonVi).toContain("10/19 sở, ban, ngành");
    expect(indicator("DL-07")).toMatchObject({ status: "dependent", dependsOnVi: "Bộ NN&PTNT và Bộ TT&TT" });
    expect(indicator("CQ-12")).toMatchObject({ status: "at_risk", sample: false });
    expect(indicator("CQ-12")?.reasonVi).toMatch(/^Hệ thống thư điện tử công vụ chưa tích hợp.*Chậm tiến độ/);
    expect(indicator("KT-02")).toMatchObject({ status: "likely", value: 30, target: 50 });
    expect([indicator("KT-03")?.status, indicator("KT-04")?.status]).toEqual(["at_risk", "at_risk"]);
    for (const code of ["XH-09", "XH-10"]) {
      expect(indicator(code)).toMatchObject({
        status: "dependent",
        dependsOnVi: "thời gian tắt sóng di động 2G",
      });
    }
    for (const code of ["XH-11", "XH-12"]) {
      expect(indicator(code)?.status).toBe("discontinued");
      expect(indicator(code)?.decisionVi).toContain("rà soát");
    }
    const samples = report.pillars.flatMap((p) => p.indicators).filter((i) => !i.sample);
    expect(samples.map((i) => i.code)).toEqual([
      "DL-06",
      "DL-07",
      "CQ-12",
      "KT-01",
      "KT-02",
      "KT-03",
      "KT-04",
      "XH-09",
      "XH-10",
      "XH-11",
      "XH-12",
    ]);
  });

  it("carries the digital economy's 6,42% of GRDP, above its target", () => {
    expect(figure("KT", "DIGITAL_ECONOMY_GRDP_SHARE").value).toBe(6.42);
    expect(indicator("KT-01")).toMatchObject({ status: "done", value: 6.42, target: 6 });
  });

  it("carries every figure of FIGURES.md with its share", () => {
    expect([figure("DL", "LGSP_CONNECTED").value, figure("DL", "LGSP_CONNECTED").ofValue]).toEqual([19, 23]);
    expect(figure("HT", "BTS_STATIONS").value).toBeGreaterThan(5_000);
    expect(figure("HT", "SMARTPHONE_SUBSCRIBERS").value).toBe(1_205_780);
    expect(share(figure("HT", "HAMLETS_WITH_FIBRE"), 0)).toBe("100");
    expect(share(figure("HT", "HOUSEHOLDS_FIBRE"))).toBe("83.66");
    expect(figure("HT", "DEVICES_MONITORED").value).toBe(3_819);
    expect(figure("HT", "SECURITY_LAYERS").value).toBe(4);
    expect([figure("CQ", "DVC_FULL").value, share(figure("CQ", "DVC_FULL"))]).toEqual([763, "47.54"]);
    expect(figure("CQ", "DVC_FULL").ofValue).toBe(1_605);
    expect([figure("CQ", "DVC_PARTIAL").value, share(figure("CQ", "DVC_PARTIAL"))]).toEqual([214, "13.33"]);
    expect(figure("CQ", "FEEDBACK_RECEIVED").value).toBe(3_024);
    expect([figure("CQ", "FEEDBACK_ANSWERED").value, share(figure("CQ", "FEEDBACK_ANSWERED"))]).toEqual([
      3_013,
      "99.64",
    ]);
    expect([figure("CQ", "FEEDBACK_PENDING").value, share(figure("CQ", "FEEDBACK_PENDING"))]).toEqual([
      11,
      "0.36",
    ]);
    expect([figure("NL", "HAMLETS_WITH_TEAM").value, share(figure("NL", "HAMLETS_WITH_TEAM"), 1)]).toEqual([
      320,
      "45.8",
    ]);
    expect(figure("NL", "YOUTH_DX_TEAM").value).toBe(155);
    expect(figure("NL", "YOUTH_DX_MEMBERS").value).toBeGreaterThan(950);
    expect(figure("NL", "SUPPORT_ACTIVITIES").value).toBeGreaterThan(3_300);
    expect(Math.round((figure("NL", "CITIZEN_CONTACTS").value ?? 0) / 1_000)).toBe(232);
  });

  it("prints the figures of FIGURES.md as the source prints them", () => {
    const text = renderMarkdown(composeReport(report, templateSet("vi")));
    for (const printed of [
      "6,42%",
      "19/23",
      "1.205.780",
      "83,66%",
      "3.819",
      "763",
      "47,54%",
      "214",
      "13,33%",
      "3.024",
      "3.013",
      "99,64%",
      "0,36%",
      "320",
      "45,8%",
    ]) {
      expect(text).toContain(printed);
    }
    // The key figure, not the sample indicator of the appendix computed from the same count.
    expect(text).toContain("320/699 khóm, ấp (chiếm 45,8%)");
    // Counted per level as the source counts it, not one sum of 155.
    expect(text).toContain(
      "Tổ Thanh niên chuyển đổi số cộng đồng: 12/12 huyện, 143/143 xã; kỳ trước: 12/12 huyện, 143/143 xã.",
    );
    const english = renderMarkdown(composeReport(report, templateSet("en")));
    expect(english).toContain("12/12 districts, 143/143 communes");
  });

  it("compares with last month", () => {
    expect(figure("CQ", "DVC_FULL").previousValue).toBe(748);
    expect(figure("HT", "SMARTPHONE_SUBSCRIBERS").previousValue).toBe(1_198_342);
  });

  it("lists the documents issued in 2023 up to the end of September", () => {
    expect(report.documents.map((d) => `${d.number} ${d.date}${d.sample ? " (mẫu)" : ""}`)).toEqual([
      "Danh mục cơ sở dữ liệu dùng chung và danh mục dữ liệu mở 2023-06-30 (mẫu)",
      "Nghị quyết số 39/NQ-HĐND 2023-07-18",
      "Kế hoạch số 308/KH-UBND 2023-09-18",
      "Quyết định số 1019/QĐ-UBND-HC 2023-09-30",
    ]);
  });

  it("dates and heads the report as the Sở's, with complete and timely reporting", () => {
    expect(report.plan).toMatchObject({
      code: "KH-CDS-2023",
      documentRefVi: "Kế hoạch số 99/KH-UBND ngày 16/03/2023",
    });
    expect(report.reporter).toMatchObject({
      unitCode: "S-TTTT",
      parentNameVi: "Tỉnh Đồng Tháp",
      parentNameEn: "Dong Thap Province",
      placeVi: "Đồng Tháp",
    });
    expect(report.reportDate).toBe("2023-10-05");
    expect(report.period).toEqual({
      id: "202309",
      labelVi: "Tháng 9/2023",
      labelEn: "September 2023",
      start: "2023-09-01",
      end: "2023-09-30",
    });
    expect(report.reporting).toEqual({ expected: 174, approved: 174, onTime: 174, late: 0, missing: 0 });
  });

  it("groups the units' difficulties and proposals, attributed, most shared first", () => {
    const email = report.difficulties.find((d) => d.text.startsWith("Hệ thống thư điện tử công vụ"));
    expect(email?.units.length).toBeGreaterThan(10);
    for (const groups of [report.difficulties, report.proposals]) {
      expect(new Set(groups.map((g) => g.text)).size).toBe(groups.length);
      const sizes = groups.map((g) => g.units.length);
      expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    }
    expect(report.proposals.some((p) => p.units.some((u) => u.code === "S-TTTT"))).toBe(true);
  });

  it("tells apart the units of the same name by their city: Phường 3 (TP Sa Đéc), Phường 3 (TP Cao Lãnh)", () => {
    const codesOf = new Map<string, Set<string>>();
    for (const unit of [...report.difficulties, ...report.proposals].flatMap((g) => g.units)) {
      codesOf.set(unit.nameVi, (codesOf.get(unit.nameVi) ?? new Set()).add(unit.code));
    }
    expect(codesOf.get("Phường 3 (TP Sa Đéc)")?.size).toBe(1);
    expect(codesOf.get("Phường 3 (TP Cao Lãnh)")?.size).toBe(1);
    expect([...codesOf].filter(([, codes]) => codes.size > 1)).toEqual([]);
  });

  it("never holds NaN or Infinity", () => {
    const numbers: number[] = [];
    JSON.stringify(report, (_key, value) => {
      if (typeof value === "number") numbers.push(value);
      return value;
    });
    expect(numbers.filter((n) => !Number.isFinite(n))).toEqual([]);
  });
});

describe("re-approving one unit's report", () => {
  it("changes the figures and the status computed from them", async () => {
    const [dept] = await queryRows<{ code: string; id: number; version: number; full: number }>(
      t.database.db,
      sql`select u.code, s.id, s.version,
                 max(case when m.code = 'DVC_FULL' then d.value end)::int as full
          from submissions s join units u on u.id = s.unit_id join data_values d on d.submission_id = s.id
          join metrics m on m.id = d.metric_id
          where s.period = '202309' and u.group_code = 'department'
          group by u.code, s.id, s.version
          having max(case when m.code = 'PROCEDURES_TOTAL' then d.value end)
               - sum(case when m.code in ('DVC_FULL', 'DVC_PARTIAL') then d.value else 0 end) >= 40
          order by u.code limit 1`,
    );
    if (!dept) throw new Error("no department with room for 40 more online services");
    const call = (method: "POST" | "PUT", url: string, payload: object) =>
      t.app.inject({ method, url, payload, headers: admin });
    const reopened = await call("POST", `/api/submissions/${dept.id}/reopen`, {
      version: dept.version,
      reason: "Bổ sung 40 dịch vụ công toàn trình đã tích hợp",
      days: 7,
    });
    expect(reopened.statusCode).toBe(200);
    const saved = await call("PUT", "/api/submissions", {
      form: "CDS_MONTHLY",
      unit: dept.code,
      period: "202309",
      version: reopened.json().version,
      values: [{ metric: "DVC_FULL", value: dept.full + 40 }],
    });
    expect(saved.statusCode).toBe(200);
    const submitted = await call("POST", `/api/submissions/${dept.id}/submit`, {
      version: saved.json().version,
    });
    // Another person approves: whoever submitted a report may not approve it.
    const second = await call("POST", "/api/users", {
      username: "admin2",
      displayName: "Quản trị thứ hai",
      password: "chiso-demo",
      grants: [{ role: "admin", unitCode: "87" }],
    });
    expect(second.statusCode, second.body).toBe(201);
    const approved = await t.app.inject({
      method: "POST",
      url: `/api/submissions/${dept.id}/approve`,
      payload: { version: submitted.json().version },
      headers: await signIn("admin2"),
    });
    expect(approved.json().status).toBe("approved");

    report = await buildPlanReportData(t.database.db, null, "KH-CDS-2023", "202309");
    expect([figure("CQ", "DVC_FULL").value, share(figure("CQ", "DVC_FULL"))]).toEqual([803, "50.03"]);
    expect(indicator("CQ-01")).toMatchObject({ status: "done", reasonVi: null });
    const body = await status();
    expect(body.pillars.find((p: { code: string }) => p.code === "CQ").counts).toEqual(counts(8, 3, 1, 0, 0));
  });
});
