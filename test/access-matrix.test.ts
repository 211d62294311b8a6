import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../src/access/principal.ts";
import { routesModel } from "../src/access/routes-model.ts";
import { seedReporting } from "../src/forms/test-fixtures.ts";
import { saveDraft } from "../src/submissions/service.ts";
import { lastMonth } from "../src/submissions/test-helpers.ts";
import { seedTinyTree, signIn, type TestApp, testActor, testApp } from "./harness.ts";

/**
 * Every route against every kind of caller: anonymous callers are refused everywhere but the
 * public routes, and each role reaches only what its role and its unit subtree allow.
 */
let t: TestApp;
let c11Report: number;
const period = lastMonth();
const people: Record<string, { cookie: string }> = {};
const grants: Record<string, [Role, string][]> = {
  admin: [["admin", "P"]],
  adminD2: [["admin", "D2"]],
  reporterC11: [["reporter", "C11"]],
  reporterC21: [["reporter", "C21"]],
  approverD1: [["approver", "D1"]],
  approverD2: [["approver", "D2"]],
  viewerD1: [["viewer", "D1"]],
  viewerD2: [["viewer", "D2"]],
  appraiser: [["appraiser", "P"]],
};

beforeAll(async () => {
  t = await testApp();
  await seedTinyTree(t.database);
  await seedReporting(t.database.db);
  for (const [name, list] of Object.entries(grants)) {
    people[name] = await signIn(
      t,
      name.toLowerCase(),
      list.map(([role, unitCode]) => ({ role, unitCode })),
    );
  }
  const saved = await saveDraft(t.database.db, testActor, null, {
    form: "CDS_XA",
    unit: "C11",
    period,
    values: [
      { metric: "RECEIVED", value: 10 },
      { metric: "ANSWERED", value: 9 },
    ],
    narrative: {},
  });
  c11Report = saved.id;
});
afterAll(() => t.close());

// The public routes are those the permission model declares public (src/access/routes-model.ts).
const publicRoutes = new Set(
  Object.entries(routesModel)
    .filter(([, rule]) => rule.scope === "public")
    .map(([key]) => key),
);

describe("anonymous callers", () => {
  it("are refused with 401 on every documented route but the public ones", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    const checked: string[] = [];
    for (const [path, methods] of Object.entries<Record<string, unknown>>(doc.paths)) {
      for (const method of Object.keys(methods)) {
        const route = `${method.toUpperCase()} ${path}`;
        if (publicRoutes.has(route)) continue;
        const url = path.replace(/\{[^}]+\}/g, "1");
        const res = await t.app.inject({ method: method.toUpperCase() as "GET", url, payload: {} });
        expect({ route, status: res.statusCode }).toEqual({ route, status: 401 });
        checked.push(route);
      }
    }
    expect(checked.length).toBeGreaterThan(25);
  });
});

type Case = [
  who: string,
  method: "GET" | "POST" | "PUT" | "PATCH",
  url: () => string,
  body: object | undefined,
  status: number,
];

const report = () => `/api/submissions/${c11Report}`;
const newUnit = (parentCode: string) => ({
  code: `N${parentCode}`,
  nameVi: "Xã Mới",
  kind: "territorial",
  type: "xã",
  parentCode,
  validFrom: "2024-01-01",
});
const draftBody = (unit: string) => ({
  form: "CDS_XA",
  unit,
  period,
  values: [
    { metric: "RECEIVED", value: 3 },
    { metric: "ANSWERED", value: 1 },
  ],
  narrative: {},
});
const analytics = (ou: string) => () =>
  `/api/analytics?dimension=dx:RECEIVED&dimension=pe:${period}&dimension=ou:${ou}`;
const completeness = (unit: string) => () => `/api/completeness?form=CDS_XA&period=${period}&unit=${unit}`;
const export_ = (unit: string) => () => `/api/dataValueSets?dataSet=CDS_XA&period=${period}&orgUnit=${unit}`;

