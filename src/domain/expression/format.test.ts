import { describe, expect, it } from "vitest";
import type { Expr } from "./ast.ts";
import { formatExpression } from "./format.ts";
import { parsed } from "./test-helpers.ts";

describe("formatExpression", () => {
  it.each([
    ["#{ANSWERED}<=#{RECEIVED}", "#{ANSWERED} <= #{RECEIVED}"],
    ["#{DVC_FULL}/#{PROCEDURES_TOTAL}*100", "#{DVC_FULL} / #{PROCEDURES_TOTAL} * 100"],
    ["((1 + 2)) * 3", "(1 + 2) * 3"],
    ["1 + (2 * 3)", "1 + 2 * 3"],
    ["(1 + 2) + 3", "1 + 2 + 3"],
    ["1 + (2 + 3)", "1 + (2 + 3)"],
    ["1 - (2 - 3)", "1 - (2 - 3)"],
    ["8 / (4 * 2)", "8 / (4 * 2)"],
    ["- ( #{A} + 1 )", "-(#{A} + 1)"],
    ["- - 3", "--3"],
    ["1 - - 3", "1 - -3"],
    ["! ( #{A} > 0 )", "!(#{A} > 0)"],
    ["(1 < 2) < 3", "(1 < 2) < 3"],
    ["1 < (2 < 3)", "1 < (2 < 3)"],
    ["(1 == 2) != (3 == 4)", "(1 == 2) != (3 == 4)"],
    ["1 < 2 == 3 < 4", "1 < 2 == 3 < 4"],
    ["(#{A} || #{B}) && #{C}", "(#{A} || #{B}) && #{C}"],
    ["#{A} || (#{B} && #{C})", "#{A} || #{B} && #{C}"],
    ["IF(#{A}>0,#{B},0)", "if(#{A} > 0, #{B}, 0)"],
    ["ROUND( #{A} , 2 )", "round(#{A}, 2)"],
    ["isnull(#{A})", "isNull(#{A})"],
    ["3.50", "3.5"],
    ["0.0000001", "0.0000001"],
    ["1000000000000000000000000", "1000000000000000000000000"],
    ["007", "7"],
  ])("writes %j as %j", (text, canonical) => {
    expect(formatExpression(parsed(text))).toBe(canonical);
  });

  it("writes a hand-built tree with the parentheses its grouping needs", () => {
    const tree: Expr = {
      kind: "binary",
      op: "*",
      left: {
        kind: "unary",
        op: "-",
        operand: {
          kind: "binary",
          op: "+",
          left: { kind: "number", value: 1 },
          right: { kind: "number", value: 2 },
        },
      },
      right: {
        kind: "call",
        fn: "max",
        args: [
          { kind: "ref", code: "A" },
          { kind: "number", value: 0.5 },
        ],
      },
    };
    expect(formatExpression(tree)).toBe("-(1 + 2) * max(#{A}, 0.5)");
  });
});
