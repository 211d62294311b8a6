import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installAccessModel } from "../src/access/enforce.ts";
import { type Role, roles } from "../src/access/principal.ts";
import { type RouteRule, routesModel } from "../src/access/routes-model.ts";
import { users } from "../src/db/schema/index.ts";
import { seedReporting } from "../src/forms/test-fixtures.ts";
import { saveDraft } from "../src/submissions/service.ts";
import { lastMonth } from "../src/submissions/test-helpers.ts";
import { seedTinyTree, signIn, type TestApp, testActor, testApp } from "./harness.ts";
import { modelTable } from "./model-table.ts";
import { districtMilestone, districtPlan, type Sample, samples } from "./route-samples.ts";

/**
 * The access matrix generated from the permission model (src/access/routes-model.ts): every
 * API route × anonymous, every role on district D1, every role on district D2 and the province
 * admin. A sample naming something inside D1 is out of scope for the callers on D2.
 */
interface Caller {
  name: string;
  role: Role | null;
  unit: "P" | "D1" | "D2" | null;
  headers: Record<string, string>;
}

const denials = new Set([
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "OUT_OF_SCOPE",
  "PROVINCE_ADMIN_ONLY",
  "USER_OUT_OF_SCOPE",
]);
let t: TestApp;
let routeSamples: Record<string, () => Sample>;
const callers: Caller[] = [{ name: "anonymous", role: null, unit: null, headers: {} }];

beforeAll(async () => {
  t = await testApp();
  await seedTinyTree(t.database);
  await seedReporting(t.database.db);
  const saved = await saveDraft(t.database.db, testActor, null, {
    form: "CDS_XA",
    unit: "C11",
    period: lastMonth(),
    values: [{ metric: "RECEIVED", value: 10 }],
    narrative: {},
  });
  await signIn(t, "victim", [{ role: "viewer", unitCode: "C11" }]);
  const [found] = await t.database.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, "victim"));
  const victim = found?.id ?? 0;
  const grid: [Role, Caller["unit"]][] = [
    ["admin", "P"],
    ...roles.flatMap(
      (r) =>
        [
          [r, "D1"],
          [r, "D2"],
        ] as [Role, "D1"][],
    ),
  ];
  for (const [role, unit] of grid) {
    const name = `${role}@${unit}`;
    const session = await signIn(t, name.replace("@", ".").toLowerCase(), [
      { role, unitCode: unit as string },
    ]);
    callers.push({ name, role, unit, headers: session });
  }
  const admin = callers[1]?.headers;
  const post = async (url: string, payload: object) => {
    const res = await t.app.inject({ method: "POST", url, payload, headers: admin });
    if (res.statusCode !== 201) throw new Error(`${url}: ${res.body}`);
  };
  await post("/api/plans", districtPlan);
  await post("/api/plans/KH-D1/pillars", { code: "A", nameVi: "Trụ cột A" });
  await post("/api/plans/KH-D1/indicators", districtMilestone);
  routeSamples = samples({ report: saved.id, victim });
}, 300_000);
afterAll(() => t.close());

/** What the model says this caller gets: refused with a status and the codes allowed, or let through. */
function expected(
  rule: RouteRule,
  caller: Caller,
  sample: Sample,
): { status: number; codes?: string[] } | "through" {
  if (rule.scope === "public") return "through";
  if (caller.role === null) return { status: 401, codes: ["UNAUTHENTICATED"] };
  if (rule.roles !== "any" && caller.role !== "admin" && !rule.roles.includes(caller.role)) {
    return { status: 403, codes: ["FORBIDDEN"] };
  }
  if (rule.scope === "province" && caller.unit !== "P")
    return { status: 403, codes: ["PROVINCE_ADMIN_ONLY"] };
  if (rule.scope === "subtree" && sample.inD1 && caller.unit === "D2") return { status: 403 };
  return "through";
}

function sampleOf(key: string): Sample {
  const make = routeSamples[key];
  if (make) return make();
  return { url: (key.split(" ")[1] ?? "").replace(/\{[^}]+\}/g, "X") };
}

// Sign-out ends the caller's session: it goes last.
const keys = Object.keys(routesModel).sort(
  (a, b) => Number(a.endsWith("/logout")) - Number(b.endsWith("/logout")),
);

describe("the permission model", () => {
  it("declares every registered API route, and only those", () => {
    expect([...t.app.routesRegistered].sort()).toEqual(Object.keys(routesModel).sort());
  });

  it("holds for every route × role × in or out of scope", async () => {
    const failures: string[] = [];
    let count = 0;
    const downloads = new Set<string>();
    const started = Date.now();
    for (const key of keys) {
      const rule = routesModel[key] as RouteRule;
      for (const caller of callers) {
        const sample = sampleOf(key);
        const res = await t.app.inject({
          method: key.split(" ")[0] as "GET",
          url: sample.url,
          headers: caller.headers,
          ...(sample.payload ? { payload: sample.payload } : {}),
        });
        count++;
        const type = String(res.headers["content-type"] ?? "");
        if (res.statusCode < 300 && type && !type.startsWith("application/json")) {
          downloads.add(key);
          if (!/^(attachment|inline); filename=/.test(String(res.headers["content-disposition"]))) {
            failures.push(`${key}: a download (${type}) without Content-Disposition`);
          }
          if (res.headers["x-content-type-options"] !== "nosniff") failures.push(`${key}: no nosniff`);
        }
        const code: string | undefined = res.statusCode >= 400 ? res.json().error?.code : undefined;
        const want = expected(rule, caller, sample);
        const ok =
          want === "through"
            ? res.statusCode < 500 && !(code && denials.has(code))
            : want.status === 403 && !want.codes
              ? [403, 404].includes(res.statusCode)
              : res.statusCode === want.status && want.codes?.includes(code ?? "");
        if (!ok)
          failures.push(
            `${key} as ${caller.name}: ${res.statusCode} ${code ?? ""} (expected ${JSON.stringify(want)})`,
          );
      }
    }
    console.log(
      `access matrix: ${count} requests (${keys.length} routes × ${callers.length} callers) in ${Date.now() - started} ms`,
    );
    console.log(`downloads answered: ${[...downloads].join(", ")}`);
    expect(failures).toEqual([]);
  }, 600_000);
});

describe("a route the model does not declare", () => {
  it("stops the app from starting", () => {
    const app = Fastify();
    installAccessModel(app);
    expect(() => app.get("/api/undeclared", async () => ({}))).toThrow(
      "GET /api/undeclared is not in the permission model",
    );
  });
});

describe("docs/security.md", () => {
  it("states the model as it is declared", () => {
    const doc = readFileSync("docs/security.md", "utf8");
    const block = doc.slice(doc.indexOf("<!-- model:start -->\n") + 21, doc.indexOf("\n<!-- model:end -->"));
    expect(block).toBe(modelTable());
  });
});
