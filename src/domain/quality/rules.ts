import { explain } from "./explain.ts";
import { modifiedZ, type RobustScale, robustScale } from "./stats.ts";

/** Which rule raised a flag. */
export const qualityRules = ["history_range", "month_change", "peer_group"] as const;
export type QualityRule = (typeof qualityRules)[number];

export type QualityValueType = "integer" | "number" | "percent" | "boolean" | "text";

export interface QualityMetric {
  code: string;
  valueType: QualityValueType;
  minValue: number | null;
  maxValue: number | null;
}

export interface QualityInput {
  metric: QualityMetric;
  value: number;
  /**
   * The unit's own values of the periods before, oldest first, one entry per period (null: no
   * value that period); the last entry is the period just before the one checked.
   */
  history: readonly (number | null)[];
  /** The same metric and period reported by the other units of the unit's group. */
  peers: readonly number[];
}

export interface ExpectedRange {
  low: number;
  high: number;
}

/** Một cảnh báo chất lượng: a value out of line, the rule that says so, and why. */
export interface QualityFlag {
  rule: QualityRule;
  metric: string;
  value: number;
  /** Where the rule expected the value. */
  expected: ExpectedRange;
  /** The modified z-score (robust σ from the median) that tripped the rule. */
  score: number;
  /** How many values the expectation was drawn from (periods, changes or peers). */
  basis: number;
  /** For month_change: the previous period's value. */
  previous?: number;
  messageVi: string;
  messageEn: string;
}

export interface QualityOptions {
  /** |modified z| above which a value is an outlier; 3,5 after Iglewicz and Hoaglin. */
  threshold: number;
  /** The fewest earlier values (or changes + 1) the history rules need. */
  minHistory: number;
  /** How many of the latest periods the history rules look at. */
  window: number;
  /** The fewest peers the peer rule needs. */
  minPeers: number;
  /** A range is never narrower than ± this share of its centre (a steady series is not flagged for a 1% move). */
  relativeFloor: number;
}

export const defaultQualityOptions: QualityOptions = {
  threshold: 3.5,
  minHistory: 6,
  window: 12,
  minPeers: 5,
  relativeFloor: 0.05,
};

/** Whether the metric's values are checked at all (numbers are; yes/no and text are not). */
export const checkable = (m: QualityMetric) =>
  m.valueType === "integer" || m.valueType === "number" || m.valueType === "percent";

function clip(r: ExpectedRange, metric: QualityMetric, nonNegative: boolean): ExpectedRange {
  let { low, high } = r;
  if (metric.minValue !== null) low = Math.max(low, metric.minValue);
  if (metric.maxValue !== null) high = Math.min(high, metric.maxValue);
  if (nonNegative) low = Math.max(low, 0);
  if (metric.valueType === "integer") {
    low = Math.floor(low + 1e-9);
    high = Math.ceil(high - 1e-9);
  }
  return { low, high: Math.max(low, high) };
}

const halfWidth = (scale: RobustScale, o: QualityOptions, floor: number) =>
  Math.max(o.threshold * scale.sigma, floor);

const stepOf = (m: QualityMetric) => (m.valueType === "integer" ? 1 : 0);
const outside = (v: number, r: ExpectedRange) => v < r.low || v > r.high;
const round2 = (x: number) => (Number.isFinite(x) ? Math.round(x * 100) / 100 : x > 0 ? 999 : -999);

/**
 * The expected range of a unit's value from its own history, as DHIS2's min–max generation does
 * but robustly: the median ± threshold × σ (from the MAD) of its latest `window` values, at least
 * ± `relativeFloor` of the median, within the metric's bounds. A series that grows or shrinks
 * steadily carries its range along: the range also covers the latest value ± the same width, so
 * a new high in line with the last month is not an outlier. Null with too little history.
 */
