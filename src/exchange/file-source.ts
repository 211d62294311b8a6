/**
 * A data file on disk as an import source, read as a stream whatever its size: the one way the
 * CLI (`chiso import FILE`) and the background import job (its spooled upload) read files.
 */
import { createReadStream } from "node:fs";
import { extname } from "node:path";
import { csvSource, jsonSource, type ValueSource } from "./sources.ts";

export type FileFormat = "json" | "csv" | "xlsx";

/** The format a file's name says: .xlsx, .csv, anything else JSON. */
export function formatOfName(file: string): FileFormat {
  const ext = extname(file).toLowerCase();
  return ext === ".xlsx" ? "xlsx" : ext === ".csv" ? "csv" : "json";
}

/** The file read chunk by chunk (never whole); `counter.bytes` counts the bytes read so far. */
export async function fileSource(
  file: string,
  format: FileFormat,
  counter: { bytes: number } = { bytes: 0 },
): Promise<ValueSource> {
  // exceljs loads only for an Excel file.
  if (format === "xlsx") return (await import("./xlsx-stream.ts")).xlsxSource(file);
  async function* chunks() {
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
      counter.bytes += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
  }
  return format === "csv" ? csvSource(chunks()) : jsonSource(chunks());
}
