import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, principalOf } from "../http/context.ts";
import { appraise, councilAdjust } from "./appraisal.ts";
import { assessmentView, createAssessment, listAssessments } from "./assessments.ts";
import { refreshFromReports } from "./refresh.ts";
import {
  appraisalBody,
  assessmentOut,
  codeParams,
  councilBody,
  newAssessment,
  publishBody,
  reasonBody,
  reopenBody,
  selfValuesBody,
  unitParams,
} from "./schema.ts";
import { reopenUnit, saveSelfValues, submitUnit } from "./self.ts";
import {
  closeAppraisal,
  closeSelfAssessment,
  finalise,
  publish,
  reopenStep,
  startSelfAssessment,
} from "./steps.ts";

const tags = ["assessments"];
const saved = z.object({ saved: z.number() });

/** The index cycle: open, self-assess, submit, appraise, council, publish (docs/assessments.md). */
export const assessmentCycleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/assessments",
    {
      schema: {
        tags,
        summary: "Mở kỳ đánh giá (quản trị) / Open an assessment of units on a framework (admin)",
        body: newAssessment,
        response: { 201: assessmentOut },
      },
    },
    async (request, reply) => {
      const view = await createAssessment(app.db, actorOf(request), principalOf(request), request.body);
      return reply.status(201).send(view);
    },
  );

  app.get(
    "/assessments",
    {
      schema: {
        tags,
        summary: "Các kỳ đánh giá / Assessments",
        response: {
          200: z.array(
            z.object({
              code: z.string(),
              year: z.number(),
              nameVi: z.string(),
              nameEn: z.string(),
              status: z.string(),
            }),
          ),
        },
      },
    },
    async (request) => {
      principalOf(request);
      return listAssessments(app.db);
    },
  );

  app.get(
    "/assessments/:code",
    {
      schema: {
        tags,
        summary: "Kỳ đánh giá, đơn vị và trạng thái / An assessment with its units and their status",
        params: codeParams,
        response: { 200: assessmentOut },
      },
    },
    async (request) => {
      principalOf(request);
      return assessmentView(app.db, request.params.code);
    },
  );

  const steps = [
    ["start", "Bắt đầu tự đánh giá / Start the self-assessment", startSelfAssessment],
    ["close-self-assessment", "Kết thúc tự đánh giá / Close the self-assessment", closeSelfAssessment],
    ["close-appraisal", "Kết thúc thẩm định / Close the appraisal", closeAppraisal],
    ["finalise", "Hội đồng chốt kết quả / The council finalises the results", finalise],
  ] as const;
  for (const [path, summary, run] of steps) {
    app.post(
      `/assessments/:code/${path}`,
      {
        schema: { tags, summary: `${summary} (admin)`, params: codeParams, response: { 200: assessmentOut } },
      },
      async (request) => run(app.db, actorOf(request), principalOf(request), request.params.code),
    );
  }

  app.post(
    "/assessments/:code/publish",
    {
      schema: {
        tags,
        summary:
          "Công bố kết quả theo quyết định của UBND / Publish the results under the approving decision (admin)",
        params: codeParams,
        body: publishBody,
        response: { 200: assessmentOut },
      },
    },
    async (request) =>
      publish(app.db, actorOf(request), principalOf(request), request.params.code, request.body),
  );

  app.post(
    "/assessments/:code/reopen",
    {
      schema: {
        tags,
        summary:
          "Mở lại một bước trước, có lý do / Take the assessment back to an earlier step, with a reason (admin)",
        params: codeParams,
        body: reopenBody,
        response: { 200: assessmentOut },
      },
    },
    async (request) =>
      reopenStep(app.db, actorOf(request), principalOf(request), request.params.code, request.body),
  );

  app.put(
    "/assessments/:code/units/:unit/values",
    {
      schema: {
        tags,
        summary: "Nhập kết quả tự đánh giá / Record self-assessed values (the unit's reporter)",
        params: unitParams,
        body: selfValuesBody,
        response: { 200: saved },
      },
    },
    async (request) => {
      const { code, unit } = request.params;
      return saveSelfValues(app.db, actorOf(request), principalOf(request), code, unit, request.body.values);
    },
  );

  app.post(
    "/assessments/:code/units/:unit/refresh",
    {
      schema: {
        tags,
        summary:
          "Lấy giá trị từ báo cáo định kỳ đã duyệt / Fill criteria from the approved reports (the unit's reporter)",
        params: unitParams,
        response: {
          200: z.object({
            filled: z.array(z.object({ criterion: z.string(), value: z.unknown() })),
            skipped: z.array(z.object({ criterion: z.string(), reason: z.string(), reasonEn: z.string() })),
          }),
        },
      },
    },
    async (request) => {
      const { code, unit } = request.params;
      return refreshFromReports(app.db, actorOf(request), principalOf(request), code, unit);
    },
  );

  app.post(
    "/assessments/:code/units/:unit/submit",
    {
      schema: {
        tags,
        summary: "Nộp kết quả tự đánh giá / Submit the self-assessment (the unit's approver)",
        params: unitParams,
        response: { 200: z.object({ status: z.literal("submitted") }) },
      },
    },
    async (request) =>
      submitUnit(app.db, actorOf(request), principalOf(request), request.params.code, request.params.unit),
  );

  app.post(
    "/assessments/:code/units/:unit/reopen",
    {
      schema: {
        tags,
        summary: "Mở lại phần tự đánh giá đã nộp / Reopen a submitted self-assessment (admin)",
        params: unitParams,
        body: reasonBody,
        response: { 200: z.object({ status: z.literal("draft") }) },
      },
    },
    async (request) => {
      const { code, unit } = request.params;
      return reopenUnit(app.db, actorOf(request), principalOf(request), code, unit, request.body.reason);
    },
  );

  app.put(
    "/assessments/:code/units/:unit/appraisal",
    {
      schema: {
        tags,
        summary:
          "Thẩm định: xác nhận hoặc điều chỉnh có lý do / Appraise: confirm, or adjust with a reason (appraiser)",
        params: unitParams,
        body: appraisalBody,
        response: { 200: saved },
      },
    },
    async (request) => {
      const { code, unit } = request.params;
      return appraise(app.db, actorOf(request), principalOf(request), code, unit, request.body.items);
    },
  );

  app.put(
    "/assessments/:code/units/:unit/council",
    {
      schema: {
        tags,
        summary: "Điều chỉnh của hội đồng, có lý do / The council's adjustment, with a reason (admin)",
        params: unitParams,
        body: councilBody,
        response: { 200: saved },
      },
    },
    async (request) => {
      const { code, unit } = request.params;
      return councilAdjust(app.db, actorOf(request), principalOf(request), code, unit, request.body.items);
    },
  );
};
