import { roundHalfAway } from "../number/index.ts";
import type { Award, Criterion, Pillar, PointsByGroup } from "./types.ts";

/** Points are kept to 2 decimals (as provinces publish 914,31 điểm). */
export const POINT_DIGITS = 2;
/** The index is kept to 4 decimals (as the national DTI publishes 0,6077). */
export const INDEX_DIGITS = 4;

/** The points for `group`, or null when a per-group record has no entry for it. */
export function pointsFor(points: PointsByGroup, group: string): number | null {
  if (typeof points === "number") return points;
  // Own keys only, so a group code such as "constructor" never reads the prototype.
  return Object.hasOwn(points, group) ? (points[group] ?? null) : null;
}

/** The criterion's maximum for `group`, or null when it does not apply to that group. */
export function criterionMax(criterion: Criterion, group: string): number | null {
  return criterion.groups.includes(group) ? pointsFor(criterion.maxPoints, group) : null;
}

/** The pillar's maximum for `group`, or null when the pillar is absent for that group. */
export function pillarMax(pillar: Pillar, group: string): number | null {
  return pointsFor(pillar.maxPoints, group);
}

/** What an award is worth out of `max`: its points, or its share of `max`; null if it has neither. */
export function awardValue(award: Award, max: number): number | null {
  if (award.points !== undefined) return award.points;
  if (award.share !== undefined) return award.share * max;
  return null;
}

/** Half away from zero on the decimal value, so 12.345 gives 12.35 (not the binary 12.34). */
export function roundPoints(x: number): number {
  return roundHalfAway(x, POINT_DIGITS);
}

export function roundIndex(x: number): number {
  return roundHalfAway(x, INDEX_DIGITS);
}

/** Points as whole hundredths: sums and tie comparisons are then exact integers. */
export function toHundredths(x: number): number {
  return Math.round(roundPoints(x) * 100);
}

/** The exact sum of points already rounded to 2 decimals (no 0.1 + 0.2 drift). */
export function sumPoints(values: readonly number[]): number {
  let hundredths = 0;
  for (const v of values) hundredths += toHundredths(v);
  return hundredths / 100;
}

/** points ÷ max to 4 decimals; null when the maximum is 0 (không tính điểm). */
export function indexOf(points: number, max: number): number | null {
  return max > 0 ? roundIndex(points / max) : null;
}
