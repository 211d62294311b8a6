/**
 * A list as a file (CSV or Excel .xlsx) read into rows of named text fields: the first row names
 * the columns, each later row is one record. Column names are matched loosely through the
 * caller's aliases (case, spaces, `_` and `-` do not matter), unknown columns are ignored. A row
 * keeps its number as a spreadsheet shows it (the header is row 1), so problems point at
 * `rows.<row>.<field>`. The unit list and the user list are read this way.
 */

import { CsvError } from "csv-parse";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { nfc } from "../domain/format/index.ts";
import { AppError, fieldIssue, invalid } from "../errors/app-error.ts";
import { assertSafeZip } from "./upload-zip.ts";

/** A list of a whole province is a few thousand rows; 5 MB is far beyond it. */
export const ROW_FILE_MAX_BYTES = 5 * 1024 * 1024;
/** Rows beyond this are refused rather than read (a national list has about 11,000 communes). */
export const ROW_FILE_MAX_ROWS = 20_000;

export interface FileRow<C extends string> {
  /** The row number as a spreadsheet shows it; the header is row 1. */
  row: number;
  fields: Partial<Record<C, string>>;
}

export interface RowFileSpec<C extends string> {
  /** Accepted spellings of each column, lower-cased, without spaces, `_` and `-`. */
  aliases: Record<string, C>;
  /** The column the header must have, with its description (vi, en) for the error. */
  key: { column: C; vi: string; en: string };
}

export const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export type RowFileFormat = "csv" | "xlsx";

const refuse = (vi: string, en: string): never => {
  throw invalid(fieldIssue("file", vi, en));
};

/** The format from a file name or a content type; CSV unless it says Excel. */
export function rowFileFormat(nameOrType: string): RowFileFormat {
  return /xlsx$|spreadsheetml|octet-stream/i.test(nameOrType) ? "xlsx" : "csv";
}

function rowsFrom<C extends string>(table: string[][], spec: RowFileSpec<C>): FileRow<C>[] {
  const [header, ...body] = table;
  if (!header) return refuse("Tệp không có dòng tiêu đề", "The file has no header row");
  const columns = header.map(
    (h) =>
      spec.aliases[
        nfc(h)
          .toLowerCase()
          .replace(/[\s_-]+/g, "")
      ],
  );
  if (!columns.includes(spec.key.column)) {
    refuse(
      `Dòng tiêu đề phải có cột ${spec.key.column} (${spec.key.vi})`,
      `The header row must have a ${spec.key.column} column (${spec.key.en})`,
    );
  }
  if (body.length > ROW_FILE_MAX_ROWS) throw new AppError("PAYLOAD_TOO_LARGE");
  const rows: FileRow<C>[] = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === "")) return;
    const fields: FileRow<C>["fields"] = {};
    columns.forEach((column, c) => {
      const cell = cells[c]?.trim() ?? "";
      if (column && cell !== "") fields[column] = nfc(cell);
    });
    rows.push({ row: 2 + i, fields });
  });
  return rows;
}

function csvTable(bytes: Buffer): string[][] {
  try {
    return parse(bytes, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      max_record_size: 64 * 1024,
    });
  } catch (error) {
    if (error instanceof CsvError) {
      return refuse(`Tệp CSV không đọc được: ${error.message}`, `Cannot read the CSV file: ${error.message}`);
    }
    throw error;
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value) return String(value.text);
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    return "";
  }
  return String(value);
}

async function xlsxTable(bytes: Buffer): Promise<string[][]> {
  // Inflates every part with a capped output before exceljs unpacks anything (a zip bomb).
  assertSafeZip(bytes);
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return refuse("Tệp không phải Excel (.xlsx) hợp lệ", "The file is not a valid Excel (.xlsx) file");
  }
  const sheet = book.worksheets[0];
  if (!sheet) return refuse("Tệp Excel không có trang tính", "The workbook has no sheet");
  if (sheet.rowCount > ROW_FILE_MAX_ROWS + 1) throw new AppError("PAYLOAD_TOO_LARGE");
  const width = sheet.columnCount;
  const table: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    table.push(Array.from({ length: width }, (_, c) => cellText(row.getCell(c + 1).value)));
  }
  return table;
}

/** The rows of a list file; 400 at `file` when it cannot be read, 413 when too large. */
export async function readRowFile<C extends string>(
  bytes: Buffer,
  format: RowFileFormat,
  spec: RowFileSpec<C>,
): Promise<FileRow<C>[]> {
  if (bytes.length > ROW_FILE_MAX_BYTES) throw new AppError("PAYLOAD_TOO_LARGE");
  const table = format === "xlsx" ? await xlsxTable(bytes) : csvTable(bytes);
  return rowsFrom(table, spec);
}
