import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedTinyTree, signIn, type TestApp, testApp } from "../../test/harness.ts";

let t: TestApp;
let admin: { cookie: string };
let adminD1: { cookie: string };

beforeAll(async () => {
  t = await testApp();
  await seedTinyTree(t.database);
  admin = await signIn(t, "admin", [{ role: "admin", unitCode: "P" }]);
  adminD1 = await signIn(t, "admin.d1", [{ role: "admin", unitCode: "D1" }]);
});
afterAll(() => t.close());

const patch = (id: number, payload: object, headers = admin) =>
  t.app.inject({ method: "PATCH", url: `/api/users/${id}`, payload, headers });
const userNamed = async (username: string) => {
  const res = await t.app.inject({ method: "GET", url: "/api/users", headers: admin });
  return (res.json() as { id: number; username: string; active: boolean; grants: unknown[] }[]).find(
    (u) => u.username === username,
  );
};

describe("changing a user's grants", () => {
  it("replaces the grants (a repeated one once) and audits the change", async () => {
    const created = await t.app.inject({
      method: "POST",
      url: "/api/users",
      headers: admin,
      payload: {
        username: "c11.baocao",
        displayName: "Người lập C11",
        password: "mat-khau-dai-du",
        grants: [{ role: "reporter", unitCode: "C11" }],
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as number;
    const res = await patch(id, {
      grants: [
        { role: "approver", unitCode: "D1" },
        { role: "approver", unitCode: "D1" },
      ],
    });
    expect(res.statusCode).toBe(204);
    expect((await userNamed("c11.baocao"))?.grants).toEqual([{ role: "approver", unitCode: "D1" }]);
    const audit = await t.app.inject({
      method: "GET",
      url: `/api/audit?objectType=user&objectId=${id}`,
      headers: admin,
    });
    const entry = audit.json().entries[0];
    expect(entry).toMatchObject({
      action: "grant",
      before: { grants: [{ role: "reporter", unit: "C11" }] },
      after: { grants: [{ role: "approver", unit: "D1" }] },
    });
  });

  it("names an unknown unit at its grant and keeps the old grants", async () => {
    const id = (await userNamed("c11.baocao"))?.id ?? 0;
    const res = await patch(id, { grants: [{ role: "viewer", unitCode: "NOPE" }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe("body.grants.0.unitCode");
    expect((await userNamed("c11.baocao"))?.grants).toEqual([{ role: "approver", unitCode: "D1" }]);
  });

  it("refuses an admin of a district granting outside it", async () => {
    const id = (await userNamed("c11.baocao"))?.id ?? 0;
    const res = await patch(id, { grants: [{ role: "viewer", unitCode: "D2" }] }, adminD1);
    expect(res.statusCode).toBe(403);
  });

  it("still deactivates, and wants at least one change", async () => {
    const id = (await userNamed("c11.baocao"))?.id ?? 0;
    expect((await patch(id, { active: false })).statusCode).toBe(204);
    expect((await userNamed("c11.baocao"))?.active).toBe(false);
    expect((await patch(id, {})).statusCode).toBe(400);
  });
});
