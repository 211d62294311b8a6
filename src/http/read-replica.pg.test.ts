import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, type TestApp } from "../../test/harness.ts";
import { type ReplicaPair, startReplicaPair } from "../../test/replica-cluster.ts";
import { LAST_MONTH } from "../../test/test-clock.ts";
import { loadConfig } from "../config/config.ts";
import { type Database, openPostgres } from "../db/client.ts";
import { approvedReport, rateIndicator, seedTinyPlan } from "../plans/test-fixtures.ts";
import { buildApp } from "./app.ts";
import { WRITE_POSITION_COOKIE } from "./read-replica.ts";

// Reads off the primary, for real: a primary and its streaming hot standby made by the test
// (test/replica-cluster.ts), chiso's server on both, analytics asked of the standby.
let pair: ReplicaPair;
let primary: Database;
let replica: Database;
let t: TestApp;
let reporter: { cookie: string };
let approver: { cookie: string };
let viewer: { cookie: string };

beforeAll(async () => {
  pair = await startReplicaPair();
  primary = openPostgres(pair.primaryUrl, 4);
  replica = openPostgres(pair.replicaUrl, 4);
  await primary.migrate();
  const app = await buildApp({
    database: primary,
    readDatabase: replica,
    config: { ...loadConfig({}), sessionHours: 1 },
  });
  await app.ready();
  t = { app, database: primary, close: () => app.close() };
  // The tiny tree, its monthly form (DONE, TOTAL for C11, C12, C21) and the plan KH-T.
  const { admin } = await seedTinyPlan(t);
  const indicator = await app.inject({
    method: "POST",
    url: "/api/plans/KH-T/indicators",
    payload: rateIndicator,
    headers: admin,
  });
  expect(indicator.statusCode, indicator.body).toBe(201);
  reporter = await signIn(t, "reporter_d1", [{ role: "reporter", unitCode: "D1" }]);
  approver = await signIn(t, "approver_d1", [{ role: "approver", unitCode: "D1" }]);
  viewer = await signIn(t, "viewer_p", [{ role: "viewer", unitCode: "P" }]);
}, 120_000);

afterAll(async () => {
  await t?.close();
  await replica?.close();
  await primary?.close();
  pair?.stop();
});

/** The session plus the write position the last answer set, as a browser would send them back. */
function withPosition(who: { cookie: string }, res: { cookies: { name: string; value: string }[] }) {
  const wal = res.cookies.find((c) => c.name === WRITE_POSITION_COOKIE);
  expect(wal?.value).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
  return { cookie: `${who.cookie}; ${WRITE_POSITION_COOKIE}=${wal?.value}` };
}

/** A report of `unit` for the month saved, submitted and approved through the API; the approver's headers after. */
async function approvedThroughApi(unit: string, done: number) {
  const put = await t.app.inject({
    method: "PUT",
    url: "/api/submissions",
    headers: reporter,
    payload: {
      form: "TINY_MONTHLY",
      unit,
      period: LAST_MONTH,
      values: [
        { metric: "DONE", value: done },
        { metric: "TOTAL", value: 100 },
      ],
    },
  });
  expect(put.statusCode, put.body).toBe(201);
  const sent = await t.app.inject({
    method: "POST",
    url: `/api/submissions/${put.json().id}/submit`,
    headers: reporter,
    payload: { version: put.json().version },
  });
  expect(sent.statusCode, sent.body).toBe(200);
  const approved = await t.app.inject({
    method: "POST",
    url: `/api/submissions/${put.json().id}/approve`,
    headers: approver,
    payload: { version: sent.json().version },
  });
  expect(approved.statusCode, approved.body).toBe(200);
  return withPosition(approver, approved);
}

async function doneOfD1(headers: { cookie: string }): Promise<number | null> {
  const res = await t.app.inject({
    method: "GET",
    url: `/api/analytics?dimension=dx:DONE&dimension=pe:${LAST_MONTH}&dimension=ou:D1`,
    headers,
  });
  expect(res.statusCode, res.body).toBe(200);
  const row = res.json().rows[0];
  return row ? Number(row[3]) : null;
}

