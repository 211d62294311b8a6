import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Headers, http, seedTinyTree, signIn, type TestApp, testApp } from "../../test/harness.ts";
import { seedReporting } from "../forms/test-fixtures.ts";

let t: TestApp;
let api: ReturnType<typeof http>;
let admin: Headers;

beforeAll(async () => {
  t = await testApp();
  api = http(t);
  await seedTinyTree(t.database);
  await seedReporting(t.database.db);
  admin = await signIn(t, "admin", [{ role: "admin", unitCode: "P" }]);
});
afterAll(() => t.close());

const dv = (dataElement: string, orgUnit: string, value: string, extra: object = {}) => ({
  dataElement,
  period: "202309",
  orgUnit,
  value,
  ...extra,
});
const mixed = {
  dataSet: "CDS_XA",
  dataValues: [
    dv("RECEIVED", "C11", "120"),
    dv("ANSWERED", "C11", "100"),
    dv("HAS_PORTAL", "C11", "true"),
    dv("RECEIVED", "C12", "-5"),
  ],
};
const importJson = (query: string, payload: object, headers = admin) =>
  api.post(`/api/dataValueSets${query}`, headers, payload);
const exported = async (query = "") =>
  (
    await api.get(
      `/api/dataValueSets?dataSet=CDS_XA&period=202309&orgUnit=P&children=true&includeUnapproved=true${query}`,
      admin,
    )
  ).json();

