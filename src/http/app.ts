import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { installAccessModel } from "../access/enforce.ts";
import type { Config } from "../config/config.ts";
import type { Database } from "../db/client.ts";
import { JobRunner } from "../jobs/runner.ts";
import { installMetrics } from "../monitoring/metrics.ts";
import { webApp } from "../web/static.ts";
import { installAuthentication } from "./authenticate.ts";
import { frameworkError, installErrorHandling } from "./error-handler.ts";
import { finishContract } from "./openapi-contract.ts";
import { installOriginCheck } from "./origin-check.ts";
import { installRateLimits } from "./rate-limit.ts";
import { installReadReplica } from "./read-replica.ts";
import { apiRoutes } from "./routes.ts";
import { installTraffic, Traffic } from "./traffic.ts";
import { validatorCompiler } from "./zod-validation.ts";

export interface AppOptions {
  database: Database;
  /** A hot standby of the PostgreSQL primary for the read-only routes (DATABASE_READ_URL). */
  readDatabase?: Database;
  config: Config;
  logger?: boolean;
}

export async function buildApp({
  database,
  readDatabase,
  config,
  logger = false,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? { level: config.logLevel } : false,
    bodyLimit: config.bodyLimit,
    trustProxy: process.env.CHISO_TRUST_PROXY === "true",
    frameworkErrors: frameworkError,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate("db", database.db);
  app.decorate("dbKind", database.kind);
  app.decorate("config", config);
  app.decorate("jobRunner", new JobRunner(database.db, database.kind, app.log));
  app.addHook("onClose", () => app.jobRunner.close());
  app.decorate("traffic", new Traffic());
  installTraffic(app, app.traffic);
  installErrorHandling(app);
  installMetrics(app, config.metricsToken);
  await app.register(cookie);
  installReadReplica(app, readDatabase?.db);
  // Security headers on every answer: scripts only from this server (the web app and the API
  // docs have no inline script), no framing, nosniff, no referrer beyond this origin.
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        "frame-ancestors": ["'none'"],
        // Plain HTTP on a local install must keep working: upgrade only behind HTTPS.
        "upgrade-insecure-requests": config.secureCookies ? [] : null,
      },
    },
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "same-origin" },
    hsts: config.secureCookies,
  });
  await app.register(swagger, {
    openapi: {
      openapi: "3.0.3",
      info: {
        title: "chiso API",
        version: "0.1.0",
        description:
          "API của chiso: đơn vị, biểu mẫu, báo cáo định kỳ, tổng hợp số liệu, trao đổi dữ liệu.\n\n" +
          "The chiso API: units, forms, periodic reports, analytics and data exchange. " +
          "Authenticate with the session cookie from POST /api/auth/login or a personal token " +
          "as `Authorization: Bearer`. Errors: `{error:{code,message,message_en,details:[{path,message,message_en}]}}`.",
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "chiso_session" },
          bearer: { type: "http", scheme: "bearer" },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: finishContract,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });
  installAuthentication(app);
  installOriginCheck(app, config.allowedOrigins);
  app.decorate("routesRegistered", installAccessModel(app));
  installRateLimits(app, config.rateLimits);
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  await app.register(apiRoutes, { prefix: "/api" });
  await webApp(app);
  return app;
}
