import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installAccessModel } from "../src/access/enforce.ts";
import type { Principal } from "../src/access/principal.ts";
import { type Role, roles } from "../src/access/principal.ts";
import { type RouteRule, routesModel } from "../src/access/routes-model.ts";
import { seedAppraisers } from "../src/assessments/test-fixtures.ts";
import { units, users } from "../src/db/schema/index.ts";
import { SAMPLE_FRAMEWORK } from "../src/domain/index-scoring/index.ts";
import { seedReporting } from "../src/forms/test-fixtures.ts";
import { createJob, finishJob } from "../src/jobs/store.ts";
import { saveDraft } from "../src/submissions/service.ts";
import { lastMonth } from "../src/submissions/test-helpers.ts";
import { seedTinyTree, signIn, type TestApp, testActor, testApp } from "./harness.ts";
import { modelTable } from "./model-table.ts";
import {
  districtAssessment,
  districtCriterion,
  districtMilestone,
  districtPlan,
  type Sample,
  samples,
} from "./route-samples.ts";

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
  // Out-of-scope callers first and the province admin last: each refusal is tried on things as
  // they were made, before an in-scope caller changes or deletes them.
  const grid: [Role, Caller["unit"]][] = [
    ...roles.map((r) => [r, "D2"] as [Role, "D2"]),
    ...roles.map((r) => [r, "D1"] as [Role, "D1"]),
    ["admin", "P"],
  ];
  for (const [role, unit] of grid) {
    const name = `${role}@${unit}`;
    const session = await signIn(t, name.replace("@", ".").toLowerCase(), [
      { role, unitCode: unit as string },
    ]);
    callers.push({ name, role, unit, headers: session });
  }
  const admin = callers.find((c) => c.unit === "P")?.headers;
  const post = async (url: string, payload: object) => {
    const res = await t.app.inject({ method: "POST", url, payload, headers: admin });
    if (res.statusCode !== 201 && res.statusCode !== 200) throw new Error(`${url}: ${res.body}`);
    return res.json();
  };
  await post("/api/plans", districtPlan);
  await post("/api/plans/KH-D1/pillars", { code: "A", nameVi: "Trụ cột A" });
  await post("/api/plans/KH-D1/indicators", districtMilestone);
  const file = { name: "bien-ban.pdf", type: "application/pdf", content: btoa("%PDF-1.4\n%%EOF\n") };
  const progress = await post("/api/plans/KH-D1/indicators/M-01/progress", {
    period: lastMonth(),
    value: 0,
    evidence: { number: "1/BB", file },
  });
  await seedAppraisers(t);
  await post("/api/index-frameworks", SAMPLE_FRAMEWORK);
  await post("/api/assessments", { ...districtAssessment, framework: SAMPLE_FRAMEWORK.code });
  await post(`/api/assessments/${districtAssessment.code}/start`, {});
  const evidence = await t.app.inject({
    method: "POST",
    url: `/api/assessments/${districtAssessment.code}/units/D1/evidence/file?criterion=${districtCriterion}&name=qd.pdf`,
    payload: Buffer.from("%PDF-1.4\n%%EOF\n"),
    headers: { ...admin, "content-type": "application/pdf" },
  });
  const job = await victimsJob(victim);
  routeSamples = samples({
    report: saved.id,
    victim,
    evidence: evidence.json().id,
    job,
    planEvidence: progress.id,
  });
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
  if (sample.victims && !(caller.role === "admin" && caller.unit !== "D2")) return { status: 403 };
  return "through";
}

/** A filtered list hides D1's things from D2 and shows them to the province admin. */
function filtering(key: string, caller: Caller, sample: Sample, status: number, body: string): string[] {
  if (!sample.hidden || status >= 300) return [];
  if (caller.unit === "D2" && body.includes(sample.hidden))
    return [`${key} as ${caller.name}: shows ${sample.hidden} of D1`];
  if (caller.unit === "P" && !body.includes(sample.hidden))
    return [`${key} as ${caller.name}: ${sample.hidden} is missing`];
  return [];
}

/** An in-scope read of a real thing answers it, unless the thing's state refuses the read. */
const mustRead = (key: string, sample: Sample, code: string | undefined) =>
  key.startsWith("GET ") && (sample.inD1 || sample.victims) && code !== sample.stateCode;

/** A finished report job of the victim, with its file: only the victim and its admins may see it. */
async function victimsJob(victim: number): Promise<number> {
  const [unit] = await t.database.db.select({ id: units.id }).from(units).where(eq(units.code, "C11"));
  const principal: Principal = {
    userId: victim,
    username: "victim",
    displayName: "victim",
    locale: "vi",
    grants: [{ role: "viewer", unitId: unit?.id ?? 0, unitCode: "C11" }],
  };
  const job = await createJob(t.database.db, testActor, principal, "report", {}, "access-model");
  const file = { bytes: Buffer.from("# Báo cáo\n"), name: "bao-cao.md", contentType: "text/markdown" };
  await finishJob(t.database.db, job.id, { status: "succeeded", done: 1, total: 1, file });
  return job.id;
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
          ...(sample.contentType
            ? { headers: { ...caller.headers, "content-type": sample.contentType } }
            : {}),
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
        failures.push(...filtering(key, caller, sample, res.statusCode, res.body));
        const code: string | undefined = res.statusCode >= 400 ? res.json().error?.code : undefined;
        const want = expected(rule, caller, sample);
        const ok =
          want === "through"
            ? res.statusCode < (mustRead(key, sample, code) ? 400 : 500) && !(code && denials.has(code))
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
