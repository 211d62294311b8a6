/** The HTTP side of a list import (units, users): the file as the body, the dry-run flag, the 409. */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { FieldIssue } from "../errors/app-error.ts";
import { AppError } from "../errors/app-error.ts";
import { ROW_FILE_MAX_BYTES, XLSX } from "./row-file.ts";

/** Takes CSV and Excel bodies as raw bytes, in the plugin that calls it. */
export function acceptListFiles(app: FastifyInstance): void {
  app.addContentTypeParser(
    ["text/csv", "application/csv", XLSX],
    { parseAs: "buffer", bodyLimit: ROW_FILE_MAX_BYTES },
    (_request, body, done) => done(null, body),
  );
}

/** `?dryRun=true`: preview, write nothing. */
export const dryRunQuery = z.object({
  dryRun: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .default(false),
});

/** The request schema parts of a list import route. */
export const listFileRequest = {
  querystring: dryRunQuery,
  consumes: ["text/csv", XLSX],
  body: z.custom<Buffer>(
    (v) => Buffer.isBuffer(v),
    "Gửi tệp CSV hoặc .xlsx làm nội dung|Send the CSV or .xlsx file as the body",
  ),
};

/** What every all-or-nothing import answers (units, users, setup bundles), as far as the 409 needs. */
interface AnyImportSummary {
  status: "OK" | "ERROR";
  dryRun: boolean;
  counts: { rejected: number };
  rows: { issues: FieldIssue[] }[];
}

/**
 * The summary, or 409 IMPORT_REJECTED carrying it under `summary` (beside `error`, never mixed
 * with it) when a row is rejected and it was no dry run.
 */
export function answerImport<S extends AnyImportSummary>(summary: S): S {
  if (summary.status === "ERROR" && !summary.dryRun) {
    const details = summary.rows.flatMap((r) => r.issues);
    throw new AppError("IMPORT_REJECTED", { count: summary.counts.rejected }, details, { summary });
  }
  return summary;
}
