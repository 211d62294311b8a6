import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { http, signIn, type TestApp, testActor, testApp } from "../../test/harness.ts";
import { queryRows } from "../db/rows.ts";
import { createUnits } from "../units/service.ts";
import { seedReportPlan, tinySummary as summary } from "./plan-fixture.test-helper.ts";
import { readWorkbook, rowValues, sheetOf } from "./render/workbook.test-helper.ts";
import { TEMPLATE_KEYS } from "./templates/index.ts";

let t: TestApp;
let admin: { cookie: string };
let viewer: { cookie: string };

const get = (url: string, headers: { cookie?: string } = admin) => http(t).get(url, headers);
const send = (method: "PUT" | "DELETE", url: string, payload?: object, headers = admin) =>
  http(t)[method === "PUT" ? "put" : "delete"](url, headers, payload);
const report = (query: string, headers: { cookie?: string } = viewer) =>
  get(`/api/plans/KH-T/report?${query}`, headers);

beforeAll(async () => {
  t = await testApp();
  ({ admin } = await seedReportPlan(t));
  viewer = await signIn(t, "xem.xa", [{ role: "viewer", unitCode: "C11" }]);
});
afterAll(() => t.close());

async function auditRows(objectId: string) {
  return queryRows<{ action: string; before: unknown; after: unknown }>(
    t.database.db,
    sql`select action, before, after from audit_log where object_type = 'report_template' and object_id = ${objectId} order by id`,
  );
}

