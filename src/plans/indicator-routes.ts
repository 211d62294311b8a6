import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { attachmentHeader } from "../files/evidence-file.ts";
import { actorOf, principalOf } from "../http/context.ts";
import { PROGRESS_BODY_LIMIT } from "./evidence.ts";
import { indicatorHistory } from "./history.ts";
import { createIndicator, updateIndicator } from "./indicators.ts";
import { declareStatus, overrideStatus } from "./judgements.ts";
import {
  declarationOut,
  historyOut,
  indicatorDetailOut,
  indicatorOut,
  overrideOut,
  progressOut,
} from "./out-schemas.ts";
import { addProgress, evidenceFile } from "./progress.ts";
import { indicatorDetail } from "./queries.ts";
import {
  declarationInputSchema,
  indicatorInputSchema,
  indicatorPatchSchema,
  overrideInputSchema,
  progressInputSchema,
} from "./schema.ts";

const tags = ["plans"];
const planParams = z.object({ code: z.string() });
const params = z.object({ code: z.string(), indicator: z.string() });
const base = "/plans/:code/indicators/:indicator";

/** Chỉ tiêu: keyed by plan code and indicator code, e.g. /api/plans/KH-CDS-2023/indicators/DL-01. */
export const indicatorRoutes: FastifyPluginAsyncZod = async (app) => {
  const write = (request: Parameters<typeof actorOf>[0]) => ({
    actor: actorOf(request),
    principal: principalOf(request),
    at: "body.",
  });

  app.post(
    "/plans/:code/indicators",
    {
      schema: {
        tags,
        summary: "Thêm chỉ tiêu (quản trị) / Add an indicator (admin)",
        params: planParams,
        body: indicatorInputSchema,
        response: { 201: indicatorOut },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createIndicator(app.db, write(request), request.params.code, request.body)),
  );

  app.get(
    base,
    {
      schema: {
        tags,
        summary:
          "Chỉ tiêu với tiến độ, khai báo, điều chỉnh / An indicator with its progress, declarations, overrides",
        params,
        response: { 200: indicatorDetailOut },
      },
    },
    async (request) =>
      indicatorDetail(app.db, principalOf(request), request.params.code, request.params.indicator),
  );

  app.patch(
    base,
    {
      schema: {
        tags,
        summary: "Sửa chỉ tiêu (quản trị) / Change an indicator (admin)",
        params,
        body: indicatorPatchSchema,
        response: { 200: indicatorOut },
      },
    },
    async (request) =>
      updateIndicator(app.db, write(request), request.params.code, request.params.indicator, request.body),
  );

  app.post(
    `${base}/progress`,
    {
      bodyLimit: PROGRESS_BODY_LIMIT,
      schema: {
        tags,
        summary:
          "Cập nhật tiến độ kèm minh chứng (tệp base64, tối đa 5 MB) / Post progress with evidence (base64 file, at most 5 MB)",
        params,
        body: progressInputSchema,
        response: { 201: progressOut },
      },
    },
    async (request, reply) => {
      const { code, indicator } = request.params;
      return reply.status(201).send(await addProgress(app.db, write(request), code, indicator, request.body));
    },
  );

  app.get(
    `${base}/evidence/:id`,
    {
      schema: {
        tags,
        summary: "Tải tệp minh chứng / Download an evidence file",
        params: params.extend({ id: z.coerce.number().int().positive() }),
      },
    },
    async (request, reply) => {
      const { code, indicator, id } = request.params;
      const file = await evidenceFile(app.db, { principal: principalOf(request) }, code, indicator, id);
      // Never rendered by the browser: always a download, never sniffed into HTML.
      return reply
        .header("Content-Type", file.type)
        .header("Content-Disposition", attachmentHeader(file.name))
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'; sandbox")
        .header("Cache-Control", "private, no-store")
        .send(file.content);
    },
  );

  app.post(
    `${base}/declarations`,
    {
      schema: {
        tags,
        summary:
          "Khai báo chỉ tiêu phụ thuộc / không tiếp tục đánh giá / Declare an indicator dependent or discontinued",
        params,
        body: declarationInputSchema,
        response: { 201: declarationOut },
      },
    },
    async (request, reply) => {
      const { code, indicator } = request.params;
      return reply
        .status(201)
        .send(await declareStatus(app.db, write(request), code, indicator, request.body));
    },
  );

  app.post(
    `${base}/overrides`,
    {
      schema: {
        tags,
        summary: "Điều chỉnh trạng thái một tháng, phải nêu lý do / Override a month's status, with a reason",
        params,
        body: overrideInputSchema,
        response: { 201: overrideOut },
      },
    },
    async (request, reply) => {
      const { code, indicator } = request.params;
      return reply
        .status(201)
        .send(await overrideStatus(app.db, write(request), code, indicator, request.body));
    },
  );

  app.get(
    `${base}/history`,
    {
      schema: {
        tags,
        summary:
          "Lịch sử trạng thái và đường tiến độ cho biểu đồ / Status history and chart lines of an indicator",
        params,
        querystring: z.object({ to: z.string().min(1) }),
        response: { 200: historyOut },
      },
    },
    async (request) =>
      indicatorHistory(
        app.db,
        principalOf(request),
        request.params.code,
        request.params.indicator,
        request.query.to,
      ),
  );
};
