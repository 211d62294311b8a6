/**
 * Two chiso processes on one PostgreSQL database behave as one: a session made on one server
 * works on the other, approvals on both at once all count exactly once, both answer the same
 * analytics, and the login rate limit is shared. PostgreSQL only (PGlite is single-process).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { seedTinyReporting } from "../../src/plans/test-fixtures.ts";
import { type BulkReport, bulkLoadReports } from "../../src/scale/bulk.ts";
import { type ServerProcess, startServer } from "../../src/scale/server-process.ts";
import { createUser } from "../../src/users/service.ts";
import { seedTinyTree, type TestLocation, testActor, testLocation, testPassword } from "../harness.ts";

const months = ["202301", "202302", "202303", "202304", "202305", "202306"];
const communes = ["C11", "C12", "C21"];
const reports: BulkReport[] = communes.flatMap((unit, u) =>
  months.map((period, m) => ({
    unit,
    period,
    values: [
      { metric: "DONE", value: u * 10 + m },
      { metric: "TOTAL", value: 100 + u * 10 + m },
    ],
  })),
);

let location: TestLocation;
let database: Database;
let a: ServerProcess;
let b: ServerProcess;

async function call(server: ServerProcess, path: string, init: { cookie?: string; body?: object } = {}) {
  const res = await fetch(`${server.url}${path}`, {
    method: init.body ? "POST" : "GET",
    headers: {
      ...(init.body ? { "content-type": "application/json" } : {}),
      ...(init.cookie ? { cookie: init.cookie } : {}),
    },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, res };
}

async function login(server: ServerProcess, username: string, password = testPassword) {
  return call(server, "/api/auth/login", { body: { username, password } });
}

function sessionOf(res: Response): string {
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("chiso_session="));
  return cookie?.split(";")[0] ?? "";
}

beforeAll(async () => {
  location = await testLocation();
  database = await location.open();
  await seedTinyTree(database);
  await seedTinyReporting(database.db);
  for (const username of ["admin", "victim"]) {
    const grants = [{ role: "admin" as const, unitCode: "P" }];
    await createUser(database.db, testActor, null, {
      username,
      displayName: username,
      password: testPassword,
      grants,
    });
  }
  await bulkLoadReports(database, testActor, "TINY_MONTHLY", reports, { status: "submitted" });
  [a, b] = await Promise.all([startServer(location.env), startServer(location.env)]);
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await database?.close();
  await location?.dispose();
});

describe("two servers on one database", () => {
  let cookie = "";

  it("a session made on server A is valid on server B", async () => {
    const signed = await login(a, "admin");
    expect(signed.status).toBe(200);
    cookie = sessionOf(signed.res);
    const me = await call(b, "/api/auth/me", { cookie });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ username: "admin" });
  });

  it("approvals sent to both servers at once each count once; a double approval is refused", async () => {
    const list = await call(a, "/api/submissions?form=TINY_MONTHLY&status=submitted", { cookie });
    const items = list.body as unknown as { id: number; version: number }[];
    expect(items).toHaveLength(18);
    const [first, ...rest] = items;
    if (!first) throw new Error("no report");
    // The same report approved on both servers at the same moment: exactly one wins.
    const race = await Promise.all(
      [a, b].map((s) =>
        call(s, `/api/submissions/${first.id}/approve`, { cookie, body: { version: first.version } }),
      ),
    );
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
    const approvals = await Promise.all(
      rest.map((r, i) =>
        call(i % 2 ? a : b, `/api/submissions/${r.id}/approve`, { cookie, body: { version: r.version } }),
      ),
    );
    expect(approvals.map((r) => r.status)).toEqual(rest.map(() => 200));
  });

  it("both servers give the same, correct analytics", async () => {
    const path = "/api/analytics?dimension=dx:DONE;TOTAL&dimension=pe:2023S1&dimension=ou:P";
    const [fromA, fromB] = await Promise.all([call(a, path, { cookie }), call(b, path, { cookie })]);
    // Both metrics are stocks (`last`): each commune's June figure, summed.
    const june = reports.filter((r) => r.period === "202306");
    const sum = (metric: string) =>
      june.reduce((n, r) => n + Number(r.values.find((v) => v.metric === metric)?.value), 0);
    const expected = [
      ["DONE", "2023S1", "P", String(sum("DONE"))],
      ["TOTAL", "2023S1", "P", String(sum("TOTAL"))],
    ];
    expect(fromA.body.rows).toEqual(expected);
    expect(fromB.body.rows).toEqual(expected);
  });

  it("the login rate limit counts failures on both servers together", async () => {
    const failures = await Promise.all([a, b, a, b, a].map((s) => login(s, "victim", "wrong-password-x")));
    expect(failures.map((f) => f.status)).toEqual([401, 401, 401, 401, 401]);
    const blocked = await login(b, "victim");
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ error: { code: "TOO_MANY_ATTEMPTS" } });
  });
});
