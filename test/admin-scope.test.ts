import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../src/access/principal.ts";
import { seedReporting } from "../src/forms/test-fixtures.ts";
import { createJob } from "../src/jobs/store.ts";
import { TEMPLATE_KEYS } from "../src/reports/templates/index.ts";
import { type Headers, seedTinyTree, signIn, type TestApp, testActor, testApp } from "./harness.ts";

/**
 * An admin's power is bounded by its units (docs/security.md): an admin of district D2 changes
 * nothing the whole province shares, and reads and changes only the users it manages (those all
 * of whose grants lie in D2), their jobs and their lines of the audit trail.
 */
let t: TestApp;

const people = {
  province: [{ role: "admin", unitCode: "P" }],
  district: [{ role: "admin", unitCode: "D2" }],
  reporterC21: [{ role: "reporter", unitCode: "C21" }],
  reporterC11: [{ role: "reporter", unitCode: "C11" }],
  both: [
    { role: "reporter", unitCode: "C21" },
    { role: "viewer", unitCode: "D1" },
  ],
} as const;
type Name = keyof typeof people;
const who = {} as Record<Name, Headers>;
const ids = {} as Record<Name, number>;
const principals = {} as Record<Name, Principal>;

beforeAll(async () => {
  t = await testApp();
  await seedTinyTree(t.database);
  await seedReporting(t.database.db);
  for (const [name, grants] of Object.entries(people) as [Name, (typeof people)[Name]][]) {
    who[name] = await signIn(t, name.toLowerCase(), [...grants]);
    const me = (await t.app.inject({ method: "GET", url: "/api/auth/me", headers: who[name] })).json();
    ids[name] = me.userId;
    principals[name] = me;
  }
});
afterAll(() => t.close());

const call = (method: string, url: string, headers: Headers, payload?: unknown) =>
  t.app.inject({
    method: method as "GET",
    url,
    headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

const template = TEMPLATE_KEYS[0];
const square = {
  type: "Polygon",
  coordinates: [
    [
      [105, 10],
      [106, 10],
      [106, 11],
      [105, 10],
    ],
  ],
};

/** Every route that changes what the whole province shares, with a body it would accept. */
const provinceWide: [method: string, url: string, body?: unknown][] = [
  ["POST", "/api/metrics", { code: "NEW_X", nameVi: "Mới", valueType: "integer", aggregation: "sum" }],
  ["PATCH", "/api/metrics/RECEIVED", { nameVi: "Số hồ sơ đã nhận (đổi)" }],
  [
    "POST",
    "/api/forms",
    {
      code: "FORM_D2",
      nameVi: "Biểu mẫu của huyện",
      periodType: "month",
      dueRule: { kind: "days_after_end", days: 5 },
      metrics: [{ code: "RECEIVED" }],
      unitCodes: ["C21"],
    },
  ],
  ["PUT", "/api/forms/CDS_XA/units", { unitCodes: ["C21"] }],
  [
    "POST",
    "/api/forms/CDS_XA/rules",
    { code: "R_NEW", expression: "RECEIVED >= 0", severity: "error", messageVi: "Sai", messageEn: "Wrong" },
  ],
  ["DELETE", "/api/forms/CDS_XA/rules/ANSWERED_LE_RECEIVED"],
  ["GET", "/api/report-templates"],
  ["PUT", `/api/report-templates/${template}/vi`, { body: "Mẫu của huyện" }],
  ["DELETE", `/api/report-templates/${template}/vi`],
  ["POST", "/api/index-frameworks", { code: "KHUNG_D2" }],
  [
    "PUT",
    "/api/map/boundaries/1",
    {
      type: "FeatureCollection",
      features: [{ type: "Feature", properties: { code: "D2" }, geometry: square }],
    },
  ],
  ["DELETE", "/api/map/boundaries/1"],
];

describe("province-wide configuration", () => {
  it.each(provinceWide)(
    "%s %s: refused to a district's admin, nothing written",
    async (method, url, body) => {
      const before = await call("GET", "/api/forms/CDS_XA", who.province);
      const res = await call(method, url, who.district, body);
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.code).toBe("PROVINCE_ADMIN_ONLY");
      expect((await call("GET", "/api/forms/CDS_XA", who.province)).body).toBe(before.body);
    },
  );

  it("is changed by the province's admin", async () => {
    const [method, url, body] = provinceWide[0] ?? [];
    const res = await call(method ?? "", url ?? "", who.province, body);
    expect(res.statusCode, res.body).toBe(201);
  });
});

describe("users", () => {
  it("a district's admin lists only the users all of whose grants lie in its district", async () => {
    const list = (await call("GET", "/api/users", who.district)).json() as { username: string }[];
    expect(list.map((u) => u.username).sort()).toEqual(["district", "reporterc21"]);
    const all = (await call("GET", "/api/users", who.province)).json() as { username: string }[];
    expect(all.length).toBe(Object.keys(people).length);
  });

  it("cannot deactivate, or change the grants of, a user it does not manage", async () => {
    for (const target of ["province", "reporterC11", "both"] as const) {
      const off = await call("PATCH", `/api/users/${ids[target]}`, who.district, { active: false });
      expect(off.statusCode, target).toBe(403);
      expect(off.json().error.code).toBe("USER_OUT_OF_SCOPE");
      const grant = await call("PATCH", `/api/users/${ids[target]}`, who.district, {
        grants: [{ role: "reporter", unitCode: "C21" }],
      });
      expect(grant.statusCode, target).toBe(403);
    }
    // The province's admin is still signed in and active.
    expect((await call("GET", "/api/auth/me", who.province)).statusCode).toBe(200);
  });

  it("deactivates a user of its own district", async () => {
    const off = await call("PATCH", `/api/users/${ids.reporterC21}`, who.district, { active: false });
    expect(off.statusCode, off.body).toBe(204);
    const on = await call("PATCH", `/api/users/${ids.reporterC21}`, who.province, { active: true });
    expect(on.statusCode).toBe(204);
  });
});

describe("audit trail and jobs", () => {
  it("a district's admin reads only the audit lines of the users it manages", async () => {
    const rows = (await call("GET", "/api/audit?limit=1000", who.district)).json().entries as {
      actorUserId: number | null;
    }[];
    expect(rows.length).toBeGreaterThan(0);
    const allowed = new Set([ids.district, ids.reporterC21]);
    expect(rows.filter((r) => !allowed.has(r.actorUserId ?? -1))).toEqual([]);
    const all = (await call("GET", "/api/audit?limit=1000", who.province)).json().entries as unknown[];
    expect(all.length).toBeGreaterThan(rows.length);
  });

  it("a district's admin sees the jobs and files of its own users only", async () => {
    const job = async (name: Name) =>
      (await createJob(t.database.db, testActor, principals[name], "report", {}, "test")).id;
    const inside = await job("reporterC21");
    const outside = await job("reporterC11");
    expect((await call("GET", `/api/jobs/${inside}`, who.district)).statusCode).toBe(200);
    expect((await call("GET", `/api/jobs/${outside}`, who.district)).statusCode).toBe(404);
    expect((await call("GET", `/api/jobs/${outside}/file`, who.district)).statusCode).toBe(404);
    const listed = (await call("GET", "/api/jobs", who.district)).json() as { id: number }[];
    expect(listed.map((j) => j.id)).toEqual([inside]);
    expect((await call("GET", `/api/jobs/${outside}`, who.province)).statusCode).toBe(200);
  });
});
