import { type FrameworkProblem, problem } from "./errors.ts";
import { frameworkMessages as m } from "./framework-messages.ts";
import { criterionMax, pillarMax, toHundredths } from "./points.ts";
import type { Framework } from "./types.ts";
import { isPointValue } from "./validate-award.ts";
import { type Codes, pointsPath } from "./validate-points.ts";

/**
 * For every group: the pillars add up to the group's maximum total, and each pillar's
 * criteria add up to the pillar's points. Sums are exact, in hundredths. Values already
 * reported as invalid are left out, so one mistake is not reported three times over.
 */
export function checkSums(def: Framework, groups: Codes, pillars: Codes): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  def.groups.forEach((group, i) => {
    if (groups.get(group.code) !== i) return;
    let sum = 0;
    def.pillars.forEach((pillar, k) => {
      const max = pillarMax(pillar, group.code);
      if (pillars.get(pillar.code) !== k || max === null || !isPointValue(max)) return;
      sum += toHundredths(max);
      const criteria = criteriaSum(def, pillar.code, group.code);
      if (criteria !== toHundredths(max)) {
        const at = pointsPath(pillar.maxPoints, `pillars.${k}.maxPoints`, group.code);
        problems.push(problem(at, "CRITERIA_SUM_MISMATCH", m.criteriaSum(group.code, criteria / 100, max)));
      }
    });
    const validTotal = isPointValue(group.maxTotal) && group.maxTotal > 0;
    if (validTotal && sum !== toHundredths(group.maxTotal)) {
      const text = m.pillarsSum(group.code, sum / 100, group.maxTotal);
      problems.push(problem(`groups.${i}.maxTotal`, "PILLARS_SUM_MISMATCH", text));
    }
  });
  return problems;
}

/** The criteria of a pillar that apply to the group, summed in hundredths. */
function criteriaSum(def: Framework, pillar: string, group: string): number {
  let sum = 0;
  for (const c of def.criteria) {
    const max = c.pillar === pillar ? criterionMax(c, group) : null;
    if (max !== null && isPointValue(max)) sum += toHundredths(max);
  }
  return sum;
}
