import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engine, type TestApp, testApp, testDatabase } from "../../test/harness.ts";
import { loadConfig } from "../config/config.ts";
import type { Database } from "../db/client.ts";
import { currentSchema } from "../db/journal.ts";
import { buildApp } from "../http/app.ts";

let plain: TestApp;
let database: Database;
let app: Awaited<ReturnType<typeof buildApp>>;
const token = "bi-mat-cua-prometheus";

beforeAll(async () => {
  plain = await testApp();
  database = await testDatabase();
  app = await buildApp({ database, config: { ...loadConfig({}), metricsToken: token } });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.close();
  await plain.close();
});

const scrape = (authorization?: string) =>
  app.inject({ method: "GET", url: "/metrics", headers: authorization ? { authorization } : {} });

describe(`/metrics (${engine})`, () => {
  it("answers 404 when no CHISO_METRICS_TOKEN is configured, not the web page", async () => {
    const res = await plain.app.inject({ method: "GET", url: "/metrics" });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("ROUTE_NOT_FOUND");
  });

  it("answers 401 without the token or with another one", async () => {
    expect((await scrape()).statusCode).toBe(401);
    expect((await scrape("Bearer sai")).statusCode).toBe(401);
    expect((await scrape(`Bearer ${token}x`)).json().error.code).toBe("UNAUTHENTICATED");
  });

  it("gives latency per route pattern, errors by status and code, jobs and process memory", async () => {
    await app.inject({ method: "GET", url: "/api/health" });
    await app.inject({ method: "GET", url: "/api/units/87" });
    await app.inject({ method: "GET", url: "/api/units/29884" });
    const res = await scrape(`Bearer ${token}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.body;
    expect(text).toContain(
      'chiso_http_request_duration_seconds_count{method="GET",route="/api/health",status="200"} 1',
    );
    // Two URLs, one route pattern: the series never name a unit code.
    expect(text).toContain(
      'chiso_http_request_duration_seconds_count{method="GET",route="/api/units/:code",status="401"} 2',
    );
    expect(text).not.toContain("29884");
    expect(text).toContain(
      'chiso_http_errors_total{route="/api/units/:code",status="401",code="UNAUTHENTICATED"} 2',
    );
    expect(text).toContain('chiso_jobs{status="queued"} 0');
    expect(text).toContain('chiso_jobs{status="failed"} 0');
    expect(text).toContain("chiso_backup_last_success_timestamp_seconds 0\n");
    expect(text).toMatch(/^chiso_process_resident_memory_bytes \d+/m);
    expect(text).toMatch(/^chiso_nodejs_heap_size_used_bytes \d+/m);
  });

  it("gives the time the last scheduled backup finished, for an alert when it is a day old", async () => {
    await database.rows(
      `insert into scheduled_backups (day, server, claimed_at, retry_after, finished_at, file) values
         ('2026-11-19', 'a', '2026-11-18T18:00:00Z', '2026-11-19T00:00:00Z', '2026-11-18T18:01:40Z', 'x.tar'),
         ('2026-11-20', 'a', '2026-11-19T18:00:00Z', '2026-11-20T00:00:00Z', null, null)`,
    );
    const text = (await scrape(`Bearer ${token}`)).body;
    expect(text).toContain(
      `chiso_backup_last_success_timestamp_seconds ${Date.parse("2026-11-18T18:01:40Z") / 1000}\n`,
    );
  });
});

describe(`/api/health/live and /api/health/ready (${engine})`, () => {
  it("liveness answers ok; readiness says the database answers and the migrations are current", async () => {
    const live = await plain.app.inject({ method: "GET", url: "/api/health/live" });
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ status: "ok" });
    const ready = await plain.app.inject({ method: "GET", url: "/api/health/ready" });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: "ready", database: true, pendingMigrations: [] });
  });

  it("readiness answers 503 naming the migrations a database lacks; /api/health keeps answering", async () => {
    await database.rows(
      "delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)",
    );
    const ready = await app.inject({ method: "GET", url: "/api/health/ready" });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({
      status: "not_ready",
      database: true,
      pendingMigrations: [currentSchema()],
    });
    const health = await app.inject({ method: "GET", url: "/api/health" });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: "ok", units: 0 });
  });
});
