import { callerMessages } from "./caller-messages.ts";
import { IndexScoringError } from "./errors.ts";
import { roundIndex, roundPoints } from "./points.ts";
import type { RankedUnit } from "./rank.ts";
import type { CriterionStatus, UnitScore } from "./unit.ts";

/** One unit this year against last year (so với năm trước). */
export interface YearChange {
  readonly unit: string;
  readonly group: string;
  /** Last year's group, or null for a unit new this year. */
  readonly previousGroup: string | null;
  readonly total: number;
  readonly previousTotal: number | null;
  readonly totalChange: number | null;
  readonly index: number | null;
  readonly previousIndex: number | null;
  readonly indexChange: number | null;
  readonly rank: number;
  readonly previousRank: number | null;
  /** Places moved: positive = up (4th → 2nd is +2); null if new or the group changed. */
  readonly rankChange: number | null;
}

export interface YearComparison {
  /** Every unit ranked this year, in this year's ranking order. */
  readonly changes: readonly YearChange[];
  /** Units ranked last year but not this year (merged, dissolved, not assessed), in last year's order. */
  readonly dropped: readonly string[];
}

/**
 * Compares two years' rankings unit by unit. Point changes are rounded to 2 decimals, index
 * changes to 4. A rank is only comparable within the same group, so a unit that moved to
 * another group keeps its point and index change but has no rank change.
 */
export function compareYears(
  current: readonly RankedUnit[],
  previous: readonly RankedUnit[],
): YearComparison {
  const before = new Map(previous.map((r) => [r.unit, r]));
  const changes = current.map((now): YearChange => {
    const then = before.get(now.unit);
    const sameGroup = then !== undefined && then.group === now.group;
    return {
      unit: now.unit,
      group: now.group,
      previousGroup: then?.group ?? null,
      total: now.total,
      previousTotal: then?.total ?? null,
      totalChange: then === undefined ? null : roundPoints(now.total - then.total),
      index: now.index,
      previousIndex: then?.index ?? null,
      indexChange: indexChange(now, then),
      rank: now.rank,
      previousRank: then?.rank ?? null,
      rankChange: sameGroup ? then.rank - now.rank : null,
    };
  });
  const units = new Set(current.map((r) => r.unit));
  return { changes, dropped: previous.filter((r) => !units.has(r.unit)).map((r) => r.unit) };
}

function indexChange(now: RankedUnit, then: RankedUnit | undefined): number | null {
  if (now.index === null || then === undefined || then.index === null) return null;
  return roundIndex(now.index - then.index);
}

/** A figure as the unit scored itself and as the appraisers scored it. */
export interface SideBySide {
  readonly self: number;
  readonly appraised: number;
  /** appraised − self: negative when the appraisal council cut points. */
  readonly difference: number;
}

export interface CriterionComparison extends SideBySide {
  readonly code: string;
  readonly pillar: string;
  readonly maxPoints: number;
  readonly selfStatus: CriterionStatus;
  readonly appraisedStatus: CriterionStatus;
}

export interface PillarComparison extends SideBySide {
  readonly code: string;
  readonly maxPoints: number;
}

export interface SelfAppraisedComparison {
  readonly framework: string;
  readonly group: string;
  readonly criteria: readonly CriterionComparison[];
  readonly pillars: readonly PillarComparison[];
  readonly total: SideBySide;
  /** Differences of the index are rounded to 4 decimals. */
  readonly index: SideBySide;
}

/**
 * The self-assessment (tự đánh giá) beside the appraisal (thẩm định) of one unit, per
 * criterion, per pillar and in total. Both must come from the same framework, year and
 * group: otherwise the figures would not line up, and an IndexScoringError is thrown.
 */
export function compareSelfAndAppraised(self: UnitScore, appraised: UnitScore): SelfAppraisedComparison {
  const label = (s: UnitScore) => `${s.framework}/${s.year}/${s.group}`;
  const mismatch = () =>
    new IndexScoringError(
      "MISMATCHED_SCORES",
      callerMessages.mismatchedScores(label(self), label(appraised)),
    );
  if (label(self) !== label(appraised)) throw mismatch();
  const selfCriteria = new Map(self.criteria.map((c) => [c.code, c]));
  const selfPillars = new Map(self.pillars.map((p) => [p.code, p]));
  if (selfCriteria.size !== appraised.criteria.length || selfPillars.size !== appraised.pillars.length) {
    throw mismatch();
  }
  const criteria = appraised.criteria.map((a): CriterionComparison => {
    const s = selfCriteria.get(a.code);
    if (s === undefined) throw mismatch();
    const base = { code: a.code, pillar: a.pillar, maxPoints: a.maxPoints };
    return { ...base, ...sideBySide(s.points, a.points), selfStatus: s.status, appraisedStatus: a.status };
  });
  const pillars = appraised.pillars.map((a): PillarComparison => {
    const s = selfPillars.get(a.code);
    if (s === undefined) throw mismatch();
    return { code: a.code, maxPoints: a.maxPoints, ...sideBySide(s.points, a.points) };
  });
  return {
    framework: appraised.framework,
    group: appraised.group,
    criteria,
    pillars,
    total: sideBySide(self.points, appraised.points),
    index: {
      self: self.index,
      appraised: appraised.index,
      difference: roundIndex(appraised.index - self.index),
    },
  };
}

function sideBySide(self: number, appraised: number): SideBySide {
  return { self, appraised, difference: roundPoints(appraised - self) };
}