const cases: Case[] = [
  // units: read for all, write for admins in scope
  ["viewerD2", "GET", () => "/api/units", undefined, 200],
  ["viewerD1", "POST", () => "/api/units", newUnit("D1"), 403],
  ["adminD2", "POST", () => "/api/units", newUnit("D1"), 403],
  ["adminD2", "POST", () => "/api/units", newUnit("D2"), 201],
  ["approverD1", "POST", () => "/api/units/C12/move", { parentCode: "D2", date: "2030-01-01" }, 403],
  // users and audit: admins only
  ["approverD1", "GET", () => "/api/users", undefined, 403],
  ["reporterC11", "GET", () => "/api/audit", undefined, 403],
  ["admin", "GET", () => "/api/audit", undefined, 200],
  // metrics and forms: read for all, write for admins
  ["reporterC11", "GET", () => "/api/forms/CDS_XA", undefined, 200],
  [
    "reporterC11",
    "POST",
    () => "/api/metrics",
    { code: "X1", nameVi: "X", valueType: "integer", aggregation: "sum" },
    403,
  ],
  ["viewerD1", "PUT", () => "/api/forms/CDS_XA/units", { unitCodes: ["C11"] }, 403],
  // a report of C11 (in D1)
  ["reporterC11", "GET", report, undefined, 200],
  ["approverD1", "GET", report, undefined, 200],
  ["viewerD1", "GET", report, undefined, 200],
  ["reporterC21", "GET", report, undefined, 403],
  ["approverD2", "GET", report, undefined, 403],
  ["viewerD2", "GET", report, undefined, 403],
  ["reporterC21", "PUT", () => "/api/submissions", draftBody("C11"), 403],
  ["viewerD1", "PUT", () => "/api/submissions", draftBody("C11"), 403],
  ["approverD2", "POST", () => `${report()}/submit`, { version: 1 }, 403],
  ["viewerD1", "POST", () => `${report()}/submit`, { version: 1 }, 403],
  ["reporterC11", "POST", () => `${report()}/submit`, { version: 1 }, 200],
  ["reporterC11", "POST", () => `${report()}/approve`, { version: 2 }, 403],
  ["approverD2", "POST", () => `${report()}/approve`, { version: 2 }, 403],
  ["approverD2", "POST", () => `${report()}/return`, { version: 2, reason: "Sai" }, 403],
  ["approverD1", "POST", () => `${report()}/approve`, { version: 2 }, 200],
  ["reporterC11", "POST", () => `${report()}/reopen`, { version: 3, reason: "Sửa", days: 3 }, 403],
  // analytics, completeness and exchange follow the same subtrees
  ["viewerD1", "GET", analytics("C11"), undefined, 200],
  ["viewerD2", "GET", analytics("C11"), undefined, 403],
  ["viewerD1", "GET", analytics("P"), undefined, 403],
  ["approverD1", "GET", completeness("D1"), undefined, 200],
  ["approverD1", "GET", completeness("D2"), undefined, 403],
  ["viewerD1", "GET", export_("C11"), undefined, 200],
  ["viewerD2", "GET", export_("C11"), undefined, 403],
  ["appraiser", "PUT", () => "/api/submissions", draftBody("C21"), 403],
];

describe("roles and unit scopes", () => {
  it.each(cases.map((c, i) => [i, ...c] as const))(
    "#%i %s %s %s",
    async (_i, who, method, url, body, status) => {
      const res = await t.app.inject({
        method,
        url: url(),
        headers: people[who],
        ...(body ? { payload: body } : {}),
      });
      expect(res.statusCode, res.body).toBe(status);
      if (status === 403) expect(["FORBIDDEN", "OUT_OF_SCOPE"]).toContain(res.json().error.code);
    },
  );

  it("imports through dataValueSets only into units of the caller's scope", async () => {
    const payload = {
      dataSet: "CDS_XA",
      dataValues: [
        { dataElement: "RECEIVED", period, orgUnit: "C21", value: "4" },
        { dataElement: "ANSWERED", period, orgUnit: "C21", value: "2" },
      ],
    };
    const outside = await t.app.inject({
      method: "POST",
      url: "/api/dataValueSets",
      headers: people.reporterC11,
      payload,
    });
    expect(outside.statusCode).toBe(409);
    expect(outside.json().importCount.imported).toBe(0);
    const inside = await t.app.inject({
      method: "POST",
      url: "/api/dataValueSets",
      headers: people.reporterC21,
      payload,
    });
    expect(inside.json()).toMatchObject({ status: "SUCCESS", importCount: { imported: 2 } });
  });
});
