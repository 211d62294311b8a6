import { describe, expect, it } from "vitest";
import { evaluate, nearlyEqual } from "./evaluate.ts";
import { parsed, values } from "./test-helpers.ts";

const run = (text: string, data: Record<string, number | null> = {}, missingAsZero = false) =>
  evaluate(parsed(text), values(data), { missingAsZero });

describe("evaluate: arithmetic", () => {
  it("computes with precedence and parentheses", () => {
    expect(run("1 + 2 * 3")).toBe(7);
    expect(run("(1 + 2) * 3")).toBe(9);
    expect(run("10 - 4 - 3")).toBe(3);
    expect(run("8 / 4 / 2")).toBe(1);
    expect(run("-#{A} + 5", { A: 2 })).toBe(3);
    expect(run("--4")).toBe(4);
  });

  it("computes a ratio as a percentage", () => {
    expect(
      run("#{DVC_FULL} / #{PROCEDURES_TOTAL} * 100", { DVC_FULL: 1150, PROCEDURES_TOTAL: 2419 }),
    ).toBeCloseTo(47.5403, 4);
  });

  it("gives null when a metric is missing", () => {
    expect(run("#{A} + 1")).toBeNull();
    expect(run("#{A} * 0")).toBeNull();
    expect(run("-#{A}")).toBeNull();
    expect(run("#{A} + #{B}", { A: 3 })).toBeNull();
  });

  it("gives null on division by zero, never Infinity or NaN", () => {
    expect(run("1 / 0")).toBeNull();
    expect(run("0 / 0")).toBeNull();
    expect(run("#{A} / #{B}", { A: 5, B: 0 })).toBeNull();
    expect(run("(1 / 0) + 1")).toBeNull();
  });

  it("gives null when a result overflows", () => {
    expect(run("#{A} * #{A}", { A: 1e200 })).toBeNull();
    expect(run("#{A} + #{A}", { A: Number.MAX_VALUE })).toBeNull();
  });

  it("treats a non-finite value from the lookup as missing", () => {
    expect(run("#{A} + 1", { A: Number.NaN })).toBeNull();
    expect(run("isNull(#{A})", { A: Number.POSITIVE_INFINITY })).toBe(true);
  });

  it("counts booleans as 1 and 0 in arithmetic", () => {
    expect(run("(#{A} > 0) + (#{B} > 0)", { A: 1, B: 0 })).toBe(1);
    expect(run("(1 < 2) * 10")).toBe(10);
    expect(run("-(1 < 2)")).toBe(-1);
  });

  it("never yields negative zero", () => {
    expect(Object.is(run("-0"), 0)).toBe(true);
    expect(Object.is(run("0 * -1"), 0)).toBe(true);
  });
});

describe("evaluate: size", () => {
  it("evaluates and formats the longest flat sum the length limit allows", () => {
    const text = Array.from({ length: 1000 }, () => "1").join("+");
    expect(text).toHaveLength(1999);
    expect(run(text)).toBe(1000);
  });
});

describe("evaluate: comparisons", () => {
  it("compares numbers", () => {
    expect(run("#{ANSWERED} <= #{RECEIVED}", { ANSWERED: 12, RECEIVED: 12 })).toBe(true);
    expect(run("#{ANSWERED} <= #{RECEIVED}", { ANSWERED: 13, RECEIVED: 12 })).toBe(false);
    expect(run("2 < 3")).toBe(true);
    expect(run("3 < 3")).toBe(false);
    expect(run("3 > 2")).toBe(true);
    expect(run("3 >= 3")).toBe(true);
    expect(run("2 >= 3")).toBe(false);
    expect(run("3 == 3")).toBe(true);
    expect(run("3 != 3")).toBe(false);
    expect(run("3 != 4")).toBe(true);
  });

  it("tolerates binary rounding in equality", () => {
    expect(run("0.1 + 0.2 == 0.3")).toBe(true);
    expect(run("0.1 + 0.2 <= 0.3")).toBe(true);
    expect(run("0.1 + 0.2 > 0.3")).toBe(false);
    expect(run("0.3 < 0.1 + 0.2")).toBe(false);
    expect(run("#{PART_A} + #{PART_B} == #{TOTAL}", { PART_A: 33.3, PART_B: 66.7, TOTAL: 100 })).toBe(true);
    expect(run("1000000 == 1000001")).toBe(false);
    expect(run("99999999999 < 100000000000")).toBe(true);
  });

  it("gives null when a side is missing", () => {
    expect(run("#{A} < 3")).toBeNull();
    expect(run("#{A} == #{B}", { A: 1 })).toBeNull();
  });

  it("defines nearlyEqual relative to magnitude", () => {
    expect(nearlyEqual(1e12, 1e12 + 1e-4)).toBe(true);
    expect(nearlyEqual(1e12, 1e12 + 2)).toBe(false);
    expect(nearlyEqual(99_999_999_999, 1e11)).toBe(false);
    expect(nearlyEqual(0, 1e-13)).toBe(true);
    expect(nearlyEqual(0, 1e-11)).toBe(false);
  });
});

