import { formatPeriod, type Period } from "../period/index.ts";
import { AggregationError } from "./errors.ts";
import { aggregationMessages as m } from "./messages.ts";
import { prepareRows, type Row, rowKey, sumOf } from "./records.ts";
import type { AggregateOptions, RecordAggregation, ValueRecord } from "./types.ts";

/**
 * Combines the records of one metric into one number, or null when there is nothing to
 * combine. See README: `sum` adds every value; `last` takes, per unit, the value of the
 * latest period and adds those; `average` is the plain (or weighted) mean; `none` gives a
 * value only for exactly one unit at exactly the requested period.
 *
 * Throws AggregationError for records that cannot be combined (duplicates, non-finite
 * values, a periodStart that disagrees with the period) and PeriodError for a bad period id.
 */
export function aggregate(
  type: RecordAggregation,
  records: readonly ValueRecord[],
  options: AggregateOptions = {},
): number | null {
  if (options.weights !== undefined && type !== "average") {
    throw new AggregationError("WEIGHTS_ONLY_FOR_AVERAGE", m.weightsOnlyForAverage(type));
  }
  const rows = prepareRows(records, options.within);
  switch (type) {
    case "sum":
      return sumOf(rows.map((row) => row.value));
    case "last":
      return sumOf(latestPerUnit(rows).map((row) => row.value));
    case "average":
      return options.weights === undefined ? mean(rows) : weightedMean(rows, options.weights, options.within);
    case "none":
      return exactValue(rows, options.within);
    default:
      throw new AggregationError("UNKNOWN_AGGREGATION", m.unknownType(String(type)));
  }
}

/** Per unit, the row of the period that ends last (the shorter one when two end together). */
function latestPerUnit(sorted: readonly Row[]): Row[] {
  const latest: Row[] = [];
  for (const [i, row] of sorted.entries()) {
    const next = sorted[i + 1];
    if (next === undefined || next.unitId !== row.unitId) latest.push(row);
  }
  return latest;
}

function mean(rows: readonly Row[]): number | null {
  const total = sumOf(rows.map((row) => row.value));
  return total === null ? null : total / rows.length;
}

/** Σ(v·w)/Σw over the values that have a weight for the same unit and period. */
function weightedMean(rows: readonly Row[], weights: readonly ValueRecord[], within?: Period): number | null {
  const weightOf = new Map(prepareRows(weights, within).map((w) => [rowKey(w), checkedWeight(w)]));
  const weighted: number[] = [];
  const used: number[] = [];
  for (const row of rows) {
    const w = weightOf.get(rowKey(row));
    if (w === undefined) continue;
    weighted.push(row.value * w);
    used.push(w);
  }
  const numerator = sumOf(weighted);
  const denominator = sumOf(used);
  if (numerator === null || denominator === null || denominator === 0) return null;
  const result = numerator / denominator;
  return Number.isFinite(result) ? result : null;
}

function checkedWeight(row: Row): number {
  if (row.value < 0)
    throw new AggregationError("NEGATIVE_WEIGHT", m.negativeWeight(row.unitId, row.periodId));
  return row.value;
}

/** The one value recorded exactly for the requested period (or the only record), else null. */
function exactValue(rows: readonly Row[], within?: Period): number | null {
  const wanted = within === undefined ? null : formatPeriod(within);
  const exact = wanted === null ? rows : rows.filter((row) => row.periodId === wanted);
  return exact.length === 1 && exact[0] !== undefined ? exact[0].value : null;
}

/** One aggregate per period, keyed by canonical period id: e.g. the 12 months of a year for a chart. */
export function aggregateSeries(
  type: RecordAggregation,
  records: readonly ValueRecord[],
  periods: readonly Period[],
  weights?: readonly ValueRecord[],
): Map<string, number | null> {
  const series = new Map<string, number | null>();
  for (const within of periods) {
    series.set(
      formatPeriod(within),
      aggregate(type, records, weights === undefined ? { within } : { within, weights }),
    );
  }
  return series;
}
