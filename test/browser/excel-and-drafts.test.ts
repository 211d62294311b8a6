import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { LAST_MONTH, THIS_MONTH } from "../test-clock.ts";
import { expectAccessible, hasChromium, launch, login, newContext, screen } from "./helpers.ts";

// The district's own report (unit 866) for last month: the monthly-cycle test uses a commune's.
const REPORT = `/reports/CDS_MONTHLY/866/${LAST_MONTH}`;

async function reportSheet(path: string) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const sheet = book.getWorksheet("Báo cáo");
  if (!sheet) throw new Error("no sheet Báo cáo");
  return { book, sheet };
}

/** The value cell of a metric in the downloaded template ("E16"). */
async function valueCell(path: string, metric: string): Promise<string> {
  const { sheet } = await reportSheet(path);
  let found = "";
  sheet.eachRow((row, n) => {
    if (String(row.getCell("B").value ?? "") === metric) found = `E${n}`;
  });
  return found;
}

/** Fills the downloaded template: each metric row has its code in column B, its value in E. */
async function fill(path: string, values: Record<string, unknown>): Promise<string> {
  const { book, sheet } = await reportSheet(path);
  sheet.eachRow((row) => {
    const code = String(row.getCell("B").value ?? "");
    if (code in values) row.getCell("E").value = values[code] as ExcelJS.CellValue;
  });
  const out = join(mkdtempSync(join(tmpdir(), "chiso-xlsx-")), "filled.xlsx");
  writeFileSync(out, Buffer.from(await book.xlsx.writeBuffer()));
  return out;
}

