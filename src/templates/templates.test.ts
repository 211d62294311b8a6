import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { signIn, type TestApp, testActor, testApp } from "../../test/harness.ts";
import { zipOf } from "../../test/zip-fixture.ts";
import * as clock from "../config/clock.ts";
import { formatPeriod, parsePeriod, periodOf, previousPeriod } from "../domain/period/index.ts";
import { addRule } from "../forms/service.ts";
import { approvedReport, seedTinyPlan } from "../plans/test-fixtures.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
// Last month can still be edited by a reporter (its lock has not passed); the month before has
// an approved report whose values the template shows as last period's.
const LAST = formatPeriod(previousPeriod(periodOf("month", clock.today())));
const BEFORE = formatPeriod(previousPeriod(parsePeriod(LAST, "month")));
const URL = `/api/forms/TINY_MONTHLY/template.xlsx?unit=C11&period=${BEFORE}`;
const LAST_URL = `/api/forms/TINY_MONTHLY/template.xlsx?unit=C11&period=${LAST}`;

let t: TestApp;
let reporter: { cookie: string };

beforeAll(async () => {
  t = await testApp();
  await seedTinyPlan(t);
  await addRule(t.database.db, testActor, "TINY_MONTHLY", {
    code: "DONE_LE_TOTAL",
    expression: "#{DONE} <= #{TOTAL}",
    severity: "error",
    messageVi: "Số đã giải quyết không được vượt tổng số",
    messageEn: "Done cannot exceed the total",
  });
  await approvedReport(t.database.db, "C11", BEFORE, { DONE: 9, TOTAL: 11 });
  reporter = await signIn(t, "c11.baocao", [{ role: "reporter", unitCode: "C11" }]);
});
afterAll(() => t.close());

async function download(url: string) {
  const res = await t.app.inject({ method: "GET", url, headers: reporter });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return { res, book, sheet: book.getWorksheet("Báo cáo") as ExcelJS.Worksheet };
}

async function filled(
  values: Record<string, ExcelJS.CellValue>,
  cells: Record<string, ExcelJS.CellValue> = {},
) {
  const { book, sheet } = await download(LAST_URL);
  sheet.eachRow((row) => {
    const code = String(row.getCell("B").value ?? "");
    if (code in values) row.getCell("E").value = values[code] ?? null;
  });
  for (const [cell, value] of Object.entries(cells)) sheet.getCell(cell).value = value;
  return Buffer.from(await book.xlsx.writeBuffer());
}

const upload = (body: Buffer, url = LAST_URL, headers: Record<string, string> = reporter) =>
  t.app.inject({ method: "POST", url, payload: body, headers: { ...headers, "content-type": XLSX } });

async function storedOctober() {
  const list = await t.app.inject({
    method: "GET",
    url: `/api/submissions?form=TINY_MONTHLY&unit=C11&period=${LAST}`,
    headers: reporter,
  });
  return list.json().filter((s: { unit: string }) => s.unit === "C11");
}

describe("GET /api/forms/:code/template.xlsx", () => {
  test("is the form as a workbook: codes in B, this period's and last period's values, named for its unit and period", async () => {
    const { res, sheet } = await download(URL);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe(XLSX);
    expect(res.headers["content-disposition"]).toBe(
      `attachment; filename="mau-TINY_MONTHLY-C11-${BEFORE}.xlsx"`,
    );
    expect([sheet.getCell("C2").value, sheet.getCell("C3").value, sheet.getCell("C4").value]).toEqual([
      "TINY_MONTHLY",
      "C11",
      BEFORE,
    ]);
    expect([sheet.getCell("B7").value, sheet.getCell("E7").value, sheet.getCell("B8").value]).toEqual([
      "DONE",
      9,
      "TOTAL",
    ]);
    const last = await download(LAST_URL);
    expect([last.sheet.getCell("E7").value, last.sheet.getCell("F7").value]).toEqual([null, 9]);
  });

  test("is refused outside the caller's scope and for a unit that does not report the form", async () => {
    const other = await t.app.inject({
      method: "GET",
      url: `/api/forms/TINY_MONTHLY/template.xlsx?unit=C21&period=${BEFORE}`,
      headers: reporter,
    });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe("OUT_OF_SCOPE");
    const notAssigned = await t.app.inject({
      method: "GET",
      url: `/api/forms/TINY_MONTHLY/template.xlsx?unit=D1&period=${BEFORE}`,
      headers: reporter,
    });
    expect(notAssigned.statusCode).toBe(400);
    expect(notAssigned.json().error.details[0].path).toBe("querystring.unit");
  });
});

