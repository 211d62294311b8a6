/** The HTTP side of a list import (units, users): the file as the body, the dry-run flag, the 409. */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { AppError } from "../errors/app-error.ts";
import type { ImportRow, ImportSummary } from "./import-rows.ts";
import { ROW_FILE_MAX_BYTES, XLSX } from "./row-file.ts";

/** Takes CSV and Excel bodies as raw bytes, in the plugin that calls it. */
export function acceptListFiles(app: FastifyInstance): void {
  app.addContentTypeParser(
    ["text/csv", "application/csv", XLSX],
    { parseAs: "buffer", bodyLimit: ROW_FILE_MAX_BYTES },
    (_request, body, done) => done(null, body),
  );
}

/** The request schema parts of a list import route. */
export const listFileRequest = {
  querystring: z.object({
    dryRun: z
      .enum(["true", "false"])
      .transform((v) => v === "true")
      .default(false),
  }),
  consumes: ["text/csv", XLSX],
  body: z.custom<Buffer>(
    (v) => Buffer.isBuffer(v),
    "Gửi tệp CSV hoặc .xlsx làm nội dung|Send the CSV or .xlsx file as the body",
  ),
};

/** The summary, or 409 IMPORT_REJECTED carrying it when a row is rejected and it was no dry run. */
export function answerImport<S extends ImportSummary<ImportRow>>(summary: S): S {
  if (summary.status === "ERROR" && !summary.dryRun) {
    const details = summary.rows.flatMap((r) => r.issues);
    throw new AppError("IMPORT_REJECTED", { count: summary.counts.rejected }, details, {
      ...(summary as ImportSummary<ImportRow>),
    } as Record<string, unknown>);
  }
  return summary;
}
