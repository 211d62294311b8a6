import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, principalOf } from "../http/context.ts";
import { boundaries, deleteBoundaries, saveBoundaries } from "./boundaries.ts";
import { boundaryCollection } from "./geojson.ts";

const tags = ["map"];
const params = z.object({
  level: z.coerce
    .number()
    .int()
    .min(1, "Cấp từ 1 đến 6|Level is 1 to 6")
    .max(6, "Cấp từ 1 đến 6|Level is 1 to 6"),
});

export const mapRoutes: FastifyPluginAsyncZod = async (app) => {
  app.put(
    "/map/boundaries/:level",
    {
      schema: {
        tags,
        summary:
          "Nạp bản đồ ranh giới GeoJSON của một cấp đơn vị (quản trị) / Load the GeoJSON boundary map of a unit level (admin)",
        description:
          "A FeatureCollection of Polygon/MultiPolygon areas in longitude/latitude; each area names its unit " +
          "by the property `codeProperty` (default `code`). Every code must be a unit in force at the level, once. " +
          "Replaces the level's earlier map; all or nothing.",
        params,
        querystring: z.object({ codeProperty: z.string().trim().min(1).max(64).default("code") }),
        body: boundaryCollection,
        response: {
          200: z.object({ level: z.number(), features: z.number(), unitsWithoutArea: z.array(z.string()) }),
        },
      },
    },
    async (request) =>
      saveBoundaries(
        app.db,
        actorOf(request),
        principalOf(request),
        request.params.level,
        request.body,
        request.query.codeProperty,
      ),
  );

  app.get(
    "/map/boundaries/:level",
    {
      schema: {
        tags,
        summary: "Bản đồ ranh giới của một cấp (GeoJSON) / The boundary map of a level (GeoJSON)",
        params,
      },
    },
    async (request, reply) => {
      principalOf(request);
      const map = await boundaries(app.db, request.params.level);
      reply.header("etag", map.etag).header("cache-control", "private, no-cache");
      if (request.headers["if-none-match"] === map.etag) return reply.status(304).send();
      return reply.type("application/geo+json").send(JSON.stringify(map.collection));
    },
  );

  app.delete(
    "/map/boundaries/:level",
    {
      schema: {
        tags,
        summary: "Xóa bản đồ ranh giới của một cấp (quản trị) / Remove a level's boundary map (admin)",
        params,
      },
    },
    async (request, reply) => {
      await deleteBoundaries(app.db, actorOf(request), principalOf(request), request.params.level);
      return reply.status(204).send();
    },
  );
};
