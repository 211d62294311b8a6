import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { attachmentHeader as attachment } from "../files/evidence-file.ts";
import { principalOf } from "../http/context.ts";
import { rankingDocx } from "./outputs/docx.ts";
import { rankingWorkbook, scorecardWorkbook } from "./outputs/excel.ts";
import { rankingMarkdown, scorecardMarkdown } from "./outputs/markdown.ts";
import { appraisalWorklist, ranking, scorecard, scorecardWithPermissions } from "./reading.ts";
import { codeParams, rankingQuery, unitParams } from "./schema.ts";
import { rankingOut, scorecardOut, scorecardWithPermissionsOut } from "./schema-results.ts";

const tags = ["assessments"];
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Results: the ranking and the scorecards, as JSON, Markdown, Excel and Word. */
export const assessmentResultRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/assessments/:code/ranking",
    {
      schema: {
        tags,
        summary:
          "Bảng xếp hạng theo nhóm (sau công bố: mọi người dùng) / The ranking per group (after publication: every user)",
        params: codeParams,
        querystring: rankingQuery,
        response: { 200: rankingOut },
      },
    },
    async (request) => ranking(app.db, principalOf(request), request.params.code, request.query.group),
  );

  app.get(
    "/assessments/:code/ranking.md",
    {
      schema: {
        tags,
        summary: "Bảng xếp hạng (Markdown) / The ranking as Markdown",
        params: codeParams,
        querystring: rankingQuery,
      },
    },
    async (request, reply) => {
      const view = await ranking(app.db, principalOf(request), request.params.code, request.query.group);
      return reply
        .type("text/markdown; charset=utf-8")
        .header("Content-Disposition", attachment(`xep-hang-${view.assessment.code}.md`))
        .send(rankingMarkdown(view));
    },
  );

  app.get(
    "/assessments/:code/ranking.xlsx",
    {
      schema: {
        tags,
        summary: "Bảng xếp hạng (Excel) / The ranking as Excel",
        params: codeParams,
        querystring: rankingQuery,
      },
    },
    async (request, reply) => {
      const view = await ranking(app.db, principalOf(request), request.params.code, request.query.group);
      return reply
        .type(XLSX)
        .header("Content-Disposition", attachment(`xep-hang-${view.assessment.code}.xlsx`))
        .send(await rankingWorkbook(view));
    },
  );

  app.get(
    "/assessments/:code/ranking.docx",
    {
      schema: {
        tags,
        summary:
          "Phụ lục kết quả xếp hạng kèm quyết định (Word) / The ranking as the decision's annex (Word)",
        params: codeParams,
        querystring: rankingQuery,
      },
    },
    async (request, reply) => {
      const view = await ranking(app.db, principalOf(request), request.params.code, request.query.group);
      return reply
        .type(DOCX)
        .header("Content-Disposition", attachment(`phu-luc-xep-hang-${view.assessment.code}.docx`))
        .send(await rankingDocx(view));
    },
  );

  app.get(
    "/assessments/:code/units/:unit/scorecard",
    {
      schema: {
        tags,
        summary:
          "Phiếu kết quả: tự đánh giá và thẩm định theo tiêu chí, lý do, tài liệu kiểm chứng / A unit's scorecard",
        params: unitParams,
        response: { 200: scorecardWithPermissionsOut },
      },
    },
    async (request) =>
      scorecardWithPermissions(app.db, principalOf(request), request.params.code, request.params.unit),
  );

  app.get(
    "/assessments/:code/units/:unit/scorecard.md",
    {
      schema: {
        tags,
        summary: "Phiếu kết quả (Markdown) / A unit's scorecard as Markdown",
        params: unitParams,
      },
    },
    async (request, reply) => {
      const view = await scorecard(app.db, principalOf(request), request.params.code, request.params.unit);
      return reply
        .type("text/markdown; charset=utf-8")
        .header("Content-Disposition", attachment(`phieu-${view.assessment.code}-${view.unit.code}.md`))
        .send(scorecardMarkdown(view));
    },
  );

  app.get(
    "/assessments/:code/units/:unit/scorecard.xlsx",
    { schema: { tags, summary: "Phiếu kết quả (Excel) / A unit's scorecard as Excel", params: unitParams } },
    async (request, reply) => {
      const view = await scorecard(app.db, principalOf(request), request.params.code, request.params.unit);
      return reply
        .type(XLSX)
        .header("Content-Disposition", attachment(`phieu-${view.assessment.code}-${view.unit.code}.xlsx`))
        .send(await scorecardWorkbook(view));
    },
  );

  app.get(
    "/assessments/:code/appraisal",
    {
      schema: {
        tags,
        summary:
          "Việc thẩm định: các tiêu chí được giao, theo đơn vị / The appraiser's worklist: its criteria, unit by unit",
        params: codeParams,
        response: { 200: z.object({ criteria: z.array(z.string()), units: z.array(scorecardOut) }) },
      },
    },
    async (request) => appraisalWorklist(app.db, principalOf(request), request.params.code),
  );
};
