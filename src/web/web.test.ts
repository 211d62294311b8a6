import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type TestApp, testApp } from "../../test/harness.ts";
import { endpoints } from "../../web/src/api/endpoints.ts";
import { systemActor } from "../audit/audit.ts";
import { installErrorHandling } from "../http/error-handler.ts";
import { createUser } from "../users/service.ts";
import { type OpenApiDocument, renderApiTypes } from "./api-types.ts";
import { demoInfo } from "./demo.ts";
import { webApp } from "./static.ts";

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe("the demo logins on the login page", () => {
  test("are shown only for accounts the demo loader created, while they are active", async () => {
    expect(await demoInfo(t.database.db)).toEqual({ demo: false, password: null, logins: [] });
    const res = await t.app.inject({ method: "GET", url: "/api/demo" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ demo: false, password: null, logins: [] });

    await createUser(t.database.db, systemActor("nguoi-quan-tri"), null, {
      username: "that",
      displayName: "Người dùng thật",
      password: "mot-mat-khau-dai",
      grants: [],
    });
    expect((await demoInfo(t.database.db)).demo).toBe(false);
    await createUser(t.database.db, systemActor("demo"), null, {
      username: "thu",
      displayName: "Tài khoản thử",
      password: "chiso-demo",
      grants: [],
    });
    // A demo account without a grant has no role to show; the login page lists grants.
    expect((await demoInfo(t.database.db)).demo).toBe(false);
  });
});

describe("the web application's files", () => {
  let root: string;
  const app = Fastify();
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "chiso-web-"));
    mkdirSync(join(root, "assets"));
    writeFileSync(join(root, "index.html"), "<!doctype html><title>chiso</title>");
    const script = "console.log('chiso');".repeat(100);
    writeFileSync(join(root, "assets/app-3f2a.js"), script);
    writeFileSync(join(root, "assets/app-3f2a.js.gz"), gzipSync(script));
    installErrorHandling(app);
    await webApp(app, root);
    await app.ready();
  });
  afterAll(() => app.close());

  test("hashed assets are served with a year's cache, compressed when the browser accepts it", async () => {
    const res = await app.inject({ url: "/assets/app-3f2a.js", headers: { "accept-encoding": "gzip" } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.headers["content-type"]).toContain("javascript");
  });

  test("every page of the application is index.html, never cached; unknown API paths and assets are 404", async () => {
    for (const url of ["/", "/ioc", "/reports/CDS_MONTHLY/29884/202610?x=1"]) {
      const res = await app.inject({ url });
      expect(res.statusCode).toBe(200);
      expect(res.headers["cache-control"]).toBe("no-cache");
      expect(res.body).toContain("<title>chiso</title>");
    }
    const api = await app.inject({ url: "/api/khong-co" });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe("ROUTE_NOT_FOUND");
    expect((await app.inject({ url: "/assets/khong-co.js" })).statusCode).toBe(404);
  });

  test("without a build, the pages say how to build it", async () => {
    const bare = Fastify();
    installErrorHandling(bare);
    await webApp(bare, join(root, "khong-co"));
    const res = await bare.inject({ url: "/ioc" });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain("npm run build:web");
    await bare.close();
  });

  test("the API keeps its own routes and its 401 for anonymous callers", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/auth/me" });
    expect(res.statusCode).toBe(401);
    expect((await t.app.inject({ method: "GET", url: "/api/nope" })).statusCode).toBe(404);
  });
});

describe("the web client's typed API", () => {
  test("every endpoint it calls exists, and schema.d.ts matches the OpenAPI document (npm run api:types)", () => {
    const doc = t.app.swagger() as unknown as OpenApiDocument;
    const committed = readFileSync(new URL("../../web/src/api/schema.d.ts", import.meta.url), "utf8");
    expect(renderApiTypes(doc, endpoints)).toBe(committed);
  });

  test("an endpoint missing from the document is named", () => {
    const doc = t.app.swagger() as unknown as OpenApiDocument;
    expect(() => renderApiTypes(doc, ["GET /api/khong-co"])).toThrow(
      "Not in the OpenAPI document: GET /api/khong-co",
    );
  });
});
