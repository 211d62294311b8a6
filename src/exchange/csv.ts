/**
 * RFC 4180 CSV: comma-separated fields, records ended by CRLF (LF alone is accepted on input),
 * fields that hold a comma, a quote or a line break wrapped in double quotes with inner quotes
 * doubled. Written by hand because no CSV library is installed; about a hundred lines.
 */

/** One record and the line it starts on (1-based), so errors can name the row of the file. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  readonly line: number;
  readonly messageVi: string;

  constructor(line: number, vi: string, en: string) {
    super(en);
    this.name = "CsvSyntaxError";
    this.line = line;
    this.messageVi = vi;
  }
}

interface Cursor {
  text: string;
  at: number;
  line: number;
}

/** Reads a quoted field starting at the opening quote; leaves the cursor after the closing one. */
function quoted(c: Cursor): string {
  const startLine = c.line;
  let value = "";
  c.at++;
  for (;;) {
    const next = c.text.indexOf('"', c.at);
    if (next < 0) {
      throw new CsvSyntaxError(
        startLine,
        `Thiếu dấu " đóng (dòng ${startLine})`,
        `Unterminated quoted field (line ${startLine})`,
      );
    }
    const chunk = c.text.slice(c.at, next);
    c.line += chunk.split("\n").length - 1;
    value += chunk;
    c.at = next + 1;
    if (c.text[c.at] !== '"') return value;
    value += '"';
    c.at++;
  }
}

/** Reads an unquoted field up to the next comma or line break. */
function bare(c: Cursor): string {
  let end = c.at;
  while (end < c.text.length && !",\r\n".includes(c.text.charAt(end))) {
    if (c.text[end] === '"') {
      throw new CsvSyntaxError(
        c.line,
        `Dấu " đặt sai chỗ (dòng ${c.line})`,
        `Misplaced quote (line ${c.line})`,
      );
    }
    end++;
  }
  const value = c.text.slice(c.at, end);
  c.at = end;
  return value;
}

/** Consumes a record separator; true when one was there. */
function lineBreak(c: Cursor): boolean {
  if (c.text.startsWith("\r\n", c.at)) c.at += 2;
  else if (c.text[c.at] === "\n" || c.text[c.at] === "\r") c.at += 1;
  else return false;
  c.line++;
  return true;
}

function record(c: Cursor): string[] {
  const fields: string[] = [];
  for (;;) {
    fields.push(c.text[c.at] === '"' ? quoted(c) : bare(c));
    if (c.at >= c.text.length || lineBreak(c)) return fields;
    if (c.text[c.at] !== ",") {
      throw new CsvSyntaxError(
        c.line,
        `Sau dấu " đóng phải là dấu phẩy (dòng ${c.line})`,
        `Expected a comma after a closing quote (line ${c.line})`,
      );
    }
    c.at++;
  }
}

/** Parses CSV text; a leading byte-order mark is dropped and blank lines are skipped. */
export function parseCsv(text: string): CsvRecord[] {
  const c: Cursor = { text: text.replace(/^\uFEFF/, ""), at: 0, line: 1 };
  const records: CsvRecord[] = [];
  while (c.at < c.text.length) {
    const line = c.line;
    const fields = record(c);
    if (fields.length > 1 || fields[0] !== "") records.push({ line, fields });
  }
  return records;
}

function field(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes records as CSV with CRLF line ends, quoting only the fields that need it. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => `${r.map(field).join(",")}\r\n`).join("");
}
