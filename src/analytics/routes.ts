import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { principalOf } from "../http/context.ts";
import { readConn } from "../http/read-replica.ts";
import { analytics } from "./service.ts";

const tags = ["analytics"];
/** A query parameter that may be repeated (`?dimension=dx:A&dimension=pe:2023`); there are only three dimensions. */
const oneDimension = z.string().max(20_000);
const repeated = z.union([oneDimension, z.array(oneDimension).max(3)]).optional();
const asList = (v: string | string[] | undefined): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];

const itemName = z.object({ name: z.string(), nameEn: z.string() });
const response = z.object({
  headers: z.array(
    z.object({
      name: z.string(),
      column: z.string(),
      valueType: z.enum(["TEXT", "NUMBER"]),
      meta: z.boolean(),
    }),
  ),
  metaData: z.object({
    items: z.record(z.string(), itemName),
    dimensions: z.object({ dx: z.array(z.string()), pe: z.array(z.string()), ou: z.array(z.string()) }),
    view: z
      .enum(["own-period", "asOf"])
      .describe(
        "Cách gán số liệu: theo cây của chính kỳ số liệu, hoặc theo cây của ngày asOf / " +
          "Where values count: in their own period's tree, or all in the tree of asOf",
      ),
    asOf: z.string().nullable().describe("Ngày của cây khi view = asOf / The tree's date when view is asOf"),
  }),
  rows: z.array(z.array(z.string())),
  height: z.number(),
  width: z.number(),
});

export const analyticsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/analytics",
    {
      schema: {
        tags,
        summary: "Tổng hợp số liệu theo chỉ số, kỳ và đơn vị / Aggregated figures by metric, period and unit",
        description:
          "Như /api/analytics của DHIS2 / Shaped like DHIS2's /api/analytics: " +
          "`dimension=dx:CODE;CODE&dimension=pe:202309;2023Q3;2023&dimension=ou:CODE;LEVEL-2`, " +
          "`filter=` with the same syntax, `includeUnapproved=true`, `asOf=YYYY-MM-DD`. See docs/analytics.md.",
        querystring: z.object({
          dimension: repeated.describe("dx:…, pe:… hoặc/or ou:…"),
          filter: repeated.describe(
            "Chiều gộp, không thành cột / Dimensions aggregated over, not shown as columns",
          ),
          includeUnapproved: z.stringbool().optional(),
          asOf: z.string().optional().describe("Ngày của cây đơn vị / Date of the unit tree, YYYY-MM-DD"),
        }),
        response: { 200: response },
      },
    },
    async (request) => {
      const q = request.query;
      return analytics(await readConn(app, request), principalOf(request), {
        dimension: asList(q.dimension),
        filter: asList(q.filter),
        includeUnapproved: q.includeUnapproved,
        asOf: q.asOf,
      });
    },
  );
};
