import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { THIS_MONTH } from "../test-clock.ts";
import { expectAccessible, hasChromium, launch, login, newContext, screen } from "./helpers.ts";

// Mỹ Tân's own report for this month, imported as dry runs only: other tests' data stays as it is.
const UNIT = "29884";
const PERIOD = THIS_MONTH;

function file(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "chiso-import-")), name);
  writeFileSync(path, content);
  return path;
}

const dataValueSet = (values: Record<string, string>) =>
  JSON.stringify({
    dataSet: "CDS_MONTHLY",
    period: PERIOD,
    orgUnit: UNIT,
    dataValues: Object.entries(values).map(([dataElement, value]) => ({ dataElement, value })),
  });

describe.skipIf(!hasChromium)("long work runs as a job: the user can leave and come back", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
    page = await (await newContext(browser)).newPage();
    await login(page, "mytan.baocao");
  });
  afterAll(async () => {
    await browser?.close();
  });

  const detail = () => page.locator(".job-detail");

  test("a reporter dry-runs a dataValueSets file and sees its progress and summary", async () => {
    await page.getByRole("link", { name: "Nhập dữ liệu" }).click();
    await page.getByRole("heading", { name: "Nhập dữ liệu", level: 1 }).waitFor();
    await expect(page.getByLabel("Chạy thử: kiểm tra và đếm, không ghi gì").isChecked()).resolves.toBe(true);

    await page
      .getByLabel("Tệp số liệu (JSON, CSV hoặc Excel)")
      .setInputFiles(
        file("my-tan-thang-11.json", dataValueSet({ DX_TRAININGS_HELD: "2", DOCUMENTS_ISSUED: "5" })),
      );
    await page.getByRole("button", { name: "Tải lên và nhập" }).click();

    await detail().getByRole("heading", { name: "Nhập tệp my-tan-thang-11.json" }).waitFor();
    await detail().locator('.job-state[data-status="succeeded"]').waitFor();
    await expect(detail().locator(".job-state").textContent()).resolves.toBe("Đã xong · 2/2 giá trị");
    const bar = detail().getByRole("progressbar", { name: "Tiến độ nhập tệp my-tan-thang-11.json" });
    await expect(bar.evaluate((el: HTMLProgressElement) => [el.value, el.max])).resolves.toEqual([2, 2]);
    await detail().getByText("Đây là lần chạy thử: chưa có số liệu nào được ghi.").waitFor();
    const counts = await detail().locator(".job-counts dd").allTextContents();
    expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBe(2);
    await detail().getByText("Không có lỗi.").waitFor();
    await screen(page, "jobs-import-summary");
    await expectAccessible(page, "jobs-import-summary");
  });

  test("a file with a bad row fails, naming the row, field and problem, and writes nothing", async () => {
    await page
      .getByLabel("Tệp số liệu (JSON, CSV hoặc Excel)")
      .setInputFiles(
        file("my-tan-loi.json", dataValueSet({ DX_TRAININGS_HELD: "2", DOCUMENTS_ISSUED: "nhiều lắm" })),
      );
    await page.getByRole("button", { name: "Tải lên và nhập" }).click();
    await detail().getByRole("heading", { name: "Nhập tệp my-tan-loi.json" }).waitFor();
    await detail().locator('.job-state[data-status="failed"]').waitFor();
    await detail().getByRole("alert").filter({ hasText: "Không nhập dữ liệu: có 1 lỗi" }).waitFor();
    const rows = detail().locator(".job-conflicts tbody tr");
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().locator("td").allTextContents()).resolves.toEqual([
      "2",
      "value",
      "DOCUMENTS_ISSUED",
      "Giá trị phải là số",
    ]);
    await screen(page, "jobs-import-conflicts");
    await expectAccessible(page, "jobs-import-conflicts");
  });

  test("leaving the page and coming back shows the jobs with their results", async () => {
    await page.getByRole("link", { name: "Báo cáo của tôi" }).click();
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    await page.getByRole("link", { name: "Nhập dữ liệu" }).click();
    const list = page.locator(".job-list tbody tr");
    await list.nth(1).waitFor();
    const texts = await list.allTextContents();
    expect(texts[0]).toContain("my-tan-loi.json (chạy thử)");
    expect(texts[0]).toContain("Không thành công");
    expect(texts[1]).toContain("my-tan-thang-11.json (chạy thử)");
    expect(texts[1]).toContain("Đã xong");
    // The newest is shown; the older one opens from the list.
    await detail().getByRole("heading", { name: "Nhập tệp my-tan-loi.json" }).waitFor();
    await page.getByRole("button", { name: "Xem kết quả nhập tệp my-tan-thang-11.json" }).click();
    await detail().getByRole("heading", { name: "Nhập tệp my-tan-thang-11.json" }).waitFor();
    await detail().locator('.job-state[data-status="succeeded"]').waitFor();
    await screen(page, "jobs-come-back", true);
    await expectAccessible(page, "jobs-come-back");
  });

  test("the plan report builds as a job, shows its progress, then downloads as Word", async () => {
    await page.getByRole("link", { name: "Báo cáo tổng hợp" }).click();
    await page.locator(".markdown h2", { hasText: "BÁO CÁO" }).waitFor();
    await page.getByRole("button", { name: "Word (.docx)" }).click();
    const job = page.locator(".job-report").first();
    const link = job.getByRole("link", { name: "Tải về bao-cao-KH-CDS-2023-202309.docx" });
    await link.waitFor();
    await expect(job.locator(".job-state").textContent()).resolves.toBe("Đã xong · bước 3/3");
    await screen(page, "jobs-plan-report");
    await expectAccessible(page, "jobs-plan-report");
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe("bao-cao-KH-CDS-2023-202309.docx");
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
    expect(bytes.includes(Buffer.from("word/document.xml"))).toBe(true);

    // Still there after leaving the page.
    await page.getByRole("link", { name: "Nhập dữ liệu" }).click();
    await page.getByRole("link", { name: "Báo cáo tổng hợp" }).click();
    await page.getByRole("link", { name: "Tải về bao-cao-KH-CDS-2023-202309.docx" }).first().waitFor();
  });
});
