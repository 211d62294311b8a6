import { describe, expect, it } from "vitest";
import type { Expr } from "./ast.ts";
import { MAX_EXPRESSION_LENGTH, MAX_NESTING_DEPTH, parseExpression } from "./parser.ts";

const num = (value: number): Expr => ({ kind: "number", value });
const ref = (code: string): Expr => ({ kind: "ref", code });
const bin = (op: Extract<Expr, { kind: "binary" }>["op"], left: Expr, right: Expr): Expr => ({
  kind: "binary",
  op,
  left,
  right,
});

function ast(text: string): Expr {
  const result = parseExpression(text);
  if (!result.ok) throw new Error(`expected ${text} to parse: ${result.error.messageEn}`);
  return result.ast;
}

function error(text: string) {
  const result = parseExpression(text);
  if (result.ok) throw new Error(`expected ${text} to fail`);
  return result.error;
}

describe("parseExpression: what parses", () => {
  it("reads numbers and metric references", () => {
    expect(ast("12")).toEqual(num(12));
    expect(ast("3.5")).toEqual(num(3.5));
    expect(ast("0.25")).toEqual(num(0.25));
    expect(ast("#{DVC_FULL}")).toEqual(ref("DVC_FULL"));
    expect(ast("#{a.b_1.C}")).toEqual(ref("a.b_1.C"));
    expect(ast("#{123}")).toEqual(ref("123"));
  });

  it("gives * and / precedence over + and -, grouping left to right", () => {
    expect(ast("#{DVC_FULL} / #{PROCEDURES_TOTAL} * 100")).toEqual(
      bin("*", bin("/", ref("DVC_FULL"), ref("PROCEDURES_TOTAL")), num(100)),
    );
    expect(ast("1 + 2 * 3")).toEqual(bin("+", num(1), bin("*", num(2), num(3))));
    expect(ast("1 - 2 - 3")).toEqual(bin("-", bin("-", num(1), num(2)), num(3)));
    expect(ast("(1 + 2) * 3")).toEqual(bin("*", bin("+", num(1), num(2)), num(3)));
    expect(ast("8 / 4 / 2")).toEqual(bin("/", bin("/", num(8), num(4)), num(2)));
  });

  it("binds unary operators tighter than binary ones", () => {
    expect(ast("-#{A} * 2")).toEqual(bin("*", { kind: "unary", op: "-", operand: ref("A") }, num(2)));
    expect(ast("--3")).toEqual({
      kind: "unary",
      op: "-",
      operand: { kind: "unary", op: "-", operand: num(3) },
    });
    expect(ast("1 - -2")).toEqual(bin("-", num(1), { kind: "unary", op: "-", operand: num(2) }));
    expect(ast("!#{A} && #{B}")).toEqual(bin("&&", { kind: "unary", op: "!", operand: ref("A") }, ref("B")));
  });

  it("ranks comparison below arithmetic, && below comparison, || lowest", () => {
    expect(ast("#{ANSWERED} <= #{RECEIVED}")).toEqual(bin("<=", ref("ANSWERED"), ref("RECEIVED")));
    expect(ast("#{A} + 1 > #{B} * 2")).toEqual(
      bin(">", bin("+", ref("A"), num(1)), bin("*", ref("B"), num(2))),
    );
    expect(ast("1 < 2 == 3 > 4")).toEqual(bin("==", bin("<", num(1), num(2)), bin(">", num(3), num(4))));
    expect(ast("#{A} > 0 || #{B} > 0 && #{C} > 0")).toEqual(
      bin(
        "||",
        bin(">", ref("A"), num(0)),
        bin("&&", bin(">", ref("B"), num(0)), bin(">", ref("C"), num(0))),
      ),
    );
  });

  it("reads every comparison operator", () => {
    for (const op of ["<", "<=", ">", ">=", "==", "!="] as const) {
      expect(ast(`1 ${op} 2`)).toEqual(bin(op, num(1), num(2)));
    }
  });

  it("reads function calls, ignoring the case of their names", () => {
    expect(ast("if(#{A} > 0, #{B} / #{A}, 0)")).toEqual({
      kind: "call",
      fn: "if",
      args: [bin(">", ref("A"), num(0)), bin("/", ref("B"), ref("A")), num(0)],
    });
    expect(ast("ISNULL(#{A})")).toEqual({ kind: "call", fn: "isNull", args: [ref("A")] });
    expect(ast("isnotnull(#{A})")).toEqual({ kind: "call", fn: "isNotNull", args: [ref("A")] });
    expect(ast("min(1, 2, 3, 4)")).toEqual({
      kind: "call",
      fn: "min",
      args: [num(1), num(2), num(3), num(4)],
    });
    expect(ast("Round(#{A}, 2)")).toEqual({ kind: "call", fn: "round", args: [ref("A"), num(2)] });
    expect(ast("round(#{A})")).toEqual({ kind: "call", fn: "round", args: [ref("A")] });
    expect(ast("coalesce(#{A}, #{B}, 0)")).toEqual({
      kind: "call",
      fn: "coalesce",
      args: [ref("A"), ref("B"), num(0)],
    });
  });

  it("ignores whitespace, including new lines and tabs", () => {
    expect(ast(" \t#{A}\n<=\r\n#{B} ")).toEqual(bin("<=", ref("A"), ref("B")));
    expect(ast("1+2")).toEqual(bin("+", num(1), num(2)));
  });

  it("accepts nesting up to the limit", () => {
    const depth = MAX_NESTING_DEPTH;
    expect(ast(`${"(".repeat(depth)}1${")".repeat(depth)}`)).toEqual(num(1));
  });

  it("accepts a long flat sum up to the length limit", () => {
    const text = Array.from({ length: 500 }, () => "1").join(" + ");
    expect(text.length).toBeLessThanOrEqual(MAX_EXPRESSION_LENGTH);
    expect(parseExpression(text).ok).toBe(true);
  });
});