describe.skipIf(!hasChromium)("Excel templates and drafts that survive a lost connection", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
    page = await (await newContext(browser)).newPage();
    await login(page, "tpcaolanh.baocao");
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("a filled template with one bad cell is refused naming that cell; fixed, it fills the draft", async () => {
    await page.goto(REPORT);
    await page.getByText("Nhập bằng tệp Excel").click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Tải mẫu Excel" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`mau-CDS_MONTHLY-866-${LAST_MONTH}.xlsx`);
    const template = await download.path();

    // A district's template holds the district's metrics only (the feedback of the 1022 line).
    const cell = await valueCell(template, "FEEDBACK_ANSWERED");
    expect(cell).toMatch(/^E\d+$/);
    expect(await valueCell(template, "HOUSEHOLDS_FIBRE")).toBe("");
    const bad = await fill(template, {
      FEEDBACK_RECEIVED: 1_250,
      FEEDBACK_ANSWERED: "nhiều lắm",
      DX_TRAININGS_HELD: 3,
    });
    await page.getByLabel("Chọn tệp Excel đã điền").setInputFiles(bad);
    const errors = page.locator(".excel-errors tbody tr");
    await errors.filter({ hasText: cell }).waitFor();
    await expect(errors.count()).resolves.toBe(1);
    await expect(errors.first().textContent()).resolves.toBe(`${cell}FEEDBACK_ANSWEREDGiá trị phải là số`);
    await expect(page.locator("#field-FEEDBACK_RECEIVED").inputValue()).resolves.toBe("");
    await screen(page, "11-excel-errors");
    await expectAccessible(page, "11-excel-errors");

    const good = await fill(template, {
      FEEDBACK_RECEIVED: 1_250,
      FEEDBACK_ANSWERED: "1.240",
      DX_TRAININGS_HELD: 3,
    });
    await page.getByLabel("Chọn tệp Excel đã điền").setInputFiles(good);
    await page.getByText("Đã nhập số liệu từ tệp Excel vào bản nháp.").waitFor();
    await expect(page.locator("#field-FEEDBACK_ANSWERED").inputValue()).resolves.toBe("1240");
    await expect(page.locator("#field-FEEDBACK_RECEIVED").inputValue()).resolves.toBe("1250");
  });

  test("typing while the server is unreachable loses nothing: the draft is kept and saved when back", async () => {
    await page.goto(REPORT);
    await page.route("**/api/submissions", (route) =>
      route.request().method() === "PUT" ? route.abort("internetdisconnected") : route.continue(),
    );
    await page.locator("#field-DOCUMENTS_ISSUED").fill("4");
    await page.locator('[data-save-state="offline"]').waitFor();
    await screen(page, "12-report-form-offline");
    await expectAccessible(page, "12-report-form-offline");

    await page.reload();
    await expect(page.locator("#field-DOCUMENTS_ISSUED").inputValue()).resolves.toBe("4");
    await page.getByText("Đã khôi phục số liệu bạn nhập trước đó").waitFor();

    await page.unroute("**/api/submissions");
    await page.locator('[data-save-state="saved"]').waitFor({ timeout: 30_000 });
    const list: { id: number; unit: string }[] = await (
      await page.request.get(`/api/submissions?form=CDS_MONTHLY&unit=866&period=${LAST_MONTH}`)
    ).json();
    const own = list.find((s) => s.unit === "866");
    const detail = await (await page.request.get(`/api/submissions/${own?.id}`)).json();
    const documents = detail.values.find((v: { metric: string }) => v.metric === "DOCUMENTS_ISSUED");
    expect(documents.value).toBe(4);
  });

  test("a draft kept offline never overwrites a colleague's newer save: the person chooses field by field", async () => {
    const current = async () => {
      const list: { id: number; unit: string }[] = await (
        await page.request.get(`/api/submissions?form=CDS_MONTHLY&unit=866&period=${LAST_MONTH}`)
      ).json();
      const id = list.find((s) => s.unit === "866")?.id;
      return (await page.request.get(`/api/submissions/${id}`)).json();
    };
    const documents = (detail: { values: { metric: string; value: unknown }[] }) =>
      detail.values.find((v) => v.metric === "DOCUMENTS_ISSUED")?.value;

    await page.goto(REPORT);
    await page.route("**/api/submissions", (route) =>
      route.request().method() === "PUT" ? route.abort("internetdisconnected") : route.continue(),
    );
    await page.locator("#field-DOCUMENTS_ISSUED").fill("5");
    await page.locator('[data-save-state="offline"]').waitFor();
    // Meanwhile a colleague saves the report from another computer.
    const before = await current();
    const colleague = await page.request.put("/api/submissions", {
      data: {
        form: "CDS_MONTHLY",
        unit: "866",
        period: LAST_MONTH,
        version: before.version,
        values: [{ metric: "DOCUMENTS_ISSUED", value: 6 }],
      },
    });
    expect(colleague.status()).toBe(200);

    await page.unroute("**/api/submissions");
    await page.reload();
    const row = page.locator('[data-conflict="DOCUMENTS_ISSUED"]');
    await row.waitFor();
    await expect(row.locator(".conflict-mine").textContent()).resolves.toBe("5");
    await expect(row.locator(".conflict-theirs").textContent()).resolves.toBe("6");
    await expect(page.locator("#field-DOCUMENTS_ISSUED").inputValue()).resolves.toBe("6");
    await screen(page, "12b-report-draft-conflict");
    await expectAccessible(page, "12b-report-draft-conflict");
    // Nothing was saved over the colleague's figure while the person had not chosen.
    expect(documents(await current())).toBe(6);

    await row.getByRole("button", { name: "Dùng số liệu của tôi" }).click();
    await expect(page.locator("#field-DOCUMENTS_ISSUED").inputValue()).resolves.toBe("5");
    await page.locator('[data-save-state="saved"]').waitFor({ timeout: 30_000 });
    expect(documents(await current())).toBe(5);
    await expect(page.locator(".draft-conflict").count()).resolves.toBe(0);
  });

  test("signing out forgets every draft kept in this browser", async () => {
    const other = await (await newContext(browser)).newPage();
    await login(other, "tpcaolanh.baocao");
    await other.goto(REPORT);
    await other.route("**/api/submissions", (route) =>
      route.request().method() === "PUT" ? route.abort("internetdisconnected") : route.continue(),
    );
    await other.locator("#field-DOCUMENTS_ISSUED").fill("7");
    await other.locator('[data-save-state="offline"]').waitFor();
    const drafts = () =>
      other.evaluate(
        () => Object.keys(window.localStorage).filter((k) => k.startsWith("chiso.draft.")).length,
      );
    await expect(drafts()).resolves.toBe(1);
    await other.unroute("**/api/submissions");
    await other.getByRole("button", { name: "Đăng xuất" }).click();
    await other.getByLabel("Tên đăng nhập").waitFor();
    await expect(drafts()).resolves.toBe(0);
  });

  test("the form works on a phone", async () => {
    const phone = await (await newContext(browser, { width: 390, height: 844 })).newPage();
    await login(phone, "mytan.baocao");
    await phone.goto(`/reports/CDS_MONTHLY/29884/${THIS_MONTH}`);
    await phone.locator("#field-HOUSEHOLDS_TOTAL").fill("2361");
    await phone.locator('[data-save-state="saved"]').waitFor();
    await screen(phone, "13-report-form-phone");
    await expectAccessible(phone, "13-report-form-phone");
  });
});
