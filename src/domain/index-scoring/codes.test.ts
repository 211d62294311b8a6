import { describe, expect, it } from "vitest";
import { compareCodes } from "./codes.ts";

describe("compareCodes", () => {
  it("orders runs of digits by value", () => {
    expect(["1.10", "1.2", "10.1", "2.1", "1.1"].sort(compareCodes)).toEqual([
      "1.1",
      "1.2",
      "1.10",
      "2.1",
      "10.1",
    ]);
    expect(["U10", "U9", "U100", "A"].sort(compareCodes)).toEqual(["A", "U9", "U10", "U100"]);
  });

  it("keeps long digit runs exact and leading zeros as a final tie-break", () => {
    expect(compareCodes("12345678901234567891", "12345678901234567890")).toBe(1);
    expect(compareCodes("01", "1")).not.toBe(0);
    expect(Math.sign(compareCodes("01", "1"))).toBe(-Math.sign(compareCodes("1", "01")));
  });

  it("is 0 only for equal codes", () => {
    expect(compareCodes("SO_DVC", "SO_DVC")).toBe(0);
    expect(compareCodes("a", "A")).not.toBe(0);
  });
});
