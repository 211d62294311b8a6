import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type TestApp, testActor, testApp } from "../../test/harness.ts";
import { type DemoLogin, loadDemo } from "../demo/load.ts";
import type { Summary } from "./schema.ts";

/**
 * Issue 12, point 5: every demo account opens the leaders' screen on its own scope, on the latest
 * month whose reports are due. The test day is 20/11/2026 (test/test-clock.ts): the demo form's
 * reports for October 2026 were due on 05/11/2026 (5 days after the month), November's are not.
 */
const expected: Record<string, { unit: string; reach: "full" | "plan"; units: string[]; outside?: string }> =
  {
    admin: { unit: "87", reach: "full", units: ["87"] },
    // Departments: the province as the plan publishes it; their own department on request.
    "sotttt.baocao": { unit: "87", reach: "plan", units: ["87", "S-TTTT"], outside: "866" },
    "sotttt.duyet": { unit: "87", reach: "plan", units: ["87", "S-TTTT"], outside: "866" },
    "sotttt.thamdinh": { unit: "87", reach: "plan", units: ["87", "S-TTTT"], outside: "866" },
    "tpcaolanh.baocao": { unit: "866", reach: "full", units: ["87", "866"], outside: "867" },
    "tpcaolanh.duyet": { unit: "866", reach: "full", units: ["87", "866"], outside: "867" },
    "mytan.baocao": { unit: "29884", reach: "full", units: ["87", "29884"], outside: "866" },
    "mytan.duyet": { unit: "29884", reach: "full", units: ["87", "29884"], outside: "866" },
  };

let demo: TestApp;
let logins: DemoLogin[];
const cookies = new Map<string, { cookie: string }>();

async function login(username: string): Promise<{ cookie: string }> {
  const cached = cookies.get(username);
  if (cached) return cached;
  const res = await demo.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password: "chiso-demo" },
  });
  expect(res.statusCode).toBe(200);
  const headers = { cookie: `chiso_session=${res.cookies.find((c) => c.name === "chiso_session")?.value}` };
  cookies.set(username, headers);
  return headers;
}

const summary = async (username: string, query = "") =>
  demo.app.inject({ method: "GET", url: `/api/ioc/summary${query}`, headers: await login(username) });

/** The unit's own values of the metrics for a month, as the province's admin reads them. */
async function unitValues(unit: string, codes: string[], period: string): Promise<Map<string, number>> {
  const res = await demo.app.inject({
    method: "GET",
    url: `/api/analytics?dimension=dx:${codes.join(";")}&filter=pe:${period}&filter=ou:${unit}`,
    headers: await login("admin"),
  });
  expect(res.statusCode).toBe(200);
  return new Map((res.json().rows as string[][]).map(([code, value]) => [String(code), Number(value)]));
}

beforeAll(async () => {
  demo = await testApp();
  ({ logins } = await loadDemo(demo.database.db, testActor));
});
afterAll(() => demo.close());

describe("the leaders' screen of every demo account", () => {
  test("the demo's accounts are the ones this test expects", () => {
    expect(logins.map((l) => l.username).sort()).toEqual(Object.keys(expected).sort());
  });

  test("every account gets its own scope, on the 2023 plan's last month with approved reports", async () => {
    for (const { username } of logins) {
      const res = await summary(username);
      expect(res.statusCode, username).toBe(200);
      const s: Summary = res.json();
      const want = expected[username];
      expect({ username, unit: s.unit.code, reach: s.reach, units: s.units.map((u) => u.code) }).toEqual({
        username,
        unit: want?.unit,
        reach: want?.reach,
        units: want?.units,
      });
      expect(s.period, username).toEqual({
        id: "202309",
        labelVi: "Tháng 9/2023",
        labelEn: "September 2023",
      });
      expect(s.periods[0], username).toBe("202309");
      expect(s.completeness.months.at(-1), username).toBe("202309");
      expect(s.figures, username).toHaveLength(18);
    }
  });

  test("every account sees its own unit's figures for a month with approved reports", async () => {
    for (const { username } of logins) {
      const s: Summary = (await summary(username, "?period=202309")).json();
      const own = s.figures.filter((f) => f.code !== "FEEDBACK_PENDING");
      const values = await unitValues(
        s.unit.code,
        own.map((f) => f.code),
        "202309",
      );
      expect(
        own.map((f) => [f.code, f.value]),
        username,
      ).toEqual(own.map((f) => [f.code, values.get(f.code) ?? null]));
      expect(own.filter((f) => f.value !== null).length, username).toBeGreaterThan(0);
    }
  });

  test("a district's screen counts its communes' reports and maps them; a commune's its own", async () => {
    const district: Summary = (await summary("tpcaolanh.duyet", "?period=202309")).json();
    expect(district.unit.nameVi).toBe("Thành phố Cao Lãnh");
    expect(district.completeness.rows.map((r) => r.code)).toContain("29884");
    expect(district.map.level).toBe(3);
    expect(district.map.units.map((u) => u.code)).toContain("29884");
    const total = district.completeness.totals.at(-1);
    expect(total?.expected).toBe(total ? total.onTime + total.late : -1);

    const commune: Summary = (await summary("mytan.baocao", "?period=202309")).json();
    expect(commune.unit.nameVi).toBe("Xã Mỹ Tân");
    expect(commune.completeness.totals.at(-1)).toEqual({
      period: "202309",
      expected: 1,
      onTime: 1,
      late: 0,
      missing: 0,
    });
    expect(commune.map.units).toEqual([]);
  });

  test("a department's screen shows the province's figures and its own row only", async () => {
    const admin: Summary = (await summary("admin", "?period=202309")).json();
    const department: Summary = (await summary("sotttt.duyet", "?period=202309")).json();
    expect(department.figures).toEqual(admin.figures);
    expect(department.status).toEqual(admin.status);
    expect(department.completeness.totals).toEqual(admin.completeness.totals);
    expect(department.completeness.rows.map((r) => r.code)).toEqual(["S-TTTT"]);
    expect(department.map.units).toEqual([]);
    expect(admin.map.units).toHaveLength(12);
  });

  test("a unit asked for outside the account's scope is refused naming it", async () => {
    for (const { username } of logins) {
      const outside = expected[username]?.outside;
      if (!outside) continue;
      const res = await summary(username, `?unit=${outside}`);
      expect(res.statusCode, username).toBe(403);
      expect(res.json().error, username).toMatchObject({
        code: "OUT_OF_SCOPE",
        message_en: `Unit ${outside} is outside your assigned scope`,
      });
    }
  });
});
