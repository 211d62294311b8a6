import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { answerImport, dryRunQuery } from "../files/import-http.ts";
import { actorOf } from "../http/context.ts";
import { importSetup } from "./import.ts";
import { setupBundleSchema, setupSummarySchema } from "./schema.ts";
import { exportSetup } from "./store.ts";

const tags = ["forms"];
/** A province's forms fit in far less (the demo's bundle is about 21 kB). */
const BUNDLE_MAX_BYTES = 5 * 1024 * 1024;

/** Setup bundles over HTTP, as `chiso setup export|import`; the province admin only (routes-model). */
export const setupBundleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/setup/bundle",
    {
      schema: {
        tags,
        summary:
          "Xuất biểu mẫu cùng chỉ số và quy tắc thành gói thiết lập (quản trị tỉnh) / " +
          "Export forms with their metrics and rules as a setup bundle (province admin)",
        description: "`form` may repeat; without it every form and every metric. Units are not carried.",
        querystring: z.object({
          form: z.union([z.string().max(40), z.array(z.string().max(40)).max(500)]).optional(),
        }),
        response: { 200: setupBundleSchema },
      },
    },
    async (request) => {
      const { form } = request.query;
      return exportSetup(app.db, form === undefined ? [] : [form].flat());
    },
  );

  app.post(
    "/setup/bundle",
    {
      bodyLimit: BUNDLE_MAX_BYTES,
      schema: {
        tags,
        summary:
          "Nạp gói thiết lập, tất cả hoặc không (quản trị tỉnh) / " +
          "Load a setup bundle, all or nothing (province admin)",
        description:
          "Each metric, form, form version and rule answers create, update, unchanged or rejected, with " +
          "its problems at its path in the bundle (`forms.0.versions.1.rules.2.expression`). The writes " +
          "are those of POST /api/metrics, PATCH /api/metrics/{code}, POST /api/forms and PUT " +
          "/api/forms/{code}/metrics, with their checks and audit rows. A dry run answers 200 and writes " +
          "nothing; otherwise any rejected row answers 409 IMPORT_REJECTED with the same rows and " +
          "nothing is written. The same bundle again changes nothing.",
        querystring: dryRunQuery,
        body: setupBundleSchema,
        response: { 200: setupSummarySchema },
      },
    },
    async (request) =>
      answerImport(
        await importSetup(app.db, actorOf(request), request.body, { dryRun: request.query.dryRun }),
      ),
  );
};
