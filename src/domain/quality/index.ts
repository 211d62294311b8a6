export { explain, needsComment } from "./explain.ts";
export {
  checkable,
  defaultQualityOptions,
  type ExpectedRange,
  expectedRange,
  type QualityFlag,
  type QualityInput,
  type QualityMetric,
  type QualityOptions,
  type QualityRule,
  type QualityValueType,
  qualityFlags,
  qualityRules,
} from "./rules.ts";
export { MAD_TO_SIGMA, mad, median, modifiedZ, type RobustScale, robustScale } from "./stats.ts";
