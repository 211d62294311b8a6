import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { addDays } from "../../src/domain/period/index.ts";
import { TEST_TODAY } from "../test-clock.ts";
import { expectAccessible, hasChromium, launch, login, newContext, screen } from "./helpers.ts";

// Everything here is new (units under Huyện Châu Thành, a user, a form of its own), so the other
// browser tests' units, reports and form CDS_MONTHLY are untouched.
const PARENT = "877";
const UNIT_A = "ADM-XA-A";
const UNIT_B = "ADM-XA-B";
const USER = "admxa.baocao";
const FORM = "ADM_TEST";
const IMPORTED_UNIT = "IMP-XA-1";
const IMPORTED_USER = "impxa.baocao";

/** A day `days` after the server's today, as YYYY-MM-DD. */
const dayAfter = (days: number): string => addDays(TEST_TODAY, days);

/** Screens no other step opens, each checked by axe-core once loaded. */
const OTHER_SCREENS = [
  "/admin/metrics",
  "/admin/frameworks",
  "/admin/plans",
  "/notifications",
  "/set-password#khong-hop-le",
];

const treeRow = (page: Page, code: string) => page.locator(`li[data-unit="${code}"]`).first();

async function selectUnit(page: Page, code: string) {
  await treeRow(page, code).locator(".unit-name").first().click();
  await page.locator("#unit-selected-title", { hasText: code }).waitFor();
}

