import { type FrameworkProblem, problem } from "./errors.ts";
import { frameworkMessages as m } from "./framework-messages.ts";
import type { PointsByGroup } from "./types.ts";
import { isPointValue } from "./validate-award.ts";

/**
 * Checks a pillar's or criterion's points at `path`: each value a valid number of points,
 * and a per-group record naming only `allowed` groups (`unknown` says why another is wrong).
 */
export function checkPointsByGroup(
  points: PointsByGroup,
  path: string,
  allowed: (group: string) => boolean,
  unknown: (group: string) => FrameworkProblem,
): FrameworkProblem[] {
  if (typeof points === "number") {
    return isPointValue(points) ? [] : [problem(path, "INVALID_POINTS", m.invalidPoints(points))];
  }
  const problems: FrameworkProblem[] = [];
  for (const [group, value] of Object.entries(points)) {
    if (!allowed(group)) problems.push(unknown(group));
    else if (!isPointValue(value)) {
      problems.push(problem(`${path}.${group}`, "INVALID_POINTS", m.invalidPoints(value)));
    }
  }
  return problems;
}

/** Where a group's share of `points` lives: the record entry, or the single number. */
export function pointsPath(points: PointsByGroup, path: string, group: string): string {
  return typeof points === "number" ? path : `${path}.${group}`;
}

/** Codes of a list mapped to the index of their first use. */
export type Codes = ReadonlyMap<string, number>;

/** Reports codes used twice at the later use; returns each code's first index. */
export function checkCodes(
  items: readonly { readonly code: string }[],
  path: string,
  problems: FrameworkProblem[],
): Map<string, number> {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const at = `${path}.${i}.code`;
    const seen = first.get(item.code);
    if (item.code.trim() === "") problems.push(problem(at, "BLANK_CODE", m.blankCode()));
    else if (seen !== undefined) {
      problems.push(problem(at, "DUPLICATE_CODE", m.duplicateCode(item.code, `${path}.${seen}.code`)));
    } else first.set(item.code, i);
  });
  return first;
}
