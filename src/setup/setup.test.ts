import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedTinyTree, type TestApp, testActor, testApp, testDatabase } from "../../test/harness.ts";
import { queryRows } from "../db/rows.ts";
import { createUser } from "../users/service.ts";
import { initialise } from "./service.ts";

const setup = (province: object, admin: object) => ({
  province: { code: "82", nameVi: "Tỉnh Đồng Tháp", ...province },
  admin: { username: "qt.tinh", displayName: "Quản trị tỉnh", password: "mat-khau-dai-du", ...admin },
});

async function counts(t: TestApp) {
  const [row] = await queryRows<{ users: number; units: number; grants: number }>(
    t.database.db,
    sql`select (select count(*)::int from users) as users, (select count(*)::int from units) as units,
               (select count(*)::int from user_grants) as grants`,
  );
  return row;
}

describe("the first run through the API", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t.close());

  it("refuses invalid input by the API's own rules and writes nothing", async () => {
    expect((await t.app.inject({ method: "GET", url: "/api/setup" })).json()).toEqual({ needed: true });
    const res = await t.app.inject({
      method: "POST",
      url: "/api/setup",
      payload: setup({ code: " " }, { username: "Quản Trị", password: "ngan" }),
    });
    expect(res.statusCode).toBe(400);
    const details = res.json().error.details;
    expect(details.map((d: { path: string }) => d.path)).toEqual([
      "body.province.code",
      "body.admin.username",
      "body.admin.password",
    ]);
    expect(details[2]).toMatchObject({
      message: "Mật khẩu phải có ít nhất 10 ký tự",
      message_en: "The password needs at least 10 characters",
    });
    const future = await t.app.inject({
      method: "POST",
      url: "/api/setup",
      payload: setup({ validFrom: "2026-11-21" }, {}),
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details).toEqual([
      {
        path: "body.province.validFrom",
        message: "Ngày hiệu lực không được sau hôm nay (2026-11-20)",
        message_en: "The start date cannot be after today (2026-11-20)",
      },
    ]);
    expect(await counts(t)).toEqual({ users: 0, units: 0, grants: 0 });
  });

  it("creates the province as the root and its admin, audited, then the admin signs in", async () => {
    // Typed on a keyboard that sends decomposed accents: stored in NFC.
    const res = await t.app.inject({
      method: "POST",
      url: "/api/setup",
      payload: setup({ nameVi: "Tỉnh Đồng Tháp".normalize("NFD"), nameEn: "Dong Thap Province" }, {}),
    });
    expect(res.statusCode).toBe(201);
    // Without --valid-from: 1 January of the server's year, so this year's reports fit the tree.
    expect(res.json()).toEqual({
      province: { code: "82", nameVi: "Tỉnh Đồng Tháp", validFrom: "2026-01-01" },
      admin: { id: expect.any(Number), username: "qt.tinh" },
    });
    expect((await t.app.inject({ method: "GET", url: "/api/setup" })).json()).toEqual({ needed: false });

    const login = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "qt.tinh", password: "mat-khau-dai-du" },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().user.grants).toEqual([{ role: "admin", unitId: expect.any(Number), unitCode: "82" }]);
    const cookie = `chiso_session=${login.cookies.find((c) => c.name === "chiso_session")?.value}`;
    const units = await t.app.inject({ method: "GET", url: "/api/units", headers: { cookie } });
    expect(units.json()).toEqual([
      {
        code: "82",
        nameVi: "Tỉnh Đồng Tháp",
        nameEn: "Dong Thap Province",
        kind: "territorial",
        type: "tỉnh",
        groupCode: null,
        level: 1,
        parentCode: null,
        validFrom: "2026-01-01",
        validTo: null,
      },
    ]);
    const audit = await queryRows<{
      action: string;
      objectType: string;
      actorName: string;
      actorUserId: null;
    }>(
      t.database.db,
      sql`select action, object_type as "objectType", actor_name as "actorName", actor_user_id as "actorUserId"
          from audit_log where action = 'create' order by id`,
    );
    expect(audit).toEqual([
      { action: "create", objectType: "unit", actorName: "setup", actorUserId: null },
      { action: "create", objectType: "user", actorName: "setup", actorUserId: null },
    ]);
  });

  it("answers 409 ALREADY_INITIALISED in both languages once initialised, and writes nothing", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/setup",
      payload: setup({ code: "87" }, { username: "ke.khac" }),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({
      error: {
        code: "ALREADY_INITIALISED",
        message:
          "Hệ thống đã được khởi tạo (đã có người dùng hoặc đơn vị); hãy đăng nhập, hoặc dùng chiso user add",
        message_en: "chiso is already set up (it has users or units); sign in, or use chiso user add",
        details: [],
      },
    });
    expect(await counts(t)).toEqual({ users: 1, units: 1, grants: 1 });
  });
});

describe("two first runs at once", () => {
  it("let exactly one through; the other answers 409 and nothing of it is kept", async () => {
    const t = await testApp();
    try {
      // Different codes and usernames: no unique constraint stands between them, only the lock.
      const [a, b] = await Promise.all([
        t.app.inject({
          method: "POST",
          url: "/api/setup",
          payload: setup({ code: "82" }, { username: "qt.a" }),
        }),
        t.app.inject({
          method: "POST",
          url: "/api/setup",
          payload: setup({ code: "87" }, { username: "qt.b" }),
        }),
      ]);
      expect([a?.statusCode, b?.statusCode].sort()).toEqual([201, 409]);
      const loser = a?.statusCode === 409 ? a : b;
      expect(loser?.json().error.code).toBe("ALREADY_INITIALISED");
      expect(await counts(t)).toEqual({ users: 1, units: 1, grants: 1 });
    } finally {
      await t.close();
    }
  });
});

describe("a database that is not empty", () => {
  it("is refused when it has units", async () => {
    const t = await testApp();
    try {
      await seedTinyTree(t.database);
      expect((await t.app.inject({ method: "GET", url: "/api/setup" })).json()).toEqual({ needed: false });
      const res = await t.app.inject({ method: "POST", url: "/api/setup", payload: setup({}, {}) });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe("ALREADY_INITIALISED");
      expect(await counts(t)).toMatchObject({ users: 0, units: 7 });
    } finally {
      await t.close();
    }
  });

  it("is refused when it has a user, by the service the CLI calls", async () => {
    const database = await testDatabase();
    try {
      await createUser(database.db, testActor, null, {
        username: "mot.nguoi",
        displayName: "Một người",
        password: "mat-khau-dai-du",
        grants: [],
      });
      await expect(initialise(database.db, testActor, setup({}, {}))).rejects.toMatchObject({
        code: "ALREADY_INITIALISED",
      });
    } finally {
      await database.close();
    }
  });
});
