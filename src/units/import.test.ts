import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedTinyTree, signIn, type TestApp, testApp } from "../../test/harness.ts";
import { queryRows } from "../db/rows.ts";

let t: TestApp;
let admin: { cookie: string };

beforeAll(async () => {
  t = await testApp();
  await seedTinyTree(t.database);
  admin = await signIn(t, "admin", [{ role: "admin", unitCode: "P" }]);
});
afterAll(() => t.close());

const CSV = "text/csv";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const upload = (body: string | Buffer, query = "", type = CSV, headers = admin) =>
  t.app.inject({
    method: "POST",
    url: `/api/units/import${query}`,
    payload: body,
    headers: { ...headers, "content-type": type },
  });
const unitCount = async () =>
  (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from units`))[0]?.n;
const auditCount = async () =>
  (
    await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_log where object_type = 'unit'`,
    )
  )[0]?.n;

const header = "code,name,name_en,kind,type,level,parent_code,valid_from,valid_to,predecessor_codes";
// A hamlet (X1) before its commune (C13); C11 as stored; the name of C13 decomposed (NFD).
const goodRows = [
  "X1,Ấp Một,,territorial,ấp,,C13,2024-01-01,,",
  `C13,${"Xã Một Ba".normalize("NFD")},Mot Ba Commune,territorial,xã,3,D1,2024-01-01,,C12`,
  "C11,Xã Một Một,,territorial,xã,3,D1,2020-01-01,,",
];
const goodFile = [header, ...goodRows].join("\n");
const badFile = [header, ...goodRows, "C14,Xã Một Bốn,,territorial,xã,,ZZ,2024-01-01,,"].join("\n");

