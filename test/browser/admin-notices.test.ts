import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { createYearlyForm, expectAccessible, hasChromium, screen, signedInSession } from "./helpers.ts";

// A form of its own, assigned to no unit: the demo's forms and their reminders stay as they are.
const FORM = "WEB_NOTICE_TEST";

const fieldError = (page: Page, label: string) =>
  page
    .locator(".field-stacked", { has: page.getByLabel(label, { exact: true }) })
    .locator("[data-field-error]");

describe.skipIf(!hasChromium)("the admin's view of the notices", () => {
  const session = signedInSession("admin");

  test("shows the upcoming notices and the sent log, each with its total, and passes WCAG 2.1 AA", async () => {
    const { page } = session;
    await page.goto("/admin/notices");
    await page.getByRole("heading", { name: "Thông báo, nhắc việc", level: 1 }).waitFor();
    const upcoming = page.locator("section.panel", { has: page.locator("#notices-upcoming") });
    await upcoming.getByLabel("Số ngày tới").selectOption("31");
    await upcoming.locator('table[data-table="upcoming"] tbody tr').first().waitFor();
    const rows = await upcoming.locator('table[data-table="upcoming"] tbody tr').count();
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThanOrEqual(20);
    await expect(upcoming.getByText(/^Tổng: \d+ thông báo$/).textContent()).resolves.toMatch(/Tổng/);
    // The log: what the scheduler stored since the server started (on the tests' day, perhaps
    // nothing), filtered by delivery state; without SMTP no e-mail has failed.
    const log = page.locator("section.panel", { has: page.locator("#notices-log") });
    await log.getByLabel("Trạng thái").selectOption("failed");
    await log.getByText("Không có thông báo nào.").waitFor();
    await screen(page, "admin-notices", true);
    await expectAccessible(page, "/admin/notices");
  });

  test("a province admin changes a form's reminder days; a bad value is named beside its field", async () => {
    const { page } = session;
    await createYearlyForm(page.request, {
      code: FORM,
      nameVi: "Biểu thử nhắc việc",
      metrics: [{ code: "HOUSEHOLDS_TOTAL" }],
      unitCodes: [],
    });
    await page.goto("/admin/notices");
    const forms = page.locator("section", { has: page.locator("#notices-forms") });
    await forms.getByLabel("Biểu mẫu", { exact: true }).selectOption(FORM);
    await forms.getByText("Đang dùng mặc định (3 và 1; 3; 7).").waitFor();
    const remind = forms.getByLabel("Nhắc trước hạn (ngày, cách nhau bởi dấu phẩy)");
    await expect(remind.inputValue()).resolves.toBe("3, 1");
    await remind.fill("5, 5");
    await forms.getByLabel("Báo lên tỉnh sau hạn (ngày)").fill("2");
    await forms.getByRole("button", { name: "Lưu" }).click();
    await fieldError(page, "Nhắc trước hạn (ngày, cách nhau bởi dấu phẩy)").waitFor();
    await expect(
      fieldError(page, "Nhắc trước hạn (ngày, cách nhau bởi dấu phẩy)").textContent(),
    ).resolves.toBe("Số ngày nhắc bị lặp");
    await expect(fieldError(page, "Báo lên tỉnh sau hạn (ngày)").textContent()).resolves.toBe(
      "Báo lên tỉnh không được sớm hơn báo lên cấp trên trực tiếp",
    );
    await remind.fill("7, 2");
    await forms.getByLabel("Báo lên tỉnh sau hạn (ngày)").fill("10");
    await forms.getByRole("button", { name: "Lưu" }).click();
    await forms.getByText(`Đã lưu thiết lập của biểu mẫu ${FORM}.`).waitFor();
    const saved = await page.request.get(`/api/forms/${FORM}/notice-settings`);
    expect(await saved.json()).toEqual({
      form: FORM,
      remindDaysBefore: [7, 2],
      escalateAfterDays: 3,
      escalateProvinceAfterDays: 10,
      isDefault: false,
    });
    await screen(page, "admin-notice-settings");
  });

  test("a user keeps an address and chooses the notices wanted; a bad address is named beside its field", async () => {
    const { page } = session;
    await page.goto("/notifications");
    await page.getByRole("link", { name: "Thiết lập nhận thông báo" }).click();
    await page.getByRole("heading", { name: "Thiết lập nhận thông báo của tôi" }).waitFor();
    const address = page.getByLabel("Địa chỉ thư điện tử");
    await address.fill("khong-phai-thu");
    await page.getByRole("button", { name: "Lưu" }).click();
    await expect(fieldError(page, "Địa chỉ thư điện tử").textContent()).resolves.toBe(
      "Địa chỉ thư điện tử không hợp lệ",
    );
    await address.fill("quantri@tinh.example");
    await page.getByLabel("Sắp đến hạn").uncheck();
    await page.getByRole("button", { name: "Lưu" }).click();
    await page.getByText("Đã lưu thiết lập nhận thông báo.").waitFor();
    const saved = await page.request.get("/api/notifications/settings");
    expect(await saved.json()).toEqual({
      email: "quantri@tinh.example",
      emailEnabled: true,
      muted: ["due_soon"],
    });
    await page.reload();
    await expect(page.getByLabel("Sắp đến hạn").isChecked()).resolves.toBe(false);
    await screen(page, "notice-settings");
    await expectAccessible(page, "/notifications/settings");
  });
});
