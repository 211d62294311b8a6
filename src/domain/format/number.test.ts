import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatCountEn,
  formatCountVi,
  formatNumberEn,
  formatNumberVi,
  formatPercentEn,
  formatPercentVi,
} from "./number.ts";

describe("formatNumberVi", () => {
  it.each([
    [1205780, undefined, "1.205.780"],
    [83.66, 2, "83,66"],
    [0, undefined, "0"],
    [999, undefined, "999"],
    [1000, undefined, "1.000"],
    [12345, undefined, "12.345"],
    [123456, undefined, "123.456"],
    [1234567.891, 2, "1.234.567,89"],
    [-1205780, undefined, "-1.205.780"],
    [-0.5, 1, "-0,5"],
    [-0.004, 2, "0,00"],
    [45.8, 2, "45,80"],
    [0.5, undefined, "1"],
    [1.005, 2, "1,01"],
    [999.995, 2, "1.000,00"],
    [1e21, undefined, "1.000.000.000.000.000.000.000"],
  ])("writes %s with %s digits as %s", (value, digits, text) => {
    expect(formatNumberVi(value, digits)).toBe(text);
  });

  it("refuses values that are not finite, and bad digit counts", () => {
    expect(() => formatNumberVi(Number.NaN)).toThrow(RangeError);
    expect(() => formatNumberVi(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => formatNumberVi(1, -1)).toThrow(RangeError);
  });

  it("agrees with Intl for integers, when Intl knows Vietnamese", () => {
    const intl = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0, useGrouping: true });
    const knowsVietnamese = intl.format(1205780) === "1.205.780";
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (n) => {
        const mine = formatNumberVi(n);
        expect(mine.replace(/\./g, "")).toBe(String(n));
        if (knowsVietnamese) expect(mine).toBe(intl.format(n));
      }),
    );
  });

  it("reads back to the rounded value", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e12, max: 1e12, noNaN: true }),
        fc.integer({ min: 0, max: 4 }),
        (x, d) => {
          const text = formatNumberVi(x, d);
          const back = Number(text.replace(/\./g, "").replace(",", "."));
          expect(Math.abs(back - x)).toBeLessThanOrEqual(0.5 * 10 ** -d + 1e-3);
          expect(text).toMatch(/^-?\d{1,3}(\.\d{3})*(,\d+)?$/);
        },
      ),
    );
  });
});

describe("formatNumberEn", () => {
  it("uses commas for thousands and a point for decimals", () => {
    expect(formatNumberEn(1205780)).toBe("1,205,780");
    expect(formatNumberEn(83.66, 2)).toBe("83.66");
    expect(formatNumberEn(-1234.5, 1)).toBe("-1,234.5");
  });
});

describe("formatPercent", () => {
  it("writes a value already in percent, with 2 digits by default and never trimmed", () => {
    expect(formatPercentVi(47.54)).toBe("47,54%");
    expect(formatPercentVi(47.5)).toBe("47,50%");
    expect(formatPercentVi(45.8, 1)).toBe("45,8%");
    expect(formatPercentVi(100, 0)).toBe("100%");
    expect(formatPercentVi(83.665)).toBe("83,67%");
    expect(formatPercentEn(47.54)).toBe("47.54%");
    expect(formatPercentEn(1234.5, 1)).toBe("1,234.5%");
  });
});

describe("formatCount", () => {
  it("pads official counts to two digits", () => {
    expect(formatCountVi(0)).toBe("00");
    expect(formatCountVi(1)).toBe("01");
    expect(formatCountVi(9)).toBe("09");
    expect(formatCountVi(12)).toBe("12");
    expect(formatCountVi(105)).toBe("105");
    expect(formatCountVi(1205)).toBe("1.205");
    expect(formatCountEn(1)).toBe("1");
    expect(formatCountEn(1205)).toBe("1,205");
  });

  it("refuses negative or fractional counts", () => {
    expect(() => formatCountVi(-1)).toThrow(RangeError);
    expect(() => formatCountVi(1.5)).toThrow(RangeError);
    expect(() => formatCountEn(Number.NaN)).toThrow(RangeError);
  });
});
