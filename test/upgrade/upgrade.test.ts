import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../../src/access/principal.ts";
import { verifyRollups } from "../../src/analytics/rollup-verify.ts";
import { analytics } from "../../src/analytics/service.ts";
import { rowCounts } from "../../src/backup/tables.ts";
import { loadConfig } from "../../src/config/config.ts";
import { type Database, openPglite, openPostgres } from "../../src/db/client.ts";
import { currentSchema, migrationJournal, schemaState } from "../../src/db/journal.ts";
import { buildApp } from "../../src/http/app.ts";
import { runChiso } from "../cli.ts";
import { adminUrl } from "../engine.ts";
import { engine } from "../harness.ts";
import { LAST_MONTH } from "../test-clock.ts";

/*
 * Upgrading a database written by an older chiso. test/upgrade/schema-0010.sql is a database that
 * chiso at commit 1f39f8e (migrations 0000–0010) wrote through its own services: the tiny tree, three
 * users, ten metrics, one monthly form with a rule, twelve reports (approved, submitted, returned,
 * draft) and their roll-ups, dumped by pg_dump (test/upgrade/make-fixture.sh re-creates it). It is
 * loaded into an empty database, `chiso migrate` brings it to this chiso's schema, and its data,
 * roll-ups, analytics answers and write path are checked.
 */
const FIXTURE_SCHEMA = "0010_submissions_approved_idx";
const fixture = readFileSync(new URL("./schema-0010.sql", import.meta.url), "utf8");