describe("dataValueSets import", () => {
  it("atomic (the default): one bad value writes nothing and answers 409 with the summary", async () => {
    const res = await importJson("", mixed);
    expect(res.statusCode).toBe(409);
    const body = res.json();
    expect(body.error.code).toBe("IMPORT_REJECTED");
    expect(body).toMatchObject({
      status: "ERROR",
      importCount: { imported: 0, updated: 0, deleted: 0, ignored: 4 },
      rejectedIndexes: [3],
    });
    expect(body.conflicts).toEqual([
      {
        object: "RECEIVED",
        property: "value",
        index: 3,
        value: "Giá trị phải từ 0 trở lên",
        value_en: "The value must be at least 0",
      },
    ]);
    expect((await exported()).dataValues).toEqual([]);
    expect((await api.get("/api/submissions?form=CDS_XA&period=202309", admin)).json()).toEqual([]);
  });

  it("dryRun counts exactly and writes nothing", async () => {
    const res = await importJson("?dryRun=true&atomic=false", mixed);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: "WARNING",
      dryRun: true,
      importCount: { imported: 3, updated: 0, ignored: 1 },
      rejectedIndexes: [3],
    });
    expect((await exported()).dataValues).toEqual([]);
  });

  it("non-atomic imports the valid values and lists the rejected ones", async () => {
    const res = await importJson("?atomic=false", mixed);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: "WARNING",
      importCount: { imported: 3, ignored: 1 },
      rejectedIndexes: [3],
    });
    expect((await exported()).dataValues).toEqual([
      { dataElement: "RECEIVED", period: "202309", orgUnit: "C11", value: "120" },
      { dataElement: "ANSWERED", period: "202309", orgUnit: "C11", value: "100" },
      { dataElement: "HAS_PORTAL", period: "202309", orgUnit: "C11", value: "true" },
    ]);
  });

  it("counts updates, unchanged values and deletions on a second import", async () => {
    const again = {
      dataSet: "CDS_XA",
      period: "2023-09",
      orgUnit: "C11",
      dataValues: [
        { dataElement: "RECEIVED", value: "125" },
        { dataElement: "ANSWERED", value: "100" },
        { dataElement: "HAS_PORTAL", value: "" },
      ],
    };
    const dry = await importJson("?dryRun=true", again);
    expect(dry.json().importCount).toEqual({ imported: 0, updated: 1, deleted: 1, ignored: 1 });
    const res = await importJson("", again);
    expect(res.json()).toMatchObject({
      status: "SUCCESS",
      importCount: { imported: 0, updated: 1, deleted: 1, ignored: 1 },
    });
    expect((await exported()).dataValues.map((v: { value: string }) => v.value)).toEqual(["125", "100"]);
  });

  it("reports unknown data elements and org units as conflicts with their index", async () => {
    const res = await importJson("?atomic=false", {
      dataSet: "CDS_XA",
      dataValues: [
        dv("NOPE", "C11", "1"),
        dv("RECEIVED", "ZZ", "1"),
        dv("RECEIVED", "C21", "7", { period: "2023Q3" }),
      ],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().status).toBe("ERROR");
    expect(
      res
        .json()
        .conflicts.map((c: { object: string; property: string; index: number }) => [
          c.object,
          c.property,
          c.index,
        ]),
    ).toEqual([
      ["NOPE", "dataElement", 0],
      ["ZZ", "orgUnit", 1],
      ["2023Q3", "period", 2],
    ]);
  });

  it("answers 400 to malformed JSON and to a set without a form", async () => {
    const malformed = await t.app.inject({
      method: "POST",
      url: "/api/dataValueSets",
      headers: { ...admin, "content-type": "application/json" },
      payload: '{"dataSet": "CDS_XA", "dataValues": [',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe("MALFORMED_JSON");
    const noForm = await importJson("", { dataValues: [dv("RECEIVED", "C11", "1")] });
    expect(noForm.statusCode).toBe(400);
    expect(noForm.json().error.details[0].path).toBe("body.dataSet");
    const unknownForm = await importJson("?dataSet=NOPE", { dataValues: [] });
    expect(unknownForm.json().error.details[0].path).toBe("querystring.dataSet");
  });

  it("applies the reporter's scope value by value", async () => {
    const reporter = await signIn(t, "reporter_c21", [{ role: "reporter", unitCode: "C21" }]);
    const res = await importJson(
      "?atomic=false",
      { dataSet: "CDS_XA", dataValues: [dv("RECEIVED", "C11", "1"), dv("RECEIVED", "C21", "2")] },
      reporter,
    );
    // 202309 is past the form's lock date: the reporter is refused for its own unit too.
    expect(
      res.json().conflicts.map((c: { property: string; index: number }) => [c.property, c.index]),
    ).toEqual([
      ["OUT_OF_SCOPE", 0],
      ["LOCKED", 1],
    ]);
  });

  it("submits the report when the set has a completeDate, unless its rules fail", async () => {
    const good = await importJson("", {
      dataSet: "CDS_XA",
      period: "202309",
      orgUnit: "C12",
      completeDate: "2023-10-03",
      dataValues: [dv("RECEIVED", "C12", "10"), dv("ANSWERED", "C12", "9")],
    });
    expect(good.json().status).toBe("SUCCESS");
    const single = (
      await api.get(
        "/api/dataValueSets?dataSet=CDS_XA&period=202309&orgUnit=C12&includeUnapproved=true",
        admin,
      )
    ).json();
    expect(single).toMatchObject({ dataSet: "CDS_XA", period: "202309", orgUnit: "C12" });
    expect(single.completeDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const bad = await importJson("?atomic=false", {
      dataSet: "CDS_XA",
      period: "202309",
      orgUnit: "C21",
      completeDate: "2023-10-03",
      dataValues: [dv("RECEIVED", "C21", "1"), dv("ANSWERED", "C21", "5")],
    });
    expect(bad.json()).toMatchObject({
      status: "WARNING",
      importCount: { imported: 2 },
      rejectedIndexes: [],
    });
    expect(bad.json().conflicts).toEqual([
      expect.objectContaining({ object: "rules.ANSWERED_LE_RECEIVED", property: "completeDate" }),
    ]);
    const list = (await api.get("/api/submissions?form=CDS_XA&period=202309", admin)).json();
    expect(list.map((s: { unit: string; status: string }) => [s.unit, s.status])).toEqual([
      ["C11", "draft"],
      ["C12", "submitted"],
      ["C21", "draft"],
    ]);
  });

  it("exports only approved data unless asked for the rest", async () => {
    const approvedOnly = await api.get(
      "/api/dataValueSets?dataSet=CDS_XA&period=202309&orgUnit=P&children=true",
      admin,
    );
    expect(approvedOnly.json()).toEqual({ dataSet: "CDS_XA", dataValues: [] });
    const viewer = await signIn(t, "viewer_d2", [{ role: "viewer", unitCode: "D2" }]);
    const outside = await api.get("/api/dataValueSets?dataSet=CDS_XA&period=202309&orgUnit=C11", viewer);
    expect(outside.statusCode).toBe(403);
  });
});