describe("POST /api/forms/:code/template.xlsx", () => {
  test("names each bad cell and writes nothing", async () => {
    const res = await upload(await filled({ DONE: "nhiều", TOTAL: -3 }));
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.error.code).toBe("TEMPLATE_REJECTED");
    expect(body.cells).toEqual([
      { cell: "E7", metric: "DONE", message: "Giá trị phải là số", message_en: "The value must be a number" },
      {
        cell: "E8",
        metric: "TOTAL",
        message: expect.stringContaining("0"),
        message_en: expect.stringContaining("0"),
      },
    ]);
    expect(body.error.details.map((d: { path: string }) => d.path)).toEqual([
      "body.cells.E7",
      "body.cells.E8",
    ]);
    expect(await storedOctober()).toEqual([]);
  });

  test("applies the form's error rules at the cell of the metric they name", async () => {
    const res = await upload(await filled({ DONE: 12, TOTAL: 11 }));
    expect(res.statusCode).toBe(422);
    expect(res.json().cells).toEqual([
      {
        cell: "E7",
        metric: "DONE",
        message: "Số đã giải quyết không được vượt tổng số",
        message_en: "Done cannot exceed the total",
      },
    ]);
    expect(await storedOctober()).toEqual([]);
  });

  test("refuses the template of another unit (header cell C3) and unknown codes in column B", async () => {
    const res = await upload(await filled({ DONE: 1, TOTAL: 2 }, { C3: "C12", B9: "BOGUS", E9: 1 }));
    expect(res.statusCode).toBe(422);
    expect(res.json().cells.map((c: { cell: string }) => c.cell)).toEqual(["C3", "B9"]);
  });

  test("saves a good workbook as the draft, with Vietnamese-written numbers and the narrative", async () => {
    const body = await filled({ DONE: "1.205", TOTAL: 1300, results: "Đã hoàn thành." });
    const res = await upload(body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: "draft", created: true, warnings: [] });
    const [saved] = await storedOctober();
    const detail = await t.app.inject({
      method: "GET",
      url: `/api/submissions/${saved.id}`,
      headers: reporter,
    });
    const values = Object.fromEntries(
      detail.json().values.map((v: { metric: string; value: unknown }) => [v.metric, v.value]),
    );
    expect(values).toEqual({ DONE: 1205, TOTAL: 1300 });
  });

  test("refuses what is not a workbook (400), a zip bomb (413) and a body over 2 MB (413)", async () => {
    const text = await upload(Buffer.from("hello"));
    expect(text.statusCode).toBe(400);
    expect(text.json().error.details[0]).toMatchObject({ path: "body", code: "UNREADABLE_WORKBOOK" });
    const bomb = await upload(zipOf("xl/huge.xml", Buffer.alloc(64 * 1024 * 1024, 0x20)));
    expect(bomb.statusCode).toBe(413);
    const big = await upload(Buffer.alloc(2 * 1024 * 1024 + 1, 1));
    expect(big.statusCode).toBe(413);
  });

  test("needs the reporter role over the unit", async () => {
    const viewer = await signIn(t, "c11.xem", [{ role: "viewer", unitCode: "C11" }]);
    const res = await upload(await filled({ DONE: 1, TOTAL: 2 }), LAST_URL, viewer);
    expect(res.statusCode).toBe(403);
  });
});
