import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { seedTinyTree, signIn, type TestApp, testApp } from "../../test/harness.ts";
import { TEST_NOW } from "../../test/test-clock.ts";
import { startClockAt } from "../config/clock.ts";
import { queryRows } from "../db/rows.ts";

let t: TestApp;
let admin: { cookie: string };

beforeAll(async () => {
  t = await testApp();
  await seedTinyTree(t.database);
  admin = await signIn(t, "admin", [{ role: "admin", unitCode: "P" }]);
});
afterAll(() => t.close());
afterEach(() => startClockAt(TEST_NOW));

const upload = (body: string, query = "", headers = admin) =>
  t.app.inject({
    method: "POST",
    url: `/api/users/import${query}`,
    payload: body,
    headers: { ...headers, "content-type": "text/csv" },
  });
const count = async (what: "users" | "audit_log" | "password_links") =>
  (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from ${sql.raw(what)}`))[0]?.n;
const written = async () => [await count("users"), await count("audit_log"), await count("password_links")];
const setPassword = (path: string, password: string) =>
  t.app.inject({
    method: "POST",
    url: "/api/auth/password-link",
    payload: { token: path.split("#")[1], password },
  });
const login = (username: string, password: string) =>
  t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });

const header = "username,full_name,email,role,unit_code";
const good = [header, "Lan.C11,Nguyễn Thị Lan,lan@c11.gov.vn,reporter,C11", "minh.d1,Trần Minh,,approver,D1"];

describe("POST /api/users/import", () => {
  it("previews each row, naming the field of every rejected row, and writes nothing", async () => {
    const before = await written();
    const file = [
      ...good,
      "lan.c11,Người Khác,,viewer,C12",
      "hoa,Lê Hoa,not-an-address,reporter,C11",
      "binh,Phạm Bình,,boss,C11",
      "an.do,Đỗ An,,reporter,ZZ",
      "admin,Quản trị,,admin,P",
    ].join("\n");
    const dry = await upload(file, "?dryRun=true");
    expect(dry.statusCode).toBe(200);
    const body = dry.json();
    expect(body).toMatchObject({
      status: "ERROR",
      dryRun: true,
      counts: { create: 2, unchanged: 0, rejected: 5 },
      links: [],
    });
    expect(
      body.rows.map((r: { row: number; username: string; action: string; issues: { path: string }[] }) => [
        r.row,
        r.username,
        r.action,
        r.issues.map((i) => i.path),
      ]),
    ).toEqual([
      [2, "lan.c11", "create", []],
      [3, "minh.d1", "create", []],
      [4, "lan.c11", "rejected", ["rows.4.username"]],
      [5, "hoa", "rejected", ["rows.5.email"]],
      [6, "binh", "rejected", ["rows.6.role"]],
      [7, "an.do", "rejected", ["rows.7.unitCode"]],
      [8, "admin", "rejected", ["rows.8.displayName"]],
    ]);
    expect(body.rows[6].issues[0].message_en).toBe(
      "User admin is stored with another value (admin); an import does not change stored users",
    );
    const res = await upload(file);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("IMPORT_REJECTED");
    expect(await written()).toEqual(before);
  });

  it("creates users without a password, each with a one-time link; the same file again changes nothing", async () => {
    const [users, audits, links] = await written();
    const res = await upload(good.join("\n"));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.counts).toEqual({ create: 2, unchanged: 0, rejected: 0 });
    expect(body.links.map((l: { username: string }) => l.username)).toEqual(["lan.c11", "minh.d1"]);
    expect(body.links[0].path).toMatch(/^\/set-password#cspw_[A-Za-z0-9_-]{43}$/);
    // Seven days from now (the test clock runs on from TEST_NOW).
    const lifetime = new Date(body.links[0].expiresAt).getTime() - TEST_NOW.getTime();
    expect(lifetime).toBeGreaterThanOrEqual(7 * 86_400_000);
    expect(lifetime).toBeLessThan(7 * 86_400_000 + 60_000);
    // One audit row for each user, one for each link; the token itself is stored only hashed.
    expect(await written()).toEqual([(users ?? 0) + 2, (audits ?? 0) + 4, (links ?? 0) + 2]);
    const stored = await queryRows<{ hash: string }>(
      t.database.db,
      sql`select token_hash as hash from password_links`,
    );
    expect(stored.map((s) => s.hash)).not.toContain(body.links[0].path.split("#")[1]);
    const [lan] = await queryRows<{ email: string; grants: string }>(
      t.database.db,
      sql`select u.email, string_agg(g.role || '@' || un.code, ',') as grants from users u
          join user_grants g on g.user_id = u.id join units un on un.id = g.unit_id
          where u.username = 'lan.c11' group by u.email`,
    );
    expect(lan).toEqual({ email: "lan@c11.gov.vn", grants: "reporter@C11" });
    expect((await login("lan.c11", "")).statusCode).toBe(400);

    const again = await upload(good.join("\n"));
    expect(again.json()).toMatchObject({ counts: { create: 0, unchanged: 2, rejected: 0 }, links: [] });
    expect(await written()).toEqual([(users ?? 0) + 2, (audits ?? 0) + 4, (links ?? 0) + 2]);
  });

  it("lets a district admin import users into its district only", async () => {
    const districtAdmin = await signIn(t, "admin-d1", [{ role: "admin", unitCode: "D1" }]);
    const before = await written();
    const file = [header, "thu.c12,Võ Thu,,reporter,C12", "nam.c21,Lý Nam,,reporter,C21"].join("\n");
    const res = await upload(file, "", districtAdmin);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toEqual([
      {
        path: "rows.3.unitCode",
        message: "Đơn vị C21 ngoài phạm vi quản trị của bạn",
        message_en: "Unit C21 is outside your admin scope",
      },
    ]);
    expect(await written()).toEqual(before);
    const within = await upload([header, "thu.c12,Võ Thu,,reporter,C12"].join("\n"), "", districtAdmin);
    expect(within.json().counts).toEqual({ create: 1, unchanged: 0, rejected: 0 });
    const reporter = await signIn(t, "rep-c11", [{ role: "reporter", unitCode: "C11" }]);
    expect((await upload(file, "?dryRun=true", reporter)).statusCode).toBe(403);
  });
});

describe("one-time password links", () => {
  const importOne = async (username: string) =>
    (await upload([header, `${username},Người ${username},,viewer,C12`].join("\n"))).json().links[0]
      .path as string;

  it("sets the password once; the link cannot be used again", async () => {
    const path = await importOne("once");
    const short = await setPassword(path, "short");
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details[0].path).toBe("body.password");
    const set = await setPassword(path, "mat-khau-moi-rat-dai");
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual({ username: "once" });
    expect((await login("once", "mat-khau-moi-rat-dai")).statusCode).toBe(200);
    const reused = await setPassword(path, "mat-khau-khac-nua-day");
    expect(reused.statusCode).toBe(410);
    expect(reused.json().error.code).toBe("PASSWORD_LINK_INVALID");
    expect((await login("once", "mat-khau-khac-nua-day")).statusCode).toBe(401);
    const audited = await queryRows<{ action: string }>(
      t.database.db,
      sql`select a.action from audit_log a join users u on u.id::text = a.object_id
          where u.username = 'once' and a.object_type = 'user' order by a.id`,
    );
    expect(audited.map((a) => a.action)).toEqual(["create", "password_link", "set_password", "login"]);
  });

  it("refuses an expired link, and an admin issues a fresh one that ends the earlier", async () => {
    const path = await importOne("late");
    startClockAt(new Date(TEST_NOW.getTime() + 7 * 86_400_000 + 1000));
    expect((await setPassword(path, "mat-khau-moi-rat-dai")).statusCode).toBe(410);
    startClockAt(TEST_NOW);
    const [{ id } = { id: 0 }] = await queryRows<{ id: number }>(
      t.database.db,
      sql`select id from users where username = 'late'`,
    );
    const fresh = await t.app.inject({
      method: "POST",
      url: `/api/users/${id}/password-link`,
      headers: admin,
    });
    expect(fresh.statusCode).toBe(201);
    const second = await t.app.inject({
      method: "POST",
      url: `/api/users/${id}/password-link`,
      headers: admin,
    });
    expect((await setPassword(fresh.json().path, "mat-khau-moi-rat-dai")).statusCode).toBe(410);
    expect((await setPassword(second.json().path, "mat-khau-moi-rat-dai")).statusCode).toBe(200);
    expect((await login("late", "mat-khau-moi-rat-dai")).statusCode).toBe(200);
  });

  it("lets only an admin who manages the user issue a link", async () => {
    await importOne("far");
    const [{ id } = { id: 0 }] = await queryRows<{ id: number }>(
      t.database.db,
      sql`select id from users where username = 'far'`,
    );
    const other = await signIn(t, "admin-d2", [{ role: "admin", unitCode: "D2" }]);
    const res = await t.app.inject({ method: "POST", url: `/api/users/${id}/password-link`, headers: other });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("USER_OUT_OF_SCOPE");
  });
});
