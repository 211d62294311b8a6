import type { Expr } from "./ast.ts";
import { parseExpression } from "./parser.ts";

/** Test helper: the tree of an expression that must parse. */
export function parsed(text: string): Expr {
  const result = parseExpression(text);
  if (!result.ok) throw new Error(`${text}: ${result.error.messageEn}`);
  return result.ast;
}

/** Test helper: a lookup over a plain record; absent codes are missing. */
export function values(record: Record<string, number | null>): (code: string) => number | null {
  return (code) => record[code] ?? null;
}
