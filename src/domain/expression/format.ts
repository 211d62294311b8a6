import { plainDecimal } from "../number/index.ts";
import { ATOM_PRECEDENCE, type Expr, isNonAssociative, PRECEDENCE, UNARY_PRECEDENCE } from "./ast.ts";

/**
 * The canonical text of an expression: one space around binary operators, none after
 * unary ones or inside parentheses, `, ` between arguments, numbers in plain decimal,
 * and only the parentheses the grouping needs. Parsing the output gives the same tree.
 */
export function formatExpression(e: Expr): string {
  switch (e.kind) {
    case "number":
      return plainDecimal(e.value);
    case "ref":
      return `#{${e.code}}`;
    case "unary":
      return e.op + operand(e.operand, UNARY_PRECEDENCE, "left");
    case "binary": {
      const p = PRECEDENCE[e.op];
      return `${operand(e.left, p, "left")} ${e.op} ${operand(e.right, p, "right")}`;
    }
    case "call":
      return `${e.fn}(${e.args.map(formatExpression).join(", ")})`;
  }
}

function precedenceOf(e: Expr): number {
  if (e.kind === "binary") return PRECEDENCE[e.op];
  return e.kind === "unary" ? UNARY_PRECEDENCE : ATOM_PRECEDENCE;
}

/** Operators of one level group left to right; a right operand at the same level needs parentheses. */
function operand(child: Expr, parent: number, side: "left" | "right"): string {
  const p = precedenceOf(child);
  const sameLevelNeedsParens = p === parent && (side === "right" || isNonAssociative(parent));
  const text = formatExpression(child);
  return p < parent || sameLevelNeedsParens ? `(${text})` : text;
}
