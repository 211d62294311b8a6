import { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AppError } from "../errors/app-error.ts";
import { writeCsv } from "./csv.ts";
import { readDataValuesCsv } from "./csv-stream.ts";

const limits = { maxRecordChars: 1_000_000 };

async function read(text: string) {
  const out: { line: number; dataElement: string; value: unknown; comment?: string | null }[] = [];
  for await (const { line, value } of readDataValuesCsv(Readable.from([text]), limits)) {
    out.push({ line, dataElement: value.dataElement, value: value.value, comment: value.comment });
  }
  return out;
}

describe("DHIS2 CSV, read by csv-parse for every import", () => {
  it("reads quoted commas, doubled quotes, line breaks and Vietnamese text in the DHIS2 columns", async () => {
    const text =
      'dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment\r\nA,202309,C11,,,"1,5",,,"say ""hi"""\r\nB,202309,C11,,,"Đồng\nTháp"\r\n';
    expect(await read(text)).toEqual([
      { line: 2, dataElement: "A", value: "1,5", comment: 'say "hi"' },
      { line: 3, dataElement: "B", value: "Đồng\nTháp", comment: undefined },
    ]);
  });

  it("accepts LF line ends, a byte-order mark and blank lines, and counts lines across quoted breaks", async () => {
    const lines = (await read('\uFEFFdataelement,period\nA,202309,C11,,,"x\ny"\n\nB,202309,C11,,,2')).map(
      (r) => r.line,
    );
    expect(lines).toEqual([2, 5]);
  });

  it("names the line of an unterminated quote", async () => {
    const refused = await read('A,202309,C11,,,1\nB,202309,C11,,,"unterminated\n').catch((e: AppError) => e);
    expect((refused as AppError).details[0]?.path).toBe("lines.2");
  });
});

describe("CSV writer", () => {
  it("quotes only fields that need it and ends lines with CRLF", () => {
    expect(writeCsv([["a", "b,c", 'q"', " pad", "x\ny", ""]])).toBe('a,"b,c","q""",' + '" pad","x\ny",\r\n');
  });

  it("round-trips any table of strings through the reader", () => {
    const table = fc.array(fc.array(fc.string({ unit: "grapheme" }), { minLength: 2, maxLength: 5 }), {
      minLength: 1,
      maxLength: 8,
    });
    fc.assert(
      fc.property(table, (rows) => {
        const back = parse(writeCsv(rows), { relax_column_count: true, skip_empty_lines: false });
        expect(back).toEqual(rows);
      }),
    );
  });
});
