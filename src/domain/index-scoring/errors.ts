import type { Text } from "../period/index.ts";

/** Why a unit's value cannot be scored; the value came from a user, so it is not thrown. */
export type ScoreIssueCode =
  | "NOT_APPLICABLE"
  | "WRONG_VALUE_TYPE"
  | "OUT_OF_SCALE"
  | "NOT_WHOLE_NUMBER"
  | "NUMERATOR_EXCEEDS_DENOMINATOR"
  | "UNKNOWN_OPTION"
  | "UNKNOWN_METHOD";

export interface ScoreIssue {
  readonly code: ScoreIssueCode;
  readonly messageVi: string;
  readonly messageEn: string;
}

export function scoreIssue(code: ScoreIssueCode, text: Text): ScoreIssue {
  return { code, messageVi: text.vi, messageEn: text.en };
}

/** What is wrong with a framework definition, at a field path such as `criteria.12.maxPoints`. */
export type FrameworkProblemCode =
  | "INVALID_SHAPE"
  | "EMPTY"
  | "BLANK_CODE"
  | "INVALID_YEAR"
  | "DUPLICATE_CODE"
  | "UNKNOWN_GROUP"
  | "UNKNOWN_PILLAR"
  | "PILLAR_NOT_IN_GROUP"
  | "MISSING_POINTS"
  | "INVALID_POINTS"
  | "PILLARS_SUM_MISMATCH"
  | "CRITERIA_SUM_MISMATCH"
  | "UNKNOWN_METHOD"
  | "INVALID_AWARD"
  | "POINTS_ABOVE_MAX"
  | "MAX_UNREACHABLE"
  | "INVALID_THRESHOLD"
  | "UNORDERED_THRESHOLDS"
  | "INVALID_SCALE"
  | "INVALID_EXPRESSION"
  | "EXPRESSION_NOT_SUPPORTED";

export interface FrameworkProblem {
  /** Dotted path into the definition: `criteria.3.method.thresholds.1.atLeast`. */
  readonly path: string;
  readonly code: FrameworkProblemCode;
  readonly messageVi: string;
  readonly messageEn: string;
}

export function problem(path: string, code: FrameworkProblemCode, text: Text): FrameworkProblem {
  return { path, code, messageVi: text.vi, messageEn: text.en };
}

/** A caller's bug (unknown group, duplicate unit in a ranking…), thrown with both languages. */
export type IndexScoringErrorCode =
  | "UNKNOWN_GROUP"
  | "DUPLICATE_UNIT"
  | "INVALID_TOTAL"
  | "MISMATCHED_SCORES";

export class IndexScoringError extends Error {
  readonly code: IndexScoringErrorCode;
  readonly messageVi: string;
  readonly messageEn: string;

  constructor(code: IndexScoringErrorCode, text: Text) {
    super(text.en);
    this.name = "IndexScoringError";
    this.code = code;
    this.messageVi = text.vi;
    this.messageEn = text.en;
  }
}
