import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectAccessible, hasChromium, launch, login, newContext, screen } from "./helpers.ts";

/** The indicator's row on the plan page, by its code. */
const indicatorButton = (page: Page, code: string) =>
  page.getByRole("button", { name: new RegExp(`^${code}\\. `) });

describe.skipIf(!hasChromium)("the plan's statuses, overridden with a reason by those who may", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("a reporter sees no override; the admin must give a reason, then sees the month overridden", async () => {
    const reporter = await (await newContext(browser)).newPage();
    await login(reporter, "sotttt.baocao");
    await reporter.goto("/plan");
    await indicatorButton(reporter, "XH-06").click();
    await reporter.locator(".history-chart, canvas").first().waitFor();
    await expect(reporter.getByText("Điều chỉnh, khai báo trạng thái").count()).resolves.toBe(0);

    const admin = await (await newContext(browser)).newPage();
    await login(admin, "admin");
    await admin.goto("/plan");
    await indicatorButton(admin, "XH-06").click();
    await admin.getByText("Điều chỉnh, khai báo trạng thái").click();
    const form = admin.locator("form.judge-form").first();
    // XH-06 is done from the data; the override confirms it for the month (the counts stay as they are).
    await form.getByLabel("Trạng thái").selectOption("done");
    await form.getByRole("button", { name: "Ghi lại" }).click();
    await expect(form.getByText("Phải nêu lý do.").isVisible()).resolves.toBe(true);
    await form.getByLabel("Lý do").fill("Đã ban hành Kế hoạch số 245/KH-UBND, xác nhận hoàn thành");
    await form.getByRole("button", { name: "Ghi lại" }).click();
    await admin.getByText("Đã ghi. Trạng thái đã được cập nhật.").waitFor();
    const row = admin.getByRole("row", { name: /XH-06\./ });
    // The page reloads the statuses: the month is shown overridden, with the reason.
    await row.getByText("đã điều chỉnh").waitFor();
    await expect(row.textContent()).resolves.toContain("Kế hoạch số 245/KH-UBND");
    await screen(admin, "plan-override", true);
    await expectAccessible(admin, "plan-override");
  });
});
