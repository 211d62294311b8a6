import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { http, seedTinyTree, signIn, type TestApp, testActor, testApp } from "../../test/harness.ts";
import { LAST_MONTH } from "../../test/test-clock.ts";
import { createMetrics } from "../metrics/service.ts";
import { createForm } from "./service.ts";
import { fixtureForm, fixtureMetrics } from "./test-fixtures.ts";

// Departments and districts count files; communes give their online rate; everyone the portal.
const groupedForm = {
  ...fixtureForm,
  code: "GRP",
  unitCodes: ["C11", "D1", "S1"],
  metrics: [
    { code: "RECEIVED", required: true, groups: ["department", "district"] as const },
    { code: "ANSWERED", required: true, groups: ["department", "district"] as const },
    { code: "ONLINE_RATE", required: true, groups: ["commune"] as const },
    { code: "HAS_PORTAL", required: false },
  ],
};

let t: TestApp;
let reporter: { cookie: string };
let admin: { cookie: string };
const api = () => http(t);
const codes = (list: { code: string }[]) => list.map((x) => x.code);

beforeAll(async () => {
  t = await testApp();
  await seedTinyTree(t.database);
  await createMetrics(t.database.db, testActor, fixtureMetrics);
  await createForm(t.database.db, testActor, {
    ...groupedForm,
    metrics: groupedForm.metrics.map((m) => ({ ...m, groups: m.groups ? [...m.groups] : null })),
  });
  reporter = await signIn(t, "c11.baocao", [{ role: "reporter", unitCode: "C11" }]);
  admin = await signIn(t, "admin", [{ role: "admin", unitCode: "P" }]);
});
afterAll(() => t.close());

describe("a form's metrics limited to unit groups", () => {
  it("shows a commune only the metrics communes report, and only the rules over them", async () => {
    const res = await api().get(`/api/forms/GRP?unit=C11&period=${LAST_MONTH}`, reporter);
    expect(res.statusCode).toBe(200);
    const form = res.json();
    expect(codes(form.metrics)).toEqual(["ONLINE_RATE", "HAS_PORTAL"]);
    expect(codes(form.rules)).toEqual(["ONLINE_RATE_PLAUSIBLE"]);
    expect(form.metricCount).toBe(2);
    const department = (await api().get("/api/forms/GRP?unit=S1", admin)).json();
    expect(codes(department.metrics)).toEqual(["RECEIVED", "ANSWERED", "HAS_PORTAL"]);
    expect(codes(department.rules)).toEqual(["ANSWERED_LE_RECEIVED"]);
    const whole = (await api().get("/api/forms/GRP", admin)).json();
    expect(whole.metrics.map((m: { groups: string[] | null }) => m.groups)).toEqual([
      ["department", "district"],
      ["department", "district"],
      ["commune"],
      null,
    ]);
  });

  it("gives a commune an Excel template of its own metrics", async () => {
    const res = await t.app.inject({
      method: "GET",
      url: `/api/forms/GRP/template.xlsx?unit=C11&period=${LAST_MONTH}`,
      headers: reporter,
    });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const column: string[] = [];
    book.getWorksheet("Báo cáo")?.eachRow((row) => {
      column.push(String(row.getCell("B").value ?? ""));
    });
    expect(column).toContain("ONLINE_RATE");
    expect(column).toContain("HAS_PORTAL");
    expect(column).not.toContain("RECEIVED");
    expect(column).not.toContain("ANSWERED");
  });

  it("refuses a department's metric from a commune at values.N.metric, writing nothing", async () => {
    const body = {
      form: "GRP",
      unit: "C11",
      period: LAST_MONTH,
      values: [
        { metric: "ONLINE_RATE", value: 40 },
        { metric: "RECEIVED", value: 12 },
      ],
    };
    const res = await api().put("/api/submissions", reporter, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual(["body.values.1.metric"]);
    const list = await api().get(`/api/submissions?form=GRP&unit=C11&period=${LAST_MONTH}`, reporter);
    expect(list.json()).toEqual([]);
  });

  it("lets a commune submit without the departments' required metrics, but not without its own", async () => {
    const base = { form: "GRP", unit: "C11", period: LAST_MONTH };
    const draft = await api().put("/api/submissions", reporter, {
      ...base,
      values: [{ metric: "HAS_PORTAL", value: true }],
    });
    expect(draft.statusCode).toBe(201);
    const { id, version } = draft.json();
    const refused = await api().post(`/api/submissions/${id}/submit`, reporter, { version });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      "metrics.ONLINE_RATE",
    ]);
    const saved = await api().put("/api/submissions", reporter, {
      ...base,
      version,
      values: [{ metric: "ONLINE_RATE", value: 40 }],
    });
    const submitted = await api().post(`/api/submissions/${id}/submit`, reporter, {
      version: saved.json().version,
    });
    expect(submitted.statusCode).toBe(200);
    const detail = (await api().get(`/api/submissions/${id}`, reporter)).json();
    expect(detail.values.map((v: { metric: string }) => v.metric)).toEqual(["ONLINE_RATE", "HAS_PORTAL"]);
  });

  it("expects a report only from units whose group has metrics on the form", async () => {
    await createForm(t.database.db, testActor, {
      ...fixtureForm,
      code: "DEPT_ONLY",
      unitCodes: ["C11", "C12", "S1"],
      metrics: [{ code: "RECEIVED", required: true, groups: ["department"] }],
      rules: [],
    });
    const res = await api().get(`/api/completeness?form=DEPT_ONLY&period=${LAST_MONTH}`, admin);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ expected: 1, missing: 1 });
    expect(res.json().byUnit.map((u: { unit: string }) => u.unit)).toEqual(["S1"]);
    const grouped = (await api().get(`/api/completeness?form=GRP&period=${LAST_MONTH}`, admin)).json();
    expect(grouped).toMatchObject({ expected: 3, submitted: 1 });
  });

  it("refuses an unknown group at body.metrics.N.groups.M", async () => {
    const res = await api().post("/api/forms", admin, {
      ...fixtureForm,
      code: "BAD_GROUP",
      metrics: [{ code: "RECEIVED", groups: ["hamlet"] }],
      rules: [],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({
      path: "body.metrics.0.groups.0",
      message: expect.stringContaining("Nhóm đơn vị"),
      message_en: expect.stringContaining("unit group"),
    });
    expect((await api().get("/api/forms/BAD_GROUP", admin)).statusCode).toBe(404);
  });
});
