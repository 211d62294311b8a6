/**
 * Hostile import files (issue 6, "Bad input and failure"): each ends with a clear error in
 * Vietnamese and English, nothing written, and memory bounded by the limits, not the file.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../src/db/client.ts";
import { queryRows } from "../src/db/rows.ts";
import { AppError } from "../src/errors/app-error.ts";
import { importValues } from "../src/exchange/import.ts";
import { csvSource, jsonSource, type SourceValue, type ValueSource } from "../src/exchange/sources.ts";
import { checkXlsx, xlsxSource } from "../src/exchange/xlsx-stream.ts";
import { seedReporting } from "../src/forms/test-fixtures.ts";
import { seedTinyTree, testActor, testDatabase } from "./harness.ts";
import { zipOf } from "./zip-fixture.ts";

let database: Database;
const dir = mkdtempSync(join(tmpdir(), "chiso-hostile-"));
beforeAll(async () => {
  database = await testDatabase();
  await seedTinyTree(database);
  await seedReporting(database.db);
});
afterAll(() => database.close());

async function written() {
  const [row] = await queryRows<{ n: number }>(
    database.db,
    sql`select (select count(*) from submissions) + (select count(*) from data_values) as n`,
  );
  return Number(row?.n);
}

/** The AppError an import ends with (it must end with one: not a crash, not a 500). */
async function refusal(source: ValueSource, options = {}): Promise<AppError> {
  try {
    await importValues(database.db, testActor, null, source, { dataSet: "CDS_XA", ...options });
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("the import was not refused");
}

const good = (period: string) =>
  `{"dataElement":"RECEIVED","period":"${period}","orgUnit":"C11","value":"5"},` +
  `{"dataElement":"ANSWERED","period":"${period}","orgUnit":"C11","value":"4"}`;

describe("hostile import files", () => {
  it("truncated JSON: 400 naming it, after whole reports were already read, nothing written", async () => {
    const text = `{"dataSet":"CDS_XA","dataValues":[${good("202301")},${good("202302")},{"dataElement":"REC`;
    const error = await refusal(jsonSource([text]), { batchValues: 2 });
    expect(error.status).toBe(400);
    expect(error.details[0]).toMatchObject({
      path: "file",
      message: "Tệp JSON bị cắt cụt (hết tệp giữa chừng)",
      message_en: "Truncated JSON: the file ends mid-way",
    });
    expect(await written()).toBe(0);
  });

  it("malformed JSON and junk after the set are refused", async () => {
    const bad = await refusal(jsonSource([`{"dataValues":[{"dataElement": RECEIVED}]}`]));
    expect(bad.details[0]?.path).toBe("dataValues.0");
    expect(bad.details[0]?.message_en).toMatch(/^Invalid JSON/);
    const junk = await refusal(jsonSource([`{"dataSet":"CDS_XA","dataValues":[]} {"more":1}`]));
    expect(junk.details[0]?.message_en).toMatch(/expected end of file/);
    expect(await written()).toBe(0);
  });

  it("a line over the limit (the '2 GB line'): refused once the limit is passed, without reading on", async () => {
    let chunksRead = 0;
    // An endless value: the reader must stop at the limit, not wait for the end.
    function* endless() {
      yield `{"dataSet":"CDS_XA","dataValues":[{"dataElement":"NOTE","value":"`;
      for (;;) {
        chunksRead++;
        yield "x".repeat(64 * 1024);
      }
    }
    const json = await refusal(jsonSource(endless(), { maxItemChars: 1 << 20 }));
    expect(json.details[0]).toMatchObject({
      path: "dataValues.0",
      message_en: "An item of the file is longer than 1,048,576 characters",
    });
    expect(chunksRead).toBeLessThan(40);

    const csvLine = `RECEIVED,202301,C11,,,5\n${"NOTE,202301,C11,,,".padEnd(300_000, "y")}\n`;
    const csv = await refusal(csvSource([csvLine], { maxItemChars: 100_000 }));
    expect(csv.details[0]).toMatchObject({
      path: "lines.2",
      message: "Dòng 2 dài quá 100.000 ký tự",
      message_en: "Line 2 is longer than 100,000 characters",
    });
    expect(await written()).toBe(0);
  });

  it("a NUL or a lone surrogate in a CSV or JSON file: 400 naming the line and field, nothing written", async () => {
    const csv = await refusal(csvSource([`RECEIVED,202301,C11,,,5,,,"bad\u0000note"\n`]));
    expect(csv.status).toBe(400);
    expect(csv.details[0]).toMatchObject({
      path: "lines.1.comment",
      message_en: "Contains a character that cannot be stored (NUL or a lone UTF-16 surrogate)",
    });
    const json = await refusal(
      jsonSource([
        `{"dataSet":"CDS_XA","dataValues":[{"dataElement":"NOTE","period":"202301","orgUnit":"C11","value":"\\ud800"}]}`,
      ]),
    );
    expect(json.details[0]?.path).toBe("dataValues.0.value");
    expect(await written()).toBe(0);
  });

  it("a zip bomb posing as .xlsx is refused from its directory, before anything is inflated", async () => {
    const file = join(dir, "bomb.xlsx");
    writeFileSync(file, zipOf("xl/worksheets/sheet1.xml", Buffer.alloc(64 << 20, 0x20)));
    await expect(checkXlsx(file)).rejects.toThrow(AppError);
    const error = await refusal(xlsxSource(file));
    expect(error.details[0]?.message_en).toMatch(
      /^Suspicious Excel file: part xl\/worksheets\/sheet1.xml inflates to 67,108,864 bytes/,
    );
    writeFileSync(join(dir, "not.xlsx"), "PK not a zip at all");
    const notZip = await refusal(xlsxSource(join(dir, "not.xlsx")));
    expect(notZip.details[0]?.message_en).toBe("The file is not a valid Excel (.xlsx) file");
    expect(await written()).toBe(0);
  });

  it("a million conflicts: the summary lists 1,000 and counts them all; nothing written", async () => {
    const values: ValueSource = {
      header: { dataSet: "CDS_XA" },
      values: (async function* (): AsyncGenerator<SourceValue> {
        for (let i = 0; i < 1_000_000; i++) {
          yield {
            index: i,
            value: { dataElement: "RECEIVED", period: "202301", orgUnit: `NO_${i % 5000}`, value: "1" },
          };
        }
      })(),
    };
    const summary = await importValues(database.db, testActor, null, values);
    expect(summary).toMatchObject({
      status: "ERROR",
      conflictCount: 1_000_000,
      importCount: { imported: 0, ignored: 1_000_000 },
      description_en: "Nothing imported: 1,000,000 conflicts",
    });
    expect(summary.conflicts).toHaveLength(1_000);
    expect(summary.rejectedIndexes).toHaveLength(1_000);
    expect(await written()).toBe(0);
  }, 120_000);

  it("the CLI prints the error in both languages and exits with status 1", () => {
    const file = join(dir, "cut.json");
    writeFileSync(file, `{"dataSet":"CDS_XA","dataValues":[{"dataElement":"RECEI`);
    const run = spawnSync(process.execPath, ["bin/chiso.js", "import", file], {
      env: { ...process.env, DATABASE_URL: "", CHISO_DATA_DIR: join(dir, "cli-data") },
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      "file: Tệp JSON bị cắt cụt (hết tệp giữa chừng) / Truncated JSON: the file ends mid-way",
    );
  }, 240_000);
});
