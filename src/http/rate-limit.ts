import type { FastifyInstance, FastifyRequest } from "fastify";
import { routeKey } from "../access/routes-model.ts";
import * as clock from "../config/clock.ts";
import { AppError } from "../errors/app-error.ts";

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

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket: `limit` requests, refilled evenly over the window. Takes one token and
 * returns 0, or returns the seconds until one is back.
 */
export function take(bucket: Bucket, nowMs: number, limit: number, windowMs: number): number {
  const refill = ((nowMs - bucket.at) * limit) / windowMs;
  bucket.tokens = Math.min(limit, bucket.tokens + Math.max(0, refill));
  bucket.at = nowMs;
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return 0;
  }
  return Math.ceil(((1 - bucket.tokens) * windowMs) / limit / 1000);
}

/** Buckets kept per key; past this many, the full ones are forgotten. */
const MAX_KEYS = 10_000;

class Buckets {
  private readonly map = new Map<string, Bucket>();
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  take(key: string, nowMs: number): number {
    if (this.limit <= 0) return 0;
    let bucket = this.map.get(key);
    if (!bucket) {
      if (this.map.size >= MAX_KEYS) this.forgetFull(nowMs);
      bucket = { tokens: this.limit, at: nowMs };
      this.map.set(key, bucket);
    }
    return take(bucket, nowMs, this.limit, this.windowMs);
  }

  private forgetFull(nowMs: number): void {
    for (const [key, b] of this.map) {
      if (b.tokens + ((nowMs - b.at) * this.limit) / this.windowMs >= this.limit) this.map.delete(key);
    }
  }
}

/**
 * Per-user and per-address limits on the expensive routes, counted in this server's memory
 * with the server's clock: past the limit, 429 RATE_LIMITED with Retry-After.
 */
export function installRateLimits(app: FastifyInstance, limits: RateLimits): void {
  const windowMs = limits.windowSeconds * 1000;
  const users = new Buckets(limits.perUser, windowMs);
  const addresses = new Buckets(limits.perIp, windowMs);
  app.addHook("onRequest", async (request, reply) => {
    if (!isLimited(request)) return;
    const now = clock.nowMs();
    const wait = Math.max(
      addresses.take(request.ip, now),
      request.principal ? users.take(String(request.principal.userId), now) : 0,
    );
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
