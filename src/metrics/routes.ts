import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, principalOf } from "../http/context.ts";
import { metricInputSchema, metricOutSchema, metricPatchSchema } from "./schema.ts";
import { createMetric, listMetrics, metricByCode, updateMetric } from "./service.ts";

const tags = ["metrics"];
const params = z.object({ code: z.string() });

export const metricRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/metrics",
    {
      schema: {
        tags,
        summary: "Danh sách chỉ số thống kê / List metrics",
        response: { 200: z.array(metricOutSchema) },
      },
    },
    async (request) => {
      principalOf(request);
      return listMetrics(app.db);
    },
  );

  app.get(
    "/metrics/:code",
    {
      schema: { tags, summary: "Một chỉ số / One metric", params, response: { 200: metricOutSchema } },
    },
    async (request) => {
      principalOf(request);
      return metricByCode(app.db, request.params.code);
    },
  );

  app.post(
    "/metrics",
    {
      schema: {
        tags,
        summary: "Tạo chỉ số (quản trị) / Create a metric (admin)",
        body: metricInputSchema,
        response: { 201: metricOutSchema },
      },
    },
    async (request, reply) => {
      return reply.status(201).send(await createMetric(app.db, actorOf(request), request.body));
    },
  );

  app.patch(
    "/metrics/:code",
    {
      schema: {
        tags,
        summary: "Sửa chỉ số (quản trị) / Change a metric (admin)",
        params,
        body: metricPatchSchema,
        response: { 200: metricOutSchema },
      },
    },
    async (request) => {
      return updateMetric(app.db, actorOf(request), request.params.code, request.body);
    },
  );
};