describe.skipIf(!hasChromium)("administration in the browser", () => {
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

  test("the hub leads to each section; the unit tree opens and closes", async () => {
    await page
      .getByRole("navigation", { name: "Điều hướng chính" })
      .getByRole("link", { name: "Quản trị" })
      .click();
    await page.waitForURL("**/admin");
    await page.getByRole("heading", { name: "Quản trị hệ thống" }).waitFor();
    const sections = page.getByRole("navigation", { name: "Các mục quản trị" });
    await expect(sections.locator("li a").allTextContents()).resolves.toEqual([
      "Đơn vị",
      "Người dùng và quyền",
      "Nhật ký thay đổi",
      "Chỉ số thống kê",
      "Biểu mẫu và quy tắc",
      "Bộ chỉ số",
      "Kế hoạch và chỉ tiêu",
      "Nạp từ tệp",
      "Sáp nhập, chia tách",
      "Thông báo, nhắc việc",
    ]);
    await screen(page, "admin-01-hub");
    await expectAccessible(page, "admin-01-hub");
    await sections.getByRole("link", { name: "Đơn vị" }).click();
    await page.waitForURL("**/admin/units");
    // The province is open; its districts are shown, their communes not yet.
    await treeRow(page, "866").waitFor();
    await expect(treeRow(page, "29884").count()).resolves.toBe(0);
    await page.getByRole("button", { name: "Mở các đơn vị trực thuộc Huyện Châu Thành" }).click();
    await treeRow(page, "877").locator("li").first().waitFor();
    await page.getByRole("button", { name: "Thu gọn các đơn vị trực thuộc Huyện Châu Thành" }).click();
    await expect(treeRow(page, "877").locator("li").count()).resolves.toBe(0);
  });

  test("an admin creates two communes, sees the server's field error, and merges one into the other from a date", async () => {
    await selectUnit(page, PARENT);
    const create = page.locator("form", { has: page.locator("#unit-create-title") });
    // An empty name: the server's answer lands under the name field.
    await create.getByLabel("Mã", { exact: true }).fill(UNIT_A);
    await create.getByLabel("Loại hình").fill("xã");
    await create.getByLabel("Tên tiếng Việt").fill("");
    await create.getByRole("button", { name: "Tạo đơn vị" }).click();
    const nameError = create
      .locator(".field-stacked", { has: page.getByLabel("Tên tiếng Việt") })
      .locator("[data-field-error]");
    await nameError.waitFor();
    await expect(create.getByLabel("Tên tiếng Việt").getAttribute("aria-invalid")).resolves.toBe("true");

    await create.getByLabel("Tên tiếng Việt").fill("Xã Thử Nghiệm A");
    await create.getByRole("button", { name: "Tạo đơn vị" }).click();
    await page.getByText(`Đã tạo đơn vị ${UNIT_A}.`).waitFor();
    await treeRow(page, UNIT_A).waitFor();

    await selectUnit(page, PARENT);
    const again = page.locator("form", { has: page.locator("#unit-create-title") });
    await again.getByLabel("Mã", { exact: true }).fill(UNIT_B);
    await again.getByLabel("Loại hình").fill("xã");
    await again.getByLabel("Tên tiếng Việt").fill("Xã Thử Nghiệm B");
    await again.getByRole("button", { name: "Tạo đơn vị" }).click();
    await page.getByText(`Đã tạo đơn vị ${UNIT_B}.`).waitFor();
    await screen(page, "admin-02-units-created");
    await expectAccessible(page, "admin-02-units-created");

    // Merge A into B a week from now.
    const closeOn = dayAfter(7);
    await selectUnit(page, UNIT_A);
    const close = page.locator("form", { has: page.locator("#unit-close-title") });
    await expect(close.getByLabel("Mã các đơn vị giải thể").inputValue()).resolves.toBe(UNIT_A);
    await close.getByLabel("Ngày giải thể").fill(closeOn);
    await close.getByLabel("Hình thức").selectOption("merge");
    // A successor that does not exist is named beside the successor field; nothing is closed.
    await close.getByLabel("Mã đơn vị kế thừa").fill("KHONG-CO");
    await close.getByRole("button", { name: "Giải thể đơn vị" }).click();
    await close.getByText("Không có đơn vị kế thừa KHONG-CO").waitFor();
    await close.getByLabel("Mã đơn vị kế thừa").fill(UNIT_B);
    await close.getByLabel("Văn bản quyết định").fill("Nghị quyết thử nghiệm 01/2026");
    await close.getByRole("button", { name: "Giải thể đơn vị" }).click();
    await page.getByText(`Đã giải thể: ${UNIT_A}.`).waitFor();

    // Today both are in the tree; after the closing date only B.
    await treeRow(page, UNIT_A).waitFor();
    await page.getByLabel("Cây đơn vị tại ngày").fill(dayAfter(14));
    await page.getByRole("button", { name: "Mở tất cả" }).click();
    await treeRow(page, UNIT_A).waitFor({ state: "detached" });
    await treeRow(page, UNIT_B).waitFor();
    // B's history shows, on a timeline, its creation, its place and the merger of A into it.
    await selectUnit(page, UNIT_B);
    const history = page.getByRole("list", { name: "Lịch sử đơn vị" });
    await history.getByText(`Kế thừa Xã Thử Nghiệm A (${UNIT_A}) (sáp nhập)`).waitFor();
    await expect(history.locator("li span").allTextContents()).resolves.toEqual([
      "Thành lập",
      `Trực thuộc Huyện Châu Thành (${PARENT}), cấp 3`,
      `Kế thừa Xã Thử Nghiệm A (${UNIT_A}) (sáp nhập)`,
    ]);
    await screen(page, "admin-03-units-after-merge");
    await expectAccessible(page, "admin-03-units-after-merge");
  });

  test("an admin creates a reporter for the new commune and changes the grant", async () => {
    await page
      .getByRole("navigation", { name: "Các mục quản trị" })
      .getByRole("link", { name: "Người dùng và quyền" })
      .click();
    await page.waitForURL("**/admin/users");
    const create = page.locator("form", { has: page.locator("#user-create-title") });
    await create.getByLabel("Tên đăng nhập").fill(USER);
    await create.getByLabel("Họ và tên").fill("Cán bộ xã thử nghiệm");
    await create.getByLabel("Mật khẩu ban đầu").fill("ngan");
    await create.getByLabel("Vai trò").selectOption("reporter");
    await create.getByLabel("Mã đơn vị").fill(UNIT_B);
    await create.getByRole("button", { name: "Tạo người dùng" }).click();
    // The server's rule on passwords lands under the password.
    const passwordError = create
      .locator(".field-stacked", { has: page.getByLabel("Mật khẩu ban đầu") })
      .locator("[data-field-error]");
    await passwordError.waitFor();
    await create.getByLabel("Mật khẩu ban đầu").fill("mat-khau-thu-nghiem");
    await create.getByRole("button", { name: "Tạo người dùng" }).click();
    await page.getByText(`Đã tạo người dùng ${USER}.`).waitFor();
    const row = page.locator(`tr[data-user="${USER}"]`);
    await expect(row.textContent()).resolves.toContain(`Lập báo cáo · ${UNIT_B}`);
    await screen(page, "admin-04-users");
    await expectAccessible(page, "admin-04-users");

    // Add a viewer grant over the district beside the reporter one.
    await row.getByRole("button", { name: `Sửa quyền: ${USER}` }).click();
    await row.getByRole("button", { name: "+ Thêm quyền" }).click();
    await row.locator('[data-grant="1"]').getByLabel("Vai trò").selectOption("viewer");
    await row.locator('[data-grant="1"]').getByLabel("Mã đơn vị").fill(PARENT);
    await row.getByRole("button", { name: "Lưu" }).click();
    await page.getByText(`Đã lưu quyền của ${USER}.`).waitFor();
    await row.filter({ hasText: `Xem · ${PARENT}` }).waitFor();
    // No button to lock oneself out.
    await expect(
      page.locator('tr[data-user="admin"]').getByRole("button", { name: /Khóa/ }).count(),
    ).resolves.toBe(0);
  });

  test("a rule with a syntax error is answered beside its expression, then fixed and deleted", async () => {
    // A form of its own, made through the API (admin-forms.test.ts creates one on the page).
    const created = await page.request.post("/api/forms", {
      data: {
        code: FORM,
        nameVi: "Biểu thử nghiệm quản trị",
        periodType: "month",
        dueRule: { kind: "days_after_end", days: 10 },
        metrics: [{ code: "HOUSEHOLDS_TOTAL" }, { code: "HOUSEHOLDS_FIBRE" }],
      },
    });
    expect(created.status()).toBe(201);
    await page
      .getByRole("navigation", { name: "Các mục quản trị" })
      .getByRole("link", { name: "Biểu mẫu và quy tắc" })
      .click();
    await page.locator(`tr[data-form="${FORM}"]`).getByRole("link", { name: FORM }).click();
    await page.waitForURL(`**/admin/forms/${FORM}`);
    await page.getByText("Biểu mẫu chưa có quy tắc kiểm tra.").waitFor();

    const form = page.locator("form", { has: page.locator("#rule-add-title") });
    await form.getByLabel("Mã", { exact: true }).fill("FIBRE_LE_TOTAL");
    await form.getByLabel("Biểu thức").fill("#{HOUSEHOLDS_FIBRE} <= (#{HOUSEHOLDS_TOTAL}");
    await form.getByLabel("Mức độ").selectOption("warning");
    await form.getByLabel("Thông báo tiếng Việt").fill("Số hộ cáp quang vượt tổng số hộ");
    await form.getByLabel("Thông báo tiếng Anh").fill("Fibre households exceed all households");
    await form.getByRole("button", { name: "Thêm quy tắc" }).click();
    const expressionError = form
      .locator(".field-stacked", { has: page.getByLabel("Biểu thức") })
      .locator("[data-field-error]");
    await expect(expressionError.textContent()).resolves.toBe("Thiếu dấu ')' tại vị trí 44");
    await expect(form.getByLabel("Biểu thức").getAttribute("aria-invalid")).resolves.toBe("true");
    await screen(page, "admin-05-rule-error");
    await expectAccessible(page, "admin-05-rule-error");

    await form.getByLabel("Biểu thức").fill("#{HOUSEHOLDS_FIBRE} <= #{HOUSEHOLDS_TOTAL}");
    await form.getByRole("button", { name: "Thêm quy tắc" }).click();
    await page.getByText("Đã thêm quy tắc FIBRE_LE_TOTAL.").waitFor();
    const rule = page.locator('tr[data-rule="FIBRE_LE_TOTAL"]');
    await expect(rule.textContent()).resolves.toContain("#{HOUSEHOLDS_FIBRE} <= #{HOUSEHOLDS_TOTAL}");
    await expect(expressionError.count()).resolves.toBe(0);
    await screen(page, "admin-06-rule-added");
    await expectAccessible(page, "admin-06-rule-added");

    page.once("dialog", (dialog) => void dialog.accept());
    await rule.getByRole("button", { name: "Xóa quy tắc FIBRE_LE_TOTAL" }).click();
    await page.getByText("Đã xóa quy tắc FIBRE_LE_TOTAL.").waitFor();
    await rule.waitFor({ state: "detached" });
    await page.getByText("Biểu mẫu chưa có quy tắc kiểm tra.").waitFor();
  });

  test("an index framework shows its criteria by pillar; an unreadable Excel file is refused at the file", async () => {
    await page
      .getByRole("navigation", { name: "Các mục quản trị" })
      .getByRole("link", { name: "Bộ chỉ số" })
      .click();
    await page.waitForURL("**/admin/frameworks");
    await page
      .locator('tr[data-framework="MAU-DTI-2022"]')
      .getByRole("link", { name: "MAU-DTI-2022" })
      .click();
    await page.waitForURL("**/admin/frameworks/MAU-DTI-2022");
    const pillars = page.locator("li[data-pillar]");
    await pillars.first().waitFor();
    expect(await pillars.count()).toBeGreaterThan(1);
    await expect(pillars.first().textContent()).resolves.toMatch(/\d+ tiêu chí/);
    await screen(page, "admin-07-framework");
    await expectAccessible(page, "admin-07-framework");

    await page.getByRole("link", { name: "← Về danh sách bộ chỉ số" }).click();
    const upload = page.locator("form", { has: page.locator("#framework-upload-title") });
    await upload.getByLabel("Mã", { exact: true }).fill("ADM-THU-2026");
    await upload.getByLabel("Tên tiếng Việt").fill("Bộ chỉ số thử nghiệm");
    await upload.getByRole("button", { name: "Nạp bộ chỉ số" }).click();
    await upload.getByText("Chọn tệp Excel").waitFor();
    await upload.getByLabel("Tệp Excel (.xlsx)").setInputFiles({
      name: "khong-phai-excel.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from("đây không phải tệp Excel"),
    });
    await upload.getByRole("button", { name: "Nạp bộ chỉ số" }).click();
    await upload.getByText("Không đọc được tệp Excel (.xlsx)").waitFor();
  });

  test("the audit log finds these actions with its filters, in Vietnamese date-time", async () => {
    await page
      .getByRole("navigation", { name: "Các mục quản trị" })
      .getByRole("link", { name: "Nhật ký thay đổi" })
      .click();
    await page.waitForURL("**/admin/audit");
    await page.locator("tr[data-audit]").first().waitFor();

    // The closing of A: by object type and code.
    await page.getByLabel("Loại đối tượng").selectOption("unit");
    await page.getByLabel("Mã đối tượng").fill(UNIT_A);
    await page.getByRole("button", { name: "Lọc", exact: true }).click();
    const rows = page.locator("tr[data-audit]");
    await rows.filter({ hasText: "Giải thể" }).waitFor();
    await expect.poll(() => rows.count()).toBe(2);
    await expect(rows.nth(0).textContent()).resolves.toContain("Giải thể");
    await expect(rows.nth(1).textContent()).resolves.toContain("Tạo");
    const when = await rows.nth(0).locator("td").first().textContent();
    expect(when).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
    await screen(page, "admin-08-audit-unit");
    await expectAccessible(page, "admin-08-audit-unit");

    // The rule's adding and deleting: by action, by the admin, today.
    await page.getByRole("button", { name: "Xóa bộ lọc" }).click();
    await page.getByLabel("Người thực hiện").selectOption({ label: "admin · Quản trị hệ thống" });
    await page.getByLabel("Thao tác").selectOption("add_rule");
    // Today as the server counts it.
    await page.getByLabel("Từ ngày").fill(TEST_TODAY);
    await page.getByLabel("Đến ngày").fill(TEST_TODAY);
    await page.getByRole("button", { name: "Lọc", exact: true }).click();
    await expect.poll(() => rows.count()).toBe(1);
    await expect(rows.first().textContent()).resolves.toContain(FORM);
    await expect(rows.first().textContent()).resolves.toContain("Thêm quy tắc");

    // The new user's grants, by the user's object type.
    await page.getByLabel("Thao tác").selectOption("grant");
    await page.getByRole("button", { name: "Lọc", exact: true }).click();
    await rows.filter({ hasText: "Đổi quyền" }).first().waitFor();
    await rows.first().getByText("Nội dung").click();
    await expect(rows.first().textContent()).resolves.toContain(`"unit": "${PARENT}"`);
    await screen(page, "admin-09-audit-grants");
    await expectAccessible(page, "admin-09-audit-grants");

    // The same page in English.
    await page.getByRole("button", { name: /English/ }).click();
    await page.getByRole("heading", { name: "Audit log" }).waitFor();
    await rows.filter({ hasText: "Change grants" }).first().waitFor();
    await page.getByLabel("Done by").waitFor();
    await screen(page, "admin-10-audit-en");
    await expectAccessible(page, "admin-10-audit-en");
  });

  test("units and users load from a file: a preview row by row, a refused row, then the load", async () => {
    await page.getByRole("button", { name: /Tiếng Việt/ }).click();
    await page
      .getByRole("navigation", { name: "Các mục quản trị" })
      .getByRole("link", { name: "Nạp từ tệp" })
      .click();
    await page.waitForURL("**/admin/imports");
    const upload = page.getByRole("form", { name: "Nạp từ tệp" });
    const header = "code,name,name_en,kind,type,level,parent_code,valid_from,valid_to,predecessor_codes";
    const unitRow = `${IMPORTED_UNIT},Xã Nạp Từ Tệp,,territorial,xã,3,${PARENT},${TEST_TODAY},,`;
    const csv = (name: string, lines: string[]) => ({
      name,
      mimeType: "text/csv",
      buffer: Buffer.from(lines.join("\n")),
    });
    const previewRows = page.locator('section[aria-labelledby="import-summary-title"] tbody tr');

    // A row under an unknown parent: refused in the preview, nothing can be loaded.
    await upload
      .getByLabel("Tệp")
      .setInputFiles(
        csv("don-vi.csv", [
          header,
          unitRow,
          `IMP-XA-2,Xã Sai Cấp Trên,,territorial,xã,3,KHONG-CO,${TEST_TODAY},,`,
        ]),
      );
    await upload.getByRole("button", { name: "Chạy thử" }).click();
    await page.getByText("Tạo mới 1, giữ nguyên 0, từ chối 1").waitFor();
    await expect
      .poll(() => previewRows.allTextContents())
      .toEqual([`2${IMPORTED_UNIT}Tạo mới`, "3IMP-XA-2Từ chốiKhông có đơn vị cấp trên mã KHONG-CO"]);
    await expect(upload.getByRole("button", { name: "Xác nhận nạp" }).isDisabled()).resolves.toBe(true);

    await upload.getByLabel("Tệp").setInputFiles(csv("don-vi.csv", [header, unitRow]));
    await upload.getByRole("button", { name: "Chạy thử" }).click();
    await page.getByText("Tạo mới 1, giữ nguyên 0, từ chối 0").waitFor();
    await upload.getByRole("button", { name: "Xác nhận nạp" }).click();
    await page.getByRole("heading", { name: "Đã nạp" }).waitFor();
    await screen(page, "admin-11-import-units");
    await expectAccessible(page, "admin-11-import-units");

    // A user for the new commune: loaded with a one-time password link.
    await upload.getByLabel("Loại danh sách").selectOption("users");
    await upload
      .getByLabel("Tệp")
      .setInputFiles(
        csv("nguoi-dung.csv", [
          "username,full_name,email,role,unit_code",
          `${IMPORTED_USER},Cán bộ xã nạp từ tệp,,reporter,${IMPORTED_UNIT}`,
        ]),
      );
    await upload.getByRole("button", { name: "Chạy thử" }).click();
    await expect.poll(() => previewRows.allTextContents()).toEqual([`2${IMPORTED_USER}Tạo mới`]);
    await upload.getByRole("button", { name: "Xác nhận nạp" }).click();
    const links = page.locator('section[aria-labelledby="import-links-title"] tbody tr');
    await expect(links.locator("td").first().textContent()).resolves.toBe(IMPORTED_USER);
    await expect(links.locator("td").nth(1).textContent()).resolves.toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    await screen(page, "admin-12-import-users");
    await expectAccessible(page, "admin-12-import-users");
  });

  test("a reorganisation file is previewed: what closes, what moves, the problems by row; nothing is written", async () => {
    // The file-loading test leaves the page in Vietnamese.
    await page
      .getByRole("navigation", { name: "Các mục quản trị" })
      .getByRole("link", { name: "Sáp nhập, chia tách" })
      .click();
    await page.getByRole("heading", { name: "Sáp nhập, chia tách", level: 1 }).waitFor();
    const file = page.getByLabel("Tệp sắp xếp");
    const csv = (rows: string[]) => ({
      name: "sap-xep.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        ["hành động,mã,tên,cấp đơn vị,mã cấp trên,tiền thân,ngày hiệu lực", ...rows].join("\n"),
      ),
    });
    await file.setInputFiles(csv(["bãi bỏ,876,,,,,2026-07-01", "mở,LV-MOI,Xã Mới,xã,876,,2026-07-01"]));
    await page.getByRole("button", { name: "Chạy thử" }).click();
    await page.getByText("Tệp có lỗi: sửa rồi chạy thử lại. Chưa ghi gì.").waitFor();
    await page.getByRole("cell", { name: "rows.3.parentCode" }).waitFor();
    await expect(page.getByRole("button", { name: "Áp dụng" }).isDisabled()).resolves.toBe(true);

    await file.setInputFiles(csv(["bãi bỏ,876,,,,,2026-07-01"]));
    await page.getByRole("button", { name: "Chạy thử" }).click();
    await page.getByText("Thành lập 0, giải thể 1, chuyển 12, giữ nguyên 0, lỗi 0").waitFor();
    const closes = page.locator("table", {
      has: page.getByRole("columnheader", { name: "Đơn vị cấp dưới chuyển sang" }),
    });
    await expect(closes.locator("tbody tr").allTextContents()).resolves.toEqual(["87687"]);
    await expect(page.getByRole("button", { name: "Áp dụng" }).isEnabled()).resolves.toBe(true);
    await expectAccessible(page, "admin-reform-preview");
    await screen(page, "admin-reform-preview");
  });

  test("the other administration screens, the notifications and the password page pass axe-core", async () => {
    for (const path of OTHER_SCREENS) {
      await page.goto(path);
      await page.locator("h1:visible, h2:visible").first().waitFor();
      await page.getByText("Đang tải…").waitFor({ state: "detached" });
      await expectAccessible(page, path);
    }
  });
});
