import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error.ts";
import { parseAnalyticsRequest, parseOuItem } from "./request.ts";

const dims = (...dimension: string[]) => ({ dimension });

/** The field issues of a request the parser refuses. */
function issuesOf(request: Parameters<typeof parseAnalyticsRequest>[0]) {
  try {
    parseAnalyticsRequest(request);
  } catch (error) {
    if (error instanceof AppError) return { status: error.status, details: error.details };
    throw error;
  }
  throw new Error("expected the request to be refused");
}

describe("parseAnalyticsRequest", () => {
  it("reads the three dimensions in the order asked, with canonical periods", () => {
    const q = parseAnalyticsRequest(
      dims("ou:P;LEVEL-2", "dx:DVC_FULL;RATE", "pe:2023-09;2023Q3;2023S2;2023"),
    );
    expect(q.columns).toEqual(["ou", "dx", "pe"]);
    expect(q.dx.items).toEqual(["DVC_FULL", "RATE"]);
    expect(q.pe.items.map((p) => `${p.type}:${p.year}:${p.index}`)).toEqual([
      "month:2023:9",
      "quarter:2023:3",
      "half_year:2023:2",
      "year:2023:1",
    ]);
    expect(q.ou.items).toEqual([
      { kind: "unit", code: "P" },
      { kind: "level", level: 2 },
    ]);
    expect(q.includeUnapproved).toBe(false);
    expect(q.asOf).toBeNull();
  });

  it("drops repeated items, so 202309 and 2023-09 make one column", () => {
    const q = parseAnalyticsRequest(dims("dx:A;A;B", "pe:202309;2023-09", "ou:P;P"));
    expect(q.dx.items).toEqual(["A", "B"]);
    expect(q.pe.items).toHaveLength(1);
    expect(q.ou.items).toHaveLength(1);
  });

  it("takes filters as aggregated axes that are not columns", () => {
    const q = parseAnalyticsRequest({
      dimension: ["dx:A"],
      filter: ["pe:202307;202308", "ou:D1"],
      asOf: "2024-01-01",
    });
    expect(q.columns).toEqual(["dx"]);
    expect(q.pe).toMatchObject({ filter: true, path: "filter.0" });
    expect(q.ou).toMatchObject({ filter: true, path: "filter.1", items: [{ kind: "unit", code: "D1" }] });
    expect(q.asOf).toBe("2024-01-01");
  });

  it("refuses an unknown period with the path of its dimension, in both languages", () => {
    const { status, details } = issuesOf(dims("dx:A", "pe:2023Q5", "ou:P"));
    expect(status).toBe(400);
    expect(details).toEqual([
      {
        path: "dimension.1",
        message: "Kỳ báo cáo '2023Q5' không hợp lệ; dùng dạng 202309, 2023Q3, 2023S2 hoặc 2023",
        message_en: "Invalid period '2023Q5'; use 202309, 2023Q3, 2023S2 or 2023",
      },
    ]);
  });

  it("names each missing dimension", () => {
    const { details } = issuesOf(dims("dx:A"));
    expect(details.map((d) => [d.path, d.message_en])).toEqual([
      ["dimension", "Dimension pe is missing: add dimension=pe:… or filter=pe:…"],
      ["dimension", "Dimension ou is missing: add dimension=ou:… or filter=ou:…"],
    ]);
  });

  it("refuses a dimension given twice, an unknown one, and one without a colon", () => {
    const { details } = issuesOf({
      dimension: ["dx:A", "pe:2023", "ou:P", "co:X", "dxA"],
      filter: ["pe:2024"],
    });
    expect(details.map((d) => d.path)).toEqual(["dimension.3", "dimension.4", "filter.0"]);
    expect(details[0]?.message_en).toBe("No dimension 'co'; dimensions: dx (data), pe (period), ou (unit)");
    expect(details[2]?.message_en).toBe("Dimension pe is given twice");
  });

  it("refuses empty items, a dx filter with two metrics, and a bad asOf", () => {
    const { details } = issuesOf({ dimension: ["pe:2023;", "ou:P"], filter: ["dx:A;B"], asOf: "2023-02-30" });
    expect(details.map((d) => [d.path, d.message_en])).toEqual([
      ["dimension.0", "Dimension pe has an empty item"],
      ["filter.0", "A dx filter takes exactly one metric"],
      ["asOf", "Invalid date '2023-02-30'; use YYYY-MM-DD"],
    ]);
  });

  it("caps the items of one dimension", () => {
    const periods = Array.from({ length: 121 }, (_, i) => String(1950 + i)).join(";");
    const { details } = issuesOf(dims("dx:A", `pe:${periods}`, "ou:P"));
    expect(details).toMatchObject([
      { path: "dimension.1", message_en: "Dimension pe has too many items (at most 120)" },
    ]);
  });

  it("refuses CHILDREN- together with LEVEL-n", () => {
    const { details } = issuesOf(dims("dx:A", "pe:2023", "ou:CHILDREN-P;LEVEL-3"));
    expect(details[0]?.path).toBe("dimension.2");
  });
});

describe("parseOuItem", () => {
  it("reads unit codes, levels, children and the caller's own units", () => {
    expect(parseOuItem("D1")).toEqual({ ok: true, item: { kind: "unit", code: "D1" } });
    expect(parseOuItem("level-3")).toEqual({ ok: true, item: { kind: "level", level: 3 } });
    expect(parseOuItem("CHILDREN-D1")).toEqual({ ok: true, item: { kind: "children", code: "D1" } });
    expect(parseOuItem("USER_ORGUNIT")).toEqual({ ok: true, item: { kind: "user" } });
    expect(parseOuItem("USER_ORGUNIT_CHILDREN")).toEqual({ ok: true, item: { kind: "userChildren" } });
  });

  it("refuses levels outside 1–6", () => {
    for (const bad of ["LEVEL-0", "LEVEL-7", "LEVEL-x", "LEVEL-"]) {
      const result = parseOuItem(bad);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issue.en).toBe(`Invalid unit level '${bad}'; use LEVEL-1 to LEVEL-6`);
    }
  });
});
