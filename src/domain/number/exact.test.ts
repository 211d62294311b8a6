import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as exact from "./exact.ts";

const { addExact, equalExact, exactOf, exactText, exactToNumber, isZeroExact, mulExact, parseExact, ZERO } =
  exact;

const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 });

describe("exact decimals", () => {
  it.each([
    [0.1, "0.1"],
    [-2.5, "-2.5"],
    [1205780, "1205780"],
    [1e-7, "0.0000001"],
    [1e21, "1000000000000000000000"],
  ])("take %s as the decimal it prints as, %s", (x, text) => {
    expect(exactText(exactOf(x))).toBe(text);
  });

  it("add 0.1 and 0.2 to exactly 0.3, where floats give 0.30000000000000004", () => {
    const sum = addExact(exactOf(0.1), exactOf(0.2));
    expect(exactText(sum)).toBe("0.3");
    expect(exactToNumber(sum)).toBe(0.3);
    expect(0.1 + 0.2).not.toBe(0.3);
  });

  it("multiply exactly", () => {
    expect(exactText(mulExact(exactOf(1.5), exactOf(-0.25)))).toBe("-0.375");
  });

  it("read numeric's text, trailing zeros included", () => {
    expect(equalExact(parseExact("12.500"), exactOf(12.5))).toBe(true);
    expect(exactText(parseExact("-0.000"))).toBe("0");
    expect(() => parseExact("1e5")).toThrow(RangeError);
  });

  it("give back every number they were made from", () => {
    fc.assert(fc.property(finite, (x) => exactToNumber(exactOf(x)) === (x === 0 ? 0 : x)));
  });

  it("come back to exactly zero after adding values and subtracting them in another order", () => {
    fc.assert(
      fc.property(fc.array(finite, { maxLength: 40 }), fc.integer(), (xs, seed) => {
        let sum = ZERO;
        for (const x of xs) sum = addExact(sum, exactOf(x));
        const order = [...xs].sort((a, b) => ((a * 7919 + seed) % 13) - ((b * 7919 + seed) % 13));
        for (const x of order) sum = addExact(sum, exactOf(x), -1);
        return isZeroExact(sum) && exactText(sum) === "0";
      }),
    );
  });

  it("print text that parses back to the same decimal", () => {
    fc.assert(
      fc.property(finite, finite, (a, b) => {
        const p = mulExact(exactOf(a), exactOf(b));
        return equalExact(parseExact(exactText(p)), p);
      }),
    );
  });
});
