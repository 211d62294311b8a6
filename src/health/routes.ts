import { sql } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { queryRows } from "../db/rows.ts";

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/health",
    {
      schema: {
        tags: ["system"],
        summary: "Tình trạng hệ thống / Health",
        security: [],
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
      return { status: "ok" as const, database: app.dbKind, version: "0.1.0", units: row?.n ?? 0 };
    },
  );
};
