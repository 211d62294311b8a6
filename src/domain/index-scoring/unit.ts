import { callerMessages } from "./caller-messages.ts";
import { compareCodes } from "./codes.ts";
import { IndexScoringError, type ScoreIssue } from "./errors.ts";
import { scoreCriterion } from "./methods.ts";
import { criterionMax, indexOf, pillarMax, sumPoints } from "./points.ts";
import type { CriterionValue, Framework } from "./types.ts";

export type CriterionStatus = "scored" | "missing" | "invalid";

export interface CriterionResult {
  readonly code: string;
  readonly pillar: string;
  readonly points: number;
  readonly maxPoints: number;
  readonly status: CriterionStatus;
  readonly error?: ScoreIssue;
}

export interface PillarResult {
  readonly code: string;
  readonly points: number;
  readonly maxPoints: number;
  /** points ÷ max to 4 decimals; null for a pillar worth 0 (không tính điểm). */
  readonly index: number | null;
}

/** One unit's result under one framework and group (kết quả đánh giá). */
export interface UnitScore {
  readonly framework: string;
  readonly year: number;
  readonly group: string;
  /** The criteria that apply to the group, in framework order. */
  readonly criteria: readonly CriterionResult[];
  /** The pillars present for the group, in framework order. */
  readonly pillars: readonly PillarResult[];
  readonly points: number;
  readonly maxPoints: number;
  /** points ÷ max to 4 decimals (0 only if nothing is scorable, for an invalid framework). */
  readonly index: number;
  /** Criteria without a value (scored 0), in framework order. */
  readonly missing: readonly string[];
  /** Criteria whose value could not be scored (scored 0), with the reason. */
  readonly invalid: readonly { readonly code: string; readonly error: ScoreIssue }[];
  /** Value codes that are not criteria of this group, in code order: likely a wrong sheet. */
  readonly ignored: readonly string[];
}

/**
 * Scores one unit of `group`. A missing value (absent or null) scores 0 and is listed in
 * `missing`; a value that cannot be scored scores 0 and is listed in `invalid`, so the
 * caller decides whether to accept the result. Validate the framework first: the totals
 * are sums of the criteria, which the validation ties to the pillars and the group total.
 */
export function scoreUnit(
  framework: Framework,
  group: string,
  values: ReadonlyMap<string, CriterionValue | null>,
): UnitScore {
  if (!framework.groups.some((g) => g.code === group)) {
    throw new IndexScoringError("UNKNOWN_GROUP", callerMessages.unknownGroup(framework.code, group));
  }
  const applicable = framework.criteria.filter((c) => criterionMax(c, group) !== null);
  const criteria = applicable.map((c): CriterionResult => {
    const max = criterionMax(c, group) ?? 0;
    const value = values.get(c.code);
    const base = { code: c.code, pillar: c.pillar, maxPoints: max };
    if (value === undefined || value === null) return { ...base, points: 0, status: "missing" };
    const score = scoreCriterion(c, group, value);
    return score.ok
      ? { ...base, points: score.points, status: "scored" }
      : { ...base, points: 0, status: "invalid", error: score.error };
  });
  const pillars = framework.pillars.flatMap((p): PillarResult[] => {
    if (pillarMax(p, group) === null) return [];
    const own = criteria.filter((c) => c.pillar === p.code);
    const points = sumPoints(own.map((c) => c.points));
    const maxPoints = sumPoints(own.map((c) => c.maxPoints));
    return [{ code: p.code, points, maxPoints, index: indexOf(points, maxPoints) }];
  });
  const points = sumPoints(criteria.map((c) => c.points));
  const maxPoints = sumPoints(criteria.map((c) => c.maxPoints));
  const codes = new Set(applicable.map((c) => c.code));
  return {
    framework: framework.code,
    year: framework.year,
    group,
    criteria,
    pillars,
    points,
    maxPoints,
    index: indexOf(points, maxPoints) ?? 0,
    missing: criteria.filter((c) => c.status === "missing").map((c) => c.code),
    invalid: criteria.flatMap((c) => (c.error === undefined ? [] : [{ code: c.code, error: c.error }])),
    ignored: [...values.keys()].filter((k) => !codes.has(k)).sort(compareCodes),
  };
}
