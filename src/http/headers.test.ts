import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../test/harness.ts";

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe("security headers", () => {
  // "/" is the web app, or the page saying it is not built yet (503): headers either way.
  it.each(["/api/health", "/api/docs/", "/api/openapi.json", "/"])("are on %s", async (url) => {
    const res = await t.app.inject({ method: "GET", url });
    expect([200, 503]).toContain(res.statusCode);
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-frame-options"]).toBe("DENY");
    expect(res.headers["referrer-policy"]).toBe("same-origin");
  });
});
