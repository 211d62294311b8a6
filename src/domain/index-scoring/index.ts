export { compareCodes } from "./codes.ts";
export {
  type CriterionComparison,
  compareSelfAndAppraised,
  compareYears,
  type PillarComparison,
  type SelfAppraisedComparison,
  type SideBySide,
  type YearChange,
  type YearComparison,
} from "./compare.ts";
export {
  type FrameworkProblem,
  type FrameworkProblemCode,
  IndexScoringError,
  type IndexScoringErrorCode,
  type ScoreIssue,
  type ScoreIssueCode,
} from "./errors.ts";
export { type CriterionScore, scoreCriterion } from "./methods.ts";
export { AUTOMATIC_METHODS, valueFromMetrics } from "./metrics.ts";
export {
  awardValue,
  criterionMax,
  INDEX_DIGITS,
  indexOf,
  POINT_DIGITS,
  pillarMax,
  pointsFor,
  roundIndex,
  roundPoints,
  sumPoints,
} from "./points.ts";
export { type PillarRank, type RankEntry, type RankedUnit, rank, rankEntry } from "./rank.ts";
export { SAMPLE_FRAMEWORK } from "./sample-framework.ts";
export { type FrameworkParseResult, frameworkSchema, parseFramework } from "./schema.ts";
export {
  type Award,
  type CountThreshold,
  type Criterion,
  type CriterionValue,
  type Framework,
  type NumericThreshold,
  type Pillar,
  type PointsByGroup,
  type RatioValue,
  SCORING_METHOD_KINDS,
  type ScoringMethod,
  type ScoringMethodKind,
  type TierOption,
  type UnitGroup,
} from "./types.ts";
export {
  type CriterionResult,
  type CriterionStatus,
  type PillarResult,
  scoreUnit,
  type UnitScore,
} from "./unit.ts";
export { validateFramework } from "./validate.ts";
