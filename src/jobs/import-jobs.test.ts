/**
 * The background import reads its upload as `chiso import` reads a file: spooled to disk within
 * the body limit, through the same sources and importer, the spooled file removed afterwards.
 */
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Headers, signIn, type TestApp, testApp } from "../../test/harness.ts";
import { XLSX } from "../files/row-file.ts";
import { removeStaleUploads, spool } from "../files/spool.ts";
import { seedReportPlan } from "../reports/plan-fixture.test-helper.ts";
import { lastMonth } from "../submissions/test-helpers.ts";

const uploadDir = mkdtempSync(join(tmpdir(), "chiso-uploads-test-"));
const bodyLimit = 256 * 1024;
let t: TestApp;
let reporter: Headers;
const period = lastMonth();

beforeAll(async () => {
  t = await testApp({ uploadDir, bodyLimit });
  await seedReportPlan(t);
  reporter = await signIn(t, "bc.c11", [{ role: "reporter", unitCode: "C11" }]);
});
afterAll(() => t.close());

const post = (url: string, body: string | Buffer, type: string) =>
  t.app.inject({ method: "POST", url, payload: body, headers: { ...reporter, "content-type": type } });

/** The job once this server's runner has finished every job it accepted. */
async function finished(id: number) {
  await t.app.jobRunner.whenIdle();
  return (await t.app.inject({ method: "GET", url: `/api/jobs/${id}`, headers: reporter })).json();
}

/** The job's summary for the file (a dry run, valid values kept), and the spool left empty. */
async function jobSummary(body: string | Buffer, type: string, query = "") {
  const res = await post(`/api/jobs/imports?dryRun=true&atomic=false${query}`, body, type);
  expect(res.statusCode).toBe(202);
  const job = await finished(res.json().id);
  expect(readdirSync(uploadDir)).toEqual([]);
  return job;
}

// Two good values and the second TOTAL of the report (the conflict names its position or line).
const rows = [
  ["DONE", period, "C11", "", "", "4"],
  ["TOTAL", period, "C11", "", "", "9"],
  ["TOTAL", period, "C11", "", "", "-5"],
];
const header = ["dataelement", "period", "orgunit", "catoptcombo", "attroptcombo", "value"];
const csv = [header, ...rows].map((r) => r.join(",")).join("\n");
const json = JSON.stringify({
  dataSet: "TINY_MONTHLY",
  dataValues: rows.map(([dataElement, p, orgUnit, , , value]) => ({
    dataElement,
    period: p,
    orgUnit,
    value,
  })),
});

