import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectAccessible, hasChromium, launch, screen } from "./helpers.ts";
import { type DemoServer, startDemoServer } from "./server.ts";

/** A real install's first visit: no users yet, so the first-run form instead of the login. */
describe.skipIf(!hasChromium)("the first run in the browser", () => {
  let server: DemoServer;
  let browser: Browser;
  const context = (): Promise<BrowserContext> =>
    browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: "vi-VN",
      timezoneId: "Asia/Ho_Chi_Minh",
      baseURL: server.base,
    });

  beforeAll(async () => {
    server = await startDemoServer({ demo: false });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test("sets up the province and its admin, signs the admin in, then shows only the login", async () => {
    const page = await (await context()).newPage();
    await page.goto("/");
    await page.getByRole("heading", { name: "Khởi tạo hệ thống" }).waitFor();
    await page.getByLabel("Mã tỉnh").fill("82");
    await page.getByLabel("Tên tỉnh").fill("Tỉnh Đồng Tháp");
    await page.getByLabel("Tên đăng nhập").fill("qt.tinh");
    await page.getByLabel("Họ và tên").fill("Quản trị tỉnh");
    await page.getByLabel("Mật khẩu", { exact: true }).fill("mat-khau-quan-tri");
    await page.getByLabel("Nhập lại mật khẩu").fill("mat-khau-quan-tri-sai");
    await expect(page.getByText("Hai mật khẩu không khớp.").isVisible()).resolves.toBe(true);
    await page.getByLabel("Nhập lại mật khẩu").fill("mat-khau-quan-tri");
    await screen(page, "first-run-01-form", true);
    await expectAccessible(page, "first-run-01-form");
    await page.getByRole("button", { name: "Khởi tạo" }).click();
    // Signed in as the new admin, in the administration's unit tree with the province at its root.
    await page.getByRole("button", { name: "Đăng xuất" }).waitFor();
    await page.waitForURL("**/admin/units");
    await page.locator('li[data-unit="82"]').first().waitFor();
    await screen(page, "first-run-02-admin");
    await expectAccessible(page, "first-run-02-admin");

    const other = await (await context()).newPage();
    await other.goto("/");
    await other.getByRole("heading", { name: "Đăng nhập" }).waitFor();
    await expect(other.getByRole("heading", { name: "Khởi tạo hệ thống" }).count()).resolves.toBe(0);
  });
});
