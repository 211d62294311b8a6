import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Headers, http, seedTinyTree, signIn, type TestApp, testApp } from "../../test/harness.ts";
import { zipOf } from "../../test/zip-fixture.ts";
import { queryRows } from "../db/rows.ts";
import { SAMPLE_FRAMEWORK } from "../domain/index-scoring/index.ts";
import { defaultLineage } from "./frameworks.ts";

let t: TestApp;
let api: ReturnType<typeof http>;
let admin: Headers;
let reporter: Headers;

beforeAll(async () => {
  t = await testApp();
  api = http(t);
  await seedTinyTree(t.database);
  admin = await signIn(t, "admin", [{ role: "admin", unitCode: "P" }]);
  reporter = await signIn(t, "reporter", [{ role: "reporter", unitCode: "D1" }]);
});
afterAll(() => t.close());

const stored = async () =>
  (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from index_frameworks`))[0]?.n;
const clone = () => JSON.parse(JSON.stringify(SAMPLE_FRAMEWORK));
const problems = (res: { json(): { error: { details: { path: string; code: string }[] } } }) =>
  res.json().error.details.map((d) => `${d.path} ${d.code}`);

describe("index frameworks as data", () => {
  it("refuses a framework whose points do not add up, naming each path, and writes nothing", async () => {
    const fw = clone();
    fw.groups[0].maxTotal = 999;
    fw.criteria[0].maxPoints = 25;
    const res = await api.post("/api/index-frameworks", admin, fw);
    expect([res.statusCode, res.json().error.code]).toEqual([400, "VALIDATION_FAILED"]);
    // The pillar is worth 100 in each of the three groups: one mismatch per group.
    expect(problems(res)).toEqual([
      "body.pillars.0.maxPoints CRITERIA_SUM_MISMATCH",
      "body.groups.0.maxTotal PILLARS_SUM_MISMATCH",
      "body.pillars.0.maxPoints CRITERIA_SUM_MISMATCH",
      "body.pillars.0.maxPoints CRITERIA_SUM_MISMATCH",
    ]);
    const total = res.json().error.details[1];
    expect([total.message, total.message_en]).toEqual([
      expect.stringMatching(/999/),
      expect.stringMatching(/999/),
    ]);
    expect(await stored()).toBe(0);
  });

  it("refuses an unknown scoring method and a misspelt key at their paths", async () => {
    const fw = clone();
    fw.criteria[3].method = { kind: "magic" };
    fw.criteria[4].maxPoint = 30;
    const res = await api.post("/api/index-frameworks", admin, fw);
    expect(res.statusCode).toBe(400);
    expect(problems(res)).toEqual([
      "body.criteria.3.method.kind UNKNOWN_METHOD",
      "body.criteria.4 INVALID_SHAPE",
    ]);
    expect(await stored()).toBe(0);
  });

  it("lets only an admin save one", async () => {
    const res = await api.post("/api/index-frameworks", reporter, SAMPLE_FRAMEWORK);
    expect([res.statusCode, res.json().error.code]).toEqual([403, "FORBIDDEN"]);
    const anonymous = await t.app.inject({
      method: "POST",
      url: "/api/index-frameworks",
      payload: SAMPLE_FRAMEWORK,
    });
    expect(anonymous.statusCode).toBe(401);
    expect(await stored()).toBe(0);
  });

  it("saves a valid framework with its lineage, audited, and gives it back unchanged", async () => {
    const res = await api.post("/api/index-frameworks", admin, SAMPLE_FRAMEWORK);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ code: "MAU-DTI-2023", lineage: "MAU-DTI", year: 2023 });
    const back = await api.get("/api/index-frameworks/MAU-DTI-2023", reporter);
    expect(back.json().definition).toEqual(JSON.parse(JSON.stringify(SAMPLE_FRAMEWORK)));
    const audit = await queryRows<{ action: string }>(
      t.database.db,
      sql`select action from audit_log where object_type = 'index_framework' and object_id = 'MAU-DTI-2023'`,
    );
    expect(audit).toEqual([{ action: "create" }]);
    expect((await api.post("/api/index-frameworks", admin, SAMPLE_FRAMEWORK)).statusCode).toBe(409);
  });

  it("takes an explicit lineage, lists frameworks and answers 404 for an unknown code", async () => {
    const next = { ...clone(), code: "DT-2024", year: 2024 };
    const res = await api.post("/api/index-frameworks?lineage=DONG-THAP", admin, next);
    expect(res.json().lineage).toBe("DONG-THAP");
    const list = await api.get("/api/index-frameworks", reporter);
    expect(list.json().map((f: { code: string }) => f.code)).toEqual(["MAU-DTI-2023", "DT-2024"]);
    expect((await api.get("/api/index-frameworks/NONE", reporter)).statusCode).toBe(404);
  });

  it("derives the default lineage from the code without its year", () => {
    expect(defaultLineage("MAU-DTI-2022", 2022)).toBe("MAU-DTI");
    expect(defaultLineage("DTI2023", 2023)).toBe("DTI");
    expect(defaultLineage("2023", 2023)).toBe("2023");
    expect(defaultLineage("SO-CDS", 2023)).toBe("SO-CDS");
  });
});

/** SAMPLE_FRAMEWORK laid out as a province publishes it, with the machine columns added. */
async function sampleWorkbook(edit: (rows: unknown[][]) => void = () => {}): Promise<Buffer> {
  const points = (p: number | Readonly<Record<string, number>>) =>
    typeof p === "number"
      ? p
      : Object.entries(p)
          .map(([g, v]) => `${g}: ${v}`)
          .join("; ");
  const rows: unknown[][] = [];
  SAMPLE_FRAMEWORK.pillars.forEach((p, i) => {
    rows.push([String(i + 1), p.nameVi, points(p.maxPoints), "", "", "", "", "", "", p.nameEn, "", p.code]);
    for (const c of SAMPLE_FRAMEWORK.criteria.filter((x) => x.pillar === p.code)) {
      const method = c.method.kind === "yes_no" ? "yes_no" : JSON.stringify(c.method);
      const note = c.methodNoteVi ?? "";
      const extra = [c.groups.join(", "), c.nameEn, c.metricExpression ?? "", ""];
      rows.push([
        c.code,
        c.nameVi,
        points(c.maxPoints),
        note,
        c.evidenceRequired,
        c.dataSource,
        c.verifyingUnit,
        method,
        ...extra,
      ]);
    }
  });
  edit(rows);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Bộ chỉ số");
  sheet.addRow(["BỘ CHỈ SỐ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ (MẪU)"]);
  sheet.addRow([
    "STT",
    "Chỉ số",
    "Điểm tối đa",
    "Cách xác định và tính điểm",
    "Tài liệu kiểm chứng",
    "Nguồn thu thập dữ liệu",
    "Đơn vị phối hợp xác minh",
    "Phương pháp",
    "Nhóm",
    "Tên tiếng Anh",
    "Biểu thức",
    "Mã",
  ]);
  for (const r of rows) sheet.addRow(r);
  const groups = book.addWorksheet("Nhóm");
  groups.addRow(["Mã", "Tên", "Tên tiếng Anh", "Tổng điểm tối đa"]);
  for (const g of SAMPLE_FRAMEWORK.groups) groups.addRow([g.code, g.nameVi, g.nameEn, g.maxTotal]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe("a framework from the published Excel sheet", () => {
  const query = `code=XLSX-2023&year=2023&nameVi=${encodeURIComponent(SAMPLE_FRAMEWORK.nameVi)}&nameEn=${encodeURIComponent(SAMPLE_FRAMEWORK.nameEn)}`;
  const post = (body: Buffer) =>
    t.app.inject({
      method: "POST",
      url: `/api/index-frameworks.xlsx?${query}`,
      headers: {
        ...admin,
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      },
      payload: body,
    });

  it("reads pillars, criteria and groups into the same framework as the JSON", async () => {
    const res = await post(await sampleWorkbook());
    expect(res.statusCode).toBe(201);
    expect(res.json().definition).toEqual({
      ...JSON.parse(JSON.stringify(SAMPLE_FRAMEWORK)),
      code: "XLSX-2023",
    });
  });

  it("refuses a zip that lies about its size before unpacking it (413), storing nothing", async () => {
    const before = await stored();
    const liar = zipOf("xl/worksheets/sheet1.xml", Buffer.alloc(64 << 20, 0x20), 100);
    const res = await post(liar);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(await stored()).toBe(before);
  });

  it("names the sheet row of each problem, and refuses what is not a workbook", async () => {
    const shape = await post(await sampleWorkbook((rows) => ((rows[1] as unknown[])[7] = "magic")));
    expect([shape.statusCode, problems(shape)]).toEqual([400, ["body.rows.4.method.kind UNKNOWN_METHOD"]]);
    const sums = await post(await sampleWorkbook((rows) => ((rows[3] as unknown[])[2] = 35)));
    expect(problems(sums)).toEqual(Array(3).fill("body.rows.3.maxPoints CRITERIA_SUM_MISMATCH"));
    expect(await stored()).toBe(3);
    const garbage = await post(Buffer.from("not a workbook"));
    expect([garbage.statusCode, garbage.json().error.details[0].path]).toEqual([400, "body"]);
  });
});
