/**
 * Prometheus metrics (prom-client) at GET /metrics, for the operators' scraper only: it answers
 * with a bearer token equal to CHISO_METRICS_TOKEN and 404 when none is configured, so nothing
 * is published by default. Request latency by route pattern (`/api/submissions/:id`, never the
 * raw URL, so the series stay few), errors by status and error code, background jobs by status,
 * the last scheduled backup's time, and the process's own figures (memory, CPU, event loop lag)
 * from prom-client's defaults.
 */
import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { rawRows } from "../db/rows.ts";
import { AppError } from "../errors/app-error.ts";
import { JOB_STATUSES } from "../jobs/store.ts";

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer /, "") ?? "");
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** The route's pattern as Fastify matched it; one series for whatever matched no route. */
const routeOf = (request: FastifyRequest) => request.routeOptions.url ?? "unmatched";

/** The error code of a chiso error answer (`{"error":{"code":"NOT_FOUND",…}}`), else "". */
function errorCode(payload: unknown): string {
  return typeof payload === "string" ? (/^\{"error":\{"code":"([A-Z_]+)"/.exec(payload)?.[1] ?? "") : "";
}

function registry(app: FastifyInstance): Registry {
  const register = new Registry();
  collectDefaultMetrics({ register, prefix: "chiso_" });
  const latency = new Histogram({
    name: "chiso_http_request_duration_seconds",
    help: "Time to answer an HTTP request, by method, route pattern and status",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [register],
  });
  const errors = new Counter({
    name: "chiso_http_errors_total",
    help: "HTTP answers with a status of 400 or more, by route pattern, status and chiso error code",
    labelNames: ["route", "status", "code"] as const,
    registers: [register],
  });
  new Gauge({
    name: "chiso_jobs",
    help: "Background jobs (imports, report builds) by status",
    labelNames: ["status"] as const,
    registers: [register],
    async collect() {
      const found = await rawRows(app.db)("select status, count(*)::int as n from jobs group by status");
      for (const status of JOB_STATUSES) {
        this.set({ status }, Number(found.find((r) => r.status === status)?.n ?? 0));
      }
    },
  });
  new Gauge({
    name: "chiso_backup_last_success_timestamp_seconds",
    help: "When the last scheduled backup finished, in Unix seconds; 0 when none has",
    registers: [register],
    async collect() {
      const [row] = await rawRows(app.db)(
        "select coalesce(extract(epoch from max(finished_at)), 0)::float8 as at from scheduled_backups",
      );
      this.set(Number(row?.at ?? 0));
    },
  });
  app.addHook("onSend", async (request, reply, payload) => {
    if (reply.statusCode >= 400) {
      errors.inc({ route: routeOf(request), status: reply.statusCode, code: errorCode(payload) });
    }
    return payload;
  });
  app.addHook("onResponse", async (request, reply) => {
    const labels = { method: request.method, route: routeOf(request), status: reply.statusCode };
    latency.observe(labels, reply.elapsedTime / 1000);
  });
  return register;
}

/** Installs the metrics hooks and GET /metrics (404 unless `token` is set, 401 without it). */
export function installMetrics(app: FastifyInstance, token: string | undefined): void {
  const register = token ? registry(app) : null;
  app.get(
    "/metrics",
    { config: { public: true }, schema: { hide: true } },
    async (request, reply: FastifyReply) => {
      if (!register || !token) throw new AppError("ROUTE_NOT_FOUND");
      if (!tokenMatches(request.headers.authorization, token)) throw new AppError("UNAUTHENTICATED");
      return reply.type(register.contentType).send(await register.metrics());
    },
  );
}
