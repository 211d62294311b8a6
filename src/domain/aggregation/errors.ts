import type { Text } from "../period/index.ts";

export type AggregationErrorCode =
  | "DUPLICATE_RECORD"
  | "INVALID_VALUE"
  | "INVALID_UNIT"
  | "START_MISMATCH"
  | "NEGATIVE_WEIGHT"
  | "WEIGHTS_ONLY_FOR_AVERAGE"
  | "UNKNOWN_AGGREGATION";

/** Records that cannot be aggregated as given: a caller's bug, reported in both languages. */
export class AggregationError extends Error {
  readonly code: AggregationErrorCode;
  readonly messageVi: string;
  readonly messageEn: string;

  constructor(code: AggregationErrorCode, text: Text) {
    super(text.en);
    this.name = "AggregationError";
    this.code = code;
    this.messageVi = text.vi;
    this.messageEn = text.en;
  }
}
