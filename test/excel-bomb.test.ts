/**
 * An Excel file whose zip lies about its sizes (issue 14.3): every entry point that reads Excel
 * counts what it really inflates and stops at the limit, with a clear 400 in both languages (413
 * for the in-memory list uploads), nothing written, memory bounded by the limits.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/rows.ts";
import { AppError } from "../src/errors/app-error.ts";
import { importValues } from "../src/exchange/import.ts";
import { xlsxSource } from "../src/exchange/xlsx-stream.ts";
import { XLSX } from "../src/files/row-file.ts";
import { seedReportPlan } from "../src/reports/plan-fixture.test-helper.ts";
import { signIn, type TestApp, testActor, testApp } from "./harness.ts";
import { lyingZip } from "./zip-fixture.ts";

const dir = mkdtempSync(join(tmpdir(), "chiso-excel-bomb-"));
const uploadDir = join(dir, "uploads");
let t: TestApp;
let admin: { cookie: string };
let bomb: Buffer;
const bombFile = join(dir, "lying.xlsx");
const MB = 1 << 20;

beforeAll(async () => {
  t = await testApp({ uploadDir });
  ({ admin } = await seedReportPlan(t));
  // Shared strings (which exceljs keeps in memory) of 200 MB that say they are 1,000 bytes.
  bomb = await lyingZip("xl/sharedStrings.xml", "<sst><si><t>", 200 * MB);
  writeFileSync(bombFile, bomb);
});
afterAll(() => t.close());

const written = async () =>
  Number(
    (
      await queryRows<{ n: number }>(
        t.database.db,
        sql`select (select count(*) from submissions) + (select count(*) from data_values) as n`,
      )
    )[0]?.n,
  );

/** "part xl/sharedStrings.xml inflates to more than N bytes": N is 200 times its packed size. */
const tooBig =
  /^Suspicious Excel file: part xl\/sharedStrings\.xml inflates to more than [\d,]+ bytes \(a zip bomb\?\)$/;

describe("a zip that lies about its sizes", () => {
  it("the streamed reader (the importer's Excel source): 400 at file, memory within +200 MB", async () => {
    const before = await written();
    global.gc?.();
    const rss = process.memoryUsage().rss;
    let peak = rss;
    const sample = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    let error: unknown;
    try {
      await importValues(t.database.db, testActor, null, xlsxSource(bombFile), { dataSet: "TINY_MONTHLY" });
    } catch (caught) {
      error = caught;
    } finally {
      clearInterval(sample);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(400);
    expect((error as AppError).details[0]).toMatchObject({
      path: "file",
      message: expect.stringMatching(
        /^Tệp Excel bất thường: phần xl\/sharedStrings\.xml giải nén ra hơn [\d.]+ byte/,
      ),
      message_en: expect.stringMatching(tooBig),
    });
    // The bound stated in docs/security.md ("Excel files").
    expect(peak - rss).toBeLessThan(200 * MB);
    expect(await written()).toBe(before);
  });

  it("the import job: 400 at body before any job, the spooled file removed", async () => {
    const reporter = await signIn(t, "bc.c11", [{ role: "reporter", unitCode: "C11" }]);
    const res = await t.app.inject({
      method: "POST",
      url: "/api/jobs/imports?dataSet=TINY_MONTHLY",
      payload: bomb,
      headers: { ...reporter, "content-type": XLSX },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({
      path: "body",
      message_en: expect.stringMatching(tooBig),
    });
    expect((await t.app.inject({ method: "GET", url: "/api/jobs", headers: reporter })).json()).toEqual([]);
    expect(readdirSync(uploadDir)).toEqual([]);
  });

  it("the API's Excel lists (units, users: inflated in memory with a cap): 413, nothing loaded", async () => {
    for (const url of ["/api/units/import", "/api/users/import"]) {
      const res = await t.app.inject({
        method: "POST",
        url,
        payload: bomb,
        headers: { ...admin, "content-type": XLSX },
      });
      expect(res.statusCode).toBe(413);
      expect(res.json().error).toMatchObject({
        code: "PAYLOAD_TOO_LARGE",
        message: "Dữ liệu gửi lên vượt quá giới hạn cho phép",
        message_en: "Request body exceeds the allowed size",
      });
    }
  });

  it("chiso import: the error in both languages, exit status 1", () => {
    const run = spawnSync(process.execPath, ["bin/chiso.js", "import", bombFile, "--data-set", "X"], {
      env: { ...process.env, DATABASE_URL: "", CHISO_DATA_DIR: join(dir, "cli-data") },
      encoding: "utf8",
    });
    expect(run.stderr).toMatch(
      /file: Tệp Excel bất thường: phần xl\/sharedStrings\.xml giải nén ra hơn [\d.]+ byte \(có thể là "bom nén"\) \/ Suspicious Excel file/,
    );
    expect(run.status).toBe(1);
  }, 240_000);
});
