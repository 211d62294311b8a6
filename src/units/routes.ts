import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { assertUnitInScope } from "../access/principal.ts";
import * as clock from "../config/clock.ts";
import { addDays } from "../domain/period/index.ts";
import { AppError } from "../errors/app-error.ts";
import { acceptListFiles, answerImport, listFileRequest } from "../files/import-http.ts";
import { ROW_FILE_MAX_BYTES, rowFileFormat } from "../files/row-file.ts";
import { actorOf, principalOf } from "../http/context.ts";
import { pageOf, pageQuery } from "../http/paging.ts";
import { isoDate } from "../http/schemas.ts";
import { unitHistory } from "./history.ts";
import { importUnits } from "./import.ts";
import { readUnitFile } from "./import-file.ts";
import { applyReform } from "./reform.ts";
import { readReformFile } from "./reform-file.ts";
import { newUnitSchema, reformSummarySchema, unitHistorySchema, unitImportSummarySchema } from "./schema.ts";
import { closeUnit, createUnits, listUnits, moveUnit, unitByCode } from "./service.ts";

const tags = ["units"];
const unitOut = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string().nullable(),
  kind: z.string(),
  type: z.string(),
  groupCode: z.string().nullable(),
  level: z.number(),
  parentCode: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});

export const unitRoutes: FastifyPluginAsyncZod = async (app) => {
  acceptListFiles(app);

  app.post(
    "/units/import",
    {
      bodyLimit: ROW_FILE_MAX_BYTES,
      schema: {
        tags,
        summary:
          "Nạp danh mục đơn vị từ tệp CSV hoặc Excel, tất cả hoặc không (quản trị) / " +
          "Load the official unit list from a CSV or Excel file, all or nothing (admin)",
        description:
          "The file as the body (text/csv or .xlsx, at most 5 MB). Columns: code, name, name_en, kind " +
          "(territorial|agency), type, level (optional), parent_code, valid_from, valid_to (optional), " +
          "predecessor_codes (optional, `;`-separated). Each row answers create, unchanged or rejected; " +
          "problems are at `rows.<row>.<field>` (the header is row 1). A dry run answers 200 with the " +
          "preview and writes nothing; otherwise any rejected row answers 409 IMPORT_REJECTED with the " +
          "same rows and nothing is written. Stored units are never changed by an import.",
        ...listFileRequest,
        response: { 200: unitImportSummarySchema },
      },
    },
    async (request) => {
      const format = rowFileFormat(request.headers["content-type"] ?? "");
      const rows = await readUnitFile(request.body, format);
      const summary = await importUnits(app.db, actorOf(request), principalOf(request), rows, {
        dryRun: request.query.dryRun,
      });
      return answerImport(summary);
    },
  );

  app.post(
    "/units/reform",
    {
      bodyLimit: ROW_FILE_MAX_BYTES,
      schema: {
        tags,
        summary:
          "Sắp xếp lại đơn vị (sáp nhập, chia tách, bãi bỏ cấp) từ tệp, trong một giao dịch (quản trị cấp tỉnh) / " +
          "Apply a reorganisation (mergers, splits, a level removed) from a file, in one transaction (province admin)",
        description:
          "The file as the body (text/csv or .xlsx). Columns: action (open|abolish; empty: open when a name is " +
          "given), code, name, name_en, kind (territorial|agency, default territorial), type, group, parent_code, " +
          "predecessors (`;`- or `+`-separated codes, a part marked `[part]` or `[một phần]`), date (the effective " +
          "date, the same on every row). The answer lists what opens, closes and moves (each `unchanged` when " +
          "already done), the users, forms, plans and assessments naming a closed unit (never changed), and the " +
          "problems at `rows.<row>.<field>`. A dry run writes nothing; otherwise a problem answers 409 " +
          "IMPORT_REJECTED with the same answer under `summary` and nothing is written.",
        ...listFileRequest,
        response: { 200: reformSummarySchema },
      },
    },
    async (request) => {
      const rows = await readReformFile(request.body, rowFileFormat(request.headers["content-type"] ?? ""));
      const summary = await applyReform(app.db, actorOf(request), principalOf(request), rows, {
        dryRun: request.query.dryRun,
      });
      if (summary.status === "ERROR" && !summary.dryRun) {
        throw new AppError("IMPORT_REJECTED", { count: summary.counts.problems }, summary.problems, {
          summary,
        });
      }
      return summary;
    },
  );

  app.get(
    "/units",
    {
      schema: {
        tags,
        summary: "Cây đơn vị tại một ngày / The unit tree as of a date",
        querystring: z.object({
          asOf: isoDate.optional(),
          kind: z.enum(["territorial", "agency"]).optional(),
          level: z.coerce.number().int().min(1).max(6).optional(),
          parent: z.string().optional(),
          ...pageQuery(5000, 20_000),
        }),
        response: { 200: z.array(unitOut) },
      },
    },
    async (request, reply) => {
      principalOf(request);
      const q = request.query;
      const list = await listUnits(app.db, {
        asOf: q.asOf ?? clock.today(),
        kind: q.kind,
        level: q.level,
        parentCode: q.parent,
      });
      return pageOf(reply, list, q);
    },
  );

  app.get(
    "/units/:code",
    {
      schema: {
        tags,
        summary: "Một đơn vị và lịch sử của nó / One unit with its placements and successions",
        description:
          "Mã đơn vị được dùng lại qua các thời kỳ: mã chỉ đơn vị tồn tại ngày `on` (mặc định hôm nay). / " +
          "Unit codes are reused over time: the code names the unit existing on `on` (default today); " +
          "a code held by several units and none on that day is a 400 AMBIGUOUS_UNIT_CODE at `on`.",
        params: z.object({ code: z.string() }),
        querystring: z.object({ on: isoDate.optional() }),
        response: { 200: unitHistorySchema },
      },
    },
    async (request) => {
      principalOf(request);
      return unitHistory(app.db, request.params.code, request.query.on ?? clock.today(), "on");
    },
  );

  app.post(
    "/units",
    {
      schema: {
        tags,
        summary: "Tạo đơn vị (quản trị) / Create a unit under a parent (admin)",
        body: newUnitSchema,
        response: { 201: z.object({ code: z.string() }) },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const parent = await unitByCode(app.db, request.body.parentCode, request.body.validFrom, "parentCode");
      await assertUnitInScope(app.db, p, ["admin"], parent, request.body.validFrom);
      await createUnits(app.db, actorOf(request), [request.body]);
      return reply.status(201).send({ code: request.body.code });
    },
  );

  app.post(
    "/units/:code/move",
    {
      schema: {
        tags,
        summary:
          "Chuyển đơn vị sang đơn vị cấp trên khác từ một ngày / Move a unit under another parent from a date",
        params: z.object({ code: z.string() }),
        body: z.object({ parentCode: z.string().min(1).nullable(), date: isoDate }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const unit = await unitByCode(app.db, request.params.code, request.body.date, "date");
      await assertUnitInScope(app.db, p, ["admin"], unit, clock.today());
      if (request.body.parentCode) {
        await assertUnitInScope(
          app.db,
          p,
          ["admin"],
          await unitByCode(app.db, request.body.parentCode, request.body.date, "parentCode"),
          clock.today(),
        );
      }
      await moveUnit(app.db, actorOf(request), unit.code, request.body.parentCode, request.body.date);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/units/:code/close",
    {
      schema: {
        tags,
        summary:
          "Giải thể, sáp nhập hoặc chia tách đơn vị / Close a unit (merger, split, abolition) with successors",
        params: z.object({ code: z.string() }),
        body: z.object({
          date: isoDate,
          kind: z.enum(["merge", "split", "rename", "reclassify"]),
          successorCodes: z.array(z.string().min(1)).max(50),
          decision: z.string().max(300).nullish(),
        }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      // The unit closed is the one holding the code the day before the date.
      const unit = await unitByCode(app.db, request.params.code, addDays(request.body.date, -1), "date");
      await assertUnitInScope(app.db, p, ["admin"], unit, clock.today());
      await closeUnit(app.db, actorOf(request), unit.code, request.body);
      return reply.status(204).send(null);
    },
  );
};
