import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixedDecimal, plainDecimal, roundHalfAway } from "./decimal.ts";

describe("plainDecimal", () => {
  it.each([
    [0, "0"],
    [-0, "0"],
    [12, "12"],
    [3.5, "3.5"],
    [-83.66, "-83.66"],
    [1e21, "1000000000000000000000"],
    [1.5e22, "15000000000000000000000"],
    [1e-7, "0.0000001"],
    [-1.25e-7, "-0.000000125"],
    [123456789012345680000, "123456789012345680000"],
  ])("writes %s as %s", (x, text) => {
    expect(plainDecimal(x)).toBe(text);
  });

  it("rejects NaN and infinities", () => {
    expect(() => plainDecimal(Number.NaN)).toThrow(RangeError);
    expect(() => plainDecimal(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it("reads back as the same number and never uses exponent notation", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const text = plainDecimal(x);
        expect(text).not.toMatch(/e/i);
        expect(Number(text)).toBe(x === 0 ? 0 : x);
      }),
    );
  });
});

describe("fixedDecimal", () => {
  it.each([
    [1205780, 0, "1205780"],
    [1205780, 2, "1205780.00"],
    [83.66, 2, "83.66"],
    [83.666, 2, "83.67"],
    [1.005, 2, "1.01"],
    [2.675, 2, "2.68"],
    [0.5, 0, "1"],
    [1.5, 0, "2"],
    [2.5, 0, "3"],
    [-2.5, 0, "-3"],
    [-0.001, 2, "0.00"],
    [-0.004, 0, "0"],
    [9.995, 2, "10.00"],
    [99.96, 1, "100.0"],
    [0.045, 2, "0.05"],
    [45.8, 1, "45.8"],
    [45.8, 2, "45.80"],
    [1e-7, 3, "0.000"],
    [0.30000000000000004, 2, "0.30"],
  ])("writes %s with %i digits as %s", (x, digits, text) => {
    expect(fixedDecimal(x, digits)).toBe(text);
  });

  it("rejects digit counts outside 0..20", () => {
    expect(() => fixedDecimal(1, -1)).toThrow(RangeError);
    expect(() => fixedDecimal(1, 21)).toThrow(RangeError);
    expect(() => fixedDecimal(1, 1.5)).toThrow(RangeError);
  });

  it("has exactly the requested number of decimals", () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: 0, max: 6 }),
        (x, d) => {
          const [, fraction = ""] = fixedDecimal(x, d).split(".");
          expect(fraction.length).toBe(d);
        },
      ),
    );
  });

  it("is within half a unit of the last place", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 6 }), (x, d) => {
        const error = Math.abs(Number(fixedDecimal(x, d)) - x);
        expect(error).toBeLessThanOrEqual(0.5 * 10 ** -d + 1e-9 * Math.max(1, Math.abs(x)));
      }),
    );
  });

  it("is symmetric around zero", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 4 }), (x, d) => {
        const positive = fixedDecimal(x, d);
        const negative = fixedDecimal(-x, d);
        expect(negative === positive || negative === `-${positive}`).toBe(true);
      }),
    );
  });
});

describe("roundHalfAway", () => {
  it("rounds halves away from zero", () => {
    expect(roundHalfAway(83.665, 2)).toBe(83.67);
    expect(roundHalfAway(-83.665, 2)).toBe(-83.67);
    expect(roundHalfAway(47.5, 0)).toBe(48);
    expect(roundHalfAway(12.34, 1)).toBe(12.3);
  });

  it("leaves integers unchanged", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 5 }), (n, d) => {
        expect(roundHalfAway(n, d)).toBe(n === 0 ? 0 : n);
      }),
    );
  });
});
