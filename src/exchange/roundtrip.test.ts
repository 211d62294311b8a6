import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Headers,
  http,
  seedTinyTree,
  signIn,
  type TestApp,
  testActor,
  testApp,
} from "../../test/harness.ts";
import { seedReporting } from "../forms/test-fixtures.ts";
import { saveDraft } from "../submissions/service.ts";
import { exportDataValueSet } from "./export.ts";
import { importDataValueSet } from "./import.ts";

let source: TestApp;
let target: TestApp;
let adminSource: Headers;
let adminTarget: Headers;

const note = 'Xã Một Một, "điểm sáng" chuyển đổi số\r\nDòng hai';
const query = {
  dataSet: "CDS_XA",
  periods: ["202308", "202309"],
  orgUnits: ["P"],
  children: true,
  includeUnapproved: true,
};

async function prepare(): Promise<TestApp> {
  const t = await testApp();
  await seedTinyTree(t.database);
  await seedReporting(t.database.db);
  return t;
}

beforeAll(async () => {
  source = await prepare();
  target = await prepare();
  adminSource = await signIn(source, "admin", [{ role: "admin", unitCode: "P" }]);
  adminTarget = await signIn(target, "admin", [{ role: "admin", unitCode: "P" }]);
  const rows: [string, string, number, number, number][] = [
    ["C11", "202308", 120, 100, 33.3],
    ["C11", "202309", 130, 0.0, 12.25],
    ["C12", "202309", 7, 7, 100],
    ["C21", "202308", 1_205_780, 1_000_000, 0.1],
  ];
  for (const [unit, period, received, answered, rate] of rows) {
    const values = [
      { metric: "RECEIVED", value: received, comment: "Số liệu từ Một cửa, đã đối chiếu" },
      { metric: "ANSWERED", value: answered },
      { metric: "ONLINE_RATE", value: rate },
      { metric: "HAS_PORTAL", value: unit !== "C12" },
      { metric: "NOTE", value: note, comment: 'Ghi "chú", có dấu phẩy' },
    ];
    await saveDraft(source.database.db, testActor, null, { form: "CDS_XA", unit, period, values });
  }
});
afterAll(async () => {
  await source.close();
  await target.close();
});

describe("round trip", () => {
  it("reproduces a JSON export exactly in an empty database", async () => {
    const first = await exportDataValueSet(source.database.db, query);
    expect(first.dataValues).toHaveLength(20);
    const summary = await importDataValueSet(target.database.db, testActor, null, first);
    expect(summary).toMatchObject({
      status: "SUCCESS",
      importCount: { imported: 20, updated: 0, ignored: 0 },
    });
    expect(await exportDataValueSet(target.database.db, query)).toEqual(first);
  });

  it("reproduces a CSV export, with commas, quotes, line breaks and Vietnamese text", async () => {
    const url =
      "/api/dataValueSets.csv?dataSet=CDS_XA&period=202308&period=202309&orgUnit=P&children=true&includeUnapproved=true";
    const csv = await http(source).get(url, adminSource);
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    const records = parse(csv.body) as string[][];
    expect(records[0]).toEqual([
      "dataelement",
      "period",
      "orgunit",
      "catoptcombo",
      "attroptcombo",
      "value",
      "storedby",
      "lastupdated",
      "comment",
      "followup",
    ]);
    const noteRow = records.find((r) => r[0] === "NOTE");
    expect(noteRow?.[5]).toBe(note);
    expect(noteRow?.[8]).toBe('Ghi "chú", có dấu phẩy');

    const fresh = await prepare();
    try {
      const admin = await signIn(fresh, "admin", [{ role: "admin", unitCode: "P" }]);
      const res = await fresh.app.inject({
        method: "POST",
        url: "/api/dataValueSets.csv?dataSet=CDS_XA",
        headers: { ...admin, "content-type": "text/csv" },
        payload: csv.body,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().importCount.imported).toBe(20);
      const again = await http(fresh).get(url, admin);
      const strip = (text: string) =>
        (parse(text) as string[][]).map((fields) => fields.filter((_, i) => i !== 7));
      expect(strip(again.body)).toEqual(strip(csv.body));
    } finally {
      await fresh.close();
    }
  });

  it("names the CSV line of each rejected row", async () => {
    const csv = [
      "dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup",
      "RECEIVED,202309,C21,,,5,,,,false",
      'NOTE,202309,C21,,,"hai',
      'dòng",,,"ghi, chú",false',
      "RECEIVED,202309,C12,,,-1,,,,false",
      "ANSWERED,202309,ZZ,,,1,,,,false",
    ].join("\r\n");
    const res = await target.app.inject({
      method: "POST",
      url: "/api/dataValueSets.csv?dataSet=CDS_XA&atomic=false",
      headers: { ...adminTarget, "content-type": "text/csv" },
      payload: csv,
    });
    expect(res.json()).toMatchObject({ status: "WARNING", rejectedIndexes: [5, 6] });
    expect(
      res.json().conflicts.map((c: { index: number; property: string }) => [c.index, c.property]),
    ).toEqual([
      [5, "value"],
      [6, "orgUnit"],
    ]);
    const bad = await target.app.inject({
      method: "POST",
      url: "/api/dataValueSets.csv?dataSet=CDS_XA",
      headers: { ...adminTarget, "content-type": "text/csv" },
      payload: 'RECEIVED,202309,C21,,,"5',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe("body.lines.1");
  });
});
