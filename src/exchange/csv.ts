/**
 * Writes RFC 4180 CSV: comma-separated fields, records ended by CRLF, fields that hold a comma,
 * a quote, a line break or surrounding spaces wrapped in double quotes with inner quotes
 * doubled. Reading is csv-parse's (csv-stream.ts), for every import path.
 */

function field(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes records as CSV with CRLF line ends, quoting only the fields that need it. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => `${r.map(field).join(",")}\r\n`).join("");
}
