import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { frameworkSchema } from "../domain/index-scoring/index.ts";
import { actorOf, principalOf } from "../http/context.ts";
import {
  createFramework,
  createFrameworkFromWorkbook,
  frameworkByCode,
  listFrameworks,
} from "./frameworks.ts";
import { frameworkQuery, workbookQuery } from "./schema.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const tags = ["assessments"];
const summaryOut = z.object({
  code: z.string(),
  lineage: z.string(),
  year: z.number(),
  nameVi: z.string(),
  nameEn: z.string(),
});
const frameworkOut = summaryOut.extend({ definition: frameworkSchema });

/** Bộ chỉ số: frameworks as data (docs/assessments.md, src/domain/index-scoring/README.md). */
export const frameworkRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/index-frameworks",
    {
      schema: {
        tags,
        summary:
          "Nạp bộ chỉ số (JSON, quản trị) / Load an index framework as JSON (admin); 400 lists each problem with its path",
        description:
          "The body is the framework itself: {code, year, nameVi, nameEn, groups, pillars, criteria}. " +
          "`lineage` (default: the code without its year) links the frameworks whose results compare year on year.",
        querystring: frameworkQuery,
        // Checked by the domain's parseFramework, which names every problem's path.
        body: z.record(z.string(), z.unknown()),
        response: { 201: frameworkOut },
      },
    },
    async (request, reply) => {
      const view = await createFramework(
        app.db,
        actorOf(request),
        principalOf(request),
        request.body,
        request.query.lineage,
      );
      return reply.status(201).send(view);
    },
  );

  app.addContentTypeParser(XLSX, { parseAs: "buffer" }, (_request, body, done) => done(null, body));

  app.post(
    "/index-frameworks.xlsx",
    {
      schema: {
        tags,
        summary:
          "Nạp bộ chỉ số từ tệp Excel đã công bố (quản trị) / Load a framework from the published Excel sheet (admin)",
        description:
          "The raw .xlsx as the body. First sheet: STT, Chỉ số, Điểm tối đa, Cách xác định và tính điểm, " +
          "Tài liệu kiểm chứng, Nguồn thu thập dữ liệu, Đơn vị phối hợp xác minh, plus Phương pháp (method JSON), " +
          "Nhóm, Tên tiếng Anh, Biểu thức, Mã. Sheet Nhóm: Mã, Tên, Tên tiếng Anh, Tổng điểm. " +
          "Problems are reported at `rows.<sheet row>.<field>`.",
        querystring: workbookQuery,
        consumes: [XLSX],
        body: z.custom<Buffer>(
          (v) => Buffer.isBuffer(v),
          "Gửi tệp .xlsx làm nội dung|Send the .xlsx file as the body",
        ),
        response: { 201: frameworkOut },
      },
    },
    async (request, reply) => {
      const { lineage, ...meta } = request.query;
      const view = await createFrameworkFromWorkbook(
        app.db,
        actorOf(request),
        principalOf(request),
        request.body,
        { ...meta, nameEn: meta.nameEn ?? meta.nameVi },
        lineage,
      );
      return reply.status(201).send(view);
    },
  );

  app.get(
    "/index-frameworks",
    { schema: { tags, summary: "Các bộ chỉ số / Index frameworks", response: { 200: z.array(summaryOut) } } },
    async (request) => {
      principalOf(request);
      return listFrameworks(app.db);
    },
  );

  app.get(
    "/index-frameworks/:code",
    {
      schema: {
        tags,
        summary: "Một bộ chỉ số / One index framework with its definition",
        params: z.object({ code: z.string() }),
        response: { 200: frameworkOut },
      },
    },
    async (request) => {
      principalOf(request);
      const { id: _id, ...view } = await frameworkByCode(app.db, request.params.code);
      return view;
    },
  );
};
