import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { formatNumberVi } from "../../src/domain/format/index.ts";
import { expectAccessible, hasChromium, launch, login, newContext, screen } from "./helpers.ts";

/**
 * Issue 12, point 5: the leaders' screen for every signed-in user, on their own scope. The
 * server's day is 20/11/2026 (test/test-clock.ts): the screen opens on October 2026, the latest
 * month whose reports were due (05/11/2026). The monthly-cycle test may approve Mỹ Tân's October
 * report before or after this one: nothing here depends on October's figures.
 */
async function openIoc(page: Page): Promise<void> {
  await page.getByRole("link", { name: "Điều hành" }).click();
  await page.waitForURL("**/ioc");
  await page.locator(".ioc[data-ready]").waitFor();
}

/** The page shows panels, never the error note or a retry button. */
async function noError(page: Page): Promise<void> {
  await expect(page.locator(".note-error").count()).resolves.toBe(0);
  await expect(page.getByRole("button", { name: "Thử lại" }).count()).resolves.toBe(0);
  await expect(page.locator(".figures .figure").count()).resolves.toBe(18);
}

const selected = (page: Page, label: string) =>
  page.getByLabel(label, { exact: true }).evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text);

describe.skipIf(!hasChromium)("the leaders' screen for every demo account", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("a district's approver sees the district's figures, communes and map", async () => {
    const page = await (await newContext(browser)).newPage();
    await login(page, "tpcaolanh.duyet");
    await openIoc(page);
    await noError(page);
    await expect(selected(page, "Phạm vi")).resolves.toBe("Thành phố Cao Lãnh");
    await expect(selected(page, "Kỳ số liệu")).resolves.toBe("Tháng 9/2023");
    // The figures say which view they use (docs/analytics.md, "Two views of the same figures").
    await expect(page.locator('.area-figures [data-view="own-period"]').textContent()).resolves.toBe(
      "Số liệu mỗi kỳ tính cho đơn vị quản lý vào ngày cuối kỳ đó.",
    );
    await screen(page, "ioc-district-default", true);
    await expectAccessible(page, "ioc-district-default");

    // The user can still pick another month, and back.
    await page.getByLabel("Kỳ số liệu", { exact: true }).selectOption({ label: "Tháng 8/2023" });
    await page.waitForURL("**/ioc?unit=866&period=202308");
    await page.getByLabel("Kỳ số liệu", { exact: true }).selectOption({ label: "Tháng 9/2023" });
    await page.waitForURL("**/ioc?unit=866&period=202309");
    await page.locator(".ioc[data-ready]").waitFor();
    const summary = await (await page.request.get("/api/ioc/summary?unit=866&period=202309")).json();
    const households = summary.figures.find((f: { code: string }) => f.code === "HOUSEHOLDS_FIBRE");
    // A count of households, written the Vietnamese way: 12.345 hộ.
    expect(Number.isInteger(households.value) && households.value > 1000).toBe(true);
    const shown = await page.locator('[data-figure="HOUSEHOLDS_FIBRE"] .figure-value').textContent();
    expect(shown?.trim()).toBe(`${formatNumberVi(households.value)} hộ`);
    expect(shown?.trim()).toMatch(/^\d{1,3}(\.\d{3})+ hộ$/);
    await expect(page.locator(".grid-total th").textContent()).resolves.toBe("Thành phố Cao Lãnh (tổng)");
    await page.locator(".grid tr", { hasText: "Xã Mỹ Tân" }).waitFor();
    await page.locator(".tiles li", { hasText: "Xã Mỹ Tân" }).waitFor();
    await expect(page.getByRole("heading", { name: "Bản đồ đơn vị trực thuộc" }).isVisible()).resolves.toBe(
      true,
    );
    await noError(page);
    await screen(page, "ioc-district-202309", true);
    await expectAccessible(page, "ioc-district-202309");
  });

  test("a department's approver sees the province as the plan publishes it", async () => {
    const page = await (await newContext(browser)).newPage();
    await login(page, "sotttt.duyet");
    await openIoc(page);
    await noError(page);
    await expect(selected(page, "Phạm vi")).resolves.toBe("Tỉnh Đồng Tháp");
    await page
      .getByText("từng đơn vị chỉ hiện trong phạm vi được phân quyền của bạn", { exact: false })
      .waitFor();
    await page.getByText("Không có đơn vị trực thuộc nào để tô màu trên bản đồ.").waitFor();
    await screen(page, "ioc-department", true);
    await expectAccessible(page, "ioc-department");
  });

  test("a commune's reporter sees the commune, and a unit outside its scope leads back to it", async () => {
    const page = await (await newContext(browser)).newPage();
    await login(page, "mytan.baocao");
    await openIoc(page);
    await noError(page);
    await expect(selected(page, "Phạm vi")).resolves.toBe("Xã Mỹ Tân");
    await screen(page, "ioc-commune", true);
    await expectAccessible(page, "ioc-commune");

    await page.goto("/ioc?unit=866");
    await page.getByText("Đơn vị 866 nằm ngoài phạm vi được phân quyền của bạn").waitFor();
    await expect(page.getByRole("button", { name: "Thử lại" }).count()).resolves.toBe(0);
    await page.getByRole("button", { name: "Về phạm vi của tôi" }).click();
    await page.locator(".ioc[data-ready]").waitFor();
    await noError(page);
    await expect(selected(page, "Phạm vi")).resolves.toBe("Xã Mỹ Tân");
  });
});
