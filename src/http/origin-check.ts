import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../errors/app-error.ts";
import { sessionCookie } from "./authenticate.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Why a write carried by the session cookie looks cross-site, or null when it does not. A
 * browser names the page that sent a write in `Origin` (and, in current browsers, says in
 * `Sec-Fetch-Site` whether it came from this very origin): a form or fetch on another site,
 * or on a sibling subdomain that SameSite=Strict does not stop, is refused. Calls without
 * either header (scripts, the CLI, tests) are not browsers and carry no ambient cookie risk.
 */
export function crossSiteWrite(
  request: Pick<FastifyRequest, "method" | "headers" | "host">,
  allowed: ReadonlySet<string>,
): string | null {
  if (SAFE_METHODS.has(request.method)) return null;
  const site = request.headers["sec-fetch-site"];
  if (site === "cross-site" || site === "same-site") return `Sec-Fetch-Site: ${site}`;
  const origin = request.headers.origin;
  if (origin === undefined) return null;
  let host: string | null = null;
  try {
    host = new URL(origin).host;
  } catch {
    return `Origin: ${origin}`;
  }
  return host === request.host || allowed.has(origin) ? null : `Origin: ${origin}`;
}

/** Refuses cross-site writes made with the session cookie (403 CROSS_SITE_REQUEST). */
export function installOriginCheck(app: FastifyInstance, allowedOrigins: readonly string[]): void {
  const allowed = new Set(allowedOrigins);
  app.addHook("onRequest", async (request) => {
    if (!request.cookies?.[sessionCookie] || request.headers.authorization) return;
    const why = crossSiteWrite(request, allowed);
    if (why) throw new AppError("CROSS_SITE_REQUEST", { why });
  });
}