describe("parseExpression: errors", () => {
  it.each([
    ["(1 + 2", "MISSING_PAREN", 7, "Thiếu dấu ')' tại vị trí 7", "Missing ')' at position 7"],
    ["(#{A} + #{B} * 2", "MISSING_PAREN", 17, "Thiếu dấu ')' tại vị trí 17", "Missing ')' at position 17"],
    ["min(1, 2", "MISSING_PAREN", 9, "Thiếu dấu ')' tại vị trí 9", "Missing ')' at position 9"],
    ["(1 2)", "MISSING_PAREN", 4, "Thiếu dấu ')' tại vị trí 4", "Missing ')' at position 4"],
    ["1 + 2)", "EXTRA_PAREN", 6, "Thừa dấu ')' tại vị trí 6", "Unmatched ')' at position 6"],
    [
      "1 +",
      "UNEXPECTED_END",
      4,
      "Biểu thức kết thúc đột ngột tại vị trí 4: thiếu một giá trị",
      "Unexpected end of expression at position 4: a value is missing",
    ],
    ["1 + * 2", "UNEXPECTED_TOKEN", 5, "Không mong đợi '*' tại vị trí 5", "Unexpected '*' at position 5"],
    ["1 2", "UNEXPECTED_TOKEN", 3, "Không mong đợi '2' tại vị trí 3", "Unexpected '2' at position 3"],
    ["min(1,)", "UNEXPECTED_TOKEN", 7, "Không mong đợi ')' tại vị trí 7", "Unexpected ')' at position 7"],
    [
      "#{A} @ 2",
      "UNEXPECTED_CHAR",
      6,
      "Ký tự không hợp lệ '@' tại vị trí 6",
      "Invalid character '@' at position 6",
    ],
    [
      "#{A} = 2",
      "UNEXPECTED_CHAR",
      6,
      "Dùng '==' thay cho '=' tại vị trí 6",
      "Use '==' instead of '=' at position 6",
    ],
    [
      "#{A} <> 2",
      "UNEXPECTED_CHAR",
      6,
      "Dùng '!=' thay cho '<>' tại vị trí 6",
      "Use '!=' instead of '<>' at position 6",
    ],
    [
      "1 & 2",
      "UNEXPECTED_CHAR",
      3,
      "Dùng '&&' thay cho '&' tại vị trí 3",
      "Use '&&' instead of '&' at position 3",
    ],
    [
      "1 | 2",
      "UNEXPECTED_CHAR",
      3,
      "Dùng '||' thay cho '|' tại vị trí 3",
      "Use '||' instead of '|' at position 3",
    ],
    [
      "1.2.3",
      "BAD_NUMBER",
      1,
      "Số không hợp lệ '1.2.3' tại vị trí 1",
      "Invalid number '1.2.3' at position 1",
    ],
    ["2 * 1.", "BAD_NUMBER", 5, "Số không hợp lệ '1.' tại vị trí 5", "Invalid number '1.' at position 5"],
    [
      "#A",
      "BAD_REF",
      1,
      "Tham chiếu chỉ số phải có dạng #{MÃ} tại vị trí 1",
      "A metric reference must look like #{CODE} at position 1",
    ],
    [
      "1 + #{}",
      "EMPTY_REF",
      5,
      "Thiếu mã chỉ số trong #{} tại vị trí 5",
      "Missing metric code in #{} at position 5",
    ],
    ["#{ABC", "UNCLOSED_REF", 6, "Thiếu dấu '}' tại vị trí 6", "Missing '}' at position 6"],
    [
      "#{SỐ_LIỆU}",
      "BAD_REF",
      4,
      "Ký tự 'Ố' không được dùng trong mã chỉ số tại vị trí 4; mã chỉ gồm chữ cái không dấu, chữ số, '_' và '.'",
      "Character 'Ố' is not allowed in a metric code at position 4; use letters A–Z, digits, '_' and '.'",
    ],
    [
      "RECEIVED > 0",
      "UNKNOWN_NAME",
      1,
      "Tên 'RECEIVED' không hợp lệ tại vị trí 1; tham chiếu chỉ số viết là #{RECEIVED}",
      "Unknown name 'RECEIVED' at position 1; write a metric reference as #{RECEIVED}",
    ],
    [
      "sqrt(4)",
      "UNKNOWN_FUNCTION",
      1,
      "Không có hàm 'sqrt' (tại vị trí 1); các hàm: if, isNull, isNotNull, min, max, abs, round, coalesce",
      "No function 'sqrt' (at position 1); functions: if, isNull, isNotNull, min, max, abs, round, coalesce",
    ],
    [
      "1 + if(#{A}, 1)",
      "WRONG_ARITY",
      5,
      "Hàm if cần 3 đối số, nhận 2 (tại vị trí 5)",
      "Function if takes 3 argument(s), got 2 (at position 5)",
    ],
    [
      "round(1, 2, 3)",
      "WRONG_ARITY",
      1,
      "Hàm round cần 1 hoặc 2 đối số, nhận 3 (tại vị trí 1)",
      "Function round takes 1 or 2 argument(s), got 3 (at position 1)",
    ],
    [
      "max()",
      "WRONG_ARITY",
      1,
      "Hàm max cần ít nhất 1 đối số, nhận 0 (tại vị trí 1)",
      "Function max takes at least 1 argument(s), got 0 (at position 1)",
    ],
    [
      "0 < #{A} < 10",
      "CHAINED_COMPARISON",
      10,
      "Không so sánh nối tiếp được: '<' tại vị trí 10; dùng '&&' để nối hai phép so sánh",
      "Comparisons cannot be chained: '<' at position 10; join two comparisons with '&&'",
    ],
    [
      "1 == 1 != 0",
      "CHAINED_COMPARISON",
      8,
      "Không so sánh nối tiếp được: '!=' tại vị trí 8; dùng '&&' để nối hai phép so sánh",
      "Comparisons cannot be chained: '!=' at position 8; join two comparisons with '&&'",
    ],
    ["   ", "EMPTY", 1, "Biểu thức trống", "The expression is empty"],
  ])("%j fails with %s at %i", (text, code, position, vi, en) => {
    expect(error(text)).toEqual({ code, position, messageVi: vi, messageEn: en });
  });

  it("refuses numbers too large to represent", () => {
    expect(error(`1 + ${"9".repeat(400)}`)).toEqual({
      code: "NUMBER_TOO_LARGE",
      position: 5,
      messageVi: "Số quá lớn tại vị trí 5",
      messageEn: "Number too large at position 5",
    });
  });

  it("refuses input longer than the limit before reading it", () => {
    expect(error("1".repeat(MAX_EXPRESSION_LENGTH + 1))).toEqual({
      code: "TOO_LONG",
      position: 1,
      messageVi: "Biểu thức quá dài (tối đa 2000 ký tự)",
      messageEn: "The expression is too long (at most 2000 characters)",
    });
  });

  it("refuses nesting deeper than the limit", () => {
    const depth = MAX_NESTING_DEPTH + 1;
    expect(error(`${"(".repeat(depth)}1${")".repeat(depth)}`)).toEqual({
      code: "TOO_DEEP",
      position: depth,
      messageVi: `Biểu thức lồng quá sâu tại vị trí ${depth} (tối đa 64 cấp)`,
      messageEn: `The expression is nested too deeply at position ${depth} (at most 64 levels)`,
    });
    expect(error(`${"-".repeat(1000)}1`).code).toBe("TOO_DEEP");
    expect(error(`${"abs(".repeat(300)}1${")".repeat(300)}`).code).toBe("TOO_DEEP");
  });

  it("reports a character outside the BMP whole", () => {
    expect(error("1 + 😀").messageEn).toBe("Invalid character '😀' at position 5");
  });

  it("does not throw on a non-string from untyped callers", () => {
    expect(parseExpression(undefined as unknown as string)).toEqual({
      ok: false,
      error: {
        code: "EMPTY",
        position: 1,
        messageVi: "Biểu thức trống",
        messageEn: "The expression is empty",
      },
    });
  });
});
