import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Headers, http, seedTinyTree, type TestApp, testApp } from "../../test/harness.ts";
import { queryRows } from "../db/rows.ts";
import { SAMPLE_FRAMEWORK } from "../domain/index-scoring/index.ts";
import { EVIDENCE_MAX_BYTES } from "../files/evidence-file.ts";
import { type Cast, newAssessmentBody, seedAppraisers, signInCast, valuesFor } from "./test-fixtures.ts";

let t: TestApp;
let api: ReturnType<typeof http>;
let who: Cast;
const A = "/api/assessments/DTI-E";

beforeAll(async () => {
  t = await testApp();
  api = http(t);
  await seedTinyTree(t.database);
  await seedAppraisers(t);
  who = await signInCast(t);
  await api.post("/api/index-frameworks", who.admin, SAMPLE_FRAMEWORK);
  await api.post("/api/assessments", who.admin, newAssessmentBody("DTI-E"));
  await api.post(`${A}/start`, who.admin);
});
afterAll(() => t.close());

const pdf = (size = 200) =>
  Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(Math.max(0, size - 9), 0x20)]);
const upload = (
  unit: string,
  name: string,
  body: Buffer,
  headers: Headers,
  type = "application/pdf",
  criterion = "1.1",
) =>
  t.app.inject({
    method: "POST",
    url: `${A}/units/${unit}/evidence/file?criterion=${criterion}&name=${encodeURIComponent(name)}&summary=${encodeURIComponent("Quyết định kiện toàn")}`,
    headers: { ...headers, "content-type": type },
    payload: body,
  });
