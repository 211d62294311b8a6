/**
 * A unit code reused across time (the 2025 reform: each new commune keeps a predecessor's code):
 * unique per day, resolved by date in the API, imports and exports, never guessed.
 */
import { sql } from "drizzle-orm";
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
import { queryRows } from "../db/rows.ts";
import { AppError } from "../errors/app-error.ts";
import { seedReporting } from "../forms/test-fixtures.ts";
import { applyReform } from "./reform.ts";
import { readReformFile } from "./reform-file.ts";
import { createUnits } from "./service.ts";

let t: TestApp;
let api: ReturnType<typeof http>;
let admin: Headers;
const DATE = "2023-10-01";

beforeAll(async () => {
  t = await testApp();
  api = http(t);
  await seedTinyTree(t.database);
  await seedReporting(t.database.db);
  admin = await signIn(t, "admin", [{ role: "admin", unitCode: "P" }]);
  // New C11 takes old C11 and C12 on 01/10/2023, keeping C11's code; it reports CDS_XA too.
  const file = [
    "hành động,mã,tên,cấp đơn vị,mã cấp trên,tiền thân,ngày hiệu lực",
    `mở,C11,Xã Một Mới,xã,D1,C11; C12,${DATE}`,
  ].join("\n");
  const summary = await applyReform(
    t.database.db,
    testActor,
    null,
    await readReformFile(Buffer.from(file), "csv"),
    {
      dryRun: false,
    },
  );
  expect(summary.problems).toEqual([]);
  await t.database.db.execute(
    sql`insert into form_units (form_id, unit_id) select f.id, u.id from forms f, units u
        where f.code = 'CDS_XA' and u.code = 'C11' and u.valid_from = ${DATE}::date`,
  );
});
afterAll(() => t.close());

const holders = () =>
  queryRows<{ id: number; nameVi: string; validFrom: string; validTo: string | null }>(
    t.database.db,
    sql`select id, name_vi as "nameVi", valid_from::text as "validFrom", valid_to::text as "validTo"
        from units where code = 'C11' order by valid_from`,
  );

describe("a unit code reused across time", () => {
  it("is held by the old unit until the reform and by the new one from it", async () => {
    expect((await holders()).map((u) => [u.nameVi, u.validFrom, u.validTo])).toEqual([
      ["Xã Một Một", "2020-01-01", DATE],
      ["Xã Một Mới", DATE, null],
    ]);
  });

  it("refuses a unit whose validity overlaps another holder of the code, kept in the database too", async () => {
    const overlap = {
      code: "C11",
      nameVi: "Trùng",
      kind: "territorial",
      type: "xã",
      parentCode: "D2",
    } as const;
    for (const validity of [
      { validFrom: "2023-09-01", validTo: "2023-11-01" },
      { validFrom: "2030-01-01" },
    ]) {
      const error = await createUnits(t.database.db, testActor, [{ ...overlap, ...validity }]).catch(
        (e) => e,
      );
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(409);
      expect((error as AppError).details).toMatchObject([{ path: "0.code", code: "UNIT_CODE_TAKEN" }]);
    }
    // Before the old unit, the code was free: a unit of 2019 may hold it.
    await createUnits(t.database.db, testActor, [
      { ...overlap, nameVi: "Xã Cũ Hơn", validFrom: "2019-01-01", validTo: "2020-01-01" },
    ]);
    expect(await holders()).toHaveLength(3);
    // Two open holders are refused by the database itself, whoever writes.
    const raw = await t.database.db
      .execute(
        sql`insert into units (code, name_vi, kind, type, valid_from) values ('C11', 'x', 'territorial', 'xã', '2031-01-01')`,
      )
      .catch((e: Error) => e);
    expect(raw).toBeInstanceOf(Error);
    expect(await holders()).toHaveLength(3);
  });

  it("answers GET /api/units/:code for the unit existing on `on`, and 400 when none did", async () => {
    const before = await api.get("/api/units/C11?on=2023-09-30", admin);
    expect(before.statusCode).toBe(200);
    expect(before.json().unit.nameVi).toBe("Xã Một Một");
    expect(before.json().successions.map((s: { successorName: string }) => s.successorName)).toEqual([
      "Xã Một Mới",
    ]);
    const after = (await api.get(`/api/units/C11?on=${DATE}`, admin)).json();
    expect(after.unit.nameVi).toBe("Xã Một Mới");
    expect(after.codeHolders.map((h: { nameVi: string }) => h.nameVi)).toEqual(["Xã Cũ Hơn", "Xã Một Một"]);
    const none = await api.get("/api/units/C11?on=2018-06-30", admin);
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details).toMatchObject([
      { path: "querystring.on", code: "AMBIGUOUS_UNIT_CODE" },
    ]);
    expect(none.json().error.details[0].message).toContain("Mã đơn vị C11 đã dùng cho 3 đơn vị");
  });

  it("imports each value to the unit holding the code on its period's last day, and exports it back", async () => {
    const dv = (period: string, value: string) => ({
      dataElement: "RECEIVED",
      period,
      orgUnit: "C11",
      value,
    });
    const res = await api.post("/api/dataValueSets", admin, {
      dataSet: "CDS_XA",
      dataValues: [dv("202309", "11"), dv("202310", "22")],
    });
    expect(res.statusCode).toBe(200);
    const [, old, reborn] = await holders();
    const stored = await queryRows<{ period: string; unitId: number }>(
      t.database.db,
      sql`select period, unit_id as "unitId" from submissions order by period`,
    );
    expect(stored).toEqual([
      { period: "202309", unitId: old?.id },
      { period: "202310", unitId: reborn?.id },
    ]);
    const out = await api.get(
      "/api/dataValueSets?dataSet=CDS_XA&period=202309&period=202310&orgUnit=C11&includeUnapproved=true",
      admin,
    );
    expect(out.statusCode).toBe(200);
    expect(
      out
        .json()
        .dataValues.map((v: { period: string; orgUnit: string; value: string }) => [
          v.period,
          v.orgUnit,
          v.value,
        ]),
    ).toEqual([
      ["202309", "C11", "11"],
      ["202310", "C11", "22"],
    ]);
  });

  it("rejects a value whose period no holder of the code covers, naming the value", async () => {
    const res = await api.post("/api/dataValueSets", admin, {
      dataSet: "CDS_XA",
      dataValues: [{ dataElement: "RECEIVED", period: "201806", orgUnit: "C11", value: "1" }],
    });
    expect(res.statusCode).toBe(409);
    const [conflict] = res.json().conflicts;
    expect(conflict).toMatchObject({ object: "C11", property: "orgUnit", index: 0 });
    expect(conflict.value).toMatch(
      /^Mã đơn vị C11 đã dùng cho \d đơn vị .*không đơn vị nào tồn tại ngày 30\/06\/2018$/,
    );
    expect(JSON.stringify(conflict)).toContain("none of them existed on 2018-06-30");
  });

  it("counts in each period's completeness only the units that existed in it", async () => {
    const grid = await api.get("/api/completeness/periods?form=CDS_XA&from=202309&to=202310", admin);
    expect(grid.statusCode).toBe(200);
    expect(
      grid
        .json()
        .map((a: { period: string; byUnit: { unitId?: number; unit: string; name?: string }[] }) => [
          a.period,
          a.byUnit.map((u) => `${u.unit} ${u.name ?? ""}`.trim()),
        ]),
    ).toEqual([
      ["202309", ["C11 Xã Một Một", "C12 Xã Một Hai", "C21 Xã Hai Một"]],
      ["202310", ["C11 Xã Một Mới", "C21 Xã Hai Một"]],
    ]);
  });
});
