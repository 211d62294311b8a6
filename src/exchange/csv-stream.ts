/**
 * DHIS2 data value CSV read as a stream with csv-parse: one record at a time, each with the line
 * it starts on (for conflicts), a record longer than `maxRecordChars` refused (a "2 GB line").
 */
import { Readable } from "node:stream";
import { CsvError, parse } from "csv-parse";
import { fieldIssue, invalid } from "../errors/app-error.ts";
import { csvColumns } from "./dhis2-csv.ts";
import type { DataValueIn } from "./schema.ts";

export interface CsvLimits {
  /** The longest record, in characters. */
  maxRecordChars: number;
}

interface Info {
  empty_lines: number;
}

function csvProblem(error: CsvError, line: number, limits: CsvLimits): never {
  if (error.code === "CSV_MAX_RECORD_SIZE") {
    throw invalid(
      fieldIssue(
        `lines.${line}`,
        `Dòng ${line} dài quá ${limits.maxRecordChars.toLocaleString("vi")} ký tự`,
        `Line ${line} is longer than ${limits.maxRecordChars.toLocaleString("en")} characters`,
      ),
    );
  }
  if (error.code === "CSV_QUOTE_NOT_CLOSED") {
    throw invalid(
      fieldIssue(
        `lines.${line}`,
        `Thiếu dấu " đóng (dòng ${line})`,
        `Unterminated quoted field (line ${line})`,
      ),
    );
  }
  throw invalid(
    fieldIssue(
      `lines.${line}`,
      `CSV không hợp lệ (dòng ${line}): ${error.message}`,
      `Invalid CSV: ${error.message}`,
    ),
  );
}

/**
 * Each data value of the CSV with its line, its fields in DHIS2's column order (`csvColumns`, the
 * one mapping the export writes too); a first record starting with "dataelement" is the header.
 */
export async function* readDataValuesCsv(
  chunks: AsyncIterable<Buffer | string>,
  limits: CsvLimits,
): AsyncGenerator<{ line: number; value: DataValueIn }> {
  const parser = Readable.from(chunks).pipe(
    parse({
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: limits.maxRecordChars,
    }),
  );
  // csv-parse's own line count drifts after a quoted line break: count the breaks in fields.
  let lines = 0;
  let line = 1;
  let first = true;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: Info }>) {
      line = 1 + lines + info.empty_lines;
      for (const field of record)
        for (let at = field.indexOf("\n"); at >= 0; at = field.indexOf("\n", at + 1)) lines++;
      lines++;
      if (first && record[0]?.trim().toLowerCase() === "dataelement") {
        first = false;
        continue;
      }
      first = false;
      const at = (column: (typeof csvColumns)[number]) => record[csvColumns.indexOf(column)] ?? "";
      const comment = at("comment");
      yield {
        line,
        value: {
          dataElement: at("dataelement").trim(),
          period: at("period").trim(),
          orgUnit: at("orgunit").trim(),
          categoryOptionCombo: at("catoptcombo").trim(),
          attributeOptionCombo: at("attroptcombo").trim(),
          value: at("value"),
          ...(comment ? { comment } : {}),
        },
      };
    }
  } catch (error) {
    // The parser reads ahead of this loop: its own count names the line it failed on.
    if (error instanceof CsvError)
      csvProblem(error, typeof error.lines === "number" ? error.lines : line, limits);
    throw error;
  }
}
