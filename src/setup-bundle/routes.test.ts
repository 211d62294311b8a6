import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedTinyTree, signIn, type TestApp, testApp } from "../../test/harness.ts";
import { seedReporting } from "../forms/test-fixtures.ts";

let t: TestApp;
let province: { cookie: string };
let district: { cookie: string };

beforeAll(async () => {
  t = await testApp();
  await seedTinyTree(t.database);
  await seedReporting(t.database.db);
  province = await signIn(t, "qt.tinh", [{ role: "admin", unitCode: "P" }]);
  district = await signIn(t, "qt.huyen", [{ role: "admin", unitCode: "D1" }]);
});
afterAll(() => t.close());

describe("GET and POST /api/setup/bundle", () => {
  it("exports and previews a bundle for the province admin; a district admin is refused", async () => {
    const exported = await t.app.inject({ url: "/api/setup/bundle?form=CDS_XA", headers: province });
    expect(exported.statusCode).toBe(200);
    const bundle = exported.json();
    expect(bundle.forms.map((f: { code: string }) => f.code)).toEqual(["CDS_XA"]);
    const post = (body: unknown, query: string, headers = province) =>
      t.app.inject({ method: "POST", url: `/api/setup/bundle${query}`, payload: body as object, headers });
    const again = await post(bundle, "");
    expect(again.statusCode).toBe(200);
    expect(again.json().counts).toEqual({ create: 0, update: 0, unchanged: 9, rejected: 0 });
    bundle.forms[0].versions[0].rules[0].expression = "#{ANSWERED} <= #{MISSING}";
    bundle.forms[0].versions.push({ validFrom: "202501", metrics: [{ code: "RECEIVED" }] });
    const preview = await post(bundle, "?dryRun=true");
    expect(preview.statusCode).toBe(200);
    expect(preview.json().counts).toEqual({ create: 1, update: 2, unchanged: 6, rejected: 1 });
    const refused = await post(bundle, "");
    expect(refused.statusCode).toBe(409);
    expect(refused.json().summary.counts).toEqual({ create: 1, update: 2, unchanged: 6, rejected: 1 });
    expect(refused.json().error.details).toEqual([
      expect.objectContaining({
        path: "forms.0.versions.0",
        message_en: expect.stringContaining("first version"),
      }),
    ]);
    expect((await post({ format: "x" }, "")).json().error.details[0]).toMatchObject({ path: "body.format" });
    expect((await t.app.inject({ url: "/api/setup/bundle", headers: district })).statusCode).toBe(403);
    expect((await post(bundle, "?dryRun=true", district)).statusCode).toBe(403);
  });
});
