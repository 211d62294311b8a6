import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedTinyTree, signIn, type TestApp, testActor, testApp } from "../../test/harness.ts";
import { FORM, report, setupReporting } from "../analytics/fixtures.test-helper.ts";
import { expectSameAsRebuild } from "../analytics/rollup.test-helper.ts";
import { queryRows } from "../db/rows.ts";
import { createUnits, listUnits } from "./service.ts";

let t: TestApp;
let admin: { cookie: string };
let viewer: { cookie: string };

// The tiny tree (P; D1: C11, C12; D2: C21; S1) with C13 under D1, C22 under D2 and a hamlet H1 of C11.
beforeAll(async () => {
  t = await testApp();
  await seedTinyTree(t.database);
  const commune = (code: string, parentCode: string, type = "xã") => ({
    code,
    nameVi: `Đơn vị ${code}`,
    kind: "territorial" as const,
    type,
    parentCode,
    validFrom: "2020-01-01",
  });
  await createUnits(t.database.db, testActor, [
    commune("C13", "D1"),
    commune("C22", "D2"),
    commune("H1", "C11", "ấp"),
  ]);
  await setupReporting(
    t.database.db,
    [{ code: "SERVICES", aggregation: "sum", valueType: "integer" }],
    ["C11", "C12", "C13", "C21", "C22"],
  );
  await report(t.database.db, { unit: "C11", period: "202406", values: { SERVICES: 10 } });
  await report(t.database.db, { unit: "C21", period: "202406", values: { SERVICES: 4 } });
  await report(t.database.db, { unit: "C22", period: "202406", values: { SERVICES: 5 } });
  // Reported before the reform is recorded: the roll-ups must move it from D2 to P.
  await report(t.database.db, { unit: "C22", period: "202508", values: { SERVICES: 7 } });
  admin = await signIn(t, "admin", [{ role: "admin", unitCode: "P" }]);
  viewer = await signIn(t, "viewer", [{ role: "viewer", unitCode: "P" }]);
  await signIn(t, "d1-admin", [{ role: "admin", unitCode: "D1" }]);
  await signIn(t, "c13-approver", [{ role: "approver", unitCode: "C13" }]);
});
afterAll(() => t.close());

const header = "hành động,mã,tên,loại,cấp đơn vị,mã cấp trên,tiền thân,ngày hiệu lực";
// Districts abolished (communes under the province), C11 + C12 merged into N1, C13 split between
// N2 and N3 (which also takes C21 whole); C22 stays and moves up a level, H1 follows C11 into N1.
const reform = [
  header,
  "mở,N1,Phường Mới Một,territorial,phường,P,C11 + C12,2025-07-01",
  "mở,N2,Xã Mới Hai,territorial,xã,P,C13 [một phần],2025-07-01",
  "open,N3,Xã Mới Ba,,xã,P,C13 [part]; C21,2025-07-01",
  "bãi bỏ,D1,,,,,,2025-07-01",
  "abolish,D2,,,,,,2025-07-01",
].join("\n");

const send = (body: string, query = "", headers = admin) =>
  t.app.inject({
    method: "POST",
    url: `/api/units/reform${query}`,
    payload: body,
    headers: { ...headers, "content-type": "text/csv" },
  });
