import { sql } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { chisoVersion } from "../config/version.ts";
import { schemaState } from "../db/journal.ts";
import { queryRows, rawRows } from "../db/rows.ts";

const system = { tags: ["system"], security: [] };

/**
 * Health for people and for orchestrators: `/health` (the database answers, with a count of
 * units), `/health/live` (the process answers; restart it when not) and `/health/ready` (the
 * database answers and its migrations are current; send it traffic only then).
 */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/health",
    {
      schema: {
        ...system,
        summary: "Tình trạng hệ thống / Health",
        response: {
          200: z.object({
            status: z.literal("ok"),
            database: z.enum(["pglite", "postgresql"]),
            version: z.string(),
            units: z.number(),
          }),
        },
      },
    },
    async () => {
      const [row] = await queryRows<{ n: number }>(app.db, sql`select count(*)::int as n from units`);
      return { status: "ok" as const, database: app.dbKind, version: chisoVersion, units: row?.n ?? 0 };
    },
  );

  app.get(
    "/health/live",
    {
      schema: {
        ...system,
        summary: "Tiến trình còn chạy / Liveness",
        response: { 200: z.object({ status: z.literal("ok") }) },
      },
    },
    async () => ({ status: "ok" as const }),
  );

  const readiness = z.object({
    status: z.enum(["ready", "not_ready"]),
    database: z.boolean(),
    /** The migrations this server knows that the database has not applied. */
    pendingMigrations: z.array(z.string()),
  });
  app.get(
    "/health/ready",
    {
      schema: {
        ...system,
        summary: "Sẵn sàng phục vụ: cơ sở dữ liệu trả lời, migration đã áp dụng / Readiness",
        response: { 200: readiness, 503: readiness },
      },
    },
    async (_request, reply) => {
      const state = await schemaState(rawRows(app.db)).catch(() => null);
      const pendingMigrations = state?.pending ?? [];
      const ready = state !== null && pendingMigrations.length === 0;
      return reply
        .status(ready ? 200 : 503)
        .send({ status: ready ? "ready" : "not_ready", database: state !== null, pendingMigrations });
    },
  );
};
