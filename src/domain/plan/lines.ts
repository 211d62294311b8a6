import { fitTrend, trendValue } from "./forecast.ts";
import { expectedProgressAt, finiteOrNull, meetsTarget } from "./measures.ts";
import { pointsUpTo, usablePoints } from "./series.ts";
import type { IndicatorSpec, LinePoint, Observation } from "./types.ts";
import { assertDate, resolveOptions, validateSpec } from "./validate.ts";

function checkDates(dates: readonly string[]): void {
  dates.forEach((d, i) => {
    assertDate(d, `dates.${i}`);
  });
}

/** Straight from `from` (share 0) to `to` (share 1); written so share 1 gives `to` exactly. */
function between(from: number, to: number, share: number): number | null {
  return finiteOrNull(from * (1 - share) + to * share);
}

/**
 * The expected-progress line: on each date, the value on the straight line from the baseline
 * (at baselineDate) to the target (at the deadline); the baseline before, the target after.
 * Null throughout when the baseline is unknown (a milestone's is 0).
 */
export function expectedLine(spec: IndicatorSpec, dates: readonly string[]): LinePoint[] {
  validateSpec(spec);
  checkDates(dates);
  const baseline = spec.baseline ?? (spec.kind === "milestone" ? 0 : null);
  return dates.map((date) => ({
    date,
    value: baseline === null ? null : between(baseline, spec.target, expectedProgressAt(spec, date)),
  }));
}

export interface ForecastLineOptions {
  /** Only observations at or before this date feed the trend, as in computeStatus. */
  readonly asOf?: string;
  readonly trendWindow?: number;
}

/**
 * The forecast line: the trend computeStatus uses (same window, same capping), evaluated on
 * each date. Null throughout when there is no trend (a milestone, or too little data).
 */
export function forecastLine(
  spec: IndicatorSpec,
  observations: readonly Observation[],
  dates: readonly string[],
  options: ForecastLineOptions = {},
): LinePoint[] {
  validateSpec(spec);
  checkDates(dates);
  const window = resolveOptions({ trendWindow: options.trendWindow }).trendWindow;
  let points = usablePoints(spec, observations);
  if (options.asOf !== undefined) {
    assertDate(options.asOf, "options.asOf");
    points = pointsUpTo(points, options.asOf);
  }
  const trend = fitTrend(spec, points, window);
  return dates.map((date) => ({ date, value: trend === null ? null : trendValue(spec, trend, date) }));
}

/**
 * The pace-needed line: from the current value at `asOf` straight to the target at the
 * deadline, drawn only between those two dates. Null throughout when there is no current
 * value, the target is already met, or the deadline has passed.
 */
export function paceLine(
  spec: IndicatorSpec,
  observations: readonly Observation[],
  asOf: string,
  dates: readonly string[],
): LinePoint[] {
  validateSpec(spec);
  assertDate(asOf, "asOf");
  checkDates(dates);
  const latest = pointsUpTo(usablePoints(spec, observations), asOf).at(-1);
  if (latest === undefined || meetsTarget(spec, latest.value) || asOf > spec.deadline) {
    return dates.map((date) => ({ date, value: null }));
  }
  // The same straight-line share as the expected line, restarted at asOf from the current value.
  const restart = { ...spec, baselineDate: asOf };
  return dates.map((date) => ({
    date,
    value:
      date >= asOf && date <= spec.deadline
        ? between(latest.value, spec.target, expectedProgressAt(restart, date))
        : null,
  }));
}
