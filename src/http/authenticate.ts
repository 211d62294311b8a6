import type { FastifyInstance } from "fastify";
import { principalFromApiToken, principalFromSession } from "../auth/service.ts";

export const sessionCookie = "chiso_session";

/** Resolves the caller from the session cookie or a bearer token; routes decide what it may do. */
export function installAuthentication(app: FastifyInstance): void {
  app.decorateRequest("principal", null);
  app.addHook("onRequest", async (request) => {
    const header = request.headers.authorization;
    if (header?.startsWith("Bearer ")) {
      request.principal = await principalFromApiToken(app.db, header.slice(7).trim());
      return;
    }
    const cookie = request.cookies[sessionCookie];
    if (cookie) request.principal = await principalFromSession(app.db, cookie);
  });
}
