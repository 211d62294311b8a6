import { callerMessages } from "./caller-messages.ts";
import { compareCodes } from "./codes.ts";
import { IndexScoringError } from "./errors.ts";
import { roundPoints, toHundredths } from "./points.ts";
import type { UnitScore } from "./unit.ts";

/** One unit's result to be ranked (xếp hạng) against the others of its group. */
export interface RankEntry {
  readonly unit: string;
  readonly group: string;
  readonly total: number;
  /** The index (0–1), carried through for year-over-year comparison; not used to rank. */
  readonly index?: number | null;
  /** Points per pillar code. */
  readonly pillars: Readonly<Record<string, number>>;
}

export interface PillarRank {
  readonly code: string;
  readonly points: number;
  readonly rank: number;
}

export interface RankedUnit {
  readonly unit: string;
  readonly group: string;
  /** Rounded to 2 decimals: the points ranks were decided on. */
  readonly total: number;
  readonly index: number | null;
  readonly rank: number;
  /** In pillar code order. */
  readonly pillars: readonly PillarRank[];
}

/**
 * Ranks units within each group by total points, highest first, with standard competition
 * ranking: equal points share a rank and the next rank skips (1, 2, 2, 4). Points are
 * compared as rounded to 2 decimals, the figures that are published, so 850.004 and 850
 * tie. Each pillar is ranked the same way among the group's units that have it. The order
 * of `entries` does not matter: the result is sorted by group, rank, then unit code (that
 * last key only orders the display of ties, it never changes a rank).
 */
export function rank(entries: readonly RankEntry[]): RankedUnit[] {
  checkEntries(entries);
  const byGroup = new Map<string, RankEntry[]>();
  for (const e of entries) byGroup.set(e.group, [...(byGroup.get(e.group) ?? []), e]);
  const ranked: RankedUnit[] = [];
  for (const members of byGroup.values()) ranked.push(...rankGroup(members));
  return ranked.sort(
    (a, b) => compareCodes(a.group, b.group) || a.rank - b.rank || compareCodes(a.unit, b.unit),
  );
}

/** A unit's score as a ranking entry; pillars worth 0 points (info only) are not ranked. */
export function rankEntry(unit: string, score: UnitScore): RankEntry {
  const pillars = score.pillars.filter((p) => p.maxPoints > 0).map((p) => [p.code, p.points] as const);
  return {
    unit,
    group: score.group,
    total: score.points,
    index: score.index,
    pillars: Object.fromEntries(pillars),
  };
}

function checkEntries(entries: readonly RankEntry[]): void {
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.unit)) throw new IndexScoringError("DUPLICATE_UNIT", callerMessages.duplicateUnit(e.unit));
    seen.add(e.unit);
    const finite = Number.isFinite(e.total) && Object.values(e.pillars).every(Number.isFinite);
    if (!finite) throw new IndexScoringError("INVALID_TOTAL", callerMessages.invalidTotal(e.unit));
  }
}

function rankGroup(members: readonly RankEntry[]): RankedUnit[] {
  const totals = competitionRanks(members.map((e) => ({ unit: e.unit, points: e.total })));
  const codes = [...new Set(members.flatMap((e) => Object.keys(e.pillars)))].sort(compareCodes);
  const pillarRanks = new Map(
    codes.map((code) => {
      const scored = members.flatMap((e) =>
        Object.hasOwn(e.pillars, code) ? [{ unit: e.unit, points: e.pillars[code] ?? 0 }] : [],
      );
      return [code, competitionRanks(scored)] as const;
    }),
  );
  return members.map((e) => ({
    unit: e.unit,
    group: e.group,
    total: roundPoints(e.total),
    index: e.index ?? null,
    rank: totals.get(e.unit) ?? 0,
    pillars: codes.flatMap((code) => {
      const r = pillarRanks.get(code)?.get(e.unit);
      return r === undefined ? [] : [{ code, points: roundPoints(e.pillars[code] ?? 0), rank: r }];
    }),
  }));
}

/** 1 + the number of units with strictly more points (in hundredths), for each unit. */
function competitionRanks(items: readonly { unit: string; points: number }[]): Map<string, number> {
  const sorted = items
    .map((i) => ({ unit: i.unit, key: toHundredths(i.points) }))
    .sort((a, b) => b.key - a.key);
  const ranks = new Map<string, number>();
  sorted.forEach((item, i) => {
    const previous = sorted[i - 1];
    const same = previous !== undefined && previous.key === item.key;
    ranks.set(item.unit, same ? (ranks.get(previous.unit) ?? i + 1) : i + 1);
  });
  return ranks;
}
