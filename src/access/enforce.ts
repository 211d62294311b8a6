import type { FastifyInstance, FastifyRequest } from "fastify";
import * as clock from "../config/clock.ts";
import { AppError } from "../errors/app-error.ts";
import { requireProvinceAdmin, requireRole } from "./principal.ts";
import { type RouteRule, routeKey, routesModel } from "./routes-model.ts";

declare module "fastify" {
  interface FastifyContextConfig {
    /** The route's entry in the permission model (src/access/routes-model.ts). */
    access?: RouteRule;
  }
}

/** The API's own routes; the web app's files and the API docs page are public pages. */
const governed = (url: string) => url.startsWith("/api/") && !url.startsWith("/api/docs");

/** Every governed route registered, as model keys (the test compares them with the model). */
export type RegisteredRoutes = Set<string>;

/**
 * The one place a route's role and scope kind are enforced. At registration each API route is
 * looked up in the permission model (a route missing there stops the app from starting) and
 * marked public or not; on each request, after the caller is known, the roles are checked (403
 * FORBIDDEN) and a province-wide route needs a province admin (403 PROVINCE_ADMIN_ONLY). The
 * services then check the unit of the request against the caller's subtree.
 */
export function installAccessModel(app: FastifyInstance): RegisteredRoutes {
  const registered: RegisteredRoutes = new Set();
  app.addHook("onRoute", (route) => {
    if (!governed(route.url)) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      const key = routeKey(method, route.url);
      const access = routesModel[key];
      if (!access) throw new Error(`${key} is not in the permission model (src/access/routes-model.ts)`);
      registered.add(key);
      route.config = { ...route.config, access, public: access.scope === "public" };
    }
  });
  app.addHook("onRequest", async (request) => enforce(app, request));
  return registered;
}

async function enforce(app: FastifyInstance, request: FastifyRequest): Promise<void> {
  const access = request.routeOptions.config?.access;
  if (!access || access.scope === "public") return;
  if (!request.principal) throw new AppError("UNAUTHENTICATED");
  if (access.roles !== "any") requireRole(request.principal, access.roles);
  if (access.scope === "province") await requireProvinceAdmin(app.db, request.principal, clock.today());
}
