import type { FastifyInstance, FastifyRequest } from "fastify";
import { principalFromApiToken, principalFromSession } from "../auth/service.ts";
import { AppError } from "../errors/app-error.ts";

export const sessionCookie = "chiso_session";

declare module "fastify" {
  interface FastifyContextConfig {
    /** The route answers without a signed-in user (health, login). Everything else refuses them. */
    public?: boolean;
  }
}

function isPublic(request: FastifyRequest): boolean {
  return request.routeOptions.config?.public === true || request.url.startsWith("/api/docs");
}

/**
 * Resolves the caller from the session cookie or a bearer token, and refuses anonymous callers
 * on every route not marked public, before their input is even read. Routes then check role and
 * scope themselves.
 */
export function installAuthentication(app: FastifyInstance): void {
  app.decorateRequest("principal", null);
  app.decorateRequest("viaToken", false);
  app.addHook("onRequest", async (request) => {
    const header = request.headers.authorization;
    if (header?.startsWith("Bearer ")) {
      request.principal = await principalFromApiToken(app.db, header.slice(7).trim());
      request.viaToken = true;
    } else {
      const cookie = request.cookies[sessionCookie];
      if (cookie) request.principal = await principalFromSession(app.db, cookie);
    }
    if (!request.principal && !isPublic(request) && request.routeOptions.url) {
      throw new AppError("UNAUTHENTICATED");
    }
  });
}