export function expectedRange(
  metric: QualityMetric,
  history: readonly (number | null)[],
  options: QualityOptions = defaultQualityOptions,
): { range: ExpectedRange; scale: RobustScale; basis: number } | null {
  const values = history.filter((v): v is number => v !== null).slice(-options.window);
  const latest = values.at(-1);
  if (values.length < options.minHistory || latest === undefined) return null;
  const scale = robustScale(values);
  const floor = (x: number) => Math.max(options.relativeFloor * Math.abs(x), stepOf(metric));
  const half = halfWidth(scale, options, floor(scale.centre));
  const halfLatest = halfWidth(scale, options, floor(latest));
  const range = clip(
    {
      low: Math.min(scale.centre - half, latest - halfLatest),
      high: Math.max(scale.centre + half, latest + halfLatest),
    },
    metric,
    values.every((v) => v >= 0),
  );
  return { range, scale, basis: values.length };
}

function historyFlag(input: QualityInput, o: QualityOptions): QualityFlag | null {
  const found = expectedRange(input.metric, input.history, o);
  if (!found || !outside(input.value, found.range)) return null;
  return flag(input, "history_range", found.range, modifiedZ(input.value, found.scale), found.basis);
}

/** Month-on-month: the change from the period before against the unit's earlier changes. */
function changeFlag(input: QualityInput, o: QualityOptions): QualityFlag | null {
  const recent = input.history.slice(-(o.window + 1));
  const previous = recent.at(-1);
  if (previous === null || previous === undefined) return null;
  const changes: number[] = [];
  for (let i = 1; i < recent.length; i++) {
    const a = recent[i - 1];
    const b = recent[i];
    if (a !== null && a !== undefined && b !== null && b !== undefined) changes.push(b - a);
  }
  if (changes.length < o.minHistory - 1) return null;
  const scale = robustScale(changes);
  const half = halfWidth(scale, o, Math.max(o.relativeFloor * Math.abs(previous), stepOf(input.metric)));
  const range = clip(
    { low: previous + scale.centre - half, high: previous + scale.centre + half },
    input.metric,
    recent.every((v) => v === null || v >= 0),
  );
  if (!outside(input.value, range)) return null;
  const z = modifiedZ(input.value - previous, scale);
  return { ...flag(input, "month_change", range, z, changes.length, previous), previous };
}

/**
 * Against peers of the same group in the same period. Counts and amounts of units of different
 * sizes spread by factors, not by amounts: non-negative ones are compared on a log scale
 * (log(1 + x)); percents and values that can be negative on their own scale.
 */
function peerFlag(input: QualityInput, o: QualityOptions): QualityFlag | null {
  const { metric, value, peers } = input;
  if (peers.length < o.minPeers) return null;
  const logScale = metric.valueType !== "percent" && value >= 0 && peers.every((p) => p >= 0);
  const to = logScale ? Math.log1p : (x: number) => x;
  const from = logScale ? Math.expm1 : (x: number) => x;
  const scale = robustScale(peers.map(to));
  const floor = logScale ? Math.log1p(o.relativeFloor) * 4 : o.relativeFloor * Math.abs(scale.centre);
  const half = halfWidth(scale, o, Math.max(floor, logScale ? 0 : stepOf(metric)));
  const range = clip(
    { low: from(scale.centre - half), high: from(scale.centre + half) },
    metric,
    peers.every((p) => p >= 0),
  );
  if (!outside(value, range)) return null;
  return flag(
    input,
    "peer_group",
    range,
    modifiedZ(to(value), scale),
    peers.length,
    undefined,
    from(scale.centre),
  );
}

function flag(
  input: QualityInput,
  rule: QualityRule,
  expected: ExpectedRange,
  z: number,
  basis: number,
  previous?: number,
  centre?: number,
): QualityFlag {
  const text = explain({ rule, metric: input.metric, value: input.value, expected, basis, previous, centre });
  return {
    rule,
    metric: input.metric.code,
    value: input.value,
    expected,
    score: round2(z),
    basis,
    messageVi: text.vi,
    messageEn: text.en,
  };
}

/**
 * Every rule's flag for one value (none when the value is in line, the metric is not numeric, or
 * no rule has enough to go on). Rules: its own history's range, the change from the period
 * before, and its group's values of the same period.
 */
export function qualityFlags(
  input: QualityInput,
  options: QualityOptions = defaultQualityOptions,
): QualityFlag[] {
  if (!checkable(input.metric) || !Number.isFinite(input.value)) return [];
  return [historyFlag(input, options), changeFlag(input, options), peerFlag(input, options)].filter(
    (f): f is QualityFlag => f !== null,
  );
}
