import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as clock from "../src/config/clock.ts";
import { demoDataset } from "../src/demo/dataset/index.ts";
import { loadDemo } from "../src/demo/load.ts";
import { readUnitsCsv } from "../src/demo/seed-file.ts";
import { formatPeriod, periodOf, previousPeriod } from "../src/domain/period/index.ts";
import { loadDemoMetadata } from "./demo-metadata.ts";
import { signIn, type TestApp, testActor, testApp } from "./harness.ts";

/** The monthly cycle of issue 2's "done when", walked through the API with the demo's own logins. */
let demo: TestApp;
// Last month: the demo's 2023 periods are long locked for reporters, as they would be in real life.
const lastMonth = formatPeriod(previousPeriod(periodOf("month", clock.today())));
const cookies = new Map<string, string>();

async function login(username: string): Promise<{ cookie: string }> {
  const cached = cookies.get(username);
  if (cached) return { cookie: cached };
  const res = await demo.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password: "chiso-demo" },
  });
  expect(res.statusCode).toBe(200);
  const value = res.cookies.find((c) => c.name === "chiso_session")?.value ?? "";
  cookies.set(username, `chiso_session=${value}`);
  return { cookie: `chiso_session=${value}` };
}

beforeAll(async () => {
  demo = await testApp();
  await loadDemo(demo.database.db, testActor);
});
afterAll(() => demo.close());

async function provinceValue(metric: string, period: string): Promise<string | undefined> {
  const res = await demo.app.inject({
    method: "GET",
    url: `/api/analytics?dimension=dx:${metric}&dimension=pe:${period}&dimension=ou:87`,
    headers: await login("admin"),
  });
  expect(res.statusCode).toBe(200);
  return res.json().rows[0]?.[3];
}

describe("a commune's report for last month, from draft to the province's figures", () => {
  it("goes draft → submitted → returned → resubmitted → approved, and then counts", async () => {
    const reporter = await login("mytan.baocao");
    const approver = await login("tpcaolanh.duyet");
    const september = demoDataset(readUnitsCsv()).reports.find(
      (r) => r.unitCode === "29884" && r.period === "202309",
    );
    const others = Object.entries(september?.values ?? {})
      .filter(([metric]) => metric !== "SUPPORT_ACTIVITIES")
      .map(([metric, value]) => ({ metric, value }));
    const save = (version: number | undefined, activities: number) =>
      demo.app.inject({
        method: "PUT",
        url: "/api/submissions",
        headers: reporter,
        payload: {
          form: "CDS_MONTHLY",
          unit: "29884",
          period: lastMonth,
          ...(version ? { version } : {}),
          values: [...others, { metric: "SUPPORT_ACTIVITIES", value: activities }],
          narrative: { results: "Tổ chức hội nghị hướng dẫn người dân dùng dịch vụ công trực tuyến." },
        },
      });
    const draft = await save(undefined, 30);
    expect(draft.statusCode).toBe(201);
    const { id } = draft.json();
    let version: number = draft.json().version;
    const act = async (who: { cookie: string }, action: string, extra: object = {}) => {
      const res = await demo.app.inject({
        method: "POST",
        url: `/api/submissions/${id}/${action}`,
        headers: who,
        payload: { version, ...extra },
      });
      if (res.statusCode === 200) version = res.json().version;
      return res;
    };

    expect((await act(reporter, "submit")).json().status).toBe("submitted");
    const returned = await act(approver, "return", { reason: "Số hoạt động hỗ trợ chưa khớp sổ theo dõi" });
    expect(returned.json().status).toBe("returned");
    const seen = await demo.app.inject({ method: "GET", url: `/api/submissions/${id}`, headers: reporter });
    expect(seen.json()).toMatchObject({
      status: "returned",
      returnReason: "Số hoạt động hỗ trợ chưa khớp sổ theo dõi",
    });
    expect(await provinceValue("SUPPORT_ACTIVITIES", lastMonth)).toBeUndefined();

    const fixed = await save(version, 32);
    expect(fixed.statusCode).toBe(200);
    version = fixed.json().version;
    expect((await act(reporter, "submit")).json().status).toBe("submitted");
    expect((await act(approver, "approve")).json().status).toBe("approved");
    expect(await provinceValue("SUPPORT_ACTIVITIES", lastMonth)).toBe("32");
  });

  it("is closed to a reporter of another commune", async () => {
    const admin = await login("admin");
    const created = await demo.app.inject({
      method: "POST",
      url: "/api/users",
      headers: admin,
      payload: {
        username: "mytra.baocao",
        displayName: "Công chức xã Mỹ Trà",
        password: "chiso-demo",
        grants: [{ role: "reporter", unitCode: "29887" }],
      },
    });
    expect(created.statusCode).toBe(201);
    const other = await login("mytra.baocao");
    const list = await demo.app.inject({
      method: "GET",
      url: `/api/submissions?unit=29884&period=${lastMonth}`,
      headers: admin,
    });
    const [{ id }] = list.json();
    const res = await demo.app.inject({ method: "GET", url: `/api/submissions/${id}`, headers: other });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: "OUT_OF_SCOPE" });
  });
});

describe("the demo's September data through dataValueSets", () => {
  it("exported and imported into an empty province, reproduces every value exactly", async () => {
    const query = "dataSet=CDS_MONTHLY&period=202309&orgUnit=87&children=true";
    const exported = await demo.app.inject({
      method: "GET",
      url: `/api/dataValueSets?${query}`,
      headers: await login("admin"),
    });
    expect(exported.statusCode).toBe(200);
    const source = exported.json();
    expect(source.dataValues.length).toBeGreaterThan(1000);

    const empty = await testApp();
    try {
      await loadDemoMetadata(empty.database.db);
      const admin = await signIn(empty, "admin", [{ role: "admin", unitCode: "87" }]);
      const imported = await empty.app.inject({
        method: "POST",
        url: "/api/dataValueSets",
        headers: admin,
        payload: source,
      });
      expect(imported.json()).toMatchObject({
        status: "SUCCESS",
        importCount: { imported: source.dataValues.length },
      });
      const again = await empty.app.inject({
        method: "GET",
        url: `/api/dataValueSets?${query}&includeUnapproved=true`,
        headers: admin,
      });
      const key = (v: { orgUnit: string; dataElement: string }) => `${v.orgUnit}/${v.dataElement}`;
      const sorted = (vs: { orgUnit: string; dataElement: string }[]) =>
        [...vs].sort((a, b) => key(a).localeCompare(key(b)));
      expect(sorted(again.json().dataValues)).toEqual(sorted(source.dataValues));
    } finally {
      await empty.close();
    }
  });
});
