import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedTinyTree, signIn, type TestApp, testActor, testApp } from "../../test/harness.ts";
import { createMetrics } from "../metrics/service.ts";
import { fixtureForm, fixtureMetrics } from "./test-fixtures.ts";

let t: TestApp;
let admin: { cookie: string };

beforeAll(async () => {
  t = await testApp();
  await seedTinyTree(t.database);
  await createMetrics(t.database.db, testActor, fixtureMetrics);
  admin = await signIn(t, "admin", [{ role: "admin", unitCode: "P" }]);
});
afterAll(() => t.close());

const get = (url: string, headers = admin) => t.app.inject({ method: "GET", url, headers });
const send = (method: "POST" | "PUT" | "DELETE", url: string, payload?: object, headers = admin) =>
  t.app.inject({ method, url, payload, headers });

describe("forms", () => {
  it("creates a form and reads back metrics in order, default sections, rules and units", async () => {
    const res = await send("POST", "/api/forms", fixtureForm);
    expect(res.statusCode).toBe(201);
    const form = (await get("/api/forms/CDS_XA")).json();
    expect(form.metrics.map((m: { code: string; required: boolean }) => [m.code, m.required])).toEqual([
      ["RECEIVED", true],
      ["ANSWERED", true],
      ["ONLINE_RATE", false],
      ["HAS_PORTAL", false],
      ["NOTE", false],
    ]);
    expect(form.sections.map((s: { nameVi: string }) => s.nameVi)).toEqual([
      "Kết quả thực hiện",
      "Khó khăn, vướng mắc",
      "Đề xuất, kiến nghị",
    ]);
    expect(form.rules.map((r: { code: string }) => r.code)).toEqual([
      "ANSWERED_LE_RECEIVED",
      "ONLINE_RATE_PLAUSIBLE",
    ]);
    expect(form.unitCodes).toEqual(["C11", "C12", "C21"]);
    expect(form).toMatchObject({
      periodType: "month",
      openFrom: "202301",
      lockAfterDays: 30,
      metricCount: 5,
      unitCount: 3,
    });
    const list = (await get("/api/forms")).json();
    expect(list.map((f: { code: string }) => f.code)).toEqual(["CDS_XA"]);
  });

  it("refuses a rule naming a metric outside the form, at rules.N.expression, creating nothing", async () => {
    const rules = [
      fixtureForm.rules?.[0],
      { ...fixtureForm.rules?.[0], code: "BAD", expression: "#{ANSWERED} <= #{ANSWER_RATE}" },
    ];
    const res = await send("POST", "/api/forms", { ...fixtureForm, code: "F_BAD", rules });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      expect.objectContaining({
        path: "body.rules.1.expression",
        message_en: "The form has no metric ANSWER_RATE",
      }),
    ]);
    expect((await get("/api/forms/F_BAD")).statusCode).toBe(404);
  });

  it("refuses an unparsable rule with its position", async () => {
    const rules = [{ ...fixtureForm.rules?.[0], expression: "#{ANSWERED} =< #{RECEIVED}" }];
    const res = await send("POST", "/api/forms", { ...fixtureForm, code: "F_SYNTAX", rules });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe("body.rules.0.expression");
    expect(res.json().error.details[0].message).toMatch(/vị trí 13/);
  });

  it("names unknown metrics, unknown units and a period of the wrong type", async () => {
    const res = await send("POST", "/api/forms", {
      ...fixtureForm,
      code: "F_MANY",
      metrics: [{ code: "RECEIVED" }, { code: "NOPE" }, { code: "RECEIVED" }, { code: "ANSWER_RATE" }],
      unitCodes: ["C11", "X9"],
      openFrom: "2023Q1",
      rules: [],
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual([
      "body.metrics.1.code",
      "body.metrics.2.code",
      "body.metrics.3.code",
      "body.openFrom",
      "body.unitCodes.1",
    ]);
  });

  it("reassigns units and keeps the change in the audit trail", async () => {
    const res = await send("PUT", "/api/forms/CDS_XA/units", { unitCodes: ["C11", "C21"] });
    expect(res.statusCode).toBe(200);
    expect(res.json().unitCodes).toEqual(["C11", "C21"]);
    const bad = await send("PUT", "/api/forms/CDS_XA/units", { unitCodes: ["C11", "ZZ"] });
    expect(bad.json().error.details[0].path).toBe("body.unitCodes.1");
    expect((await get("/api/forms/CDS_XA")).json().unitCodes).toEqual(["C11", "C21"]);
    const audit = await t.database.db.execute(
      "select before, after from audit_log where object_type = 'form' and action = 'assign_units'",
    );
    expect((audit as unknown as { rows: unknown[] }).rows).toEqual([
      { before: { unitCodes: ["C11", "C12", "C21"] }, after: { unitCodes: ["C11", "C21"] } },
    ]);
  });

  it("adds and deletes rules, refusing duplicates and unknown metrics", async () => {
    const rule = {
      code: "RATE_MAX",
      expression: "#{ONLINE_RATE} <= 100",
      severity: "warning",
      messageVi: "Tỷ lệ tối đa 100%",
      messageEn: "At most 100%",
    };
    expect((await send("POST", "/api/forms/CDS_XA/rules", rule)).statusCode).toBe(201);
    expect((await send("POST", "/api/forms/CDS_XA/rules", rule)).statusCode).toBe(409);
    const unknown = await send("POST", "/api/forms/CDS_XA/rules", {
      ...rule,
      code: "R2",
      expression: "#{X1} > 0",
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].path).toBe("body.expression");
    const text = await send("POST", "/api/forms/CDS_XA/rules", {
      ...rule,
      code: "R3",
      expression: "isNotNull(#{NOTE})",
    });
    expect(text.json().error.details[0]).toMatchObject({
      path: "body.expression",
      message_en: "Text metrics cannot be used in a rule: NOTE",
    });
    const numeric = await send("POST", "/api/forms/CDS_XA/rules", {
      ...rule,
      code: "R4",
      expression: "#{RECEIVED} - 1",
    });
    expect(numeric.json().error.details[0].path).toBe("body.expression");
    expect((await send("DELETE", "/api/forms/CDS_XA/rules/RATE_MAX")).statusCode).toBe(204);
    expect((await send("DELETE", "/api/forms/CDS_XA/rules/RATE_MAX")).statusCode).toBe(404);
    expect((await get("/api/forms/CDS_XA")).json().rules).toHaveLength(2);
  });

  it("lets only admins change forms", async () => {
    const reporter = await signIn(t, "reporter", [{ role: "reporter", unitCode: "C11" }]);
    const res = await send("PUT", "/api/forms/CDS_XA/units", { unitCodes: [] }, reporter);
    expect(res.statusCode).toBe(403);
    expect((await get("/api/forms/CDS_XA", reporter)).statusCode).toBe(200);
  });
});
