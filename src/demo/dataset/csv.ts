import { parse } from "csv-parse/sync";

/**
 * Reads the small RFC 4180 CSV the seed list is written in, with csv-parse (the importer's CSV
 * library): one record per data row, keyed by the header; a row of another width is refused.
 */
export function parseCsv(text: string): Record<string, string>[] {
  return parse(text, { bom: true, columns: true, skip_empty_lines: true });
}
