import { describe, expect, it } from "vitest";
import { PeriodError } from "./errors.ts";
import { formatPeriod, parsePeriod } from "./parse.ts";
import {
  comparePeriods,
  contains,
  nextPeriod,
  periodEnd,
  periodOf,
  periodStart,
  periodsBetween,
  periodsWithin,
  previousPeriod,
  samePeriodLastYear,
  shiftPeriod,
} from "./range.ts";

const p = parsePeriod;
const ids = (
  list: readonly { type: "month" | "quarter" | "half_year" | "year"; year: number; index: number }[],
) => list.map(formatPeriod);

describe("period bounds", () => {
  it.each([
    ["202309", "2023-09-01", "2023-09-30"],
    ["202302", "2023-02-01", "2023-02-28"],
    ["202402", "2024-02-01", "2024-02-29"],
    ["202312", "2023-12-01", "2023-12-31"],
    ["2023Q1", "2023-01-01", "2023-03-31"],
    ["2023Q3", "2023-07-01", "2023-09-30"],
    ["2023Q4", "2023-10-01", "2023-12-31"],
    ["2023S1", "2023-01-01", "2023-06-30"],
    ["2023S2", "2023-07-01", "2023-12-31"],
    ["2023", "2023-01-01", "2023-12-31"],
  ])("%s runs from %s to %s", (id, start, end) => {
    expect(periodStart(p(id))).toBe(start);
    expect(periodEnd(p(id))).toBe(end);
  });
});

describe("contains and periodsWithin", () => {
  it("answers containment between types", () => {
    expect(contains(p("2023Q3"), p("202309"))).toBe(true);
    expect(contains(p("2023Q3"), p("202310"))).toBe(false);
    expect(contains(p("2023"), p("2023S2"))).toBe(true);
    expect(contains(p("2023S1"), p("2023Q3"))).toBe(false);
    expect(contains(p("2023Q3"), p("2023S2"))).toBe(false);
    expect(contains(p("2023Q3"), p("2023Q3"))).toBe(true);
    expect(contains(p("202309"), p("2023Q3"))).toBe(false);
    expect(contains(p("2024"), p("202309"))).toBe(false);
  });

  it("lists the months of a quarter and the quarters of a year", () => {
    expect(ids(periodsWithin(p("2023Q3"), "month"))).toEqual(["202307", "202308", "202309"]);
    expect(ids(periodsWithin(p("2023"), "quarter"))).toEqual(["2023Q1", "2023Q2", "2023Q3", "2023Q4"]);
    expect(ids(periodsWithin(p("2023S2"), "quarter"))).toEqual(["2023Q3", "2023Q4"]);
    expect(ids(periodsWithin(p("2023"), "half_year"))).toEqual(["2023S1", "2023S2"]);
    expect(periodsWithin(p("2023"), "month")).toHaveLength(12);
    expect(ids(periodsWithin(p("202309"), "month"))).toEqual(["202309"]);
  });

  it("returns nothing when the inner type is longer than the outer period", () => {
    expect(periodsWithin(p("2023Q3"), "half_year")).toEqual([]);
    expect(periodsWithin(p("202309"), "year")).toEqual([]);
  });
});

describe("periodOf", () => {
  it.each([
    ["month", "2023-09-30", "202309"],
    ["month", "2023-01-01", "202301"],
    ["quarter", "2023-09-30", "2023Q3"],
    ["quarter", "2023-10-01", "2023Q4"],
    ["half_year", "2023-06-30", "2023S1"],
    ["half_year", "2023-07-01", "2023S2"],
    ["year", "2023-12-31", "2023"],
  ] as const)("the %s containing %s is %s", (type, date, id) => {
    expect(formatPeriod(periodOf(type, date))).toBe(id);
  });

  it("rejects a bad date", () => {
    expect(() => periodOf("month", "2023-02-30")).toThrow(PeriodError);
  });
});

describe("stepping", () => {
  it("moves across year ends", () => {
    expect(formatPeriod(nextPeriod(p("202312")))).toBe("202401");
    expect(formatPeriod(previousPeriod(p("202401")))).toBe("202312");
    expect(formatPeriod(nextPeriod(p("2023Q4")))).toBe("2024Q1");
    expect(formatPeriod(previousPeriod(p("2023Q1")))).toBe("2022Q4");
    expect(formatPeriod(nextPeriod(p("2023S2")))).toBe("2024S1");
    expect(formatPeriod(previousPeriod(p("2023")))).toBe("2022");
    expect(formatPeriod(shiftPeriod(p("202309"), -21))).toBe("202112");
    expect(formatPeriod(shiftPeriod(p("2023Q3"), 6))).toBe("2025Q1");
  });

  it("gives the same period a year earlier", () => {
    expect(formatPeriod(samePeriodLastYear(p("2023Q3")))).toBe("2022Q3");
    expect(formatPeriod(samePeriodLastYear(p("202402")))).toBe("202302");
  });

  it("refuses to leave the supported years", () => {
    expect(() => nextPeriod(p("210012"))).toThrow(PeriodError);
    expect(() => previousPeriod(p("1900Q1"))).toThrow(PeriodError);
  });
});

describe("periodsBetween", () => {
  it("lists both ends and everything between", () => {
    expect(ids(periodsBetween(p("202311"), p("202402")))).toEqual(["202311", "202312", "202401", "202402"]);
    expect(ids(periodsBetween(p("2023Q3"), p("2023Q3")))).toEqual(["2023Q3"]);
    expect(ids(periodsBetween(p("2099"), p("2100")))).toEqual(["2099", "2100"]);
  });

  it("is empty when the end comes first", () => {
    expect(periodsBetween(p("202402"), p("202311"))).toEqual([]);
  });

  it("refuses periods of different types", () => {
    expect(() => periodsBetween(p("202301"), p("2023Q4"))).toThrow(
      expect.objectContaining({
        code: "MIXED_PERIOD_TYPES",
        messageVi: "Kỳ 202301 và kỳ 2023Q4 không cùng loại",
      }),
    );
  });
});

describe("comparePeriods", () => {
  it("orders by start, shorter first", () => {
    const sorted = ["2023", "202307", "2023Q3", "2022Q4", "2023S2", "202306"]
      .map((id) => p(id))
      .sort(comparePeriods);
    expect(ids(sorted)).toEqual(["2022Q4", "2023", "202306", "202307", "2023Q3", "2023S2"]);
    expect(comparePeriods(p("2023Q3"), p("2023Q3"))).toBe(0);
  });
});
