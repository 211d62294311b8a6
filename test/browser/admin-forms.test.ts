import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { formatPeriod, labelVi, nextPeriod, parsePeriod } from "../../src/domain/period/index.ts";
import { THIS_MONTH } from "../test-clock.ts";
import {
  expectAccessible,
  hasChromium,
  login,
  newContext,
  PASSWORD,
  screen,
  signedInSession,
} from "./helpers.ts";

// A form of its own, assigned to no unit: the demo's form CDS_MONTHLY, its reports and the
// completeness the other tests read stay as they are.
const FORM = "WEB_FORM_TEST";
/** The period after the server's current month (test/test-clock.ts), whatever the machine's date. */
const NEXT_MONTH = formatPeriod(nextPeriod(parsePeriod(THIS_MONTH)));
const DISTRICT_ADMIN = "chauthanh.quantri";
const labelOf = (period: string): string => labelVi(parsePeriod(period));

const row = (page: Page, code: string) => page.locator(`tr[data-metric-row="${code}"]`);
const fieldError = (page: Page, label: string) =>
  page
    .locator(".field-stacked", { has: page.getByLabel(label, { exact: true }) })
    .locator("[data-field-error]");

describe.skipIf(!hasChromium)("creating and changing a form in the browser", () => {
  const session = signedInSession("admin");

  test("a province admin creates a form with its metrics and unit groups; the server's problems land beside the fields", async () => {
    const { page } = session;
    await page.goto("/admin/forms");
    const create = page.locator("form", { has: page.locator("#form-create-title") });
    await create.getByLabel("Mã", { exact: true }).fill(FORM);
    await create.getByRole("button", { name: "Tạo biểu mẫu" }).click();
    // No name and no metric: both answered beside their field, in Vietnamese.
    await fieldError(page, "Tên tiếng Việt").waitFor();
    await expect(create.getByLabel("Tên tiếng Việt").getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(create.locator("fieldset.metric-editor > [data-field-error]").textContent()).resolves.toBe(
      "Không được để trống",
    );

    await create.getByLabel("Tên tiếng Việt").fill("Biểu thử nghiệm tạo trên web");
    await create.getByLabel("Tên tiếng Anh").fill("Form made on the web");
    await create.getByLabel("Kỳ báo cáo").selectOption("month");
    for (const code of ["HOUSEHOLDS_TOTAL", "HOUSEHOLDS_FIBRE"]) {
      await create.getByLabel("Chọn chỉ số").selectOption(code);
      await create.getByRole("button", { name: "Thêm chỉ số" }).click();
    }
    await row(page, "HOUSEHOLDS_TOTAL").getByLabel("HOUSEHOLDS_TOTAL bắt buộc").check();
    await row(page, "HOUSEHOLDS_FIBRE").getByLabel("Cấp xã").check();
    // Fibre first, by the keyboard.
    await row(page, "HOUSEHOLDS_FIBRE").getByRole("button", { name: "Chuyển HOUSEHOLDS_FIBRE lên" }).focus();
    await page.keyboard.press("Enter");
    await expect(
      create
        .locator("tr[data-metric-row]")
        .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-metric-row"))),
    ).resolves.toEqual(["HOUSEHOLDS_FIBRE", "HOUSEHOLDS_TOTAL"]);
    await screen(page, "forms-01-create");
    await expectAccessible(page, "forms-01-create");
    await create.getByRole("button", { name: "Tạo biểu mẫu" }).click();

    await page.waitForURL(`**/admin/forms/${FORM}`);
    await page.getByRole("heading", { name: /Biểu thử nghiệm tạo trên web/ }).waitFor();
    await page.getByText("Phiên bản đầu tiên: 2 chỉ số").waitFor();
  });

  test("the metric list changes from a chosen period; after a reload both versions and the new list show", async () => {
    const { page } = session;
    const edit = page.locator("form", { has: page.locator("#form-version-title") });
    await edit.getByLabel("Chọn chỉ số").selectOption("HAMLETS_TOTAL");
    await edit.getByRole("button", { name: "Thêm chỉ số" }).click();
    await row(page, "HAMLETS_TOTAL").getByLabel("Cấp huyện").check();
    await row(page, "HAMLETS_TOTAL").getByLabel("Cấp xã").check();
    await edit.getByLabel("Áp dụng từ kỳ").selectOption(NEXT_MONTH);
    await edit.getByRole("button", { name: "Lưu phiên bản mới" }).click();
    await page.getByText(`Đã lưu phiên bản áp dụng từ ${labelOf(NEXT_MONTH)}.`).waitFor();

    await page.reload();
    await page.getByText(`Từ ${labelOf(NEXT_MONTH)}: 3 chỉ số`).waitFor();
    await page.getByText("Phiên bản đầu tiên: 2 chỉ số").waitFor();
    const shown = page
      .locator("section", { has: page.locator("#form-metrics-title") })
      .locator("table")
      .first();
    await expect(shown.locator("tbody tr").allTextContents()).resolves.toEqual([
      expect.stringContaining("HOUSEHOLDS_FIBRE"),
      expect.stringContaining("HOUSEHOLDS_TOTAL"),
      expect.stringContaining("HAMLETS_TOTAL"),
    ]);
    await expect(shown.locator("tbody tr").nth(0).textContent()).resolves.toContain("Cấp xã");
    await expect(shown.locator("tbody tr").nth(2).textContent()).resolves.toContain("Cấp huyện, Cấp xã");
    await screen(page, "forms-02-version", true);
    await expectAccessible(page, "forms-02-version");

    // In English, the server's problem is in English: a version without metrics.
    await page.getByRole("button", { name: /English/ }).click();
    const editEn = page.locator("form", { has: page.locator("#form-version-title") });
    for (const code of ["HOUSEHOLDS_FIBRE", "HOUSEHOLDS_TOTAL", "HAMLETS_TOTAL"]) {
      await row(page, code)
        .getByRole("button", { name: `Remove ${code} from the form` })
        .click();
    }
    await editEn.getByRole("button", { name: "Save the new version" }).click();
    const listError = editEn.locator("fieldset.metric-editor > [data-field-error]");
    await expect(listError.textContent()).resolves.toBe("Must not be empty");
    await page.getByRole("button", { name: /Tiếng Việt/ }).click();
  });

  test("an admin below the province reads the form without the buttons the server would refuse", async () => {
    const { browser, page } = session;
    const created = await page.request.post("/api/users", {
      data: {
        username: DISTRICT_ADMIN,
        displayName: "Quản trị Huyện Châu Thành",
        password: PASSWORD,
        grants: [{ role: "admin", unitCode: "877" }],
      },
    });
    expect(created.status()).toBe(201);
    const district = await (await newContext(browser)).newPage();
    await login(district, DISTRICT_ADMIN);
    await district.goto(`/admin/forms/${FORM}`);
    await district.getByText("Chỉ quản trị viên cấp tỉnh được tạo, sửa biểu mẫu").waitFor();
    await district.getByText("Phiên bản đầu tiên: 2 chỉ số").waitFor();
    await expect(
      district.locator("#form-version-title, #rule-add-title, #form-create-title").count(),
    ).resolves.toBe(0);
    await district.goto("/admin/forms");
    await district.locator(`tr[data-form="${FORM}"]`).waitFor();
    await expect(district.getByRole("button", { name: "Tạo biểu mẫu" }).count()).resolves.toBe(0);
  });
});
