import { daysBetween } from "../period/index.ts";
import { capForKind, finiteOrNull } from "./measures.ts";
import type { Point } from "./series.ts";
import type { IndicatorSpec } from "./types.ts";

/** A straight line through time: value = at + slope × days since `origin`. */
export interface Trend {
  readonly origin: string;
  readonly at: number;
  /** Change per day. */
  readonly slope: number;
  readonly method: "least_squares" | "baseline_to_current";
}

/**
 * The trend behind the forecast, from points sorted by date:
 * - two points or more: least squares over the last `window` of them;
 * - one point: the line from the spec's baseline (at baselineDate) through it;
 * - otherwise (no point, a milestone, no known baseline, or the point not after
 *   baselineDate): none, since a line needs two distinct moments.
 */
export function fitTrend(spec: IndicatorSpec, points: readonly Point[], window: number): Trend | null {
  if (spec.kind === "milestone") return null;
  if (points.length >= 2) return leastSquares(points.slice(-window));
  const [only] = points;
  if (only === undefined || spec.baseline === null) return null;
  const days = daysBetween(spec.baselineDate, only.date);
  if (days <= 0) return null;
  const slope = finiteOrNull((only.value - spec.baseline) / days);
  if (slope === null) return null;
  return { origin: spec.baselineDate, at: spec.baseline, slope, method: "baseline_to_current" };
}

function leastSquares(points: readonly Point[]): Trend | null {
  const [first] = points;
  if (first === undefined) return null;
  // Days from the first point keep the sums small, so no precision is lost to epoch days.
  const xs = points.map((p) => daysBetween(first.date, p.date));
  const n = points.length;
  const meanX = xs.reduce((s, x) => s + x, 0) / n;
  const meanY = points.reduce((s, p) => s + p.value, 0) / n;
  let sxx = 0;
  let sxy = 0;
  points.forEach((p, i) => {
    const dx = (xs[i] ?? 0) - meanX;
    sxx += dx * dx;
    sxy += dx * (p.value - meanY);
  });
  // All points on one day: no spread, no slope.
  if (sxx <= 0) return null;
  const slope = finiteOrNull(sxy / sxx);
  const at = slope === null ? null : finiteOrNull(meanY - slope * meanX);
  if (slope === null || at === null) return null;
  return { origin: first.date, at, slope, method: "least_squares" };
}

/** The trend's value on `date`, kept within the kind's range; null if it overflows. */
export function trendValue(spec: IndicatorSpec, trend: Trend, date: string): number | null {
  const raw = finiteOrNull(trend.at + trend.slope * daysBetween(trend.origin, date));
  return raw === null ? null : capForKind(spec, raw);
}
