import createClient from "openapi-fetch";
import openapiTS, { astToString } from "openapi-typescript";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { routesModel } from "../src/access/routes-model.ts";
import { seedReporting } from "../src/forms/test-fixtures.ts";
import { saveDraft } from "../src/submissions/service.ts";
import { lastMonth } from "../src/submissions/test-helpers.ts";
import { typeCheckClient } from "./generated-client.ts";
import { http, seedTinyTree, signIn, type TestApp, testActor, testApp, testPassword } from "./harness.ts";

/**
 * The API contract integrators generate clients from (docs/api.md, "The contract"): the live
 * OpenAPI document, a TypeScript client generated from it with openapi-typescript and called
 * with openapi-fetch over the app.
 */
interface Operation {
  operationId?: string;
  parameters?: { in: string; name: string }[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }>; headers?: object }>;
}
interface Document {
  servers?: { url: string }[];
  components: { schemas: Record<string, unknown> };
  paths: Record<string, Record<string, Operation>>;
}

let t: TestApp;
let doc: Document;
const operations: { key: string; op: Operation }[] = [];

beforeAll(async () => {
  t = await testApp();
  await seedTinyTree(t.database);
  await seedReporting(t.database.db);
  doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item))
      operations.push({ key: `${method.toUpperCase()} ${path}`, op });
  }
});
afterAll(() => t.close());

const errorRef = (op: Operation, status: string) =>
  op.responses[status]?.content?.["application/json"]?.schema?.$ref;

