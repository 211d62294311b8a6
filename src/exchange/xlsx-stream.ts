/**
 * DHIS2 data values from an Excel workbook (.xlsx), read with exceljs's streaming reader: the
 * first sheet, the DHIS2 CSV columns (dataelement, period, orgunit, catoptcombo, attroptcombo,
 * value, storedby, lastupdated, comment), an optional header row. Before exceljs opens it, the
 * zip's central directory is checked, so a zip bomb posing as .xlsx is refused before anything
 * is inflated: each part at most 1 GB (shared strings, held in memory, 64 MB) and, beyond 1 MB,
 * at most 200 times its compressed size.
 */
import { open } from "node:fs/promises";
import ExcelJS from "exceljs";
import { fieldIssue, invalid } from "../errors/app-error.ts";
import type { SetHeader, SourceValue, ValueSource } from "./sources.ts";

export interface XlsxLimits {
  /** The largest uncompressed part (a sheet's XML is streamed). */
  maxPartBytes: number;
  /** The largest shared-strings part: exceljs holds it in memory. */
  maxSharedStringsBytes: number;
  /** The largest uncompressed / compressed ratio of a part. */
  maxRatio: number;
}

export const defaultXlsxLimits: XlsxLimits = {
  maxPartBytes: 1 << 30,
  maxSharedStringsBytes: 64 << 20,
  maxRatio: 200,
};

function refuse(vi: string, en: string): never {
  throw invalid(fieldIssue("file", vi, en));
}

const notXlsx = (): never =>
  refuse("Tệp không phải Excel (.xlsx) hợp lệ", "The file is not a valid Excel (.xlsx) file");

/** Reads the zip's central directory: each part's name, compressed and uncompressed size. */
export async function zipParts(file: string): Promise<{ name: string; compressed: number; size: number }[]> {
  const handle = await open(file, "r");
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0 || eocd + 22 > tail.length) return notXlsx();
    const count = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    if (dirOffset === 0xffffffff || dirOffset + dirSize > size) return notXlsx();
    const dir = Buffer.alloc(dirSize);
    await handle.read(dir, 0, dirSize, dirOffset);
    const parts: { name: string; compressed: number; size: number }[] = [];
    let at = 0;
    for (let i = 0; i < count; i++) {
      if (at + 46 > dir.length || dir.readUInt32LE(at) !== 0x02014b50) return notXlsx();
      const compressed = dir.readUInt32LE(at + 20);
      const uncompressed = dir.readUInt32LE(at + 24);
      const nameLength = dir.readUInt16LE(at + 28);
      const rest = nameLength + dir.readUInt16LE(at + 30) + dir.readUInt16LE(at + 32);
      parts.push({
        name: dir.toString("utf8", at + 46, at + 46 + nameLength),
        compressed,
        // Zip64 (0xFFFFFFFF): over 4 GB, far beyond any limit.
        size: uncompressed === 0xffffffff ? Number.POSITIVE_INFINITY : uncompressed,
      });
      at += 46 + rest;
    }
    return parts;
  } finally {
    await handle.close();
  }
}

/** Refuses a workbook whose parts would inflate beyond the limits. */
export async function checkXlsx(file: string, limits = defaultXlsxLimits): Promise<void> {
  for (const part of await zipParts(file)) {
    const ratio = part.size / Math.max(1, part.compressed);
    const max = /sharedStrings\.xml$/i.test(part.name) ? limits.maxSharedStringsBytes : limits.maxPartBytes;
    if (part.size > max || (part.size > 1 << 20 && ratio > limits.maxRatio)) {
      refuse(
        `Tệp Excel bất thường: phần ${part.name} giải nén ra ${part.size.toLocaleString("vi")} byte (có thể là "bom nén")`,
        `Suspicious Excel file: part ${part.name} inflates to ${part.size.toLocaleString("en")} bytes (a zip bomb?)`,
      );
    }
  }
}

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
