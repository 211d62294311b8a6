import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedTinyTree, signIn, type TestApp, testApp } from "../../test/harness.ts";

let t: TestApp;
let admin: { cookie: string };
beforeAll(async () => {
  t = await testApp();
  await seedTinyTree(t.database);
  admin = await signIn(t, "admin", [{ role: "admin", unitCode: "P" }]);
});
afterAll(() => t.close());

describe("audit trail", () => {
  it("records who moved a unit, from where, with before and after", async () => {
    await t.app.inject({
      method: "POST",
      url: "/api/units/C12/move",
      headers: admin,
      payload: { parentCode: "D2", date: "2025-07-01" },
      remoteAddress: "192.0.2.7",
    });
    const res = await t.app.inject({
      method: "GET",
      url: "/api/audit?objectType=unit&objectId=C12",
      headers: admin,
    });
    expect(res.statusCode).toBe(200);
    const [entry] = res.json().entries;
    expect(entry).toMatchObject({
      actorName: "admin",
      ip: "192.0.2.7",
      action: "move",
      after: { parentCode: "D2", level: 3, from: "2025-07-01" },
    });
    expect(entry.before.level).toBe(3);
  });

  it("filters by action", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/audit?action=move", headers: admin });
    const actions = res.json().entries.map((e: { action: string }) => e.action);
    expect(actions).toEqual(["move"]);
    const none = await t.app.inject({ method: "GET", url: "/api/audit?action=close", headers: admin });
    expect(none.json().entries).toEqual([]);
  });

  it("is readable by admins only", async () => {
    const viewer = await signIn(t, "viewer", [{ role: "viewer", unitCode: "P" }]);
    expect((await t.app.inject({ method: "GET", url: "/api/audit", headers: viewer })).statusCode).toBe(403);
  });

  it("cannot be changed or deleted, even with SQL", async () => {
    const refusal = (e: Error & { cause?: Error }) => /append-only/.test(e.cause?.message ?? e.message);
    await expect(t.database.db.execute(sql`update audit_log set actor_name = 'x'`)).rejects.toSatisfy(
      refusal,
    );
    await expect(t.database.db.execute(sql`delete from audit_log`)).rejects.toSatisfy(refusal);
    const rows = await t.database.db.execute(
      sql`select count(*)::int as n from audit_log where actor_name = 'x'`,
    );
    expect((rows as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(0);
  });
});
