import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engine, type TestApp, testApp } from "../../test/harness.ts";

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe("the HTTP surface", () => {
  it("answers health with the engine in use", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "ok", database: engine, units: 0 });
  });

  it("publishes an OpenAPI 3 document describing the routes, and the interactive docs", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    expect(doc.openapi).toBe("3.0.3");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/auth/login", "/api/units", "/api/audit"]),
    );
    expect(doc.paths["/api/units"].get.parameters.map((p: { name: string }) => p.name)).toContain("asOf");
    const ui = await t.app.inject({ method: "GET", url: "/api/docs/" });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers["content-type"]).toContain("text/html");
  });

  it("refuses an oversized body with 413 and a bilingual message", async () => {
    const big = { username: "a".repeat(11 * 1024 * 1024), password: "x" };
    const res = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: big });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", message_en: expect.any(String) });
  });

  it("answers unknown routes and unsupported content types in the error shape", async () => {
    const missing = await t.app.inject({ method: "GET", url: "/api/nope" });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe("ROUTE_NOT_FOUND");
    const xml = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/xml" },
      payload: "<a/>",
    });
    expect(xml.statusCode).toBe(415);
    expect(xml.json().error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });
});