/** An empty, unmigrated database the CLI can open too, loaded with the fixture. */
async function loadedFixture(): Promise<{
  env: Record<string, string>;
  open(): Promise<Database>;
  dispose(): Promise<void>;
}> {
  if (engine === "postgresql") {
    const name = `chiso_up_${randomBytes(6).toString("hex")}`;
    const admin = openPostgres(adminUrl(), 1);
    await admin.rows(`create database ${name}`);
    await admin.close();
    // One connection of its own: the dump's SET lines stay with it.
    const loader = openPostgres(adminUrl(name), 1);
    await loader.rows(fixture);
    await loader.close();
    return {
      env: { DATABASE_URL: adminUrl(name) },
      open: async () => openPostgres(adminUrl(name), 2),
      dispose: async () => {
        const a = openPostgres(adminUrl(), 1);
        await a.rows(`drop database if exists ${name} with (force)`);
        await a.close();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), "chiso-upgrade-"));
  const loader = await openPglite(dir, undefined, { shortLived: true });
  await (loader.db.$client as PGlite).exec(fixture);
  await loader.close();
  return {
    env: { CHISO_DATA_DIR: dir },
    open: () => openPglite(dir, undefined, { shortLived: true }),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

const viewer: Principal = {
  userId: 0,
  username: "viewer",
  displayName: "viewer",
  locale: "vi",
  grants: [{ role: "viewer", unitId: 1, unitCode: "P" }],
};

let location: Awaited<ReturnType<typeof loadedFixture>>;
let before: Record<string, number>;
let database: Database;

beforeAll(async () => {
  location = await loadedFixture();
  const old = await location.open();
  before = await rowCounts(old.rows);
  const [p] = await old.rows("select id from units where code = 'P'");
  viewer.grants[0] = { role: "viewer", unitId: Number(p?.id), unitCode: "P" };
  await old.close();
}, 300_000);

afterAll(async () => {
  await database?.close();
  await location.dispose();
});

describe(`upgrade from schema ${FIXTURE_SCHEMA} (${engine})`, { timeout: 300_000 }, () => {
  it("the fixture is the older schema, with its data and built roll-ups", async () => {
    expect(before).toMatchObject({ units: 7, users: 3, metrics: 10, forms: 1, submissions: 12 });
    expect(before.data_values).toBe(31);
    expect(before.rollups).toBeGreaterThan(0);
    expect(before.data_version).toBeUndefined(); // created by 0012
  });

  it("chiso migrate --dry-run lists every migration after the fixture's, and changes nothing", async () => {
    const tags = migrationJournal().map((e) => e.tag);
    const pending = tags.slice(tags.indexOf(FIXTURE_SCHEMA) + 1);
    expect(pending[0]).toBe("0011_data_values_report_check");
    const out = runChiso(location.env, ["migrate", "--dry-run"]);
    expect(out.stderr).toBe("");
    expect(out.status).toBe(0);
    expect(out.stdout).toBe(
      `Migration sẽ áp dụng / Migrations to apply (${engine}): ${pending.length}\n${pending.map((t) => `  ${t}\n`).join("")}`,
    );
    const old = await location.open();
    try {
      expect(await schemaState(old.rows)).toEqual({ applied: FIXTURE_SCHEMA, newer: false, pending });
    } finally {
      await old.close();
    }
  });

  it("chiso migrate brings it to this chiso's schema; every row is kept", async () => {
    const out = runChiso(location.env, ["migrate"]);
    expect(out.stderr).toBe("");
    expect(out.status).toBe(0);
    database = await location.open();
    expect(await schemaState(database.rows)).toEqual({ applied: currentSchema(), newer: false, pending: [] });
    const after = await rowCounts(database.rows);
    // Roll-ups are recomputed exactly by 0016 and the rebuild that follows; every other table keeps its rows.
    const { rollups: _r, ...kept } = before;
    const { rollups: _a, data_version: _v, ...now } = after;
    expect(Object.fromEntries(Object.entries(now).filter(([t]) => t in kept))).toEqual(kept);
  });

  it("roll-ups are rebuilt at migrate and agree with a rebuild from the values", async () => {
    const [state] = await database.rows("select built from rollup_state");
    expect(state?.built).toBe(true);
    const [n] = await database.rows("select count(*)::int as n from rollups");
    expect(Number(n?.n)).toBeGreaterThan(0);
    const verified = await verifyRollups(database.db);
    expect(verified).toMatchObject({ built: true, differences: [], total: 0 });
  });

  it("the form's metrics and rule carry the versions added since (valid from the start)", async () => {
    const fm = await database.rows("select distinct valid_from, groups from form_metrics");
    expect(fm).toEqual([{ valid_from: "", groups: null }]);
    const rules = await database.rows("select code, valid_from from validation_rules");
    expect(rules).toEqual([{ code: "DONE_LE_TOTAL", valid_from: "" }]);
  });

  it("analytics answers the older data as it did: sums, last values, weighted averages, formulas", async () => {
    const answer = await analytics(database.db, viewer, {
      dimension: ["dx:SERVICES;SUBSCRIBERS;SCORE;RATE;FLAG", "pe:202309;2023Q3", "ou:P;D1;D2"],
    });
    const got = Object.fromEntries(
      answer.rows.map(([dx, pe, ou, value]) => [`${dx} ${pe} ${ou}`, Number(value)]),
    );
    expect(got).toEqual({
      // Approved reports only: C11 30, C12 5, C21 7, S1 100 in 09/2023; C11 10 and 20 before.
      "SERVICES 202309 P": 142,
      "SERVICES 202309 D1": 35,
      "SERVICES 202309 D2": 7,
      "SERVICES 2023Q3 P": 172,
      "SERVICES 2023Q3 D1": 65,
      "SERVICES 2023Q3 D2": 7,
      // A stock: each unit's last value in the period, summed.
      "SUBSCRIBERS 202309 P": 70,
      "SUBSCRIBERS 202309 D1": 70,
      "SUBSCRIBERS 2023Q3 P": 180,
      "SUBSCRIBERS 2023Q3 D1": 180,
      // Weighted by POP: (80·1000 + 50·3000) / 4000, and with C21's 90·1000.
      "SCORE 202309 P": 64,
      "SCORE 202309 D1": 57.5,
      "SCORE 202309 D2": 90,
      "SCORE 2023Q3 P": 64,
      "SCORE 2023Q3 D1": 57.5,
      "SCORE 2023Q3 D2": 90,
      // DONE / TOTAL · 100 = 11 / 41 · 100, to four decimals; D2's 0 / 0 has no answer.
      "RATE 202309 P": 26.8293,
      "RATE 202309 D1": 26.8293,
      "RATE 2023Q3 P": 26.8293,
      "RATE 2023Q3 D1": 26.8293,
      "FLAG 202309 P": 2,
      "FLAG 202309 D1": 1,
      "FLAG 202309 D2": 1,
      "FLAG 2023Q3 P": 2,
      "FLAG 2023Q3 D1": 1,
      "FLAG 2023Q3 D2": 1,
    });
  });

  it("the older users sign in with their passwords; a new report is saved, approved and counted at once", async () => {
    const app = await buildApp({ database, config: { ...loadConfig({}), sessionHours: 1 } });
    await app.ready();
    try {
      const login = async (username: string) => {
        const res = await app.inject({
          method: "POST",
          url: "/api/auth/login",
          payload: { username, password: "mat-khau-thu-nghiem" },
        });
        expect(res.statusCode, res.body).toBe(200);
        const cookie = res.cookies.find((c) => c.name === "chiso_session");
        return { cookie: `chiso_session=${cookie?.value}` };
      };
      const reporter = await login("rep_c11");
      const admin = await login("admin");
      const leader = await login("viewer");
      const values = [{ metric: "SERVICES", value: 8 }];
      const saved = await app.inject({
        method: "PUT",
        url: "/api/submissions",
        headers: reporter,
        payload: { form: "F_MONTHLY", unit: "C11", period: LAST_MONTH, values },
      });
      expect(saved.statusCode, saved.body).toBe(201);
      const id = saved.json().id;
      const submitted = await app.inject({
        method: "POST",
        url: `/api/submissions/${id}/submit`,
        headers: reporter,
        payload: { version: saved.json().version },
      });
      expect(submitted.statusCode, submitted.body).toBe(200);
      const approved = await app.inject({
        method: "POST",
        url: `/api/submissions/${id}/approve`,
        headers: admin,
        payload: { version: submitted.json().version },
      });
      expect(approved.statusCode, approved.body).toBe(200);
      const asked = await app.inject({
        method: "GET",
        url: `/api/analytics?dimension=dx:SERVICES&dimension=pe:${LAST_MONTH}&dimension=ou:P`,
        headers: leader,
      });
      expect(asked.statusCode, asked.body).toBe(200);
      expect(asked.json().rows).toEqual([["SERVICES", LAST_MONTH, "P", "8"]]);
    } finally {
      await app.close();
    }
  });
});
