import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { inject } from "vitest";
import type { Role } from "../src/access/principal.ts";
import { type Actor, systemActor } from "../src/audit/audit.ts";
import { type Config, loadConfig } from "../src/config/config.ts";
import { type Database, openPglite, openPostgres } from "../src/db/client.ts";
import { buildApp } from "../src/http/app.ts";
import { createUnits, type NewUnit } from "../src/units/service.ts";
import { createUser } from "../src/users/service.ts";
import { adminUrl } from "./engine.ts";

export const engine = (process.env.CHISO_TEST_ENGINE ?? "pglite") as "pglite" | "postgresql";
export const testActor: Actor = systemActor("test");

/** A fresh, migrated, empty database on the engine this project runs against. */
export async function testDatabase(): Promise<Database> {
  if (engine === "postgresql") {
    const name = `chiso_t_${randomBytes(6).toString("hex")}`;
    const admin = openPostgres(adminUrl(), 1);
    await admin.db.execute(`create database ${name} template ${inject("pgTemplate")}`);
    await admin.close();
    const database = openPostgres(adminUrl(name), 4);
    return {
      ...database,
      close: async () => {
        await database.close();
        const a = openPostgres(adminUrl(), 1);
        await a.db.execute(`drop database if exists ${name} with (force)`);
        await a.close();
      },
    };
  }
  const blob = new Blob([readFileSync(inject("pgliteTemplate"))]);
  return openPglite(undefined, blob, { shortLived: true });
}

/**
 * A database another process can open too (the CLI under test): a PGlite data directory made
 * from the template, or a fresh PostgreSQL database; `env` points a child process at it.
 */
export interface TestLocation {
  env: Record<string, string>;
  open(): Promise<Database>;
  dispose(): Promise<void>;
}

export async function testLocation(): Promise<TestLocation> {
  if (engine === "postgresql") {
    const name = `chiso_t_${randomBytes(6).toString("hex")}`;
    const admin = openPostgres(adminUrl(), 1);
    await admin.db.execute(`create database ${name} template ${inject("pgTemplate")}`);
    await admin.close();
    return {
      env: { DATABASE_URL: adminUrl(name) },
      open: async () => openPostgres(adminUrl(name), 2),
      dispose: async () => {
        const a = openPostgres(adminUrl(), 1);
        await a.db.execute(`drop database if exists ${name} with (force)`);
        await a.close();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), "chiso-test-data-"));
  const first = await openPglite(dir, new Blob([readFileSync(inject("pgliteTemplate"))]));
  await first.close();
  return {
    env: { CHISO_DATA_DIR: dir },
    open: () => openPglite(dir),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
}

export async function testApp(config: Partial<Config> = {}): Promise<TestApp> {
  const database = await testDatabase();
  const app = await buildApp({ database, config: { ...loadConfig({}), sessionHours: 1, ...config } });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** The session cookie (or any other headers) a test request carries. */
export type Headers = { cookie: string };

/**
 * The one HTTP helper of the tests, over app.inject: every method takes the URL, the caller's
 * headers (a session from `signIn`; `{}` for anonymous) and, to send, a JSON body.
 */
export function http(t: TestApp) {
  const send =
    (method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE") =>
    (url: string, headers: Record<string, string | undefined> = {}, payload?: object) =>
      t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
  return {
    get: send("GET"),
    post: send("POST"),
    put: send("PUT"),
    patch: send("PATCH"),
    delete: send("DELETE"),
  };
}

/**
 * A small tree: province P with districts D1 (communes C11, C12) and D2 (commune C21),
 * and one department S1.
 */
export const tinyTree: NewUnit[] = [
  { code: "P", nameVi: "Tỉnh Thử", kind: "territorial", type: "tỉnh", validFrom: "2020-01-01" },
  {
    code: "D1",
    nameVi: "Huyện Một",
    kind: "territorial",
    type: "huyện",
    parentCode: "P",
    validFrom: "2020-01-01",
  },
  {
    code: "D2",
    nameVi: "Huyện Hai",
    kind: "territorial",
    type: "huyện",
    parentCode: "P",
    validFrom: "2020-01-01",
  },
  {
    code: "C11",
    nameVi: "Xã Một Một",
    kind: "territorial",
    type: "xã",
    parentCode: "D1",
    validFrom: "2020-01-01",
  },
  {
    code: "C12",
    nameVi: "Xã Một Hai",
    kind: "territorial",
    type: "xã",
    parentCode: "D1",
    validFrom: "2020-01-01",
  },
  {
    code: "C21",
    nameVi: "Xã Hai Một",
    kind: "territorial",
    type: "xã",
    parentCode: "D2",
    validFrom: "2020-01-01",
  },
  {
    code: "S1",
    nameVi: "Sở Một",
    kind: "agency",
    type: "sở/ngành",
    parentCode: "P",
    validFrom: "2020-01-01",
  },
];

export async function seedTinyTree(database: Database): Promise<void> {
  await createUnits(database.db, testActor, tinyTree);
}

export const testPassword = "mat-khau-thu-nghiem";

/** Creates a user with the grants and returns headers carrying its session cookie. */
export async function signIn(
  t: TestApp,
  username: string,
  grants: { role: Role; unitCode: string }[],
): Promise<{ cookie: string }> {
  await createUser(t.database.db, testActor, null, {
    username,
    displayName: username,
    password: testPassword,
    grants,
  });
  const res = await t.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password: testPassword },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === "chiso_session");
  if (!cookie) throw new Error("no session cookie");
  return { cookie: `chiso_session=${cookie.value}` };
}

/** The SQLSTATE a failed statement ended with (drizzle wraps the driver's error), or undefined. */
export async function sqlState(write: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await write();
  } catch (error) {
    const e = error as { code?: string; cause?: { code?: string } };
    return e.cause?.code ?? e.code;
  }
  return undefined;
}
