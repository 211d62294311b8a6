import type { Text } from "./messages.ts";

export type SyntaxErrorCode =
  | "EMPTY"
  | "TOO_LONG"
  | "TOO_DEEP"
  | "UNEXPECTED_CHAR"
  | "BAD_NUMBER"
  | "NUMBER_TOO_LARGE"
  | "BAD_REF"
  | "EMPTY_REF"
  | "UNCLOSED_REF"
  | "MISSING_PAREN"
  | "EXTRA_PAREN"
  | "UNEXPECTED_TOKEN"
  | "UNEXPECTED_END"
  | "UNKNOWN_NAME"
  | "UNKNOWN_FUNCTION"
  | "WRONG_ARITY"
  | "CHAINED_COMPARISON";

/**
 * Why an expression does not parse. `position` is 1-based, counted in UTF-16 code units
 * of the input, and is the same number the messages quote.
 */
export interface ExpressionSyntaxError {
  readonly code: SyntaxErrorCode;
  readonly position: number;
  readonly messageVi: string;
  readonly messageEn: string;
}

/** Thrown inside the lexer and parser only; parseExpression turns it into a result. */
export class SyntaxFailure extends Error {
  readonly detail: ExpressionSyntaxError;

  constructor(detail: ExpressionSyntaxError) {
    super(detail.messageEn);
    this.name = "SyntaxFailure";
    this.detail = detail;
  }
}

/** A failure at the 0-based `offset`; the message is built with the 1-based position. */
export function failAt(code: SyntaxErrorCode, offset: number, message: (at: number) => Text): SyntaxFailure {
  const position = offset + 1;
  const text = message(position);
  return new SyntaxFailure({ code, position, messageVi: text.vi, messageEn: text.en });
}
