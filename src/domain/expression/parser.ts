import type { BinaryOp, Expr } from "./ast.ts";
import { type ExpressionSyntaxError, failAt, SyntaxFailure } from "./errors.ts";
import { FUNCTIONS, lookupFunction } from "./functions.ts";
import { type Token, tokenize } from "./lexer.ts";
import { syntaxMessages as m } from "./messages.ts";

/** Longest expression accepted, in UTF-16 code units. */
export const MAX_EXPRESSION_LENGTH = 2000;
/** Deepest nesting of parentheses, calls and unary operators accepted. */
export const MAX_NESTING_DEPTH = 64;

export type ParseResult = { ok: true; ast: Expr } | { ok: false; error: ExpressionSyntaxError };

/** Binary operator levels, loosest first; comparison levels do not chain. */
const LEVELS: readonly { readonly ops: readonly BinaryOp[]; readonly chains: boolean }[] = [
  { ops: ["||"], chains: true },
  { ops: ["&&"], chains: true },
  { ops: ["==", "!="], chains: false },
  { ops: ["<", "<=", ">", ">="], chains: false },
  { ops: ["+", "-"], chains: true },
  { ops: ["*", "/"], chains: true },
];

/**
 * Parses an expression such as `#{ANSWERED} <= #{RECEIVED}`. Never throws: every problem
 * comes back as `{ ok: false, error }` with its 1-based position and a vi/en message.
 */
export function parseExpression(input: string): ParseResult {
  if (typeof input !== "string" || input.trim() === "") return failure(failAt("EMPTY", 0, m.empty).detail);
  if (input.length > MAX_EXPRESSION_LENGTH) {
    return failure(failAt("TOO_LONG", 0, () => m.tooLong(MAX_EXPRESSION_LENGTH)).detail);
  }
  try {
    return { ok: true, ast: new Parser(tokenize(input)).parseAll() };
  } catch (error) {
    if (error instanceof SyntaxFailure) return failure(error.detail);
    throw error;
  }
}

function failure(error: ExpressionSyntaxError): ParseResult {
  return { ok: false, error };
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parseAll(): Expr {
    const ast = this.level(0);
    const token = this.peek();
    if (token.kind === "end") return ast;
    if (token.kind === ")") throw failAt("EXTRA_PAREN", token.offset, m.extraParen);
    throw failAt("UNEXPECTED_TOKEN", token.offset, (at) => m.unexpectedToken(token.text, at));
  }

  private peek(): Token {
    return (
      this.tokens[this.index] ?? this.tokens[this.tokens.length - 1] ?? { kind: "end", text: "", offset: 0 }
    );
  }

  private advance(): Token {
    const token = this.peek();
    if (token.kind !== "end") this.index++;
    return token;
  }

  private level(n: number): Expr {
    const spec = LEVELS[n];
    if (spec === undefined) return this.unary();
    let left = this.level(n + 1);
    let chained = false;
    for (let op = this.binaryOp(spec.ops); op !== null; op = this.binaryOp(spec.ops)) {
      const token = this.advance();
      if (chained && !spec.chains) {
        throw failAt("CHAINED_COMPARISON", token.offset, (at) => m.chainedComparison(token.text, at));
      }
      left = { kind: "binary", op, left, right: this.level(n + 1) };
      chained = true;
    }
    return left;
  }

  private binaryOp(ops: readonly BinaryOp[]): BinaryOp | null {
    const token = this.peek();
    if (token.kind !== "op") return null;
    return ops.find((op) => op === token.op) ?? null;
  }

  private unary(): Expr {
    const token = this.peek();
    if (token.kind === "op" && (token.op === "-" || token.op === "!")) {
      this.advance();
      const op = token.op;
      return this.nested(token, () => ({ kind: "unary", op, operand: this.unary() }));
    }
    return this.primary();
  }

  /** Runs `parse` one nesting level deeper, refusing to go past MAX_NESTING_DEPTH. */
  private nested<T>(token: Token, parse: () => T): T {
    if (this.depth >= MAX_NESTING_DEPTH) {
      throw failAt("TOO_DEEP", token.offset, (at) => m.tooDeep(at, MAX_NESTING_DEPTH));
    }
    this.depth++;
    const result = parse();
    this.depth--;
    return result;
  }

  private primary(): Expr {
    const token = this.advance();
    switch (token.kind) {
      case "number":
        return { kind: "number", value: token.value };
      case "ref":
        return { kind: "ref", code: token.code };
      case "name":
        return this.call(token);
      case "(":
        return this.nested(token, () => this.group());
      case "end":
        throw failAt("UNEXPECTED_END", token.offset, m.unexpectedEnd);
      default:
        throw failAt("UNEXPECTED_TOKEN", token.offset, (at) => m.unexpectedToken(token.text, at));
    }
  }

  private group(): Expr {
    const inner = this.level(0);
    this.expectClose();
    return inner;
  }

  private expectClose(): void {
    const token = this.peek();
    if (token.kind !== ")") throw failAt("MISSING_PAREN", token.offset, m.missingParen);
    this.advance();
  }

  private call(name: Token): Expr {
    if (this.peek().kind !== "(") {
      throw failAt("UNKNOWN_NAME", name.offset, (at) => m.bareName(name.text, at));
    }
    const fn = lookupFunction(name.text);
    if (fn === undefined) {
      throw failAt("UNKNOWN_FUNCTION", name.offset, (at) => m.unknownFunction(name.text, at));
    }
    this.advance();
    const args = this.nested(name, () => this.argumentList());
    const { min, max } = FUNCTIONS[fn];
    if (args.length < min || args.length > max) {
      throw failAt("WRONG_ARITY", name.offset, (at) => m.wrongArity(fn, args.length, at));
    }
    return { kind: "call", fn, args };
  }

  /** The arguments after an opening parenthesis, through the closing one. */
  private argumentList(): Expr[] {
    const args: Expr[] = [];
    if (this.peek().kind === ")") {
      this.advance();
      return args;
    }
    do {
      args.push(this.level(0));
    } while (this.accept(","));
    this.expectClose();
    return args;
  }

  private accept(kind: Token["kind"]): boolean {
    if (this.peek().kind !== kind) return false;
    this.advance();
    return true;
  }
}
