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
import { closeUnit } from "../units/service.ts";
import { report, setupReporting } from "./fixtures.test-helper.ts";

let t: TestApp;
let province: { cookie: string };
let district: { cookie: string };
let commune: { cookie: string };

beforeAll(async () => {
  t = await testApp();
  await seedTinyTree(t.database);
  const services = { code: "SERVICES", aggregation: "sum", valueType: "integer" } as const;
  await setupReporting(t.database.db, [services], ["C11", "C12", "C21", "S1"]);
  for (const [unit, value] of [
    ["C11", 30],
    ["C12", 5],
    ["C21", 7],
    ["S1", 100],
  ] as const) {
    await report(t.database.db, { unit, period: "202309", values: { SERVICES: value } });
  }
  province = await signIn(t, "tinh", [{ role: "viewer", unitCode: "P" }]);
  district = await signIn(t, "huyen", [{ role: "viewer", unitCode: "D1" }]);
  commune = await signIn(t, "xa", [{ role: "reporter", unitCode: "C11" }]);
});
afterAll(() => t.close());

const get = (query: string, headers: Partial<Headers> = province) =>
  http(t).get(`/api/analytics?${query}`, headers);
const rowsOf = async (query: string, headers = province) => {
  const res = await get(query, headers);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { rows: string[][] }).rows;
};
const sep = "dimension=dx:SERVICES&dimension=pe:202309";

describe("analytics: answer shape", () => {
  it("answers DHIS2-style headers, names in both languages, rows of strings", async () => {
    const res = await get(`${sep}&dimension=ou:D1`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      headers: [
        { name: "dx", column: "Dữ liệu / Data", valueType: "TEXT", meta: true },
        { name: "pe", column: "Kỳ / Period", valueType: "TEXT", meta: true },
        { name: "ou", column: "Đơn vị / Organisation unit", valueType: "TEXT", meta: true },
        { name: "value", column: "Giá trị / Value", valueType: "NUMBER", meta: false },
      ],
      metaData: {
        items: {
          dx: { name: "Dữ liệu", nameEn: "Data" },
          pe: { name: "Kỳ", nameEn: "Period" },
          ou: { name: "Đơn vị", nameEn: "Organisation unit" },
          SERVICES: { name: "Chỉ số SERVICES", nameEn: "Metric SERVICES" },
          "202309": { name: "Tháng 9/2023", nameEn: "September 2023" },
          D1: { name: "Huyện Một", nameEn: "Huyện Một" },
        },
        dimensions: { dx: ["SERVICES"], pe: ["202309"], ou: ["D1"] },
        view: "own-period",
        asOf: null,
      },
      rows: [["SERVICES", "202309", "D1", "35"]],
      height: 1,
      width: 4,
    });
  });

  it("orders rows and headers by the dimensions as asked", async () => {
    expect(await rowsOf("dimension=ou:D1;D2&dimension=dx:SERVICES&dimension=pe:202309")).toEqual([
      ["D1", "SERVICES", "202309", "35"],
      ["D2", "SERVICES", "202309", "7"],
    ]);
  });
});

describe("analytics: unit selections", () => {
  it("expands LEVEL-n, a CODE;LEVEL-n boundary and CHILDREN-CODE", async () => {
    expect(await rowsOf(`${sep}&dimension=ou:LEVEL-2`)).toEqual([
      ["SERVICES", "202309", "D1", "35"],
      ["SERVICES", "202309", "D2", "7"],
      ["SERVICES", "202309", "S1", "100"],
    ]);
    const communesOfD1 = [
      ["SERVICES", "202309", "C11", "30"],
      ["SERVICES", "202309", "C12", "5"],
    ];
    expect(await rowsOf(`${sep}&dimension=ou:D1;LEVEL-3`)).toEqual(communesOfD1);
    expect(await rowsOf(`${sep}&dimension=ou:CHILDREN-D1`)).toEqual(communesOfD1);
  });

  it("answers the caller's own unit for USER_ORGUNIT", async () => {
    expect(await rowsOf(`${sep}&dimension=ou:USER_ORGUNIT`, commune)).toEqual([
      ["SERVICES", "202309", "C11", "30"],
    ]);
  });
});

