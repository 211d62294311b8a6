import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, principalOf } from "../http/context.ts";
import { pageOf, pageQuery } from "../http/paging.ts";
import { completeness, completenessOver } from "./completeness.ts";
import { decideMany, MAX_DECISIONS } from "./decisions.ts";
import { listSubmissions, submissionDetail } from "./queries.ts";
import {
  completenessOutSchema,
  detailOutSchema,
  saveDraftSchema,
  saveResultSchema,
  statuses,
  summaryOutSchema,
  transitionResultSchema,
} from "./schema.ts";
import { saveDraft } from "./service.ts";
import { approve, reopen, returnSubmission, submit } from "./workflow.ts";

const tags = ["submissions"];
const params = z.object({ id: z.coerce.number().int().positive() });
const versioned = z.object({ version: z.number().int().positive() });
const reason = z.string().max(2000);

const decisionsBody = z
  .object({
    action: z.enum(["approve", "return"]),
    reason: z.string().trim().min(1).max(2000).optional(),
    reports: z
      .array(z.object({ id: z.number().int().positive(), version: z.number().int().positive() }))
      .min(1)
      .max(MAX_DECISIONS)
      .optional(),
    filter: z
      .object({
        form: z.string().max(100).optional(),
        period: z.string().max(20).optional(),
        unit: z.string().max(100).optional(),
      })
      .optional(),
  })
  .refine((b) => (b.reports === undefined) !== (b.filter === undefined), {
    message: "Cần đúng một trong reports hoặc filter|Give exactly one of reports or filter",
    path: ["reports"],
  })
  .refine((b) => b.action !== "return" || b.reason !== undefined, {
    message: "Trả lại cần lý do|Returning needs a reason",
    path: ["reason"],
  });
const decisionsOut = z.object({
  results: z.array(
    z.object({
      id: z.number(),
      outcome: z.enum(["approved", "returned", "refused"]),
      version: z.number().nullable(),
      error: z.object({ code: z.string(), message: z.string(), message_en: z.string() }).nullable(),
    }),
  ),
  counts: z.object({ approved: z.number(), returned: z.number(), refused: z.number() }),
});

export const submissionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/submissions",
    {
      schema: {
        tags,
        summary: "Danh sách báo cáo trong phạm vi / Reports within your scope",
        querystring: z.object({
          form: z.string().optional(),
          period: z.string().optional(),
          unit: z.string().optional(),
          status: z.enum(statuses).optional(),
          ...pageQuery(500, 5000),
        }),
        response: { 200: z.array(summaryOutSchema) },
      },
    },
    async (request, reply) =>
      pageOf(reply, await listSubmissions(app.db, principalOf(request), request.query), request.query),
  );

  app.get(
    "/submissions/:id",
    {
      schema: {
        tags,
        summary:
          "Một báo cáo: số liệu, kỳ trước, thuyết minh, lịch sử / One report with values, last period, history",
        params,
        response: { 200: detailOutSchema },
      },
    },
    async (request) => submissionDetail(app.db, principalOf(request), request.params.id),
  );

  app.put(
    "/submissions",
    {
      schema: {
        tags,
        summary: "Tạo hoặc sửa báo cáo nháp / Create or update the draft of a form, unit and period",
        body: saveDraftSchema,
        response: { 200: saveResultSchema, 201: saveResultSchema },
      },
    },
    async (request, reply) => {
      const result = await saveDraft(app.db, actorOf(request), principalOf(request), request.body);
      return reply.status(result.created ? 201 : 200).send(result);
    },
  );

  app.post(
    "/submissions/:id/submit",
    {
      schema: {
        tags,
        summary: "Nộp báo cáo / Submit a report",
        params,
        body: versioned,
        response: { 200: transitionResultSchema },
      },
    },
    async (request) =>
      submit(app.db, actorOf(request), principalOf(request), request.params.id, request.body.version),
  );

  app.post(
    "/submissions/:id/approve",
    {
      schema: {
        tags,
        summary: "Phê duyệt báo cáo / Approve a report",
        params,
        body: versioned,
        response: { 200: transitionResultSchema },
      },
    },
    async (request) =>
      approve(app.db, actorOf(request), principalOf(request), request.params.id, request.body.version),
  );

  app.post(
    "/submissions/decisions",
    {
      schema: {
        tags,
        summary:
          "Phê duyệt hoặc trả lại hàng loạt (danh sách chọn hoặc bộ lọc) / Approve or return many reports (a selection or a filter)",
        description:
          "Each report is decided as by its own approve or return call, audited alike; one refused report does not stop the others. " +
          "`reports` gives the versions seen; `filter` takes the submitted reports in your scope as they are now.",
        body: decisionsBody,
        response: { 200: decisionsOut },
      },
    },
    async (request) => {
      const { action, reason: text, reports, filter } = request.body;
      const decision = action === "return" ? { action, reason: text ?? "" } : { action };
      const target = reports ? { reports } : { filter: filter ?? {} };
      const results = await decideMany(app.db, actorOf(request), principalOf(request), decision, target);
      const count = (o: string) => results.filter((r) => r.outcome === o).length;
      return {
        results,
        counts: { approved: count("approved"), returned: count("returned"), refused: count("refused") },
      };
    },
  );

  app.post(
    "/submissions/:id/return",
    {
      schema: {
        tags,
        summary: "Trả lại báo cáo kèm lý do / Return a report with a reason",
        params,
        body: versioned.extend({ reason }),
        response: { 200: transitionResultSchema },
      },
    },
    async (request) => {
      const { version, reason: text } = request.body;
      return returnSubmission(
        app.db,
        actorOf(request),
        principalOf(request),
        request.params.id,
        version,
        text,
      );
    },
  );

  app.post(
    "/submissions/:id/reopen",
    {
      schema: {
        tags,
        summary: "Mở lại báo cáo đã khóa (quản trị) / Reopen a locked report (admin)",
        params,
        body: versioned.extend({ reason, days: z.number().int().min(1).max(90).default(7) }),
        response: { 200: transitionResultSchema },
      },
    },
    async (request) => {
      const { version, reason: text, days } = request.body;
      return reopen(app.db, actorOf(request), principalOf(request), request.params.id, version, text, days);
    },
  );

  app.get(
    "/completeness",
    {
      schema: {
        tags,
        summary: "Tỷ lệ báo cáo đầy đủ, đúng hạn / Reporting completeness and timeliness",
        querystring: z.object({ form: z.string(), period: z.string(), unit: z.string().optional() }),
        response: { 200: completenessOutSchema },
      },
    },
    async (request) => completeness(app.db, principalOf(request), request.query),
  );

  app.get(
    "/completeness/periods",
    {
      schema: {
        tags,
        summary:
          "Tỷ lệ báo cáo đầy đủ, đúng hạn qua nhiều kỳ (lưới đơn vị × kỳ) / Completeness over several periods (a units × periods grid)",
        querystring: z.object({
          form: z.string(),
          from: z.string(),
          to: z.string(),
          unit: z.string().optional(),
        }),
        response: { 200: z.array(completenessOutSchema) },
      },
    },
    async (request) => completenessOver(app.db, principalOf(request), request.query),
  );
};
