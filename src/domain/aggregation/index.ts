export { aggregate, aggregateSeries } from "./aggregate.ts";
export { AggregationError, type AggregationErrorCode } from "./errors.ts";
export { aggregateFormula, aggregateFormulaFromParts, type FormulaPart } from "./formula.ts";
export {
  AGGREGATION_TYPES,
  type AggregateOptions,
  type AggregationType,
  type RecordAggregation,
  type ValueRecord,
} from "./types.ts";