const evidenceCount = async () =>
  (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from assessment_evidence`))[0]
    ?.n;

describe("evidence of a criterion", () => {
  let fileId: number;
  const bytes = pdf();

  it("stores a document reference, and refuses a link that is not http(s)", async () => {
    const res = await api.post(`${A}/units/D1/evidence`, who.d1Reporter, {
      criterion: "1.1",
      documentNumber: "125/QĐ-UBND",
      documentDate: "2022-03-15",
      summary: "Kiện toàn Ban chỉ đạo chuyển đổi số",
      url: "https://vanban.example.vn/125",
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      criterion: "1.1",
      documentNumber: "125/QĐ-UBND",
      documentDate: "2022-03-15",
      file: null,
    });
    const bad = await api.post(`${A}/units/D1/evidence`, who.d1Reporter, {
      criterion: "1.1",
      summary: "x",
      url: "javascript:alert(1)",
    });
    expect([bad.statusCode, bad.json().error.details[0].path]).toEqual([400, "url"]);
    const foreign = await api.post(`${A}/units/D1/evidence`, who.d1Reporter, {
      criterion: "7.9",
      summary: "x",
    });
    expect([foreign.statusCode, foreign.json().error.details[0].path]).toEqual([400, "body.criterion"]);
    expect(await evidenceCount()).toBe(1);
  });

  it("stores a PDF under a sanitised name with its SHA-256", async () => {
    const res = await upload(
      "D1",
      '..\\..\\etc/Quyết định <số 125>: "bản\u202e chính".pdf',
      bytes,
      who.d1Reporter,
    );
    expect(res.statusCode).toBe(201);
    fileId = res.json().id;
    expect(res.json().file).toEqual({
      name: "Quyết định số 125 bản chính.pdf",
      contentType: "application/pdf",
      size: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
    });
  });

  it("serves a file only as an attachment, never sniffed or rendered", async () => {
    const res = await api.get(`${A}/evidence/${fileId}/file`, who.d1Viewer);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toBe(
      `attachment; filename="Quyet dinh so 125 ban chinh.pdf"; filename*=UTF-8''${encodeURIComponent("Quyết định số 125 bản chính.pdf")}`,
    );
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["content-security-policy"]).toBe("default-src 'none'; sandbox");
    expect(res.rawPayload.equals(bytes)).toBe(true);
  });

  it("lets the unit, the criterion's appraiser and the admin download, and nobody else", async () => {
    expect((await api.get(`${A}/evidence/${fileId}/file`, who.ttttAppraiser)).statusCode).toBe(200);
    expect((await api.get(`${A}/evidence/${fileId}/file`, who.admin)).statusCode).toBe(200);
    expect((await api.get(`${A}/evidence/${fileId}/file`, who.nvAppraiser)).statusCode).toBe(403);
    expect((await api.get(`${A}/evidence/${fileId}/file`, who.d2Reporter)).statusCode).toBe(403);
    expect((await api.get(`${A}/evidence/99999/file`, who.admin)).statusCode).toBe(404);
  });

  it("refuses HTML, a type that does not match its bytes, and a declared type that disagrees (415), writing nothing", async () => {
    const html = Buffer.from("<html><script>alert(1)</script></html>");
    const before = await evidenceCount();
    for (const [name, body, type] of [
      ["trang.html", html, "text/html"],
      ["ghi-chu.txt", Buffer.from("ghi chú"), "text/plain"],
      ["gia-mao.pdf", html, "application/pdf"],
      ["anh.png", bytes, "image/png"],
      ["quyet-dinh.pdf", bytes, "image/png"],
    ] as const) {
      const res = await upload("D1", name, body, who.d1Reporter, type);
      expect([name, res.statusCode, res.json().error.code]).toEqual([name, 415, "EVIDENCE_TYPE_REFUSED"]);
    }
    expect(await evidenceCount()).toBe(before);
  });

  it("refuses a file over 5 MB (413), writing nothing", async () => {
    const before = await evidenceCount();
    const res = await upload("D1", "lon.pdf", pdf(EVIDENCE_MAX_BYTES + 1), who.d1Reporter);
    expect([res.statusCode, res.json().error.code]).toEqual([413, "EVIDENCE_TOO_LARGE"]);
    const huge = await upload("D1", "rat-lon.pdf", pdf(2 * EVIDENCE_MAX_BYTES + 10), who.d1Reporter);
    expect(huge.statusCode).toBe(413);
    expect(await evidenceCount()).toBe(before);
    expect((await upload("D1", "vua.pdf", pdf(EVIDENCE_MAX_BYTES), who.d1Reporter)).statusCode).toBe(201);
  });

  it("refuses another unit's reporter and lists the evidence on the scorecard", async () => {
    expect((await upload("D1", "x.pdf", bytes, who.d2Reporter)).statusCode).toBe(403);
    const card = await api.get(`${A}/units/D1/scorecard`, who.d1Reporter);
    const evidence = card.json().criteria.find((c: { code: string }) => c.code === "1.1").evidence;
    expect(
      evidence.map(
        (e: { documentNumber: string | null; file: { name: string } | null }) =>
          e.documentNumber ?? e.file?.name,
      ),
    ).toEqual(["125/QĐ-UBND", "Quyết định số 125 bản chính.pdf", "vua.pdf"]);
  });

  it("removes evidence while a draft, and locks it after submission (423)", async () => {
    const last = (await api.get(`${A}/units/D1/scorecard`, who.d1Reporter))
      .json()
      .criteria[0].evidence.at(-1).id;
    expect((await api.delete(`${A}/evidence/${last}`, who.d2Reporter)).statusCode).toBe(403);
    expect((await api.delete(`${A}/evidence/${last}`, who.d1Reporter)).statusCode).toBe(204);
    await api.put(`${A}/units/D1/values`, who.d1Reporter, { values: valuesFor("HUYEN", 1) });
    expect((await api.post(`${A}/units/D1/submit`, who.d1Approver)).statusCode).toBe(200);
    const late = await upload("D1", "muon.pdf", bytes, who.d1Reporter);
    expect([late.statusCode, late.json().error.code]).toEqual([423, "SELF_ASSESSMENT_LOCKED"]);
    expect((await api.delete(`${A}/evidence/${fileId}`, who.d1Reporter)).statusCode).toBe(423);
    const audit = await queryRows<{ action: string; n: number }>(
      t.database.db,
      sql`select action, count(*)::int as n from audit_log where object_type = 'assessment_unit' and action like '%evidence' group by 1 order by 1`,
    );
    expect(audit).toEqual([
      { action: "add_evidence", n: 3 },
      { action: "delete_evidence", n: 1 },
    ]);
  });
});