describe("POST /api/units/import", () => {
  it("previews each row in a dry run, naming the field of a rejected row, and writes nothing", async () => {
    const before = await unitCount();
    const res = await upload(badFile, "?dryRun=true");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      status: "ERROR",
      dryRun: true,
      counts: { create: 2, unchanged: 1, rejected: 1 },
    });
    expect(
      body.rows.map((r: { row: number; code: string; action: string; level: number | null }) => r),
    ).toEqual([
      { row: 2, code: "X1", action: "create", level: 4, issues: [] },
      { row: 3, code: "C13", action: "create", level: 3, issues: [] },
      { row: 4, code: "C11", action: "unchanged", level: 3, issues: [] },
      {
        row: 5,
        code: "C14",
        action: "rejected",
        level: null,
        issues: [
          {
            path: "rows.5.parentCode",
            message: "Không có đơn vị cấp trên mã ZZ",
            message_en: "No parent unit ZZ",
          },
        ],
      },
    ]);
    expect(await unitCount()).toBe(before);
  });

  it("writes nothing when one row is rejected: 409 with the rows listed", async () => {
    const [units, audits] = [await unitCount(), await auditCount()];
    const res = await upload(badFile);
    expect(res.statusCode).toBe(409);
    const body = res.json();
    expect(body.error.code).toBe("IMPORT_REJECTED");
    expect(body.error.details.map((d: { path: string }) => d.path)).toEqual(["rows.5.parentCode"]);
    // The summary under one key, beside the error, as every import answers a refusal.
    expect(Object.keys(body)).toEqual(["error", "summary"]);
    expect(body.summary.rows[3].action).toBe("rejected");
    expect([await unitCount(), await auditCount()]).toEqual([units, audits]);
    expect((await t.app.inject({ method: "GET", url: "/api/units/C13", headers: admin })).statusCode).toBe(
      404,
    );
  });

  it("creates parents before children, audited, in NFC; the same file again changes nothing", async () => {
    const audits = await auditCount();
    const first = await upload(goodFile);
    expect(first.statusCode).toBe(200);
    expect(first.json().counts).toEqual({ create: 2, unchanged: 1, rejected: 0 });
    expect(await auditCount()).toBe((audits ?? 0) + 2);
    const tree = await t.app.inject({
      method: "GET",
      url: "/api/units?asOf=2024-06-01&parent=C13",
      headers: admin,
    });
    expect(tree.json()).toEqual([
      expect.objectContaining({ code: "X1", level: 4, parentCode: "C13", type: "ấp", validTo: null }),
    ]);
    const c13 = (await t.app.inject({ method: "GET", url: "/api/units/C13", headers: admin })).json();
    expect(c13.unit.nameVi).toBe("Xã Một Ba".normalize("NFC"));
    expect(c13.successions).toEqual([
      {
        predecessorCode: "C12",
        predecessorName: "Xã Một Hai",
        successorCode: "C13",
        successorName: "Xã Một Ba".normalize("NFC"),
        kind: "rename",
        effectiveDate: "2024-01-01",
        decision: null,
        direction: "from",
      },
    ]);

    const units = await unitCount();
    const again = await upload(goodFile);
    expect(again.statusCode).toBe(200);
    expect(again.json().counts).toEqual({ create: 0, unchanged: 3, rejected: 0 });
    expect([await unitCount(), await auditCount()]).toEqual([units, (audits ?? 0) + 2]);
  });

  it("rejects a row that would change a stored unit, naming the field", async () => {
    const res = await upload([header, "C11,Xã Khác,,territorial,xã,3,D1,2020-01-01,,"].join("\n"));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toEqual([
      expect.objectContaining({ path: "rows.2.nameVi", message_en: expect.stringContaining("Xã Một Một") }),
    ]);
  });

  it("checks each field by the rules of POST /api/units, and a stated level against the parent", async () => {
    const res = await upload(
      [
        header,
        "C15,Xã Một Năm,,commune,xã,,D1,2024-02-30,,",
        "C16,Xã Một Sáu,,territorial,xã,2,D1,2024-01-01,,",
      ].join("\n"),
      "?dryRun=true",
    );
    expect(res.statusCode).toBe(200);
    const issues = res
      .json()
      .rows.flatMap((r: { issues: { path: string }[] }) => r.issues.map((i) => i.path));
    expect(issues).toEqual(["rows.2.kind", "rows.2.validFrom", "rows.3.level"]);
  });

  it("loads an Excel workbook the same way", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Đơn vị");
    sheet.addRow(header.split(","));
    sheet.addRow([
      "C22",
      "Xã Hai Hai",
      "Hai Hai Commune",
      "territorial",
      "xã",
      3,
      "D2",
      "2024-01-01",
      "",
      "",
    ]);
    sheet.addRow(["S2", "Sở Hai", null, "agency", "sở/ngành", null, "P", "2024-01-01", "2025-07-01", null]);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const res = await upload(bytes, "", XLSX);
    expect(res.statusCode).toBe(200);
    expect(res.json().rows.map((r: { code: string; action: string }) => [r.code, r.action])).toEqual([
      ["C22", "create"],
      ["S2", "create"],
    ]);
    const s2 = (await t.app.inject({ method: "GET", url: "/api/units/S2", headers: admin })).json();
    expect(s2.unit).toMatchObject({ kind: "agency", validTo: "2025-07-01" });
    expect((await upload(bytes, "", XLSX)).json().counts).toEqual({ create: 0, unchanged: 2, rejected: 0 });
  });

  it("refuses a file that is not a workbook as 400 at the body", async () => {
    const res = await upload(Buffer.from("not a zip"), "", XLSX);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe("body");
  });

  it("lets a district admin import under its district only, and no root", async () => {
    const districtAdmin = await signIn(t, "admin-d1", [{ role: "admin", unitCode: "D1" }]);
    const viewer = await signIn(t, "viewer", [{ role: "viewer", unitCode: "P" }]);
    const file = [
      header,
      "C17,Xã Một Bảy,,territorial,xã,,D1,2024-01-01,,",
      "C23,Xã Hai Ba,,territorial,xã,,D2,2024-01-01,,",
      "Q,Tỉnh Khác,,territorial,tỉnh,,,2024-01-01,,",
    ].join("\n");
    expect((await upload(file, "?dryRun=true", CSV, viewer)).statusCode).toBe(403);
    const res = await upload(file, "?dryRun=true", CSV, districtAdmin);
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .rows.map((r: { action: string; issues: { path: string }[] }) => [r.action, r.issues[0]?.path]),
    ).toEqual([
      ["create", undefined],
      ["rejected", "rows.3.parentCode"],
      ["rejected", "rows.4.parentCode"],
    ]);
    const province = await upload(
      [header, "Q,Tỉnh Khác,,territorial,tỉnh,,,2024-01-01,,"].join("\n"),
      "?dryRun=true",
    );
    expect(province.json().rows[0]).toMatchObject({ action: "create", level: 1 });
  });
});
