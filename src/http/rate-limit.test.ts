import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedTinyTree, signIn, type TestApp, testApp } from "../../test/harness.ts";
import { TEST_NOW } from "../../test/test-clock.ts";
import { nowMs, startClockAt } from "../config/clock.ts";
import { seedReporting } from "../forms/test-fixtures.ts";
import { lastMonth } from "../submissions/test-helpers.ts";

let t: TestApp;
let alice: { cookie: string };
let bob: { cookie: string };
const completeness = `/api/completeness?form=CDS_XA&period=${lastMonth()}&unit=D1`;

beforeAll(async () => {
  t = await testApp({ rateLimits: { perUser: 3, perIp: 4, windowSeconds: 60 } });
  await seedTinyTree(t.database);
  await seedReporting(t.database.db);
  alice = await signIn(t, "alice", [{ role: "viewer", unitCode: "D1" }]);
  bob = await signIn(t, "bob", [{ role: "viewer", unitCode: "D1" }]);
});
afterAll(() => {
  startClockAt(TEST_NOW);
  return t.close();
});

const get = (url: string, headers: { cookie: string }, remoteAddress = "127.0.0.1") =>
  t.app.inject({ method: "GET", url, headers, remoteAddress });

describe("request limits on expensive routes", () => {
  it("lets a user make its share, then answers 429 with Retry-After until a token is back", async () => {
    for (let i = 0; i < 3; i++) expect((await get(completeness, alice)).statusCode).toBe(200);
    const refused = await get(completeness, alice);
    expect(refused.statusCode).toBe(429);
    // 3 requests a minute: one comes back every 20 seconds (less the time the requests took).
    const wait = Number(refused.headers["retry-after"]);
    expect(wait).toBeGreaterThan(10);
    expect(wait).toBeLessThanOrEqual(20);
    expect(refused.json().error).toMatchObject({
      code: "RATE_LIMITED",
      message: expect.stringContaining(`${wait} giây`),
      message_en: expect.stringContaining(`${wait} seconds`),
    });
    // Another user from another address is not held back by alice's count.
    expect((await get(completeness, bob, "10.0.0.2")).statusCode).toBe(200);
    // From alice's address (4 requests taken) bob is refused: the per-address limit.
    expect((await get(completeness, bob)).statusCode).toBe(429);
    // Cheap routes are not limited.
    expect((await get("/api/units", alice)).statusCode).toBe(200);
  });

  it("gives a token back as the server's clock moves on", async () => {
    startClockAt(new Date(nowMs() + 20_000));
    expect((await get(completeness, alice, "10.0.0.3")).statusCode).toBe(200);
    expect((await get(completeness, alice, "10.0.0.3")).statusCode).toBe(429);
  });
});
