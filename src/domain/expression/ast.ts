import type { FunctionName } from "./functions.ts";

export type ArithmeticOp = "+" | "-" | "*" | "/";
export type ComparisonOp = "<" | "<=" | ">" | ">=" | "==" | "!=";
export type LogicalOp = "&&" | "||";
export type BinaryOp = ArithmeticOp | ComparisonOp | LogicalOp;
export type UnaryOp = "-" | "!";

/** A literal number; the parser only makes non-negative ones (`-3` is unary minus on 3). */
export interface NumberNode {
  readonly kind: "number";
  readonly value: number;
}

/** `#{CODE}`: the value of a metric (chỉ số). */
export interface RefNode {
  readonly kind: "ref";
  readonly code: string;
}

export interface UnaryNode {
  readonly kind: "unary";
  readonly op: UnaryOp;
  readonly operand: Expr;
}

export interface BinaryNode {
  readonly kind: "binary";
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
}

export interface CallNode {
  readonly kind: "call";
  readonly fn: FunctionName;
  readonly args: readonly Expr[];
}

/** The syntax tree of an expression: plain data, safe to store as JSON. */
export type Expr = NumberNode | RefNode | UnaryNode | BinaryNode | CallNode;

/** Binding strength of binary operators, loosest first. */
export const PRECEDENCE: Readonly<Record<BinaryOp, number>> = {
  "||": 1,
  "&&": 2,
  "==": 3,
  "!=": 3,
  "<": 4,
  "<=": 4,
  ">": 4,
  ">=": 4,
  "+": 5,
  "-": 5,
  "*": 6,
  "/": 6,
};
export const UNARY_PRECEDENCE = 7;
export const ATOM_PRECEDENCE = 8;

/** Levels whose operators may not be chained (`a < b < c` is refused). */
export function isNonAssociative(precedence: number): boolean {
  return precedence === 3 || precedence === 4;
}