async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("dataValues");
  for (const row of [header, ...rows]) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe("the import job reads its file as the synchronous API and the CLI do", () => {
  it("JSON: the same summary as POST /api/dataValueSets", async () => {
    const sync = await post("/api/dataValueSets?dryRun=true&atomic=false", json, "application/json");
    expect(sync.statusCode).toBe(200);
    const job = await jobSummary(json, "application/json");
    expect(job).toMatchObject({ status: "succeeded", progress: { done: 3, total: 3 } });
    expect(job.params).toMatchObject({ format: "json", dataSet: "TINY_MONTHLY", values: 3 });
    expect(job.result).toEqual(sync.json());
    expect(job.result).toMatchObject({ status: "WARNING", importCount: { imported: 2, ignored: 1 } });
    expect(job.result.conflicts).toMatchObject([{ index: 2, object: "TOTAL", property: "dataElement" }]);
  });

  it("CSV: the same summary as POST /api/dataValueSets.csv, conflicts at the file's line", async () => {
    const q = "?dataSet=TINY_MONTHLY&dryRun=true&atomic=false";
    const sync = await post(`/api/dataValueSets.csv${q}`, csv, "text/csv");
    expect(sync.statusCode).toBe(200);
    const job = await jobSummary(csv, "text/csv", "&dataSet=TINY_MONTHLY");
    expect(job.result).toEqual(sync.json());
    expect(job.result.conflicts).toMatchObject([{ index: 4, object: "TOTAL", property: "dataElement" }]);
  });

  it("Excel (.xlsx): read from the spooled file, the CSV's summary (the row is the line)", async () => {
    const q = "?dataSet=TINY_MONTHLY&dryRun=true&atomic=false";
    const sync = (await post(`/api/dataValueSets.csv${q}`, csv, "text/csv")).json();
    const job = await jobSummary(await workbook(), XLSX, "&dataSet=TINY_MONTHLY&name=so-lieu.xlsx");
    expect(job.params).toMatchObject({ format: "xlsx", fileName: "so-lieu.xlsx", values: 3 });
    expect(job.result).toEqual(sync);
    // Without a content type, the zip's signature says Excel.
    const sniffed = await jobSummary(await workbook(), "application/octet-stream", "&dataSet=TINY_MONTHLY");
    expect(sniffed.params).toMatchObject({ format: "xlsx" });
  });

  it("over a real connection, the request stream is spooled as it arrives", async () => {
    const address = await t.app.listen({ port: 0, host: "127.0.0.1" });
    const res = await fetch(`${address}/api/jobs/imports?dryRun=true&atomic=false`, {
      method: "POST",
      headers: { ...reporter, "content-type": "application/json" },
      body: json,
    });
    expect(res.status).toBe(202);
    expect((await finished((await res.json()).id)).result.importCount).toMatchObject({
      imported: 2,
      ignored: 1,
    });
  });

  it("a file over the body limit: 413, no job, nothing left on disk", async () => {
    const jobsBefore = (
      await t.app.inject({ method: "GET", url: "/api/jobs?limit=200", headers: reporter })
    ).json();
    const big = `${header.join(",")}\n${`DONE,${period},C11,,,1\n`.repeat(Math.ceil(bodyLimit / 20))}`;
    const res = await post("/api/jobs/imports?dataSet=TINY_MONTHLY", big, "text/csv");
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      message: "Dữ liệu gửi lên vượt quá giới hạn cho phép",
    });
    const jobsAfter = (
      await t.app.inject({ method: "GET", url: "/api/jobs?limit=200", headers: reporter })
    ).json();
    expect(jobsAfter).toHaveLength(jobsBefore.length);
    expect(readdirSync(uploadDir)).toEqual([]);
  });

  it("a malformed file: 400 before any job, its spooled copy removed", async () => {
    const res = await post(
      "/api/jobs/imports",
      `{"dataSet":"TINY_MONTHLY","dataValues":[{"dataElement":`,
      "application/json",
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({
      path: "body",
      message: "Tệp JSON bị cắt cụt (hết tệp giữa chừng)",
      message_en: "Truncated JSON: the file ends mid-way",
    });
    const line = await post("/api/jobs/imports?dataSet=TINY_MONTHLY", `DONE,${period},C11,,,"4`, "text/csv");
    expect(line.json().error.details[0]).toMatchObject({ path: "body.lines.1" });
    expect(readdirSync(uploadDir)).toEqual([]);
  });

  it("a body without a length is counted as it arrives: 413 once past the limit, its file removed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chiso-spool-"));
    let chunksRead = 0;
    async function* endless() {
      for (;;) {
        chunksRead++;
        yield Buffer.alloc(64 * 1024, 0x20);
      }
    }
    const refused = spool(endless(), dir, bodyLimit);
    await expect(refused).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE", status: 413 });
    expect(chunksRead).toBe(bodyLimit / (64 * 1024) + 1);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("at start, the files of processes that are gone are removed, a live process's kept", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chiso-stale-"));
    writeFileSync(join(dir, "2147483646-dead"), "x");
    writeFileSync(join(dir, `${process.pid}-mine`), "x");
    expect(await removeStaleUploads(dir)).toBe(1);
    expect(readdirSync(dir)).toEqual([`${process.pid}-mine`]);
  });
});
