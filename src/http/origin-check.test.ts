import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedTinyTree, signIn, type TestApp, testApp } from "../../test/harness.ts";
import { crossSiteWrite } from "./origin-check.ts";

const request = (method: string, headers: Record<string, string>) => ({
  method,
  headers,
  host: "chiso.gov.vn",
});

describe("cross-site writes", () => {
  it("are told apart by Origin and Sec-Fetch-Site", () => {
    const none = new Set<string>();
    expect(crossSiteWrite(request("POST", { origin: "https://chiso.gov.vn" }), none)).toBeNull();
    expect(crossSiteWrite(request("POST", { origin: "https://evil.example" }), none)).toBe(
      "Origin: https://evil.example",
    );
    expect(crossSiteWrite(request("PUT", { "sec-fetch-site": "same-site" }), none)).toBe(
      "Sec-Fetch-Site: same-site",
    );
    expect(crossSiteWrite(request("POST", { "sec-fetch-site": "same-origin" }), none)).toBeNull();
    expect(crossSiteWrite(request("GET", { origin: "https://evil.example" }), none)).toBeNull();
    expect(crossSiteWrite(request("POST", {}), none)).toBeNull();
    expect(
      crossSiteWrite(
        request("POST", { origin: "https://web.chiso.gov.vn" }),
        new Set(["https://web.chiso.gov.vn"]),
      ),
    ).toBeNull();
  });
});

describe("a session's writes from another site", () => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await testApp();
    await seedTinyTree(t.database);
    ({ cookie } = await signIn(t, "reporter", [{ role: "reporter", unitCode: "C11" }]));
  });
  afterAll(() => t.close());

  const post = (headers: Record<string, string>) =>
    t.app.inject({
      method: "POST",
      url: "/api/jobs/imports?format=json",
      headers: { cookie, "content-type": "text/plain", ...headers },
      payload: "{}",
    });

  it("are refused with 403, a text/plain form from another site and a sibling subdomain alike", async () => {
    const evil = await post({ origin: "https://evil.example" });
    expect(evil.statusCode).toBe(403);
    expect(evil.json().error.code).toBe("CROSS_SITE_REQUEST");
    expect((await post({ "sec-fetch-site": "same-site" })).statusCode).toBe(403);
  });

  it("go through from the server's own origin", async () => {
    const own = await post({
      host: "chiso.test",
      origin: "http://chiso.test",
      "sec-fetch-site": "same-origin",
    });
    expect(own.json().error?.code).not.toBe("CROSS_SITE_REQUEST");
  });
});
