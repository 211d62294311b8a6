import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { tryParsePeriod } from "../domain/period/index.ts";
import { actorOf, principalOf } from "../http/context.ts";
import { readConn } from "../http/read-replica.ts";
import { REPORT_FORMATS } from "./render/index.ts";
import { planReport } from "./service.ts";
import { listTemplates, resetTemplate, saveTemplate } from "./store.ts";
import { MAX_TEMPLATE_LENGTH } from "./template/index.ts";
import { REPORT_LANGS, TEMPLATE_KEYS } from "./templates/index.ts";

const tags = ["reports"];
const lang = z.enum(REPORT_LANGS);
const templateParams = z.object({ key: z.enum(TEMPLATE_KEYS), lang });
const month = z
  .string()
  .refine(
    (id) => tryParsePeriod(id, "month").ok,
    "Kỳ báo cáo phải là một tháng, ví dụ 202309|The period must be a month, e.g. 202309",
  );

const templateOut = z.object({
  key: z.string(),
  lang,
  body: z.string(),
  defaultBody: z.string(),
  customized: z.boolean(),
  valid: z.boolean(),
  description: z.string(),
  descriptionEn: z.string(),
  variables: z.record(z.string(), z.unknown()),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});

export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/plans/:code/report",
    {
      schema: {
        tags,
        summary:
          "Báo cáo kết quả thực hiện kế hoạch (md, docx, pdf, xlsx) / The plan report as Markdown, Word, PDF or Excel",
        params: z.object({ code: z.string().min(1).max(50) }),
        querystring: z.object({
          period: month,
          format: z.enum(REPORT_FORMATS).default("md"),
          lang: lang.default("vi"),
        }),
      },
    },
    async (request, reply) => {
      const q = request.query;
      const report = await planReport(
        await readConn(app, request),
        principalOf(request),
        request.params.code,
        q.period,
        q.format,
        q.lang,
      );
      const disposition = q.format === "md" ? "inline" : "attachment";
      return reply
        .type(report.contentType)
        .header("Content-Disposition", `${disposition}; filename="${report.fileName}"`)
        .send(report.body);
    },
  );

  app.get(
    "/report-templates",
    {
      schema: {
        tags,
        summary: "Các mẫu văn bản báo cáo (quản trị) / The report templates (admin)",
        querystring: z.object({ lang: lang.optional() }),
        response: { 200: z.array(templateOut) },
      },
    },
    async (request) => {
      return listTemplates(app.db, request.query.lang);
    },
  );

  app.put(
    "/report-templates/:key/:lang",
    {
      schema: {
        tags,
        summary: "Sửa một mẫu văn bản báo cáo (quản trị) / Change one report template (admin)",
        params: templateParams,
        body: z.object({ body: z.string().max(MAX_TEMPLATE_LENGTH) }),
        response: { 200: templateOut },
      },
    },
    async (request) => {
      const { key, lang: l } = request.params;
      return saveTemplate(app.db, actorOf(request), key, l, request.body.body, "body.body");
    },
  );

  app.delete(
    "/report-templates/:key/:lang",
    {
      schema: {
        tags,
        summary: "Trả mẫu văn bản về mặc định (quản trị) / Restore a report template's default (admin)",
        params: templateParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const { key, lang: l } = request.params;
      await resetTemplate(app.db, actorOf(request), key, l);
      return reply.status(204).send(null);
    },
  );
};
