import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../test/harness.ts";
import { queryRows } from "../db/rows.ts";
import { fixedDecimal } from "../domain/number/index.ts";
import { type DemoLogin, isDatabaseEmpty, loadDemo } from "./load.ts";

let t: TestApp;
let logins: DemoLogin[];
let emptyBefore: boolean;
const progress: string[] = [];

beforeAll(async () => {
  t = await testApp();
  emptyBefore = await isDatabaseEmpty(t.database.db);
  ({ logins } = await loadDemo(t.database.db, undefined, (line) => progress.push(line)));
});
afterAll(() => t.close());

const count = async (query: ReturnType<typeof sql>) =>
  (await queryRows<{ n: number }>(t.database.db, query))[0]?.n ?? Number.NaN;

async function signIn(username: string) {
  const res = await t.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password: "chiso-demo" },
  });
  const cookie = res.cookies.find((c) => c.name === "chiso_session");
  return { status: res.statusCode, headers: { cookie: `chiso_session=${cookie?.value}` } };
}

/** The province's figures for `period` as the analytics API gives them to the admin. */
async function provinceFigures(codes: string[], period: string): Promise<Record<string, number>> {
  const admin = await signIn("admin");
  const url = `/api/analytics?dimension=dx:${codes.join(";")}&dimension=pe:${period}&filter=ou:87`;
  const res = await t.app.inject({ method: "GET", url, headers: admin.headers });
  expect(res.statusCode).toBe(200);
  return Object.fromEntries(res.json().rows.map((row: string[]) => [row[0], Number(row[2])]));
}