describe("analytics: scope", () => {
  it("refuses anonymous callers", async () => {
    const res = await t.app.inject({ method: "GET", url: `/api/analytics?${sep}&dimension=ou:P` });
    expect(res.statusCode).toBe(401);
  });

  it("refuses a unit outside the caller's grants with 403 naming it", async () => {
    const res = await get(`${sep}&dimension=ou:D1;D2`, district);
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({
      code: "OUT_OF_SCOPE",
      message: "Đơn vị D2 nằm ngoài phạm vi được phân quyền của bạn",
      message_en: "Unit D2 is outside your assigned scope",
    });
    expect((await get(`${sep}&dimension=ou:P`, commune)).statusCode).toBe(403);
  });

  it("keeps LEVEL-n inside the caller's scope instead of refusing", async () => {
    expect(await rowsOf(`${sep}&dimension=ou:LEVEL-3`, district)).toEqual([
      ["SERVICES", "202309", "C11", "30"],
      ["SERVICES", "202309", "C12", "5"],
    ]);
    expect(await rowsOf(`${sep}&dimension=ou:LEVEL-1`, district)).toEqual([]);
  });
});

describe("analytics: bad requests", () => {
  const detailsOf = async (query: string) => {
    const res = await get(query);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("VALIDATION_FAILED");
    return res.json().error.details as { path: string; message: string; message_en: string }[];
  };

  it("names an unknown metric and an unknown unit with their dimension's path", async () => {
    const details = await detailsOf("dimension=dx:SERVICES;NOPE&dimension=pe:202309&dimension=ou:P;ZZ");
    expect(details).toEqual([
      {
        path: "querystring.dimension.0",
        message: "Không có chỉ số mã NOPE",
        message_en: "No metric with code NOPE",
      },
      {
        path: "querystring.dimension.2",
        message: "Không có đơn vị mã ZZ",
        message_en: "No unit with code ZZ",
      },
    ]);
  });

  it("refuses a bad period, a missing dimension and a bad flag", async () => {
    expect((await detailsOf("dimension=dx:SERVICES&dimension=pe:2023-13&dimension=ou:P"))[0]?.path).toBe(
      "querystring.dimension.1",
    );
    expect(await detailsOf("dimension=dx:SERVICES&dimension=pe:2023")).toMatchObject([
      {
        path: "querystring.dimension",
        message_en: "Dimension ou is missing: add dimension=ou:… or filter=ou:…",
      },
    ]);
    expect((await detailsOf(`${sep}&dimension=ou:P&includeUnapproved=maybe`))[0]?.path).toBe(
      "querystring.includeUnapproved",
    );
  });
});

describe("analytics: closed units", () => {
  it("counts a commune merged mid-year in the year total and lists it for that year, not in asOf's tree", async () => {
    await report(t.database.db, {
      unit: "C21",
      period: "202506",
      values: { SERVICES: 6 },
    });
    await report(t.database.db, {
      unit: "C11",
      period: "202509",
      values: { SERVICES: 4 },
    });
    await closeUnit(t.database.db, testActor, "C21", {
      date: "2025-07-01",
      kind: "merge",
      successorCodes: ["C11"],
    });
    // In force until 30/06/2025: listed at its level for 2025 with what it reported.
    expect(await rowsOf("dimension=dx:SERVICES&dimension=pe:2025&dimension=ou:P;D2;LEVEL-3")).toEqual([
      ["SERVICES", "2025", "C11", "4"],
      ["SERVICES", "2025", "C21", "6"],
    ]);
    // Not in force in the tree of 31/12/2025: the restated view does not list it.
    expect(
      await rowsOf("dimension=dx:SERVICES&dimension=pe:2025&dimension=ou:P;D2;LEVEL-3&asOf=2025-12-31"),
    ).toEqual([["SERVICES", "2025", "C11", "4"]]);
    expect(await rowsOf("dimension=dx:SERVICES&dimension=pe:2026&dimension=ou:P;D2;LEVEL-3")).toEqual([]);
    expect(await rowsOf("dimension=dx:SERVICES&dimension=pe:2025;2025Q2&dimension=ou:P;D2")).toEqual([
      ["SERVICES", "2025", "P", "10"],
      ["SERVICES", "2025", "D2", "6"],
      ["SERVICES", "2025Q2", "P", "6"],
      ["SERVICES", "2025Q2", "D2", "6"],
    ]);
    expect(await rowsOf("dimension=dx:SERVICES&dimension=pe:2025&dimension=ou:C21")).toEqual([
      ["SERVICES", "2025", "C21", "6"],
    ]);
  });
});
