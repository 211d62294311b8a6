import type { FastifyInstance, FastifyRequest } from "fastify";
import { routeKey } from "../access/routes-model.ts";
import * as clock from "../config/clock.ts";
import { AppError } from "../errors/app-error.ts";
import { limitStore } from "./limit-store.ts";

/** Requests per window on the expensive routes, per signed-in user and per client address; 0: no limit. */
export interface RateLimits {
  perUser: number;
  perIp: number;
  windowSeconds: number;
}

/** The routes that read or build much (exports, reports, analytics, background jobs). */
export const limitedRoutes: ReadonlySet<string> = new Set([
  "GET /api/analytics",
  "GET /api/completeness",
  "GET /api/completeness/periods",
  "GET /api/dataValueSets",
  "GET /api/dataValueSets.csv",
  "GET /api/forms/{code}/template.xlsx",
  "GET /api/plans/{code}/report",
  "GET /api/plans/{code}/report-data",
  "GET /api/assessments/{code}/ranking.md",
  "GET /api/assessments/{code}/ranking.xlsx",
  "GET /api/assessments/{code}/ranking.docx",
  "GET /api/assessments/{code}/units/{unit}/scorecard.md",
  "GET /api/assessments/{code}/units/{unit}/scorecard.xlsx",
  "GET /api/ioc/summary",
  "POST /api/jobs/imports",
  "POST /api/jobs/reports",
]);

/**
 * Per-user and per-address limits on the expensive routes, counted with the server's clock in
 * a store every server of the database shares (src/http/limit-store.ts): past the limit, 429
 * RATE_LIMITED with Retry-After.
 */
export function installRateLimits(app: FastifyInstance, limits: RateLimits): void {
  const windowMs = limits.windowSeconds * 1000;
  const store = (scope: string, limit: number) =>
    limit > 0 ? limitStore(app.db, app.dbKind, scope, limit, windowMs) : null;
  const users = store("user", limits.perUser);
  const addresses = store("ip", limits.perIp);
  app.addHook("onRequest", async (request, reply) => {
    if (!isLimited(request)) return;
    const now = clock.nowMs();
    const byAddress = (await addresses?.take(request.ip, now)) ?? 0;
    const userId = request.principal?.userId;
    const byUser = userId === undefined ? 0 : ((await users?.take(String(userId), now)) ?? 0);
    const wait = Math.max(byAddress, byUser);
    if (wait > 0) {
      reply.header("retry-after", String(wait));
      throw new AppError("RATE_LIMITED", { retryAfterSeconds: wait });
    }
  });
}

function isLimited(request: FastifyRequest): boolean {
  const url = request.routeOptions.url;
  return url !== undefined && limitedRoutes.has(routeKey(request.method, url));
}
