import type { APIRequestContext, Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  type Criterion,
  type CriterionValue,
  criterionMax,
  SAMPLE_FRAMEWORK,
} from "../../src/domain/index-scoring/index.ts";
import { expectAccessible, hasChromium, launch, login, newContext, PASSWORD, screen } from "./helpers.ts";

// The index cycle in the browser, on an assessment of its own (DTI-2023: Thành phố Cao Lãnh and
// Sở TT&TT) so that the published DTI-2022 of the demo, and the reports other tests use, stay as
// they are. A district fills one criterion by hand, meets the server's check, fixes it, attaches
// a file; its head submits; Sở TT&TT's appraiser appraises; everyone reads the ranking.

const CODE = "DTI-2023";
const UNIT = "866";
const SCORECARD = `/index/${CODE}/units/${UNIT}`;
/** The criterion typed by hand: a ratio ("a of b") that Sở TT&TT verifies. */
const BY_HAND = "1.3";

/** A value every rule accepts, for the criteria filled through the API. */
function sampleValue(c: Criterion): CriterionValue {
  const m = c.method;
  switch (m.kind) {
    case "yes_no":
      return true;
    case "tiers":
      return m.options[0]?.code ?? "";
    case "ratio":
      return { a: 17, b: 20 };
    case "count_thresholds":
      return m.thresholds[0]?.atLeast ?? 1;
    case "numeric_thresholds":
      return m.direction === "at_least" ? (m.thresholds[0]?.limit ?? 0) : (m.thresholds.at(-1)?.limit ?? 0);
    case "manual":
      return 10;
  }
}

const valuesOf = (group: string, except: string[] = []) =>
  SAMPLE_FRAMEWORK.criteria
    .filter((c) => criterionMax(c, group) !== null && !except.includes(c.code))
    .map((c) => ({ criterion: c.code, value: sampleValue(c) }));

async function signedIn(browser: Browser, username: string): Promise<APIRequestContext> {
  const context = await newContext(browser);
  const answer = await context.request.post("/api/auth/login", { data: { username, password: PASSWORD } });
  expect(answer.status()).toBe(200);
  return context.request;
}

async function ok(answer: Promise<{ status(): number; text(): Promise<string> }>, status = 200) {
  const got = await answer;
  if (got.status() !== status) throw new Error(`HTTP ${got.status()}: ${await got.text()}`);
}

const card = (page: Page, criterion: string) => page.locator(`[data-criterion="${criterion}"]`);

