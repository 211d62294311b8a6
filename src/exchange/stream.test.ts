import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedTinyTree, testActor, testDatabase } from "../../test/harness.ts";
import type { Database } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { seedReporting } from "../forms/test-fixtures.ts";
import { createMetrics } from "../metrics/service.ts";
import { importDataValueSet, importValues } from "./import.ts";
import { csvSource, jsonSource } from "./sources.ts";
import { xlsxSource } from "./xlsx-stream.ts";

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
  await seedTinyTree(database);
  await seedReporting(database.db);
});
afterAll(() => database.close());

const dv = (dataElement: string, orgUnit: string, value: string, period = "202309") => ({
  dataElement,
  period,
  orgUnit,
  value,
});
/** Two whole reports per month: C11 and C12, for the given months. */
const set = (periods: string[], extra: object = {}) => ({
  dataSet: "CDS_XA",
  ...extra,
  dataValues: periods.flatMap((p) => [
    dv("RECEIVED", "C11", "120", p),
    dv("ANSWERED", "C11", "100", p),
    dv("NOTE", "C11", 'Ghi "chú", {ngoặc} [vuông] \\ và dấu phẩy', p),
    dv("RECEIVED", "C12", "7", p),
    dv("ANSWERED", "C12", "7", p),
  ]),
});

async function stored(periods: string[]) {
  return queryRows<{ unit: string; period: string; status: string; version: number; values: number }>(
    database.db,
    sql`select u.code as unit, s.period, s.status::text as status, s.version,
               (select count(*)::int from data_values v where v.submission_id = s.id) as values
        from submissions s join units u on u.id = s.unit_id
        where s.period in (${sql.join(
          periods.map((p) => sql`${p}`),
          sql`, `,
        )}) order by s.period, u.code`,
  );
}

/** Splits text into chunks of `size` bytes, cutting inside strings and multi-byte letters. */
function* bytes(text: string, size: number) {
  const buffer = Buffer.from(text);
  for (let i = 0; i < buffer.length; i += size) yield buffer.subarray(i, i + size);
}

