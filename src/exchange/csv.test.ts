import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvSyntaxError, parseCsv, writeCsv } from "./csv.ts";

const fields = (text: string) => parseCsv(text).map((r) => r.fields);

describe("RFC 4180 CSV", () => {
  it("reads quoted commas, doubled quotes, line breaks and Vietnamese text", () => {
    const text = 'a,"b, c","say ""hi"""\r\n"line\none",Đồng Tháp,\r\n';
    expect(fields(text)).toEqual([
      ["a", "b, c", 'say "hi"'],
      ["line\none", "Đồng Tháp", ""],
    ]);
    expect(parseCsv(text).map((r) => r.line)).toEqual([1, 2]);
  });

  it("accepts LF line ends, a byte-order mark and blank lines, and counts lines across quoted breaks", () => {
    const records = parseCsv('\uFEFFh1,h2\n"x\ny",1\n\nz,2');
    expect(records).toEqual([
      { line: 1, fields: ["h1", "h2"] },
      { line: 2, fields: ["x\ny", "1"] },
      { line: 5, fields: ["z", "2"] },
    ]);
  });

  it("names the line of a syntax error", () => {
    const cases: [string, number][] = [
      ['a,b\nc,"unterminated\n', 2],
      ['a,b\nc,d"e\n', 2],
      ['a,"b"c\n', 1],
    ];
    for (const [text, line] of cases) {
      const error = (() => {
        try {
          parseCsv(text);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(CsvSyntaxError);
      expect((error as CsvSyntaxError).line).toBe(line);
    }
  });

  it("quotes only fields that need it and ends lines with CRLF", () => {
    expect(writeCsv([["a", "b,c", 'q"', " pad", "x\ny", ""]])).toBe('a,"b,c","q""",' + '" pad","x\ny",\r\n');
  });

  it("round-trips any table of strings", () => {
    const table = fc.array(fc.array(fc.string({ unit: "grapheme" }), { minLength: 2, maxLength: 5 }), {
      minLength: 1,
      maxLength: 8,
    });
    fc.assert(
      fc.property(table, (rows) => {
        expect(fields(writeCsv(rows))).toEqual(rows);
      }),
    );
  });
});
