import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { qualityRules } from "../domain/quality/index.ts";
import { actorOf, principalOf } from "../http/context.ts";
import { followUpStatuses, outliers, reportQuality, setFollowUp } from "./service.ts";

const tags = ["quality"];

const flagSchema = z.object({
  rule: z.enum(qualityRules),
  metric: z.string(),
  value: z.number(),
  expected: z.object({ low: z.number(), high: z.number() }),
  score: z.number(),
  basis: z.number(),
  previous: z.number().optional(),
  messageVi: z.string(),
  messageEn: z.string(),
});
const followUpSchema = z.object({
  status: z.enum(followUpStatuses),
  note: z.string().nullable(),
  by: z.string(),
  at: z.string(),
});
const flaggedSchema = z.object({
  metric: z.string(),
  metricName: z.string(),
  value: z.number(),
  comment: z.string().nullable(),
  needsComment: z.boolean(),
  flags: z.array(flagSchema),
  followUp: followUpSchema.nullable(),
});

export const qualityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/submissions/:id/quality",
    {
      schema: {
        tags,
        summary:
          "Cảnh báo chất lượng số liệu của một báo cáo / Data-quality flags of a report's values (entry and approval)",
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: {
          200: z.object({
            id: z.number(),
            form: z.string(),
            unit: z.string(),
            period: z.string(),
            values: z.array(flaggedSchema),
          }),
        },
      },
    },
    async (request) => reportQuality(app.db, principalOf(request), request.params.id),
  );

  app.get(
    "/quality/outliers",
    {
      schema: {
        tags,
        summary:
          "Giá trị bất thường theo đơn vị và chỉ số / Outliers by unit and metric of a form and period",
        querystring: z.object({
          form: z.string().min(1).max(40),
          period: z.string().min(1).max(10),
          unit: z.string().max(30).optional(),
        }),
        response: {
          200: z.object({
            form: z.string(),
            period: z.string(),
            reports: z.number(),
            items: z.array(
              flaggedSchema.extend({
                submission: z.number(),
                unit: z.string(),
                unitName: z.string(),
                status: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => outliers(app.db, principalOf(request), request.query),
  );

  app.put(
    "/quality/follow-ups",
    {
      schema: {
        tags,
        summary:
          "Ghi nhận xử lý một giá trị bất thường / Record the follow-up of a flagged value (confirmed or corrected)",
        body: z.object({
          submission: z.number().int().positive(),
          metric: z.string().min(1).max(40),
          status: z.enum(followUpStatuses),
          note: z.string().max(2000).nullish(),
        }),
        response: {
          200: followUpSchema.extend({ submission: z.number(), metric: z.string() }),
        },
      },
    },
    async (request) => setFollowUp(app.db, actorOf(request), principalOf(request), request.body),
  );
};
