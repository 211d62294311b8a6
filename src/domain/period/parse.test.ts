import { describe, expect, it } from "vitest";
import { PeriodError } from "./errors.ts";
import {
  canonicalPeriodId,
  formatPeriod,
  isPeriodId,
  makePeriod,
  parsePeriod,
  tryParsePeriod,
} from "./parse.ts";

describe("parsePeriod", () => {
  it.each([
    ["202309", { type: "month", year: 2023, index: 9 }],
    ["2023-09", { type: "month", year: 2023, index: 9 }],
    ["202301", { type: "month", year: 2023, index: 1 }],
    ["2023Q3", { type: "quarter", year: 2023, index: 3 }],
    ["2023q1", { type: "quarter", year: 2023, index: 1 }],
    ["2023S2", { type: "half_year", year: 2023, index: 2 }],
    ["2023s1", { type: "half_year", year: 2023, index: 1 }],
    ["2023", { type: "year", year: 2023, index: 1 }],
    [" 2023Q4 ", { type: "quarter", year: 2023, index: 4 }],
  ])("reads %j", (id, period) => {
    expect(parsePeriod(id)).toEqual(period);
  });

  it.each([
    "",
    "2023-9",
    "20239",
    "202313",
    "202300",
    "2023Q0",
    "2023Q5",
    "2023S0",
    "2023S3",
    "2023H1",
    "2023W01",
    "23Q1",
    "2023-Q1",
    "2023 Q1",
    "Q1 2023",
    "٢٠٢٣",
  ])("rejects %j as INVALID_PERIOD", (id) => {
    expect(() => parsePeriod(id)).toThrow(PeriodError);
    const result = tryParsePeriod(id);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe("INVALID_PERIOD");
  });

  it("explains the accepted forms in both languages", () => {
    const result = tryParsePeriod("2023Q5");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.messageVi).toBe(
      "Kỳ báo cáo '2023Q5' không hợp lệ; dùng dạng 202309, 2023Q3, 2023S2 hoặc 2023",
    );
    expect(result.error.messageEn).toBe("Invalid period '2023Q5'; use 202309, 2023Q3, 2023S2 or 2023");
    expect(result.error.message).toBe(result.error.messageEn);
  });

  it("shortens a long input inside the message", () => {
    const result = tryParsePeriod("x".repeat(5000));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.messageEn).toBe(
        `Invalid period '${"x".repeat(24)}…'; use 202309, 2023Q3, 2023S2 or 2023`,
      );
  });

  it("rejects years outside 1900–2100", () => {
    const result = tryParsePeriod("1899Q4");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("YEAR_OUT_OF_RANGE");
    expect(result.error.messageVi).toBe("Năm 1899 nằm ngoài khoảng 1900–2100");
    expect(parsePeriod("1900").year).toBe(1900);
    expect(parsePeriod("210012").index).toBe(12);
    expect(() => parsePeriod("2101")).toThrow("Year 2101 is outside 1900–2100");
  });

  it("rejects a period of another type when one is expected", () => {
    expect(parsePeriod("202309", "month")).toEqual({ type: "month", year: 2023, index: 9 });
    const result = tryParsePeriod("2023Q3", "month");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("WRONG_PERIOD_TYPE");
    expect(result.error.messageVi).toBe("Kỳ 2023Q3 không phải kỳ tháng");
    expect(result.error.messageEn).toBe("Period 2023Q3 is not a month");
  });

  it("does not throw on a non-string input from untyped callers", () => {
    const result = tryParsePeriod(202309 as unknown as string);
    expect(result.ok).toBe(false);
  });
});

describe("formatPeriod", () => {
  it.each([
    [{ type: "month", year: 2023, index: 9 }, "202309"],
    [{ type: "month", year: 2023, index: 12 }, "202312"],
    [{ type: "quarter", year: 2023, index: 3 }, "2023Q3"],
    [{ type: "half_year", year: 2023, index: 2 }, "2023S2"],
    [{ type: "year", year: 2023, index: 1 }, "2023"],
  ] as const)("writes %j as %s", (p, id) => {
    expect(formatPeriod(p)).toBe(id);
  });

  it("canonicalises every accepted spelling", () => {
    expect(canonicalPeriodId("2023-09")).toBe("202309");
    expect(canonicalPeriodId(" 2023q2")).toBe("2023Q2");
    expect(canonicalPeriodId("2023s1", "half_year")).toBe("2023S1");
    expect(() => canonicalPeriodId("2023", "month")).toThrow(PeriodError);
  });
});

describe("makePeriod and isPeriodId", () => {
  it("builds valid periods and refuses invalid parts", () => {
    expect(makePeriod("quarter", 2024, 2)).toEqual({ type: "quarter", year: 2024, index: 2 });
    expect(makePeriod("year", 2024)).toEqual({ type: "year", year: 2024, index: 1 });
    expect(() => makePeriod("month", 2024, 13)).toThrow(PeriodError);
    expect(() => makePeriod("year", 2024, 2)).toThrow(PeriodError);
    expect(() => makePeriod("month", 2024.5, 1)).toThrow(PeriodError);
    expect(() => makePeriod("half_year", 1800, 1)).toThrow(PeriodError);
  });

  it("tells ids from non-ids", () => {
    expect(isPeriodId("2023S2")).toBe(true);
    expect(isPeriodId("2023-13")).toBe(false);
  });
});
