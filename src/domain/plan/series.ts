import { PlanError } from "./errors.ts";
import { planMessages } from "./messages.ts";
import type { IndicatorSpec, Observation } from "./types.ts";
import { assertDate, isFlag } from "./validate.ts";

/** An observation with a value, ready for the rules. */
export interface Point {
  readonly period: string;
  readonly date: string;
  readonly value: number;
}

/**
 * The observations that carry a value, checked and sorted by date. Nulls are dropped (an
 * unreported period is not a 0). Two values on one date are refused unless equal, because
 * which of them is "current" would otherwise depend on input order; equal ones keep the
 * smallest period id, so the result never depends on order either.
 */
export function usablePoints(spec: IndicatorSpec, observations: readonly Observation[]): Point[] {
  const byDate = new Map<string, Point>();
  observations.forEach((o, i) => {
    const point = checkedPoint(spec, o, `observations.${i}`);
    if (point === null) return;
    const seen = byDate.get(point.date);
    if (seen === undefined) {
      byDate.set(point.date, point);
    } else if (seen.value !== point.value) {
      throw new PlanError("DUPLICATE_OBSERVATION", `observations.${i}`, planMessages.duplicate(point.date));
    } else if (point.period < seen.period) {
      byDate.set(point.date, point);
    }
  });
  // ISO dates of four-digit years sort as strings.
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function checkedPoint(spec: IndicatorSpec, o: Observation, path: string): Point | null {
  if (typeof o.period !== "string") {
    throw new PlanError(
      "INVALID_OBSERVATION",
      `${path}.period`,
      planMessages.invalidPeriod(`${path}.period`),
    );
  }
  assertDate(o.date, `${path}.date`);
  if (o.value === null) return null;
  if (typeof o.value !== "number" || !Number.isFinite(o.value)) {
    throw new PlanError("INVALID_OBSERVATION", `${path}.value`, planMessages.notFinite(`${path}.value`));
  }
  if (spec.kind === "milestone" && !isFlag(o.value)) {
    throw new PlanError("INVALID_OBSERVATION", `${path}.value`, planMessages.milestoneValue(`${path}.value`));
  }
  return { period: o.period, date: o.date, value: o.value };
}

/** The points dated at or before `asOf`: later reports must not change an earlier judgement. */
export function pointsUpTo(points: readonly Point[], asOf: string): Point[] {
  return points.filter((p) => p.date <= asOf);
}
