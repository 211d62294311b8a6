import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { principalOf } from "../http/context.ts";
import { readConn } from "../http/read-replica.ts";
import { cachedSummary, summaryTag } from "./cached.ts";
import { summaryOut, summaryQuery } from "./schema.ts";
import { approvedMonths } from "./summary.ts";

function acceptsGzip(header: string | undefined): boolean {
  return header !== undefined && /\bgzip\b/.test(header);
}

export const iocRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/ioc/periods",
    {
      schema: {
        tags: ["ioc"],
        summary:
          "Các tháng đã có báo cáo được phê duyệt, mới nhất trước / Months with approved reports, newest first",
        response: { 200: z.object({ periods: z.array(z.string()) }) },
      },
    },
    async (request) => {
      principalOf(request);
      return { periods: await approvedMonths(await readConn(app, request)) };
    },
  );

  app.get(
    "/ioc/summary",
    {
      schema: {
        tags: ["ioc"],
        summary:
          "Màn hình điều hành (IOC): chỉ tiêu theo trụ cột, số liệu nổi bật, tính đầy đủ, xếp hạng, bản đồ / " +
          "The leaders' screen in one answer: statuses per pillar, key figures, completeness, ranking, map",
        querystring: summaryQuery,
        response: { 200: summaryOut, 304: z.null() },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const db = await readConn(app, request);
      const tag = await summaryTag(db, principal, request.query);
      reply
        .header("etag", tag.etag)
        .header("cache-control", "private, no-cache")
        .header("vary", "accept-encoding");
      if (request.headers["if-none-match"] === tag.etag) return reply.status(304).send(null);
      const body = await cachedSummary(db, principal, request.query, tag);
      const gzipped = acceptsGzip(request.headers["accept-encoding"]);
      if (gzipped) reply.header("content-encoding", "gzip");
      // Already encoded against `summaryOut` when cached: a Buffer skips the per-request serialiser.
      return reply.type("application/json; charset=utf-8").send((gzipped ? body.gzip : body.json) as never);
    },
  );
};
