import type { Text } from "./messages.ts";

export type PeriodErrorCode =
  | "INVALID_PERIOD"
  | "YEAR_OUT_OF_RANGE"
  | "WRONG_PERIOD_TYPE"
  | "MIXED_PERIOD_TYPES"
  | "INVALID_DATE"
  | "INVALID_DAYS"
  | "INVALID_DUE_RULE";

/** Bad input to period or date arithmetic; `message` is the English text. */
export class PeriodError extends Error {
  readonly code: PeriodErrorCode;
  readonly messageVi: string;
  readonly messageEn: string;

  constructor(code: PeriodErrorCode, text: Text) {
    super(text.en);
    this.name = "PeriodError";
    this.code = code;
    this.messageVi = text.vi;
    this.messageEn = text.en;
  }
}