describe("GET /api/plans/:code/report", () => {
  it("shows the Markdown inline to any signed-in user in the plan's scope", async () => {
    const res = await report("period=202309");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/markdown; charset=utf-8");
    expect(res.headers["content-disposition"]).toBe('inline; filename="bao-cao-KH-T-202309.md"');
    expect(res.body).toContain(`### 1. Về trụ cột A\n\n${summary}\n`);
    expect(res.body).toContain("- Thiếu máy tính (Xã Một Một, Xã Một Hai).");
    expect(res.body).not.toMatch(/NaN|Infinity|undefined/);
  });

  it.each([
    ["docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK"],
    ["pdf", "application/pdf", "%PDF-"],
    ["xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "PK"],
  ])("sends the %s file as an attachment", async (format, type, magic) => {
    const res = await report(`period=202309&format=${format}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe(type);
    expect(res.headers["content-disposition"]).toBe(`attachment; filename="bao-cao-KH-T-202309.${format}"`);
    expect(res.rawPayload.subarray(0, magic.length).toString("latin1")).toBe(magic);
  });

  it("writes the spreadsheet from the same data", async () => {
    const workbook = await readWorkbook((await report("period=202309&format=xlsx")).rawPayload);
    expect(rowValues(sheetOf(workbook, "Tổng hợp"), 2)).toEqual(["Trụ cột A", 3, 0, 1, 0, 0, 0, 2]);
  });

  it("writes in English with lang=en, under an English file name", async () => {
    const res = await report("period=2023-09&format=md&lang=en");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toBe('inline; filename="report-KH-T-202309.md"');
    expect(res.body).toContain(
      "0 of 3 indicators of the 2023 digital-transformation plan done; 1 likely to be met",
    );
  });

  it.each([
    ["period=202309&format=doc", "querystring.format"],
    ["period=2023-13", "querystring.period"],
    ["period=2023Q3", "querystring.period"],
    ["format=md", "querystring.period"],
    ["period=202309&lang=fr", "querystring.lang"],
  ])("refuses %s with 400 at %s", async (query, path) => {
    const res = await report(query);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: "VALIDATION_FAILED",
      details: [expect.objectContaining({ path })],
    });
  });

  it("answers 404 for an unknown plan and 422 for a month without approved data", async () => {
    const missing = await get("/api/plans/NOPE/report?period=202309", viewer);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe("NOT_FOUND");
    const empty = await report("period=202307&format=docx");
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.code).toBe("NO_APPROVED_DATA");
  });

  it("refuses anonymous users (401) and users outside the plan's scope (403)", async () => {
    expect((await report("period=202309", {})).statusCode).toBe(401);
    await createUnits(t.database.db, testActor, [
      { code: "Q", nameVi: "Tỉnh Khác", kind: "territorial", type: "tỉnh", validFrom: "2020-01-01" },
    ]);
    const outsider = await signIn(t, "ngoai", [{ role: "admin", unitCode: "Q" }]);
    const res = await report("period=202309", outsider);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("OUT_OF_SCOPE");
  });
});

describe("OpenAPI", () => {
  it("documents the report and template routes", async () => {
    const doc = (await get("/api/openapi.json")).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/plans/{code}/report",
        "/api/report-templates",
        "/api/report-templates/{key}/{lang}",
      ]),
    );
    const params = doc.paths["/api/plans/{code}/report"].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(["period", "format", "lang", "code"]));
  });
});

describe("report templates", () => {
  const key = "pillar.heading";

  it("lists every template in both languages for an admin, and to no one else", async () => {
    const res = await get("/api/report-templates");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toHaveLength(TEMPLATE_KEYS.length * 2);
    expect(
      res.json().find((v: { key: string; lang: string }) => v.key === key && v.lang === "vi"),
    ).toMatchObject({
      body: "Về {{pillar|lcfirst}}",
      customized: false,
      valid: true,
      variables: { pillar: "text" },
    });
    expect((await get("/api/report-templates?lang=en")).json()).toHaveLength(TEMPLATE_KEYS.length);
    expect((await get("/api/report-templates", viewer)).statusCode).toBe(403);
  });

  it("refuses a template that does not parse or uses an unknown placeholder, and stores nothing", async () => {
    for (const [body, message] of [
      ["Trụ cột {{pillar", "Thẻ '{{' chưa được đóng bằng '}}' (vị trí 9)"],
      ["{{#if pillar}}{{name}}{{/if}}", "Biến 'name' không có trong mẫu này (có: pillar) (vị trí 15)"],
    ]) {
      const res = await send("PUT", `/api/report-templates/${key}/vi`, { body });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details).toEqual([expect.objectContaining({ path: "body.body", message })]);
    }
    const unknownKey = await send("PUT", "/api/report-templates/no.such/vi", { body: "x" });
    expect(unknownKey.statusCode).toBe(400);
    expect(unknownKey.json().error.details[0].path).toBe("params.key");
    const tooLong = await send("PUT", `/api/report-templates/${key}/vi`, { body: "x".repeat(4001) });
    expect(tooLong.json().error.details[0].path).toBe("body.body");
    expect((await send("PUT", `/api/report-templates/${key}/vi`, { body: "x" }, viewer)).statusCode).toBe(
      403,
    );
    expect(await auditRows(`${key}/vi`)).toEqual([]);
    const listed = (await get("/api/report-templates?lang=vi")).json();
    expect(listed.find((v: { key: string }) => v.key === key).customized).toBe(false);
  });

  it("saves an admin's wording, audited, and the next report uses it", async () => {
    const res = await send("PUT", `/api/report-templates/${key}/vi`, { body: "Trụ cột: {{pillar|upper}}" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      key,
      lang: "vi",
      body: "Trụ cột: {{pillar|upper}}",
      customized: true,
      updatedBy: "admin",
    });
    expect(await auditRows(`${key}/vi`)).toEqual([
      { action: "report_template.save", before: null, after: { body: "Trụ cột: {{pillar|upper}}" } },
    ]);
    expect((await report("period=202309")).body).toContain(`### 1. Trụ cột: TRỤ CỘT A\n\n${summary}`);
  });

  it("goes back to the default on DELETE, audited", async () => {
    const res = await send("DELETE", `/api/report-templates/${key}/vi`);
    expect(res.statusCode).toBe(204);
    expect((await report("period=202309")).body).toContain("### 1. Về trụ cột A\n");
    expect((await auditRows(`${key}/vi`)).map((r) => r.action)).toEqual([
      "report_template.save",
      "report_template.reset",
    ]);
    expect((await send("DELETE", `/api/report-templates/${key}/vi`)).statusCode).toBe(204);
    expect(await auditRows(`${key}/vi`)).toHaveLength(2);
  });
});