describe("evaluate: logic", () => {
  it("combines booleans", () => {
    expect(run("1 < 2 && 2 < 3")).toBe(true);
    expect(run("1 < 2 && 3 < 2")).toBe(false);
    expect(run("1 > 2 || 2 < 3")).toBe(true);
    expect(run("1 > 2 || 3 < 2")).toBe(false);
    expect(run("!(1 < 2)")).toBe(false);
    expect(run("!0")).toBe(true);
    expect(run("!5")).toBe(false);
    expect(run("2 && 0")).toBe(false);
  });

  it("uses three-valued logic with missing values", () => {
    expect(run("#{A} > 0 && 1 > 2")).toBe(false);
    expect(run("1 > 2 && #{A} > 0")).toBe(false);
    expect(run("#{A} > 0 && 1 < 2")).toBeNull();
    expect(run("#{A} > 0 || 1 < 2")).toBe(true);
    expect(run("1 < 2 || #{A} > 0")).toBe(true);
    expect(run("#{A} > 0 || 1 > 2")).toBeNull();
    expect(run("!(#{A} > 0)")).toBeNull();
  });
});

describe("evaluate: functions", () => {
  it("if picks a branch, and is null when the condition is", () => {
    expect(run("if(#{A} > 0, #{B} / #{A}, 0)", { A: 4, B: 2 })).toBe(0.5);
    expect(run("if(#{A} > 0, #{B} / #{A}, 0)", { A: 0, B: 2 })).toBe(0);
    expect(run("if(#{A} > 0, 1, 0)")).toBeNull();
    expect(run("if(1, #{X}, 7)")).toBeNull();
    expect(run("if(0, #{X}, 7)")).toBe(7);
  });

  it("isNull and isNotNull tell missing values", () => {
    expect(run("isNull(#{A})")).toBe(true);
    expect(run("isNull(#{A})", { A: 0 })).toBe(false);
    expect(run("isNotNull(#{A})", { A: 0 })).toBe(true);
    expect(run("isNull(#{A} / #{B})", { A: 1, B: 0 })).toBe(true);
  });

  it("min, max and abs use all arguments and propagate null", () => {
    expect(run("min(3, 1, 2)")).toBe(1);
    expect(run("max(3, 1, 2)")).toBe(3);
    expect(run("max(#{A}, 1)")).toBeNull();
    expect(run("min(7)")).toBe(7);
    expect(run("abs(-4.5)")).toBe(4.5);
    expect(run("abs(#{A})")).toBeNull();
    expect(run("max(1 < 2, 0)")).toBe(1);
  });

  it("round rounds half away from zero, and is null for bad digits", () => {
    expect(run("round(47.5403, 2)")).toBe(47.54);
    expect(run("round(1.005, 2)")).toBe(1.01);
    expect(run("round(2.5)")).toBe(3);
    expect(run("round(-2.5)")).toBe(-3);
    expect(run("round(#{A}, 1)", { A: 83.66 })).toBe(83.7);
    expect(run("round(1.5, -1)")).toBeNull();
    expect(run("round(1.5, 0.5)")).toBeNull();
    expect(run("round(1.5, 16)")).toBeNull();
    expect(run("round(#{A}, 2)")).toBeNull();
  });

  it("coalesce takes the first value present", () => {
    expect(run("coalesce(#{A}, #{B}, 0)", { B: 5 })).toBe(5);
    expect(run("coalesce(#{A}, #{B}, 0)")).toBe(0);
    expect(run("coalesce(#{A}, #{B})")).toBeNull();
    expect(run("coalesce(1 / 0, 2)")).toBe(2);
  });
});

describe("evaluate with missingAsZero", () => {
  it("counts missing metrics as 0 in arithmetic and comparisons", () => {
    expect(run("#{A} + #{B}", { B: 2 }, true)).toBe(2);
    expect(run("#{A} <= #{B}", { B: 2 }, true)).toBe(true);
    expect(run("#{A} > 0", {}, true)).toBe(false);
  });

  it("still lets isNull, isNotNull and coalesce see the missing metric", () => {
    expect(run("isNull(#{A})", {}, true)).toBe(true);
    expect(run("isNotNull(#{A})", {}, true)).toBe(false);
    expect(run("coalesce(#{A}, 9)", {}, true)).toBe(9);
    expect(run("isNull(#{A} + 1)", {}, true)).toBe(false);
  });

  it("keeps division by zero null", () => {
    expect(run("#{A} / #{B}", { A: 3 }, true)).toBeNull();
  });
});