describe("the OpenAPI document", () => {
  test("names every operation once, in camelCase, from its method and path", () => {
    const ids = operations.map(({ op }) => op.operationId);
    expect(operations.length).toBeGreaterThan(100);
    expect(ids.every((id) => /^(get|post|put|patch|delete)[A-Z][A-Za-z0-9]*$/.test(id ?? ""))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const byKey = Object.fromEntries(operations.map(({ key, op }) => [key, op.operationId]));
    expect(byKey["GET /api/units"]).toBe("getUnits");
    expect(byKey["POST /api/units/{code}/move"]).toBe("postUnitsByCodeMove");
    expect(byKey["GET /api/dataValueSets.csv"]).toBe("getDataValueSetsCsv");
  });

  test("refers every 4xx answer an operation can give to the one Error schema", () => {
    expect(doc.servers).toEqual([{ url: "/", description: "this server" }]);
    expect(doc.components.schemas.Error).toMatchObject({ required: ["error"] });
    for (const { key, op } of operations) {
      const rule = routesModel[key];
      const expected = [
        "400",
        ...(rule && rule.scope !== "public" ? ["401"] : []),
        ...(rule?.scope === "subtree" || rule?.scope === "province" ? ["403"] : []),
        ...((op.parameters ?? []).some((p) => p.in === "path") ? ["404"] : []),
      ];
      for (const status of expected)
        expect([key, status, errorRef(op, status)]).toEqual([key, status, "#/components/schemas/Error"]);
      const statuses = Object.keys(op.responses).filter((s) => s.startsWith("4"));
      for (const status of statuses) expect(errorRef(op, status)).toBe("#/components/schemas/Error");
    }
    const login = doc.paths["/api/auth/login"]?.post;
    expect(Object.keys(login?.responses ?? {}).filter((s) => s.startsWith("4"))).toEqual([
      "400",
      "401",
      "413",
      "415",
      "429",
    ]);
  });

  test("has no `nullable` without a `type` beside it (valid OpenAPI 3.0)", () => {
    const bad: string[] = [];
    const walk = (node: unknown, at: string) => {
      if (node === null || typeof node !== "object") return;
      const o = node as Record<string, unknown>;
      if (o.nullable === true && o.type === undefined) bad.push(at);
      for (const [k, v] of Object.entries(o)) walk(v, `${at}/${k}`);
    };
    walk(doc.paths, "");
    expect(bad).toEqual([]);
    const value =
      doc.paths["/api/submissions/{id}"]?.get?.responses["200"]?.content?.["application/json"]?.schema;
    expect(JSON.stringify(value)).toContain('"anyOf":[{"type":"number","nullable":true}');
  });

  test("documents X-Total-Count on every list paged by offset", () => {
    const paged = operations.filter(({ op }) => op.parameters?.some((p) => p.name === "offset"));
    expect(paged.map(({ key }) => key).sort()).toEqual([
      "GET /api/jobs",
      "GET /api/notifications/admin/log",
      "GET /api/notifications/admin/upcoming",
      "GET /api/submissions",
      "GET /api/units",
      "GET /api/users",
    ]);
    for (const { op } of paged) expect(op.responses["200"]?.headers).toHaveProperty("X-Total-Count");
  });
});

describe("a client generated from the document", () => {
  test("has every operation, and signs in, lists units and reads a form through openapi-fetch", async () => {
    const types = astToString(await openapiTS(doc as never));
    for (const { op } of operations) expect(types).toContain(`${op.operationId}: {`);
    expect(types).toContain('"/api/forms/{code}": {');

    let cookie = "";
    const api = createClient({
      baseUrl: "http://chiso.test",
      fetch: async (request: Request) => {
        const res = await t.app.inject({
          method: request.method as "GET",
          url: new URL(request.url).pathname + new URL(request.url).search,
          headers: { ...headersOf(request), ...(cookie ? { cookie } : {}) },
          payload: request.body ? await request.text() : undefined,
        });
        const session = res.cookies.find((c) => c.name === "chiso_session");
        if (session) cookie = `chiso_session=${session.value}`;
        return new Response(res.body, {
          status: res.statusCode,
          headers: res.headers as Record<string, string>,
        });
      },
    }) as unknown as LooseClient;
    await signIn(t, "xem", [{ role: "viewer", unitCode: "P" }]);

    const login = await api.POST("/api/auth/login", { body: { username: "xem", password: testPassword } });
    expect([login.response.status, (login.data as { user: { username: string } }).user.username]).toEqual([
      200,
      "xem",
    ]);

    const units = await api.GET("/api/units", { params: { query: { level: 3, limit: 2, offset: 1 } } });
    expect(units.response.status).toBe(200);
    expect(units.response.headers.get("x-total-count")).toBe("3");
    expect((units.data as { code: string }[]).map((u) => u.code)).toEqual(["C12", "C21"]);

    const form = await api.GET("/api/forms/{code}", { params: { path: { code: "CDS_XA" } } });
    expect([form.response.status, (form.data as { code: string }).code]).toEqual([200, "CDS_XA"]);

    const missing = await api.GET("/api/forms/{code}", { params: { path: { code: "KHONG_CO" } } });
    expect([missing.response.status, missing.error?.error.code]).toEqual([404, "NOT_FOUND"]);
  });
});

describe("the generated types, compiled", () => {
  const client = `import createClient from "openapi-fetch";
import type { paths } from "./api.ts";
export const client = createClient<paths>({ baseUrl: "http://localhost:3000" });
`;
  test("type a client's calls and answers, and refuse a wrong path or parameter", async () => {
    const types = astToString(await openapiTS(doc as never));
    const errors = typeCheckClient(types, {
      "client.ts": client,
      "calls.ts": `import { client } from "./client.ts";
export async function calls(): Promise<(string | number | undefined)[]> {
  const login = await client.POST("/api/auth/login", { body: { username: "xem", password: "bi-mat" } });
  const units = await client.GET("/api/units", { params: { query: { level: 3, limit: 2, offset: 1 } } });
  const form = await client.GET("/api/forms/{code}", { params: { path: { code: "CDS_XA" } } });
  const refused: string | undefined = form.error?.error.code;
  return [login.data?.user.username, units.data?.[0]?.code, refused];
}
`,
      "wrong.ts": `import { client } from "./client.ts";
export const a = client.GET("/api/forms/{code}", { params: { path: { kode: "CDS_XA" } } });
export const b = client.GET("/api/khong-co", {});
export const c = client.GET("/api/units", { params: { query: { level: "ba" } } });
`,
    });
    expect(errors["client.ts"]).toEqual([]);
    expect(errors["calls.ts"]).toEqual([]);
    expect(errors["wrong.ts"]).toEqual([
      "Object literal may only specify known properties, and 'kode' does not exist in type '{ code: string; }'.",
      `Argument of type '"/api/khong-co"' is not assignable to parameter of type 'PathsWithMethod<paths, "get">'.`,
      "Type 'string' is not assignable to type 'number'.",
    ]);
  }, 60_000);
});

describe("paging of the lists that can grow", () => {
  let admin: { cookie: string };
  beforeAll(async () => {
    admin = await signIn(t, "qt", [{ role: "admin", unitCode: "P" }]);
    for (const unit of ["C11", "C12", "C21"]) {
      await saveDraft(t.database.db, testActor, null, {
        form: "CDS_XA",
        unit,
        period: lastMonth(),
        values: [],
      });
    }
  });
  const get = (url: string) => http(t).get(url, admin);

  test("reports, units and users answer a page and X-Total-Count; the defaults answer the whole list", async () => {
    const page = await get("/api/submissions?limit=2&offset=1");
    expect([page.statusCode, page.headers["x-total-count"]]).toEqual([200, "3"]);
    expect(page.json().map((s: { unit: string }) => s.unit)).toEqual(["C12", "C21"]);
    expect((await get("/api/submissions")).json()).toHaveLength(3);

    const units = await get("/api/units");
    expect(units.json()).toHaveLength(Number(units.headers["x-total-count"]));
    const beyond = await get(`/api/units?offset=${units.json().length}`);
    expect([beyond.json(), beyond.headers["x-total-count"]]).toEqual([[], units.headers["x-total-count"]]);

    const users = await get("/api/users?limit=1&offset=1");
    const all = (await get("/api/users")).json() as { username: string }[];
    expect([users.headers["x-total-count"], users.json()]).toEqual([String(all.length), [all[1]]]);
  });

  test("jobs, the audit trail and notices carry their totals", async () => {
    const jobs = await get("/api/jobs?offset=5");
    expect([jobs.statusCode, jobs.json(), jobs.headers["x-total-count"]]).toEqual([200, [], "0"]);
    const everything = (await get("/api/audit?objectType=unit&limit=1000")).json();
    const audit = (await get("/api/audit?objectType=unit&limit=2")).json();
    expect([audit.entries.length, audit.total]).toEqual([2, everything.entries.length]);
    const older = (await get(`/api/audit?objectType=unit&limit=2&before=${audit.nextBefore}`)).json();
    expect(older.total).toBe(everything.entries.length);
    const notices = (await get("/api/notifications")).json();
    expect([notices.items, notices.total, notices.unread]).toEqual([[], 0, 0]);
  });

  test("a limit or offset beyond its bound is a 400 naming the field", async () => {
    for (const [url, path] of [
      ["/api/units?limit=20001", "querystring.limit"],
      ["/api/users?limit=0", "querystring.limit"],
      ["/api/submissions?limit=5001", "querystring.limit"],
      ["/api/jobs?offset=-1", "querystring.offset"],
    ]) {
      const res = await get(url as string);
      expect([url, res.statusCode, res.json().error.details[0]?.path]).toEqual([url, 400, path]);
    }
  });
});

/** The request's headers as app.inject takes them. */
function headersOf(request: Request): Record<string, string> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return headers;
}

/**
 * The client as this test calls it: the generated types live in memory (checked above by name),
 * so the calls are typed loosely here and the answers asserted exactly.
 */
interface LooseClient {
  GET(path: string, init: { params: { path?: object; query?: object } }): Promise<Answer>;
  POST(path: string, init: { body: object }): Promise<Answer>;
}
interface Answer {
  data?: unknown;
  error?: { error: { code: string } };
  response: Response;
}
