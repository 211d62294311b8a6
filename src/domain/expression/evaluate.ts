import { roundHalfAway } from "../number/index.ts";
import type { ArithmeticOp, BinaryNode, CallNode, ComparisonOp, Expr, UnaryNode } from "./ast.ts";

/** The value of an expression; null means "cannot evaluate" (missing data, division by zero). */
export type Value = number | boolean | null;

/** The value of a metric, or null when it has none. */
export type Lookup = (code: string) => number | null;

export interface EvaluateOptions {
  /**
   * Treat missing metric values as 0 in arithmetic and comparisons (validation rules that
   * never skip). isNull, isNotNull and coalesce still see a directly referenced metric as
   * missing.
   */
  readonly missingAsZero?: boolean;
}

/**
 * Relative tolerance of comparisons, so 0.1 + 0.2 == 0.3 holds; whole numbers below 10^12
 * still compare exactly.
 */
export const EQUALITY_TOLERANCE = 1e-12;
/** round(x, digits) accepts digits from 0 to this. */
export const MAX_ROUND_DIGITS = 15;

interface Context {
  readonly lookup: Lookup;
  readonly missingAsZero: boolean;
}

/**
 * Evaluates an expression. Null propagates through arithmetic, comparisons and functions
 * (except isNull, isNotNull, coalesce and the logic rules below); division by zero and
 * results that are not finite give null, never NaN or Infinity. Booleans count as 1 and 0
 * in arithmetic. `&&` and `||` follow three-valued logic: false && null = false,
 * true || null = true, otherwise null wins.
 */
export function evaluate(ast: Expr, lookup: Lookup, options: EvaluateOptions = {}): Value {
  return evaluateIn(ast, { lookup, missingAsZero: options.missingAsZero === true });
}

function evaluateIn(e: Expr, ctx: Context): Value {
  switch (e.kind) {
    case "number":
      return finite(e.value);
    case "ref": {
      const value = rawRef(e.code, ctx);
      return value === null && ctx.missingAsZero ? 0 : value;
    }
    case "unary":
      return unary(e, ctx);
    case "binary":
      return binary(e, ctx);
    case "call":
      return call(e, ctx);
  }
}

function rawRef(code: string, ctx: Context): number | null {
  const value: unknown = ctx.lookup(code);
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** What a function argument holds, seeing a missing metric as missing even with missingAsZero. */
function raw(e: Expr, ctx: Context): Value {
  return e.kind === "ref" ? rawRef(e.code, ctx) : evaluateIn(e, ctx);
}

function unary(e: UnaryNode, ctx: Context): Value {
  const v = evaluateIn(e.operand, ctx);
  if (v === null) return null;
  return e.op === "-" ? finite(-toNumber(v)) : !truthy(v);
}

function binary(e: BinaryNode, ctx: Context): Value {
  if (e.op === "&&" || e.op === "||") return logical(e.op, evaluateIn(e.left, ctx), evaluateIn(e.right, ctx));
  const left = evaluateIn(e.left, ctx);
  const right = evaluateIn(e.right, ctx);
  if (left === null || right === null) return null;
  const a = toNumber(left);
  const b = toNumber(right);
  return isArithmetic(e.op) ? arithmetic(e.op, a, b) : compare(e.op, a, b);
}

function isArithmetic(op: BinaryNode["op"]): op is ArithmeticOp {
  return op === "+" || op === "-" || op === "*" || op === "/";
}

function logical(op: "&&" | "||", left: Value, right: Value): Value {
  const a = left === null ? null : truthy(left);
  const b = right === null ? null : truthy(right);
  if (op === "&&") {
    if (a === false || b === false) return false;
    return a === null || b === null ? null : true;
  }
  if (a === true || b === true) return true;
  return a === null || b === null ? null : false;
}

function arithmetic(op: ArithmeticOp, a: number, b: number): number | null {
  switch (op) {
    case "+":
      return finite(a + b);
    case "-":
      return finite(a - b);
    case "*":
      return finite(a * b);
    case "/":
      return b === 0 ? null : finite(a / b);
  }
}

function compare(op: ComparisonOp, a: number, b: number): boolean {
  const equal = nearlyEqual(a, b);
  switch (op) {
    case "==":
      return equal;
    case "!=":
      return !equal;
    case "<":
      return a < b && !equal;
    case "<=":
      return a < b || equal;
    case ">":
      return a > b && !equal;
    case ">=":
      return a > b || equal;
  }
}

/** Equal within EQUALITY_TOLERANCE of the larger magnitude (absolute below 1). */
export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= EQUALITY_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

function call(e: CallNode, ctx: Context): Value {
  const args = e.args;
  switch (e.fn) {
    case "if":
      return ifThenElse(args, ctx);
    case "isNull":
      return raw(args[0] as Expr, ctx) === null;
    case "isNotNull":
      return raw(args[0] as Expr, ctx) !== null;
    case "coalesce":
      return coalesce(args, ctx);
    case "min":
      return numbers(args, ctx, (xs) => Math.min(...xs));
    case "max":
      return numbers(args, ctx, (xs) => Math.max(...xs));
    case "abs":
      return numbers(args, ctx, ([x = 0]) => Math.abs(x));
    case "round":
      return numbers(args, ctx, ([x = 0, digits = 0]) => round(x, digits));
  }
}

function ifThenElse(args: readonly Expr[], ctx: Context): Value {
  const [condition, then, otherwise] = args as [Expr, Expr, Expr];
  const c = evaluateIn(condition, ctx);
  if (c === null) return null;
  return evaluateIn(truthy(c) ? then : otherwise, ctx);
}

function coalesce(args: readonly Expr[], ctx: Context): Value {
  for (const arg of args) {
    const v = raw(arg, ctx);
    if (v !== null) return v;
  }
  return null;
}

/** Applies `f` to the arguments as numbers; null when any argument is null. */
function numbers(args: readonly Expr[], ctx: Context, f: (xs: number[]) => number | null): number | null {
  const xs: number[] = [];
  for (const arg of args) {
    const v = evaluateIn(arg, ctx);
    if (v === null) return null;
    xs.push(toNumber(v));
  }
  const result = f(xs);
  return result === null ? null : finite(result);
}

function round(x: number, digits: number): number | null {
  if (!Number.isInteger(digits) || digits < 0 || digits > MAX_ROUND_DIGITS) return null;
  return roundHalfAway(x, digits);
}

/** x itself when finite (with -0 read as 0), otherwise null. */
function finite(x: number): number | null {
  if (!Number.isFinite(x)) return null;
  return x === 0 ? 0 : x;
}

export function toNumber(v: number | boolean): number {
  if (typeof v === "boolean") return v ? 1 : 0;
  return v;
}

/** Non-zero numbers and true are true. */
export function truthy(v: number | boolean): boolean {
  return typeof v === "boolean" ? v : v !== 0;
}
