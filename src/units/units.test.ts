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

const get = (url: string, headers = admin) => t.app.inject({ method: "GET", url, headers });
const post = (url: string, payload: object, headers = admin) =>
  t.app.inject({ method: "POST", url, payload, headers });

describe("units", () => {
  it("lists the tree with levels and parents", async () => {
    const res = await get("/api/units?asOf=2023-09-30&level=3");
    expect(res.statusCode).toBe(200);
    expect(res.json().map((u: { code: string; parentCode: string }) => [u.code, u.parentCode])).toEqual([
      ["C11", "D1"],
      ["C12", "D1"],
      ["C21", "D2"],
    ]);
  });

  it("keeps the old tree after a dated move", async () => {
    expect((await post("/api/units/C12/move", { parentCode: "D2", date: "2025-07-01" })).statusCode).toBe(
      204,
    );
    const before = await get("/api/units?asOf=2023-09-30&parent=D1");
    const after = await get("/api/units?asOf=2025-07-01&parent=D1");
    expect(before.json().map((u: { code: string }) => u.code)).toEqual(["C11", "C12"]);
    expect(after.json().map((u: { code: string }) => u.code)).toEqual(["C11"]);
  });

  it("closes a district into a successor and keeps it in earlier trees", async () => {
    await post("/api/units/C11/move", { parentCode: "P", date: "2025-07-01" });
    await post("/api/units/C12/move", { parentCode: "P", date: "2025-07-02" });
    const moveC21 = await post("/api/units/C21/move", { parentCode: "P", date: "2025-07-01" });
    expect(moveC21.statusCode).toBe(204);
    const closeD2 = await post("/api/units/D2/close", {
      date: "2025-07-03",
      kind: "merge",
      successorCodes: ["P"],
      decision: "Nghị quyết 202/2025/QH15",
    });
    expect(closeD2.statusCode).toBe(204);
    const levels2023 = await get("/api/units?asOf=2023-01-01&level=2");
    const levels2026 = await get("/api/units?asOf=2026-01-01&level=2");
    expect(levels2023.json().map((u: { code: string }) => u.code)).toEqual(["D1", "D2", "S1"]);
    expect(levels2026.json().map((u: { code: string }) => u.code)).toEqual(["C11", "C12", "C21", "D1", "S1"]);
    const history = (await get("/api/units/D2")).json();
    expect(history.unit.validTo).toBe("2025-07-03");
    expect(history.successions[0]).toMatchObject({ successorCode: "P", kind: "merge" });
  });

  it("refuses to close a unit that still has children", async () => {
    const res = await post("/api/units/P/close", {
      date: "2025-08-01",
      kind: "merge",
      successorCodes: ["D1"],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe("params.code");
  });

  it("rejects a bad date with the field path in both languages", async () => {
    const res = await post("/api/units", {
      code: "X",
      nameVi: "Xã X",
      kind: "territorial",
      type: "xã",
      parentCode: "D1",
      validFrom: "2023-02-30",
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe("VALIDATION_FAILED");
    expect(body.error.details[0]).toMatchObject({
      path: "body.validFrom",
      message_en: "A date must be YYYY-MM-DD",
    });
    expect((await get("/api/units/X")).statusCode).toBe(404);
  });

  it("lets only admins create units, and only inside their scope", async () => {
    const viewer = await signIn(t, "viewer1", [{ role: "viewer", unitCode: "P" }]);
    const districtAdmin = await signIn(t, "admin-d1", [{ role: "admin", unitCode: "D1" }]);
    const unit = { code: "Y", nameVi: "Xã Y", kind: "territorial", type: "xã", validFrom: "2024-01-01" };
    expect((await post("/api/units", { ...unit, parentCode: "D1" }, viewer)).statusCode).toBe(403);
    const outside = await post("/api/units", { ...unit, parentCode: "S1" }, districtAdmin);
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe("OUT_OF_SCOPE");
    const inside = await post("/api/units", { ...unit, parentCode: "D1" }, districtAdmin);
    expect(inside.json()).toEqual({ code: "Y" });
    expect(inside.statusCode).toBe(201);
  });

  it("answers 401 without a session", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/units" });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ code: "UNAUTHENTICATED", message: "Bạn cần đăng nhập" });
  });
});
