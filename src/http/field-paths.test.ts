import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { locateFieldPath, namesRequestFields } from "./field-paths.ts";

describe("field paths name the request part", () => {
  const save = { body: { period: "202309", values: [{ metric: "X" }] }, query: {}, params: { id: "7" } };

  it("keeps a path that names its part already", () => {
    for (const path of ["body", "body.reason", "querystring.limit", "params.code", "url"]) {
      expect(locateFieldPath(path, save)).toBe(path);
    }
  });

  it("puts a field of the body, the query or the route under its part", () => {
    expect(locateFieldPath("values.0.value", save)).toBe("body.values.0.value");
    expect(locateFieldPath("id", save)).toBe("params.id");
    const list = { body: undefined, query: { period: "2023-13", form: "CDS_XA" }, params: {} };
    expect(locateFieldPath("period", list)).toBe("querystring.period");
    // The body wins where both hold the field; a query field the body lacks stays the query's.
    const both = { body: { dataSet: "A" }, query: { dataSet: "B", dryRun: "true" }, params: {} };
    expect(locateFieldPath("dataSet", both)).toBe("body.dataSet");
    expect(locateFieldPath("dryRun", both)).toBe("querystring.dryRun");
  });

  it("puts a missing field under the body when there is one, else under the query", () => {
    expect(locateFieldPath("version", save)).toBe("body.version");
    expect(locateFieldPath("reason", { body: {}, query: {}, params: {} })).toBe("body.reason");
    expect(locateFieldPath("period", { body: undefined, query: {}, params: {} })).toBe("querystring.period");
  });

  it("puts a place inside an uploaded file under the body, and the file itself at `body`", () => {
    for (const body of ["code,name\n", Buffer.from("x"), Readable.from([])]) {
      const upload = { body, query: { dryRun: "true" }, params: {} };
      expect(locateFieldPath("rows.5.parentCode", upload)).toBe("body.rows.5.parentCode");
      expect(locateFieldPath("file", upload)).toBe("body");
    }
  });

  it("leaves the errors that name stored things or a file's rows alone", () => {
    expect(["RULES_FAILED", "ASSESSMENT_INCOMPLETE", "IMPORT_REJECTED"].map(namesRequestFields)).toEqual([
      false,
      false,
      false,
    ]);
    expect(["VALIDATION_FAILED", "STALE_ANSWER"].map(namesRequestFields)).toEqual([true, true]);
  });
});
