import { describe, expect, it } from "vitest";
import { IndexScoringError } from "./errors.ts";
import { type RankEntry, rank, rankEntry } from "./rank.ts";
import { smallFramework } from "./test-helpers.ts";
import { scoreUnit } from "./unit.ts";

const entry = (
  unit: string,
  total: number,
  pillars: Record<string, number> = {},
  group = "SO",
): RankEntry => ({
  unit,
  group,
  total,
  pillars,
});

const rows = (entries: RankEntry[]) => rank(entries).map((r) => `${r.group} ${r.rank} ${r.unit} ${r.total}`);

describe("rank", () => {
  it("uses standard competition ranking: ties share a rank, the next rank skips", () => {
    expect(rows([entry("D", 700), entry("B", 850), entry("A", 914.31), entry("C", 850)])).toEqual([
      "SO 1 A 914.31",
      "SO 2 B 850",
      "SO 2 C 850",
      "SO 4 D 700",
    ]);
  });

  it("ranks a three-way tie at the top 1, 1, 1, 4", () => {
    expect(rank([entry("A", 5), entry("B", 5), entry("C", 5), entry("D", 4)]).map((r) => r.rank)).toEqual([
      1, 1, 1, 4,
    ]);
  });

  it("compares the points rounded to 2 decimals, as published", () => {
    expect(rows([entry("A", 850.004), entry("B", 850), entry("C", 849.996), entry("D", 849.994)])).toEqual([
      "SO 1 A 850",
      "SO 1 B 850",
      "SO 1 C 850",
      "SO 4 D 849.99",
    ]);
  });

  it("orders tied units by code naturally, for display only", () => {
    expect(rank([entry("U10", 1), entry("U9", 1), entry("U2", 0)]).map((r) => `${r.rank} ${r.unit}`)).toEqual(
      ["1 U9", "1 U10", "3 U2"],
    );
  });

  it("ranks each group on its own", () => {
    const entries = [
      entry("H1", 600, {}, "HUYEN"),
      entry("S1", 500, {}, "SO"),
      entry("H2", 700, {}, "HUYEN"),
      entry("S2", 900, {}, "SO"),
    ];
    expect(rows(entries)).toEqual(["HUYEN 1 H2 700", "HUYEN 2 H1 600", "SO 1 S2 900", "SO 2 S1 500"]);
  });

  it("ranks each pillar within the group, with ties, among the units that have it", () => {
    const ranked = rank([
      entry("A", 90, { NTS: 50, CQS: 40 }),
      entry("B", 80, { NTS: 60, CQS: 20 }),
      entry("C", 70, { NTS: 50, CQS: 20 }),
      entry("D", 10, { CQS: 10 }),
    ]);
    expect(ranked.map((r) => [r.unit, r.pillars.map((p) => `${p.code}:${p.rank}`).join(" ")])).toEqual([
      ["A", "CQS:1 NTS:2"],
      ["B", "CQS:2 NTS:1"],
      ["C", "CQS:2 NTS:2"],
      ["D", "CQS:4"],
    ]);
  });

  it("carries the index, null when not given", () => {
    const ranked = rank([{ ...entry("A", 607.7), index: 0.6077 }, entry("B", 1)]);
    expect(ranked.map((r) => r.index)).toEqual([0.6077, null]);
  });

  it("refuses a unit listed twice and a total that is not finite", () => {
    expect(() => rank([entry("A", 1), entry("A", 2, {}, "HUYEN")])).toThrow(IndexScoringError);
    expect(() => rank([entry("A", Number.NaN)])).toThrow(/not a finite number/);
    expect(() => rank([entry("A", 1, { NTS: Number.POSITIVE_INFINITY })])).toThrow(/not a finite number/);
  });

  it("returns nothing for no entries", () => {
    expect(rank([])).toEqual([]);
  });
});

describe("rankEntry", () => {
  it("takes the score's total, index and scored pillars, leaving out info-only ones", () => {
    const score = scoreUnit(smallFramework(), "B", new Map([["1.2", { a: 1, b: 2 }]]));
    expect(rankEntry("H1", score)).toEqual({
      unit: "H1",
      group: "B",
      total: 15,
      index: 0.25,
      pillars: { P1: 15, P2: 0 },
    });
  });
});
