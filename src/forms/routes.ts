import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, principalOf } from "../http/context.ts";
import { formForUnit } from "./fit.ts";
import { listForms } from "./queries.ts";
import {
  formInputSchema,
  formOutSchema,
  formSummarySchema,
  ruleSchema,
  unitCodesSchema,
  versionInputSchema,
} from "./schema.ts";
import { addRule, createForm, deleteRule, setFormUnits } from "./service.ts";
import { changeFormVersion } from "./versions.ts";

const tags = ["forms"];
const params = z.object({ code: z.string() });

export const formRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/forms",
    {
      schema: {
        tags,
        summary: "Danh sách biểu mẫu / List forms",
        response: { 200: z.array(formSummarySchema) },
      },
    },
    async (request) => {
      principalOf(request);
      return listForms(app.db);
    },
  );

  app.get(
    "/forms/:code",
    {
      schema: {
        tags,
        summary:
          "Biểu mẫu: chỉ số, phần thuyết minh, quy tắc, đơn vị; với unit, period: như đơn vị đó báo cáo kỳ đó / " +
          "A form with metrics, sections, rules, units; with unit and period: as that unit reports it that period",
        params,
        querystring: z.object({
          unit: z.string().min(1).max(30).optional(),
          period: z.string().min(1).max(10).optional(),
        }),
        response: { 200: formOutSchema },
      },
    },
    async (request) => {
      principalOf(request);
      return formForUnit(app.db, request.params.code, request.query);
    },
  );

  app.post(
    "/forms",
    {
      schema: {
        tags,
        summary: "Tạo biểu mẫu (quản trị) / Create a form (admin)",
        body: formInputSchema,
        response: { 201: formOutSchema },
      },
    },
    async (request, reply) => {
      return reply.status(201).send(await createForm(app.db, actorOf(request), request.body));
    },
  );

  app.put(
    "/forms/:code/metrics",
    {
      schema: {
        tags,
        summary:
          "Đổi chỉ số (theo nhóm đơn vị) và quy tắc của biểu mẫu từ một kỳ (quản trị) / " +
          "Change a form's metrics (with their unit groups) and rules from a period on (admin)",
        params,
        body: versionInputSchema,
        response: { 200: formOutSchema },
      },
    },
    async (request) => changeFormVersion(app.db, actorOf(request), request.params.code, request.body),
  );

  app.put(
    "/forms/:code/units",
    {
      schema: {
        tags,
        summary: "Giao biểu mẫu cho các đơn vị (quản trị) / Assign the units that report a form (admin)",
        params,
        body: unitCodesSchema,
        response: { 200: formOutSchema },
      },
    },
    async (request) => {
      return setFormUnits(app.db, actorOf(request), request.params.code, request.body.unitCodes);
    },
  );

  app.post(
    "/forms/:code/rules",
    {
      schema: {
        tags,
        summary: "Thêm quy tắc kiểm tra (quản trị) / Add a validation rule (admin)",
        params,
        body: ruleSchema,
        response: { 201: formOutSchema },
      },
    },
    async (request, reply) => {
      return reply
        .status(201)
        .send(await addRule(app.db, actorOf(request), request.params.code, request.body));
    },
  );

  app.delete(
    "/forms/:code/rules/:rule",
    {
      schema: {
        tags,
        summary: "Xóa quy tắc kiểm tra (quản trị) / Delete a validation rule (admin)",
        params: params.extend({ rule: z.string() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteRule(app.db, actorOf(request), request.params.code, request.params.rule);
      return reply.status(204).send(null);
    },
  );
};
