import { describe, expect, it } from "vitest";
import { IndexScoringError } from "./errors.ts";
import { smallFramework } from "./test-helpers.ts";
import type { CriterionValue } from "./types.ts";
import { scoreUnit } from "./unit.ts";

const values = (entries: Record<string, CriterionValue | null>) => new Map(Object.entries(entries));

describe("scoreUnit", () => {
  it("adds criteria into pillars and the total, with each index to 4 decimals", () => {
    const score = scoreUnit(
      smallFramework(),
      "A",
      values({ "1.1": true, "1.2": { a: 2, b: 3 }, "2.1": 21.37 }),
    );
    expect(score.criteria.map((c) => [c.code, c.points, c.maxPoints, c.status])).toEqual([
      ["1.1", 40, 40, "scored"],
      ["1.2", 13.33, 20, "scored"],
      ["2.1", 21.37, 40, "scored"],
    ]);
    expect(score.pillars).toEqual([
      { code: "P1", points: 53.33, maxPoints: 60, index: 0.8888 },
      { code: "P2", points: 21.37, maxPoints: 40, index: 0.5343 },
    ]);
    expect([score.points, score.maxPoints, score.index]).toEqual([74.7, 100, 0.747]);
    expect([score.framework, score.year, score.group]).toEqual(["T", 2023, "A"]);
  });

  it("rounds the index half away from zero: 607.65 of 1000 is 0.6077", () => {
    const framework = smallFramework();
    const big = {
      ...framework,
      groups: [{ code: "A", nameVi: "A", nameEn: "A", maxTotal: 1000 }],
      pillars: [{ code: "P1", nameVi: "P", nameEn: "P", maxPoints: 1000 }],
      criteria: [{ ...framework.criteria[2], pillar: "P1", groups: ["A"], maxPoints: 1000 }],
    } as typeof framework;
    expect(scoreUnit(big, "A", values({ "2.1": 607.65 })).index).toBe(0.6077);
    expect(scoreUnit(big, "A", values({ "2.1": 607.64 })).index).toBe(0.6076);
  });

  it("sums points exactly: 0.1 + 0.2 of a pillar is 0.3", () => {
    const score = scoreUnit(smallFramework(), "B", values({ "1.2": { a: 1, b: 300 }, "2.1": 0.2 }));
    expect(score.criteria.map((c) => c.points)).toEqual([0.1, 0.2, 0]);
    expect(score.points).toBe(0.3);
  });

  it("scores a missing or null value 0 and lists it", () => {
    const score = scoreUnit(smallFramework(), "A", values({ "1.1": true, "2.1": null }));
    expect(score.missing).toEqual(["1.2", "2.1"]);
    expect(score.criteria.map((c) => c.status)).toEqual(["scored", "missing", "missing"]);
    expect(score.points).toBe(40);
    expect(score.invalid).toEqual([]);
  });

  it("scores an invalid value 0 and lists it with the reason", () => {
    const score = scoreUnit(smallFramework(), "A", values({ "1.1": true, "1.2": { a: 5, b: 4 }, "2.1": 10 }));
    expect(score.points).toBe(50);
    expect(score.invalid.map((i) => [i.code, i.error.code])).toEqual([
      ["1.2", "NUMERATOR_EXCEEDS_DENOMINATOR"],
    ]);
    expect(score.criteria[1]).toMatchObject({ status: "invalid", points: 0, maxPoints: 20 });
    expect(score.missing).toEqual([]);
  });

  it("uses only the group's criteria and pillars, keeping an info-only pillar with a null index", () => {
    const score = scoreUnit(
      smallFramework(),
      "B",
      values({ "1.1": true, "1.2": { a: 3, b: 3 }, "3.1": true }),
    );
    expect(score.criteria.map((c) => c.code)).toEqual(["1.2", "2.1", "3.1"]);
    expect(score.pillars.map((p) => [p.code, p.points, p.maxPoints, p.index])).toEqual([
      ["P1", 30, 30, 1],
      ["P2", 0, 30, 0],
      ["P3", 0, 0, null],
    ]);
    expect([score.points, score.maxPoints, score.index]).toEqual([30, 60, 0.5]);
    expect(score.ignored).toEqual(["1.1"]);
  });

  it("lists values for codes that are not criteria of the group, in code order", () => {
    const score = scoreUnit(smallFramework(), "A", values({ "9.10": 1, "9.2": 1, "1.1": true }));
    expect(score.ignored).toEqual(["9.2", "9.10"]);
  });

  it("throws for a group the framework does not have", () => {
    expect(() => scoreUnit(smallFramework(), "Z", new Map())).toThrow(IndexScoringError);
    try {
      scoreUnit(smallFramework(), "Z", new Map());
    } catch (e) {
      expect(e).toMatchObject({ code: "UNKNOWN_GROUP", messageVi: "Bộ chỉ số T không có nhóm đơn vị 'Z'" });
    }
  });
});
