/**
 * DHIS2 data values from an Excel workbook (.xlsx), read with exceljs's streaming reader: the
 * first sheet, the DHIS2 CSV columns (dataelement, period, orgunit, catoptcombo, attroptcombo,
 * value, storedby, lastupdated, comment), an optional header row. Before exceljs opens it, the
 * zip guard checks the declared sizes, then really inflates each part into nothing, counting, so
 * a zip bomb posing as .xlsx is refused even when it lies about its sizes: each part at most 1 GB
 * (shared strings, held in memory, 64 MB) and, beyond 1 MB, at most 200 times its compressed size.
 */
import ExcelJS from "exceljs";
import { checkZipFile, notXlsx, streamedZipLimits, type ZipLimits } from "../files/zip-guard.ts";
import type { SetHeader, SourceValue, ValueSource } from "./sources.ts";

/** What the streamed reader allows: the guard's limits for files on disk. */
export type XlsxLimits = ZipLimits;
export const defaultXlsxLimits = streamedZipLimits;

/** Refuses a workbook whose parts would inflate beyond the limits (src/files/zip-guard.ts). */
export const checkXlsx = (file: string, limits = defaultXlsxLimits): Promise<void> =>
  checkZipFile(file, limits);

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") {
    if (value instanceof Date) return value.toISOString();
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value) return String(value.text);
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    return "";
  }
  return String(value);
}

/** The values of the workbook's first sheet, each with its row number. */
export function xlsxSource(file: string, limits = defaultXlsxLimits): ValueSource {
  const header: SetHeader = {};
  return {
    header,
    values: (async function* (): AsyncGenerator<SourceValue> {
      await checkXlsx(file, limits);
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
        sharedStrings: "cache",
        hyperlinks: "ignore",
        styles: "ignore",
        worksheets: "emit",
      });
      let first = true;
      try {
        for await (const sheet of reader) {
          for await (const row of sheet) {
            const cells = Array.from({ length: 9 }, (_, i) => cellText(row.getCell(i + 1).value).trim());
            if (first && cells[0]?.toLowerCase() === "dataelement") {
              first = false;
              continue;
            }
            first = false;
            if (cells.every((c) => c === "")) continue;
            const [dataElement = "", period = "", orgUnit = "", combo = "", attribute = "", value = ""] =
              cells;
            const comment = cells[8] ?? "";
            yield {
              index: row.number,
              value: {
                dataElement,
                period,
                orgUnit,
                categoryOptionCombo: combo,
                attributeOptionCombo: attribute,
                value,
                ...(comment ? { comment } : {}),
              },
            };
          }
          // DHIS2 values are on the first sheet only.
          break;
        }
      } catch (error) {
        if (error instanceof Error && /zip|signature|end of central|invalid/i.test(error.message)) notXlsx();
        throw error;
      }
    })(),
  };
}
