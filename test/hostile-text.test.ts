import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/rows.ts";
import { seedReporting } from "../src/forms/test-fixtures.ts";
import { MAX_JSON_DEPTH } from "../src/http/text-guard.ts";
import { TEMPLATE_KEYS } from "../src/reports/templates/index.ts";
import { lastMonth } from "../src/submissions/test-helpers.ts";
import { seedTinyTree, signIn, type TestApp, testApp } from "./harness.ts";

/**
 * Hostile text found by issue 14's fuzzer (its seed corpus, kept as regression cases): each is
 * refused with a 400 that names the field, in both languages, and nothing is written.
 */
let t: TestApp;
let admin: { cookie: string };
let reporter: { cookie: string };
const period = lastMonth();
const NUL = "a\u0000b";
const SURROGATE = "a\ud800b";

beforeAll(async () => {
  t = await testApp();
  await seedTinyTree(t.database);
  await seedReporting(t.database.db);
  admin = await signIn(t, "admin", [{ role: "admin", unitCode: "P" }]);
  reporter = await signIn(t, "reporter", [{ role: "reporter", unitCode: "C11" }]);
});
afterAll(() => t.close());

const report = (narrative: Record<string, string>) => ({
  form: "CDS_XA",
  unit: "C11",
  period,
  values: [{ metric: "RECEIVED", value: 3 }],
  narrative,
});
/** JSON text nested `depth` objects deep, written out (JSON.stringify of it would overflow the stack). */
const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
const deepReport = JSON.stringify({ ...report({}), extra: "DEEP" }).replace('"DEEP"', nested(5000));

const cases: [
  name: string,
  method: "GET" | "POST" | "PUT",
  url: string,
  body: unknown,
  who: string,
  path: string,
][] = [
  [
    "login, NUL in the username",
    "POST",
    "/api/auth/login",
    { username: NUL, password: "x" },
    "",
    "body.username",
  ],
  [
    "report narrative, NUL",
    "PUT",
    "/api/submissions",
    report({ results: NUL }),
    "reporter",
    "body.narrative.results",
  ],
  [
    "report narrative, lone surrogate",
    "PUT",
    "/api/submissions",
    report({ results: SURROGATE }),
    "reporter",
    "body.narrative.results",
  ],
  [
    "data value comment, NUL",
    "POST",
    "/api/dataValueSets",
    {
      dataSet: "CDS_XA",
      dataValues: [{ dataElement: "RECEIVED", period, orgUnit: "C11", value: "4", comment: NUL }],
    },
    "reporter",
    "body.dataValues.0.comment",
  ],
  [
    "report template, lone surrogate",
    "PUT",
    `/api/report-templates/${TEMPLATE_KEYS[0]}/vi`,
    { body: SURROGATE },
    "admin",
    "body.body",
  ],
  ["a key with NUL", "PUT", "/api/submissions", report({ [NUL]: "x" }), "reporter", `body.narrative.${NUL}`],
  [
    "a query with NUL",
    "GET",
    `/api/audit?action=${encodeURIComponent(NUL)}`,
    undefined,
    "admin",
    "querystring.action",
  ],
  ["a date in the year 99999", "GET", "/api/audit?from=99999-01-01", undefined, "admin", "querystring.from"],
  [
    "JSON nested 5,000 deep",
    "PUT",
    "/api/submissions",
    deepReport,
    "reporter",
    `body.extra${".a".repeat(MAX_JSON_DEPTH - 1)}`,
  ],
  [
    "a token that expired already",
    "POST",
    "/api/auth/tokens",
    { name: "x", expiresAt: "2001-01-01" },
    "admin",
    "body.expiresAt",
  ],
];

describe("hostile text and shapes", () => {
  it.each(cases)("%s: 400 naming the field, nothing written", async (_name, method, url, body, who, path) => {
    const headers = who === "admin" ? admin : who === "reporter" ? reporter : {};
    const [before] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_log`,
    );
    const res = await t.app.inject({
      method,
      url,
      headers,
      ...(body === undefined
        ? {}
        : {
            payload: typeof body === "string" ? body : JSON.stringify(body),
            headers: { ...headers, "content-type": "application/json" },
          }),
    });
    expect(res.statusCode, res.body).toBe(400);
    const error = res.json().error;
    expect(error.details?.[0]?.path).toBe(path);
    expect(error.details[0].message).toBeTruthy();
    expect(error.details[0].message_en).toBeTruthy();
    const [after] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_log`,
    );
    expect(after?.n).toBe(before?.n);
  });
});
