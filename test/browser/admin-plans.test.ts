import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectAccessible, hasChromium, launch, login, newContext, screen } from "./helpers.ts";

// A plan of its own for 2022: plans come newest year first, so the demo plan KH-CDS-2023 stays
// the first and the active one that /plan, /plan-report and the dashboard open on.
const PLAN = "KH-TEST-2022";
const PILLAR = "DL";
const INDICATOR = "DL-T1";

/** The server's message under the field labelled `label` in `form`. */
const fieldError = (form: Locator, label: string) =>
  form
    .locator(".field-stacked", { has: form.page().getByLabel(label, { exact: true }) })
    .locator("[data-field-error]");

describe.skipIf(!hasChromium)("plans and indicators in the administration", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
    page = await (await newContext(browser)).newPage();
    await login(page, "admin");
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("an admin creates a draft plan, a pillar and an indicator (its bad formula answered beside the formula), then changes its target", async () => {
    await page.goto("/admin");
    await page
      .getByRole("navigation", { name: "Các mục quản trị" })
      .getByRole("link", { name: "Kế hoạch và chỉ tiêu" })
      .click();
    await page.waitForURL("**/admin/plans");
    await expect(page.locator('tr[data-plan="KH-CDS-2023"]').textContent()).resolves.toContain(
      "Đang thực hiện",
    );

    // A scope unit that does not exist is named beside the scope field; nothing is created.
    const create = page.getByRole("form", { name: "Tạo kế hoạch" });
    await create.getByLabel("Mã", { exact: true }).fill(PLAN);
    await create.getByLabel("Năm").fill("2022");
    await expect(create.getByLabel("Trạng thái").inputValue()).resolves.toBe("draft");
    await create.getByLabel("Tên tiếng Việt").fill("Kế hoạch thử nghiệm chuyển đổi số năm 2022");
    await create.getByLabel("Cơ quan ban hành").fill("Ủy ban nhân dân tỉnh Đồng Tháp");
    await create.getByLabel("Phạm vi").fill("KHONG-CO");
    await create.getByLabel("Đơn vị báo cáo").fill("S-TTTT");
    await create.getByRole("button", { name: "Tạo kế hoạch" }).click();
    await expect(fieldError(create, "Phạm vi").textContent()).resolves.toBe("Không có đơn vị mã KHONG-CO");
    await expect(create.getByLabel("Phạm vi").getAttribute("aria-invalid")).resolves.toBe("true");
    await create.getByLabel("Phạm vi").fill("87");
    await create.getByRole("button", { name: "Tạo kế hoạch" }).click();
    await page.getByText(`Đã tạo kế hoạch ${PLAN}.`).waitFor();
    const row = page.locator(`tr[data-plan="${PLAN}"]`);
    await expect(row.locator("td").allTextContents()).resolves.toEqual([
      PLAN,
      "Kế hoạch thử nghiệm chuyển đổi số năm 2022",
      "2022",
      "Dự thảo",
      "Tỉnh Đồng Tháp",
      "Sở Thông tin và Truyền thông",
    ]);
    // The demo plan is still listed first (newest year first).
    await expect(page.locator("tr[data-plan]").first().getAttribute("data-plan")).resolves.toBe(
      "KH-CDS-2023",
    );

    await row.getByRole("link", { name: PLAN }).click();
    await page.waitForURL(`**/admin/plans/${PLAN}`);
    await page.getByText("Kế hoạch chưa có trụ cột. Thêm trụ cột trước khi thêm chỉ tiêu.").waitFor();
    const pillar = page.getByRole("form", { name: "Thêm trụ cột" });
    await pillar.getByLabel("Mã", { exact: true }).fill(PILLAR);
    await pillar.getByLabel("Tên tiếng Việt").fill("Dữ liệu số");
    await pillar.getByRole("button", { name: "Thêm trụ cột" }).click();
    await page.getByText(`Đã thêm trụ cột ${PILLAR}.`).waitFor();
    await page.locator(`[data-pillar="${PILLAR}"]`).getByText("Trụ cột chưa có chỉ tiêu.").waitFor();

    // A formula naming an unknown metric and a percent target above 100: each answered at its field.
    const add = page.getByRole("form", { name: "Thêm chỉ tiêu" });
    await add.getByLabel("Mã", { exact: true }).fill(INDICATOR);
    await expect(add.getByLabel("Trụ cột").inputValue()).resolves.toBe(PILLAR);
    await add.getByLabel("Loại chỉ tiêu").selectOption("percent");
    await add.getByLabel("Tên tiếng Việt").fill("Tỷ lệ dịch vụ công trực tuyến toàn trình");
    await add.getByLabel("Nguồn số liệu").selectOption("formula");
    await add.getByLabel("Công thức").fill("#{DVC_FULL} / #{KHONG_CO} * 100");
    await add.getByLabel("Mục tiêu").fill("150");
    await add.getByLabel("Đơn vị chủ trì").fill("S-TTTT");
    await add.getByRole("button", { name: "Thêm chỉ tiêu" }).click();
    await expect(fieldError(add, "Công thức").textContent()).resolves.toBe("Không có chỉ số mã KHONG_CO");
    await expect(add.getByLabel("Công thức").getAttribute("aria-invalid")).resolves.toBe("true");
    await fieldError(add, "Mục tiêu").waitFor();
    await screen(page, "admin-plans-error");
    await expectAccessible(page, "admin-plans-error");

    await add.getByLabel("Công thức").fill("#{DVC_FULL} / #{PROCEDURES_TOTAL} * 100");
    await add.getByLabel("Mục tiêu").fill("90,5");
    await add.getByRole("button", { name: "Thêm chỉ tiêu" }).click();
    await page.getByText(`Đã thêm chỉ tiêu ${INDICATOR}.`).waitFor();
    const indicator = page.locator(`[data-pillar="${PILLAR}"] tr[data-indicator="${INDICATOR}"]`);
    await expect(indicator.locator("[data-target]").textContent()).resolves.toBe("90,5%");
    await expect(indicator.textContent()).resolves.toContain("#{DVC_FULL} / #{PROCEDURES_TOTAL} * 100");
    await expect(indicator.textContent()).resolves.toContain("31/12/2022");
    await expect(indicator.locator("td").nth(7).textContent()).resolves.toBe("S-TTTT");
    await expect(fieldError(add, "Công thức").count()).resolves.toBe(0);

    // Its target and deadline change.
    await indicator.getByRole("button", { name: `Sửa chỉ tiêu ${INDICATOR}` }).click();
    const edit = page.getByRole("form", { name: `Sửa chỉ tiêu ${INDICATOR}` });
    await expect(edit.getByLabel("Mục tiêu").inputValue()).resolves.toBe("90,5");
    await edit.getByLabel("Mục tiêu").fill("95");
    await edit.getByLabel("Hạn hoàn thành").fill("2022-11-30");
    await edit.getByRole("button", { name: "Lưu" }).click();
    await page.getByText(`Đã lưu chỉ tiêu ${INDICATOR}.`).waitFor();
    await edit.waitFor({ state: "detached" });
    // The list shows the new values once it is read again.
    await indicator.locator("[data-target]", { hasText: /^95%$/ }).waitFor();
    await expect(indicator.textContent()).resolves.toContain("30/11/2022");
    // What the edit form does not show is kept: the responsible unit is still there.
    await expect(indicator.locator("td").nth(7).textContent()).resolves.toBe("S-TTTT");
    await screen(page, "admin-plans", true);
    await expectAccessible(page, "admin-plans");

    // The status changes (closed, then back to draft); the button waits for a different status.
    const status = page.getByRole("form", { name: "Đổi trạng thái" });
    const change = status.getByRole("button", { name: "Đổi trạng thái" });
    await expect(change.isDisabled()).resolves.toBe(true);
    await status.getByLabel("Trạng thái", { exact: true }).selectOption("closed");
    await change.click();
    await page.getByText("Đã chuyển kế hoạch sang trạng thái “Đã kết thúc”.").waitFor();
    await status.getByLabel("Trạng thái", { exact: true }).selectOption("draft");
    await change.click();
    await page.getByText("Đã chuyển kế hoạch sang trạng thái “Dự thảo”.").waitFor();

    // Listed as a draft; the plan report still opens on the demo plan.
    await page.getByRole("link", { name: "Về danh sách kế hoạch" }).click();
    await expect(row.locator("td").nth(3).textContent()).resolves.toBe("Dự thảo");
    await page.goto("/plan-report");
    await expect(page.getByLabel("Kế hoạch", { exact: true }).inputValue()).resolves.toBe("KH-CDS-2023");
  });
});
