import { describe, expect, it } from "vitest";
import { parseExpression } from "../expression/index.ts";
import { parsePeriod } from "../period/index.ts";
import { aggregateFormula, aggregateFormulaFromParts, type FormulaPart } from "./formula.ts";
import { rec } from "./test-helpers.ts";

function ast(text: string) {
  const result = parseExpression(text);
  if (!result.ok) throw new Error(result.error.messageEn);
  return result.ast;
}

const share = ast("#{DVC_FULL} / #{PROCEDURES_TOTAL} * 100");

describe("aggregateFormula", () => {
  it("evaluates the formula over aggregated parts", () => {
    const parts = new Map([
      ["DVC_FULL", 300],
      ["PROCEDURES_TOTAL", 400],
    ]);
    expect(aggregateFormula(share, parts)).toBe(75);
  });

  it("is null when a part is missing or the denominator is zero", () => {
    expect(aggregateFormula(share, new Map([["DVC_FULL", 300]]))).toBeNull();
    expect(
      aggregateFormula(
        share,
        new Map<string, number | null>([
          ["DVC_FULL", 300],
          ["PROCEDURES_TOTAL", null],
        ]),
      ),
    ).toBeNull();
    expect(
      aggregateFormula(
        share,
        new Map([
          ["DVC_FULL", 0],
          ["PROCEDURES_TOTAL", 0],
        ]),
      ),
    ).toBeNull();
  });

  it("returns a boolean result as 1 or 0", () => {
    expect(aggregateFormula(ast("#{A} >= 10"), new Map([["A", 12]]))).toBe(1);
    expect(aggregateFormula(ast("#{A} >= 10"), new Map([["A", 2]]))).toBe(0);
  });
});

describe("aggregateFormulaFromParts", () => {
  const q3 = parsePeriod("2023Q3");
  const parts = new Map<string, FormulaPart>([
    [
      "DVC_FULL",
      { aggregation: "sum", records: [rec(1, "202307", 9), rec(2, "202307", 1), rec(1, "202308", 10)] },
    ],
    [
      "PROCEDURES_TOTAL",
      { aggregation: "last", records: [rec(1, "202307", 10), rec(1, "202308", 10), rec(2, "202308", 90)] },
    ],
  ]);

  it("aggregates each part with its own rule before dividing (a ratio of sums)", () => {
    // DVC_FULL sums to 20; PROCEDURES_TOTAL is a stock: 10 (unit 1) + 90 (unit 2) = 100.
    // The mean of the units' own ratios would be (190% + 1.1%) / 2, about 95.6%.
    expect(aggregateFormulaFromParts(share, parts, q3)).toBe(20);
  });

  it("has no value for a referenced metric without a part", () => {
    expect(aggregateFormulaFromParts(ast("#{DVC_FULL} + #{OTHER}"), parts, q3)).toBeNull();
    expect(aggregateFormulaFromParts(ast("coalesce(#{OTHER}, 0) + #{DVC_FULL}"), parts, q3)).toBe(20);
  });

  it("passes weights to an average part", () => {
    const weighted = new Map<string, FormulaPart>([
      [
        "RATE",
        {
          aggregation: "average",
          records: [rec(1, "202307", 50), rec(2, "202307", 100)],
          weights: [rec(1, "202307", 1), rec(2, "202307", 3)],
        },
      ],
    ]);
    expect(aggregateFormulaFromParts(ast("round(#{RATE}, 1)"), weighted)).toBe(87.5);
  });
});
