import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { http, signIn, type TestApp, testApp } from "../../test/harness.ts";
import { queryRows } from "../db/rows.ts";
import { EVIDENCE_MAX_BYTES as MAX_EVIDENCE_BYTES } from "../files/evidence-file.ts";
import { milestoneIndicator, rateIndicator, seedTinyPlan } from "./test-fixtures.ts";

let t: TestApp;
let admin: { cookie: string };
let d1Reporter: { cookie: string };

const url = "/api/plans/KH-T/indicators/M-01/progress";
const pdf = Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n", "latin1");

beforeAll(async () => {
  t = await testApp();
  ({ admin } = await seedTinyPlan(t));
  for (const indicator of [rateIndicator, milestoneIndicator]) {
    await t.app.inject({
      method: "POST",
      url: "/api/plans/KH-T/indicators",
      payload: indicator,
      headers: admin,
    });
  }
  d1Reporter = await signIn(t, "d1-reporter", [{ role: "reporter", unitCode: "D1" }]);
});
afterAll(() => t.close());

const post = (payload: object, headers = d1Reporter, to = url) => http(t).post(to, headers, payload);
const updates = async () =>
  (
    await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from plan_progress_updates`)
  )[0]?.n;
const withFile = (file: object) => ({ period: "202309", value: 1, evidence: { file } });

describe("who may post progress", () => {
  it("refuses a reporter of a unit that is not responsible (403) and a viewer (403)", async () => {
    const d2 = await signIn(t, "d2-reporter", [{ role: "reporter", unitCode: "D2" }]);
    const other = await post({ period: "202309", value: 1 }, d2);
    expect([other.statusCode, other.json().error.code]).toEqual([403, "NOT_RESPONSIBLE_UNIT"]);
    const viewer = await signIn(t, "d1-viewer", [{ role: "viewer", unitCode: "D1" }]);
    const read = await post({ period: "202309", value: 1 }, viewer);
    expect([read.statusCode, read.json().error.code]).toEqual([403, "FORBIDDEN"]);
    expect(await updates()).toBe(0);
  });

  it("refuses a value the kind cannot hold, a month outside the plan, and a formula indicator", async () => {
    const two = await post({ period: "202309", value: 2 });
    expect([two.statusCode, two.json().error.details[0].path]).toEqual([400, "body.value"]);
    const outside = await post({ period: "202212", value: 1 });
    expect([outside.statusCode, outside.json().error.details[0].path]).toEqual([400, "body.period"]);
    const formula = await post(
      { period: "202309", value: 50 },
      admin,
      "/api/plans/KH-T/indicators/R-01/progress",
    );
    expect([formula.statusCode, formula.json().error.details[0].path]).toEqual([400, "body.value"]);
    expect(await updates()).toBe(0);
  });

  it("takes the responsible district's update with its evidence, audited", async () => {
    const res = await post({
      period: "2023-08",
      value: 0,
      note: "Đang chạy thử",
      evidence: { number: "Công văn số 12/UBND", date: "2023-08-20", link: "https://example.gov.vn/cv12" },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      period: "202308",
      value: 0,
      note: "Đang chạy thử",
      evidence: { number: "Công văn số 12/UBND", date: "2023-08-20", file: null },
      by: "d1-reporter",
    });
    const [audit] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_log where object_type = 'plan_progress' and actor_name = 'd1-reporter'`,
    );
    expect(audit?.n).toBe(1);
  });

  it("refuses a link that is not http(s)", async () => {
    const res = await post({ period: "202309", value: 1, evidence: { link: "javascript:alert(1)" } });
    expect([res.statusCode, res.json().error.details[0].path]).toEqual([400, "body.evidence.link"]);
  });
});

describe("evidence files", () => {
  it("refuses a file above 5 MB with 413 and writes nothing", async () => {
    const big = Buffer.alloc(MAX_EVIDENCE_BYTES + 1, 0x20);
    pdf.copy(big);
    const before = await updates();
    const res = await post(
      withFile({ name: "lon.pdf", type: "application/pdf", content: big.toString("base64") }),
    );
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      details: [{ path: "body.evidence.file.content" }],
    });
    expect(await updates()).toBe(before);
  });

  it("refuses HTML, a PDF that is not one, a name without its extension, and bad base64", async () => {
    const html = Buffer.from("<html><script>alert(1)</script></html>").toString("base64");
    const cases: [object, string][] = [
      [{ name: "a.html", type: "text/html", content: html }, "body.evidence.file.type"],
      [{ name: "a.pdf", type: "application/pdf", content: html }, "body.evidence.file.content"],
      [
        { name: "a.exe", type: "application/pdf", content: pdf.toString("base64") },
        "body.evidence.file.name",
      ],
      [
        { name: "a.pdf", type: "application/pdf", content: "không phải base64" },
        "body.evidence.file.content",
      ],
    ];
    const before = await updates();
    for (const [file, path] of cases) {
      const res = await post(withFile(file));
      expect([res.statusCode, res.json().error.details[0].path], path).toEqual([400, path]);
    }
    expect(await updates()).toBe(before);
  });

  it("stores an accepted file and serves it back only as an attachment", async () => {
    const res = await post(
      withFile({
        name: "../../Biên bản nghiệm thu.pdf",
        type: "application/pdf",
        content: pdf.toString("base64"),
      }),
    );
    expect(res.statusCode).toBe(201);
    const sha256 = createHash("sha256").update(pdf).digest("hex");
    expect(res.json().evidence.file).toEqual({
      name: "Biên bản nghiệm thu.pdf",
      type: "application/pdf",
      size: pdf.length,
      sha256,
    });
    const file = await t.app.inject({
      method: "GET",
      url: `/api/plans/KH-T/indicators/M-01/evidence/${res.json().id}`,
      headers: admin,
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toBe("application/pdf");
    expect(file.headers["x-content-type-options"]).toBe("nosniff");
    expect(file.headers["content-disposition"]).toBe(
      `attachment; filename="Bien ban nghiem thu.pdf"; filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n%20nghi%E1%BB%87m%20thu.pdf`,
    );
    expect(file.rawPayload.equals(pdf)).toBe(true);
    const none = await t.app.inject({
      method: "GET",
      url: "/api/plans/KH-T/indicators/M-01/evidence/999",
      headers: admin,
    });
    expect(none.statusCode).toBe(404);
  });

  it("lists the updates with the file's facts, never its bytes", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/plans/KH-T/indicators/M-01", headers: admin });
    expect(res.json().progress.map((p: { period: string; value: number }) => [p.period, p.value])).toEqual([
      ["202308", 0],
      ["202309", 1],
    ]);
    expect(res.body).not.toContain(pdf.toString("base64"));
  });
});
