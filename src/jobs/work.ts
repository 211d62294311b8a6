import type { Principal } from "../access/principal.ts";
import type { Actor } from "../audit/audit.ts";
import type { Db } from "../db/client.ts";
import { AppError, fieldIssue, invalid } from "../errors/app-error.ts";
import { importDataValueSet } from "../exchange/import.ts";
import { type DataValueIn, type DataValueSetIn, dataValueSetInSchema } from "../exchange/schema.ts";
import { csvSource } from "../exchange/sources.ts";
import { parseInput } from "../metrics/parse-input.ts";
import { buildPlanReportData } from "../plans/report-data-builder.ts";
import { composeReport } from "../reports/compose.ts";
import { CONTENT_TYPES, type ReportFormat, renderReport } from "../reports/render/index.ts";
import { reportFileName } from "../reports/service.ts";
import { loadTemplateSet } from "../reports/store.ts";
import type { ReportLang } from "../reports/templates/index.ts";
import type { Work } from "./runner.ts";

export type ImportFormat = "json" | "csv";

/** An uploaded file read and checked before its job is accepted (a bad file is a 400, not a job). */
export interface ImportFile {
  format: ImportFormat;
  payload: DataValueSetIn;
  dataSet: string;
  /** CSV line of each value, for conflicts. */
  indexes?: number[];
}

/** JSON when named so, or when the file starts with "{"; DHIS2 CSV otherwise. */
function formatOf(text: string, declared: ImportFormat | undefined, contentType: string | undefined) {
  if (declared) return declared;
  if (contentType?.includes("json")) return "json";
  if (contentType?.includes("csv")) return "csv";
  return text.trimStart().startsWith("{") ? "json" : "csv";
}

/** DHIS2 CSV through the importer's own streaming reader (csv-parse): values and their lines. */
async function csvValues(text: string): Promise<{ dataValues: DataValueIn[]; lines: number[] }> {
  const dataValues: DataValueIn[] = [];
  const lines: number[] = [];
  for await (const { index, value } of csvSource([text]).values) {
    dataValues.push(value);
    lines.push(index);
  }
  return { dataValues, lines };
}

export async function readImportFile(
  bytes: Buffer,
  options: { format?: ImportFormat; contentType?: string; dataSet?: string },
): Promise<ImportFile> {
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
  if (text.trim() === "") throw invalid(fieldIssue("body", "Tệp trống", "The file is empty"));
  const format = formatOf(text, options.format, options.contentType);
  let payload: DataValueSetIn;
  let indexes: number[] | undefined;
  if (format === "json") {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      const why = (error as Error).message;
      throw invalid(
        fieldIssue("body", `Tệp JSON không đúng cú pháp: ${why}`, `The JSON file is malformed: ${why}`),
      );
    }
    payload = parseInput(dataValueSetInSchema, json, "body");
  } else {
    const csv = await csvValues(text);
    payload = { dataValues: csv.dataValues };
    indexes = csv.lines;
  }
  const dataSet = payload.dataSet ?? options.dataSet;
  if (!dataSet) {
    throw invalid(
      fieldIssue(
        "querystring.dataSet",
        "Cần mã biểu mẫu (dataSet) cho tệp không ghi biểu mẫu",
        "Give the data set (form code): the file does not name it",
      ),
    );
  }
  return { format, payload, dataSet, indexes };
}

/**
 * The import as a job: all-or-nothing unless `atomic` is false, validated and rolled back
 * when `dryRun`. An import that wrote nothing because of conflicts fails, with its summary.
 */
export function importWork(
  db: Db,
  who: { actor: Actor; principal: Principal },
  file: ImportFile,
  options: { dryRun: boolean; atomic: boolean },
): Work {
  return async (progress) => {
    const total = file.payload.dataValues?.length ?? 0;
    progress(0, total);
    const summary = await importDataValueSet(db, who.actor, who.principal, file.payload, {
      dataSet: file.dataSet,
      dryRun: options.dryRun,
      atomic: options.atomic,
      indexes: file.indexes,
      // Values done so far; the total is the file's count of values.
      onProgress: (done: number) => progress(Math.min(done, total), total),
    });
    if (summary.status === "ERROR") {
      const refused = new AppError("IMPORT_REJECTED", { count: summary.conflicts.length });
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
