import { readFileSync } from "node:fs";
import type { APIRequestContext, Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { labelVi, parsePeriod } from "../../src/domain/period/index.ts";
import { LAST_MONTH, TEST_TODAY } from "../test-clock.ts";
import {
  createYearlyForm,
  expectAccessible,
  hasChromium,
  launch,
  login,
  newContext,
  PASSWORD,
  screen,
} from "./helpers.ts";

// The server's day is 20/11/2026 (test/test-clock.ts): last month's report (202610) is the one a commune
// officer enters now. The 2023 periods of the demo are locked for reporters.
const PERIOD = LAST_MONTH;
const REPORT = `/reports/CDS_MONTHLY/29884/${PERIOD}`;
const REASON = "Số hộ dùng cáp quang chưa khớp số liệu của nhà mạng; đề nghị kiểm tra lại.";

const field = (page: Page, metric: string) => page.locator(`#field-${metric}`);
const notes = (page: Page, metric: string) => page.locator(`[data-metric="${metric}"] .field-notes`);

/** Waits until the element reads exactly this text (the page updates as the person types). */
async function shows(locator: Locator, text: string) {
  await locator.filter({ hasText: text }).waitFor();
  expect((await locator.textContent())?.trim()).toBe(text);
}

// Bulk decisions: a yearly form of their own for four wards of Thành phố Cao Lãnh, last year by
// the server's clock, so CDS_MONTHLY's reports and the IOC's months stay as the other tests read them.
const BULK_FORM = "BULK_DECISION_TEST";
const BULK_YEAR = String(Number(TEST_TODAY.slice(0, 4)) - 1);
const WARDS = { "29866": "Phường 1", "29869": "Phường 2", "29872": "Phường 4", "29875": "Phường 3" };
const BULK_REASON = "Thiếu căn cứ số liệu năm; đề nghị bổ sung.";

/** The admin (acting as reporter) enters and submits a report of the bulk form for each ward. */
async function submittedWardReports(admin: APIRequestContext): Promise<Record<string, number>> {
  await createYearlyForm(admin, {
    code: BULK_FORM,
    nameVi: "Biểu thử phê duyệt hàng loạt",
    metrics: [{ code: "HAMLETS_TOTAL" }],
    unitCodes: Object.keys(WARDS),
  });
  const ids: Record<string, number> = {};
  for (const unit of Object.keys(WARDS)) {
    const saved = await admin.put("/api/submissions", {
      data: { form: BULK_FORM, unit, period: BULK_YEAR, values: [{ metric: "HAMLETS_TOTAL", value: 5 }] },
    });
    expect(saved.status(), await saved.text()).toBe(201);
    ids[unit] = (await saved.json()).id;
    const sent = await admin.post(`/api/submissions/${ids[unit]}/submit`, { data: { version: 1 } });
    expect(sent.status(), await sent.text()).toBe(200);
  }
  return ids;
}

async function waitSaved(page: Page) {
  await page.locator('[data-save-state="saved"]').waitFor();
}

describe.skipIf(!hasChromium)("the monthly cycle in the browser", () => {
  let browser: Browser;
  let reporter: Page;
  let approver: Page;

  beforeAll(async () => {
    browser = await launch();
    reporter = await (await newContext(browser)).newPage();
    approver = await (await newContext(browser)).newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("a commune officer enters last month's report, meets the checks, fixes them and sends it", async () => {
    await reporter.goto("/");
    await reporter.getByRole("heading", { name: "Tài khoản dùng thử" }).waitFor();
    await screen(reporter, "01-login");
    await expectAccessible(reporter, "the login with the demo accounts");
    await login(reporter, "mytan.baocao");
    await reporter.waitForURL("**/reports");
    const item = reporter.locator(`li[data-period="${PERIOD}"][data-unit="29884"]`);
    await expect(item.textContent()).resolves.toContain("Tháng 10/2026");
    await screen(reporter, "02-my-reports");
    await expectAccessible(reporter, "my reports");
    await item.getByRole("link", { name: "Nhập báo cáo" }).click();
    await reporter.waitForURL(`**${REPORT}`);

    // The label names each field: a person (or a screen reader) finds it by its words.
    await reporter.getByLabel("Số hộ gia đình (hộ)", { exact: true }).fill("2.360");
    await field(reporter, "HOUSEHOLDS_FIBRE").fill("2500");
    await field(reporter, "HAMLETS_WITH_TEAM").fill("2,5");
    await shows(notes(reporter, "HOUSEHOLDS_FIBRE"), "Số hộ dùng cáp quang không được vượt số hộ gia đình");
    await shows(notes(reporter, "HAMLETS_WITH_TEAM"), "Phải là số nguyên");
    await screen(reporter, "03-report-form-errors");
    await expectAccessible(reporter, "the report form with errors");

    // Errors block sending: nothing leaves, the required fields are pointed out.
    await reporter.getByRole("button", { name: "Nộp báo cáo" }).click();
    await shows(notes(reporter, "DX_TRAININGS_HELD"), "Chưa nhập (bắt buộc khi nộp)");
    await reporter.locator("#checks", { hasText: "4 lỗi cần sửa trước khi nộp" }).waitFor();

    await field(reporter, "HOUSEHOLDS_FIBRE").fill("1900");
    await field(reporter, "HAMLETS_WITH_TEAM").fill("");
    await field(reporter, "DX_TRAININGS_HELD").fill("2");
    await field(reporter, "DOCUMENTS_ISSUED").fill("1");
    await reporter
      .getByLabel("Kết quả thực hiện")
      .fill("Tổ công nghệ số cộng đồng hỗ trợ 35 hộ cài đặt VNeID.");
    await reporter.locator("#checks", { hasText: "Số liệu đạt các quy tắc kiểm tra." }).waitFor();
    await waitSaved(reporter);
    await reporter.getByRole("button", { name: "Nộp báo cáo" }).click();
    await reporter.getByText("Báo cáo đã nộp và đang chờ phê duyệt; không sửa được.").waitFor();
    await expect(field(reporter, "HOUSEHOLDS_FIBRE").inputValue()).resolves.toBe("1900");
    await screen(reporter, "04-report-submitted");
    await expectAccessible(reporter, "the submitted report");
  });

  test("the district approver sees it with last period beside it and returns it with a reason", async () => {
    await login(approver, "tpcaolanh.duyet");
    await approver.waitForURL("**/approvals");
    await screen(approver, "05-approvals");
    await expectAccessible(approver, "the approvals");
    await approver
      .getByRole("row", { name: /Xã Mỹ Tân/ })
      .getByRole("link")
      .click();
    await approver.getByRole("heading", { name: "Xã Mỹ Tân · Tháng 10/2026" }).waitFor();
    await expect(
      approver.locator('tr[data-metric="HOUSEHOLDS_FIBRE"]').getAttribute("class"),
    ).resolves.toContain("changed");
    // A user never sees a button for an action their role cannot take: no "send" for an approver.
    await expect(approver.getByRole("button", { name: "Nộp báo cáo" }).count()).resolves.toBe(0);
    await screen(approver, "06-approval-detail", true);
    await expectAccessible(approver, "one report to approve");

    await approver.getByRole("button", { name: "Trả lại", exact: true }).click();
    await approver.getByText("Cần nêu lý do trả lại").waitFor();
    await approver.getByLabel("Lý do trả lại").fill(REASON);
    await approver.getByRole("button", { name: "Trả lại", exact: true }).click();
    await approver.getByText("Đã trả lại báo cáo.").waitFor();
  });

  test("the officer reads the reason, corrects the figure and sends it again; the approver approves", async () => {
    await reporter.goto("/reports");
    const returned = reporter.locator(`li.work-returned[data-period="${PERIOD}"]`, { hasText: REASON });
    await returned.waitFor();
    await screen(reporter, "07-returned");
    await expectAccessible(reporter, "my reports with a returned one");
    await returned.getByRole("link", { name: "Sửa báo cáo" }).click();
    await reporter.waitForURL(`**${REPORT}`);
    await shows(reporter.locator(".report .return-reason"), REASON);
    await field(reporter, "HOUSEHOLDS_FIBRE").fill("1950");
    await waitSaved(reporter);
    await reporter.getByRole("button", { name: "Nộp báo cáo" }).click();
    await reporter.getByText("Báo cáo đã nộp và đang chờ phê duyệt; không sửa được.").waitFor();

    await approver.goto("/approvals");
    await approver
      .getByRole("row", { name: /Xã Mỹ Tân/ })
      .getByRole("link")
      .click();
    await approver.getByRole("button", { name: "Phê duyệt" }).click();
    await approver.getByText("Đã phê duyệt báo cáo.").waitFor();
    await approver.getByText("Không có báo cáo nào chờ phê duyệt.").waitFor();
  });

  test("the new figure is on the leaders' screen for that month", async () => {
    const admin = await (await newContext(browser)).newPage();
    await login(admin, "admin");
    await admin.goto(`/ioc?period=${PERIOD}`);
    await admin.locator(".ioc[data-ready]").waitFor();
    const households = admin.locator('[data-figure="HOUSEHOLDS_FIBRE"] .figure-value');
    await shows(households, "1.950 hộ");
    await shows(admin.locator(".grid-total td").last().locator("[aria-hidden]"), "1/174");
    await screen(admin, "08-ioc", true);
    await expectAccessible(admin, "the IOC");
    await admin.getByRole("button", { name: "Ngôn ngữ: English" }).click();
    await admin.getByRole("heading", { name: "Operations centre" }).waitFor();
    await shows(households, "1,950");
    await screen(admin, "08-ioc-english");
    await expectAccessible(admin, "the IOC in English");
    await admin.getByRole("button", { name: "Language: Tiếng Việt" }).click();

    const wall = await (await newContext(browser, { width: 1920, height: 1080 })).newPage();
    await login(wall, "admin");
    await wall.goto("/ioc?period=202309");
    await wall.locator(".ioc[data-ready]").waitFor();
    await screen(wall, "09-ioc-wall-screen");
  });

  test("the plan report previews in the page and downloads as Word", async () => {
    const admin = await (await newContext(browser)).newPage();
    await login(admin, "admin");
    await admin.goto("/plan-report");
    await admin.locator(".markdown h2", { hasText: "BÁO CÁO" }).waitFor();
    await expect(admin.locator(".markdown").textContent()).resolves.toContain(
      "Số dịch vụ công trực tuyến toàn trình: 763/1.605",
    );
    await screen(admin, "10-plan-report");
    await expectAccessible(admin, "the plan report");
    // The Word file is built as a job (it can take a while on a large plan), then downloaded.
    await admin.getByRole("button", { name: "Word (.docx)" }).click();
    const link = admin.getByRole("link", { name: "Tải về bao-cao-KH-CDS-2023-202309.docx" }).first();
    const [download] = await Promise.all([admin.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe("bao-cao-KH-CDS-2023-202309.docx");
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
    expect(bytes.includes(Buffer.from("word/document.xml"))).toBe(true);
  });

  test("the approver approves several reports in one go and returns others with one reason, report by report", async () => {
    const context = await newContext(browser);
    const admin = context.request;
    expect(
      (await admin.post("/api/auth/login", { data: { username: "admin", password: PASSWORD } })).ok(),
    ).toBe(true);
    const ids = await submittedWardReports(admin);
    const year = labelVi(parsePeriod(BULK_YEAR));
    const row = (unit: string) => approver.locator(`tr[data-submission="${ids[unit]}"]`);
    await approver.goto("/approvals");
    await row("29866").getByLabel("Chọn báo cáo của Phường 1").check();
    await row("29869").getByLabel("Chọn báo cáo của Phường 2").check();
    await approver.getByText("Đã chọn 2 báo cáo").waitFor();
    // Meanwhile the report of Phường 2 is returned by someone else: the one approval is refused.
    const meanwhile = await admin.post(`/api/submissions/${ids["29869"]}/return`, {
      data: { version: 2, reason: "Trả lại trong lúc chờ duyệt" },
    });
    expect(meanwhile.status(), await meanwhile.text()).toBe(200);
    await approver.getByRole("button", { name: "Phê duyệt các báo cáo đã chọn" }).click();
    const results = approver.locator(".bulk-results li");
    await approver.getByText("Đã phê duyệt 1, trả lại 0 báo cáo; 1 báo cáo không thực hiện được.").waitFor();
    await expect(results.allTextContents()).resolves.toEqual([
      `Phường 1 · ${year}: Đã phê duyệt`,
      `Phường 2 · ${year}: Không thực hiện được — Báo cáo đã được người khác thay đổi (phiên bản hiện tại 3, bạn gửi 2); hãy tải lại`,
    ]);
    await row("29866").waitFor({ state: "detached" });
    await screen(approver, "11-approvals-bulk-approved");
    await expectAccessible(approver, "the approvals after a bulk decision");

    // Phường 4 and Phường 3 go back with one reason.
    await row("29872").getByLabel("Chọn báo cáo của Phường 4").check();
    await row("29875").getByLabel("Chọn báo cáo của Phường 3").check();
    const returnButton = approver.getByRole("button", { name: "Trả lại các báo cáo đã chọn" });
    await expect(returnButton.isDisabled()).resolves.toBe(true);
    await approver.getByLabel("Lý do trả lại (dùng cho mọi báo cáo đã chọn)").fill(BULK_REASON);
    await returnButton.click();
    await approver.getByText("Đã phê duyệt 0, trả lại 2 báo cáo; 0 báo cáo không thực hiện được.").waitFor();
    await expect(results.allTextContents()).resolves.toEqual([
      `Phường 4 · ${year}: Đã trả lại`,
      `Phường 3 · ${year}: Đã trả lại`,
    ]);
    await expect(approver.locator(`tr[data-submission]`, { hasText: BULK_FORM }).count()).resolves.toBe(0);
    const returned = await admin.get(`/api/submissions/${ids["29875"]}`);
    expect((await returned.json()).returnReason).toBe(BULK_REASON);
    await context.close();
  });
});