describe("the Đồng Tháp 2023 demo", () => {
  it("loads into an empty database only, and says so", async () => {
    expect(emptyBefore).toBe(true);
    expect(await isDatabaseEmpty(t.database.db)).toBe(false);
    expect(progress).toContain("đơn vị / units 175/175");
    expect(progress).toContain("báo cáo / reports 348/348");
    expect(progress).toContain("kế hoạch / plan KH-CDS-2023: 37 chỉ tiêu / indicators");
    expect(progress.at(-1)).toBe("chỉ số CĐS / index DTI-2022 31/31");
  });

  it("creates the units, metrics and the monthly form assigned to the 174 units below the province", async () => {
    expect(await count(sql`select count(*)::int as n from units`)).toBe(175);
    expect(await count(sql`select count(*)::int as n from units where kind = 'agency'`)).toBe(19);
    expect(await count(sql`select count(*)::int as n from metrics`)).toBe(30);
    expect(await count(sql`select count(*)::int as n from form_units`)).toBe(174);
  });

  it("gives working logins with the password chiso-demo", async () => {
    expect(logins.map((l) => `${l.username} ${l.role} ${l.unit}`)).toEqual([
      "admin admin 87",
      "sotttt.baocao reporter S-TTTT",
      "sotttt.duyet approver S-TTTT",
      "tpcaolanh.baocao reporter 866",
      "tpcaolanh.duyet approver 866",
      "mytan.baocao reporter 29884",
      "mytan.duyet approver 29884",
      "sotttt.thamdinh appraiser S-TTTT",
    ]);
    expect(logins.every((l) => l.password === "chiso-demo")).toBe(true);
    for (const l of logins) expect((await signIn(l.username)).status, l.username).toBe(200);
  });

  it("has 2 × 174 reports, all submitted on time and approved", async () => {
    const rows = await queryRows<{
      period: string;
      status: string;
      late: boolean;
      onTime: boolean;
      n: number;
    }>(
      t.database.db,
      sql`select period, status::text as status, late, (submitted_at at time zone 'Asia/Ho_Chi_Minh')::date <= due_date as "onTime",
                 count(*)::int as n
          from submissions group by 1, 2, 3, 4 order by 1`,
    );
    expect(rows).toEqual([
      { period: "202308", status: "approved", late: false, onTime: true, n: 174 },
      { period: "202309", status: "approved", late: false, onTime: true, n: 174 },
    ]);
  });

  it("writes every change through the services, each with its audit row by the demo actor", async () => {
    const audited = await queryRows<{ objectType: string; action: string; n: number }>(
      t.database.db,
      sql`select object_type as "objectType", action, count(*)::int as n from audit_log
          where actor_name = 'demo' group by 1, 2 order by 1, 2`,
    );
    expect(audited).toEqual([
      { objectType: "assessment", action: "close_appraisal", n: 1 },
      { objectType: "assessment", action: "close_self_assessment", n: 1 },
      { objectType: "assessment", action: "create", n: 1 },
      { objectType: "assessment", action: "finalise", n: 1 },
      { objectType: "assessment", action: "publish", n: 1 },
      { objectType: "assessment", action: "start", n: 1 },
      { objectType: "assessment_unit", action: "add_evidence", n: 31 },
      { objectType: "assessment_unit", action: "appraise", n: 31 },
      { objectType: "assessment_unit", action: "council_adjust", n: 1 },
      { objectType: "assessment_unit", action: "self_assess", n: 31 },
      { objectType: "assessment_unit", action: "submit", n: 31 },
      { objectType: "form", action: "create", n: 1 },
      { objectType: "index_framework", action: "create", n: 1 },
      { objectType: "metric", action: "create", n: 30 },
      { objectType: "plan", action: "create", n: 1 },
      { objectType: "plan_document", action: "create", n: 4 },
      { objectType: "plan_figure", action: "create", n: 18 },
      { objectType: "plan_indicator", action: "create", n: 37 },
      { objectType: "plan_indicator", action: "declare", n: 5 },
      { objectType: "plan_pillar", action: "create", n: 7 },
      { objectType: "plan_progress", action: "create", n: 50 },
      { objectType: "submission", action: "approve", n: 348 },
      { objectType: "submission", action: "create", n: 348 },
      { objectType: "submission", action: "submit", n: 348 },
      { objectType: "unit", action: "create", n: 175 },
      { objectType: "user", action: "create", n: 8 },
    ]);
  });

  it("reproduces the published figures of September 2023 in the province analytics", async () => {
    const figures = await provinceFigures(
      [
        "DVC_FULL",
        "DVC_PARTIAL",
        "PROCEDURES_TOTAL",
        "FEEDBACK_RECEIVED",
        "FEEDBACK_ANSWERED",
        "HAMLETS_WITH_TEAM",
        "SMARTPHONE_SUBSCRIBERS",
        "DEVICES_MONITORED",
        "SECURITY_LAYERS",
        "LGSP_CONNECTED",
        "LGSP_TOTAL",
        "DIGITAL_ECONOMY_GRDP_SHARE",
        "YOUTH_DX_TEAM",
      ],
      "202309",
    );
    expect(figures).toEqual({
      DVC_FULL: 763,
      DVC_PARTIAL: 214,
      PROCEDURES_TOTAL: 1_605,
      FEEDBACK_RECEIVED: 3_024,
      FEEDBACK_ANSWERED: 3_013,
      HAMLETS_WITH_TEAM: 320,
      SMARTPHONE_SUBSCRIBERS: 1_205_780,
      DEVICES_MONITORED: 3_819,
      SECURITY_LAYERS: 4,
      LGSP_CONNECTED: 19,
      LGSP_TOTAL: 23,
      DIGITAL_ECONOMY_GRDP_SHARE: 6.42,
      YOUTH_DX_TEAM: 155,
    });
  });

  it("gives the published shares, computed from the province totals", async () => {
    const shares = await provinceFigures(
      [
        "DVC_FULL_SHARE",
        "DVC_PARTIAL_SHARE",
        "FEEDBACK_ANSWERED_SHARE",
        "FEEDBACK_PENDING_SHARE",
        "HAMLETS_WITH_TEAM_SHARE",
        "HAMLETS_WITH_FIBRE_SHARE",
        "HOUSEHOLDS_FIBRE_SHARE",
      ],
      "202309",
    );
    const rounded = Object.fromEntries(Object.entries(shares).map(([code, v]) => [code, fixedDecimal(v, 2)]));
    expect(rounded).toEqual({
      DVC_FULL_SHARE: "47.54",
      DVC_PARTIAL_SHARE: "13.33",
      FEEDBACK_ANSWERED_SHARE: "99.64",
      FEEDBACK_PENDING_SHARE: "0.36",
      HAMLETS_WITH_TEAM_SHARE: "45.78",
      HAMLETS_WITH_FIBRE_SHARE: "100.00",
      HOUSEHOLDS_FIBRE_SHARE: "83.66",
    });
  });

  it("adds the monthly flows over the quarter and keeps September's stocks", async () => {
    const [august, september, quarter] = await Promise.all(
      ["202308", "202309", "2023Q3"].map((pe) => provinceFigures(["DX_TRAININGS_HELD", "DVC_FULL"], pe)),
    );
    expect(quarter?.DX_TRAININGS_HELD).toBe(
      (august?.DX_TRAININGS_HELD ?? 0) + (september?.DX_TRAININGS_HELD ?? 0),
    );
    expect([august?.DVC_FULL, quarter?.DVC_FULL]).toEqual([748, 763]);
  });
});
