import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, type TestLocation, testLocation } from "../../test/harness.ts";
import { loadConfig } from "../config/config.ts";
import { buildApp } from "../http/app.ts";
import { seedReportPlan, tinySummary } from "./plan-fixture.test-helper.ts";

let dir = "";
let location: TestLocation;

/** Runs `chiso` on the test database, as a user would. */
function chiso(...args: string[]) {
  const env = { ...process.env, DATABASE_URL: "", ...location.env };
  const out = spawnSync(process.execPath, ["bin/chiso.js", ...args], {
    encoding: "utf8",
    env,
    cwd: process.cwd(),
  });
  return { status: out.status, stdout: out.stdout, stderr: out.stderr };
}

describe("chiso report", () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "chiso-cli-"));
    location = await testLocation();
    const database = await location.open();
    const app = await buildApp({ database, config: { ...loadConfig({}), sessionHours: 1 } });
    await app.ready();
    const t: TestApp = { app, database, close: async () => {} };
    await seedReportPlan(t);
    await app.close();
    await database.close();
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await location.dispose();
  });

  it("prints the Markdown report to standard output", () => {
    const out = chiso("report", "--plan", "KH-T", "--period", "202309");
    expect(out.stderr).toBe("");
    expect(out.status).toBe(0);
    expect(out.stdout).toContain(`# BÁO CÁO\n`);
    expect(out.stdout).toContain(`### 1. Về trụ cột A\n\n${tinySummary}\n`);
  });

  it("writes a Word file with -o", () => {
    const file = join(dir, "bao-cao.docx");
    const out = chiso(
      "report",
      "--plan",
      "KH-T",
      "--period",
      "202309",
      "--format",
      "docx",
      "--lang",
      "en",
      "-o",
      file,
    );
    expect(out.status).toBe(0);
    expect(out.stderr).toMatch(/^Đã ghi \/ Wrote .*bao-cao\.docx \(\d+ bytes, \d+ ms\)\n$/);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe("PK");
  });

  it("says clearly when the plan is unknown or the month has no approved data", () => {
    const unknown = chiso("report", "--plan", "NOPE", "--period", "202309");
    expect(unknown.status).toBe(1);
    expect(unknown.stdout).toBe("");
    expect(unknown.stderr).toMatch(/^Lỗi: Không tìm thấy .*NOPE\nError: .*NOPE not found\n$/);
    const empty = chiso("report", "--plan", "KH-T", "--period", "202307");
    expect(empty.status).toBe(1);
    expect(empty.stderr).toBe(
      "Lỗi: Chưa có số liệu đã duyệt cho kỳ 202307 của kế hoạch KH-T\nError: No approved data for period 202307 of plan KH-T\n",
    );
  });

  it("names a missing option or an unknown format in one line, exit code 2", () => {
    const missing = chiso("report", "--period", "202309");
    expect([missing.status, missing.stderr]).toEqual([
      2,
      "chiso report: cần --plan / needs --plan (chiso report --help)\n",
    ]);
    const odt = chiso("report", "--plan", "KH-T", "--period", "202309", "--format", "odt");
    expect(odt.status).toBe(2);
    expect(odt.stderr).toBe(
      "chiso report: --format odt không hợp lệ, chọn một trong: md, docx, pdf, xlsx / " +
        "--format odt is not valid; one of: md, docx, pdf, xlsx (chiso report --help)\n",
    );
  });
});
