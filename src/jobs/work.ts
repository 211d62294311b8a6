import type { Principal } from "../access/principal.ts";
import type { Actor } from "../audit/audit.ts";
import type { Db } from "../db/client.ts";
import { AppError, fieldIssue, invalid } from "../errors/app-error.ts";
import { type FileFormat, fileSource } from "../exchange/file-source.ts";
import { importValuesStaged } from "../exchange/staged-import.ts";
import type { Spooled } from "../files/spool.ts";
import { buildPlanReportData } from "../plans/report-data-builder.ts";
import { composeReport } from "../reports/compose.ts";
import { CONTENT_TYPES, type ReportFormat, renderReport } from "../reports/render/index.ts";
import { reportFileName } from "../reports/service.ts";
import { loadTemplateSet } from "../reports/store.ts";
import type { ReportLang } from "../reports/templates/index.ts";
import type { Work } from "./runner.ts";

/** An uploaded file spooled to disk and read once before its job is accepted (a bad file is a 400). */
export interface ImportUpload {
  file: Spooled;
  format: FileFormat;
  dataSet: string;
  /** How many values the file holds: the job's progress total. */
  values: number;
}

const ZIP = Buffer.from("PK\u0003\u0004", "latin1");

/** As declared; else from the content type; else Excel for a zip, JSON when it starts with "{", CSV. */
function formatOf(
  head: Buffer,
  declared: FileFormat | undefined,
  contentType: string | undefined,
): FileFormat {
  if (declared) return declared;
  if (contentType?.includes("spreadsheetml")) return "xlsx";
  if (contentType?.includes("json")) return "json";
  if (contentType?.includes("csv")) return "csv";
  if (head.subarray(0, 4).equals(ZIP)) return "xlsx";
  return head
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trimStart()
    .startsWith("{")
    ? "json"
    : "csv";
}

/** The source's problems as the upload's: `file` is the body, `dataValues.3.value` under it. */
function asBody(error: unknown): unknown {
  if (!(error instanceof AppError) || error.code !== "VALIDATION_FAILED") return error;
  return invalid(
    ...error.details.map((d) => ({ ...d, path: d.path === "file" ? "body" : `body.${d.path}` })),
  );
}

/**
 * Reads the spooled file through the importer's own source once, writing nothing: a malformed
 * file, a value that is not a data value, or a missing `dataSet` is refused with 400 before a
 * job exists, as the synchronous API refuses it; the count of values is the job's total.
 */
export async function checkUpload(
  file: Spooled,
  options: { format?: FileFormat; contentType?: string; dataSet?: string },
): Promise<ImportUpload> {
  if (file.blank) throw invalid(fieldIssue("body", "Tệp trống", "The file is empty"));
  const format = formatOf(file.head, options.format, options.contentType);
  const source = await fileSource(file.path, format);
  let values = 0;
  try {
    for await (const _ of source.values) values++;
  } catch (error) {
    throw asBody(error);
  }
  const dataSet = source.header.dataSet ?? options.dataSet;
  if (!dataSet) {
    throw invalid(
      fieldIssue(
        "querystring.dataSet",
        "Cần mã biểu mẫu (dataSet) cho tệp không ghi biểu mẫu",
        "Give the data set (form code): the file does not name it",
      ),
    );
  }
  return { file, format, dataSet, values };
}

/**
 * The import as a job, from the spooled file through the same source and checks as `chiso
 * import`, staged in short transactions under `key` (the job's id) so that other requests are
 * answered meanwhile: all-or-nothing unless `atomic` is false, rolled back when `dryRun`. An
 * import that wrote nothing because of conflicts fails, with its summary.
 */
export function importWork(
  db: Db,
  who: { actor: Actor; principal: Principal },
  upload: ImportUpload,
  options: { dryRun: boolean; atomic: boolean; key: string; pause?: () => Promise<void> },
): Work {
  return async (progress) => {
    const total = upload.values;
    progress(0, total);
    const source = await fileSource(upload.file.path, upload.format);
    const summary = await importValuesStaged(db, who.actor, who.principal, source, {
      key: options.key,
      pause: options.pause,
      dataSet: upload.dataSet,
      dryRun: options.dryRun,
      atomic: options.atomic,
      // Values done so far; the total is the file's count of values.
      onProgress: (done: number) => progress(Math.min(done, total), total),
    });
    if (summary.status === "ERROR") {
      const refused = new AppError("IMPORT_REJECTED", { count: summary.conflictCount });
      return {
        status: "failed",
        result: summary,
        error: { code: refused.code, message: refused.messageVi, message_en: refused.messageEn },
      };
    }
    return { status: "succeeded", result: summary };
  };
}

export interface ReportRequest {
  plan: string;
  period: string;
  format: ReportFormat;
  lang: ReportLang;
}

/** The plan report as a job, in three steps: gather the data, write the text, render the file. */
export function reportWork(db: Db, principal: Principal, request: ReportRequest): Work {
  return async (progress) => {
    progress(0, 3);
    const data = await buildPlanReportData(db, principal, request.plan, request.period);
    progress(1, 3);
    const doc = composeReport(data, await loadTemplateSet(db, request.lang));
    progress(2, 3);
    const body = await renderReport(doc, request.format);
    const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
    progress(3, 3);
    const name = reportFileName(data.plan.code, data.period.id, request.format, request.lang);
    return {
      status: "succeeded",
      result: { ...request, period: data.period.id, fileName: name, size: bytes.length },
      file: { bytes, name, contentType: CONTENT_TYPES[request.format] },
    };
  };
}
