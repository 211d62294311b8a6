import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedTinyTree, signIn, type TestApp, type TestLocation, testLocation } from "../../test/harness.ts";
import { loadConfig } from "../config/config.ts";
import { seedReporting } from "../forms/test-fixtures.ts";
import { lastMonth } from "../submissions/test-helpers.ts";
import { buildApp } from "./app.ts";

// Two servers on one PostgreSQL database, each with its own pool: one user's limit is one limit.
let location: TestLocation;
let servers: TestApp[];
const completeness = `/api/completeness?form=CDS_XA&period=${lastMonth()}&unit=D1`;

async function server(): Promise<TestApp> {
  const database = await location.open();
  const rateLimits = { perUser: 5, perIp: 1_000, windowSeconds: 60 };
  const app = await buildApp({ database, config: { ...loadConfig({}), rateLimits } });
  await app.ready();
  const close = async () => {
    await app.close();
    await database.close();
  };
  return { app, database, close };
}

beforeAll(async () => {
  location = await testLocation();
  servers = [await server(), await server()];
  const [one] = servers as [TestApp];
  await seedTinyTree(one.database);
  await seedReporting(one.database.db);
});

afterAll(async () => {
  for (const s of servers) await s.close();
  await location.dispose();
});

const get = (on: number, headers: { cookie: string }, remoteAddress: string) =>
  servers[on]?.app.inject({ method: "GET", url: completeness, headers, remoteAddress });

describe("request limits across servers (PostgreSQL)", () => {
  it("counts a user's requests on both servers against one limit", async () => {
    const alice = await signIn(servers[0] as TestApp, "alice", [{ role: "viewer", unitCode: "D1" }]);
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await get(i % 2, alice, "10.0.0.1"))?.statusCode ?? 0);
    expect(codes).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it("lets through exactly the limit when 30 requests race on the two servers", async () => {
    const bob = await signIn(servers[0] as TestApp, "bob", [{ role: "viewer", unitCode: "D1" }]);
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => get(i % 2, bob, "10.0.0.2")));
    const passed = answers.filter((a) => a?.statusCode === 200).length;
    const limited = answers.filter((a) => a?.statusCode === 429).length;
    expect({ passed, limited }).toEqual({ passed: 5, limited: 25 });
  });
});
