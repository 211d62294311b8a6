export { PlanError, type PlanErrorCode } from "./errors.ts";
export { fitTrend, type Trend, trendValue } from "./forecast.ts";
export { expectedLine, type ForecastLineOptions, forecastLine, paceLine } from "./lines.ts";
export {
  DAYS_PER_MONTH,
  expectedProgressAt,
  meetsTarget,
  progressOf,
  requiredPaceOf,
} from "./measures.ts";
export { resolveStatus, validateDeclared, validateOverride } from "./resolve.ts";
export { countByStatus, type PillarCounts, type PillarStatus, type RollUp, rollUp } from "./rollup.ts";
export { ruleStatus, STATUS_RULES, type StatusRule } from "./rules.ts";
export { type Point, usablePoints } from "./series.ts";
export { computeStatus } from "./status.ts";
export {
  type ComputedStatus,
  type DeclaredStatus,
  type Direction,
  FINAL_STATUSES,
  type FinalStatus,
  INDICATOR_KINDS,
  type IndicatorKind,
  type IndicatorSpec,
  type LinePoint,
  type Observation,
  type OverridableStatus,
  type ResolvedStatus,
  type RuleId,
  type StatusCounts,
  type StatusOptions,
  type StatusOverride,
  type StatusResult,
} from "./types.ts";
export {
  DEFAULT_MILESTONE_RISK_DAYS,
  DEFAULT_TOLERANCE,
  DEFAULT_TREND_WINDOW,
  resolveOptions,
  validateSpec,
} from "./validate.ts";
