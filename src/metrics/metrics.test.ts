import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { http, seedTinyTree, signIn, type TestApp, testActor, testApp } from "../../test/harness.ts";
import { fixtureMetrics } from "../forms/test-fixtures.ts";
import { createMetrics, listMetrics } from "./service.ts";

let t: TestApp;
let admin: { cookie: string };

beforeAll(async () => {
  t = await testApp();
  await seedTinyTree(t.database);
  await createMetrics(t.database.db, testActor, fixtureMetrics);
  admin = await signIn(t, "admin", [{ role: "admin", unitCode: "P" }]);
});
afterAll(() => t.close());

const get = (url: string, headers = admin) => http(t).get(url, headers);
const send = (method: "POST" | "PATCH", url: string, payload: object, headers = admin) =>
  http(t)[method === "POST" ? "post" : "patch"](url, headers, payload);

const total = { code: "TOTAL", nameVi: "Tổng", valueType: "integer", aggregation: "sum" };

describe("metrics", () => {
  it("creates a metric and reads it back by code", async () => {
    const res = await send("POST", "/api/metrics", {
      ...total,
      nameEn: "Total",
      minValue: 0,
      unitOfMeasure: "hồ sơ",
    });
    expect(res.statusCode).toBe(201);
    const read = await get("/api/metrics/TOTAL");
    expect(read.json()).toMatchObject({
      code: "TOTAL",
      nameEn: "Total",
      minValue: 0,
      maxValue: null,
      formula: null,
    });
  });

  it("refuses a duplicate code with 409", async () => {
    const res = await send("POST", "/api/metrics", { ...fixtureMetrics[0] });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("CONFLICT");
  });

  it("refuses a code that is not capitals, digits and underscores", async () => {
    const res = await send("POST", "/api/metrics", { ...total, code: "tổng" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe("body.code");
  });

  it("lets only admins create metrics", async () => {
    const viewer = await signIn(t, "viewer", [{ role: "viewer", unitCode: "P" }]);
    const res = await send("POST", "/api/metrics", { ...total, code: "OTHER" }, viewer);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("FORBIDDEN");
  });

  it("requires a formula that parses and names existing metrics", async () => {
    const base = { ...total, code: "F1", valueType: "number", aggregation: "formula" };
    const missing = await send("POST", "/api/metrics", base);
    const syntax = await send("POST", "/api/metrics", { ...base, formula: "#{RECEIVED} +" });
    const unknown = await send("POST", "/api/metrics", { ...base, formula: "#{RECEIVED} / #{NOPE}" });
    for (const res of [missing, syntax, unknown]) {
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].path).toBe("body.formula");
    }
    expect(unknown.json().error.details[0].message_en).toBe("No metric with code NOPE");
    expect(syntax.json().error.details[0].message_en).toMatch(/position 14/);
    expect((await get("/api/metrics/F1")).statusCode).toBe(404);
  });

  it("refuses a formula on a metric that is not aggregated by formula", async () => {
    const res = await send("POST", "/api/metrics", { ...total, code: "F2", formula: "#{RECEIVED}" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe("body.formula");
  });

  it("refuses a circular formula introduced by a change", async () => {
    const a = {
      ...total,
      code: "CYC_A",
      valueType: "number",
      aggregation: "formula",
      formula: "#{RECEIVED} * 2",
    };
    const b = { ...a, code: "CYC_B", formula: "#{CYC_A} + 1" };
    expect((await send("POST", "/api/metrics", a)).statusCode).toBe(201);
    expect((await send("POST", "/api/metrics", b)).statusCode).toBe(201);
    const res = await send("PATCH", "/api/metrics/CYC_A", { formula: "#{CYC_B} - 1" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({
      path: "body.formula",
      message_en: "The formula is circular: CYC_A → CYC_B → CYC_A",
    });
    expect((await get("/api/metrics/CYC_A")).json().formula).toBe("#{RECEIVED} * 2");
  });

  it("changes a metric's range and names in Unicode NFC", async () => {
    const decomposed = "Tổng".normalize("NFD");
    const res = await send("PATCH", "/api/metrics/TOTAL", { maxValue: 1000, nameVi: decomposed });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ minValue: 0, maxValue: 1000, nameVi: "Tổng".normalize("NFC") });
    const bad = await send("PATCH", "/api/metrics/TOTAL", { minValue: 2000 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe("body.minValue");
  });

  it("accepts a weighted average only with an existing numeric weight", async () => {
    const avg = {
      ...total,
      code: "AVG_W",
      valueType: "number",
      aggregation: "average",
      weightMetricCode: "NOTE",
    };
    const res = await send("POST", "/api/metrics", avg);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe("body.weightMetricCode");
    const ok = await send("POST", "/api/metrics", { ...avg, weightMetricCode: "RECEIVED" });
    expect(ok.json().weightMetricCode).toBe("RECEIVED");
  });

  it("loads a batch in one transaction, naming the bad row and creating none", async () => {
    const before = (await listMetrics(t.database.db)).length;
    const batch = [
      { ...total, code: "B_ONE" },
      { ...total, code: "B_TWO", valueType: "text", aggregation: "sum" },
    ] as Parameters<typeof createMetrics>[2];
    await expect(createMetrics(t.database.db, testActor, batch)).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      details: [expect.objectContaining({ path: "1.aggregation" })],
    });
    expect((await listMetrics(t.database.db)).length).toBe(before);
  });
});