describe.skipIf(!hasChromium)("the index screens in the browser", () => {
  let browser: Browser;
  let admin: APIRequestContext;
  let reporterContext: BrowserContext;
  let reporter: Page;

  beforeAll(async () => {
    browser = await launch();
    admin = await signedIn(browser, "admin");
    // This year's framework (same lineage as the demo's 2022 one) and its assessment.
    const framework = await admin.post("/api/index-frameworks", { data: SAMPLE_FRAMEWORK });
    expect([201, 409]).toContain(framework.status());
    await ok(
      admin.post("/api/assessments", {
        data: {
          code: CODE,
          framework: SAMPLE_FRAMEWORK.code,
          selfAssessmentDue: "2024-01-31",
          appraisalDue: "2024-03-31",
          units: [
            { unit: UNIT, group: "HUYEN" },
            { unit: "S-TTTT", group: "SO_DVC" },
          ],
          verifiers: { "Văn phòng UBND tỉnh": "S-VP" },
        },
      }),
      201,
    );
    await ok(admin.post(`/api/assessments/${CODE}/start`));
    // Sở TT&TT self-assesses and submits through the API; Cao Lãnh has all but one criterion.
    const tttt = await signedIn(browser, "sotttt.baocao");
    await ok(
      tttt.put(`/api/assessments/${CODE}/units/S-TTTT/values`, { data: { values: valuesOf("SO_DVC") } }),
    );
    await ok((await signedIn(browser, "sotttt.duyet")).post(`/api/assessments/${CODE}/units/S-TTTT/submit`));
    const caolanh = await signedIn(browser, "tpcaolanh.baocao");
    await ok(
      caolanh.put(`/api/assessments/${CODE}/units/${UNIT}/values`, {
        data: { values: valuesOf("HUYEN", [BY_HAND]) },
      }),
    );
    reporterContext = await newContext(browser);
    reporter = await reporterContext.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("a district's reporter fills a criterion, meets the server's check beside it, fixes it and attaches a file", async () => {
    await login(reporter, "tpcaolanh.baocao");
    await reporter.getByRole("link", { name: "Chỉ số CĐS" }).click();
    await reporter.waitForURL("**/index");
    // The newest assessment is shown first, with the unit's own way into its form.
    await expect(reporter.locator("#index-assessment").inputValue()).resolves.toBe(CODE);
    await reporter.getByText("Bảng xếp hạng chỉ được xem sau khi công bố.").waitFor();
    await reporter.getByRole("link", { name: "Tự đánh giá" }).click();
    await reporter.waitForURL(`**${SCORECARD}`);
    await reporter.getByRole("heading", { name: "Nhập kết quả tự đánh giá" }).waitFor();

    // 5 of 4 is refused by the server; its message stands beside the criterion, in Vietnamese.
    const ratio = card(reporter, BY_HAND);
    await ratio.getByLabel("Số đạt").fill("5");
    await ratio.getByLabel("Tổng số").fill("4");
    const error = ratio.locator(".note-error-text");
    await error.waitFor();
    expect(await error.textContent()).toBe("Tiêu chí 1.3: a = 5 lớn hơn tổng số b = 4");
    await expect(ratio.getByLabel("Số đạt").getAttribute("aria-invalid")).resolves.toBe("true");
    // What was typed stays in the form (and in the browser) while it is refused.
    await expect(ratio.getByLabel("Tổng số").inputValue()).resolves.toBe("4");
    await screen(reporter, "index-01-self-assessment-error");
    await expectAccessible(reporter, "index-01-self-assessment-error");

    await ratio.getByLabel("Tổng số").fill("8");
    await reporter.locator('[data-save-state="saved"]').waitFor();
    await expect(error.count()).resolves.toBe(0);
    // 5 of 8 of 30 points: 18,75 in Vietnamese style.
    await ratio.locator("[data-points]").filter({ hasText: "18,75 / 30 điểm" }).waitFor();

    // A text file is refused by the server, beside the criterion; a PDF is attached.
    const file = ratio.getByLabel("Thêm tệp kiểm chứng");
    await file.setInputFiles({ name: "ghi-chu.txt", mimeType: "text/plain", buffer: Buffer.from("ghi chú") });
    await ratio.getByRole("alert").waitFor();
    expect(await ratio.getByRole("alert").textContent()).toContain("Loại tệp không được chấp nhận");
    await file.setInputFiles({
      name: "Biên bản họp BCĐ.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
    });
    const link = ratio.getByRole("link", { name: "Tải Biên bản họp BCĐ.pdf" });
    await link.waitFor();
    await expect(ratio.getByRole("alert").count()).resolves.toBe(0);
    const download = await reporter.request.get((await link.getAttribute("href")) ?? "");
    expect(download.headers()["content-disposition"]).toContain("attachment");
    await screen(reporter, "index-02-self-assessment", true);
    await expectAccessible(reporter, "index-02-self-assessment");

    // A reporter prepares but does not submit: that is the head's button.
    await expect(reporter.getByRole("button", { name: "Nộp kết quả tự đánh giá" }).count()).resolves.toBe(0);

    // The same form on a phone: one column, nothing wider than the screen.
    const phone = await (await newContext(browser, { width: 390, height: 844 })).newPage();
    await login(phone, "tpcaolanh.baocao");
    await phone.goto(SCORECARD);
    await card(phone, BY_HAND).getByRole("link", { name: "Tải Biên bản họp BCĐ.pdf" }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screen(phone, "index-09-self-assessment-phone");
    await expectAccessible(phone, "index-09-self-assessment-phone");
  });

  test("the unit's head submits; the form then locks for the reporter", async () => {
    const head = await (await newContext(browser)).newPage();
    await login(head, "tpcaolanh.duyet");
    await head.goto(SCORECARD);
    await card(head, BY_HAND).locator("[data-self-value]").filter({ hasText: "5/8" }).waitFor();
    // The head reads the values; the inputs are the reporter's.
    await expect(head.getByLabel("Thêm tệp kiểm chứng").count()).resolves.toBe(0);
    head.once("dialog", (dialog) => void dialog.accept());
    await head.getByRole("button", { name: "Nộp kết quả tự đánh giá" }).click();
    await head.getByText("Đã nộp kết quả tự đánh giá.").waitFor();
    await head.locator('[data-unit-status="submitted"]').waitFor();
    await screen(head, "index-03-submitted");
    await expectAccessible(head, "index-03-submitted");

    await reporter.reload();
    await reporter.getByText("Đơn vị đã nộp; kết quả tự đánh giá không sửa được nữa.").waitFor();
    await expect(reporter.getByLabel("Thêm tệp kiểm chứng").count()).resolves.toBe(0);
  });

  test("Sở TT&TT's appraiser appraises the district: confirms one criterion, adjusts another with a reason", async () => {
    await ok(admin.post(`/api/assessments/${CODE}/close-self-assessment`));
    const page = await (await newContext(browser)).newPage();
    await login(page, "sotttt.thamdinh");
    await page.goto("/index");
    await page.getByRole("link", { name: "Việc thẩm định" }).click();
    await page.waitForURL(`**/index/${CODE}/appraisal`);
    const item = page.locator(`li[data-unit="${UNIT}"]`);
    await item.getByRole("link", { name: "Thẩm định" }).click();
    await page.getByRole("heading", { name: "Thẩm định: Thành phố Cao Lãnh" }).waitFor();

    // Sở TT&TT's criteria only: not 4.1, which Sở Nội vụ verifies.
    await expect(card(page, "4.1").count()).resolves.toBe(0);
    const hand = card(page, BY_HAND);
    expect(await hand.locator("[data-self-value]").textContent()).toBe("5/8");
    await hand.getByRole("link", { name: "Tải Biên bản họp BCĐ.pdf" }).waitFor();

    await card(page, "1.1").getByLabel("Kết quả thẩm định").selectOption("confirm");
    await hand.getByLabel("Kết quả thẩm định").selectOption("adjust");
    await hand.getByLabel("Số đạt").fill("4");
    await hand.getByLabel("Tổng số").fill("8");
    await page.getByRole("button", { name: "Lưu kết quả thẩm định" }).click();
    // No reason: the server says so, beside the reason field.
    await hand.getByText("Điều chỉnh phải có lý do").waitFor();
    await hand.getByLabel("Lý do điều chỉnh").fill("Biên bản chỉ ghi nhận 4 văn bản do người đứng đầu ký.");
    await screen(page, "index-04-appraisal");
    await expectAccessible(page, "index-04-appraisal");
    await page.getByRole("button", { name: "Lưu kết quả thẩm định" }).click();
    await page.getByText("Đã lưu 2 tiêu chí.").waitFor();
    await item.getByText("Đã thẩm định 2/").waitFor();

    // The provisional ranking of both groups and the district's scorecard, appraised.
    await page.goto("/index");
    await page.getByText("Kết quả tạm tính, chưa công bố.").waitFor();
    const row = page.locator(`.ranking-group[data-group="HUYEN"] tr[data-unit="${UNIT}"]`);
    await row.waitFor();
    await row.getByRole("link", { name: "Thành phố Cao Lãnh" }).click();
    await page.waitForURL(`**${SCORECARD}`);
    const adjusted = card(page, BY_HAND);
    await adjusted.locator("[data-appraised-value]").filter({ hasText: "4/8" }).waitFor();
    expect(await adjusted.locator("[data-self-value]").textContent()).toBe("5/8");
    await screen(page, "index-05-scorecard-appraised", true);
    await expectAccessible(page, "index-05-scorecard-appraised");
  });

  test("everyone reads the published ranking with its ties, downloads and scorecards, also on a phone", async () => {
    const page = await (await newContext(browser)).newPage();
    await login(page, "mytan.baocao");
    await page.goto("/index?a=DTI-2022");
    await page.getByText("Quyết định số 1019/QĐ-UBND-HC ngày 30/09/2023").waitFor();
    const departments = page.locator('.ranking-group[data-group="SO_DVC"]');
    await departments.locator("tbody tr").first().waitFor();
    // S-GTVT and S-NNPTNT share 6th place; the next unit is 8th.
    const ranks = await departments.locator("tbody tr td:first-child").allTextContents();
    expect(ranks.filter((r) => r.startsWith("6"))).toEqual(["6 Đồng hạng", "6 Đồng hạng"]);
    expect(ranks).toContain("8");
    expect(ranks).not.toContain("7");
    const total = await departments.locator("tbody tr").first().locator("td").nth(2).textContent();
    expect(total).toMatch(/^\d{1,3}(\.\d{3})*(,\d{1,2})?$/);
    const excel = await page.request.get(
      (await page.getByRole("link", { name: "Excel (.xlsx)" }).getAttribute("href")) ?? "",
    );
    expect(excel.headers()["content-type"]).toContain("spreadsheetml");
    const word = await page.request.get(
      (await page.getByRole("link", { name: "Phụ lục quyết định (Word)" }).getAttribute("href")) ?? "",
    );
    expect(word.headers()["content-type"]).toContain("wordprocessingml");
    await screen(page, "index-06-ranking");
    await expectAccessible(page, "index-06-ranking");

    await departments.locator('tr[data-unit="S-GTVT"] a').click();
    await page.locator("[data-rank]").filter({ hasText: "6" }).waitFor();
    await screen(page, "index-07-scorecard");
    await expectAccessible(page, "index-07-scorecard");

    const phone = await (await newContext(browser, { width: 390, height: 844 })).newPage();
    await login(phone, "tpcaolanh.baocao");
    await phone.goto("/index?a=DTI-2022");
    await phone.locator('.ranking-group[data-group="HUYEN"] tbody tr').first().waitFor();
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await screen(phone, "index-08-ranking-phone");
    await expectAccessible(phone, "index-08-ranking-phone");

    // In English: the districts' tie at 7th (Tân Hồng and Tháp Mười), figures the English way.
    await phone.getByRole("button", { name: "Ngôn ngữ: English" }).click();
    await phone.getByRole("heading", { name: "Ranking" }).waitFor();
    const districts = phone.locator('.ranking-group[data-group="HUYEN"]');
    const tied = await districts.locator("tbody tr td:first-child").allTextContents();
    expect(tied.filter((r) => r.startsWith("7"))).toEqual(["7 Tied", "7 Tied"]);
    const points = await districts.locator("tbody tr").first().locator("td").nth(2).textContent();
    expect(points).toMatch(/^\d{1,3}(,\d{3})*(\.\d{1,2})?$/);
  });
});
