import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { TEST_TODAY } from "../test-clock.ts";
import { createYearlyForm, hasChromium, launch, login, newContext } from "./helpers.ts";

// A yearly form of its own, last year by the server's clock, for the district 866: the monthly
// report of CDS_MONTHLY (its metrics) stays as the other tests read it.
const FORM = "KEYBOARD_TEST";
const YEAR = String(Number(TEST_TODAY.slice(0, 4)) - 1);
const REPORT = `/reports/${FORM}/866/${YEAR}`;
const REQUIRED = ["HOUSEHOLDS_TOTAL", "DX_TRAININGS_HELD"];
const LAPTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

interface Seen {
  id: string;
  /** Whether the element lies wholly inside the window and above the sticky submit bar. */
  visible: boolean;
}

/** Where the focus is now, and whether a person sees all of it (not under the submit bar). */
function focused(page: Page): Promise<Seen> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    const box = element.getBoundingClientRect();
    const bar = document.querySelector(".submit-bar")?.getBoundingClientRect();
    const inBar = !!element.closest(".submit-bar");
    const visible =
      box.top >= 0 &&
      box.left >= 0 &&
      box.right <= window.innerWidth &&
      (inBar || box.bottom <= (bar?.top ?? 0));
    return { id: element.id || element.tagName, visible };
  });
}

/** Tabs from the page's top to the submit button, noting each field reached and whether it showed. */
async function tabThroughForm(page: Page): Promise<Seen[]> {
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    (document.activeElement as HTMLElement | null)?.blur();
  });
  const seen: Seen[] = [];
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press("Tab");
    const now = await focused(page);
    if (now.id.startsWith("field-") || now.id.startsWith("section-")) seen.push(now);
    if (await page.evaluate(() => document.activeElement?.getAttribute("type") === "submit")) return seen;
  }
  throw new Error("the submit button was never reached by Tab");
}

describe.skipIf(!hasChromium)("the report form by keyboard alone", () => {
  let browser: Browser;
  let fields: string[];

  beforeAll(async () => {
    browser = await launch();
    const context = await newContext(browser);
    const admin = context.request;
    const page = await context.newPage();
    await login(page, "admin");
    const cds = await (await admin.get("/api/forms/CDS_MONTHLY")).json();
    await createYearlyForm(admin, {
      code: FORM,
      nameVi: "Biểu thử nhập bằng bàn phím",
      metrics: cds.metrics.map((m: { code: string }) => ({
        code: m.code,
        required: REQUIRED.includes(m.code),
      })),
      unitCodes: ["866"],
    });
    // Its fields in form order: the metrics, then the narrative sections every form gets.
    const form = await (await admin.get(`/api/forms/${FORM}`)).json();
    fields = [
      ...form.metrics.map((m: { code: string }) => `field-${m.code}`),
      ...form.sections.map((x: { code: string }) => `section-${x.code}`),
    ];
    await context.close();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const [name, size] of [
    ["a laptop (1366×900)", LAPTOP],
    ["a phone (390×844)", PHONE],
  ] as const) {
    test(`on ${name}, Tab reaches every field in order, each wholly visible above the submit bar`, async () => {
      const page = await (await newContext(browser, size)).newPage();
      await login(page, "admin");
      await page.goto(REPORT);
      await page.locator(".submit-bar").waitFor();
      const seen = await tabThroughForm(page);
      expect(seen.map((s) => s.id)).toEqual(fields);
      expect(seen.filter((s) => !s.visible).map((s) => s.id)).toEqual([]);
      await page.context().close();
    });
  }

  test("the error summary names each invalid field and its link moves focus to it; a sent report is announced and focused", async () => {
    const page = await (await newContext(browser, PHONE)).newPage();
    await login(page, "admin");
    await page.goto(REPORT);
    await page.locator("#field-HOUSEHOLDS_TOTAL").fill("abc");
    await page.getByRole("button", { name: "Nộp báo cáo" }).click();
    // Sending is refused: focus goes to the summary, which lists both problems as links.
    await page.locator("#checks", { hasText: "2 lỗi cần sửa trước khi nộp" }).waitFor();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("checks");
    const links = page.locator("#checks a");
    await expect(links.allTextContents()).resolves.toEqual([
      "Số hộ gia đình: Phải là một số",
      "Số lớp tập huấn, bồi dưỡng kỹ năng số tổ chức trong tháng: Chưa nhập (bắt buộc khi nộp)",
    ]);
    // By keyboard: Tab to the second link, Enter, and the field has focus, in view.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect(focused(page)).resolves.toEqual({ id: "field-DX_TRAININGS_HELD", visible: true });
    await page.keyboard.type("2");
    await links.first().press("Enter");
    await expect(focused(page)).resolves.toEqual({ id: "field-HOUSEHOLDS_TOTAL", visible: true });
    await page.keyboard.press("Control+A");
    await page.keyboard.type("120");
    await page.locator("#checks", { hasText: "Số liệu đạt các quy tắc kiểm tra." }).waitFor();

    await page.getByRole("button", { name: "Nộp báo cáo" }).press("Enter");
    const announced = page
      .getByRole("status")
      .filter({ hasText: "Đã nộp báo cáo; báo cáo đang chờ phê duyệt." });
    await announced.waitFor();
    await expect(
      page.evaluate(() => [
        document.activeElement?.getAttribute("role"),
        document.activeElement?.textContent,
      ]),
    ).resolves.toEqual(["status", "Đã nộp báo cáo; báo cáo đang chờ phê duyệt."]);
    await page.context().close();
  });
});
