import { daysBetween } from "../period/index.ts";
import { fitTrend, trendValue } from "./forecast.ts";
import { atLeast, expectedProgressAt, meetsTarget, progressOf, requiredPaceOf } from "./measures.ts";
import { type ExplanationFacts, explanations } from "./messages.ts";
import { ruleStatus } from "./rules.ts";
import { type Point, pointsUpTo, usablePoints } from "./series.ts";
import type { IndicatorSpec, Observation, RuleId, StatusOptions, StatusResult } from "./types.ts";
import { assertDate, type ResolvedOptions, resolveOptions, validateSpec } from "./validate.ts";

/**
 * The status an indicator's data supports at `asOf`, with the evidence, by the ordered rules
 * of README.md (first match wins). Throws PlanError for an invalid spec, observation, date or
 * option; never returns NaN or Infinity.
 */
export function computeStatus(
  spec: IndicatorSpec,
  observations: readonly Observation[],
  asOf: string,
  options?: StatusOptions,
): StatusResult {
  validateSpec(spec);
  assertDate(asOf, "asOf");
  const opts = resolveOptions(options);
  const points = pointsUpTo(usablePoints(spec, observations), asOf);
  const latest = points.at(-1);
  const base = {
    asOf,
    target: spec.target,
    expectedProgress: expectedProgressAt(spec, asOf),
    daysToDeadline: daysBetween(asOf, spec.deadline),
  };
  const baseline = effectiveBaseline(spec, points);
  if (latest === undefined) {
    const none = { current: null, currentPeriod: null, currentDate: null, progress: null };
    return finish(spec, "R1", { ...base, ...none, baseline, forecast: null, requiredPace: null });
  }
  const trend = fitTrend(spec, points, opts.trendWindow);
  const evidence = {
    ...base,
    baseline,
    current: latest.value,
    currentPeriod: latest.period,
    currentDate: latest.date,
    progress: progressOf(spec, baseline, latest.value),
    forecast: trend === null ? null : trendValue(spec, trend, spec.deadline),
    requiredPace: requiredPaceOf(spec, latest.value, asOf),
  };
  return finish(spec, decide(spec, latest, evidence, opts), evidence);
}

type Evidence = Omit<StatusResult, "status" | "ruleId" | "explanationVi" | "explanationEn">;

/** The ordered rules after R1; see README.md for the table. */
function decide(spec: IndicatorSpec, latest: Point, e: Evidence, opts: ResolvedOptions): RuleId {
  if (meetsTarget(spec, latest.value)) return "R2";
  if (e.daysToDeadline < 0) return "R3";
  if (spec.kind === "milestone") return e.daysToDeadline <= opts.milestoneRiskDays ? "M4" : "M5";
  if (e.forecast !== null && meetsTarget(spec, e.forecast)) return "R4";
  if (e.progress !== null && atLeast(e.progress, e.expectedProgress * opts.tolerance)) return "R5";
  return "R6";
}

/**
 * The baseline the rules use: the spec's; for a milestone without one, 0 (not reached);
 * otherwise the first observation, so progress reads "since the first report".
 */
function effectiveBaseline(spec: IndicatorSpec, points: readonly Point[]): number | null {
  if (spec.baseline !== null) return spec.baseline;
  if (spec.kind === "milestone") return 0;
  return points[0]?.value ?? null;
}

function finish(spec: IndicatorSpec, ruleId: RuleId, e: Evidence): StatusResult {
  const facts: ExplanationFacts = { ...e, kind: spec.kind, deadline: spec.deadline };
  const text = explanations[ruleId](facts);
  return { status: ruleStatus(ruleId), ruleId, ...e, explanationVi: text.vi, explanationEn: text.en };
}
