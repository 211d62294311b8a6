import { describe, expect, it } from "vitest";
import { compareSelfAndAppraised, compareYears } from "./compare.ts";
import { IndexScoringError } from "./errors.ts";
import { type RankEntry, rank } from "./rank.ts";
import { smallFramework } from "./test-helpers.ts";
import type { CriterionValue } from "./types.ts";
import { scoreUnit } from "./unit.ts";

const entry = (unit: string, total: number, index: number | null, group = "SO"): RankEntry => ({
  unit,
  group,
  total,
  index,
  pillars: {},
});

describe("compareYears", () => {
  const previous = rank([
    entry("A", 800, 0.8),
    entry("B", 700.1, 0.7001),
    entry("C", 600, 0.6),
    entry("OLD", 500, 0.5),
    entry("MOVED", 450, 0.5, "HUYEN"),
  ]);
  const current = rank([
    entry("A", 750, 0.75),
    entry("B", 820.2, 0.8202),
    entry("C", 830, 0.83),
    entry("NEW", 900, 0.9),
    entry("MOVED", 455.5, 0.5061),
  ]);
  const result = compareYears(current, previous);
  const byUnit = new Map(result.changes.map((c) => [c.unit, c]));

  it("gives the change in points, index and rank (positive rank change = moved up)", () => {
    expect(byUnit.get("B")).toEqual({
      unit: "B",
      group: "SO",
      previousGroup: "SO",
      total: 820.2,
      previousTotal: 700.1,
      totalChange: 120.1,
      index: 0.8202,
      previousIndex: 0.7001,
      indexChange: 0.1201,
      rank: 3,
      previousRank: 2,
      rankChange: -1,
    });
    expect(byUnit.get("A")).toMatchObject({
      totalChange: -50,
      indexChange: -0.05,
      rank: 4,
      previousRank: 1,
      rankChange: -3,
    });
    expect(byUnit.get("C")).toMatchObject({ totalChange: 230, rank: 2, previousRank: 3, rankChange: 1 });
  });

  it("gives null changes for a unit new this year", () => {
    expect(byUnit.get("NEW")).toMatchObject({
      previousGroup: null,
      previousTotal: null,
      totalChange: null,
      previousIndex: null,
      indexChange: null,
      previousRank: null,
      rankChange: null,
    });
  });

  it("keeps point changes but no rank change for a unit that moved to another group", () => {
    expect(byUnit.get("MOVED")).toMatchObject({
      group: "SO",
      previousGroup: "HUYEN",
      totalChange: 5.5,
      indexChange: 0.0061,
      rankChange: null,
    });
  });

  it("lists units ranked last year only, in this year's ranking order otherwise", () => {
    expect(result.dropped).toEqual(["OLD"]);
    expect(result.changes.map((c) => c.unit)).toEqual(current.map((r) => r.unit));
  });

  it("gives a null index change when either year has no index", () => {
    const now = rank([entry("A", 10, null)]);
    const then = rank([entry("A", 5, 0.5)]);
    expect(compareYears(now, then).changes[0]).toMatchObject({
      totalChange: 5,
      indexChange: null,
      rankChange: 0,
    });
  });
});

describe("compareSelfAndAppraised", () => {
  const framework = smallFramework();
  const score = (entries: Record<string, CriterionValue>) =>
    scoreUnit(framework, "A", new Map(Object.entries(entries)));
  const self = score({ "1.1": true, "1.2": { a: 3, b: 4 }, "2.1": 35.5 });
  const appraised = score({ "1.1": false, "1.2": { a: 3, b: 4 }, "2.1": 30 });

  it("puts both scores side by side per criterion, with appraised − self", () => {
    const result = compareSelfAndAppraised(self, appraised);
    expect(result.criteria.map((c) => [c.code, c.self, c.appraised, c.difference])).toEqual([
      ["1.1", 40, 0, -40],
      ["1.2", 15, 15, 0],
      ["2.1", 35.5, 30, -5.5],
    ]);
    expect(result.pillars.map((p) => [p.code, p.self, p.appraised, p.difference, p.maxPoints])).toEqual([
      ["P1", 55, 15, -40, 60],
      ["P2", 35.5, 30, -5.5, 40],
    ]);
    expect(result.total).toEqual({ self: 90.5, appraised: 45, difference: -45.5 });
    expect(result.index).toEqual({ self: 0.905, appraised: 0.45, difference: -0.455 });
  });

  it("shows each side's status, so a value the appraisers left out is visible", () => {
    const partial = score({ "1.1": true, "2.1": 35.5 });
    const result = compareSelfAndAppraised(self, partial);
    expect(result.criteria[1]).toMatchObject({
      selfStatus: "scored",
      appraisedStatus: "missing",
      difference: -15,
    });
  });

  it("refuses scores of different groups", () => {
    const other = scoreUnit(framework, "B", new Map());
    expect(() => compareSelfAndAppraised(self, other)).toThrow(IndexScoringError);
    expect(() => compareSelfAndAppraised(self, other)).toThrow(/T\/2023\/A.*T\/2023\/B/);
  });
});
