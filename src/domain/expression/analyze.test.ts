import { describe, expect, it } from "vitest";
import { referencedMetrics, resultType } from "./analyze.ts";
import { parsed } from "./test-helpers.ts";

describe("referencedMetrics", () => {
  it("lists each code once, in order of first appearance", () => {
    expect(referencedMetrics(parsed("#{B} + #{A} * #{B} - if(#{C} > 0, #{A}, #{D})"))).toEqual([
      "B",
      "A",
      "C",
      "D",
    ]);
    expect(referencedMetrics(parsed("1 + 2"))).toEqual([]);
    expect(referencedMetrics(parsed("-#{x.y}"))).toEqual(["x.y"]);
  });

  it("treats codes as case-sensitive", () => {
    expect(referencedMetrics(parsed("#{abc} + #{ABC}"))).toEqual(["abc", "ABC"]);
  });
});

describe("resultType", () => {
  it.each([
    ["#{A} / #{B} * 100", "number"],
    ["12", "number"],
    ["-#{A}", "number"],
    ["#{A} <= #{B}", "boolean"],
    ["#{A} > 0 && #{B} > 0", "boolean"],
    ["!#{A}", "boolean"],
    ["isNull(#{A})", "boolean"],
    ["isNotNull(#{A})", "boolean"],
    ["round(#{A}, 2)", "number"],
    ["max(#{A} > 1, 2)", "number"],
    ["if(#{A} > 0, 1, 2)", "number"],
    ["if(#{A} > 0, 1 < 2, 2 < 1)", "boolean"],
    ["if(#{A} > 0, 1, 2 < 1)", "mixed"],
    ["coalesce(#{A}, 0)", "number"],
    ["coalesce(#{A} > 0, 0)", "mixed"],
  ])("%s yields %s", (text, type) => {
    expect(resultType(parsed(text))).toBe(type);
  });
});