describe("streaming import", () => {
  it("reads JSON cut anywhere, in small batches, as the in-memory import does", async () => {
    const text = JSON.stringify(set(["202301", "202302"]), null, 1);
    const summary = await importValues(database.db, testActor, null, jsonSource(bytes(text, 7)), {
      batchValues: 3,
    });
    expect(summary).toMatchObject({ status: "SUCCESS", importCount: { imported: 10, updated: 0 } });
    expect(await stored(["202301", "202302"])).toEqual([
      { unit: "C11", period: "202301", status: "draft", version: 1, values: 3 },
      { unit: "C12", period: "202301", status: "draft", version: 1, values: 2 },
      { unit: "C11", period: "202302", status: "draft", version: 1, values: 3 },
      { unit: "C12", period: "202302", status: "draft", version: 1, values: 2 },
    ]);
    const [note] = await queryRows<{ text: string }>(
      database.db,
      sql`select text_value as text from data_values v join submissions s on s.id = v.submission_id
          join units u on u.id = s.unit_id where s.period = '202301' and u.code = 'C11' and v.text_value is not null`,
    );
    expect(note?.text).toBe('Ghi "chú", {ngoặc} [vuông] \\ và dấu phẩy');
    // The same file again updates nothing; a changed value is an update through saveDraft.
    const again = await importDataValueSet(database.db, testActor, null, set(["202301", "202302"]));
    expect(again.importCount).toEqual({ imported: 0, updated: 0, deleted: 0, ignored: 10 });
    const changed = set(["202301"]);
    changed.dataValues[0] = dv("RECEIVED", "C11", "121", "202301");
    expect((await importDataValueSet(database.db, testActor, null, changed)).importCount).toMatchObject({
      imported: 0,
      updated: 1,
    });
  });

  it("with a completeDate, submits the new reports that pass the submit gate, audited as save + submit", async () => {
    const payload = set(["202303"], { completeDate: "2023-04-02" });
    payload.dataValues.splice(4, 1); // C12 has no ANSWERED, a required metric: stays a draft
    const summary = await importDataValueSet(database.db, testActor, null, payload, { atomic: false });
    expect(summary.status).toBe("WARNING");
    expect(summary.conflicts).toMatchObject([{ property: "completeDate", object: "metrics.ANSWERED" }]);
    expect(await stored(["202303"])).toEqual([
      { unit: "C11", period: "202303", status: "submitted", version: 2, values: 3 },
      { unit: "C12", period: "202303", status: "draft", version: 1, values: 1 },
    ]);
    const audit = await queryRows<{ action: string; actor: string; before: unknown; after: unknown }>(
      database.db,
      sql`select a.action, a.actor_name as actor, a.before, a.after
          from audit_log a join submissions s on a.object_id = s.id::text
          join units u on u.id = s.unit_id
          where a.object_type = 'submission' and s.period = '202303' and u.code = 'C11' order by a.id`,
    );
    expect(audit.map((a) => a.action)).toEqual(["create", "submit"]);
    // Written by COPY: the text with its quotes and backslash comes back as saveDraft records it.
    expect(audit[0]).toMatchObject({
      actor: testActor.name,
      before: null,
      after: {
        unit: "C11",
        period: "202303",
        values: { NOTE: { value: 'Ghi "chú", {ngoặc} [vuông] \\ và dấu phẩy', comment: null } },
      },
    });
    expect(audit[1]).toMatchObject({
      before: { status: "draft" },
      after: { status: "submitted", version: 2 },
    });
  });

  it("reads DHIS2 CSV and Excel files the same way, naming lines and rows in conflicts", async () => {
    const csv = [
      "dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup",
      "RECEIVED,202304,C11,,,5,,,,false",
      "ANSWERED,202304,C11,,,9,,,,false",
    ].join("\r\n");
    const fromCsv = await importValues(database.db, testActor, null, csvSource(bytes(csv, 5)), {
      dataSet: "CDS_XA",
    });
    expect(fromCsv).toMatchObject({ status: "SUCCESS", importCount: { imported: 2 } });

    const file = join(mkdtempSync(join(tmpdir(), "chiso-xlsx-")), "values.xlsx");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("dataValues");
    sheet.addRow(["dataelement", "period", "orgunit", "catoptcombo", "attroptcombo", "value"]);
    sheet.addRow(["RECEIVED", "202305", "C11", "", "", 12]);
    sheet.addRow(["ANSWERED", "202305", "C11", "", "", 10]);
    sheet.addRow(["RECEIVED", "202305", "ZZ", "", "", 1]);
    await workbook.xlsx.writeFile(file);
    const fromXlsx = await importValues(database.db, testActor, null, xlsxSource(file), {
      dataSet: "CDS_XA",
      atomic: false,
    });
    expect(fromXlsx).toMatchObject({
      status: "WARNING",
      importCount: { imported: 2 },
      conflictCount: 1,
      rejectedIndexes: [4],
    });
    expect(await stored(["202305"])).toEqual([
      { unit: "C11", period: "202305", status: "draft", version: 1, values: 2 },
    ]);
  });

  it("a report split across batches is created by the first and completed by the next", async () => {
    const payload = set(["202306"]);
    // C11's values apart: RECEIVED first, the rest after C12's report.
    const [received, ...rest] = payload.dataValues.filter((v) => v.orgUnit === "C11");
    payload.dataValues = [received, ...payload.dataValues.filter((v) => v.orgUnit === "C12"), ...rest].filter(
      (v) => v !== undefined,
    );
    const summary = await importDataValueSet(database.db, testActor, null, payload, { batchValues: 2 });
    expect(summary).toMatchObject({ status: "SUCCESS", importCount: { imported: 5 } });
    expect(await stored(["202306"])).toMatchObject([
      { unit: "C11", values: 3 },
      { unit: "C12", values: 2 },
    ]);
  });

  it("data_values keeps its metric sound without the foreign key: a metric with values cannot be deleted", async () => {
    await createMetrics(database.db, testActor, [
      { code: "LOOSE", nameVi: "Chỉ số ngoài biểu mẫu", valueType: "integer", aggregation: "sum" },
    ]);
    const [report] = await queryRows<{ id: number; unit_id: number }>(
      database.db,
      sql`select id, unit_id from submissions limit 1`,
    );
    await database.db.execute(
      sql`insert into data_values (submission_id, metric_id, unit_id, period, period_start, period_end, value)
          select ${report?.id}, id, ${report?.unit_id}, '202301', '2023-01-01', '2023-01-31', 1
          from metrics where code = 'LOOSE'`,
    );
    await expect(database.db.execute(sql`delete from metrics where code = 'LOOSE'`)).rejects.toThrow();
    await database.db.execute(
      sql`delete from data_values where metric_id = (select id from metrics where code = 'LOOSE')`,
    );
    await database.db.execute(sql`delete from metrics where code = 'LOOSE'`);
    expect(await queryRows(database.db, sql`select 1 from metrics where code = 'LOOSE'`)).toEqual([]);
  });
});
