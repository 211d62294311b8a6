import { describe, expect, test } from "vitest";
import { expectAccessible, hasChromium, screen, signedInSession } from "./helpers.ts";

// The demo's September 2023 reports: with two months of history only the peer rule can speak, and
// it flags a few departments far from their group (docs/reporting.md, "Data quality").
const SCREEN = "/quality?form=CDS_MONTHLY&period=202309";

interface Item {
  submission: number;
  unit: string;
  metric: string;
  needsComment: boolean;
  flags: { rule: string; messageVi: string }[];
}

describe.skipIf(!hasChromium)("data quality in the browser", () => {
  const s = signedInSession("admin");
  let first: Item;

  test("the data-quality screen lists the outliers of a form and period, and records a follow-up", async () => {
    const { page } = s;
    const res = await page.request.get(`/api${SCREEN.replace("/quality", "/quality/outliers")}`);
    expect(res.status(), await res.text()).toBe(200);
    const items: Item[] = (await res.json()).items;
    expect(items.length).toBeGreaterThan(0);
    first = items[0] as Item;
    await page.goto(SCREEN);
    const row = page.locator(`tr[data-unit="${first.unit}"][data-metric="${first.metric}"]`);
    await row.waitFor();
    expect(await page.locator(".quality-table tbody tr").count()).toBe(items.length);
    expect(await row.textContent()).toContain(first.flags[0]?.messageVi);
    await screen(page, "data-quality-01-outliers", true);
    await expectAccessible(page, "data-quality-01-outliers");
    await row.getByRole("button", { name: "Xác nhận đúng" }).click();
    await row.locator('[data-follow-up="confirmed"]').waitFor();
    expect(await row.textContent()).toContain("Đã xác nhận đúng");
  });

  test("the report's page and the approver's view show the same flags", async () => {
    const { page } = s;
    await page.goto(`/reports/CDS_MONTHLY/${first.unit}/202309`);
    const flagged = page.locator(`.quality-panel [data-quality-metric="${first.metric}"]`);
    await flagged.waitFor();
    expect(await flagged.textContent()).toContain(first.flags[0]?.messageVi);
    if (first.needsComment) expect(await flagged.textContent()).toContain("Cần ghi chú giải thích");
    await flagged.scrollIntoViewIfNeeded();
    await screen(page, "data-quality-02-report");
    await page.goto(`/approvals/${first.submission}`);
    const atApproval = page.locator(`.quality-panel [data-quality-metric="${first.metric}"]`);
    await atApproval.waitFor();
    expect(await atApproval.textContent()).toContain(first.flags[0]?.messageVi);
    const row = page.locator(`.values-table tr[data-metric="${first.metric}"]`);
    expect(await row.locator('[data-flagged="true"]').textContent()).toContain("⚠ bất thường");
    await atApproval.scrollIntoViewIfNeeded();
    await screen(page, "data-quality-03-approval");
    await expectAccessible(page, "data-quality-03-approval");
  });
});