/** Pauses or resumes the standby's replay; a pause is only requested by the call: wait until it holds. */
async function replay(on: boolean) {
  await replica.rows(on ? "select pg_wal_replay_resume()" : "select pg_wal_replay_pause()");
  if (on) return;
  const state = "select pg_get_wal_replay_pause_state() as state";
  while ((await replica.rows(state))[0]?.state !== "paused") await new Promise((r) => setTimeout(r, 2));
}

describe("reads off the primary (a real streaming standby)", { timeout: 120_000 }, () => {
  it("the standby is in recovery and streams from the primary through its slot", async () => {
    expect(await replica.rows("select pg_is_in_recovery() as standby")).toEqual([{ standby: true }]);
    const slots = await primary.rows("select slot_name, active from pg_replication_slots");
    expect(slots).toEqual([{ slot_name: "chiso_replica", active: true }]);
  });

  it("analytics is read from the standby, and the approver sees their own approval at once", async () => {
    await replay(false);
    try {
      const own = await approvedThroughApi("C11", 30);
      // The standby stands still: whoever has not written reads its older answer, so it is the standby answering …
      expect(await doneOfD1(viewer)).toBeNull();
      // … while the approver, whose write the standby has not replayed, is answered by the primary.
      expect(await doneOfD1(own)).toBe(30);
    } finally {
      await replay(true);
    }
    const started = Date.now();
    while ((await doneOfD1(viewer)) !== 30) {
      expect(Date.now() - started).toBeLessThan(10_000);
      await new Promise((r) => setTimeout(r, 5));
    }
  });

  it("converges within a bounded lag: an approval reaches a leader reading the standby in well under a second", async () => {
    const own = await approvedThroughApi("C12", 7);
    const started = performance.now();
    while ((await doneOfD1(viewer)) !== 37) {
      expect(performance.now() - started).toBeLessThan(5_000);
    }
    const lag = performance.now() - started;
    expect(lag).toBeLessThan(1_000);
    expect(await doneOfD1(own)).toBe(37);
    process.stdout.write(`standby lag, approval to a leader's answer: ${lag.toFixed(1)} ms\n`);
  });

  it("the IOC and the data export read the standby too; the IOC's summary and the plan report answer from it", async () => {
    const months = async () =>
      (await t.app.inject({ method: "GET", url: "/api/ioc/periods", headers: viewer })).json().periods;
    const exported = async () => {
      const res = await t.app.inject({
        method: "GET",
        url: "/api/dataValueSets?dataSet=TINY_MONTHLY&period=202609&orgUnit=C11",
        headers: viewer,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().dataValues.length;
    };
    expect(await months()).toEqual([LAST_MONTH]);
    // September 2023, in the plan's year, for its report; replayed before the standby is paused.
    await approvedReport(primary.db, "C11", "202309", { DONE: 10, TOTAL: 12 });
    const count = "select count(*)::int as n from submissions where period_start = '2023-09-01'";
    while (Number((await replica.rows(count))[0]?.n) !== 1) await new Promise((r) => setTimeout(r, 5));
    await replay(false);
    try {
      await approvedReport(primary.db, "C11", "202609", { DONE: 4, TOTAL: 10 });
      expect(await months()).toEqual([LAST_MONTH, "202309"]);
      expect(await exported()).toBe(0);
      for (const url of ["/api/ioc/summary?plan=KH-T", "/api/plans/KH-T/report?period=202309&format=md"]) {
        const res = await t.app.inject({ method: "GET", url, headers: viewer });
        expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      }
    } finally {
      await replay(true);
    }
    const started = Date.now();
    while ((await exported()) !== 2) expect(Date.now() - started).toBeLessThan(10_000);
    expect(await months()).toEqual([LAST_MONTH, "202609", "202309"]);
  });
});
