import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedReporting } from "../src/forms/test-fixtures.ts";
import { seedTinyTree, signIn, type TestApp, testApp } from "./harness.ts";

/**
 * A property-based fuzzer over the OpenAPI document: for every operation, malformed and hostile
 * path parameters, query strings and bodies (NUL, lone surrogates, huge numbers, deep JSON,
 * wrong types, extra fields, bytes under the declared media type), sent as the province admin
 * and as an anonymous caller. No answer may be a 5xx, and every error must be in our shape.
 * The budget is fixed (RUNS per operation, one seed, printed); CHISO_FUZZ_SEED replays a run.
 * The cases it found are kept as regression tests in test/hostile-text.test.ts.
 */
const RUNS = 25;
const SEED = Number(process.env.CHISO_FUZZ_SEED ?? 20261120);

interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  queryParams: string[];
  bodyFields: string[];
  mediaType: string | null;
  /** The statuses the document says the operation answers. */
  documented: string[];
}

let t: TestApp;
let admin: { cookie: string };
let operations: Operation[] = [];

beforeAll(async () => {
  t = await testApp();
  await seedTinyTree(t.database);
  await seedReporting(t.database.db);
  admin = await signIn(t, "admin", [{ role: "admin", unitCode: "P" }]);
  const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
  operations = Object.entries<Record<string, OpenApiOperation>>(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => operationOf(path, method.toUpperCase(), op)),
  );
});
afterAll(() => t.close());

interface OpenApiOperation {
  parameters?: { in: string; name: string }[];
  requestBody?: { content: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
  responses: Record<string, unknown>;
}

function operationOf(path: string, method: string, op: OpenApiOperation): Operation {
  const params = op.parameters ?? [];
  const content = op.requestBody?.content ?? {};
  const mediaType = Object.keys(content)[0] ?? null;
  return {
    method,
    path,
    pathParams: params.filter((p) => p.in === "path").map((p) => p.name),
    queryParams: params.filter((p) => p.in === "query").map((p) => p.name),
    bodyFields: Object.keys((mediaType && content[mediaType]?.schema?.properties) || {}),
    mediaType,
    documented: Object.keys(op.responses),
  };
}

const hostileText = fc.oneof(
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "\ud800",
    "x\udfffy",
    "9".repeat(400),
    "1e309",
    "-1",
    "0",
    "NaN",
    "",
    " ",
    "99999-01-01",
    "0000-00-00",
    "202613",
    "../../etc/passwd",
    "'; drop table users; --",
    "%00",
    "P",
    "C11",
  ),
  fc.string({ unit: "binary", maxLength: 40 }),
);
const deep = fc
  .integer({ min: 30, max: 3000 })
  .map((depth) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`);
const value: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER * 1e6, -1e308, 1e308),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileText, { maxLength: 3 }),
  fc.dictionary(hostileText, hostileText, { maxKeys: 3 }),
);

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A request for `op`: hostile path segments, query values, a JSON body or raw bytes. */
function requestFor(op: Operation) {
  // A segment is sent percent-encoded, or raw: bytes no UTF-8 decoder accepts, an encoded NUL.
  const segment = fc.oneof(
    hostileText.map((text) => encodeURIComponent(text.replace(loneSurrogate, "\ufffd"))),
    fc.constantFrom("%00", "%ED%A0%80", "%C0%80", "%FF", "%", "a%2Fb"),
  );
  const path = fc.tuple(...op.pathParams.map(() => segment));
  const query = fc.dictionary(fc.constantFrom(...op.queryParams, "extra", "from", "to"), hostileText, {
    maxKeys: 4,
  });
  const fields = fc.dictionary(fc.constantFrom(...op.bodyFields, "extra", "__proto__"), value, {
    maxKeys: 6,
  });
  const json = fc.oneof(
    fields.map((o) => JSON.stringify(o)),
    value.map((v) => JSON.stringify(v) ?? "null"),
    deep,
    fc.string({ maxLength: 30 }),
  );
  const body =
    op.mediaType === "application/json" || op.mediaType === null ? json : fc.uint8Array({ maxLength: 200 });
  return fc.record({ path, query, body, anonymous: fc.boolean() });
}

function urlOf(op: Operation, segments: string[], query: Record<string, string>): string {
  let i = 0;
  const path = op.path.replace(/\{[^}]+\}/g, () => segments[i++] ?? "x");
  const qs = new URLSearchParams(query).toString();
  return qs ? `${path}?${qs}` : path;
}

/** A refusal in our shape: `{error:{code,message,message_en,details:[]}}`. */
function ourError(body: string): boolean {
  try {
    const e = JSON.parse(body).error;
    return (
      typeof e?.code === "string" &&
      typeof e.message === "string" &&
      typeof e.message_en === "string" &&
      Array.isArray(e.details)
    );
  } catch {
    return false;
  }
}

describe("the OpenAPI fuzzer", () => {
  it("gets no 5xx and only our error shape, with a status the document lists, from any operation", async () => {
    let sent = 0;
    const bad: string[] = [];
    // Signing out would end the admin's session for the rest of the run.
    const fuzzed = operations.filter((op) => !(op.method === "POST" && op.path === "/api/auth/logout"));
    for (const op of fuzzed) {
      const run = fc.assert(
        fc.asyncProperty(requestFor(op), async (r) => {
          const payload = typeof r.body === "string" ? r.body : Buffer.from(r.body);
          const res = await t.app.inject({
            method: op.method as "GET",
            url: urlOf(op, r.path, r.query),
            headers: {
              ...(r.anonymous ? {} : admin),
              ...(op.method === "GET" || op.method === "DELETE"
                ? {}
                : { "content-type": op.mediaType ?? "application/json" }),
            },
            ...(op.method === "GET" ? {} : { payload }),
          });
          sent++;
          const wrong =
            res.statusCode >= 500 ||
            (res.statusCode >= 400 &&
              (!ourError(res.body) || !op.documented.includes(String(res.statusCode))));
          if (wrong) bad.push(`${op.method} ${op.path}: ${res.statusCode} ${res.body.slice(0, 200)}`);
          return !wrong;
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
      await run.catch((e: Error) => bad.push(`${op.method} ${op.path}: ${e.message.split("\n")[1]}`));
    }
    console.log(`OpenAPI fuzzer: ${sent} requests over ${fuzzed.length} operations, seed ${SEED}`);
    expect(bad).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(fuzzed.length * RUNS);
  }, 300_000);
});

describe("the fuzzer's findings", () => {
  it("answers a path that is not valid UTF-8 with our 400, naming the URL", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/units/%FF", headers: admin });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: "VALIDATION_FAILED", details: [{ path: "url" }] });
  });
});
