export { type ResultType, referencedMetrics, resultType, visit } from "./analyze.ts";
export type {
  ArithmeticOp,
  BinaryNode,
  BinaryOp,
  CallNode,
  ComparisonOp,
  Expr,
  LogicalOp,
  NumberNode,
  RefNode,
  UnaryNode,
  UnaryOp,
} from "./ast.ts";
export { checkRule, type MissingValueStrategy, type RuleOutcome } from "./check.ts";
export type { ExpressionSyntaxError, SyntaxErrorCode } from "./errors.ts";
export {
  EQUALITY_TOLERANCE,
  type EvaluateOptions,
  evaluate,
  type Lookup,
  MAX_ROUND_DIGITS,
  nearlyEqual,
  truthy,
  type Value,
} from "./evaluate.ts";
export { formatExpression } from "./format.ts";
export { FUNCTION_NAMES, FUNCTIONS, type FunctionName } from "./functions.ts";
export { MAX_EXPRESSION_LENGTH, MAX_NESTING_DEPTH, type ParseResult, parseExpression } from "./parser.ts";
