import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "./harness.ts";
import { LAST_MONTH } from "./test-clock.ts";

/**
 * Issue 12's bar: from an EMPTY database (no demo) to an approved monthly report seen in
 * analytics and on the leaders' screen, with nothing but the documented API (README, "Real
 * install"): the first run, units, a metric, a form, users, the report's cycle, the readings.
 */
let t: TestApp;
type Who = { cookie: string } | undefined;

beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

async function call(method: "GET" | "POST" | "PUT", url: string, who: Who, payload?: object) {
  const res = await t.app.inject({ method, url, headers: who ?? {}, ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: res.body ? res.json() : null };
}

async function login(username: string, password: string): Promise<{ cookie: string }> {
  const res = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
  expect(res.statusCode).toBe(200);
  return { cookie: `chiso_session=${res.cookies.find((c) => c.name === "chiso_session")?.value}` };
}

describe("a real install, from an empty database to the leaders' screen", () => {
  it("reaches an approved report of last month in analytics and on the IOC", async () => {
    // 1. The first run: the province and its first admin (POST /api/setup; `chiso init` does the same).
    expect(await call("GET", "/api/setup", undefined)).toEqual({ status: 200, body: { needed: true } });
    const setup = await call("POST", "/api/setup", undefined, {
      province: { code: "82", nameVi: "Tỉnh Đồng Tháp", nameEn: "Dong Thap Province", type: "tỉnh" },
      admin: { username: "qt.tinh", displayName: "Quản trị tỉnh", password: "mat-khau-quan-tri" },
    });
    expect(setup.status).toBe(201);
    const admin = await login("qt.tinh", "mat-khau-quan-tri");

    // 2. A district and a commune under the province.
    for (const unit of [
      { code: "866", nameVi: "Thành phố Cao Lãnh", type: "thành phố", parentCode: "82" },
      { code: "29884", nameVi: "Xã Mỹ Tân", type: "xã", parentCode: "866" },
    ]) {
      const created = await call("POST", "/api/units", admin, {
        ...unit,
        kind: "territorial",
        validFrom: "2026-01-01",
      });
      expect(created).toEqual({ status: 201, body: { code: unit.code } });
    }

    // 3. A metric and a monthly form assigned to the commune.
    expect(
      (
        await call("POST", "/api/metrics", admin, {
          code: "DVC_ONLINE",
          nameVi: "Số hồ sơ trực tuyến",
          nameEn: "Online applications",
          valueType: "integer",
          aggregation: "sum",
          unitOfMeasure: "hồ sơ",
        })
      ).status,
    ).toBe(201);
    const form = await call("POST", "/api/forms", admin, {
      code: "CDS_XA",
      nameVi: "Báo cáo chuyển đổi số cấp xã hằng tháng",
      periodType: "month",
      dueRule: { kind: "days_after_end", days: 25 },
      metrics: [{ code: "DVC_ONLINE", required: true }],
      unitCodes: ["29884"],
    });
    expect(form.status).toBe(201);

    // 4. A reporter in the commune and an approver over the district.
    for (const [username, role, unitCode] of [
      ["mytan.baocao", "reporter", "29884"],
      ["caolanh.duyet", "approver", "866"],
    ]) {
      const created = await call("POST", "/api/users", admin, {
        username,
        displayName: username,
        password: "mat-khau-nguoi-dung",
        grants: [{ role, unitCode }],
      });
      expect(created.status).toBe(201);
    }
    const reporter = await login("mytan.baocao", "mat-khau-nguoi-dung");
    const approver = await login("caolanh.duyet", "mat-khau-nguoi-dung");

    // 5. Last month's report: saved, submitted, approved.
    const saved = await call("PUT", "/api/submissions", reporter, {
      form: "CDS_XA",
      unit: "29884",
      period: LAST_MONTH,
      values: [{ metric: "DVC_ONLINE", value: 1234 }],
      narrative: { results: "Hướng dẫn người dân nộp hồ sơ trực tuyến." },
    });
    expect(saved.status).toBe(201);
    const { id } = saved.body;
    const submitted = await call("POST", `/api/submissions/${id}/submit`, reporter, {
      version: saved.body.version,
    });
    expect(submitted.body.status).toBe("submitted");
    const approved = await call("POST", `/api/submissions/${id}/approve`, approver, {
      version: submitted.body.version,
    });
    expect(approved).toMatchObject({ status: 200, body: { status: "approved" } });

    // 6. Analytics: the province's figure for the month.
    const analytics = await call(
      "GET",
      `/api/analytics?dimension=dx:DVC_ONLINE&dimension=pe:${LAST_MONTH}&dimension=ou:82`,
      admin,
    );
    expect(analytics.status).toBe(200);
    expect(analytics.body.rows).toEqual([["DVC_ONLINE", LAST_MONTH, "82", "1234"]]);

    // 7. The leaders' screen shows a plan's key figures: this year's plan with one pillar and figure.
    const plan = await call("POST", "/api/plans", admin, {
      code: "KH-CDS-2026",
      nameVi: "Kế hoạch chuyển đổi số năm 2026",
      year: 2026,
      status: "active",
      issuingBodyVi: "Ủy ban nhân dân tỉnh Đồng Tháp",
      reportingUnitCode: "82",
      scopeUnitCode: "82",
    });
    expect(plan.status).toBe(201);
    const pillar = await call("POST", "/api/plans/KH-CDS-2026/pillars", admin, {
      code: "CQS",
      nameVi: "Chính quyền số",
    });
    expect(pillar.status).toBe(201);
    const figure = await call("POST", "/api/plans/KH-CDS-2026/pillars/CQS/figures", admin, {
      code: "DVC_ONLINE",
    });
    expect(figure.status).toBe(201);
    const ioc = await call("GET", `/api/ioc/summary?plan=KH-CDS-2026&period=${LAST_MONTH}`, admin);
    expect(ioc.status).toBe(200);
    // The month asked, and the latest month due (October's reports are due on 25/11).
    expect(ioc.body.periods).toEqual([LAST_MONTH, "202609"]);
    expect(ioc.body.figures).toEqual([
      expect.objectContaining({ code: "DVC_ONLINE", labelVi: "Số hồ sơ trực tuyến", value: 1234 }),
    ]);
    expect(ioc.body.completeness.totals.at(-1)).toEqual({
      period: LAST_MONTH,
      expected: 1,
      onTime: 1,
      late: 0,
      missing: 0,
    });
    // Without a query the leaders' screen opens on that plan, on the latest month whose reports
    // are due: September, until October's fall due on 25/11.
    const opening = await call("GET", "/api/ioc/summary", admin);
    expect(opening.body).toMatchObject({ period: { id: "202609" }, plan: { code: "KH-CDS-2026" } });
  });
});
