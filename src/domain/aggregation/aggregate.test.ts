import { describe, expect, it } from "vitest";
import { PeriodError, parsePeriod } from "../period/index.ts";
import { aggregate, aggregateSeries } from "./aggregate.ts";
import { AggregationError } from "./errors.ts";
import { rec } from "./test-helpers.ts";
import type { ValueRecord } from "./types.ts";

const q3 = parsePeriod("2023Q3");
const year = parsePeriod("2023");

describe("sum (flows)", () => {
  const records = [rec(1, "202307", 10), rec(1, "202308", 20), rec(2, "202308", 5), rec(1, "202310", 100)];

  it("adds over units and periods", () => {
    expect(aggregate("sum", records)).toBe(135);
  });

  it("adds only the records inside the requested period", () => {
    expect(aggregate("sum", records, { within: q3 })).toBe(35);
    expect(aggregate("sum", records, { within: parsePeriod("202308") })).toBe(25);
    expect(aggregate("sum", records, { within: parsePeriod("2023Q4") })).toBe(100);
  });

  it("is null when nothing was reported, and 0 when zeros were", () => {
    expect(aggregate("sum", [])).toBeNull();
    expect(aggregate("sum", records, { within: parsePeriod("2024") })).toBeNull();
    expect(aggregate("sum", [rec(1, "202307", 0)])).toBe(0);
  });

  it("is null when the total overflows", () => {
    expect(
      aggregate("sum", [rec(1, "202307", Number.MAX_VALUE), rec(2, "202307", Number.MAX_VALUE)]),
    ).toBeNull();
  });
});

describe("last (stocks)", () => {
  it("takes each unit's latest period, then adds over units", () => {
    const subscribers = [
      rec(1, "202307", 1000),
      rec(1, "202309", 1200),
      rec(1, "202308", 1100),
      rec(2, "202307", 500),
      rec(2, "202308", 550),
    ];
    expect(aggregate("last", subscribers, { within: q3 })).toBe(1200 + 550);
    expect(aggregate("last", subscribers, { within: parsePeriod("202308") })).toBe(1100 + 550);
  });

  it("ignores periods after the requested one", () => {
    const stock = [rec(1, "202309", 7), rec(1, "202310", 9)];
    expect(aggregate("last", stock, { within: q3 })).toBe(7);
    expect(aggregate("last", stock, { within: year })).toBe(9);
  });

  it("prefers the period that ends later, and the shorter one when two end together", () => {
    expect(aggregate("last", [rec(1, "2023Q3", 30), rec(1, "202308", 8)])).toBe(30);
    expect(aggregate("last", [rec(1, "2023Q3", 30), rec(1, "202309", 9)])).toBe(9);
  });

  it("is null with no records", () => {
    expect(aggregate("last", [])).toBeNull();
  });
});

describe("average", () => {
  it("is the plain mean of all values", () => {
    const scores = [rec(1, "202307", 80), rec(2, "202307", 90), rec(1, "202308", 70)];
    expect(aggregate("average", scores)).toBe(80);
    expect(aggregate("average", scores, { within: parsePeriod("202307") })).toBe(85);
    expect(aggregate("average", [])).toBeNull();
  });

  it("weights each value by the weight of the same unit and period", () => {
    const rates = [rec(1, "202307", 50), rec(2, "202307", 100)];
    const population = [rec(1, "202307", 3000), rec(2, "202307", 1000)];
    expect(aggregate("average", rates, { weights: population })).toBe((50 * 3000 + 100 * 1000) / 4000);
  });

  it("leaves out values without a weight, and is null when no weight applies", () => {
    const rates = [rec(1, "202307", 50), rec(2, "202307", 100), rec(3, "202307", 10)];
    const weights = [rec(1, "202307", 1), rec(2, "202307", 3), rec(3, "202308", 1000)];
    expect(aggregate("average", rates, { weights })).toBe(87.5);
    expect(aggregate("average", rates, { weights: [rec(9, "202307", 1)] })).toBeNull();
    expect(aggregate("average", rates, { weights: [rec(1, "202307", 0)] })).toBeNull();
  });

  it("filters weights by the requested period too", () => {
    const rates = [rec(1, "202307", 10), rec(1, "202310", 20)];
    const weights = [rec(1, "202307", 1), rec(1, "202310", 1)];
    expect(aggregate("average", rates, { weights, within: q3 })).toBe(10);
  });

  it("refuses negative weights", () => {
    expect(() => aggregate("average", [rec(1, "202307", 1)], { weights: [rec(1, "202307", -1)] })).toThrow(
      expect.objectContaining({ code: "NEGATIVE_WEIGHT" }),
    );
  });
});

