import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { referencedMetrics } from "./analyze.ts";
import type { BinaryOp, Expr } from "./ast.ts";
import { evaluate } from "./evaluate.ts";
import { formatExpression } from "./format.ts";
import { FUNCTION_NAMES, FUNCTIONS } from "./functions.ts";
import { parseExpression } from "./parser.ts";

const BINARY_OPS: BinaryOp[] = ["+", "-", "*", "/", "<", "<=", ">", ">=", "==", "!=", "&&", "||"];
const CODES = ["A", "B", "C", "DVC_FULL", "x.y_2"];

const number = fc.oneof(
  fc.nat({ max: 1_000_000 }),
  fc.double({ min: 0, max: 1e25, noNaN: true }),
  fc.double({ min: 0, max: 1e-5, noNaN: true }),
);

const { expr } = fc.letrec<{ expr: Expr; leaf: Expr; unary: Expr; binary: Expr; call: Expr }>((tie) => ({
  expr: fc.oneof(
    { maxDepth: 5, depthIdentifier: "expr" },
    tie("leaf"),
    tie("unary"),
    tie("binary"),
    tie("call"),
  ),
  leaf: fc.oneof(
    number.map((value): Expr => ({ kind: "number", value })),
    fc.constantFrom(...CODES).map((code): Expr => ({ kind: "ref", code })),
  ),
  unary: fc.record({
    kind: fc.constant("unary" as const),
    op: fc.constantFrom("-" as const, "!" as const),
    operand: tie("expr"),
  }),
  binary: fc.record({
    kind: fc.constant("binary" as const),
    op: fc.constantFrom(...BINARY_OPS),
    left: tie("expr"),
    right: tie("expr"),
  }),
  call: fc
    .constantFrom(...FUNCTION_NAMES)
    .chain((fn) =>
      fc
        .array(tie("expr"), { minLength: FUNCTIONS[fn].min, maxLength: Math.min(FUNCTIONS[fn].max, 4) })
        .map((args): Expr => ({ kind: "call", fn, args })),
    ),
}));

/** Strings made of the language's own pieces, so the parser sees near-misses, not just noise. */
const tokenSoup = fc
  .array(
    fc.constantFrom(
      "1",
      "2.5",
      "#{A}",
      "#{",
      "}",
      "(",
      ")",
      ",",
      "+",
      "-",
      "*",
      "/",
      "<",
      "<=",
      "==",
      "!=",
      "!",
      "&&",
      "||",
      "=",
      "if",
      "min",
      "round",
      "coalesce",
      "foo",
      " ",
      ".",
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(""));

describe("expression laws", () => {
  it("parse(formatExpression(ast)) gives back the same tree", () => {
    fc.assert(
      fc.property(expr, (ast) => {
        const result = parseExpression(formatExpression(ast));
        expect(result).toEqual({ ok: true, ast });
      }),
      { numRuns: 500 },
    );
  });

  it("formatting is idempotent on any text that parses", () => {
    fc.assert(
      fc.property(tokenSoup, (text) => {
        const first = parseExpression(text);
        if (!first.ok) return;
        const canonical = formatExpression(first.ast);
        const second = parseExpression(canonical);
        expect(second.ok).toBe(true);
        if (second.ok) expect(formatExpression(second.ast)).toBe(canonical);
      }),
      { numRuns: 1000 },
    );
  });

  it("the parser never throws, and places every error inside the input", () => {
    const input = fc.oneof(
      fc.string(),
      fc.string({ unit: "binary" }),
      tokenSoup,
      fc.string({ maxLength: 3000 }),
    );
    fc.assert(
      fc.property(input, (text) => {
        const result = parseExpression(text);
        if (result.ok) return;
        expect(result.error.position).toBeGreaterThanOrEqual(1);
        expect(result.error.position).toBeLessThanOrEqual(text.length + 1);
        expect(result.error.messageVi).toContain(
          result.error.code === "EMPTY" || result.error.code === "TOO_LONG"
            ? "Biểu thức"
            : String(result.error.position),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it("evaluation yields null, a boolean, or a finite number, never NaN or Infinity", () => {
    const data = fc.dictionary(
      fc.constantFrom(...CODES),
      fc.oneof(fc.constant(null), fc.double(), fc.integer({ min: -5, max: 5 })),
    );
    fc.assert(
      fc.property(expr, data, fc.boolean(), (ast, record, missingAsZero) => {
        const value = evaluate(ast, (code) => record[code] ?? null, { missingAsZero });
        if (typeof value === "number") expect(Number.isFinite(value)).toBe(true);
        else expect(value === null || typeof value === "boolean").toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("referencedMetrics lists exactly the codes in the tree, once each", () => {
    fc.assert(
      fc.property(expr, (ast) => {
        const codes = referencedMetrics(ast);
        expect(new Set(codes).size).toBe(codes.length);
        const text = formatExpression(ast);
        for (const code of CODES) expect(codes.includes(code)).toBe(text.includes(`#{${code}}`));
      }),
    );
  });
});
