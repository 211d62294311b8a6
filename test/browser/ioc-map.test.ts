import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectAccessible, hasChromium, launch, login, newContext, screen } from "./helpers.ts";

/** A GeoJSON file of one square per unit code, laid out on a grid over Đồng Tháp. */
function squares(codes: string[]): string {
  const features = codes.map((code, i) => {
    const lon = 105.2 + (i % 4) * 0.2;
    const lat = 10.2 + Math.floor(i / 4) * 0.2;
    const ring = [
      [lon, lat],
      [lon + 0.19, lat],
      [lon + 0.19, lat + 0.19],
      [lon, lat + 0.19],
      [lon, lat],
    ];
    return { type: "Feature", properties: { code }, geometry: { type: "Polygon", coordinates: [ring] } };
  });
  const path = join(mkdtempSync(join(tmpdir(), "chiso-geo-")), "ranh-gioi.geojson");
  writeFileSync(path, JSON.stringify({ type: "FeatureCollection", features }));
  return path;
}

describe.skipIf(!hasChromium)("the leaders' map on boundaries an admin loads", () => {
  let browser: Browser;
  let admin: Page;

  beforeAll(async () => {
    browser = await launch();
    admin = await (await newContext(browser)).newPage();
    await login(admin, "admin");
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("a file naming an unknown unit is refused naming it; a good one turns the tiles into a choropleth", async () => {
    await admin.goto("/ioc?period=202309");
    await admin.locator(".ioc[data-ready]").waitFor();
    const tiles = admin.locator(".tiles li");
    const names = await tiles.count();
    expect(names).toBeGreaterThan(10);
    const summary = await (await admin.request.get("/api/ioc/summary?period=202309")).json();
    const codes: string[] = summary.map.units.map((u: { code: string }) => u.code);

    await admin.getByText("Bản đồ ranh giới", { exact: true }).click();
    await admin.getByLabel("Tệp GeoJSON").setInputFiles(squares([...codes.slice(1), "99999"]));
    await admin.getByText("Không có đơn vị cấp 2 mã 99999").waitFor();
    await expect(tiles.count()).resolves.toBe(names);

    await admin.getByLabel("Tệp GeoJSON").setInputFiles(squares(codes));
    await admin.locator(".choropleth svg path").first().waitFor();
    await expect(admin.locator(".tiles").count()).resolves.toBe(0);
    await expect(admin.locator(".choropleth svg path").count()).resolves.toBeGreaterThanOrEqual(codes.length);
    await expect(
      admin.getByText("Ranh giới hành chính do quản trị hệ thống nạp (GeoJSON).").isVisible(),
    ).resolves.toBe(true);
    await screen(admin, "ioc-choropleth", true);
    await expectAccessible(admin, "ioc-choropleth");

    // Removed again, the tile map is back (the other browser tests expect the demo as loaded).
    await admin.getByRole("button", { name: "Gỡ bản đồ ranh giới" }).click();
    await tiles.first().waitFor();
    await expect(tiles.count()).resolves.toBe(names);
  });
});
