import { type FrameworkProblem, problem } from "./errors.ts";
import { frameworkMessages as m } from "./framework-messages.ts";
import { awardValue, roundPoints } from "./points.ts";
import type { Award } from "./types.ts";

/** A criterion's maximum in one of the groups it applies to. */
export interface GroupMax {
  readonly group: string;
  readonly max: number;
}

/** Finite, not negative, at most 2 decimals: what a maximum or an award may be. */
export function isPointValue(x: number): boolean {
  return Number.isFinite(x) && x >= 0 && roundPoints(x) === x;
}

/** Exactly one of points (within every group's maximum) or share (0–1). */
export function checkAward(award: Award, path: string, maxima: readonly GroupMax[]): FrameworkProblem[] {
  const { points, share } = award;
  if ((points === undefined) === (share === undefined)) {
    return [problem(path, "INVALID_AWARD", m.awardNeitherOrBoth())];
  }
  if (share !== undefined) {
    const valid = Number.isFinite(share) && share >= 0 && share <= 1;
    return valid ? [] : [problem(`${path}.share`, "INVALID_AWARD", m.invalidShare(share))];
  }
  if (points === undefined) return [];
  if (!isPointValue(points)) return [problem(`${path}.points`, "INVALID_POINTS", m.invalidPoints(points))];
  const above = maxima.find((g) => points > g.max);
  return above === undefined
    ? []
    : [problem(`${path}.points`, "POINTS_ABOVE_MAX", m.pointsAboveMax(points, above.max, above.group))];
}

/**
 * The levels must be able to give the full maximum in every group, or the unit could never
 * reach it and the pillar's maximum would mislead.
 */
export function checkReachable(
  awards: readonly Award[],
  path: string,
  maxima: readonly GroupMax[],
): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  for (const { group, max } of maxima) {
    let best = 0;
    for (const award of awards) best = Math.max(best, awardValue(award, max) ?? 0);
    if (roundPoints(best) < max) {
      problems.push(problem(path, "MAX_UNREACHABLE", m.maxUnreachable(roundPoints(best), max, group)));
    }
  }
  return problems;
}

/** Points must not increase from one level to the next, in every group. */
export function pointsIncrease(previous: Award, next: Award, maxima: readonly GroupMax[]): boolean {
  // A tolerance far below a hundredth, so share × max float noise is not an increase.
  return maxima.some(({ max }) => (awardValue(next, max) ?? 0) > (awardValue(previous, max) ?? 0) + 1e-9);
}