const count = async (table: string) =>
  (
    await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from ${sql.identifier(table)}`,
    )
  )[0]?.n;
const tree = async (asOf: string) =>
  (await listUnits(t.database.db, { asOf })).map((u) => `${u.code}<${u.parentCode ?? ""}@${u.level}`);
const analytics = async (query: string) => {
  const res = await t.app.inject({ method: "GET", url: `/api/analytics?${query}`, headers: viewer });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { rows: string[][] }).rows;
};

const TREE_BEFORE = [
  "P<@1",
  "D1<P@2",
  "D2<P@2",
  "S1<P@2",
  "C11<D1@3",
  "C12<D1@3",
  "C13<D1@3",
  "C21<D2@3",
  "C22<D2@3",
  "H1<C11@4",
];

describe("POST /api/units/reform", () => {
  it("refuses an admin below the province", async () => {
    const below = await signIn(t, "d2-admin", [{ role: "admin", unitCode: "D2" }]);
    const res = await send(reform, "?dryRun=true", below);
    expect(res.statusCode).toBe(403);
  });

  it("writes nothing when a row is bad, naming the row and the field", async () => {
    const units = await count("units");
    const audit = await count("audit_log");
    const bad = `${reform}\nmở,N4,Xã Bốn,territorial,xã,P,C99,2025-07-01\nmở,N5,Xã Năm,territorial,xã,D1,,2025-07-01`;
    const res = await send(bad);
    expect(res.statusCode).toBe(409);
    expect(Object.keys(res.json())).toEqual(["error", "summary"]);
    expect(
      res.json().error.details.map((d: { path: string; message_en: string }) => [d.path, d.message_en]),
    ).toEqual([
      ["rows.7.predecessors.0", "No unit in force with code C99"],
      ["rows.8.parentCode", "Unit D1 closes on this date and cannot be a parent"],
    ]);
    expect([await count("units"), await count("audit_log")]).toEqual([units, audit]);
  });

  it("previews what opens, closes and moves, and who and what names a closed unit, writing nothing", async () => {
    const units = await count("units");
    const res = await send(reform, "?dryRun=true");
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      status: "OK",
      dryRun: true,
      date: "2025-07-01",
      counts: { open: 3, close: 6, move: 2, unchanged: 0, problems: 0 },
    });
    expect(
      body.opens.map((o: { code: string; level: number; predecessors: { code: string; kind: string }[] }) => [
        o.code,
        o.level,
        o.predecessors.map((p) => `${p.code}:${p.kind}`).join(" "),
      ]),
    ).toEqual([
      ["N1", 2, "C11:merge C12:merge"],
      ["N2", 2, "C13:split"],
      ["N3", 2, "C13:split C21:merge"],
    ]);
    expect(
      body.closes.map((c: { code: string; heir: string | null }) => `${c.code}→${c.heir ?? "-"}`),
    ).toEqual(["C11→N1", "C12→N1", "C13→-", "C21→N3", "D1→P", "D2→P"]);
    expect(body.moves).toEqual([
      { code: "C22", fromParent: "D2", toParent: "P", fromLevel: 3, level: 2, action: "move" },
      { code: "H1", fromParent: "C11", toParent: "N1", fromLevel: 4, level: 3, action: "move" },
    ]);
    expect(body.touched.grants).toEqual([
      { username: "c13-approver", displayName: "c13-approver", role: "approver", unitCode: "C13" },
      { username: "d1-admin", displayName: "d1-admin", role: "admin", unitCode: "D1" },
      { username: "d2-admin", displayName: "d2-admin", role: "admin", unitCode: "D2" },
    ]);
    expect(body.touched.forms).toEqual(
      ["C11", "C12", "C13", "C21"].map((unitCode) => ({ code: FORM, unitCode })),
    );
    expect(await count("units")).toBe(units);
    expect(await tree("2025-07-01")).toEqual(TREE_BEFORE);
    expect(await analytics("dimension=dx:SERVICES&dimension=pe:202508&dimension=ou:P;D2")).toEqual([
      ["SERVICES", "202508", "P", "7"],
      ["SERVICES", "202508", "D2", "7"],
    ]);
  });

  it("applies the reform in one go: the tree of the day after, successions, roll-ups before and after", async () => {
    const res = await send(reform);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().counts).toEqual({ open: 3, close: 6, move: 2, unchanged: 0, problems: 0 });
    expect(await tree("2025-06-30")).toEqual(TREE_BEFORE);
    expect(await tree("2025-07-02")).toEqual([
      "P<@1",
      "C22<P@2",
      "N1<P@2",
      "N2<P@2",
      "N3<P@2",
      "S1<P@2",
      "H1<N1@3",
    ]);
    const successions = await queryRows<{ link: string }>(
      t.database.db,
      sql`select a.code || '→' || b.code || ':' || s.kind || '@' || s.effective_date::text as link
          from unit_successions s join units a on a.id = s.predecessor_id join units b on b.id = s.successor_id
          order by 1`,
    );
    expect(successions.map((s) => s.link)).toEqual([
      "C11→N1:merge@2025-07-01",
      "C12→N1:merge@2025-07-01",
      "C13→N2:split@2025-07-01",
      "C13→N3:split@2025-07-01",
      "C21→N3:merge@2025-07-01",
    ]);
    const grants = await queryRows<{ unit: string }>(
      t.database.db,
      sql`select t.code as unit from user_grants g join users u on u.id = g.user_id join units t on t.id = g.unit_id
          where u.username in ('d1-admin', 'c13-approver') order by 1`,
    );
    expect(grants.map((g) => g.unit)).toEqual(["C13", "D1"]);
    await expectSameAsRebuild(t.database.db);
    expect(await analytics("dimension=dx:SERVICES&dimension=pe:202406&dimension=ou:P;D1;D2")).toEqual([
      ["SERVICES", "202406", "P", "19"],
      ["SERVICES", "202406", "D1", "10"],
      ["SERVICES", "202406", "D2", "9"],
    ]);
    expect(await analytics("dimension=dx:SERVICES&dimension=pe:202508&dimension=ou:P;C22")).toEqual([
      ["SERVICES", "202508", "P", "7"],
      ["SERVICES", "202508", "C22", "7"],
    ]);
    // A report after the reform adds to the new tree's roll-ups.
    await report(t.database.db, { unit: "C22", period: "202509", values: { SERVICES: 2 } });
    await expectSameAsRebuild(t.database.db);
    expect(await analytics("dimension=dx:SERVICES&dimension=pe:2025Q3&dimension=ou:P")).toEqual([
      ["SERVICES", "2025Q3", "P", "9"],
    ]);
  });

  it("changes nothing when the same file is applied again", async () => {
    const audit = await count("audit_log");
    const placements = await count("unit_placements");
    const res = await send(reform);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.counts).toEqual({ open: 0, close: 0, move: 0, unchanged: 11, problems: 0 });
    expect(
      [...body.opens, ...body.closes, ...body.moves].every(
        (s: { action: string }) => s.action === "unchanged",
      ),
    ).toBe(true);
    expect([await count("audit_log"), await count("unit_placements")]).toEqual([audit, placements]);
  });
});
