import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, principalOf } from "../http/context.ts";
import { saveResultSchema } from "../submissions/schema.ts";
import { templateContent, templateTarget } from "./content.ts";
import { uploadTemplate } from "./upload.ts";
import { writeTemplate } from "./write.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** A filled form template is tens of KB; 2 MB leaves room for long narratives. */
export const TEMPLATE_BODY_LIMIT = 2 * 1024 * 1024;

const tags = ["submissions"];
const params = z.object({ code: z.string().min(1).max(40) });
const querystring = z.object({ unit: z.string().min(1).max(30), period: z.string().min(1).max(10) });

export const templateRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser([XLSX, "application/octet-stream"], { parseAs: "buffer" }, (_r, body, done) =>
    done(null, body),
  );

  app.get(
    "/forms/:code/template.xlsx",
    {
      schema: {
        tags,
        summary:
          "Tải mẫu nhập liệu Excel của biểu mẫu cho một đơn vị và kỳ / " +
          "Download the form as an Excel template for a unit and period (current and last period's values)",
        params,
        querystring,
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      const { code } = request.params;
      const target = await templateTarget(app.db, code, request.query.unit, request.query.period);
      const content = await templateContent(app.db, principalOf(request), target);
      const name = `mau-${content.form.code}-${content.unit.code}-${content.period.id}.xlsx`;
      return reply
        .type(XLSX)
        .header("content-disposition", `attachment; filename="${name}"`)
        .header("cache-control", "private, no-store")
        .send(await writeTemplate(content));
    },
  );

  app.post(
    "/forms/:code/template.xlsx",
    {
      bodyLimit: TEMPLATE_BODY_LIMIT,
      schema: {
        tags,
        summary:
          "Nộp mẫu Excel đã điền (lưu thành bản nháp, tất cả hoặc không) / " +
          "Upload a filled Excel template as the report's draft, all or nothing; 422 lists each bad cell",
        params,
        querystring,
        consumes: [XLSX],
        body: z.custom<Buffer>(
          (v) => Buffer.isBuffer(v),
          "Gửi tệp .xlsx làm nội dung|Send the .xlsx file as the body",
        ),
        response: { 200: saveResultSchema, 201: saveResultSchema },
      },
    },
    async (request, reply) => {
      const query = { code: request.params.code, ...request.query };
      const result = await uploadTemplate(
        app.db,
        actorOf(request),
        principalOf(request),
        query,
        request.body,
      );
      return reply.status(result.created ? 201 : 200).send(result);
    },
  );
};
