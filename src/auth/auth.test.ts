import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedTinyTree, signIn, type TestApp, testApp, testPassword } from "../../test/harness.ts";
import { advanceClock } from "../config/clock.ts";
import { queryRows } from "../db/rows.ts";
import { SESSION_TRUST_MS } from "./session-cache.ts";

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  await seedTinyTree(t.database);
});
afterAll(() => t.close());

const login = (username: string, password: string, ip = "10.0.0.1") =>
  t.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password },
    remoteAddress: ip,
  });

describe("password login", () => {
  it("sets an HttpOnly, SameSite session cookie and answers the user with grants", async () => {
    await signIn(t, "reporter1", [{ role: "reporter", unitCode: "C11" }]);
    const res = await login("reporter1", testPassword);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === "chiso_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/" });
    expect(res.json().user.grants).toEqual([
      { role: "reporter", unitId: expect.any(Number), unitCode: "C11" },
    ]);
    const me = await t.app.inject({
      method: "GET",
      url: "/api/auth/me",
      cookies: { chiso_session: cookie?.value ?? "" },
    });
    expect(me.json().username).toBe("reporter1");
  });

  it("refuses a wrong password with 401 in both languages", async () => {
    const res = await login("reporter1", "sai-mat-khau-roi");
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({
      code: "INVALID_CREDENTIALS",
      message: "Tên đăng nhập hoặc mật khẩu không đúng",
      message_en: "Wrong username or password",
    });
  });

  it("stops guessing after five failures for a username, even with the right password", async () => {
    await signIn(t, "target", [{ role: "viewer", unitCode: "P" }]);
    for (let i = 0; i < 5; i++)
      expect((await login("target", `guess-${i}-wrong`, "10.0.0.9")).statusCode).toBe(401);
    const blocked = await login("target", testPassword, "10.0.0.9");
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe("TOO_MANY_ATTEMPTS");
  });

  it("checks at most five passwords of sixty tried in parallel for one username", async () => {
    await signIn(t, "parallel", [{ role: "viewer", unitCode: "P" }]);
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => login("parallel", `guess-${i}-wrong`, "10.0.0.60")),
    );
    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c === 401 || c === 429)).toHaveLength(60);
    expect((await login("parallel", testPassword, "10.0.0.61")).statusCode).toBe(
      codes.filter((c) => c === 401).length < 5 ? 200 : 429,
    );
  });

  it("rejects a malformed body with the field path", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "x" } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual(["body.password"]);
  });

  it("answers 400, not 500, to broken JSON", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/json" },
      payload: '{"username": "a",',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("MALFORMED_JSON");
  });

  it("logs out: the cookie no longer works", async () => {
    const { cookie } = await signIn(t, "leaver", [{ role: "viewer", unitCode: "P" }]);
    expect(
      (await t.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie } })).statusCode,
    ).toBe(204);
    expect((await t.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } })).statusCode).toBe(
      401,
    );
  });
});

describe("personal API tokens", () => {
  it("authenticates as Bearer, is stored hashed, and stops working once revoked", async () => {
    const { cookie } = await signIn(t, "robot", [{ role: "viewer", unitCode: "P" }]);
    const created = await t.app.inject({
      method: "POST",
      url: "/api/auth/tokens",
      headers: { cookie },
      payload: { name: "Báo cáo tự động" },
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    const bearer = { authorization: `Bearer ${token}` };
    expect(
      (await t.app.inject({ method: "GET", url: "/api/auth/me", headers: bearer })).json().username,
    ).toBe("robot");
    const minted = await t.app.inject({
      method: "POST",
      url: "/api/auth/tokens",
      headers: bearer,
      payload: { name: "Mã vĩnh viễn" },
    });
    expect(minted.statusCode).toBe(403);
    expect(minted.json().error.code).toBe("TOKEN_CANNOT_MINT");
    const stored = await t.database.db.execute("select token_hash from api_tokens");
    expect(JSON.stringify(stored)).not.toContain(token);
    await t.app.inject({ method: "DELETE", url: `/api/auth/tokens/${id}`, headers: { cookie } });
    expect((await t.app.inject({ method: "GET", url: "/api/auth/me", headers: bearer })).statusCode).toBe(
      401,
    );
  });
});

describe("sessions seen by several servers", () => {
  const me = (cookie: string) => t.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } });

  it("ends a session removed by another server within a second, without a query per request", async () => {
    const { cookie } = await signIn(t, "ioc.wall", [{ role: "viewer", unitCode: "P" }]);
    expect((await me(cookie)).statusCode).toBe(200);
    // Another server's logout: the row goes, and this process wrote nothing.
    await t.database.db.execute(
      sql`delete from sessions where user_id = (select id from users where username = 'ioc.wall')`,
    );
    expect((await me(cookie)).statusCode).toBe(200);
    advanceClock(SESSION_TRUST_MS + 100);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it("ends a session at once when this server deactivates its user", async () => {
    const admin = await signIn(t, "admin.sessions", [{ role: "admin", unitCode: "P" }]);
    const { cookie } = await signIn(t, "c12.baocao", [{ role: "reporter", unitCode: "C12" }]);
    expect((await me(cookie)).statusCode).toBe(200);
    const [user] = await queryRows<{ id: number }>(
      t.database.db,
      sql`select id from users where username = 'c12.baocao'`,
    );
    const patch = await t.app.inject({
      method: "PATCH",
      url: `/api/users/${user?.id}`,
      payload: { active: false },
      headers: admin,
    });
    expect(patch.statusCode).toBe(204);
    expect((await me(cookie)).statusCode).toBe(401);
  });
});
