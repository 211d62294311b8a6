/**
 * The official unit list as a file (CSV or Excel .xlsx) read into rows of named text fields: the
 * first row names the columns, each later row is one unit. Column names are matched loosely
 * (case, spaces, hyphens; English or Vietnamese), unknown columns are ignored. A row keeps its
 * number as a spreadsheet shows it (the header is row 1), so problems point at `rows.<row>.<field>`.
 */

import { CsvError } from "csv-parse";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { nfc } from "../domain/format/index.ts";
import { AppError, fieldIssue, invalid } from "../errors/app-error.ts";
import { assertSafeZip } from "../files/upload-zip.ts";

/** A unit list of a whole province is a few thousand rows; 5 MB is far beyond it. */
export const UNIT_FILE_MAX_BYTES = 5 * 1024 * 1024;
/** Rows beyond this are refused rather than read (a national list has about 11,000 communes). */
export const UNIT_FILE_MAX_ROWS = 20_000;

export const unitColumns = [
  "code",
  "nameVi",
  "nameEn",
  "kind",
  "type",
  "level",
  "parentCode",
  "validFrom",
  "validTo",
  "predecessorCodes",
  "groupCode",
] as const;
export type UnitColumn = (typeof unitColumns)[number];

/** The accepted spellings of each column, after lower-casing and dropping spaces, `_` and `-`. */
const aliases: Record<string, UnitColumn> = {
  code: "code",
  ma: "code",
  mã: "code",
  name: "nameVi",
  namevi: "nameVi",
  ten: "nameVi",
  tên: "nameVi",
  nameen: "nameEn",
  englishname: "nameEn",
  tentienganh: "nameEn",
  têntiếnganh: "nameEn",
  kind: "kind",
  loai: "kind",
  loại: "kind",
  type: "type",
  capdonvi: "type",
  cấpđơnvị: "type",
  level: "level",
  cap: "level",
  cấp: "level",
  parentcode: "parentCode",
  parent: "parentCode",
  macaptren: "parentCode",
  mãcấptrên: "parentCode",
  validfrom: "validFrom",
  tungay: "validFrom",
  từngày: "validFrom",
  validto: "validTo",
  denngay: "validTo",
  đếnngày: "validTo",
  predecessorcodes: "predecessorCodes",
  predecessors: "predecessorCodes",
  matruoc: "predecessorCodes",
  mãtrước: "predecessorCodes",
  group: "groupCode",
  groupcode: "groupCode",
  nhom: "groupCode",
  nhóm: "groupCode",
};

const columnOf = (header: string): UnitColumn | undefined =>
  aliases[
    nfc(header)
      .toLowerCase()
      .replace(/[\s_-]+/g, "")
  ];

export interface UnitFileRow {
  /** The row number as a spreadsheet shows it; the header is row 1. */
  row: number;
  fields: Partial<Record<UnitColumn, string>>;
}

export type UnitFileFormat = "csv" | "xlsx";

const refuse = (vi: string, en: string): never => {
  throw invalid(fieldIssue("file", vi, en));
};

/** The format from a file name or a content type; CSV unless it says Excel. */
export function unitFileFormat(nameOrType: string): UnitFileFormat {
  return /xlsx$|spreadsheetml|octet-stream/i.test(nameOrType) ? "xlsx" : "csv";
}

function rowsFrom(table: string[][], firstRow: number): UnitFileRow[] {
  const [header, ...body] = table;
  if (!header) return refuse("Tệp không có dòng tiêu đề", "The file has no header row");
  const columns = header.map((h) => columnOf(h));
  if (!columns.includes("code")) {
    refuse(
      "Dòng tiêu đề phải có cột code (mã đơn vị)",
      "The header row must have a code column (the unit code)",
    );
  }
  if (body.length > UNIT_FILE_MAX_ROWS) throw new AppError("PAYLOAD_TOO_LARGE");
  const rows: UnitFileRow[] = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === "")) return;
    const fields: UnitFileRow["fields"] = {};
    columns.forEach((column, c) => {
      const cell = cells[c]?.trim() ?? "";
      if (column && cell !== "") fields[column] = nfc(cell);
    });
    rows.push({ row: firstRow + 1 + i, fields });
  });
  return rows;
}

function csvRows(bytes: Buffer): UnitFileRow[] {
  try {
    const table: string[][] = parse(bytes, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      max_record_size: 64 * 1024,
    });
    return rowsFrom(table, 1);
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

async function xlsxRows(bytes: Buffer): Promise<UnitFileRow[]> {
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
  if (sheet.rowCount > UNIT_FILE_MAX_ROWS + 1) throw new AppError("PAYLOAD_TOO_LARGE");
  const width = sheet.columnCount;
  const table: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    table.push(Array.from({ length: width }, (_, c) => cellText(row.getCell(c + 1).value)));
  }
  return rowsFrom(table, 1);
}

/** The rows of a unit list file; 400 at `file` when it cannot be read, 413 when too large. */
export async function readUnitFile(bytes: Buffer, format: UnitFileFormat): Promise<UnitFileRow[]> {
  if (bytes.length > UNIT_FILE_MAX_BYTES) throw new AppError("PAYLOAD_TOO_LARGE");
  return format === "xlsx" ? xlsxRows(bytes) : csvRows(bytes);
}
