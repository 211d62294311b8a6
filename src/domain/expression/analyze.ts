import type { Expr } from "./ast.ts";

/** The metric codes an expression reads, each once, in order of first appearance. */
export function referencedMetrics(ast: Expr): string[] {
  const seen = new Set<string>();
  visit(ast, (e) => {
    if (e.kind === "ref") seen.add(e.code);
  });
  return [...seen];
}

/** Calls `f` on every node, parents before children, left to right. */
export function visit(e: Expr, f: (node: Expr) => void): void {
  f(e);
  switch (e.kind) {
    case "unary":
      visit(e.operand, f);
      return;
    case "binary":
      visit(e.left, f);
      visit(e.right, f);
      return;
    case "call":
      for (const arg of e.args) visit(arg, f);
      return;
    default:
      return;
  }
}

/** What an expression yields when it has a value: a number, a boolean, or either ("mixed"). */
export type ResultType = "number" | "boolean" | "mixed";

/**
 * The static type of the result. A validation rule should be "boolean" and a computed
 * metric "number"; services can refuse the others when a rule or formula is saved.
 */
export function resultType(e: Expr): ResultType {
  switch (e.kind) {
    case "number":
    case "ref":
      return "number";
    case "unary":
      return e.op === "-" ? "number" : "boolean";
    case "binary":
      return ["+", "-", "*", "/"].includes(e.op) ? "number" : "boolean";
    case "call":
      return callType(e.fn, e.args);
  }
}

function callType(fn: string, args: readonly Expr[]): ResultType {
  switch (fn) {
    case "isNull":
    case "isNotNull":
      return "boolean";
    case "if":
      return joined(args.slice(1));
    case "coalesce":
      return joined(args);
    default:
      return "number";
  }
}

function joined(args: readonly Expr[]): ResultType {
  const types = new Set(args.map(resultType));
  return types.size === 1 ? (types.values().next().value ?? "mixed") : "mixed";
}
