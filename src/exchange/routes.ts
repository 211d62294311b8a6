import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Principal } from "../access/principal.ts";
import type { Actor } from "../audit/audit.ts";
import { AppError } from "../errors/app-error.ts";
import { actorOf, principalOf } from "../http/context.ts";
import { readConn } from "../http/read-replica.ts";
import { csvFromValues } from "./dhis2-csv.ts";
import { exportDataValueSets } from "./export.ts";
import { type ImportOptions, importValues } from "./import.ts";
import {
  dataValueSetInSchema,
  dataValueSetOutSchema,
  exportQuerySchema,
  type ImportSummary,
  importQuerySchema,
  importSummarySchema,
} from "./schema.ts";
import { csvSource, payloadSource, type ValueSource } from "./sources.ts";

const tags = ["exchange"];

function exportQuery(q: z.output<typeof exportQuerySchema>) {
  return {
    dataSet: q.dataSet,
    periods: q.period,
    orgUnits: q.orgUnit,
    children: q.children,
    includeUnapproved: q.includeUnapproved,
  };
}

/** An import that wrote nothing answers 409 with DHIS2's import summary beside the error (docs/exchange.md). */
async function runImport(
  db: Parameters<typeof importValues>[0],
  who: { actor: Actor; principal: Principal },
  source: ValueSource,
  options: ImportOptions,
): Promise<ImportSummary> {
  const summary = await importValues(db, who.actor, who.principal, source, options);
  if (summary.status === "ERROR") {
    throw new AppError("IMPORT_REJECTED", { count: summary.conflictCount }, [], summary);
  }
  return summary;
}

export const exchangeRoutes: FastifyPluginAsyncZod = async (app) => {
  // DHIS2 clients post CSV as text/csv or application/csv; kept as text for our own parser.
  app.addContentTypeParser(["text/csv", "application/csv"], { parseAs: "string" }, (_request, body, done) =>
    done(null, body),
  );

  app.get(
    "/dataValueSets",
    {
      schema: {
        tags,
        summary: "Xuất số liệu dạng DHIS2 JSON / Export a DHIS2 data value set (JSON)",
        querystring: exportQuerySchema,
        response: { 200: dataValueSetOutSchema },
      },
    },
    async (request) =>
      (
        await exportDataValueSets(
          await readConn(app, request),
          exportQuery(request.query),
          principalOf(request),
        )
      ).set,
  );

  app.get(
    "/dataValueSets.csv",
    {
      schema: {
        tags,
        summary: "Xuất số liệu dạng DHIS2 CSV / Export data values as DHIS2 CSV",
        querystring: exportQuerySchema,
        produces: ["text/csv"],
      },
    },
    async (request, reply) => {
      const db = await readConn(app, request);
      const { values } = await exportDataValueSets(db, exportQuery(request.query), principalOf(request));
      return reply
        .type("text/csv; charset=utf-8")
        .header("Content-Disposition", 'attachment; filename="dataValueSets.csv"')
        .send(csvFromValues(values));
    },
  );

  app.post(
    "/dataValueSets",
    {
      schema: {
        tags,
        summary: "Nhập số liệu DHIS2 JSON / Import a DHIS2 data value set (JSON)",
        querystring: importQuerySchema,
        body: dataValueSetInSchema,
        response: { 200: importSummarySchema },
      },
    },
    async (request) => {
      const who = { actor: actorOf(request), principal: principalOf(request) };
      return runImport(app.db, who, payloadSource(request.body), request.query);
    },
  );

  app.post(
    "/dataValueSets.csv",
    {
      schema: {
        tags,
        summary: "Nhập số liệu DHIS2 CSV (dataSet bắt buộc) / Import DHIS2 CSV (dataSet required)",
        querystring: importQuerySchema.extend({ dataSet: z.string().min(1).max(100) }),
        consumes: ["text/csv", "application/csv"],
        body: z.string(),
        response: { 200: importSummarySchema },
      },
    },
    async (request) => {
      const who = { actor: actorOf(request), principal: principalOf(request) };
      // The body is bounded by CHISO_BODY_LIMIT; read as the CLI reads a file.
      return runImport(app.db, who, csvSource([request.body]), request.query);
    },
  );
};
