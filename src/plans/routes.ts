import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, principalOf } from "../http/context.ts";
import { indicatorRoutes } from "./indicator-routes.ts";
import { documentOut, figureOut, pillarOut, planDetailOut, planOut, planStatusOut } from "./out-schemas.ts";
import { listPlans, planDetail } from "./queries.ts";
import { buildPlanReportData } from "./report-data-builder.ts";
import { reportDataOut } from "./report-data-schema.ts";
import {
  documentInputSchema,
  figureInputSchema,
  pillarInputSchema,
  planInputSchema,
  planPatchSchema,
} from "./schema.ts";
import { addDocument, addFigure, addPillar, createPlan, updatePlan } from "./service.ts";
import { planStatus } from "./status.ts";

const tags = ["plans"];
const params = z.object({ code: z.string() });
const periodQuery = z.object({ period: z.string().min(1) });

/** Kế hoạch, trụ cột, văn bản, số liệu nổi bật, trạng thái và dữ liệu báo cáo. */
export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  const write = (request: Parameters<typeof actorOf>[0]) => ({
    actor: actorOf(request),
    principal: principalOf(request),
    at: "body.",
  });

  app.get(
    "/plans",
    {
      schema: {
        tags,
        summary: "Danh sách kế hoạch / Plans you may read",
        response: { 200: z.array(planOut) },
      },
    },
    async (request) => listPlans(app.db, principalOf(request)),
  );

  app.post(
    "/plans",
    {
      schema: {
        tags,
        summary: "Tạo kế hoạch (quản trị) / Create a plan (admin)",
        body: planInputSchema,
        response: { 201: planOut },
      },
    },
    async (request, reply) => reply.status(201).send(await createPlan(app.db, write(request), request.body)),
  );

  app.get(
    "/plans/:code",
    {
      schema: {
        tags,
        summary: "Kế hoạch với trụ cột, chỉ tiêu, văn bản / A plan with pillars, indicators, documents",
        params,
        response: { 200: planDetailOut },
      },
    },
    async (request) => planDetail(app.db, principalOf(request), request.params.code),
  );

  app.patch(
    "/plans/:code",
    {
      schema: {
        tags,
        summary: "Sửa kế hoạch (quản trị) / Change a plan (admin)",
        params,
        body: planPatchSchema,
        response: { 200: planOut },
      },
    },
    async (request) => updatePlan(app.db, write(request), request.params.code, request.body),
  );

  app.post(
    "/plans/:code/pillars",
    {
      schema: {
        tags,
        summary: "Thêm trụ cột (quản trị) / Add a pillar (admin)",
        params,
        body: pillarInputSchema,
        response: { 201: pillarOut },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addPillar(app.db, write(request), request.params.code, request.body)),
  );

  app.post(
    "/plans/:code/pillars/:pillar/figures",
    {
      schema: {
        tags,
        summary: "Thêm số liệu nổi bật của trụ cột (quản trị) / Add a pillar's key figure (admin)",
        params: z.object({ code: z.string(), pillar: z.string() }),
        body: figureInputSchema,
        response: { 201: figureOut },
      },
    },
    async (request, reply) => {
      const { code, pillar } = request.params;
      return reply.status(201).send(await addFigure(app.db, write(request), code, pillar, request.body));
    },
  );

  app.post(
    "/plans/:code/documents",
    {
      schema: {
        tags,
        summary: "Thêm văn bản đã ban hành (quản trị) / Add an issued document (admin)",
        params,
        body: documentInputSchema,
        response: { 201: documentOut },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addDocument(app.db, write(request), request.params.code, request.body)),
  );

  app.get(
    "/plans/:code/status",
    {
      schema: {
        tags,
        summary:
          "Trạng thái các chỉ tiêu và số lượng theo trụ cột tại một tháng / Indicator statuses and counts per pillar at a month",
        params,
        querystring: periodQuery,
        response: { 200: planStatusOut },
      },
    },
    async (request) => planStatus(app.db, principalOf(request), request.params.code, request.query.period),
  );

  app.get(
    "/plans/:code/report-data",
    {
      schema: {
        tags,
        summary:
          "Dữ liệu báo cáo kế hoạch của một tháng (PlanReportData) / The plan report's data for a month",
        params,
        querystring: periodQuery.extend({ reportDate: z.iso.date().optional() }),
        response: { 200: reportDataOut },
      },
    },
    async (request) =>
      buildPlanReportData(app.db, principalOf(request), request.params.code, request.query.period, {
        reportDate: request.query.reportDate,
      }),
  );

  await app.register(indicatorRoutes);
};