describe("none", () => {
  const values = [rec(1, "2023Q3", 42), rec(2, "2023Q3", 7), rec(1, "202309", 3)];

  it("gives the value recorded exactly for one unit and the requested period", () => {
    expect(
      aggregate(
        "none",
        values.filter((r) => r.unitId === 1),
        { within: q3 },
      ),
    ).toBe(42);
    expect(
      aggregate(
        "none",
        values.filter((r) => r.unitId === 1),
        { within: parsePeriod("202309") },
      ),
    ).toBe(3);
  });

  it("is null over several units, over sub-periods, or with nothing recorded", () => {
    expect(aggregate("none", values, { within: q3 })).toBeNull();
    expect(aggregate("none", [rec(1, "202307", 1)], { within: q3 })).toBeNull();
    expect(
      aggregate(
        "none",
        values.filter((r) => r.unitId === 1),
        { within: year },
      ),
    ).toBeNull();
    expect(aggregate("none", [])).toBeNull();
  });

  it("without a requested period, gives the only record or null", () => {
    expect(aggregate("none", [rec(5, "2023", 12.5)])).toBe(12.5);
    expect(aggregate("none", [rec(5, "2023", 12.5), rec(5, "2022", 1)])).toBeNull();
  });
});

describe("bad records", () => {
  it("refuses two values for the same unit and period, in any spelling", () => {
    const twice = [rec(1, "202309", 1), rec(1, "2023-09", 2)];
    for (const type of ["sum", "last", "average", "none"] as const) {
      expect(() => aggregate(type, twice)).toThrow(AggregationError);
    }
    expect(() => aggregate("sum", twice)).toThrow(
      expect.objectContaining({
        code: "DUPLICATE_RECORD",
        messageVi: "Có hơn một giá trị cho đơn vị 1, kỳ 202309",
        messageEn: "More than one value for unit 1, period 202309",
      }),
    );
  });

  it("ignores duplicates outside the requested period", () => {
    const records = [rec(1, "202309", 1), rec(1, "202310", 2), rec(1, "202310", 3)];
    expect(aggregate("sum", records, { within: q3 })).toBe(1);
  });

  it("refuses values that are not finite numbers", () => {
    expect(() => aggregate("sum", [rec(1, "202309", Number.NaN)])).toThrow(
      expect.objectContaining({ code: "INVALID_VALUE" }),
    );
    expect(() => aggregate("sum", [rec(1, "202309", Number.POSITIVE_INFINITY)])).toThrow(AggregationError);
  });

  it("refuses a periodStart that disagrees with the period", () => {
    const wrong: ValueRecord = { unitId: 1, period: "2023Q3", periodStart: "2023-09-01", value: 1 };
    expect(() => aggregate("sum", [wrong])).toThrow(
      expect.objectContaining({
        code: "START_MISMATCH",
        messageEn: "Start date 2023-09-01 does not match period 2023Q3 (expected 2023-07-01)",
      }),
    );
  });

  it("refuses a unit id that is not an integer", () => {
    const wrong: ValueRecord = { unitId: 1.5, period: "2023Q3", periodStart: "2023-07-01", value: 1 };
    expect(() => aggregate("sum", [wrong])).toThrow(expect.objectContaining({ code: "INVALID_UNIT" }));
  });

  it("refuses a bad period id with a PeriodError", () => {
    const wrong: ValueRecord = { unitId: 1, period: "2023Q9", periodStart: "2023-07-01", value: 1 };
    expect(() => aggregate("sum", [wrong])).toThrow(PeriodError);
  });

  it("refuses weights with any type but average, and unknown types", () => {
    expect(() => aggregate("sum", [], { weights: [] })).toThrow(
      expect.objectContaining({ code: "WEIGHTS_ONLY_FOR_AVERAGE" }),
    );
    expect(() => aggregate("formula" as "sum", [])).toThrow(
      expect.objectContaining({ code: "UNKNOWN_AGGREGATION" }),
    );
  });
});

describe("aggregateSeries", () => {
  it("gives one value per requested period", () => {
    const records = [rec(1, "202307", 10), rec(1, "202308", 20), rec(2, "202310", 5)];
    const quarters = ["2023Q3", "2023Q4", "2024Q1"].map((id) => parsePeriod(id));
    expect([...aggregateSeries("sum", records, quarters)]).toEqual([
      ["2023Q3", 30],
      ["2023Q4", 5],
      ["2024Q1", null],
    ]);
  });

  it("passes weights through for a weighted average", () => {
    const rates = [rec(1, "202307", 50), rec(2, "202307", 100)];
    const weights = [rec(1, "202307", 1), rec(2, "202307", 3)];
    expect(aggregateSeries("average", rates, [q3], weights).get("2023Q3")).toBe(87.5);
  });
});
